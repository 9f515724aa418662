/**
 * The documentation's code runs: every ```ts block of README.md, docs/*.md and the `@example`
 * tags of src/** (see ./codeBlocks.ts) is written to a module of its own, type-checked with the
 * project's TypeScript against the package's entries, and imported, so that a block which no
 * longer compiles or throws fails the suite.
 *
 * `einops` and `einops/<entry>` resolve to the entries in src/, as package.json's exports map
 * them for a user; the tensor libraries' registry augmentations (which the built .d.ts of each
 * entry carries) are part of the program, as they are for a user who imports those entries.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import entryList from '../../scripts/entries.json';
import { type CodeBlock, documentationBlocks } from './codeBlocks';

const root = resolve(__dirname, '../..');

/** package.json's subpaths as a user imports them (`einops/tfjs`) and the source entry behind each. */
const entries: Record<string, string> = Object.fromEntries(
  Object.entries({ ...entryList.library, ...entryList.tools }).map(([subpath, source]) => [`einops${subpath.slice(1)}`, source]),
);
const registries = ['src/types/tfjsRegistry.ts', 'src/types/onnxRegistry.ts', 'src/types/scijsRegistry.ts'];

const blocks = documentationBlocks(root);
// Outside test/ and src/, so that no other tsconfig or test run picks the modules up; removed after.
let scratch = '';
const moduleOf = new Map<CodeBlock, string>();

/** The block as a module: `einops…` imports point at the source entries; line numbers are kept. */
function asModule(block: CodeBlock): string {
  const code = block.code.replace(/(\bfrom\s+|\bimport\s*\(?\s*)(['"])(einops(?:\/[\w/]+)?)\2/g, (whole, before: string, quote: string, name: string) => {
    const entry = entries[name];
    if (entry === undefined) throw new Error(`${block.where}: no entry ${name} in package.json's exports`);
    // The modules sit in a folder of the repository's root: ../src/….
    return `${before}${quote}../${entry.replace(/\.ts$/, '')}${quote}`;
  });
  // A block without imports or exports is still a module of its own.
  return /^\s*(import|export)\s/m.test(code) ? code : `${code}\nexport {};\n`;
}

beforeAll(() => {
  scratch = mkdtempSync(join(root, '.docs-blocks-'));
  blocks.forEach((block, i) => {
    const path = join(scratch, `${String(i).padStart(3, '0')}-${block.file.replace(/[^\w.]+/g, '_')}-${block.line}.ts`);
    writeFileSync(path, asModule(block));
    moduleOf.set(block, path);
  });
});

afterAll(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

describe('documentation code blocks', () => {
  it('finds the blocks of README.md and of the @example tags', () => {
    expect(blocks.filter((block) => block.file === 'README.md').length).toBeGreaterThanOrEqual(5);
    expect(blocks.filter((block) => block.file.startsWith('src/')).length).toBeGreaterThanOrEqual(10);
  });

  it('type-checks every block against the package', () => {
    const configPath = join(root, 'tsconfig.test.json');
    const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const files = [...moduleOf.values(), ...registries.map((path) => join(root, path))];
    const program = ts.createProgram(files, { ...config.options, noEmit: true, noUnusedLocals: false });
    const blockOf = new Map([...moduleOf].map(([block, path]) => [path, block]));
    const problems: string[] = [];
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      const file = diagnostic.file;
      const block = file === undefined ? undefined : blockOf.get(file.fileName);
      if (file === undefined || block === undefined) {
        // An error outside the blocks (the source itself) is another test's to report.
        if (file === undefined) problems.push(message);
        continue;
      }
      const { line } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      problems.push(`${block.file}:${block.line + line}: ${message}`);
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it.each(blocks.map((block) => [block.where, block] as const))('runs %s', async (_where, block) => {
    const path = moduleOf.get(block)!;
    try {
      await import(pathToFileURL(path).href);
    } catch (error) {
      const code = readFileSync(path, 'utf8');
      throw new Error(`${block.where}: the block throws\n${code}\n${error instanceof Error ? error.stack : String(error)}`);
    }
  }, 60_000);
});
