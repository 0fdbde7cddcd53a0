/**
 * One writer per chunk of a queued import, by construction rather than by timing. Queues deliver
 * a message at least once, and a run continued from its page sends its stopped chunk's message
 * again while a copy of the old one may still come: two consumers can start the same chunk at
 * once. Each takes the chunk before planning or writing it, with one conditional update of the
 * run (running, at the chunk's first row, and no live lease: none, or one past its time), and
 * only the one whose update changed the row writes; the chunk's progress, conditional on holding
 * the lease, releases it. A consumer that throws gives it back; one that dies leaves it to expire,
 * and the next taker re-plans the file and finds the rows the dead one wrote unchanged. A live
 * one renews its lease before each write (keepChunk), so a chunk slowed past the lease's length
 * by a loaded database stays its own, and one that lost it (stalled past the lease, then taken
 * over) stops before writing another row.
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { importRuns } from '../db/schema';

/**
 * How long a taken chunk is its taker's, from its taking or its last write. Well above the time
 * from one write to the next, or from taking to the first write (re-planning the file: at most a
 * few thousand rows, read in a few queries): seconds, on a loaded database a minute at the worst,
 * so a live consumer keeps its chunk. Well below STALE_RUN_MS (15 minutes, after which a run with
 * no progress is offered to be continued): the lease of a consumer that died has run out long
 * before the person can continue its run, so continuing never waits on it.
 */
export const CHUNK_LEASE_MS = 5 * 60_000;

/** A clock that starts at `start` and moves on with real time, so that a consumer given a time keeps to it. */
export function clockFrom(start: Date): () => Date {
  const startedAt = performance.now();
  return () => new Date(start.getTime() + (performance.now() - startedAt));
}

/** A chunk taken: the run, the chunk's first row and the taker's token. */
export interface ChunkLease {
  runId: string;
  from: number;
  holder: string;
}

/** The run's chunk at rows_done has no live lease: nobody took it, its taker released it, or the lease ran out. */
export const chunkIsFree = (now: Date) => or(isNull(importRuns.leaseHolder), lt(importRuns.leaseUntil, now));

/**
 * Takes the chunk of `runId` starting at row `from` for this consumer: the run, as the update
 * left it, when the run is running, at `from` and the chunk free; null otherwise (another
 * consumer holds it, or the run is past it or stopped). One statement, so of two consumers
 * taking at once exactly one changes the row. Taking counts as the run's activity (updated_at),
 * so a run is never shown as interrupted while its chunk's lease is live.
 */
export async function takeChunk(db: Database, runId: string, from: number, now: Date) {
  const lease: ChunkLease = { runId, from, holder: newId() };
  const [run] = await db
    .update(importRuns)
    .set({ leaseHolder: lease.holder, leaseUntil: new Date(now.getTime() + CHUNK_LEASE_MS), updatedAt: now })
    .where(
      and(eq(importRuns.id, runId), eq(importRuns.status, 'running'), eq(importRuns.rowsDone, from), chunkIsFree(now)),
    )
    .returning();
  return run ? { lease, run } : null;
}

const heldBy = (lease: ChunkLease) =>
  and(eq(importRuns.id, lease.runId), eq(importRuns.rowsDone, lease.from), eq(importRuns.leaseHolder, lease.holder));

/** The chunk's lease is no longer its taker's: it ran out and another consumer took the chunk, or the run moved on. */
export class ChunkLeaseLostError extends Error {
  constructor(lease: ChunkLease) {
    super(`import ${lease.runId}: the chunk from row ${lease.from} is no longer this consumer's`);
    this.name = 'ChunkLeaseLostError';
  }
}

/**
 * Renews the lease for another CHUNK_LEASE_MS from `now`, if the chunk is still the taker's;
 * throws ChunkLeaseLostError otherwise, so the taker stops before its next write. One conditional
 * update by primary key: called before each write, it is what makes a row written only by the
 * chunk's holder at the time (a write takes well under a lease, so none outlives the renewal).
 */
export async function keepChunk(db: Database, lease: ChunkLease, now: Date): Promise<void> {
  const kept = await db
    .update(importRuns)
    .set({ leaseUntil: new Date(now.getTime() + CHUNK_LEASE_MS), updatedAt: now })
    .where(heldBy(lease))
    .returning({ id: importRuns.id });
  if (kept.length === 0) throw new ChunkLeaseLostError(lease);
}

/** The chunk's progress (rows done, counts so far), which releases its lease: written only by its holder. */
export const chunkProgress = (
  db: Database,
  lease: ChunkLease,
  progress: { rowsDone: number; counts: Record<string, number> },
) =>
  db
    .update(importRuns)
    .set({ ...progress, leaseHolder: null, leaseUntil: null, updatedAt: new Date() })
    .where(heldBy(lease));

/** Gives the chunk back unwritten or partly written (its taker failed), for the next delivery to take at once; `failed` stops the run too. */
export async function releaseChunk(db: Database, lease: ChunkLease, now: Date, failed = false): Promise<void> {
  await db
    .update(importRuns)
    .set({ leaseHolder: null, leaseUntil: null, updatedAt: now, ...(failed ? { status: 'failed' as const } : {}) })
    .where(heldBy(lease));
}
