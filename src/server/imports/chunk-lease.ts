/**
 * One writer per chunk of a queued import, by construction rather than by timing. Queues deliver
 * a message at least once, and a run continued from its page sends its stopped chunk's message
 * again while a copy of the old one may still come: two consumers can start the same chunk at
 * once. Each takes the chunk before planning or writing it, with one conditional update of the
 * run (running, at the chunk's first row, and no live lease: none, or one past its time), and
 * only the one whose update changed the row writes; the chunk's progress, conditional on holding
 * the lease, releases it. A consumer that throws gives it back; one that dies leaves it to expire,
 * and the next taker re-plans the file and finds the rows the dead one wrote unchanged.
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { importRuns } from '../db/schema';

/**
 * How long a taken chunk is its taker's. Well above a chunk's worst time: re-planning the file (at
 * most a few thousand rows, read in a few queries) and writing QUEUE_CHUNK_ROWS rows, a batch
 * each, takes seconds and, on a loaded database, a minute at the worst; a live consumer losing its
 * lease would let a second one write the same rows. Well below STALE_RUN_MS (15 minutes, after
 * which a run with no progress is offered to be continued): the lease of a consumer that died has
 * run out long before the person can continue its run, so continuing never waits on it.
 */
export const CHUNK_LEASE_MS = 5 * 60_000;

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
