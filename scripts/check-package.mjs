// The package as npm would publish it, checked before it is: run after `npm run build`.
//   1. `npm pack` (once, into a temporary folder): the tarball holds dist/, README.md, LICENSE
//      and package.json only, every file the manifest names (exports, bin, typesVersions, main,
//      module, types), and every relative import inside dist/ resolves to a packed file;
//   2. publint, strict, on that tarball: any message fails, suggestions included;
//   3. @arethetypeswrong/cli on that tarball: every entry point under node10, node16 (CJS and
//      ESM) and bundler resolution; any problem fails.
// Exits non-zero listing what is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];
const report = (section, message) => problems.push(`${section}: ${message}`);

if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('check-package: dist/ is missing, run `npm run build` first');
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), 'einops-pack-'));
try {
  // ── 1. the packed files ──
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const pack = spawnSync(npm, ['pack', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const [packed] = JSON.parse(pack.stdout);
  const tarball = join(scratch, packed.filename);
  const files = new Set(packed.files.map((file) => file.path));

  const allowed = (path) => ['package.json', 'README.md', 'LICENSE'].includes(path) || path.startsWith('dist/');
  for (const path of files) {
    if (!allowed(path)) report('pack', `${path} is packed; only dist/, README.md, LICENSE and package.json should be`);
    if (/(^|\/)(src|test|test-d|bench|examples|scripts)\//.test(path) || /\.test(-d)?\./.test(path)) report('pack', `${path} is source, test or bench code`);
    if (path.endsWith('.map')) report('pack', `${path}: source maps would point at src/, which is not packed`);
  }
  for (const path of ['package.json', 'README.md', 'LICENSE']) if (!files.has(path)) report('pack', `${path} is not packed`);

  // Every path the manifest points at.
  const named = new Map();
  const collect = (value, where) => {
    if (typeof value === 'string') named.set(value, where);
    else if (Array.isArray(value)) value.forEach((item, i) => collect(item, `${where}[${i}]`));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) collect(item, `${where}.${key}`);
  };
  for (const field of ['main', 'module', 'types', 'exports', 'bin', 'typesVersions']) collect(manifest[field], field);
  for (const [target, where] of named) {
    const path = posix.normalize(target);
    if (!files.has(path)) report('pack', `${where} names ${target}, which is not packed`);
  }

  // Every relative import of a packed module resolves to a packed file (no stale chunk names).
  const specifiers = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const path of files) {
    if (!/\.(c|m)?js$|\.d\.c?ts$/.test(path)) continue;
    const text = readFileSync(join(root, path), 'utf8');
    for (const [, specifier] of text.matchAll(specifiers)) {
      const target = posix.join(posix.dirname(path), specifier);
      // A .d.ts may import a chunk by its .js name; TypeScript reads the .d.ts beside it.
      const candidates = [target, target.replace(/\.js$/, '.d.ts'), target.replace(/\.cjs$/, '.d.cts')];
      if (!candidates.some((candidate) => files.has(candidate))) report('pack', `${path} imports ${specifier}, which is not packed`);
    }
    // The comment ends the file (the transformer's own code writes such comments too).
    const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
    if (map !== undefined && !map.startsWith('data:') && !files.has(posix.join(posix.dirname(path), map))) {
      report('pack', `${path} points at the source map ${map}, which is not packed`);
    }
  }
  console.log(`pack: ${files.size} files, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked, ${named.size} manifest paths`);

  // ── 2. publint ──
  const bytes = readFileSync(tarball);
  const { messages, pkg } = await publint({
    // No pkgDir: publint reads the package from the tarball's own root.
    strict: true,
    level: 'suggestion',
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
  });
  for (const message of messages) report(`publint ${message.type}`, formatMessage(message, pkg) ?? message.code);
  console.log(`publint (strict, suggestions included): ${messages.length} messages`);

  // ── 3. are the types wrong ──
  const attwBin = join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js');
  const attw = spawnSync(process.execPath, [attwBin, tarball, '--format', 'table-flipped'], { cwd: root, encoding: 'utf8' });
  if (attw.status !== 0) report('attw', `problems found:\n${attw.stdout}${attw.stderr}`);
  console.log(`attw (node10, node16 CJS and ESM, bundler; every entry point): ${attw.status === 0 ? 'no problems' : 'problems'}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`\ncheck-package: ${problems.length} problem(s)\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('check-package: ok');
}
