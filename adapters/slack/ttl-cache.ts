/** A small map whose entries expire; bounded so that it cannot grow without limit. Time is passed in. */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    const now = this.now();
    this.#entries.delete(key);
    if (this.#entries.size >= this.maxEntries) {
      for (const [oldKey, entry] of this.#entries) {
        if (entry.expires <= now || this.#entries.size >= this.maxEntries) this.#entries.delete(oldKey);
        else break;
      }
    }
    this.#entries.set(key, { value, expires: now + this.ttlMs });
  }

  /** Records `key` and says whether it was new (false: seen within the TTL). */
  add(key: string): boolean {
    if (this.get(key) !== undefined) return false;
    this.set(key, true as V);
    return true;
  }

  get size(): number {
    return this.#entries.size;
  }
}
