// The published types as a consumer meets them: a temporary project with einops "installed"
// (node_modules/einops linked to this package, its dist/ built) compiles test-d/published/*
// (ESM and CommonJS, moduleResolution nodenext) with the project's TypeScript. Run after
// `npm run build`; exits non-zero with tsc's errors when a consumer would see the wrong types.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const project = mkdtempSync(join(tmpdir(), 'einops-consumer-'));
try {
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root, join(project, 'node_modules/einops'), 'dir');
  symlinkSync(join(root, 'node_modules/@tensorflow'), join(project, 'node_modules/@tensorflow'), 'dir');
  cpSync(join(root, 'test-d/published'), join(project, 'src'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        // As installed: node_modules/einops is the package's own folder, not this repository.
        preserveSymlinks: true,
        // tfjs-core's own declarations need @webgpu/types and long; a consumer's usual setting.
        skipLibCheck: true,
        types: [],
        lib: ['ES2022', 'DOM'],
      },
      include: ['src'],
    }),
  );
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
  process.stdout.write(tsc.stdout + tsc.stderr);
  process.exitCode = tsc.status === 0 ? 0 : 1;
} finally {
  rmSync(project, { recursive: true, force: true });
}
