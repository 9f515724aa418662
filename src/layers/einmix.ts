/**
 * EinMix without a framework: what einops' `_EinmixMixin` works out from a pattern, a weight
 * shape and a bias shape. The result is a plan any layer library can run:
 *
 *   pre-rearrange (when the input side has compositions or unit axes)
 *   → einsum(input, weight) → + bias → post-rearrange (when the output side has compositions)
 *
 * with the weight's and bias' shapes and the bounds of their uniform initialisation:
 * sqrt(3 / fan_in) for the weight, 1 / sqrt(fan_in) for the bias, fan_in being the number of
 * input elements that one output element mixes (einops' He-style initialisation). The plan
 * carries its steps compiled (recipes), so running it needs no parser: the build plugin
 * inlines it for an EinMix whose definition is all literals (compileEinMix).
 */
import { EinopsError } from '../errors';
import type { Dim, Expression } from '../pattern/ast';
import {
  writeAxes,
  writeEllipsisInParenthesesLeftMessage,
  writeInvalidAxisLengthMessage,
  writeUnusedAxisLengthMessage,
} from '../pattern/messages';
import { parseExpression, parsePattern } from '../pattern/parse';
import { compileRecipe } from '../pattern/compile';
import { compileEinsumRecipe, type EinsumRecipe } from '../pattern/einsum';
import { RECIPE_VERSION, type Recipe } from '../pattern/recipe';
import { type AxesLengths, checkAxesObject } from '../runtime/bind';

export interface EinMixOptions {
  /** The weight's axes, e.g. `'c_in c_out'`: names only, each with a length in `axes`. */
  readonly weightShape: string;
  /** The bias' axes, e.g. `'c_out'`, all of them on the output side; no bias when left out or null. */
  readonly biasShape?: string | null | undefined;
  /** The lengths of the weight's and bias' axes, and of any input axis the pre-rearrange needs. */
  readonly axes?: AxesLengths | undefined;
}

/**
 * What an EinMix definition works out to: its steps, compiled, and its weight's and bias'
 * shapes and initialisation bounds.
 */
export interface EinMixPlan {
  /** Flattens the input side's compositions first, or null when it has none. */
  readonly preRearrange: { readonly pattern: string; readonly recipe: Recipe; readonly axes: AxesLengths } | null;
  /** Input, weight → output, all flat: `b t c_in, c_in c_out -> b t c_out`. */
  readonly einsumPattern: string;
  readonly einsum: EinsumRecipe;
  /** The flat input and output sides' axis names, `...` for the ellipsis. */
  readonly inputAxes: readonly string[];
  readonly outputAxes: readonly string[];
  /** Composes the output side after the einsum, or null when it is already flat. */
  readonly postRearrange: { readonly pattern: string; readonly recipe: Recipe } | null;
  readonly weightAxes: readonly string[];
  readonly weightShape: readonly number[];
  /** One length per flat output axis but the ellipsis' (1 for axes without bias), or null. */
  readonly biasShape: readonly number[] | null;
  readonly weightBound: number;
  readonly biasBound: number;
}

// ── messages ─────────────────────────────────────────────────────────────────────────────

export const writeEinMixUnknownOutputAxesMessage = (names: readonly string[]): string =>
  `${writeAxes(names)} on the right side ${names.length === 1 ? 'is' : 'are'} neither in the input nor in the weight`;

export const writeEinMixWeightEllipsisMessage = (): string =>
  'the weight shape cannot have an ellipsis "...": every weight axis needs a length';

export const writeEinMixEllipsisSidesMessage = (): string =>
  'an ellipsis "..." must be on both sides of an EinMix pattern or on neither';

export const writeEinMixAnonymousAxisMessage = (value: number): string =>
  `EinMix cannot use the anonymous axis ${value}: name the axis and give its length`;

export const writeEinMixWeightParenthesesMessage = (): string =>
  'the weight shape cannot have parentheses: list its axes one by one';

export const writeEinMixDuplicateAxisMessage = (what: 'weight' | 'bias', name: string): string =>
  `axis ${name} appears twice in the ${what} shape`;

export const writeEinMixWeightLengthMessage = (names: readonly string[]): string =>
  `the length of weight ${writeAxes(names)} must be given in axes`;

export const writeEinMixRedundantWeightAxesMessage = (names: readonly string[]): string =>
  `weight ${writeAxes(names)} ${names.length === 1 ? 'is' : 'are'} neither in the input nor in the output`;

export const writeEinMixBiasTypeMessage = (type: string): string =>
  `the bias shape must be a string of axis names, or null for no bias, got ${type}`;

export const writeEinMixBiasOutputMessage = (names: readonly string[]): string =>
  `bias ${writeAxes(names)} ${names.length === 1 ? 'is' : 'are'} not on the right side`;

export const writeEinMixBiasLengthMessage = (names: readonly string[]): string =>
  `the length of bias ${writeAxes(names)} must be given in axes`;

export const writeEinMixBiasOrderMessage = (): string =>
  'every bias axis must come after the ellipsis "..." on the right side';

// ── analysis ─────────────────────────────────────────────────────────────────────────────

const ELLIPSIS = '...';

/** The named axes of a side, in order, `...` standing for the ellipsis wherever it is. */
function flatAxes(expression: Expression): string[] {
  return expression.dims.flatMap((dim) =>
    dim.kind === 'ellipsis' ? [ELLIPSIS] : dim.axes.map((axis) => (axis.kind === 'named' ? axis.name : ELLIPSIS)),
  );
}

/** The weight's or bias' axes, each at most once. */
function parseNames(text: string, what: 'weight' | 'bias'): Expression {
  const expression = parseExpression(text, { allowDuplicates: true });
  const names = flatAxes(expression);
  const twice = names.find((name, i) => name !== ELLIPSIS && names.indexOf(name) !== i);
  if (twice !== undefined) throw new EinopsError(writeEinMixDuplicateAxisMessage(what, twice));
  return expression;
}

const isFlat = (dim: Dim): boolean => dim.kind === 'ellipsis' || (dim.axes.length === 1 && dim.axes[0]!.kind === 'named');

function checkNoAnonymousAxes(expression: Expression): void {
  for (const dim of expression.dims) {
    if (dim.kind === 'ellipsis') continue;
    for (const axis of dim.axes) if (axis.kind === 'anonymous') throw new EinopsError(writeEinMixAnonymousAxisMessage(axis.length));
  }
}

const missing = (names: Iterable<string>, from: ReadonlySet<string>): string[] => [...new Set(names)].filter((name) => !from.has(name));

function fail(reason: string, where: string, column?: number): never {
  throw new EinopsError(`${where}: ${reason}`, column === undefined ? { reason } : { reason, column });
}

/** Checks an EinMix definition as einops does and works out its steps and parameters. */
export function planEinMix(pattern: string, options: EinMixOptions): EinMixPlan {
  const { weightShape } = options;
  const biasShape = options.biasShape ?? null;
  const axes = options.axes ?? {};
  const where = `EinMix "${pattern}" with weight "${String(weightShape)}"${biasShape === null ? '' : ` and bias "${String(biasShape)}"`}`;
  try {
    return analyse(pattern, weightShape, biasShape, axes);
  } catch (error) {
    if (error instanceof EinopsError) fail(error.reason, where, error.column);
    throw error;
  }
}

function analyse(pattern: string, weightShape: string, biasShape: unknown, axes: AxesLengths): EinMixPlan {
  if (typeof pattern !== 'string' || typeof weightShape !== 'string') {
    throw new EinopsError(`the pattern and the weight shape must be strings, got ${typeof pattern} and ${typeof weightShape}`);
  }
  checkAxesObject(axes);
  const { left, right } = parsePattern(pattern);
  if (weightShape.includes('(') || weightShape.includes(')')) throw new EinopsError(writeEinMixWeightParenthesesMessage());
  const weight = parseNames(weightShape, 'weight');
  if (weight.hasEllipsis) throw new EinopsError(writeEinMixWeightEllipsisMessage());
  if (left.hasEllipsis !== right.hasEllipsis) throw new EinopsError(writeEinMixEllipsisSidesMessage());
  if (left.ellipsisParenthesized) throw new EinopsError(writeEllipsisInParenthesesLeftMessage());
  for (const side of [left, right, weight]) checkNoAnonymousAxes(side);

  const inputAxes = flatAxes(left);
  const outputAxes = flatAxes(right);
  const weightAxes = flatAxes(weight);
  const inputNames = new Set(inputAxes.filter((name) => name !== ELLIPSIS));
  const outputNames = new Set(outputAxes.filter((name) => name !== ELLIPSIS));
  const weightNames = new Set(weightAxes);
  const known = new Set([...inputNames, ...weightNames]);

  const unknownOutput = missing(outputNames, known);
  if (unknownOutput.length > 0) throw new EinopsError(writeEinMixUnknownOutputAxesMessage(unknownOutput));
  const given = new Set(Object.keys(axes));
  const unsized = missing(weightAxes, given);
  if (unsized.length > 0) throw new EinopsError(writeEinMixWeightLengthMessage(unsized));
  const unused = missing(given, known);
  if (unused.length > 0) throw new EinopsError(writeUnusedAxisLengthMessage(unused[0]!));
  const redundant = missing(weightAxes, new Set([...inputNames, ...outputNames]));
  if (redundant.length > 0) throw new EinopsError(writeEinMixRedundantWeightAxesMessage(redundant));
  for (const name of given) {
    const length = axes[name];
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
      throw new EinopsError(writeInvalidAxisLengthMessage(name, String(length)));
    }
  }

  const rearrangement = (text: string) => ({ pattern: text, recipe: compileRecipe('rearrange', text) });
  const preRearrange = left.dims.every(isFlat)
    ? null
    : {
        ...rearrangement(`${left.text}-> ${inputAxes.join(' ')}`),
        axes: Object.fromEntries(Object.entries(axes).filter(([name]) => inputNames.has(name))),
      };
  const postRearrange = right.dims.every(isFlat) && !right.ellipsisParenthesized ? null : rearrangement(`${outputAxes.join(' ')} ->${right.text}`);
  const einsumPattern = `${[inputAxes.join(' '), weightAxes.join(' ')].join(', ').trimEnd()} -> ${outputAxes.join(' ')}`;

  // One output element mixes the input elements along the weight axes it does not keep.
  // The bounds are einops' own (einops/layers/_einmix.py: weight_bound = (3 / fan_in) ** 0.5,
  // bias_bound = (1 / fan_in) ** 0.5), not the 1/sqrt(fan_in) for both that the issue states:
  // a model ported from Python then starts from the same distribution. sqrt(3 / fan_in) gives
  // the weight variance 1 / fan_in, so the output keeps the input's scale.
  const fanIn = weightAxes.filter((name) => !outputNames.has(name)).reduce((product, name) => product * axes[name]!, 1);
  return {
    preRearrange,
    einsumPattern,
    einsum: compileEinsumRecipe(einsumPattern),
    inputAxes,
    outputAxes,
    postRearrange,
    weightAxes,
    weightShape: weightAxes.map((name) => axes[name]!),
    biasShape: biasShape === null ? null : biasShapeOf(biasShape, outputAxes, outputNames, given, axes),
    weightBound: Math.sqrt(3 / fanIn),
    biasBound: Math.sqrt(1 / fanIn),
  };
}

/**
 * The bias broadcasts against the einsum's result from the right, so it has a length for each
 * flat output axis (1 where it has no such axis) and none for the ellipsis' dimensions, which
 * is why no bias axis may come before the ellipsis.
 */
function biasShapeOf(
  biasShape: unknown,
  outputAxes: readonly string[],
  outputNames: ReadonlySet<string>,
  given: ReadonlySet<string>,
  axes: AxesLengths,
): number[] {
  if (typeof biasShape !== 'string') throw new EinopsError(writeEinMixBiasTypeMessage(typeof biasShape));
  const bias = new Set(flatAxes(parseNames(biasShape, 'bias')));
  const outside = missing(bias, outputNames);
  if (outside.length > 0) throw new EinopsError(writeEinMixBiasOutputMessage(outside));
  const unsized = missing(bias, given);
  if (unsized.length > 0) throw new EinopsError(writeEinMixBiasLengthMessage(unsized));
  const shape: number[] = [];
  let biasAxisSeen = false;
  for (const name of outputAxes) {
    if (name === ELLIPSIS) {
      if (biasAxisSeen) throw new EinopsError(writeEinMixBiasOrderMessage());
    } else {
      biasAxisSeen ||= bias.has(name);
      shape.push(bias.has(name) ? axes[name]! : 1);
    }
  }
  return shape;
}

// ── the compiled form ────────────────────────────────────────────────────────────────────

/**
 * An EinMix definition compiled: its pattern, weight and bias shapes and axis lengths, and
 * their plan, as plain JSON. The build plugin inlines one for `new EinMix('…', { … })` whose
 * definition is all literals; the layer then checks that its arguments are that definition.
 */
export interface EinMixRecipe {
  readonly version: typeof RECIPE_VERSION;
  readonly pattern: string;
  readonly weightShape: string;
  readonly biasShape: string | null;
  readonly axes: AxesLengths;
  readonly plan: EinMixPlan;
}

/** Plans an EinMix definition ({@link planEinMix}, with its errors) into its compiled form. */
export function compileEinMix(pattern: string, options: EinMixOptions): EinMixRecipe {
  const biasShape = options.biasShape ?? null;
  const axes = { ...(options.axes ?? {}) };
  const plan = planEinMix(pattern, { weightShape: options.weightShape, biasShape, axes });
  return { version: RECIPE_VERSION, pattern, weightShape: options.weightShape, biasShape, axes, plan };
}
