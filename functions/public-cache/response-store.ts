/**
 * Rendered responses kept in the isolate's memory, least recently used out
 * first, bounded in count and bytes. An entry answers only for the content
 * version it was rendered from and only while young: the version covers the
 * data, the age covers what depends on the clock (an event that has started,
 * a certificate past its date).
 */

export interface StoredResponse {
  status: number;
  headers: [string, string][];
  /**
   * A Blob, which cannot change: no answer made from it can alter the kept
   * bytes, so the runtime may share them instead of copying a buffer for each.
   */
  body: Blob;
  /** The content version read before rendering began. */
  version: number;
  storedAt: number;
  /** Carries values issued anew for each answer (see FreshFields in functions/public-cache/index.ts). */
  fresh?: boolean;
}

export interface ResponseStoreLimits {
  maxEntries: number;
  maxBytes: number;
  /** Larger bodies are not kept: they would push out many pages. */
  maxEntryBytes: number;
  maxAgeMs: number;
}

export class ResponseStore {
  // A Map iterates in insertion order: re-inserting on use makes the first key the least recently used.
  readonly #entries = new Map<string, StoredResponse>();
  #bytes = 0;

  constructor(private readonly limits: ResponseStoreLimits) {}

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** The entry for `key` if it was rendered from `version` and is young enough; stale ones are dropped. */
  get(key: string, version: number, now: number): StoredResponse | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#delete(key, entry);
    if (entry.version !== version || now - entry.storedAt >= this.limits.maxAgeMs) return undefined;
    this.#entries.set(key, entry);
    this.#bytes += entry.body.size;
    return entry;
  }

  /** Keeps `entry` unless it is too large; returns whether it was kept. */
  put(key: string, entry: StoredResponse): boolean {
    const previous = this.#entries.get(key);
    if (previous) this.#delete(key, previous);
    if (entry.body.size > this.limits.maxEntryBytes) return false;
    this.#entries.set(key, entry);
    this.#bytes += entry.body.size;
    for (const [oldestKey, oldest] of this.#entries) {
      if (this.#entries.size <= this.limits.maxEntries && this.#bytes <= this.limits.maxBytes) break;
      this.#delete(oldestKey, oldest);
    }
    return true;
  }

  #delete(key: string, entry: StoredResponse): void {
    this.#entries.delete(key);
    this.#bytes -= entry.body.size;
  }
}
