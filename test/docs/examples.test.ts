/**
 * Every function and class a package entry exports has an `@example` in its doc comment (which
 * docs.test.ts then type-checks and runs): the API docs show each one in use. Read with the
 * compiler's view of the entries, so a re-export counts where it is declared.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import entryList from '../../scripts/entries.json';

const root = join(__dirname, '..', '..');
const entries: Record<string, string> = { ...entryList.library, ...entryList.tools };

const program = ts.createProgram(
  Object.values(entries).map((source) => join(root, source)),
  { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: ['node'], noEmit: true },
);
const checker = program.getTypeChecker();

/** The exported functions and classes of an entry that have no `@example`, by name. */
function withoutExample(source: string): string[] {
  const file = program.getSourceFile(join(root, source))!;
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(file)!)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class))) continue;
    // An overloaded function's example may sit on any of its declarations.
    const tags = (symbol.declarations ?? []).flatMap((declaration) => ts.getJSDocTags(declaration));
    if (!tags.some((tag) => tag.tagName.text === 'example')) missing.push(exported.name);
  }
  return missing;
}

describe('API examples', () => {
  it.each(Object.entries(entries))('every function and class of %s has an @example', (_subpath, source) => {
    expect(withoutExample(source)).toEqual([]);
  });

  it('finds what it checks', () => {
    const file = program.getSourceFile(join(root, entries['.']!))!;
    const names = checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).map((symbol) => symbol.name);
    expect(names).toEqual(expect.arrayContaining(['rearrange', 'parseShape', 'NDArray', 'applyParseShapeRecipe']));
  });
});
