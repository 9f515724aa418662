import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { inContext } from '../../src/runtime/context';

const call = { op: 'rearrange', pattern: 'a b -> b c', input: () => 'input shape [2, 3]', axesLengths: { h: 2 } };

describe('inContext', () => {
  it('names the op, the pattern, the input and the axes', () => {
    const error = inContext(new EinopsError('axis c appears only on the right side'), call) as EinopsError;
    expect(error.message).toBe(
      'rearrange "a b -> b c": axis c appears only on the right side\n  input shape [2, 3], axes { h: 2 }',
    );
    expect(error.reason).toBe('axis c appears only on the right side');
  });

  it('points at the column of a syntax error', () => {
    const syntax = new EinopsError('bad (column 3)', { reason: 'bad', column: 3 });
    const error = inContext(syntax, { ...call, detail: 'with max' }) as EinopsError;
    expect(error.message.split('\n')).toEqual([
      'rearrange "a b -> b c" with max: bad (column 3)',
      '  a b -> b c',
      '    ^',
      '  input shape [2, 3], axes { h: 2 }',
    ]);
    expect(error.column).toBe(3);
  });

  it('wraps once, and leaves other errors alone', () => {
    const once = inContext(new EinopsError('x'), call);
    expect(inContext(once, { ...call, op: 'reduce' })).toBe(once);
    const other = new TypeError('not ours');
    expect(inContext(other, call)).toBe(other);
  });
});
