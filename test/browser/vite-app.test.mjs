/**
 * End-to-end test of examples/vite-app, the way a user meets einops in a browser app:
 *
 * 1. builds the app with Vite and the einops plugin (its own vite.config.ts), and once more
 *    without the plugin as a control;
 * 2. checks the bundle: no chunk holds the pattern parser, the plugin having precompiled the
 *    einops calls and layers, while the control's entry chunk does (so the check can fail);
 * 3. serves the build on localhost and opens it in Debian's Chromium (playwright-core): the page
 *    must print the image's shapes, the model's output and the tutorial's shapes, with no page
 *    or console error, and draw the pooled image; a screenshot goes to test/browser/.output/.
 *
 * Run with `npm run test:browser` (needs dist/: builds it when missing). Without Chromium
 * (/usr/bin/chromium, or CHROMIUM_PATH) the browser part is skipped with a message.
 * A plain Node script rather than a vitest file, so `vitest run` never picks it up.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const app = join(root, 'examples/vite-app');
const output = join(root, 'test/browser/.output');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// A string only the pattern parser has (src/pattern/parse.ts, `syntaxError`), which
// minification keeps: the text of a template literal. The control build proves it is found.
const PARSER_MARKER = ' (column ';

const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
const step = (message) => console.log(`  ✓ ${message} (${seconds()})`);

// ── dist/: the app imports the package as a user would, which resolves to the built files ──
const distFiles = ['index.js', 'runtime.js', 'tfjs.js', 'layers/tfjs.js', 'layers/tfjs/runtime.js', 'rollup.js'];
if (distFiles.some((file) => !existsSync(join(root, 'dist', file)))) {
  console.log('test:browser: dist/ is missing, running `npm run build` first');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  assert.equal(built.status, 0, '`npm run build` failed');
}

// ── build the app, with the plugin and without ──
const { build, loadConfigFromFile } = await import('vite');
const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, join(app, 'vite.config.ts'), app, 'warn');
assert.ok(loaded, 'examples/vite-app/vite.config.ts did not load');
const config = loaded.config;
const plugins = [config.plugins ?? []].flat(Infinity).filter(Boolean);
const einopsPlugin = plugins.find((plugin) => plugin.name === 'einops');
assert.ok(einopsPlugin, 'the app config has no einops plugin');

/** Builds the app into test/browser/.output/<name>; returns the entry chunk and every chunk. */
async function buildApp(name, appPlugins) {
  const outDir = join(output, name);
  await build({ ...config, configFile: false, logLevel: 'warn', plugins: appPlugins, build: { ...config.build, outDir, emptyOutDir: true } });
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/([^"]+\.js)"/.exec(html)?.[1];
  assert.ok(entry, `${name}/index.html loads no module script`);
  const chunks = readdirSync(join(outDir, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file: `assets/${file}`, code: readFileSync(join(outDir, 'assets', file), 'utf8') }));
  return { outDir, entry: chunks.find((chunk) => chunk.file === entry), chunks };
}

const precompiled = await buildApp('vite-app', plugins);
const control = await buildApp('vite-app-control', plugins.filter((plugin) => plugin !== einopsPlugin));
step(`built the app with and without the einops plugin (${einopsPlugin.api.stats.calls} calls precompiled)`);

// ── the bundle ──
assert.ok(einopsPlugin.api.stats.calls > 0, 'the plugin precompiled no call');
assert.ok(control.entry.code.includes(PARSER_MARKER), `the control build's entry chunk lacks the parser marker ${JSON.stringify(PARSER_MARKER)}: the check below would prove nothing (has the parser's text changed?)`);
const withParser = precompiled.chunks.filter((chunk) => chunk.code.includes(PARSER_MARKER)).map((chunk) => chunk.file);
assert.deepEqual(withParser, [], `the pattern parser is in ${withParser.join(', ')} though every einops call and layer of the app is precompiled`);
step(`no chunk of ${precompiled.chunks.length} holds the pattern parser (the control's entry chunk does)`);

// ── the page in Chromium ──
if (!existsSync(chromiumPath)) {
  console.log(`test:browser: browser part SKIPPED: no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  process.exit(0);
}

const CONTENT_TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };

/** A static file server for the built app on 127.0.0.1, on a free port. */
async function serve(directory) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = resolve(directory, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!file.startsWith(directory + sep) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

const EXPECTED_LINES = [
  ['pixels: tensor(imageData.data, [h, w, 4])', '[64, 64, 4]'],
  ["rearrange(pixels, 'h w c -> 1 c h w')", '[1, 4, 64, 64]'],
  ["rearrange(tfTensor, 'b c h w -> b h w c')", '[1, 64, 64, 4]'],
  ["Reduce('b (h 2) (w 2) c -> b h w c', 'max')", '[1, 32, 32, 4]'],
  ["Reduce('b h w c -> b c', 'mean')", '[1, 4]'],
  ['x', '[10, 32, 100, 200]'],
  ["rearrange(x, 'b c h w -> b (c h w)')", '[10, 640000]'],
  ["rearrange(x, 'b c (h h1) (w w1) -> b (h1 w1 c) h w', { h1: 2, w1: 2 })", '[10, 128, 50, 100]'],
  ["rearrange(x, 'b (h1 w1 c) h w -> b c (h h1) (w w1)', { h1: 2, w1: 2 })", '[10, 8, 200, 400]'],
  ["reduce(x, 'b c (h 2) (w 2) -> b c h w', 'max')", '[10, 32, 50, 100]'],
  ["reduce(x, 'b c h w -> b c 1 1', 'mean')", '[10, 32, 1, 1]'],
];

const { chromium } = await import('playwright-core');
const server = await serve(precompiled.outDir);
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });

  const { port } = server.address();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => document.body.dataset.done !== undefined, null, { timeout: 120_000 });
  const text = (await page.textContent('#log')) ?? '';
  mkdirSync(output, { recursive: true });
  const screenshot = join(output, 'vite-app.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  step(`the page finished; screenshot in ${relative(root, screenshot)}`);

  assert.equal(await page.evaluate(() => document.body.dataset.done), '1', `the page failed:\n${text}`);
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
  const lines = text.split('\n');
  for (const [label, shape] of EXPECTED_LINES) {
    const line = lines.find((candidate) => candidate.startsWith(`${label} `));
    assert.ok(line, `no line for ${label} in the page:\n${text}`);
    assert.ok(line.trimEnd().endsWith(` ${shape}`), `${label}: expected ${shape}, the page shows: ${line}`);
  }
  assert.match(text, /^layers: InputLayer → Reduce → Reduce$/m);
  assert.match(text, /^model agrees with einops on the NDArray: yes /m);
  assert.match(text, /^model saved and loaded again gives the same output: yes$/m);
  // The pooled image was drawn: its canvas is opaque where the image is.
  const alpha = await page.evaluate(() => document.querySelector('#pooled').getContext('2d').getImageData(16, 16, 1, 1).data[3]);
  assert.equal(alpha, 255, 'the pooled image was not drawn');
  step(`the page shows the image's, the model's and the tutorial's ${EXPECTED_LINES.length} shapes, no errors`);
} finally {
  await browser.close();
  server.close();
}
console.log(`test:browser: passed in ${seconds()}`);
