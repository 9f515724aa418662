import { describe, expect, it } from 'vitest';
import { LruCache } from '../../src/runtime/lru';

describe('LruCache', () => {
  it('evicts the least recently used entry past its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('keeps the order right when the newest entry is hit again, and after clear', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('b')).toBe(2); // already the newest
    expect(cache.get('b')).toBe(2);
    cache.set('c', 3); // evicts a
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(2);
    cache.clear();
    cache.set('d', 4);
    cache.set('b', 5);
    expect(cache.get('d')).toBe(4); // d becomes the newest, so b is evicted next
    cache.set('e', 6);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('d')).toBe(4);
  });

  it('overwrites without growing', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
