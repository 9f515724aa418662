/**
 * The reasons of `pattern/messages.ts`, as template-literal types with the same names and the
 * same words, so an error in the editor reads exactly like the EinopsError at run time.
 * Keep each type next to its twin's wording when either changes.
 */

export type Side = 'left' | 'right';

type Join<Items extends readonly string[], Separator extends string, Out extends string = ''> =
  Items extends readonly [infer First extends string, ...infer Rest extends readonly string[]]
    ? Join<Rest, Separator, Out extends '' ? First : `${Out}${Separator}${First}`>
    : Out;

export type WriteAxes<Names extends readonly string[]> = Names extends readonly [infer Name extends string]
  ? `axis ${Name}`
  : `axes ${Join<Names, ', '>}`;

type Verb<Names extends readonly string[], One extends string, Many extends string> = Names extends readonly [string]
  ? One
  : Many;

// ── syntax: one side of a pattern ────────────────────────────────────────────────────────

export type WriteArrowCountMessage<Count extends number> = `pattern must contain "->" exactly once, found ${Count}`;

export type WriteUnknownCharacterMessage<Char extends string> = `unknown character "${Char}"`;

export type WriteStrayDotsMessage = 'dots are only allowed as an ellipsis "..."';

export type WriteTwoEllipsesMessage = 'only one ellipsis "..." is allowed on each side';

export type WriteNestedParenthesesMessage = 'parentheses cannot be nested: a composition is one level deep';

export type WriteUnopenedParenthesisMessage = '")" has no matching "("';

export type WriteUnclosedParenthesisMessage = '"(" is never closed';

export type WriteInvalidAxisNameMessage<Name extends string> =
  `"${Name}" is not a valid axis name: use an identifier such as h or h1`;

export type WriteUnderscoreAxisNameMessage<Name extends string> = `axis name "${Name}" must not start or end with "_"`;

export type WriteNonPositiveAnonymousAxisMessage<Value extends number> =
  `anonymous axis must have a positive length, got ${Value}`;

export type WriteDuplicateAxisMessage<Name extends string, S extends Side> = `axis ${Name} appears twice on the ${S} side`;

// ── the two sides against each other, per op ─────────────────────────────────────────────

export type WriteEllipsisOnlyRightMessage = 'ellipsis "..." appears on the right side but not on the left';

export type WriteEllipsisInParenthesesLeftMessage = 'ellipsis "..." cannot be inside parentheses on the left side';

export type WriteAnonymousAxisInRearrangeMessage<Value extends string | number> =
  `rearrange cannot use the anonymous axis ${Value}: only 1 is allowed, name the axis or use reduce or repeat`;

export type WriteOnlyOneSideMessage<Names extends readonly string[], S extends Side> =
  `${WriteAxes<Names>} ${Verb<Names, 'appears', 'appear'>} only on the ${S} side`;

export type WriteReduceAddsAxesMessage<Names extends readonly string[]> =
  `${WriteOnlyOneSideMessage<Names, 'right'>}: reduce cannot add axes, use repeat`;

export type WriteRepeatRemovesAxesMessage<Names extends readonly string[]> =
  `${WriteOnlyOneSideMessage<Names, 'left'>}: repeat cannot remove axes, use reduce`;

type LengthPlaceholders<Names extends readonly string[]> = {
  [I in keyof Names]: `${Names[I] & string}: <length>`;
};

export type WriteRepeatNeedsLengthMessage<Names extends readonly string[]> =
  `new ${WriteAxes<Names>} ${Verb<Names, 'needs a length', 'need lengths'>}: pass { ${Join<LengthPlaceholders<Names>, ', '>} }`;

export type WriteUnknownReductionMessage<Reduction extends string> =
  `unknown reduction "${Reduction}": use min, max, sum, mean, prod, any, all or a function (x, axes) => y`;

export type WriteMeanOfIntegersMessage<DType extends string> = `mean needs a floating-point tensor, got ${DType}`;

// ── binding a pattern to a shape and axes lengths ────────────────────────────────────────

export type WriteRankMessage<Expected extends number, Actual extends number> =
  `the left side has ${Expected} dimensions but the tensor has ${Actual}`;

export type WriteMinimumRankMessage<Expected extends number, Actual extends number> =
  `the left side needs at least ${Expected} dimensions but the tensor has ${Actual}`;

export type WriteNotDivisibleMessage<
  Dimension extends number,
  Length extends number,
  Composition extends string,
  KnownProduct extends number,
> = `dimension ${Dimension} of length ${Length} cannot be split as ${Composition}: ${Length} is not divisible by ${KnownProduct}`;

export type WriteProductMismatchMessage<
  Dimension extends number,
  Length extends number,
  Composition extends string,
  Product extends number,
> = `dimension ${Dimension} has length ${Length} but ${Composition} gives ${Product}`;

export type WriteCannotInferMessage<Names extends readonly string[], Composition extends string> =
  `cannot infer the lengths of ${Join<Names, ', '>} in ${Composition}: give all but one of them`;

export type WriteUnusedAxisLengthMessage<Name extends string> =
  `axis length ${Name} is given but ${Name} is not in the pattern`;

export type WriteInvalidAxisLengthMessage<Name extends string, Value extends string> =
  `axis length ${Name} must be a non-negative integer, got ${Value}`;

export type WriteAxisLengthNameMessage<Name extends string> = `"${Name}" in the axes lengths is not a valid axis name`;

// ── parseShape ───────────────────────────────────────────────────────────────────────────

export type WriteParseShapeCompositionMessage = 'parseShape cannot take compositions "( )": name each dimension';

export type WriteUnitLengthMessage<Dimension extends number, Length extends number> =
  `dimension ${Dimension} has length ${Length}, not 1`;

export type WriteAnonymousLengthMessage<Dimension extends number, Length extends number, Expected extends number> =
  `dimension ${Dimension} has length ${Length}, not ${Expected}`;

// ── einsum ───────────────────────────────────────────────────────────────────────────────

/** einsum names each axis with one letter underneath (numpy and the other libraries do). */
export type EINSUM_MAX_AXES = 52;

export type WriteEinsumArgumentsMessage =
  'einsum takes one or more tensors and then the pattern, e.g. einsum(a, b, "i j, j k -> i k")';

export type WriteEinsumCompositionMessage<Composition extends string> =
  `einsum takes one axis per dimension, not the composition ${Composition}: rearrange before or after einsum`;

export type WriteEinsumUnitAxisMessage = 'einsum takes no unit axes "1" or "()": remove them with rearrange first';

export type WriteEinsumAnonymousAxisMessage<Value extends number> = `einsum cannot use the anonymous axis ${Value}: name the axis`;

export type WriteEinsumTooManyAxesMessage<Count extends number> =
  `einsum takes at most ${EINSUM_MAX_AXES} different axes, got ${Count}`;

export type WriteEinsumOperandCountMessage<Expected extends number, Actual extends number> =
  `the pattern has ${Expected} inputs but ${Actual} tensors were given`;

export type WriteEinsumRankMessage<Operand extends number, Expected extends number, Actual extends number> =
  `input ${Operand} has ${Actual} dimensions but the pattern names ${Expected}`;

export type WriteEinsumMinimumRankMessage<Operand extends number, Expected extends number, Actual extends number> =
  `input ${Operand} has ${Actual} dimensions but the pattern needs at least ${Expected}`;

export type WriteEinsumDiagonalMessage<Name extends string, Operand extends number, First extends number, Second extends number> =
  `axis ${Name} repeats in input ${Operand} with lengths ${First} and ${Second}: a diagonal needs equal lengths`;

export type WriteEinsumLengthMessage<
  Name extends string,
  Operand extends number,
  Length extends number,
  Other extends number,
  OtherLength extends number,
> = `axis ${Name} has length ${Length} in input ${Operand} but ${OtherLength} in input ${Other}`;

export type WriteEinsumEllipsisOutputMessage<Count extends number> =
  `the ellipsis "..." stands for ${Count} dimensions on the left but the right side has no "..." for them`;

// ── pack and unpack ──────────────────────────────────────────────────────────────────────

export type WritePackStarCountMessage<Count extends number> = `pattern must contain "*" exactly once, found ${Count}`;

export type WritePackDuplicateAxisMessage<Name extends string> = `axis ${Name} appears twice`;

export type WritePackListMessage<Type extends string> = `pack takes a list of tensors, got ${Type}`;

export type WritePackEmptyListMessage = 'cannot pack an empty list of tensors';

export type WritePackRankMessage<Index extends number, Shape extends string, Minimum extends number> =
  `tensor ${Index} has shape ${Shape} but the pattern needs at least ${Minimum} dimensions`;

export type WritePackShapeMismatchMessage<Index extends number, Shape extends string, First extends string> =
  `tensor ${Index} has shape ${Shape} but tensor 0 has shape ${First}: the dimensions outside "*" must match`;

export type WritePackDTypeMismatchMessage<Index extends number, DType extends string, First extends string> =
  `tensor ${Index} has dtype ${DType} but tensor 0 has dtype ${First}: pack needs one dtype`;

export type WriteUnpackRankMessage<Expected extends number, Actual extends number> =
  `the pattern has ${Expected} dimensions but the tensor has ${Actual}`;

export type WritePackedShapeEntryMessage<Index extends number, Value extends string> =
  `packed shape ${Index} has the entry ${Value}: use non-negative integers and at most one -1`;

export type WritePackedShapesUnknownsMessage<Count extends number> = `packed shapes may hold one -1 in all, found ${Count}`;

export type WritePackedShapesTotalMessage<Dimension extends number, Length extends number, Total extends number> =
  `dimension ${Dimension} has length ${Length} but the packed shapes hold ${Total}`;

export type WritePackedShapesOverflowMessage<Dimension extends number, Length extends number, Total extends number> =
  `dimension ${Dimension} has length ${Length} but the packed shapes other than the one with -1 hold ${Total}`;

export type WritePackedShapesInferMessage<
  Dimension extends number,
  Length extends number,
  Index extends number,
  Left extends number,
  Known extends number,
> = `dimension ${Dimension} has length ${Length}, which leaves ${Left} for packed shape ${Index}: not a multiple of ${Known}, so -1 cannot be inferred`;

// ── the size of a result (ndarray/shape.ts, checkedSize, as runtime/bind.ts calls it) ─────

/** `the result: shape [2, 2, 2147483648] would have 8589934592 elements, …`; the shape and count as written. */
export type WriteResultSizeMessage<Shape extends string, Count extends string> =
  `the result: shape [${Shape}] would have ${Count} elements, more than the typed-array limit of 2^32`;
