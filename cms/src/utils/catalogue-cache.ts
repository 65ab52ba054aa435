/** Serialised public answers, keyed by URL, with a short life and explicit invalidation. */
class CatalogueCache {
  private entries = new Map<string, { body: string; expiresAt: number }>();
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

  clear() {
    this.entries.clear();
  }
}

export const catalogueCache = new CatalogueCache();
