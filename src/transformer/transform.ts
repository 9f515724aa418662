/**
 * The build-time transform: finds calls of einops' ops whose pattern is known in the source
 * (a string literal, a template without substitutions, or a `const` initialised with one),
 * compiles each pattern with the same compiler the runtime uses and replaces the call with a
 * call into `einops/runtime` that takes the recipe, hoisted as a module constant:
 *
 *   import { rearrange } from 'einops';          import { applyRecipe as _einops_applyRecipe } from 'einops/runtime';
 *   rearrange(x, 'b c h w -> b h w c');     →     const _einops_r0 = {"version":1,"op":"rearrange",…};
 *                                                 _einops_applyRecipe(_einops_r0, x);
 *
 * The layers Rearrange and Reduce of `einops/layers/tfjs` alike: `new Reduce('…', 'max')` becomes
 * `new _einops_Reduce(_einops_r1, 'max')`, the same class from `einops/layers/tfjs/runtime`.
 * So is `new EinMix(pattern, { weightShape, biasShape, axes })` whose definition is all
 * literals. (An import whose every use is rewritten is dropped; for the layers' entry that also
 * drops the parser that loading a saved EinMix takes, which a bare `import 'einops/layers/tfjs'`
 * keeps: such an import is never touched.)
 *
 * The runtime function is what the string-pattern op calls once it has the recipe, so the
 * result and every error are the same; the arguments keep their order. Only calls it can prove
 * are einops' are rewritten: the callee must resolve (through the type checker's symbols, so a
 * shadowing local is told apart) to an import of the package. Everything else is left as it is
 * and parsed at run time. ts-morph parses and binds; the edits go through magic-string, which
 * keeps the rest of the text byte for byte and gives the source map.
 */
import MagicString from 'magic-string';
import { Project, ts } from 'ts-morph';
import { EinopsError } from '../errors';
import { type ModuleMatcher, moduleMatcher } from './modules';
import { compileEinMix, type EinMixOptions } from '../layers/einmix';
import { isLayerName, isOpName, type LayerName, LAYERS, type OpName, OPS } from './ops';

/** Options of {@link createTransformer} (and of the plugin and the CLI). */
export interface TransformOptions {
  /** Specifiers that export the ops; an absolute path matches relative imports of that file. Default `['einops']`. */
  readonly modules?: readonly string[];
  /** Where precompiled calls import the runtime from. Default `'einops/runtime'`. */
  readonly runtime?: string;
  /**
   * Specifiers that export the layers Rearrange and Reduce (absolute paths as in `modules`).
   * Default `['einops/layers/tfjs', 'einops/layers/tfjs/runtime']`: the lean entry's layers take
   * no pattern string at run time, so a literal one there needs the plugin.
   */
  readonly layerModules?: readonly string[];
  /** Where precompiled layers are imported from. Default `'einops/layers/tfjs/runtime'`. */
  readonly layerRuntime?: string;
  /** Report a pattern that is invalid by itself as a warning and leave its call to fail at run time, instead of failing. */
  readonly warn?: boolean;
  /** Whether to generate a source map for a changed file. Default true. */
  readonly sourceMap?: boolean;
}

/** A problem with one call, located in the source (1-based line and column). */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** `file:line:col: op "pattern": reason`, then the pattern with a caret under a syntax error. */
  readonly message: string;
}

/**
 * Invalid patterns found while transforming a file (without the `warn` option): each with its
 * place and the einops message.
 * @example
 * ```ts
 * import { createTransformer, PrecompileError } from 'einops/transformer';
 *
 * try {
 *   createTransformer().transform("import { rearrange } from 'einops';\nrearrange(x, 'a b -> a c');\n", 'app.ts');
 * } catch (error) {
 *   if (error instanceof PrecompileError) error.diagnostics[0]!.line; // 2
 * }
 * ```
 */
export class PrecompileError extends Error {
  override name = 'PrecompileError';
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
    this.diagnostics = diagnostics;
  }
}

/** A source map as JSON (version 3), as Rollup, Vite and the source-map tools take it. */
export interface EncodedSourceMap {
  version: 3;
  file?: string;
  sources: string[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
}

/** What {@link Transformer.transform} made of one file. */
export interface TransformResult {
  /** The new text, or the input itself when no call was precompiled. */
  readonly code: string;
  /** Maps `code` back to the input; undefined when nothing changed or maps are off. */
  readonly map: EncodedSourceMap | undefined;
  /** How many calls were precompiled. */
  readonly calls: number;
  /** Invalid patterns left to run time (with the `warn` option). */
  readonly warnings: readonly Diagnostic[];
}

/** Running totals of a {@link Transformer}. */
export interface TransformerStats {
  /** Files given to `transform`. */
  files: number;
  /** Files that passed the string check and were parsed. */
  parsed: number;
  /** Calls precompiled in all of them. */
  calls: number;
}

/** Precompiles files one at a time, sharing one parser and cache: see {@link createTransformer}. */
export interface Transformer {
  /**
   * Rewrites the einops calls with literal patterns in one file's code (JavaScript or
   * TypeScript; `fileName` tells which). Throws a {@link PrecompileError} listing the invalid
   * patterns, unless the `warn` option is set.
   */
  transform(code: string, fileName: string): TransformResult;
  readonly stats: Readonly<TransformerStats>;
}

/** Which of the package's modules a binding comes from: the ops' or the layers'. */
type ModuleKind = 'ops' | 'layers';

const isMember = (kind: ModuleKind, name: string): boolean => (kind === 'ops' ? isOpName(name) : isLayerName(name));

/**
 * A binding of the einops package in a file: a named op or layer (`rearrange`, `r`, `Reduce`)
 * or the whole module (`E`).
 */
interface ModuleBinding {
  readonly kind: ModuleKind;
  /** The op or layer class a named binding stands for; undefined for the module object. */
  readonly member: string | undefined;
  readonly name: ts.Identifier;
  readonly statement: ts.Statement;
  /** `import` (true) or `require` (false): how the runtime is imported in the same file. */
  readonly esm: boolean;
  symbol: ts.Symbol | undefined;
  /** Calls through this binding that were rewritten, and references that remain. */
  rewritten: number;
  otherUses: number;
}

/** A pattern read from the source: `literal` when it is written in the call itself. */
interface KnownPattern {
  readonly value: string;
  readonly node: ts.Expression;
  readonly literal: boolean;
}

const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** The in-memory file name: its extension tells TypeScript how to parse (JSX, type syntax). */
function virtualName(fileName: string): string {
  const extension = SCRIPT_EXTENSIONS.find((candidate) => fileName.endsWith(candidate)) ?? '.ts';
  return `/einops-precompile${extension}`;
}

const isDeclarationFile = (fileName: string): boolean => /\.d\.[cm]?ts$/.test(fileName);

/** `require('x')` or `__importStar(require('x'))` (tsc's CommonJS output): the module name. */
function requiredModule(expression: ts.Expression | undefined): string | undefined {
  if (expression === undefined || !ts.isCallExpression(expression) || expression.arguments.length !== 1) return undefined;
  const [argument] = expression.arguments;
  if (ts.isIdentifier(expression.expression) && expression.expression.text === '__importStar') return requiredModule(argument);
  if (!ts.isIdentifier(expression.expression) || expression.expression.text !== 'require') return undefined;
  return argument !== undefined && ts.isStringLiteralLike(argument) ? argument.text : undefined;
}

/** `'x'`, `` `x` ``, `('x')`, `'x' as const`: the string, or undefined. */
function literalText(expression: ts.Expression): string | undefined {
  let inner = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(inner)) inner = inner.expression;
    else if (ts.isAsExpression(inner) && ts.isConstTypeReference(inner.type)) inner = inner.expression;
    else break;
  }
  return ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner) ? inner.text : undefined;
}

/**
 * The build-time transform behind the plugin and the CLI, for tools that drive it themselves.
 * @example
 * ```ts
 * import { createTransformer } from 'einops/transformer';
 *
 * const transformer = createTransformer();
 * const result = transformer.transform("import { reduce } from 'einops';\nreduce(x, 'b c h w -> b c', 'mean');\n", 'model.ts');
 * result.calls; // 1: the call now imports einops/runtime with the recipe inlined
 * ```
 */
export function createTransformer(options: TransformOptions = {}): Transformer {
  const matchers: readonly [ModuleKind, ModuleMatcher][] = [
    ['ops', moduleMatcher(options.modules ?? ['einops'])],
    ['layers', moduleMatcher(options.layerModules ?? ['einops/layers/tfjs', 'einops/layers/tfjs/runtime'])],
  ];
  const quickChecks = matchers.flatMap(([, matcher]) => matcher.quickChecks);
  const kindOf = (specifier: string, fileName: string): ModuleKind | undefined =>
    matchers.find(([, matcher]) => matcher.matches(specifier, fileName))?.[0];
  const runtimeModules: Readonly<Record<ModuleKind, string>> = {
    ops: options.runtime ?? 'einops/runtime',
    layers: options.layerRuntime ?? 'einops/layers/tfjs/runtime',
  };
  const stats: TransformerStats = { files: 0, parsed: 0, calls: 0 };
  // One project for every file: it holds one file at a time, with nothing to resolve or load,
  // so the type checker only binds that file.
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: {
      allowJs: true,
      noLib: true,
      noResolve: true,
      types: [],
      jsx: ts.JsxEmit.Preserve,
      target: ts.ScriptTarget.ESNext,
      module: ts.ModuleKind.ESNext,
    },
  });

  function transform(code: string, fileName: string): TransformResult {
    stats.files++;
    const unchanged = (warnings: readonly Diagnostic[] = []): TransformResult => ({ code, map: undefined, calls: 0, warnings });
    if (isDeclarationFile(fileName) || !quickChecks.some((check) => code.includes(check))) return unchanged();
    stats.parsed++;
    const sourceFile = project.createSourceFile(virtualName(fileName), code, { overwrite: true });
    try {
      const file = sourceFile.compilerNode;
      const program = project.getProgram().compilerObject;
      // A file that does not parse is the bundler's to report, untouched.
      if (program.getSyntacticDiagnostics(file).length > 0) return unchanged();
      const bindings = collectBindings(file, fileName);
      if (bindings.length === 0) return unchanged();
      const checker = program.getTypeChecker();
      for (const binding of bindings) binding.symbol = checker.getSymbolAtLocation(binding.name);
      const result = rewrite(file, fileName, code, bindings, checker);
      stats.calls += result.calls;
      return result;
    } finally {
      project.removeSourceFile(sourceFile);
    }
  }

  /** The file's top-level imports (and tsc's CommonJS requires) of the package. */
  function collectBindings(file: ts.SourceFile, fileName: string): ModuleBinding[] {
    const bindings: ModuleBinding[] = [];
    const add = (kind: ModuleKind, member: string | undefined, name: ts.Identifier, statement: ts.Statement, esm: boolean): void => {
      bindings.push({ kind, member, name, statement, esm, symbol: undefined, rewritten: 0, otherUses: 0 });
    };
    for (const statement of file.statements) {
      if (ts.isImportDeclaration(statement)) {
        const clause = statement.importClause;
        if (clause === undefined || clause.isTypeOnly || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const kind = kindOf(statement.moduleSpecifier.text, fileName);
        if (kind === undefined) continue;
        const named = clause.namedBindings;
        if (named !== undefined && ts.isNamespaceImport(named)) add(kind, undefined, named.name, statement, true);
        if (named !== undefined && ts.isNamedImports(named)) {
          for (const element of named.elements) {
            const imported = (element.propertyName ?? element.name).text;
            if (!element.isTypeOnly && isMember(kind, imported)) add(kind, imported, element.name, statement, true);
          }
        }
      } else if (ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.Const) {
        const [declaration, ...more] = statement.declarationList.declarations;
        if (declaration === undefined || more.length > 0) continue;
        const required = requiredModule(declaration.initializer);
        const kind = required === undefined ? undefined : kindOf(required, fileName);
        if (kind === undefined) continue;
        if (ts.isIdentifier(declaration.name)) add(kind, undefined, declaration.name, statement, false);
        else if (ts.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            if (element.dotDotDotToken !== undefined || element.initializer !== undefined || !ts.isIdentifier(element.name)) continue;
            const property = element.propertyName ?? element.name;
            const imported = ts.isIdentifier(property) || ts.isStringLiteral(property) ? property.text : '';
            if (isMember(kind, imported)) add(kind, imported, element.name, statement, false);
          }
        }
      }
    }
    return bindings;
  }

  function rewrite(
    file: ts.SourceFile,
    fileName: string,
    code: string,
    bindings: readonly ModuleBinding[],
    checker: ts.TypeChecker,
  ): TransformResult {
    const edits = new MagicString(code);
    const byName = new Map(bindings.map((binding) => [binding.name.text, binding]));
    const declarationNames = new Set<ts.Node>(bindings.map((binding) => binding.name));
    const rewrittenCallees = new Set<ts.Node>();
    const diagnostics: Diagnostic[] = [];
    // Hoisted names start with a prefix the file does not contain, so they cannot collide.
    let prefix = '_einops';
    for (let n = 1; code.includes(prefix); n++) prefix = `_einops${n}`;
    const recipes = new Map<string, { name: string; json: string }>();
    // What the rewritten code imports, by kind: runtime functions, layer classes.
    const imported: Record<ModuleKind, Set<string>> = { ops: new Set(), layers: new Set() };
    let calls = 0;

    const bindingOf = (identifier: ts.Node): ModuleBinding | undefined => {
      if (!ts.isIdentifier(identifier)) return undefined;
      const binding = byName.get(identifier.text);
      return binding?.symbol !== undefined && checker.getSymbolAtLocation(identifier) === binding.symbol ? binding : undefined;
    };

    /** The op or layer a callee stands for: `rearrange`, `E.rearrange` or tsc's `(0, E.rearrange)`. */
    function calleeOf(callee: ts.Expression): { member: string; binding: ModuleBinding; reference: ts.Identifier } | undefined {
      if (ts.isParenthesizedExpression(callee)) {
        const inner = callee.expression;
        const indirect =
          ts.isBinaryExpression(inner) &&
          inner.operatorToken.kind === ts.SyntaxKind.CommaToken &&
          ts.isNumericLiteral(inner.left) &&
          ts.isPropertyAccessExpression(inner.right);
        return indirect ? calleeOf(inner.right) : undefined;
      }
      if (ts.isIdentifier(callee)) {
        const binding = bindingOf(callee);
        return binding?.member === undefined ? undefined : { member: binding.member, binding, reference: callee };
      }
      if (ts.isPropertyAccessExpression(callee) && callee.questionDotToken === undefined && ts.isIdentifier(callee.name)) {
        const binding = bindingOf(callee.expression);
        const member = callee.name.text;
        if (binding === undefined || binding.member !== undefined || !isMember(binding.kind, member)) return undefined;
        return { member, binding, reference: callee.expression as ts.Identifier };
      }
      return undefined;
    }

    /** The pattern argument's value when the source fixes it. */
    function knownPattern(argument: ts.Expression): KnownPattern | undefined {
      const literal = literalText(argument);
      if (literal !== undefined) return { value: literal, node: argument, literal: true };
      if (!ts.isIdentifier(argument)) return undefined;
      const declarations = checker.getSymbolAtLocation(argument)?.declarations ?? [];
      const [declaration] = declarations;
      if (declarations.length !== 1 || declaration === undefined || !ts.isVariableDeclaration(declaration)) return undefined;
      if (!(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) || declaration.initializer === undefined) return undefined;
      // `declare const P = '…'` only states what some other code defines.
      if (ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Ambient) return undefined;
      const value = literalText(declaration.initializer);
      return value === undefined ? undefined : { value, node: argument, literal: false };
    }

    /**
     * An invalid pattern, located: `message` is what the run-time error would say; `column`, in
     * the pattern, the character it names (then shown under the pattern).
     */
    function report(pattern: KnownPattern, message: string, column: number | undefined): void {
      // Point at the character the error names when the literal spells the pattern as is.
      const start = pattern.node.getStart(file);
      const spelledAsIs = pattern.literal && pattern.node.getText(file).slice(1, -1) === pattern.value;
      const at = spelledAsIs && column !== undefined ? start + column : start;
      const { line, character } = file.getLineAndCharacterOfPosition(at);
      const lines = [`${fileName}:${line + 1}:${character + 1}: ${message}`];
      if (column !== undefined) lines.push(`  ${pattern.value}`, `  ${' '.repeat(column - 1)}^`);
      diagnostics.push({ file: fileName, line: line + 1, column: character + 1, message: lines.join('\n') });
    }

    /** Reports a pattern's error as the op or layer `what` throws it: `what "pattern": reason`. */
    const reportAs =
      (what: string, pattern: KnownPattern) =>
      (error: EinopsError): void =>
        report(pattern, `${what} "${pattern.value}": ${error.message}`, error.column);

    /**
     * The hoisted recipe of what `key` names, compiled once per file (an op's and a layer's
     * rearrange of one pattern share it); undefined, and reported by `fail`, when it is invalid.
     */
    function hoist(key: string, compile: () => unknown, fail: (error: EinopsError) => void): { name: string } | undefined {
      let recipe = recipes.get(key);
      if (recipe === undefined) {
        let compiled: unknown;
        try {
          compiled = compile();
        } catch (error) {
          if (!(error instanceof EinopsError)) throw error;
          fail(error);
          return undefined;
        }
        recipe = { name: `${prefix}_r${recipes.size}`, json: JSON.stringify(compiled) };
        recipes.set(key, recipe);
      }
      return recipe;
    }

    /** Counts a rewritten call or construction; its callee is no longer a use of the binding. */
    function rewritten(binding: ModuleBinding, reference: ts.Identifier): void {
      rewrittenCallees.add(reference);
      binding.rewritten++;
      calls++;
    }

    /** Rewrites one call if it is einops' and its pattern is known and valid. */
    function precompile(call: ts.CallExpression): void {
      if (call.questionDotToken !== undefined) return;
      const callee = calleeOf(call.expression);
      if (callee === undefined || callee.binding.kind !== 'ops') return;
      const { binding, reference } = callee;
      const op = callee.member as OpName;
      const spec = OPS[op];
      const args = call.arguments;
      if (!argumentsFit(args, spec)) return;
      const patternIndex = spec.patternIndex < 0 ? args.length - 1 : spec.patternIndex;
      const pattern = knownPattern(args[patternIndex]!);
      if (pattern === undefined) return;

      const recipe = hoist(`${spec.recipeKind}\u0000${pattern.value}`, () => spec.compile(pattern.value), reportAs(op, pattern));
      if (recipe === undefined) return;

      imported.ops.add(spec.runtime);
      const open = `${prefix}_${spec.runtime}(${recipe.name}, `;
      const start = (node: ts.Node): number => node.getStart(file);
      const first = args[0]!;
      const patternNode = args[patternIndex]!;
      // A `const` pattern is still read where it was: before its declaration that throws, as it did.
      const name = patternNode.getText(file);
      if (spec.form === 'recipe') {
        // op(x, pattern, third?, axes?) → apply(R, x, third, axes?); third is the reduction or nothing.
        edits.overwrite(start(call), start(first), open);
        const third = args[2];
        if (pattern.literal && (op === 'reduce' || third === undefined)) edits.remove(first.end, patternNode.end);
        else if (pattern.literal) edits.overwrite(start(patternNode), patternNode.end, 'void 0');
        else if (op === 'reduce' && third !== undefined) {
          edits.overwrite(start(patternNode), start(third), `(${name}, `);
          edits.appendLeft(third.end, ')');
        } else edits.overwrite(start(patternNode), patternNode.end, `(${name}, void 0)`);
      } else if (spec.form === 'einsum') {
        // einsum(a, b, pattern) → apply(R, [a, b]), with a const pattern read last as before.
        edits.overwrite(start(call), start(first), `${open}[`);
        const lastTensor = args[args.length - 2]!;
        if (pattern.literal) edits.overwrite(lastTensor.end, patternNode.end, ']');
        else edits.overwrite(lastTensor.end, start(patternNode), '], ');
      } else {
        edits.overwrite(start(call), start(first), open);
        if (pattern.literal) edits.remove(args[patternIndex - 1]!.end, patternNode.end);
      }
      rewritten(binding, reference);
    }

    /**
     * Rewrites `new Rearrange(pattern, …)`, `new Reduce(pattern, …)` or `new EinMix(pattern,
     * { weightShape, biasShape, axes, … })` if the layer is einops' and its definition known
     * and valid. (EinMix's options stay as written: the layer checks them against the recipe.)
     */
    function precompileLayer(construction: ts.NewExpression): void {
      const callee = calleeOf(construction.expression);
      if (callee === undefined || callee.binding.kind !== 'layers') return;
      const { binding, reference } = callee;
      const layer = callee.member as LayerName;
      const { op } = LAYERS[layer];
      const args = construction.arguments;
      if (!argumentsFit(args, LAYERS[layer])) return;
      const pattern = knownPattern(args[0]!);
      if (pattern === undefined) return;
      let recipe: { name: string } | undefined;
      if (op !== undefined) {
        // The op's own spec: a layer's pattern compiles, and shares its hoisted recipe, as the op's.
        const spec = OPS[op];
        recipe = hoist(`${spec.recipeKind}\u0000${pattern.value}`, () => spec.compile(pattern.value), reportAs(layer, pattern));
      } else {
        const options = knownEinMixOptions(args[1]!);
        if (options === undefined) return;
        // The planner's message names EinMix, its pattern and its weight already; its column may
        // be in the weight's text, so no caret.
        const fail = (error: EinopsError): void => report(pattern, error.message, undefined);
        recipe = hoist(`EinMix\u0000${pattern.value}\u0000${JSON.stringify(options)}`, () => compileEinMix(pattern.value, options), fail);
      }
      if (recipe === undefined) return;

      imported.layers.add(layer);
      edits.overwrite(construction.expression.getStart(file), construction.expression.end, `${prefix}_${layer}`);
      // The recipe in the pattern's place; a `const` pattern is still read, as before.
      const patternNode = args[0]!;
      edits.overwrite(patternNode.getStart(file), patternNode.end, pattern.literal ? recipe.name : `(${patternNode.getText(file)}, ${recipe.name})`);
      rewritten(binding, reference);
    }

    /**
     * EinMix's weightShape, biasShape and axes when the options object spells them out: string
     * literals (or consts), null, and an object of numeric literals. Undefined when anything
     * could change them at run time (a spread, a computed or repeated name, another form).
     */
    function knownEinMixOptions(node: ts.Expression): EinMixOptions | undefined {
      if (!ts.isObjectLiteralExpression(node)) return undefined;
      let weightShape: string | undefined;
      let biasShape: string | null = null;
      let axes: Record<string, number> = {};
      const seen = new Set<string>();
      for (const property of node.properties) {
        const name = property.name === undefined ? undefined : staticName(property.name);
        if (name === undefined) return undefined;
        if (name !== 'weightShape' && name !== 'biasShape' && name !== 'axes') continue;
        if (seen.has(name) || !ts.isPropertyAssignment(property)) return undefined;
        seen.add(name);
        const value = property.initializer;
        if (name === 'axes') {
          const lengths = knownLengths(value);
          if (lengths === undefined) return undefined;
          axes = lengths;
        } else if (name === 'biasShape' && value.kind === ts.SyntaxKind.NullKeyword) {
          biasShape = null;
        } else {
          const text = knownPattern(value)?.value;
          if (text === undefined) return undefined;
          if (name === 'weightShape') weightShape = text;
          else biasShape = text;
        }
      }
      return weightShape === undefined ? undefined : { weightShape, biasShape, axes };
    }

    /** Whether an identifier with a binding's name refers to it (a use that keeps the import). */
    function refersTo(identifier: ts.Identifier, binding: ModuleBinding): boolean {
      const parent = identifier.parent;
      if (ts.isShorthandPropertyAssignment(parent)) return checker.getShorthandAssignmentValueSymbol(parent) === binding.symbol;
      if (ts.isExportSpecifier(parent)) {
        return identifier === (parent.propertyName ?? parent.name) && checker.getExportSpecifierLocalTargetSymbol(parent) === binding.symbol;
      }
      return checker.getSymbolAtLocation(identifier) === binding.symbol;
    }

    // Pre-order, so a call is decided before its callee identifier is counted as a use.
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) precompile(node);
      else if (ts.isNewExpression(node)) precompileLayer(node);
      else if (ts.isIdentifier(node) && !declarationNames.has(node) && !rewrittenCallees.has(node)) {
        const binding = byName.get(node.text);
        if (binding !== undefined && refersTo(node, binding)) binding.otherUses++;
      }
      ts.forEachChild(node, visit);
    };
    visit(file);

    if (diagnostics.length > 0 && options.warn !== true) throw new PrecompileError(diagnostics);
    if (calls === 0) return { code, map: undefined, calls: 0, warnings: diagnostics };

    removeUnusedBindings(edits, file, code, bindings);
    insertHeader(edits, file, bindings, prefix, imported, recipes);
    return {
      code: edits.toString(),
      map: options.sourceMap === false ? undefined : sourceMapOf(edits, fileName),
      calls,
      warnings: diagnostics,
    };
  }

  /**
   * Drops the imports whose every use was rewritten, so the string-pattern ops (and the parser
   * they bring) are not loaded for nothing where no bundler tree-shakes.
   */
  function removeUnusedBindings(edits: MagicString, file: ts.SourceFile, code: string, bindings: readonly ModuleBinding[]): void {
    const unused = (binding: ModuleBinding): boolean => binding.rewritten > 0 && binding.otherUses === 0;
    for (const statement of new Set(bindings.map((binding) => binding.statement))) {
      const removable = bindings.filter((binding) => binding.statement === statement && unused(binding));
      if (removable.length === 0) continue;
      const elements = importedElements(statement);
      const kept = elements.filter((element) => !removable.some((binding) => binding.name === element.name));
      const hasDefault = ts.isImportDeclaration(statement) && statement.importClause?.name !== undefined;
      if (kept.length === 0 && !hasDefault) {
        // The statement with the rest of its line, so no blank line is left behind.
        const rest = /^[ \t]*(?:\r?\n)?/.exec(code.slice(statement.end))![0];
        edits.remove(statement.getStart(file), statement.end + rest.length);
      } else if (elements.length > 0) {
        const list = elements[0]!.parent;
        edits.overwrite(list.getStart(file), list.end, `{ ${kept.map((element) => element.getText(file)).join(', ')} }`);
      }
    }
  }

  /** The imports (or requires) of the runtime functions and layer classes, and the hoisted recipes, at the top. */
  function insertHeader(
    edits: MagicString,
    file: ts.SourceFile,
    bindings: readonly ModuleBinding[],
    prefix: string,
    imported: Readonly<Record<ModuleKind, ReadonlySet<string>>>,
    recipes: ReadonlyMap<string, { name: string; json: string }>,
  ): void {
    const esm = bindings.some((binding) => binding.esm && binding.rewritten > 0);
    const importLine = (kind: ModuleKind): string => {
      const names = [...imported[kind]].sort();
      const source = JSON.stringify(runtimeModules[kind]);
      return esm
        ? `import { ${names.map((name) => `${name} as ${prefix}_${name}`).join(', ')} } from ${source};`
        : `const { ${names.map((name) => `${name}: ${prefix}_${name}`).join(', ')} } = require(${source});`;
    };
    const importLines = (['ops', 'layers'] as const).filter((kind) => imported[kind].size > 0).map(importLine);
    const lines = [...importLines, ...[...recipes.values()].map(({ name, json }) => `const ${name} = ${json};`)];
    // After the directive prologue ('use strict', 'use client'), which must stay first.
    const isDirective = (statement: ts.Statement): boolean => ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
    const firstCode = file.statements.findIndex((statement) => !isDirective(statement));
    const lastDirective = firstCode < 0 ? file.statements.length - 1 : firstCode - 1;
    if (lastDirective >= 0) edits.appendLeft(file.statements[lastDirective]!.end, `\n${lines.join('\n')}`);
    else edits.appendLeft(file.statements[0]!.getStart(file), `${lines.join('\n')}\n`);
  }

  return { transform, stats };
}

/** A property's name when the source fixes it: `a`, `'a'`, `1`; undefined for a computed one. */
function staticName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

/** `{ a: 2, 'b': 3 }`: an object literal of numeric literals, as its lengths; undefined for anything else. */
function knownLengths(node: ts.Expression): Record<string, number> | undefined {
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const lengths: Record<string, number> = {};
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isNumericLiteral(property.initializer)) return undefined;
    const name = staticName(property.name);
    if (name === undefined || Object.hasOwn(lengths, name)) return undefined;
    lengths[name] = Number(property.initializer.text);
  }
  return lengths;
}

/** Whether a call's arguments are some the rewrite handles: as many as the op or layer takes, none spread. */
function argumentsFit(args: ts.NodeArray<ts.Expression> | undefined, counts: { readonly minArguments: number; readonly maxArguments: number }): args is ts.NodeArray<ts.Expression> {
  return args !== undefined && args.length >= counts.minArguments && args.length <= counts.maxArguments && !args.some(ts.isSpreadElement);
}

/** The elements of an import's `{ … }` or a require's `{ … } =`: what a binding may be removed from. */
function importedElements(statement: ts.Statement): readonly (ts.ImportSpecifier | ts.BindingElement)[] {
  if (ts.isImportDeclaration(statement)) {
    const named = statement.importClause?.namedBindings;
    return named !== undefined && ts.isNamedImports(named) ? named.elements : [];
  }
  if (ts.isVariableStatement(statement)) {
    const name = statement.declarationList.declarations[0]?.name;
    return name !== undefined && ts.isObjectBindingPattern(name) ? name.elements : [];
  }
  return [];
}

function sourceMapOf(edits: MagicString, fileName: string): EncodedSourceMap {
  const map = edits.generateMap({ hires: true, source: fileName, includeContent: true });
  return {
    version: 3,
    sources: map.sources,
    sourcesContent: map.sourcesContent ?? [],
    names: map.names,
    mappings: map.mappings,
  };
}
