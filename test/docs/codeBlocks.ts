/**
 * The TypeScript code the documentation shows: the ```ts blocks of README.md and docs/*.md, and
 * the ```ts blocks of the `@example` tags in src/**. Each block is a module of its own that
 * imports what it uses from `einops` (or a subpath such as `einops/tfjs`), as a user would.
 *
 * A fence may carry `nocheck` (```ts nocheck) to show code that is neither compiled nor run;
 * keep that rare. A block that shows a compile error marks the line with `// @ts-expect-error`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface CodeBlock {
  /** `README.md:42` or `src/runtime/ops.ts:91`: where the block's first line of code is. */
  readonly where: string;
  /** The file, relative to the repository. */
  readonly file: string;
  /** The 1-based line of the block's first line of code in that file. */
  readonly line: number;
  readonly code: string;
}

// A fence, indented or not (as in a list item), up to the closing fence at the same indent.
const FENCE = /^([ \t]*)```(\S*)([^\n]*)\n([\s\S]*?)^\1```[ \t]*$/gm;

const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** The ```ts blocks of a Markdown text; `firstLine` is the line of the text's start in its file. */
function markdownBlocks(text: string, file: string, firstLine: number, lineOf: (index: number) => number): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const match of text.matchAll(FENCE)) {
    const [whole, indent, language, info, code] = match;
    if (language !== 'ts' && language !== 'typescript') continue;
    if (info!.split(/\s+/).includes('nocheck')) continue;
    const line = lineOf(match.index! + whole.indexOf('\n') + 1) + firstLine - 1;
    const dedented = code!.split('\n').map((text) => (text.startsWith(indent!) ? text.slice(indent!.length) : text)).join('\n');
    blocks.push({ where: `${file}:${line}`, file, line, code: dedented });
  }
  return blocks;
}

/** The ```ts blocks inside the `@example` tags of a source file's doc comments. */
function exampleBlocks(text: string, file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    if (!comment[0].includes('@example')) continue;
    const start = lineAt(text, comment.index!);
    // The comment without its ` * ` margins, line for line.
    const lines = comment[0].split('\n').map((line) => line.replace(/^\s*\/?\*+\/?( ?)/, '').replace(/\s*\*\/$/, ''));
    const body = lines.join('\n');
    // Only the fences that belong to an @example tag (the text up to the next tag).
    for (const tag of body.matchAll(/@example\b([\s\S]*?)(?=\n@\w|$)/g)) {
      const tagStart = lineAt(body, tag.index!) + start - 1;
      blocks.push(...markdownBlocks(tag[1]!, file, tagStart, (index) => lineAt(tag[1]!, index)));
    }
  }
  return blocks;
}

function filesUnder(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, suffix);
    return path.endsWith(suffix) ? [path] : [];
  });
}

/** Every block of the repository's documentation, README first. */
export function documentationBlocks(root: string): CodeBlock[] {
  const markdown = [join(root, 'README.md'), ...filesUnder(join(root, 'docs'), '.md').filter((path) => !path.includes(`${join(root, 'docs/api')}`))];
  return [
    ...markdown.flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      return markdownBlocks(text, relative(root, path), 1, (index) => lineAt(text, index));
    }),
    ...filesUnder(join(root, 'src'), '.ts').flatMap((path) => exampleBlocks(readFileSync(path, 'utf8'), relative(root, path))),
  ];
}
