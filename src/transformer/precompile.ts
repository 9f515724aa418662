/**
 * Precompiles emitted JavaScript on disk, for projects that compile with `tsc` alone: each file
 * is rewritten in place or written under an output directory. A source map that tsc emitted
 * (a `.map` file or an inline one) is carried through, so it still leads to the TypeScript.
 * `einops-precompile` (cli.ts) is this with its arguments read from the command line.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import remapping from '@jridgewell/remapping';
import { createTransformer, type Diagnostic, type EncodedSourceMap, PrecompileError, type TransformOptions } from './transform';

/**
 * Options of {@link precompileFiles}: the transformer's, and where the results go. (Source
 * maps are always made: a file whose map is not rewritten would keep one that no longer fits.)
 */
export interface PrecompileFilesOptions extends Omit<TransformOptions, 'sourceMap'> {
  /** Write the results under this directory, mirroring each input directory; default: in place. */
  readonly outDir?: string;
  /** A line per file: always (true), never (false), or by default when there are 20 files or more. */
  readonly progress?: boolean;
  /** Where progress lines go; default `console.log`. */
  readonly log?: (line: string) => void;
}

/** What {@link precompileFiles} did. */
export interface PrecompileSummary {
  readonly files: number;
  readonly changed: number;
  readonly calls: number;
  readonly warnings: readonly Diagnostic[];
  readonly errors: readonly Diagnostic[];
}

const JAVASCRIPT = /\.(?:[cm]?js|jsx)$/;
const LONG_RUN_FILES = 20;
const MAP_COMMENT = /\/\/[#@] sourceMappingURL=(\S+)\s*$/;
const INLINE_MAP = /^data:application\/json;(?:charset=utf-8;)?base64,/;

interface Job {
  readonly input: string;
  readonly output: string;
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** Every file to handle, with where it goes: a directory's files keep their place under outDir. */
function jobsOf(inputs: readonly string[], outDir: string | undefined): Job[] {
  return inputs.flatMap((input) => {
    const root = resolve(input);
    if (statSync(root).isDirectory()) {
      return filesUnder(root).map((file) => ({ input: file, output: outDir === undefined ? file : join(resolve(outDir), relative(root, file)) }));
    }
    return [{ input: root, output: outDir === undefined ? root : join(resolve(outDir), basename(root)) }];
  });
}

/** The source map the file points at, with its sources made absolute, and how it is stored. */
function readSourceMap(code: string, file: string): { map: EncodedSourceMap; path: string | undefined } | undefined {
  const url = MAP_COMMENT.exec(code)?.[1];
  if (url === undefined) return undefined;
  let map: EncodedSourceMap & { sourceRoot?: string };
  let path: string | undefined;
  if (INLINE_MAP.test(url)) {
    map = JSON.parse(Buffer.from(url.replace(INLINE_MAP, ''), 'base64').toString('utf8')) as typeof map;
  } else {
    path = resolve(dirname(file), decodeURIComponent(url));
    if (!existsSync(path)) return undefined;
    map = JSON.parse(readFileSync(path, 'utf8')) as typeof map;
  }
  const { sourceRoot = '', ...rest } = map;
  const base = resolve(dirname(path ?? file), sourceRoot);
  return { map: { ...rest, sources: map.sources.map((source) => (isAbsolute(source) ? source : resolve(base, source))) }, path };
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * Precompiles the einops calls of emitted JavaScript files (given one by one or as
 * directories), in place or under `outDir`, updating the source maps tsc wrote beside them:
 * what the `einops-precompile` command runs. Invalid patterns are reported in the summary's
 * `errors` (or `warnings` with `warn: true`), and files with errors are left unwritten.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { precompileFiles } from 'einops/transformer';
 *
 * const dir = mkdtempSync(join(tmpdir(), 'einops-'));
 * writeFileSync(join(dir, 'main.js'), "import { rearrange } from 'einops';\nexport const f = (x) => rearrange(x, 'a b -> b a');\n");
 * const summary = precompileFiles([dir], { progress: false }); // { files: 1, changed: 1, calls: 1, … }
 * ```
 */
export function precompileFiles(inputs: readonly string[], options: PrecompileFilesOptions = {}): PrecompileSummary {
  const log = options.log ?? ((line: string) => console.log(line));
  const transformer = createTransformer({ ...options, sourceMap: true });
  const jobs = jobsOf(inputs, options.outDir);
  const scripts = jobs.filter((job) => JAVASCRIPT.test(job.input));
  const progress = options.progress ?? scripts.length >= LONG_RUN_FILES;
  const warnings: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  const rewrittenMaps = new Set<string>();
  let changed = 0;
  let calls = 0;

  scripts.forEach((job, index) => {
    const code = readFileSync(job.input, 'utf8');
    let result;
    try {
      result = transformer.transform(code, job.input);
    } catch (error) {
      if (!(error instanceof PrecompileError)) throw error;
      errors.push(...error.diagnostics);
      if (progress) log(`[${index + 1}/${scripts.length}] ${relative(process.cwd(), job.input)}: invalid pattern`);
      return;
    }
    warnings.push(...result.warnings);
    if (progress) log(`[${index + 1}/${scripts.length}] ${relative(process.cwd(), job.input)}: ${result.calls} call${result.calls === 1 ? '' : 's'}`);
    if (result.calls === 0) {
      if (job.output !== job.input) writeFile(job.output, code);
      return;
    }
    changed++;
    calls += result.calls;
    let output = result.code;
    const previous = readSourceMap(code, job.input);
    if (previous !== undefined && result.map !== undefined) {
      // Compose: new JavaScript → emitted JavaScript → TypeScript; sources relative to where the map goes.
      const composed = remapping([result.map, previous.map], () => null);
      const mapPath = previous.path === undefined ? job.output : join(dirname(job.output), relative(dirname(job.input), previous.path));
      const json = { ...composed, file: basename(job.output), sources: composed.sources.map((source) => (source === null ? '' : relative(dirname(mapPath), source))) };
      if (previous.path === undefined) {
        const inline = `data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(json)).toString('base64')}`;
        output = output.replace(MAP_COMMENT, `//# sourceMappingURL=${inline}`);
      } else {
        writeFile(mapPath, JSON.stringify(json));
        rewrittenMaps.add(resolve(previous.path));
      }
    }
    writeFile(job.output, output);
  });

  // With an output directory the rest of the emitted tree (declarations, untouched maps) goes along.
  if (options.outDir !== undefined) {
    for (const job of jobs) {
      if (JAVASCRIPT.test(job.input) || rewrittenMaps.has(job.input) || job.input === job.output) continue;
      mkdirSync(dirname(job.output), { recursive: true });
      copyFileSync(job.input, job.output);
    }
  }
  return { files: scripts.length, changed, calls, warnings, errors };
}

const USAGE = `Usage: einops-precompile [options] <file or directory>...

Precompiles the einops patterns in emitted JavaScript (e.g. tsc's output): calls such as
rearrange(x, 'b c h w -> b h w c') become calls into einops/runtime with the recipe inlined,
and layers such as new Reduce('b (h 2) w c -> b h w c', 'max') the layers of
einops/layers/tfjs/runtime, which take the recipe and need no parser.
Files are rewritten in place unless --outDir is given. Source maps that tsc emitted are kept.

Options:
  --outDir <dir>      write the results under <dir> (each input directory's tree is mirrored)
  --warn              report invalid patterns as warnings and leave those calls to run time
  --module <name>     a module whose ops to precompile (repeatable; default: einops)
  --runtime <name>    the module precompiled calls import (default: einops/runtime)
  --layer-module <name>   a module whose layers to precompile (repeatable; default: einops/layers/tfjs and einops/layers/tfjs/runtime)
  --layer-runtime <name>  the module precompiled layers import (default: einops/layers/tfjs/runtime)
  --progress          print a line per file (the default from ${LONG_RUN_FILES} files on)
  --quiet             print only errors and warnings
  --help              print this
`;

export interface CliOutput {
  readonly log: (line: string) => void;
  readonly error: (line: string) => void;
}

/** Runs the command line; returns the exit code (1: invalid patterns, 2: bad arguments). */
export function runCli(argv: readonly string[], io: CliOutput = { log: console.log, error: console.error }): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        outDir: { type: 'string' },
        warn: { type: 'boolean' },
        module: { type: 'string', multiple: true },
        runtime: { type: 'string' },
        'layer-module': { type: 'string', multiple: true },
        'layer-runtime': { type: 'string' },
        progress: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    io.error(`einops-precompile: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    io.error(USAGE);
    return 2;
  }
  const missing = positionals.find((input) => !existsSync(input));
  if (missing !== undefined) {
    io.error(`einops-precompile: ${missing} does not exist`);
    return 2;
  }
  const quiet = values.quiet === true;
  const started = performance.now();
  const summary = precompileFiles(positionals, {
    ...(values.outDir === undefined ? {} : { outDir: values.outDir }),
    ...(values.module === undefined ? {} : { modules: values.module }),
    ...(values.runtime === undefined ? {} : { runtime: values.runtime }),
    ...(values['layer-module'] === undefined ? {} : { layerModules: values['layer-module'] }),
    ...(values['layer-runtime'] === undefined ? {} : { layerRuntime: values['layer-runtime'] }),
    warn: values.warn === true,
    ...(quiet ? { progress: false } : values.progress === true ? { progress: true } : {}),
    log: io.log,
  });
  for (const warning of summary.warnings) io.error(`warning: ${warning.message}`);
  for (const error of summary.errors) io.error(`error: ${error.message}`);
  if (!quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.log(`einops-precompile: ${summary.calls} calls precompiled in ${summary.changed} of ${summary.files} files (${seconds} s)`);
  }
  return summary.errors.length > 0 ? 1 : 0;
}
