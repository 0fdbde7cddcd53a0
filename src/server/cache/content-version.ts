/**
 * The content version (table content_version, bumped by triggers on every
 * write to what public pages show) and how often an isolate re-reads it.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { contentVersion } from '../db/schema';

export async function readContentVersion(db: Database): Promise<number> {
  const [row] = await db
    .select({ version: contentVersion.version })
    .from(contentVersion)
    .where(eq(contentVersion.id, 1));
  if (!row) throw new Error('content_version has no row: are the migrations applied?');
  return row.version;
}

/**
 * The last version this isolate read, re-read when older than `intervalMs`,
 * or at once after `expire()`: this isolate's own writes are seen by its next
 * request, others' within the interval.
 *
 * Each request that finds the version old reads it itself: only the number
 * is shared between requests, never a pending read. A Worker may not use
 * I/O begun by another request, and a request that is cancelled (its visitor
 * left) would leave everyone waiting on its read hanging.
 */
export class ContentVersionWatch {
  #known: number | null = null;
  #readAt = 0;
  /** Moves on expire(): a read begun before it must not count as fresh after it. */
  #epoch = 0;

  constructor(
    private readonly read: () => Promise<number>,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async current(): Promise<number> {
    if (this.#known !== null && this.now() - this.#readAt < this.intervalMs) return this.#known;
    const epoch = this.#epoch;
    const startedAt = this.now();
    const version = await this.read();
    // Of reads that overlap, the one begun last wins.
    if (epoch === this.#epoch && (this.#known === null || startedAt >= this.#readAt)) {
      this.#known = version;
      this.#readAt = startedAt;
    }
    return version;
  }

  /** Forget the version read, so the next request reads it again (after a write). */
  expire(): void {
    this.#epoch += 1;
    this.#known = null;
  }
}
