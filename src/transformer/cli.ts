/**
 * The `einops-precompile` command (the package's `bin`). Kept apart from precompile.ts, which
 * holds the logic, so importing that runs nothing.
 */
import { runCli } from './precompile';

process.exitCode = runCli(process.argv.slice(2));
