/**
 * A bounded least-recently-used map. A Map iterates in insertion order, so re-inserting on
 * a hit keeps the oldest entry first, and eviction drops it.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  // A hit on the entry that is already the most recent changes nothing: skipping its
  // delete-and-insert makes the common case (one pattern called in a loop) a single lookup.
  private newest: K | undefined = undefined;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined && key !== this.newest) {
      this.entries.delete(key);
      this.entries.set(key, value);
      this.newest = key;
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    this.newest = key;
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as K);
    }
  }

  clear(): void {
    this.entries.clear();
    this.newest = undefined;
  }
}
