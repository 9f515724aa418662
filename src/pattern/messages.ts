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

export const writeReductionResultMessage = (actual: string, expected: string): string =>
  `the reduction function returned shape ${actual}, expected ${expected}`;

export const writePatternTypeMessage = (type: string): string => `the pattern must be a string, got ${type}`;
