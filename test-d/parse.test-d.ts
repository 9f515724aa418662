/**
 * The grammar of pattern/parse.ts at the type level: what a side is made of (ParseExpression),
 * and every syntax error with the runtime's reason and column.
 */
import { expectType } from 'tsd';
import type { ParseExpression, ParsePattern } from '../src/types';
import { explain, type NDArray } from './einops';

declare const x: NDArray<[2, 3, 4], 'float32'>;
declare function parsed<const T extends string>(text: T): ParseExpression<T>;
declare function parsedPattern<const T extends string>(text: T): ParsePattern<T>;

// names, numbers, units and compositions (a dim of one name is the name itself)
expectType<{ pre: ['a1', 'b1', 'c1', 'd1']; post: []; names: 'a1' | 'b1' | 'c1' | 'd1'; anonymous: false; ellipsis: 'none' }>(
  parsed('a1  b1   c1    d1'),
);
expectType<{ pre: [[], [], [], []]; post: []; names: never; anonymous: false; ellipsis: 'none' }>(parsed('() () 1 ()'));
expectType<{ pre: [[5], [], [4], []]; post: []; names: never; anonymous: true; ellipsis: 'none' }>(parsed('5 1 (1 4) 1'));
expectType<{ pre: ['name1']; post: ['a1', [12], ['name2', 14]]; names: 'name1' | 'a1' | 'name2'; anonymous: true; ellipsis: 'top' }>(
  parsed('name1 ... a1 12 (name2 14)'),
);
expectType<{ pre: [['name1', '...', 'a1', 12], 'name2', [14]]; post: []; names: 'name1' | 'a1' | 'name2'; anonymous: true; ellipsis: 'parenthesized' }>(
  parsed('(name1 ... a1 12) name2 14'),
);
expectType<{ pre: []; post: []; names: never; anonymous: false; ellipsis: 'none' }>(parsed(''));
expectType<{ pre: [[], ['a']]; post: []; names: 'a'; anonymous: false; ellipsis: 'none' }>(parsed('01 (a 01)'));
expectType<{ pre: ['a']; post: []; names: 'a'; anonymous: false; ellipsis: 'top' }>(parsed('a \u2026'));
// only the space separates tokens: parentheses end words too
expectType<{ pre: ['a', ['b'], 'c']; post: []; names: 'a' | 'b' | 'c'; anonymous: false; ellipsis: 'none' }>(parsed('a(b)c'));
expectType<{ left: { pre: ['a', 'b']; post: []; names: 'a' | 'b'; anonymous: false; ellipsis: 'none' }; right: { pre: ['b', 'a']; post: []; names: 'a' | 'b'; anonymous: false; ellipsis: 'none' } }>(
  parsedPattern('a b->b a'),
);

// syntax errors, with the column the runtime points at
expectType<'only one ellipsis "..." is allowed on each side (column 7)'>(parsed('... a ...'));
expectType<'only one ellipsis "..." is allowed on each side (column 10)'>(parsed('... a (b ...)'));
expectType<'dots are only allowed as an ellipsis "..." (column 2)'>(parsed('a.b'));
expectType<'dots are only allowed as an ellipsis "..." (column 4)'>(parsed('....'));
expectType<'")" has no matching "(" (column 4)'>(parsed('(a)) b'));
expectType<'"(" is never closed (column 3)'>(parsed('a (b c'));
expectType<'parentheses cannot be nested: a composition is one level deep (column 4)'>(parsed('(a (b))'));
expectType<'axis a appears twice on the left side (column 3)'>(parsed('a a'));
expectType<'"1a" is not a valid axis name: use an identifier such as h or h1 (column 1)'>(parsed('1a'));
expectType<'axis name "_pre" must not start or end with "_" (column 3)'>(parsed('b _pre'));
expectType<'axis name "post_" must not start or end with "_" (column 3)'>(parsed('b post_'));
expectType<'axis name "_" must not start or end with "_" (column 1)'>(parsed('_ a'));
expectType<'"...pre" is not a valid axis name: use an identifier such as h or h1 (column 1)'>(parsed('...pre'));
expectType<'"pre..." is not a valid axis name: use an identifier such as h or h1 (column 1)'>(parsed('pre...'));
expectType<'"a\u2026" is not a valid axis name: use an identifier such as h or h1 (column 1)'>(parsed('a\u2026'));
expectType<'anonymous axis must have a positive length, got 0 (column 3)'>(parsed('a 0'));
expectType<'anonymous axis must have a positive length, got 0 (column 4)'>(parsed('(a 000)'));
expectType<'unknown character "\t" (column 2)'>(parsed('a\tb'));
expectType<'unknown character "+" (column 2)'>(parsed('a+b'));
expectType<'unknown character "$" (column 4)'>(parsed('ab $'));
expectType<'pattern must contain "->" exactly once, found 0 (column 1)'>(parsedPattern('a b'));
expectType<'pattern must contain "->" exactly once, found 2 (column 8)'>(parsedPattern('a -> b -> c'));
expectType<'axis b appears twice on the right side (column 10)'>(parsedPattern('a b -> b b'));
expectType<'unknown character "-" (column 3)'>(parsedPattern('a - -> a'));
expectType<'unknown character ">" (column 8)'>(parsedPattern('a -> a >'));

// through the ops, with the op and the pattern in front, as the EinopsError's first line
expectType<'einops: rearrange "a b c -> a b c -> a": pattern must contain "->" exactly once, found 2 (column 16)'>(
  explain.rearrange(x, 'a b c -> a b c -> a'),
);
expectType<'einops: reduce "a (b c -> a b c" with max: "(" is never closed (column 3)'>(
  explain.reduce(x, 'a (b c -> a b c', 'max'),
);
expectType<'einops: repeat "a b c -> a b c (d": "(" is never closed (column 16)'>(explain.repeat(x, 'a b c -> a b c (d', { d: 2 }));
