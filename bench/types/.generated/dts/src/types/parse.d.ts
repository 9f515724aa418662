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
 * - AnonymousAxis: the length's digits, e.g. `'2'` (a name never starts with a digit);
 * - EllipsisAxis: `'...'` inside parentheses;
 * - CompositionDim: the tuple of its axes (`[]` for `1` and `()`);
 * - EllipsisDim: `'...'` at the top level.
 * A failure is the reason's string, with its column, as the runtime's syntax errors say it.
 */
import type { Digit } from './arithmetic';
import type { Side, WriteArrowCountMessage, WriteDuplicateAxisMessage, WriteInvalidAxisNameMessage, WriteNestedParenthesesMessage, WriteNonPositiveAnonymousAxisMessage, WriteStrayDotsMessage, WriteTwoEllipsesMessage, WriteUnclosedParenthesisMessage, WriteUnderscoreAxisNameMessage, WriteUnknownCharacterMessage, WriteUnopenedParenthesisMessage } from './messages';
export type Ellipsis = '...';
export type NamedAxis = string;
export type AnonymousAxis = `${Digit}${string}`;
export type Axis = NamedAxis | AnonymousAxis | Ellipsis;
export type CompositionDim = readonly Axis[];
export type Dim = CompositionDim | Ellipsis;
/** Where the side's ellipsis is: nowhere, at the top level, or inside parentheses. */
export type EllipsisPlace = 'none' | 'top' | 'parenthesized';
export interface Expression {
    readonly dims: readonly Dim[];
    /** Named axes in order of appearance (without parseShape's `_`). */
    readonly names: readonly string[];
    /** Anonymous axes' lengths in order of appearance. */
    readonly anonymous: readonly string[];
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
}
/** ASCII characters that are neither token characters, separators nor dots. */
type UnknownCharacter = '\x00' | '\x01' | '\x02' | '\x03' | '\x04' | '\x05' | '\x06' | '\x07' | '\x08' | '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\x0e' | '\x0f' | '\x10' | '\x11' | '\x12' | '\x13' | '\x14' | '\x15' | '\x16' | '\x17' | '\x18' | '\x19' | '\x1a' | '\x1b' | '\x1c' | '\x1d' | '\x1e' | '\x1f' | '\x7f' | '!' | '"' | '#' | '$' | '%' | '&' | "'" | '*' | '+' | ',' | '-' | '/' | ':' | ';' | '<' | '=' | '>' | '?' | '@' | '[' | '\\' | ']' | '^' | '`' | '{' | '|' | '}' | '~';
/** A word holding one of these is read character by character, as the runtime does. */
type NeedsScan = UnknownCharacter | '.' | '\u2026';
/** The 1-based column where `Rest` (a suffix of the text) starts. Only computed for errors. */
type ColumnOf<Text extends string, Rest extends string, Count extends 0[] = [0]> = Text extends Rest ? Count['length'] : Text extends `${string}${infer Tail}` ? ColumnOf<Tail, Rest, [...Count, 0]> : Count['length'];
type SyntaxError<Reason extends string, At extends string, Ctx extends Context> = `${Reason} (column ${ColumnOf<Ctx['text'], `${At}${Ctx['tail']}`>})`;
/** [word, what follows it]: a word ends at a space, a parenthesis or the end. */
type SplitWord<Rest extends string> = Rest extends `${infer Word} ${infer After}` ? CutAtParenthesis<Word, ` ${After}`> : CutAtParenthesis<Rest, ''>;
type CutAtParenthesis<Word extends string, After extends string> = Word extends `${infer Head}(${infer Tail}` ? Head extends `${infer Before})${infer Between}` ? [Before, `)${Between}(${Tail}${After}`] : [Head, `(${Tail}${After}`] : Word extends `${infer Head})${infer Tail}` ? [Head, `)${Tail}${After}`] : [Word, After];
/** The runtime's character loop over a word: `...` is part of a word, a lone `.` is not. */
type ScanWord<Word extends string, After extends string, Ctx extends Context> = Word extends `...${infer Rest}` ? ScanWord<Rest, After, Ctx> : Word extends `.${string}` ? SyntaxError<WriteStrayDotsMessage, `${Word}${After}`, Ctx> : Word extends `${infer Char}${infer Rest}` ? Char extends UnknownCharacter ? SyntaxError<WriteUnknownCharacterMessage<Char>, `${Word}${After}`, Ctx> : ScanWord<Rest, After, Ctx> : 'ok';
type IsDigits<Word extends string> = Word extends `${Digit}${infer Rest}` ? (Rest extends '' ? true : IsDigits<Rest>) : false;
type StripZeros<Digits extends string> = Digits extends `0${infer Rest}` ? StripZeros<Rest> : Digits;
/**
 * Reads one side. The state: the text still to read, the dims so far, the open group (null
 * outside parentheses) and where it opened, the names and anonymous axes seen, the ellipsis.
 */
type ParseSide<Rest extends string, Ctx extends Context, Dims extends readonly Dim[] = [], Group extends readonly Axis[] | null = null, GroupAt extends string = '', Names extends readonly string[] = [], Anonymous extends readonly string[] = [], At extends EllipsisPlace = 'none'> = Rest extends ` ${infer Next}` ? ParseSide<Next, Ctx, Dims, Group, GroupAt, Names, Anonymous, At> : Rest extends `(${infer Next}` ? Group extends null ? ParseSide<Next, Ctx, Dims, [], Rest, Names, Anonymous, At> : SyntaxError<WriteNestedParenthesesMessage, Rest, Ctx> : Rest extends `)${infer Next}` ? Group extends readonly Axis[] ? ParseSide<Next, Ctx, [...Dims, Group], null, '', Names, Anonymous, At> : SyntaxError<WriteUnopenedParenthesisMessage, Rest, Ctx> : Rest extends '' ? Group extends null ? {
    dims: Dims;
    names: Names;
    anonymous: Anonymous;
    ellipsis: At;
} : SyntaxError<WriteUnclosedParenthesisMessage, GroupAt, Ctx> : SplitWord<Rest> extends [infer Word extends string, infer Next extends string] ? Word extends `${string}${NeedsScan}${string}` ? ScanWord<Word, Next, Ctx> extends infer Problem extends string ? Problem extends 'ok' ? Word extends Ellipsis | '\u2026' ? At extends 'none' ? Group extends readonly Axis[] ? ParseSide<Next, Ctx, Dims, [...Group, Ellipsis], GroupAt, Names, Anonymous, 'parenthesized'> : ParseSide<Next, Ctx, [...Dims, Ellipsis], Group, GroupAt, Names, Anonymous, 'top'> : SyntaxError<WriteTwoEllipsesMessage, Rest, Ctx> : SyntaxError<WriteInvalidAxisNameMessage<Word>, Rest, Ctx> : Problem : never : Word extends `${Digit}${string}` ? IsDigits<Word> extends true ? StripZeros<Word> extends infer Length extends string ? Length extends '' ? SyntaxError<WriteNonPositiveAnonymousAxisMessage<0>, Rest, Ctx> : Length extends '1' ? Group extends null ? ParseSide<Next, Ctx, [...Dims, []], Group, GroupAt, Names, Anonymous, At> : ParseSide<Next, Ctx, Dims, Group, GroupAt, Names, Anonymous, At> : Group extends readonly Axis[] ? ParseSide<Next, Ctx, Dims, [...Group, Length], GroupAt, Names, [...Anonymous, Length], At> : ParseSide<Next, Ctx, [...Dims, [Length]], Group, GroupAt, Names, [...Anonymous, Length], At> : never : SyntaxError<WriteInvalidAxisNameMessage<Word>, Rest, Ctx> : Word extends `_${string}` | `${string}_` ? Word extends '_' ? Ctx['underscore'] extends true ? Group extends readonly Axis[] ? ParseSide<Next, Ctx, Dims, [...Group, Word], GroupAt, Names, Anonymous, At> : ParseSide<Next, Ctx, [...Dims, [Word]], Group, GroupAt, Names, Anonymous, At> : SyntaxError<WriteUnderscoreAxisNameMessage<Word>, Rest, Ctx> : SyntaxError<WriteUnderscoreAxisNameMessage<Word>, Rest, Ctx> : Word extends Names[number] ? SyntaxError<WriteDuplicateAxisMessage<Word, Ctx['side']>, Rest, Ctx> : Group extends readonly Axis[] ? ParseSide<Next, Ctx, Dims, [...Group, Word], GroupAt, [...Names, Word], Anonymous, At> : ParseSide<Next, Ctx, [...Dims, [Word]], Group, GroupAt, [...Names, Word], Anonymous, At> : never;
/** One side alone, as parseShape reads it (`_` allowed when `Underscore`). */
export type ParseExpression<Text extends string, Underscore extends boolean = false> = ParseSide<Text, {
    text: Text;
    tail: '';
    side: 'left';
    underscore: Underscore;
}>;
type CountArrows<Text extends string, Count extends 0[] = []> = Text extends `${string}->${infer Rest}` ? CountArrows<Rest, [...Count, 0]> : Count['length'];
/** `left -> right`, both sides parsed; or the reason it is not a pattern. */
export type ParsePattern<Text extends string> = Text extends `${infer Left}->${infer Right}` ? Right extends `${string}->${infer AfterSecond}` ? SyntaxError<WriteArrowCountMessage<CountArrows<Text>>, `->${AfterSecond}`, {
    text: Text;
    tail: '';
    side: 'left';
    underscore: false;
}> : ParseSide<Left, {
    text: Text;
    tail: `->${Right}`;
    side: 'left';
    underscore: false;
}> extends infer L ? L extends Expression ? ParseSide<Right, {
    text: Text;
    tail: '';
    side: 'right';
    underscore: false;
}> extends infer R ? R extends Expression ? {
    left: L;
    right: R;
} : R : never : L : never : `${WriteArrowCountMessage<0>} (column 1)`;
export {};
