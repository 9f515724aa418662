/**
 * Cross-check of the type-level pattern compiler (src/types) against the runtime: for each case
 * (op, literal shape, pattern, axes lengths, reduction), the runtime's result shape or its
 * EinopsError is compared with what the types infer for the same call. Zero disagreements.
 *
 * Run: npx tsx scripts/crosscheck-types.ts [--verbose]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { EinopsError, einsum, pack, parseShape, rearrange, reduce, repeat, tensor, unpack } from '../src/index';
import { crosscheckCases, type Case } from '../test-d/crosscheck/cases';
import { crosscheckMultiCases, type DTypeName, type MultiCase } from '../test-d/crosscheck/multiCases';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose');

type Outcome = { readonly shape: readonly number[] } | { readonly names: Readonly<Record<string, number>> } | { readonly error: string };

// An object type's keys have no order to compare, so names are listed sorted.
const describeOutcome = (o: Outcome): string =>
  'error' in o
    ? `error ${JSON.stringify(o.error)}`
    : 'shape' in o
      ? `[${o.shape.join(', ')}]`
      : `{ ${Object.keys(o.names).sort().map((k) => `${k}: ${o.names[k]}`).join(', ')} }`;

function runtimeOutcome(c: Case): Outcome {
  const size = c.shape.reduce((a, b) => a * b, 1);
  const data = c.dtype === 'int32' ? new Int32Array(size) : new Float32Array(size);
  const x = tensor(data, c.shape);
  try {
    if (c.op === 'parseShape') return { names: parseShape(x, c.pattern) };
    const result =
      c.op === 'rearrange'
        ? rearrange(x, c.pattern, c.axes)
        : c.op === 'repeat'
          ? repeat(x, c.pattern, c.axes)
          : reduce(x, c.pattern, (c.reduction ?? 'max') as never, c.axes);
    return { shape: result.shape };
  } catch (error) {
    if (!(error instanceof EinopsError)) throw error;
    return { error: `einops: ${headOf(error.message, c.pattern)}` };
  }
}

const literalType = (value: unknown): string => JSON.stringify(value);
const axesType = (axes: Case['axes']): string =>
  axes === undefined ? '{}' : `{ ${Object.entries(axes).map(([k, v]) => `readonly ${literalType(k)}: ${v}`).join('; ')} }`;

/** The type that says what the types make of the call: the pattern's check, then the reduction's. */
function typeOfCase(c: Case): string {
  const x = `NDArray<[${c.shape.join(', ')}], '${c.dtype ?? 'float32'}'>`;
  const p = literalType(c.pattern);
  if (c.op === 'parseShape') return `ParseShapeOf<${x}, ${p}>`;
  if (c.op === 'reduce') {
    const r = literalType(c.reduction ?? 'max');
    return `Check<ReduceAnalysis<${x}, ${p}, ${r}, ${axesType(c.axes)}>, ReductionParameter<${x}, ${p}, ${r}>, ${r}>`;
  }
  return `OpAnalysis<'${c.op}', ${x}, ${p}, ${axesType(c.axes)}>`;
}

// ── einsum, pack, unpack: outcomes are values (shapes, packed shapes, dtypes) or errors ──

type MultiOutcome = { readonly value: unknown } | { readonly error: string };

const describeMulti = (o: MultiOutcome): string => ('error' in o ? `error ${JSON.stringify(o.error)}` : JSON.stringify(o.value));

const makeTensor = (shape: readonly number[], dtype: DTypeName = 'float32') => {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = dtype === 'int32' ? new Int32Array(size) : dtype === 'float64' ? new Float64Array(size) : new Float32Array(size);
  return tensor(data, shape);
};

/**
 * The EinopsError's first line: its head `op "pattern": reason`, up to the context lines the
 * runtime adds below it. (A pattern may hold a newline, so the head is found after the pattern.)
 */
function headOf(message: string, pattern: string): string {
  const quoted = message.indexOf(`"${pattern}"`);
  const end = message.indexOf('\n', quoted < 0 ? 0 : quoted + pattern.length + 2);
  return end < 0 ? message : message.slice(0, end);
}

function runtimeMultiOutcome(c: MultiCase): MultiOutcome {
  try {
    if (c.op === 'einsum') {
      const tensors = c.shapes.map((shape, i) => makeTensor(shape, c.dtypes?.[i]));
      const result = (einsum as (...args: unknown[]) => { shape: readonly number[]; dtype: string })(...tensors, c.pattern);
      return { value: [result.shape, result.dtype] };
    }
    if (c.op === 'pack') {
      const tensors = c.shapes.map((shape, i) => makeTensor(shape, c.dtypes?.[i]));
      const [packed, shapes] = (pack as (t: unknown, p: string) => [{ shape: readonly number[] }, number[][]])(tensors, c.pattern);
      return { value: [packed.shape, shapes] };
    }
    const pieces = (unpack as (x: unknown, ps: unknown, p: string) => { shape: readonly number[] }[])(makeTensor(c.shape), c.packedShapes, c.pattern);
    return { value: pieces.map((piece) => piece.shape) };
  } catch (error) {
    if (!(error instanceof EinopsError)) throw error;
    return { error: `einops: ${headOf(error.message, c.pattern)}` };
  }
}

const tensorType = (shape: readonly number[], dtype: DTypeName = 'float32'): string => `NDArray<[${shape.join(', ')}], '${dtype}'>`;
const shapesType = (shapes: readonly (readonly number[])[]): string => `[${shapes.map((shape) => `[${shape.join(', ')}]`).join(', ')}]`;

function typeOfMultiCase(c: MultiCase): string {
  const p = literalType(c.pattern);
  if (c.op === 'unpack') return `UnpackAnalysis<${tensorType(c.shape)}, ${shapesType(c.packedShapes)}, ${p}>`;
  const tensors = `[${c.shapes.map((shape, i) => tensorType(shape, c.dtypes?.[i])).join(', ')}]`;
  return c.op === 'einsum' ? `EinsumCheck<${tensors}, ${p}>` : `PackAnalysis<${tensors}, ${p}>`;
}

function readValue(checker: ts.TypeChecker, type: ts.Type): unknown {
  if (type.isStringLiteral()) return type.value;
  if (type.isNumberLiteral()) return type.value;
  if (checker.isTupleType(type)) return checker.getTypeArguments(type as ts.TypeReference).map((t) => readValue(checker, t));
  return `not a literal: ${checker.typeToString(type)}`;
}

function readMultiOutcome(checker: ts.TypeChecker, type: ts.Type): MultiOutcome {
  return type.isStringLiteral() ? { error: type.value } : { value: readValue(checker, type) };
}

function typeOutcomes(cases: readonly Case[]): Outcome[] {
  const dir = mkdtempSync(join(tmpdir(), 'einops-crosscheck-'));
  const file = join(dir, 'cases.ts');
  const lines = [
    `import type { NDArray } from ${JSON.stringify(join(root, 'src/ndarray/ndarray'))};`,
    `import type { EinsumAnalysis, EinsumResult, OpAnalysis, PackAnalysis, ParseShapeOf, ReduceAnalysis, ReductionParameter, UnpackAnalysis } from ${JSON.stringify(join(root, 'src/types'))};`,
    '// The pattern check first (its message wins), then the reduction parameter.',
    'type Check<Result, Reduction, R> = Result extends string ? Result : Reduction extends R ? Result : Reduction;',
    '// einsum: the shape and the dtype, or the message.',
    'type EinsumCheck<T extends readonly unknown[], P extends string> = EinsumAnalysis<T, P> extends infer S ? (S extends string ? S : [S, EinsumResult<T, P> extends { dtype: infer D } ? D : never]) : never;',
    ...cases.map((c, i) => `export declare const case${i}: ${typeOfCase(c)};`),
    ...multiCases.map((c, i) => `export declare const multi${i}: ${typeOfMultiCase(c)};`),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
  });
  const diagnostics = program.getSemanticDiagnostics(program.getSourceFile(file));
  if (diagnostics.length > 0) {
    throw new Error(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' }));
  }
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const outcomes: Outcome[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const declaration = statement.declarationList.declarations[0]!;
    const type = checker.getTypeAtLocation(declaration);
    if (declaration.name.getText().startsWith('multi')) multiTypes.push(readMultiOutcome(checker, type));
    else outcomes.push(readOutcome(checker, type));
  }
  rmSync(dir, { recursive: true, force: true });
  return outcomes;
}

function readOutcome(checker: ts.TypeChecker, type: ts.Type): Outcome {
  if (type.isStringLiteral()) return { error: type.value };
  if (checker.isTupleType(type)) {
    const elements = checker.getTypeArguments(type as ts.TypeReference);
    return { shape: elements.map((e) => (e.isNumberLiteral() ? e.value : Number.NaN)) };
  }
  const names: Record<string, number> = {};
  for (const property of type.getProperties()) {
    const t = checker.getTypeOfSymbol(property);
    names[property.name] = t.isNumberLiteral() ? t.value : Number.NaN;
  }
  return type.getProperties().length === 0 && (type.flags & ts.TypeFlags.Object) === 0
    ? { error: `not a result: ${checker.typeToString(type)}` }
    : { names };
}

const same = (a: Outcome, b: Outcome): boolean => describeOutcome(a) === describeOutcome(b);

const cases = crosscheckCases();
const multiCases = crosscheckMultiCases();
const multiTypes: MultiOutcome[] = [];
const runtime = cases.map(runtimeOutcome);
const multiRuntime = multiCases.map(runtimeMultiOutcome);
const types = typeOutcomes(cases);
let disagreements = 0;
cases.forEach((c, i) => {
  const ok = same(runtime[i]!, types[i]!);
  if (!ok) disagreements++;
  if (!ok || verbose) {
    const call = `${c.op}(${c.dtype ?? 'float32'} [${c.shape.join(', ')}], ${JSON.stringify(c.pattern)}${c.axes ? `, ${JSON.stringify(c.axes)}` : ''}${c.reduction ? `, ${c.reduction}` : ''})`;
    console.log(`${ok ? 'ok  ' : 'DIFF'} ${call}\n       runtime: ${describeOutcome(runtime[i]!)}\n       types:   ${describeOutcome(types[i]!)}`);
  }
});
multiCases.forEach((c, i) => {
  const ok = describeMulti(multiRuntime[i]!) === describeMulti(multiTypes[i]!);
  if (!ok) disagreements++;
  if (!ok || verbose) {
    const inputs = c.op === 'unpack' ? `[${c.shape.join(', ')}], ${JSON.stringify(c.packedShapes)}` : JSON.stringify(c.shapes) + (c.dtypes ? ` ${c.dtypes.join('/')}` : '');
    console.log(`${ok ? 'ok  ' : 'DIFF'} ${c.op}(${inputs}, ${JSON.stringify(c.pattern)})\n       runtime: ${describeMulti(multiRuntime[i]!)}\n       types:   ${describeMulti(multiTypes[i]!)}`);
  }
});
const errors = runtime.filter((o) => 'error' in o).length;
const multiErrors = multiRuntime.filter((o) => 'error' in o).length;
console.log(`${cases.length} cases (${errors} errors at run time) and ${multiCases.length} einsum/pack/unpack cases (${multiErrors} errors): ${disagreements} disagreements`);
process.exit(disagreements === 0 ? 0 : 1);
