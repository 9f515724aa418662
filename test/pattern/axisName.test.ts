import { describe, expect, it } from 'vitest';
import { axisNameProblem, decimalValue, isAxisName, isDecimal } from '../../src/pattern/axisName';

describe('axis names', () => {
  it('accepts identifiers, including Unicode letters', () => {
    for (const name of ['a', 'h1', 'camelCase', 'u_n_d_e_r', 'ß', 'время', 'x٣']) expect(isAxisName(name), name).toBe(true);
  });

  it('rejects what is not an identifier or starts/ends with _', () => {
    for (const name of ['', '2b', '12', '_a', 'a_', '_', '...', '\u2026', 'a-b']) expect(isAxisName(name), name).toBe(false);
    expect(axisNameProblem('_a')).toMatch(/must not start or end with "_"/);
    expect(axisNameProblem('1a')).toMatch(/not a valid axis name/);
  });

  it('allows a lone _ only when asked (parseShape)', () => {
    expect(axisNameProblem('_', true)).toBeUndefined();
    expect(axisNameProblem('__', true)).toBeDefined();
  });
});

describe('numbers', () => {
  it('reads decimal digits of any script, as Python int() does', () => {
    expect(isDecimal('12')).toBe(true);
    expect(decimalValue('12')).toBe(12);
    expect(decimalValue('\u0663\u0660')).toBe(30); // Arabic-Indic ٣٠
    expect(decimalValue('\u{1D7D0}')).toBe(2); // mathematical bold digit two
    expect(isDecimal('\u00B2')).toBe(false); // superscript two is a digit but not decimal
  });
});
