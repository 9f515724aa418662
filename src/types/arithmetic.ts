/**
 * Exact integer arithmetic on number literal types, for compositions (products) and
 * decompositions (exact division). Numbers are worked on as decimal digit strings, one table
 * lookup per digit, so the cost grows with the number of digits (16 for 2^53), never with the
 * value, and nothing counts tuple lengths.
 *
 * Internally a number is its digits little-endian ("Digits"): 640000 is "000046" and 0 is "",
 * so carries run in the direction template literals are read and there are no leading zeros.
 */
import type { AddCarry, AddDigit, DigitsBelow, DivQuotient, DivRemainder, MulCarry, MulDigit, SubBorrow, SubDigit } from './digits';

export type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
type Carry = '0' | '1';

/** Digits in the other order: little-endian digits to their decimal text and back. */
export type Reverse<S extends string, Out extends string = ''> = S extends `${infer A}${infer B}${infer C}${infer D}${infer Rest}`
  ? Reverse<Rest, `${D}${C}${B}${A}${Out}`>
  : S extends `${infer A}${infer Rest}`
    ? Reverse<Rest, `${A}${Out}`>
    : Out;

/** How a number that is not a non-negative integer below 1e21 prints. (A union written out: see characters.ts.) */
export type NotDecimalText = `${string}.${string}` | `${string}e${string}` | `${string}-${string}`;

/** A number's decimal text: only non-negative integers written without an exponent. */
type DecimalText<N extends number> = `${N}` extends NotDecimalText ? never : `${N}`;

/** Little-endian digits of a non-negative integer literal; never for anything else. */
export type ToDigits<N extends number> = N extends 0 ? '' : Reverse<DecimalText<N>>;

/** The number literal of little-endian digits, or `number` past what a double holds exactly. */
export type FromDigits<S extends string> = S extends ''
  ? 0
  : Reverse<S> extends `${infer N extends number}`
    ? N
    : number;

type StripLeadingZeros<S extends string> = S extends `0${infer Rest}` ? StripLeadingZeros<Rest> : S;

/** Big-endian digit text (possibly with leading zeros) to a number literal. */
type FromDecimalText<S extends string> = StripLeadingZeros<S> extends `${infer N extends number}` ? N : 0;

export type AddDigits<A extends string, B extends string, C extends Carry = '0', Out extends string = ''> =
  A extends `${infer X extends Digit}${infer RestA}`
    ? B extends `${infer Y extends Digit}${infer RestB}`
      ? AddDigits<RestA, RestB, AddCarry[C][X][Y], `${Out}${AddDigit[C][X][Y]}`>
      : C extends '0'
        ? `${Out}${A}`
        : AddDigits<RestA, '', AddCarry[C][X]['0'], `${Out}${AddDigit[C][X]['0']}`>
    : B extends ''
      ? C extends '0'
        ? Out
        : `${Out}1`
      : AddDigits<B, '', C, Out>;

type TimesDigit<A extends string, D extends Digit, C extends Digit = '0', Out extends string = ''> =
  A extends `${infer X extends Digit}${infer Rest}`
    ? TimesDigit<Rest, D, MulCarry[C][X][D], `${Out}${MulDigit[C][X][D]}`>
    : C extends '0'
      ? Out
      : `${Out}${C}`;

export type MultiplyDigits<A extends string, B extends string, Shift extends string = '', Acc extends string = ''> =
  A extends ''
    ? ''
    : B extends `${infer D extends Digit}${infer Rest}`
      ? MultiplyDigits<A, Rest, `0${Shift}`, D extends '0' ? Acc : AddDigits<Acc, `${Shift}${TimesDigit<A, D>}`>>
      : Acc;

/** '<', '=' or '>'. Without leading zeros the longer number is the larger. */
export type CompareDigits<A extends string, B extends string, Result extends string = '='> =
  A extends `${infer X extends Digit}${infer RestA}`
    ? B extends `${infer Y extends Digit}${infer RestB}`
      ? CompareDigits<RestA, RestB, X extends Y ? Result : X extends DigitsBelow[Y] ? '<' : '>'>
      : '>'
    : B extends ''
      ? Result
      : '<';

/** A - B for A >= B. Zeros are held back until a higher non-zero digit comes, so none trail. */
export type SubtractDigits<A extends string, B extends string, Borrow extends Carry = '0', Out extends string = '', Zeros extends string = ''> =
  A extends `${infer X extends Digit}${infer RestA}`
    ? B extends `${infer Y extends Digit}${infer RestB}`
      ? PutDifference<RestA, RestB, SubBorrow[Borrow][X][Y], SubDigit[Borrow][X][Y], Out, Zeros>
      : PutDifference<RestA, '', SubBorrow[Borrow][X]['0'], SubDigit[Borrow][X]['0'], Out, Zeros>
    : Out;

type PutDifference<A extends string, B extends string, Borrow extends Carry, D extends Digit, Out extends string, Zeros extends string> =
  D extends '0'
    ? SubtractDigits<A, B, Borrow, Out, `${Zeros}0`>
    : SubtractDigits<A, B, Borrow, `${Out}${Zeros}${D}`, ''>;

/** Long division by a one-digit divisor: one table lookup per digit of N (big-endian text). */
type DivideBySmall<N extends string, D extends Digit, R extends Digit = '0', Q extends string = ''> =
  N extends `${infer X extends Digit}${infer Rest}`
    ? DivideBySmall<Rest, D, DivRemainder[D][R][X], `${Q}${DivQuotient[D][R][X]}`>
    : [FromDecimalText<Q>, R extends '0' ? '' : R];

/**
 * k * D for k = 0..9. An object, not a tuple: its properties are only computed when read, and
 * the binary search below reads four of them.
 */
type Multiples<D extends string> = {
  '0': '';
  '1': D;
  '2': TimesDigit<D, '2'>;
  '3': TimesDigit<D, '3'>;
  '4': TimesDigit<D, '4'>;
  '5': TimesDigit<D, '5'>;
  '6': TimesDigit<D, '6'>;
  '7': TimesDigit<D, '7'>;
  '8': TimesDigit<D, '8'>;
  '9': TimesDigit<D, '9'>;
};

type MultipleTable = { readonly [K in Digit]: string };

type Below<A extends string, B extends string> = CompareDigits<A, B> extends '<' ? true : false;

/** The largest k with M[k] <= R, by binary search over the divisor's multiples M. */
type QuotientDigit<R extends string, M extends MultipleTable> =
  Below<R, M['1']> extends true
    ? '0'
    : Below<R, M['5']> extends true
      ? Below<R, M['3']> extends true
        ? Below<R, M['2']> extends true ? '1' : '2'
        : Below<R, M['4']> extends true ? '3' : '4'
      : Below<R, M['7']> extends true
        ? Below<R, M['6']> extends true ? '5' : '6'
        : Below<R, M['8']> extends true
          ? '7'
          : Below<R, M['9']> extends true ? '8' : '9';

/** Long division by a divisor of several digits; the remainder R is kept little-endian. */
type DivideByLarge<N extends string, M extends MultipleTable, R extends string = '', Q extends string = ''> =
  N extends `${infer X extends Digit}${infer Rest}`
    ? NextQuotientDigit<Rest, M, R extends '' ? (X extends '0' ? '' : X) : `${X}${R}`, Q>
    : [FromDecimalText<Q>, R];

type NextQuotientDigit<N extends string, M extends MultipleTable, R extends string, Q extends string> =
  QuotientDigit<R, M> extends infer K extends Digit
    ? DivideByLarge<N, M, SubtractDigits<R, M[K]>, `${Q}${K}`>
    : never;

/** [quotient, remainder digits] of N / D for a non-zero divisor. */
export type DivideDigits<N extends number, D extends string> = D extends `${infer X extends Digit}`
  ? X extends '1'
    ? [N, '']
    : DivideBySmall<DecimalText<N>, X>
  : DivideByLarge<DecimalText<N>, Multiples<D>>;

/** The product of number literals; `number` when any factor is unknown. */
export type Product<Factors extends readonly unknown[]> = number extends Factors['length']
  ? number
  : Factors extends readonly [infer F extends number]
    ? F
    : Factors extends readonly [infer F extends number, ...infer Rest extends readonly unknown[]]
      ? number extends F
        ? number
        : ProductOf<Rest, ToDigits<F>>
      : 1;

type OneDigit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** Acc (digits) times a known factor F, as ProductOf multiplies by each factor. */
export type TimesFactor<Acc extends string, F extends number> = F extends OneDigit
  ? F extends 0
    ? ''
    : TimesDigit<Acc, `${F}`>
  : Acc extends Digit
    ? Acc extends '0'
      ? ''
      : TimesDigit<ToDigits<F>, Acc>
    : MultiplyDigits<Acc, ToDigits<F>>;

/** Multiplies Acc (digits) by each factor; by one digit is one pass, without additions. */
type ProductOf<Factors extends readonly unknown[], Acc extends string> =
  Factors extends readonly [infer F extends number, ...infer Rest extends readonly unknown[]]
    ? number extends F
      ? number
      : ProductOf<Rest, TimesFactor<Acc, F>>
    : FromDigits<Acc>;
