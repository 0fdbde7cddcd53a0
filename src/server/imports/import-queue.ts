/**
 * Large imports through a Cloudflare Queue (binding IMPORT_QUEUE, wrangler.toml): a file of more
 * than QUEUED_FROM_ROWS rows would outlast a request, so the request only claims the run and
 * sends its first chunk's message; the worker's queue() handler writes one chunk per message and
 * sends the next.
 *
 * No chunk is written by two consumers, whatever the timing (./chunk-lease.ts): a consumer first
 * takes the chunk with one conditional update of the run (running, at the chunk's first row, no
 * live lease), and only then plans and writes it; the chunk's progress (rows done, counts so far),
 * written only by the lease's holder, releases it. A message delivered twice at once, or a late
 * copy of a stopped chunk's message meeting the one sent when the run was continued: one takes
 * the chunk, the other finds it taken ('busy') and is delivered again a lease's length later, to
 * find the run past it ('stale'). Cooperatives write a chunk and its progress in one db.batch;
 * products row by row (each row its own batch), then the progress; the lease guards both alike.
 *
 * A chunk that throws gives its lease back and is retried by the queue; re-planned, the rows it
 * wrote are unchanged, so no row is written twice. A chunk that fails on every delivery leaves
 * the run failed where it stopped. A consumer that died leaves its lease to run out
 * (CHUNK_LEASE_MS): its message, delivered again, takes the chunk over, and the rows it wrote are
 * found unchanged; if no delivery is left, the run shows as interrupted after STALE_RUN_MS
 * (./import-runs.ts). A failed or interrupted run is continued from its page at the chunk it
 * stopped at, and continuing is refused while a lease on that chunk is live (claimImportRun).
 */
import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../i18n';
import { routes } from '../../i18n/routes';
import { isOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import type { Database } from '../db/client';
import { importRuns, users } from '../db/schema';
import {
  CHUNK_LEASE_MS,
  ChunkLeaseLostError,
  chunkIsFree,
  chunkProgress,
  clockFrom,
  keepChunk,
  releaseChunk,
  takeChunk,
} from './chunk-lease';
import { COOPERATIVE_IMPORTER } from './cooperative-import';
import {
  addCounts,
  claimImportRun,
  finishImportRun,
  type ImportContext,
  type Importer,
  type ImportRun,
  keptSheet,
  loadImportRun,
} from './import-runs';
import { countActions, type ImportMode, refuseIncompleteFile } from './plan';
import { officerProductImporter, PRODUCT_IMPORTER } from './product-import';
import type { ImportKind } from './vocabulary';

/** Files with more rows than this are imported by the queue's consumer rather than in the request. */
export const QUEUED_FROM_ROWS = 500;
/** Rows a message writes: a consumer invocation's work, well inside its limits. */
export const QUEUE_CHUNK_ROWS = 200;
/** How often the queue delivers a failed message again (wrangler.toml max_retries; tests/unit/import-queue-config.test.ts). */
export const IMPORT_QUEUE_MAX_RETRIES = 5;

export interface ImportChunkMessage {
  runId: string;
  /** Index of the chunk's first row (rows done when it was sent). */
  from: number;
}

/** What the queue binding offers the producer (a Queue<ImportChunkMessage>, or the tests' list). */
export interface ImportQueue {
  send(message: ImportChunkMessage): Promise<unknown>;
}

const IMPORTERS: Record<ImportKind, Importer> = {
  products: PRODUCT_IMPORTER as Importer,
  cooperatives: COOPERATIVE_IMPORTER as Importer,
};

/** The importer a run was started with: a cooperative's products are imported by its members or, from the console, an officer. */
function importerOf(run: { kind: ImportKind; cooperativeId: string | null }, user: SessionUser): Importer {
  if (run.kind === 'products' && run.cooperativeId !== null && isOfficer(user))
    return officerProductImporter(run.cooperativeId) as Importer;
  return IMPORTERS[run.kind];
}

/**
 * Claims a previewed run and queues its first chunk, or a failed or interrupted one
 * (claimImportRun) and queues the chunk it stopped at. The checks are runImport's: an
 * all-or-nothing import of a file with refused rows stays previewed; a run already running is a
 * conflict.
 */
export async function queueImport(
  db: Database,
  bucket: R2Bucket,
  queue: ImportQueue,
  importer: Importer,
  user: SessionUser | null | undefined,
  id: string,
  mode: ImportMode,
  invite: boolean,
  now = new Date(),
): Promise<ImportRun> {
  const { user: person, cooperativeId } = importer.scopeOf(user);
  const run = await loadImportRun(db, importer, person, id);
  const sheet = await keptSheet(bucket, run);
  const plan = await importer.plan(db, person, cooperativeId, sheet.rows, now);
  if (run.status === 'previewed') refuseIncompleteFile(plan, mode);
  const claimed = await claimImportRun(db, run, mode, invite, now);
  await queue.send({ runId: id, from: claimed.rowsDone });
  return claimed;
}

async function runner(db: Database, userId: string): Promise<{ user: SessionUser; locale: Locale } | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      cooperativeId: users.cooperativeId,
      isManager: users.isManager,
      locale: users.locale,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.disabledAt) return null;
  const { locale, disabledAt: _disabled, ...user } = row;
  return { user, locale: locale as Locale };
}

/**
 * The consumer's work for one message: takes the chunk that starts at `from` (./chunk-lease.ts),
 * writes it and queues the next, or finishes the run after the last. 'stale' when the run is no
 * longer at that chunk (a repeated delivery, or the run stopped), or when it stalled past its
 * lease and another consumer took the chunk over before its next write; 'busy' when another consumer
 * holds the chunk, for the queue to deliver it again once that one is done or its lease has run
 * out. Throws on failure, having given the chunk back, for the queue to deliver it again.
 */
export async function importChunk(
  db: Database,
  bucket: R2Bucket,
  queue: ImportQueue,
  message: ImportChunkMessage,
  /** Where invitation links point (PUBLIC_ORIGIN). */
  origin: string,
  now = new Date(),
  /** The time of each write's lease renewal: `now` moved on as real time passes (tests set it). */
  clock: () => Date = clockFrom(now),
): Promise<'written' | 'finished' | 'stale' | 'busy'> {
  // Taken before the file is planned: a plan made while another consumer was still writing the chunk would miss its rows.
  const taken = await takeChunk(db, message.runId, message.from, now);
  if (!taken) {
    const [run] = await db.select().from(importRuns).where(eq(importRuns.id, message.runId)).limit(1);
    return run?.status === 'running' && run.rowsDone === message.from ? 'busy' : 'stale';
  }
  const { lease, run } = taken;
  try {
    const who = await runner(db, run.userId);
    if (!who) {
      await releaseChunk(db, lease, now, true);
      return 'stale';
    }
    const importer = importerOf(run, who.user);
    const { user } = importer.scopeOf(who.user);
    const context: ImportContext = {
      invite: run.invite,
      locale: who.locale,
      linkFor: (token) => new URL(`${routes.signUp[who.locale]}?code=${token}`, origin).href,
      beforeWrite: () => keepChunk(db, lease, clock()),
    };
    const sheet = await keptSheet(bucket, run as ImportRun);
    const plan = await importer.plan(db, user, run.cooperativeId, sheet.rows, now);
    const chunk = plan.rows.slice(message.from, message.from + QUEUE_CHUNK_ROWS);
    const rowsDone = message.from + chunk.length;
    // The counts so far are the earlier chunks' (kept with the run) and this one's as planned.
    const counts = addCounts(run.counts, countActions(chunk));
    const progress = chunkProgress(db, lease, { rowsDone, counts });
    await importer.write(db, user, run.cooperativeId, chunk, context, now, [progress]);
    if (rowsDone < plan.rows.length) {
      await queue.send({ runId: run.id, from: rowsDone });
      return 'written';
    }
    await finishImportRun(db, bucket, run as ImportRun, sheet, plan, counts, who.locale);
    return 'finished';
  } catch (error) {
    // Another consumer took the chunk over (this one stalled past its lease): it is theirs to write.
    if (error instanceof ChunkLeaseLostError) return 'stale';
    // Its writes have stopped (each awaited): the next delivery may take the chunk at once and finds them unchanged.
    // Should giving it back fail too, the lease runs out instead.
    await releaseChunk(db, lease, now).catch(() => undefined);
    throw error;
  }
}

/** A message as the queue delivers it to the consumer (a Message<ImportChunkMessage>, or the tests'). */
export interface ImportChunkDelivery {
  body: ImportChunkMessage;
  /** 1 on the first delivery. */
  attempts: number;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

/**
 * How long a delivery that found its chunk taken waits to be delivered again: a lease's length,
 * so by then the holder has written the chunk (the run is past it: stale) or its lease has run
 * out (the holder died: this delivery takes the chunk over).
 */
export const BUSY_RETRY_SECONDS = CHUNK_LEASE_MS / 1000;

/**
 * The consumer's handling of one delivery: the chunk is written and the message acknowledged;
 * a chunk another consumer holds is delivered again after BUSY_RETRY_SECONDS ('busy'; once the
 * retries are spent it is let go, the holder's to finish or, if it died, the person's to continue
 * when the run shows as interrupted); a failure is delivered again while retries remain, and
 * after the last one the run is marked failed where it stopped (only if it is still there and
 * nobody holds the chunk), so the person can run it again from its page. 'given-up' then,
 * otherwise importChunk's answer or 'retried'.
 */
export async function consumeImportChunk(
  db: Database,
  bucket: R2Bucket,
  queue: ImportQueue,
  delivery: ImportChunkDelivery,
  origin: string,
  now = new Date(),
): Promise<Awaited<ReturnType<typeof importChunk>> | 'retried' | 'given-up'> {
  const retriesRemain = delivery.attempts <= IMPORT_QUEUE_MAX_RETRIES;
  try {
    const outcome = await importChunk(db, bucket, queue, delivery.body, origin, now);
    if (outcome === 'busy' && retriesRemain) delivery.retry({ delaySeconds: BUSY_RETRY_SECONDS });
    else delivery.ack();
    return outcome;
  } catch (error) {
    console.error(`import ${delivery.body.runId}: the chunk from row ${delivery.body.from} failed`, error);
    if (retriesRemain) {
      delivery.retry();
      return 'retried';
    }
    await db
      .update(importRuns)
      .set({ status: 'failed', updatedAt: now })
      .where(
        and(
          eq(importRuns.id, delivery.body.runId),
          eq(importRuns.status, 'running'),
          eq(importRuns.rowsDone, delivery.body.from),
          // Another delivery of the chunk at work: it is that one's to finish or fail.
          chunkIsFree(now),
        ),
      );
    delivery.ack();
    return 'given-up';
  }
}
