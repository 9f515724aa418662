/**
 * Grammar → AST at the type level: the twin of `pattern/parse.ts`, accepting exactly what it
 * accepts and failing with the same reason at the same column.
 *
 *   side        := (space* dim)* space*
 *   dim         := token | '(' (space* token)* space* ')'
 *   token       := name | number | '...'
 *   name        := identifier without a leading or trailing '_'   (a lone '_' in parseShape)
 *   number      := decimal digits; 1 is a unit axis (no axis at all), 0 is an error
 *
 * Only the space character separates tokens. Names are checked precisely on ASCII; other
 * characters are let through as letters (the runtime's Unicode tables are too large to mirror).
 *
 * The AST of `pattern/ast.ts`, encoded in literal types so that walking it stays cheap:
 * - NamedAxis: the name itself, e.g. `'h'`;
 * - AnonymousAxis: its length, a number literal, e.g. `2`;
 * - EllipsisAxis: `'...'` inside parentheses;
 * - CompositionDim: the tuple of its axes (`[]` for `1` and `()`); a dimension that is one
 *   name written without parentheses is the name itself, the commonest case made cheapest;
 * - EllipsisDim: the split of a side's dims into those before the top-level `...` and after.
 * A failure is the reason's string, with its column, as the runtime's syntax errors say it.
 *
 * Most sides are names, numbers and `...` between spaces, with parentheses at the ends of
 * words: FastWords reads those a word at a time and gives up on anything else, which ParseSide
 * then reads character class by character class, exactly as the runtime does. Both build the
 * same Expression for what they both accept.
 */
import type { Digit } from './arithmetic';
import type { NeedsScan, UnknownCharacter } from './characters';
import type {
  Side,
  WriteArrowCountMessage,
  WriteDuplicateAxisMessage,
  WriteInvalidAxisNameMessage,
  WriteNestedParenthesesMessage,
  WriteNonPositiveAnonymousAxisMessage,
  WriteStrayDotsMessage,
  WriteTwoEllipsesMessage,
  WriteUnclosedParenthesisMessage,
  WriteUnderscoreAxisNameMessage,
  WriteUnknownCharacterMessage,
  WriteUnopenedParenthesisMessage,
} from './messages';

export type Ellipsis = '...';
export type NamedAxis = string;
/** An anonymous axis is its length, a number literal of at least 2. */
export type AnonymousAxis = number;
export type Axis = NamedAxis | AnonymousAxis | Ellipsis;
export type CompositionDim = readonly Axis[];
export type Dim = NamedAxis | CompositionDim;

/** Where the side's ellipsis is: nowhere, at the top level, or inside parentheses. */
export type EllipsisPlace = 'none' | 'top' | 'parenthesized';

export interface Expression {
  /** The dims before the top-level ellipsis, or all of them when there is none. */
  readonly pre: readonly Dim[];
  /** The dims after the top-level ellipsis. */
  readonly post: readonly Dim[];
  /** The named axes, as a union (without parseShape's `_`). */
  readonly names: string;
  /** Whether there is an anonymous axis. */
  readonly anonymous: boolean;
  readonly ellipsis: EllipsisPlace;
}

export interface Pattern {
  readonly left: Expression;
  readonly right: Expression;
}

/** What the parser of one side needs besides the text: for columns, duplicates and `_`. */
interface Context {
  /** The whole pattern; columns count from its start. */
  readonly text: string;
  /** The part of the pattern after this side (`->` and the right side, for the left side). */
  readonly tail: string;
  readonly side: Side;
  /** parseShape: `_` is a name that may repeat and is skipped. */
  readonly underscore: boolean;
  /** einsum's inputs: a name may repeat (that input's diagonal). */
  readonly duplicates?: boolean;
}

/** The dims read so far: the current list, and those before a top-level ellipsis (or null). */
type Finish<Dims extends readonly Dim[], Before, Names extends string, Anonymous extends boolean, At extends EllipsisPlace> =
  Before extends readonly Dim[]
    ? { pre: Before; post: Dims; names: Names; anonymous: Anonymous; ellipsis: At }
    : { pre: Dims; post: []; names: Names; anonymous: Anonymous; ellipsis: At };

// ── the full parser ──────────────────────────────────────────────────────────────────────

/** The 1-based column where `Rest` (a suffix of the text) starts. Only computed for errors. */
type ColumnOf<Text extends string, Rest extends string, Count extends 0[] = [0]> = Text extends Rest
  ? Count['length']
  : Text extends `${string}${infer Tail}`
    ? ColumnOf<Tail, Rest, [...Count, 0]>
    : Count['length'];

type SyntaxError<Reason extends string, At extends string, Ctx extends Context> =
  `${Reason} (column ${ColumnOf<Ctx['text'], `${At}${Ctx['tail']}`>})`;

/** [word, what follows it]: a word ends at a space, a parenthesis or the end. */
type SplitWord<Rest extends string> = Rest extends `${infer Word} ${infer After}`
  ? CutAtParenthesis<Word, ` ${After}`>
  : CutAtParenthesis<Rest, ''>;

type CutAtParenthesis<Word extends string, After extends string> = Word extends `${infer Head}(${infer Tail}`
  ? Head extends `${infer Before})${infer Between}`
    ? [Before, `)${Between}(${Tail}${After}`]
    : [Head, `(${Tail}${After}`]
  : Word extends `${infer Head})${infer Tail}`
    ? [Head, `)${Tail}${After}`]
    : [Word, After];

/** The runtime's character loop over a word: `...` is part of a word, a lone `.` is not. */
type ScanWord<Word extends string, After extends string, Ctx extends Context> = Word extends `...${infer Rest}`
  ? ScanWord<Rest, After, Ctx>
  : Word extends `.${string}`
    ? SyntaxError<WriteStrayDotsMessage, `${Word}${After}`, Ctx>
    : Word extends `${infer Char}${infer Rest}`
      ? Char extends UnknownCharacter
        ? SyntaxError<WriteUnknownCharacterMessage<Char>, `${Word}${After}`, Ctx>
        : ScanWord<Rest, After, Ctx>
      : 'ok';

/** A union written out: see characters.ts. */
type UnderscoreAtEnd = `_${string}` | `${string}_`;

type IsDigits<Word extends string> = Word extends `${infer Char}${infer Rest}`
  ? Char extends Digit
    ? Rest extends ''
      ? true
      : IsDigits<Rest>
    : false
  : false;

type StripZeros<Digits extends string> = Digits extends `0${infer Rest}` ? StripZeros<Rest> : Digits;

/** The value of a number token without leading zeros: a number literal, `number` past 2^53. */
type LengthOf<Digits extends string> = Digits extends '' ? 0 : Digits extends `${infer N extends number}` ? N : number;

/**
 * Reads one side exactly as the runtime does, character class by character class. The state:
 * the text still to read, the dims so far, the open group (null outside parentheses) and where
 * it opened, the names seen, whether an anonymous axis was seen, where the ellipsis is, and
 * the dims before a top-level ellipsis.
 */
type ParseSide<
  Rest extends string,
  Ctx extends Context,
  Dims extends readonly Dim[] = [],
  Group extends CompositionDim | null = null,
  GroupAt extends string = '',
  Names extends string = never,
  Anonymous extends boolean = false,
  At extends EllipsisPlace = 'none',
  Before = null,
> = Rest extends ` ${infer Next}`
  ? ParseSide<Next, Ctx, Dims, Group, GroupAt, Names, Anonymous, At, Before>
  : Rest extends `(${infer Next}`
    ? Group extends null
      ? ParseSide<Next, Ctx, Dims, [], Rest, Names, Anonymous, At, Before>
      : SyntaxError<WriteNestedParenthesesMessage, Rest, Ctx>
    : Rest extends `)${infer Next}`
      ? Group extends CompositionDim
        ? ParseSide<Next, Ctx, [...Dims, Group], null, '', Names, Anonymous, At, Before>
        : SyntaxError<WriteUnopenedParenthesisMessage, Rest, Ctx>
      : Rest extends ''
        ? Group extends null
          ? Finish<Dims, Before, Names, Anonymous, At>
          : SyntaxError<WriteUnclosedParenthesisMessage, GroupAt, Ctx>
        : SplitWord<Rest> extends [infer Word extends string, infer Next extends string]
          ? Word extends NeedsScan
            ? ScanWord<Word, Next, Ctx> extends infer Problem extends string
              ? Problem extends 'ok'
                ? Word extends Ellipsis | '\u2026'
                  ? At extends 'none'
                    ? Group extends CompositionDim
                      ? ParseSide<Next, Ctx, Dims, [...Group, Ellipsis], GroupAt, Names, Anonymous, 'parenthesized', Before>
                      : ParseSide<Next, Ctx, [], Group, GroupAt, Names, Anonymous, 'top', Dims>
                    : SyntaxError<WriteTwoEllipsesMessage, Rest, Ctx>
                  : SyntaxError<WriteInvalidAxisNameMessage<Word>, Rest, Ctx>
                : Problem
              : never
            : Word extends `${Digit}${string}`
              ? IsDigits<Word> extends true
                ? LengthOf<StripZeros<Word>> extends infer Length extends number
                  ? Length extends 0
                    ? SyntaxError<WriteNonPositiveAnonymousAxisMessage<0>, Rest, Ctx>
                    : Length extends 1
                      ? Group extends null
                        ? ParseSide<Next, Ctx, [...Dims, []], Group, GroupAt, Names, Anonymous, At, Before>
                        : ParseSide<Next, Ctx, Dims, Group, GroupAt, Names, Anonymous, At, Before>
                      : Group extends CompositionDim
                        ? ParseSide<Next, Ctx, Dims, [...Group, Length], GroupAt, Names, true, At, Before>
                        : ParseSide<Next, Ctx, [...Dims, [Length]], Group, GroupAt, Names, true, At, Before>
                  : never
                : SyntaxError<WriteInvalidAxisNameMessage<Word>, Rest, Ctx>
              : Word extends UnderscoreAtEnd
                ? Word extends '_'
                  ? Ctx['underscore'] extends true
                    ? Group extends CompositionDim
                      ? ParseSide<Next, Ctx, Dims, [...Group, Word], GroupAt, Names, Anonymous, At, Before>
                      : ParseSide<Next, Ctx, [...Dims, Word], Group, GroupAt, Names, Anonymous, At, Before>
                    : SyntaxError<WriteUnderscoreAxisNameMessage<Word>, Rest, Ctx>
                  : SyntaxError<WriteUnderscoreAxisNameMessage<Word>, Rest, Ctx>
                : Word extends Names
                  ? Ctx['duplicates'] extends true
                    ? Group extends CompositionDim
                      ? ParseSide<Next, Ctx, Dims, [...Group, Word], GroupAt, Names, Anonymous, At, Before>
                      : ParseSide<Next, Ctx, [...Dims, Word], Group, GroupAt, Names, Anonymous, At, Before>
                    : SyntaxError<WriteDuplicateAxisMessage<Word, Ctx['side']>, Rest, Ctx>
                  : Group extends CompositionDim
                    ? ParseSide<Next, Ctx, Dims, [...Group, Word], GroupAt, Names | Word, Anonymous, At, Before>
                    : ParseSide<Next, Ctx, [...Dims, Word], Group, GroupAt, Names | Word, Anonymous, At, Before>
          : never;

// ── the fast path ────────────────────────────────────────────────────────────────────────

type Unusual = 'unusual';

/** Characters the fast path leaves to the full parser: unknown ones, dots, parentheses, `…`. */
type ScanCharacter = UnknownCharacter | '.' | '\u2026' | '(' | ')';

/**
 * What a token is to the fast path: a plain 'name'; 'special' (empty, only digits, `...`, `_`),
 * which the fast path reads itself; or 'scan', left to the full parser (an unknown character,
 * a dot elsewhere than in `...`, a parenthesis inside, `_` at either end of a name, `…`).
 * It is an alias of the token alone, so TypeScript computes it once per distinct token (not
 * once per pattern), and it compares characters with unions of single characters, which is
 * cheap, never with unions of templates such as `${string}_`, which is not.
 */
type TokenKind<Token extends string> = Token extends '' | Ellipsis | '_'
  ? 'special'
  : Token extends `${infer Char}${infer Rest}`
    ? Char extends Digit
      ? DigitsKind<Rest>
      : Char extends '_' | ScanCharacter
        ? 'scan'
        : NameKind<Rest>
    : 'scan';

type DigitsKind<Rest extends string> = Rest extends `${infer Char}${infer Tail}`
  ? Char extends Digit
    ? DigitsKind<Tail>
    : 'scan'
  : 'special';

type NameKind<Rest extends string> = Rest extends `${infer Char}${infer Tail}`
  ? Char extends ScanCharacter
    ? 'scan'
    : Tail extends ''
      ? Char extends '_'
        ? 'scan'
        : 'name'
      : NameKind<Tail>
  : 'name';

/**
 * The plain names (and runs of spaces) at the start of a side, the commonest text, with only
 * the state they change: the first other word goes on to FastSpecial with the rest of the
 * state at its start values.
 */
type FastNames<Rest extends string, Underscore extends boolean, Dims extends readonly Dim[] = [], Names extends string = never> =
  Rest extends `${infer Word} ${infer Next}`
    ? TokenKind<Word> extends 'name'
      ? Word extends Names
        ? Unusual
        : FastNames<Next, Underscore, [...Dims, Word], Names | Word>
      : Word extends ''
        ? FastNames<Next, Underscore, Dims, Names>
        : FastSpecial<Word, Next, Underscore, Dims, null, Names, false, 'none', null>
    : Finish<Dims, null, Names, false, 'none'>;

/**
 * One word per step; each word ends at a space (one is added at the end). A plain name costs
 * one split, a TokenKind (cached per word) and a check against the names so far.
 */
type FastWords<
  Rest extends string,
  Underscore extends boolean,
  Dims extends readonly Dim[] = [],
  Group extends CompositionDim | null = null,
  Names extends string = never,
  Anonymous extends boolean = false,
  At extends EllipsisPlace = 'none',
  Before = null,
> = Rest extends `${infer Word} ${infer Next}`
  ? TokenKind<Word> extends 'name'
    ? Word extends Names
      ? Unusual
      : Group extends CompositionDim
        ? FastWords<Next, Underscore, Dims, [...Group, Word], Names | Word, Anonymous, At, Before>
        : FastWords<Next, Underscore, [...Dims, Word], Group, Names | Word, Anonymous, At, Before>
    : FastSpecial<Word, Next, Underscore, Dims, Group, Names, Anonymous, At, Before>
  : Group extends null
    ? Finish<Dims, Before, Names, Anonymous, At>
    : Unusual;

/** Empty words (runs of spaces), words with parentheses at their ends, numbers, `...`, `_`. */
type FastSpecial<
  Word extends string,
  Next extends string,
  Underscore extends boolean,
  Dims extends readonly Dim[],
  Group extends CompositionDim | null,
  Names extends string,
  Anonymous extends boolean,
  At extends EllipsisPlace,
  Before,
> = Word extends ''
  ? FastWords<Next, Underscore, Dims, Group, Names, Anonymous, At, Before>
  : Word extends `(${infer Inner}`
    ? Group extends null
      ? Inner extends `${infer Token})`
        ? FastToken<Token, Next, Underscore, true, Dims, [], Names, Anonymous, At, Before>
        : FastToken<Inner, Next, Underscore, false, Dims, [], Names, Anonymous, At, Before>
      : Unusual
    : Word extends `${infer Token})`
      ? Group extends CompositionDim
        ? FastToken<Token, Next, Underscore, true, Dims, Group, Names, Anonymous, At, Before>
        : Unusual
      : FastToken<Word, Next, Underscore, false, Dims, Group, Names, Anonymous, At, Before>;

/** Adds a token (maybe empty) to the open group or as a dim; `Close` closes the group after it. */
type FastToken<
  Token extends string,
  Next extends string,
  Underscore extends boolean,
  Close extends boolean,
  Dims extends readonly Dim[],
  Group extends CompositionDim | null,
  Names extends string,
  Anonymous extends boolean,
  At extends EllipsisPlace,
  Before,
> = TokenKind<Token> extends 'special'
  ? Token extends ''
    ? Group extends CompositionDim
      ? FastClose<Next, Underscore, Close, Dims, Group, Names, Anonymous, At, Before>
      : Unusual
    : Token extends `${infer Length extends number}`
      ? number extends Length
        ? Unusual
        : Length extends 0
          ? Unusual
          : Length extends 1
            ? Group extends CompositionDim
              ? FastClose<Next, Underscore, Close, Dims, Group, Names, Anonymous, At, Before>
              : FastWords<Next, Underscore, [...Dims, []], Group, Names, Anonymous, At, Before>
            : Group extends CompositionDim
              ? FastClose<Next, Underscore, Close, Dims, [...Group, Length], Names, true, At, Before>
              : FastWords<Next, Underscore, [...Dims, [Length]], Group, Names, true, At, Before>
      : Token extends Ellipsis
        ? At extends 'none'
          ? Group extends CompositionDim
            ? FastClose<Next, Underscore, Close, Dims, [...Group, Ellipsis], Names, Anonymous, 'parenthesized', Before>
            : FastWords<Next, Underscore, [], Group, Names, Anonymous, 'top', Dims>
          : Unusual
        : Token extends '_'
          ? Underscore extends true
            ? Group extends CompositionDim
              ? FastClose<Next, Underscore, Close, Dims, [...Group, Token], Names, Anonymous, At, Before>
              : FastWords<Next, Underscore, [...Dims, Token], Group, Names, Anonymous, At, Before>
            : Unusual
          : Unusual
  : TokenKind<Token> extends 'scan'
    ? Unusual
    : Token extends Names
      ? Unusual
      : Group extends CompositionDim
        ? FastClose<Next, Underscore, Close, Dims, [...Group, Token], Names | Token, Anonymous, At, Before>
        : FastWords<Next, Underscore, [...Dims, Token], Group, Names | Token, Anonymous, At, Before>;

type FastClose<
  Next extends string,
  Underscore extends boolean,
  Close extends boolean,
  Dims extends readonly Dim[],
  Group extends CompositionDim,
  Names extends string,
  Anonymous extends boolean,
  At extends EllipsisPlace,
  Before,
> = Close extends true
  ? FastWords<Next, Underscore, [...Dims, Group], null, Names, Anonymous, At, Before>
  : FastWords<Next, Underscore, Dims, Group, Names, Anonymous, At, Before>;

/** A side through the fast path, or the full parser when the fast path gives up. */
// The fast path gives a side or Unusual: comparing with the literal is cheaper than checking
// the side against Expression, which the side's user does anyway.
type ReadSide<Text extends string, Ctx extends Context> = FastNames<`${Text} `, Ctx['underscore']> extends infer E
  ? E extends Unusual
    ? ParseSide<Text, Ctx>
    : E
  : never;

/** One side alone, as parseShape reads it (`_` allowed when `Underscore`). */
export type ParseExpression<Text extends string, Underscore extends boolean = false> = ReadSide<
  Text,
  { text: Text; tail: ''; side: 'left'; underscore: Underscore }
>;

/**
 * One part of a pattern that is not `left -> right` (einsum's inputs and output): `Text` is the
 * part, `Whole` the pattern (columns count from its start), `Tail` what follows the part.
 */
export type ParsePart<Text extends string, Whole extends string, Tail extends string, S extends Side, Duplicates extends boolean> =
  ReadSide<Text, { text: Whole; tail: Tail; side: S; underscore: true; duplicates: Duplicates }>;

export type CountArrows<Text extends string, Count extends 0[] = []> = Text extends `${string}->${infer Rest}`
  ? CountArrows<Rest, [...Count, 0]>
  : Count['length'];

type Sides<Text extends string, Left extends string, Right extends string> = ReadSide<
  Left,
  { text: Text; tail: `->${Right}`; side: 'left'; underscore: false }
> extends infer L
  ? L extends Expression
    ? ReadSide<Right, { text: Text; tail: ''; side: 'right'; underscore: false }> extends infer R
      ? R extends Expression
        ? { left: L; right: R }
        : R
      : never
    : L
  : never;

/** `left -> right`, both sides parsed; or the reason it is not a pattern. */
export type ParsePattern<Text extends string> = Text extends `${infer Left}->${infer Right}`
  ? Right extends `${string}->${infer AfterSecond}`
    ? SyntaxError<WriteArrowCountMessage<CountArrows<Text>>, `->${AfterSecond}`, { text: Text; tail: ''; side: 'left'; underscore: false }>
    : Sides<Text, Left, Right>
  : `${WriteArrowCountMessage<0>} (column 1)`;
