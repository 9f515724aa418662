/**
 * Every reason an einops call can fail, written once.
 *
 * The runtime (`pattern/`, `runtime/`) builds its EinopsError messages from these
 * functions, and the type-level checker (`types/`) mirrors each one as a template-literal
 * type with the same name and the same words, so the editor and the runtime say the same
 * thing. Keep them free of punctuation tricks that a template-literal type cannot spell:
 * plain interpolation of names and numbers only.
 */

export type Side = 'left' | 'right';

/** `axis d` or `axes a, b`: the subject of a sentence about one or more axes. */
export const writeAxes = (names: readonly string[]): string =>
  names.length === 1 ? `axis ${names[0]}` : `axes ${names.join(', ')}`;

const verb = (names: readonly string[], one: string, many: string): string =>
  names.length === 1 ? one : many;

// ── syntax: one side of a pattern ────────────────────────────────────────────────────────

export const writeArrowCountMessage = (count: number): string =>
  `pattern must contain "->" exactly once, found ${count}`;

export const writeUnknownCharacterMessage = (char: string): string =>
  `unknown character "${char}"`;

export const writeStrayDotsMessage = (): string =>
  'dots are only allowed as an ellipsis "..."';

export const writeTwoEllipsesMessage = (): string =>
  'only one ellipsis "..." is allowed on each side';

export const writeNestedParenthesesMessage = (): string =>
  'parentheses cannot be nested: a composition is one level deep';

export const writeUnopenedParenthesisMessage = (): string =>
  '")" has no matching "("';

export const writeUnclosedParenthesisMessage = (): string =>
  '"(" is never closed';

export const writeInvalidAxisNameMessage = (name: string): string =>
  `"${name}" is not a valid axis name: use an identifier such as h or h1`;

export const writeUnderscoreAxisNameMessage = (name: string): string =>
  `axis name "${name}" must not start or end with "_"`;

export const writeNonPositiveAnonymousAxisMessage = (value: number): string =>
  `anonymous axis must have a positive length, got ${value}`;

export const writeDuplicateAxisMessage = (name: string, side: Side): string =>
  `axis ${name} appears twice on the ${side} side`;

// ── the two sides against each other, per op ─────────────────────────────────────────────

export const writeEllipsisOnlyRightMessage = (): string =>
  'ellipsis "..." appears on the right side but not on the left';

export const writeEllipsisInParenthesesLeftMessage = (): string =>
  'ellipsis "..." cannot be inside parentheses on the left side';

export const writeAnonymousAxisInRearrangeMessage = (value: number): string =>
  `rearrange cannot use the anonymous axis ${value}: only 1 is allowed, name the axis or use reduce or repeat`;

export const writeOnlyOneSideMessage = (names: readonly string[], side: Side): string =>
  `${writeAxes(names)} ${verb(names, 'appears', 'appear')} only on the ${side} side`;

export const writeReduceAddsAxesMessage = (names: readonly string[]): string =>
  `${writeOnlyOneSideMessage(names, 'right')}: reduce cannot add axes, use repeat`;

export const writeRepeatRemovesAxesMessage = (names: readonly string[]): string =>
  `${writeOnlyOneSideMessage(names, 'left')}: repeat cannot remove axes, use reduce`;

export const writeRepeatNeedsLengthMessage = (names: readonly string[]): string =>
  `new ${writeAxes(names)} ${verb(names, 'needs a length', 'need lengths')}: pass { ${names
    .map((name) => `${name}: <length>`)
    .join(', ')} }`;

export const writeUnknownReductionMessage = (reduction: string): string =>
  `unknown reduction "${reduction}": use min, max, sum, mean, prod, any, all or a function (x, axes) => y`;

export const writeMeanOfIntegersMessage = (dtype: string): string =>
  `mean needs a floating-point tensor, got ${dtype}`;

// ── binding a pattern to a shape and axes lengths ────────────────────────────────────────

export const writeRankMessage = (expected: number, actual: number): string =>
  `the left side has ${expected} dimensions but the tensor has ${actual}`;

export const writeMinimumRankMessage = (expected: number, actual: number): string =>
  `the left side needs at least ${expected} dimensions but the tensor has ${actual}`;

export const writeNotDivisibleMessage = (
  dimension: number,
  length: number,
  composition: string,
  knownProduct: number,
): string =>
  `dimension ${dimension} of length ${length} cannot be split as ${composition}: ${length} is not divisible by ${knownProduct}`;

export const writeProductMismatchMessage = (
  dimension: number,
  length: number,
  composition: string,
  product: number,
): string => `dimension ${dimension} has length ${length} but ${composition} gives ${product}`;

export const writeCannotInferMessage = (names: readonly string[], composition: string): string =>
  `cannot infer the lengths of ${names.join(', ')} in ${composition}: give all but one of them`;

export const writeUnusedAxisLengthMessage = (name: string): string =>
  `axis length ${name} is given but ${name} is not in the pattern`;

export const writeInvalidAxisLengthMessage = (name: string, value: string): string =>
  `axis length ${name} must be a non-negative integer, got ${value}`;

export const writeAxesObjectMessage = (type: string): string =>
  `axes lengths must be an object such as { h: 2 }, got ${type}`;

export const writeAxisLengthNameMessage = (name: string): string =>
  `"${name}" in the axes lengths is not a valid axis name`;

// ── parseShape ───────────────────────────────────────────────────────────────────────────

export const writeParseShapeCompositionMessage = (): string =>
  'parseShape cannot take compositions "( )": name each dimension';

export const writeUnitLengthMessage = (dimension: number, length: number): string =>
  `dimension ${dimension} has length ${length}, not 1`;

export const writeAnonymousLengthMessage = (dimension: number, length: number, expected: number): string =>
  `dimension ${dimension} has length ${length}, not ${expected}`;

// ── inputs ───────────────────────────────────────────────────────────────────────────────

export const writeEmptyListMessage = (): string => 'cannot stack an empty list of tensors';

export const writeUnsupportedTensorMessage = (description: string): string =>
  `unsupported tensor type ${description}: pass an NDArray from tensor(), or import the backend for your library (e.g. 'einops/tfjs')`;

export const writeRecipeVersionMessage = (version: string, expected: number): string =>
  `recipe version ${version} is not ${expected}: rebuild with this version of einops`;

export const writeRecipeMismatchMessage = (pattern: string, problem: string): string =>
  `the recipe is not the one compiled from "${pattern}": ${problem}`;

export const writeReductionResultMessage = (actual: string, expected: string): string =>
  `the reduction function returned shape ${actual}, expected ${expected}`;

export const writePatternTypeMessage = (type: string): string => `the pattern must be a string, got ${type}`;

// ── einsum ───────────────────────────────────────────────────────────────────────────────

/** einsum names each axis with one letter underneath (numpy and the other libraries do). */
export const EINSUM_MAX_AXES = 52;

export const writeEinsumArgumentsMessage = (): string =>
  'einsum takes one or more tensors and then the pattern, e.g. einsum(a, b, "i j, j k -> i k")';

export const writeEinsumPatternLastMessage = (type: string): string =>
  `the pattern must be the last argument and a string, got ${type}`;

export const writeEinsumCompositionMessage = (composition: string): string =>
  `einsum takes one axis per dimension, not the composition ${composition}: rearrange before or after einsum`;

export const writeEinsumUnitAxisMessage = (): string =>
  'einsum takes no unit axes "1" or "()": remove them with rearrange first';

export const writeEinsumAnonymousAxisMessage = (value: number): string =>
  `einsum cannot use the anonymous axis ${value}: name the axis`;

export const writeEinsumTooManyAxesMessage = (count: number): string =>
  `einsum takes at most ${EINSUM_MAX_AXES} different axes, got ${count}`;

export const writeEinsumOperandCountMessage = (expected: number, actual: number): string =>
  `the pattern has ${expected} inputs but ${actual} tensors were given`;

export const writeEinsumRankMessage = (operand: number, expected: number, actual: number): string =>
  `input ${operand} has ${actual} dimensions but the pattern names ${expected}`;

export const writeEinsumMinimumRankMessage = (operand: number, expected: number, actual: number): string =>
  `input ${operand} has ${actual} dimensions but the pattern needs at least ${expected}`;

export const writeEinsumDiagonalMessage = (name: string, operand: number, first: number, second: number): string =>
  `axis ${name} repeats in input ${operand} with lengths ${first} and ${second}: a diagonal needs equal lengths`;

export const writeEinsumLengthMessage = (name: string, operand: number, length: number, other: number, otherLength: number): string =>
  `axis ${name} has length ${length} in input ${operand} but ${otherLength} in input ${other}`;

export const writeEinsumEllipsisOutputMessage = (count: number): string =>
  `the ellipsis "..." stands for ${count} dimensions on the left but the right side has no "..." for them`;

export const writeMixedBackendsMessage = (index: number, backend: string, first: string): string =>
  `tensor ${index} is a ${backend} tensor but tensor 0 is a ${first} tensor: use one library`;

// ── pack and unpack ──────────────────────────────────────────────────────────────────────

export const writePackStarCountMessage = (count: number): string =>
  `pattern must contain "*" exactly once, found ${count}`;

export const writePackDuplicateAxisMessage = (name: string): string => `axis ${name} appears twice`;

export const writePackListMessage = (type: string): string => `pack takes a list of tensors, got ${type}`;

export const writePackEmptyListMessage = (): string => 'cannot pack an empty list of tensors';

export const writePackRankMessage = (index: number, shape: string, minimum: number): string =>
  `tensor ${index} has shape ${shape} but the pattern needs at least ${minimum} dimensions`;

export const writePackShapeMismatchMessage = (index: number, shape: string, first: string): string =>
  `tensor ${index} has shape ${shape} but tensor 0 has shape ${first}: the dimensions outside "*" must match`;

export const writePackDTypeMismatchMessage = (index: number, dtype: string, first: string): string =>
  `tensor ${index} has dtype ${dtype} but tensor 0 has dtype ${first}: pack needs one dtype`;

export const writeUnpackRankMessage = (expected: number, actual: number): string =>
  `the pattern has ${expected} dimensions but the tensor has ${actual}`;

export const writePackedShapesMessage = (description: string): string =>
  `packed shapes must be a list of shapes such as [[2, 3], [4]], got ${description}`;

export const writePackedShapeEntryMessage = (index: number, value: string): string =>
  `packed shape ${index} has the entry ${value}: use non-negative integers and at most one -1`;

export const writePackedShapesUnknownsMessage = (count: number): string =>
  `packed shapes may hold one -1 in all, found ${count}`;

export const writePackedShapesTotalMessage = (dimension: number, length: number, total: number): string =>
  `dimension ${dimension} has length ${length} but the packed shapes hold ${total}`;

export const writePackedShapesOverflowMessage = (dimension: number, length: number, total: number): string =>
  `dimension ${dimension} has length ${length} but the packed shapes other than the one with -1 hold ${total}`;

export const writePackedShapesInferMessage = (dimension: number, length: number, index: number, left: number, known: number): string =>
  `dimension ${dimension} has length ${length}, which leaves ${left} for packed shape ${index}: not a multiple of ${known}, so -1 cannot be inferred`;
