/**
 * The content version (table content_version, bumped by triggers on every
 * write to what public pages show) and how often an isolate re-reads it.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { contentVersion } from '../db/schema';

export async function readContentVersion(db: Database): Promise<number> {
  const [row] = await db.select({ version: contentVersion.version }).from(contentVersion).where(eq(contentVersion.id, 1));
  if (!row) throw new Error('content_version has no row: are the migrations applied?');
  return row.version;
}

/**
 * The last version this isolate read, re-read at most once per `intervalMs`
 * (one read at a time, whatever the number of requests waiting), or at once
 * after `expire()`: this isolate's own writes are seen by its next request,
 * others' within the interval.
 */
export class ContentVersionWatch {
  #known: number | null = null;
  #readAt = 0;
  #reading: Promise<number> | null = null;
  /** Moves on expire(): a read begun before it must not count as fresh after it. */
  #epoch = 0;

  constructor(
    private readonly read: () => Promise<number>,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  current(): Promise<number> {
    if (this.#known !== null && this.now() - this.#readAt < this.intervalMs) return Promise.resolve(this.#known);
    if (!this.#reading) {
      const epoch = this.#epoch;
      const startedAt = this.now();
      const reading: Promise<number> = this.read()
        .then((version) => {
          if (epoch === this.#epoch) {
            this.#known = version;
            this.#readAt = startedAt;
          }
          return version;
        })
        .finally(() => {
          if (this.#reading === reading) this.#reading = null;
        });
      this.#reading = reading;
    }
    return this.#reading;
  }

  /** Forget the version read, so the next request reads it again (after a write). */
  expire(): void {
    this.#epoch += 1;
    this.#known = null;
    this.#reading = null;
  }
}
