/**
 * An import's life, kept in import_runs, whatever is imported (an
 * `Importer`: a cooperative's products by its members, cooperatives by the
 * trade department): the upload is read and previewed (a file that cannot be
 * read is refused before anything is kept, so a refused upload leaves nothing
 * in R2), then kept in the MEDIA bucket under `imports/` while the person
 * decides; importing reads it again, checks it again against the catalogue as
 * it is by then, writes it in chunks with the run's progress, and keeps the
 * refused rows (with their reasons) as CSV for download. A run is seen and
 * run only by whom its importer lets import (the members of the run's
 * cooperative, or an officer for it; officers for cooperatives); anyone else
 * is told there is no such import.
 *
 * An import that stops part way is finished from where it stopped: a
 * failure marks it `failed`, and a run whose worker was killed (a request
 * cut off, a queue consumer that died) stays `running` with no progress,
 * which after STALE_RUN_MS is shown as interrupted. Either is continued from
 * its page: the run is claimed again (by one request only) and carries on
 * from its stored progress with its stored counts, mode and invitations. No
 * row is written twice: the file is planned again against the catalogue as
 * it is, so a row written before the stop (even in the chunk it stopped in)
 * is found by its key (registration code; GTIN, own code or name) and is
 * unchanged. That holds because a chunk has one writer at a time: a queue
 * consumer writes only the chunk it took (./chunk-lease.ts), and a run is
 * not continued while a consumer's lease on its chunk is live, so the
 * continuation's writer cannot start before the old one has stopped for good
 * (it finished, gave the chunk back, or died and its lease ran out).
 */
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { dictionary, type Locale } from '../../i18n';
import { fieldMessages } from '../../i18n/field-messages';
import type { SessionUser } from '../accounts/users';
import { CSV_BYTE_ORDER_MARK, csvRecords } from '../csv';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { importRuns } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import { chunkIsFree } from './chunk-lease';
import {
  countActions,
  type ImportMode,
  type ImportPlan,
  type PlannedRow,
  refuseIncompleteFile,
  ROW_ACTIONS,
} from './plan';
import { readSpreadsheet } from './spreadsheet-file';
import type { ImportKind, ImportStatus } from './vocabulary';

/** What a run's writes need besides its rows: whether to invite (cooperatives), the mail's language and links. */
export interface ImportContext {
  invite: boolean;
  locale: Locale;
  /** An invitation token's sign-up link. */
  linkFor: (token: string) => string;
  /**
   * Called before each write of a queued chunk: renews the consumer's lease on it, or throws when
   * the chunk is no longer its own (./chunk-lease.ts). Absent for imports written in the request.
   */
  beforeWrite?: () => Promise<void>;
}

/** One kind of import: who may run it, how a file is planned, how a chunk of planned rows is written. */
export interface Importer<Input = unknown> {
  kind: ImportKind;
  /** The cooperative the person imports for (their own), or null for imports of the whole directory; refuses anyone else. */
  scopeOf(user: SessionUser | null | undefined): { user: SessionUser; cooperativeId: string | null };
  plan(
    db: Database,
    user: SessionUser,
    cooperativeId: string | null,
    sheet: readonly (readonly string[])[],
    now: Date,
  ): Promise<ImportPlan<Input>>;
  /**
   * Writes a chunk of planned rows and `progress` (the run's), in one
   * db.batch where the importer's writes allow; the rows as written (a row
   * refused as it is written becomes `refused`).
   */
  write(
    db: Database,
    user: SessionUser,
    cooperativeId: string | null,
    rows: readonly PlannedRow<Input>[],
    context: ImportContext,
    now: Date,
    progress: readonly BatchItem<'sqlite'>[],
  ): Promise<PlannedRow<Input>[]>;
}

export interface ImportRun {
  id: string;
  kind: ImportKind;
  cooperativeId: string | null;
  fileName: string;
  status: ImportStatus;
  mode: ImportMode | null;
  invite: boolean;
  rowCount: number;
  rowsDone: number;
  counts: Record<string, number>;
  resultKey: string | null;
  createdAt: Date;
  /** The run's last progress (or claim): what tells an interrupted run from one at work. */
  updatedAt: Date;
  finishedAt: Date | null;
}

/**
 * A running import with no progress for this long has stopped: longer than a queue consumer may
 * run (15 minutes of wall time) and than any request, while a chunk takes seconds.
 */
export const STALE_RUN_MS = 15 * 60_000;

/** Whether a run said to be running has made no progress for STALE_RUN_MS: its worker is gone. */
export function isInterrupted(run: Pick<ImportRun, 'status' | 'updatedAt'>, now = new Date()): boolean {
  return run.status === 'running' && run.updatedAt.getTime() < now.getTime() - STALE_RUN_MS;
}

/** Whether the run is to be continued from where it stopped rather than started. */
export const isResumable = (run: ImportRun, now = new Date()) => run.status === 'failed' || isInterrupted(run, now);

/** Counts of rows by action, added. */
export const addCounts = (a: Record<string, number>, b: Record<string, number>) =>
  Object.fromEntries(ROW_ACTIONS.map((action) => [action, (a[action] ?? 0) + (b[action] ?? 0)]));

/**
 * Moves the run to running for this request alone: a previewed run from its first row, with the
 * mode and invitations asked for; a failed or interrupted one from its stored progress, with its
 * stored counts, mode and invitations. The condition makes it one request's: ConflictError for
 * the others, and for a run that is done or at work (its chunk's lease live, ./chunk-lease.ts).
 */
export async function claimImportRun(
  db: Database,
  run: ImportRun,
  mode: ImportMode,
  invite: boolean,
  now: Date,
): Promise<ImportRun> {
  const fresh = run.status === 'previewed';
  const [claimed] = await db
    .update(importRuns)
    .set(
      fresh
        ? { status: 'running', mode, invite, rowsDone: 0, counts: countActions([]), updatedAt: now }
        : { status: 'running', updatedAt: now },
    )
    .where(
      and(
        eq(importRuns.id, run.id),
        fresh
          ? eq(importRuns.status, 'previewed')
          : and(
              or(
                eq(importRuns.status, 'failed'),
                and(eq(importRuns.status, 'running'), lt(importRuns.updatedAt, new Date(now.getTime() - STALE_RUN_MS))),
              ),
              // Another request that continued it first moved it on.
              eq(importRuns.rowsDone, run.rowsDone),
              // A consumer still writing the chunk it stopped at: continuing would start a second writer on it.
              chunkIsFree(now),
            ),
      ),
    )
    .returning();
  if (!claimed) throw new ConflictError('the import already ran or is running');
  return claimed as ImportRun;
}

/** Rows written per chunk, with the run's progress: often enough for the page's bar, few statements per batch. */
export const CHUNK_ROWS = 50;

const fileKeyOf = (id: string) => `imports/${id}/upload`;
const resultKeyOf = (id: string) => `imports/${id}/refused.csv`;

/** A file name as shown back to its uploader: no path, no control characters, not endless. */
const shownFileName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 120) || 'upload';

/**
 * Reads and previews an uploaded register for whom the importer lets import,
 * and keeps it for the import; ValidationError (field `file`) when it cannot
 * be read, before anything is kept.
 */
export async function previewUpload<Input>(
  db: Database,
  bucket: R2Bucket,
  importer: Importer<Input>,
  user: SessionUser | null | undefined,
  file: { name: string; bytes: Uint8Array },
  now = new Date(),
): Promise<{ run: ImportRun; plan: ImportPlan<Input> }> {
  const scope = importer.scopeOf(user);
  const sheet = await readSpreadsheet(file.bytes);
  const plan = await importer.plan(db, scope.user, scope.cooperativeId, sheet.rows, now);
  const id = newId();
  await bucket.put(fileKeyOf(id), file.bytes);
  const [run] = await db
    .insert(importRuns)
    .values({
      id,
      kind: importer.kind,
      cooperativeId: scope.cooperativeId,
      userId: scope.user.id,
      fileKey: fileKeyOf(id),
      fileName: shownFileName(file.name),
      rowCount: plan.rows.length,
      counts: plan.counts,
    })
    .returning();
  return { run: run as ImportRun, plan };
}

/** The run, for whom its importer lets import; NotFoundError for anyone else. */
export async function loadImportRun(
  db: Database,
  importer: Importer,
  user: SessionUser | null | undefined,
  id: string,
): Promise<ImportRun> {
  const { cooperativeId } = importer.scopeOf(user);
  const [run] = await db
    .select()
    .from(importRuns)
    .where(
      and(
        eq(importRuns.id, id),
        eq(importRuns.kind, importer.kind),
        cooperativeId === null ? isNull(importRuns.cooperativeId) : eq(importRuns.cooperativeId, cooperativeId),
      ),
    )
    .limit(1);
  if (!run) throw new NotFoundError('import');
  return run as ImportRun;
}

/** An R2 object's bytes (read from its stream: what every bucket, the tests' own included, gives). */
async function bytesOf(object: R2ObjectBody): Promise<Uint8Array> {
  const reader = (object.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

async function keptFile(bucket: R2Bucket, run: ImportRun): Promise<Uint8Array> {
  const object = await bucket.get(fileKeyOf(run.id));
  if (!object) throw new ConflictError('the uploaded file is no longer kept');
  return bytesOf(object);
}

/** The kept file's rows. */
export async function keptSheet(bucket: R2Bucket, run: ImportRun) {
  return readSpreadsheet(await keptFile(bucket, run));
}

/** Marks the run done with its counts, keeps the refused rows' CSV (if any) and deletes the upload. */
export async function finishImportRun(
  db: Database,
  bucket: R2Bucket,
  run: ImportRun,
  sheet: { rows: string[][] },
  result: ImportPlan,
  counts: Record<string, number>,
  locale: Locale,
): Promise<ImportRun> {
  const [header = [], ...body] = sheet.rows;
  const resultKey = result.counts.refused > 0 ? resultKeyOf(run.id) : null;
  if (resultKey)
    await bucket.put(
      resultKey,
      new TextEncoder().encode(refusedRowsCsv(result, header, (row) => body[row - 2] ?? [], locale)),
      { httpMetadata: { contentType: 'text/csv; charset=utf-8' } },
    );
  const [done] = await db
    .update(importRuns)
    .set({ status: 'done', rowsDone: result.rows.length, counts, resultKey, finishedAt: new Date() })
    .where(eq(importRuns.id, run.id))
    .returning();
  await bucket.delete(fileKeyOf(run.id));
  return done as ImportRun;
}

/** The kept file's preview again, against the catalogue as it is now (a run not imported yet). */
export async function previewImportRun<Input>(
  db: Database,
  bucket: R2Bucket,
  importer: Importer<Input>,
  user: SessionUser | null | undefined,
  run: ImportRun,
  now = new Date(),
): Promise<ImportPlan<Input>> {
  const { user: person } = importer.scopeOf(user);
  const sheet = await readSpreadsheet(await keptFile(bucket, run));
  return importer.plan(db, person, run.cooperativeId, sheet.rows, now);
}

/** The refused rows as CSV: the file's own columns, the row number first and the reasons last. */
export function refusedRowsCsv(
  plan: ImportPlan,
  header: readonly string[],
  cellsOf: (row: number) => readonly string[],
  locale: Locale,
): string {
  const t = dictionary(locale).imports;
  const refused = plan.rows.filter((row) => row.action === 'refused');
  const records = [
    [t.rowColumn, ...header, t.reasonColumn],
    ...refused.map((row) => [
      row.row,
      ...cellsOf(row.row),
      row.issues
        .map((issue) => `${issue.column ? `${issue.column}: ` : ''}${fieldMessages({ x: issue }, locale).x}`)
        .join('; '),
    ]),
  ];
  return CSV_BYTE_ORDER_MARK + csvRecords(records);
}

/**
 * Imports a previewed run, or continues a failed or interrupted one
 * (claimImportRun): writes the rows chunk by chunk, each with the run's
 * progress and counts so far, and records the result. A failure leaves it
 * `failed` with the chunks written so far, to be continued. It takes no
 * chunk leases: claimImportRun makes the request the run's only writer, and
 * no queue message names such a run (the page queues a run exactly when it
 * has more than QUEUED_FROM_ROWS rows and the queue is bound, on every claim).
 */
export async function runImport<Input>(
  db: Database,
  bucket: R2Bucket,
  importer: Importer<Input>,
  user: SessionUser | null | undefined,
  id: string,
  mode: ImportMode,
  context: ImportContext,
  now = new Date(),
): Promise<ImportRun> {
  const { user: person, cooperativeId } = importer.scopeOf(user);
  const run = await loadImportRun(db, importer, person, id);
  const sheet = await keptSheet(bucket, run);
  const plan = await importer.plan(db, person, cooperativeId, sheet.rows, now);
  // Checked before the run is claimed: an all-or-nothing import of a file with refused rows stays previewed.
  // Not when continuing: the file passed when it started and is partly written; a row the catalogue now
  // refuses is refused alone, rather than leave the rest unwritten for good.
  if (run.status === 'previewed') refuseIncompleteFile(plan, mode);
  const claimed = await claimImportRun(db, run, mode, context.invite, now);
  const writing = { ...context, invite: claimed.invite };
  try {
    // Rows before the stored progress were written before the stop: planned again, they read as they are now.
    const rows: PlannedRow<Input>[] = plan.rows.slice(0, claimed.rowsDone);
    const written: PlannedRow<Input>[] = [];
    let counts = claimed.counts;
    for (let at = claimed.rowsDone; at < plan.rows.length; at += CHUNK_ROWS) {
      const chunk = plan.rows.slice(at, at + CHUNK_ROWS);
      counts = addCounts(counts, countActions(chunk));
      const progress = db
        .update(importRuns)
        .set({ rowsDone: at + chunk.length, counts, updatedAt: new Date() })
        .where(eq(importRuns.id, id));
      written.push(...(await importer.write(db, person, cooperativeId, chunk, writing, now, [progress])));
    }
    rows.push(...written);
    const result = { rows, counts: countActions(rows) };
    // What this request wrote, as written (a row refused as it was written counts as refused), after what was before.
    const total = addCounts(claimed.counts, countActions(written));
    return await finishImportRun(db, bucket, claimed, sheet, result, total, context.locale);
  } catch (error) {
    await db.update(importRuns).set({ status: 'failed', updatedAt: new Date() }).where(eq(importRuns.id, id));
    throw error;
  }
}

/** How long a checked file waits for its import: a week to decide, then it goes with its run. */
export const ABANDONED_PREVIEW_MS = 7 * 24 * 60 * 60_000;
/** Runs deleted per daily job: one statement's bound parameters (D1 binds at most 100). */
const ABANDONED_PER_RUN = 90;

/**
 * Deletes runs previewed and never imported for ABANDONED_PREVIEW_MS, and their kept files (the
 * daily job, src/server/scheduled.ts): an uploaded register left undecided holds people's names,
 * emails and phones for nothing. The files first, so a failure in between leaves a run whose
 * page says its file is gone rather than a file nothing names. How many were deleted.
 */
export async function deleteAbandonedImports(db: Database, bucket: R2Bucket, now: Date): Promise<number> {
  const abandoned = await db
    .select({ id: importRuns.id, fileKey: importRuns.fileKey })
    .from(importRuns)
    .where(
      and(eq(importRuns.status, 'previewed'), lt(importRuns.updatedAt, new Date(now.getTime() - ABANDONED_PREVIEW_MS))),
    )
    .limit(ABANDONED_PER_RUN);
  if (abandoned.length === 0) return 0;
  await bucket.delete(abandoned.map((run) => run.fileKey));
  await db.delete(importRuns).where(
    and(
      inArray(
        importRuns.id,
        abandoned.map((run) => run.id),
      ),
      // Imported meanwhile (its file read just before): not abandoned after all, and not deleted.
      eq(importRuns.status, 'previewed'),
    ),
  );
  return abandoned.length;
}

/** The refused rows' CSV of a run: kept after its import, computed from the kept file before. */
export async function refusedRowsFile(
  db: Database,
  bucket: R2Bucket,
  importer: Importer,
  user: SessionUser | null | undefined,
  id: string,
  locale: Locale,
): Promise<Uint8Array> {
  const run = await loadImportRun(db, importer, user, id);
  if (run.resultKey) {
    const object = await bucket.get(run.resultKey);
    if (object) return bytesOf(object);
  }
  if (run.status === 'done') return new TextEncoder().encode(CSV_BYTE_ORDER_MARK);
  const sheet = await readSpreadsheet(await keptFile(bucket, run));
  const plan = await importer.plan(db, importer.scopeOf(user).user, run.cooperativeId, sheet.rows, new Date());
  const [header = [], ...body] = sheet.rows;
  return new TextEncoder().encode(refusedRowsCsv(plan, header, (row) => body[row - 2] ?? [], locale));
}
