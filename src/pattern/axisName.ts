/**
 * Which tokens are axis names and which are numbers, as einops decides it: a name is a
 * Python identifier (Unicode letters, digits and `_`, not starting with a digit) that
 * neither starts nor ends with `_`; a number is a run of decimal digits of any script.
 */
import { writeInvalidAxisNameMessage, writeUnderscoreAxisNameMessage } from './messages';

const IDENTIFIER = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;
const DECIMAL = /^\p{Nd}+$/u;
const DECIMAL_DIGIT = /\p{Nd}/u;

/** Characters that may form a token: letters, digits of any kind, `_` (Python's isalnum). */
export const TOKEN_CHARACTER = /[\p{L}\p{N}_]/u;

/** The reason `name` is not a valid axis name, or undefined when it is. */
export function axisNameProblem(name: string, allowUnderscore = false): string | undefined {
  if (!IDENTIFIER.test(name)) return writeInvalidAxisNameMessage(name);
  if (name.startsWith('_') || name.endsWith('_')) {
    if (name === '_' && allowUnderscore) return undefined;
    return writeUnderscoreAxisNameMessage(name);
  }
  return undefined;
}

export const isAxisName = (name: string): boolean => axisNameProblem(name) === undefined;

export const isDecimal = (token: string): boolean => DECIMAL.test(token);

/**
 * The value of a decimal token. Python's int() reads digits of every script (`٣` is 3), so
 * this does too: Unicode places each script's digits 0–9 in consecutive code points, in runs
 * that start at a multiple-of-ten boundary of the run, so a digit's value is its distance
 * from the start of its run of decimal digits, modulo 10.
 */
export function decimalValue(token: string): number {
  if (/^[0-9]+$/.test(token)) return Number(token);
  let value = 0;
  for (const char of token) {
    const code = char.codePointAt(0)!;
    let start = code;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    value = value * 10 + ((code - start) % 10);
  }
  return value;
}
