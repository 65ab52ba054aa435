/** Serialised public answers, keyed by URL (and a company's, by company), with a short life and explicit invalidation. */
class CatalogueCache {
  private entries = new Map<string, { body: string; expiresAt: number }>();
  private parts = new Map<string, { value: Promise<unknown>; expiresAt: number }>();
  private ttlMs = 2000;
  private maxEntries = 1000;

  configure({ ttlSeconds, maxEntries }: { ttlSeconds: number; maxEntries: number }) {
    this.ttlMs = ttlSeconds * 1000;
    this.maxEntries = maxEntries;
    this.clear();
  }

  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.body;
  }

  set(key: string, body: string) {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { body, expiresAt: Date.now() + this.ttlMs });
  }

  /**
   * What answers are made of (a company's agreements, the category tree), kept as long as the
   * answers and dropped with them: one load per key at a time, a failed load not kept.
   */
  remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const entry = this.parts.get(key);
    if (entry && entry.expiresAt > Date.now()) return entry.value as Promise<T>;
    if (this.parts.size >= this.maxEntries) this.parts.delete(this.parts.keys().next().value!);
    const value = load();
    this.parts.set(key, { value, expiresAt: Date.now() + this.ttlMs });
    value.catch(() => this.parts.delete(key));
    return value;
  }

  clear() {
    this.entries.clear();
    this.parts.clear();
  }
}

export const catalogueCache = new CatalogueCache();
