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
