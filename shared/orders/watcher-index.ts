/**
 * Watchers by key (an order, an item). Most orders have one watcher, its buyer's page: a lone
 * watcher is kept as it is, and a Set (some 300 bytes) made only for a second one.
 */
export class WatcherIndex<K, W extends object> {
  private readonly index = new Map<K, W | Set<W>>();

  /** Keys with at least one watcher. */
  get keyCount(): number {
    return this.index.size;
  }

  /** Watchers under all keys. */
  get size(): number {
    let size = 0;
    for (const watchers of this.index.values()) size += watchers instanceof Set ? watchers.size : 1;
    return size;
  }

  keys(): IterableIterator<K> {
    return this.index.keys();
  }

  has(key: K): boolean {
    return this.index.has(key);
  }

  includes(key: K, watcher: W): boolean {
    const watchers = this.index.get(key);
    return watchers instanceof Set ? watchers.has(watcher) : watchers === watcher;
  }

  add(key: K, watcher: W): void {
    const watchers = this.index.get(key);
    if (watchers === undefined) this.index.set(key, watcher);
    else if (watchers instanceof Set) watchers.add(watcher);
    else if (watchers !== watcher) this.index.set(key, new Set([watchers, watcher]));
  }

  delete(key: K, watcher: W): void {
    const watchers = this.index.get(key);
    if (watchers === watcher) this.index.delete(key);
    else if (watchers instanceof Set && watchers.delete(watcher) && watchers.size === 0) this.index.delete(key);
  }

  /** The watchers under `key` now (a copy: one told may stop watching while the others are told). */
  list(key: K): W[] {
    const watchers = this.index.get(key);
    if (watchers === undefined) return [];
    return watchers instanceof Set ? [...watchers] : [watchers];
  }
}
