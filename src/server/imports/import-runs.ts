/**
 * An import's life, kept in import_runs: the upload is read and previewed
 * (a file that cannot be read is refused before anything is kept, so a
 * refused upload leaves nothing in R2), then kept in the MEDIA bucket under
 * `imports/` while the person decides; importing reads it again, checks it
 * again against the catalogue as it is by then, writes, and keeps the
 * refused rows (with their reasons) as CSV for download. Only members of the
 * run's cooperative see or run it; anyone else is told there is no such import.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { dictionary, type Locale } from '../../i18n';
import { fieldMessages } from '../../i18n/field-messages';
import { requireCooperativeMember } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { CSV_BYTE_ORDER_MARK, csvRecords } from '../csv';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { importRuns } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import {
  applyProductImport,
  type ImportMode,
  type ImportPlan,
  planProductImport,
  refuseIncompleteFile,
} from './product-import';
import { readSpreadsheet } from './spreadsheet-file';
import type { ImportStatus } from './vocabulary';

export interface ImportRun {
  id: string;
  cooperativeId: string;
  fileName: string;
  status: ImportStatus;
  mode: ImportMode | null;
  rowCount: number;
  rowsDone: number;
  counts: Record<string, number>;
  resultKey: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** Progress is written every this many rows: often enough for the page's bar, rarely enough to cost little. */
const PROGRESS_EVERY_ROWS = 50;

const fileKeyOf = (id: string) => `imports/${id}/upload`;
const resultKeyOf = (id: string) => `imports/${id}/refused.csv`;

/** A file name as shown back to its uploader: no path, no control characters, not endless. */
const shownFileName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 120) || 'upload';

/**
 * Reads and previews an uploaded register for the member's cooperative and
 * keeps it for the import; ValidationError (field `file`) when it cannot be
 * read, before anything is kept.
 */
export async function previewProductUpload(
  db: Database,
  bucket: R2Bucket,
  user: SessionUser | null | undefined,
  file: { name: string; bytes: Uint8Array },
): Promise<{ run: ImportRun; plan: ImportPlan }> {
  const member = requireCooperativeMember(user, user?.cooperativeId ?? '');
  const sheet = await readSpreadsheet(file.bytes);
  const plan = await planProductImport(db, member, member.cooperativeId, sheet.rows);
  const id = newId();
  await bucket.put(fileKeyOf(id), file.bytes);
  const [run] = await db
    .insert(importRuns)
    .values({
      id,
      kind: 'products',
      cooperativeId: member.cooperativeId,
      userId: member.id,
      fileKey: fileKeyOf(id),
      fileName: shownFileName(file.name),
      rowCount: plan.rows.length,
      counts: plan.counts,
    })
    .returning();
  return { run: run as ImportRun, plan };
}

/** The run, for a member of its cooperative; NotFoundError for anyone else. */
export async function loadImportRun(
  db: Database,
  user: SessionUser | null | undefined,
  id: string,
): Promise<ImportRun> {
  const member = requireCooperativeMember(user, user?.cooperativeId ?? '');
  const [run] = await db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.id, id), eq(importRuns.cooperativeId, member.cooperativeId)))
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

/** The kept file's preview again, against the catalogue as it is now (a previewed or failed run). */
export async function previewImportRun(
  db: Database,
  bucket: R2Bucket,
  user: SessionUser | null | undefined,
  run: ImportRun,
): Promise<ImportPlan> {
  const sheet = await readSpreadsheet(await keptFile(bucket, run));
  return planProductImport(db, user, run.cooperativeId, sheet.rows);
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
 * Imports a previewed (or failed) run: moves it to running (only one request
 * can), writes the rows, records progress and the result. A failure leaves
 * it `failed` with the rows written so far; running it again re-plans
 * against the catalogue, finds those rows unchanged and writes the rest.
 */
export async function runProductImport(
  db: Database,
  bucket: R2Bucket,
  user: SessionUser | null | undefined,
  id: string,
  mode: ImportMode,
  locale: Locale,
  now = new Date(),
): Promise<ImportRun> {
  const run = await loadImportRun(db, user, id);
  const bytes = await keptFile(bucket, run);
  const sheet = await readSpreadsheet(bytes);
  const plan = await planProductImport(db, user, run.cooperativeId, sheet.rows);
  // Checked before the run is claimed: an all-or-nothing import of a file with refused rows stays previewed.
  refuseIncompleteFile(plan, mode);
  const [claimed] = await db
    .update(importRuns)
    .set({ status: 'running', mode, rowsDone: 0, updatedAt: now })
    .where(and(eq(importRuns.id, id), inArray(importRuns.status, ['previewed', 'failed'])))
    .returning({ id: importRuns.id });
  if (!claimed) throw new ConflictError('the import already ran or is running');
  try {
    const result = await applyProductImport(db, user, run.cooperativeId, plan, mode, now, async (done) => {
      if (done % PROGRESS_EVERY_ROWS === 0)
        await db.update(importRuns).set({ rowsDone: done, updatedAt: new Date() }).where(eq(importRuns.id, id));
    });
    const [header = [], ...body] = sheet.rows;
    const resultKey = result.counts.refused > 0 ? resultKeyOf(id) : null;
    if (resultKey)
      await bucket.put(
        resultKey,
        new TextEncoder().encode(refusedRowsCsv(result, header, (row) => body[row - 2] ?? [], locale)),
        {
          httpMetadata: { contentType: 'text/csv; charset=utf-8' },
        },
      );
    const [done] = await db
      .update(importRuns)
      .set({ status: 'done', rowsDone: result.rows.length, counts: result.counts, resultKey, finishedAt: new Date() })
      .where(eq(importRuns.id, id))
      .returning();
    await bucket.delete(fileKeyOf(id));
    return done as ImportRun;
  } catch (error) {
    await db.update(importRuns).set({ status: 'failed', updatedAt: new Date() }).where(eq(importRuns.id, id));
    throw error;
  }
}

/** The refused rows' CSV of a run: kept after its import, computed from the kept file before. */
export async function refusedRowsFile(
  db: Database,
  bucket: R2Bucket,
  user: SessionUser | null | undefined,
  id: string,
  locale: Locale,
): Promise<Uint8Array> {
  const run = await loadImportRun(db, user, id);
  if (run.resultKey) {
    const object = await bucket.get(run.resultKey);
    if (object) return bytesOf(object);
  }
  if (run.status === 'done') return new TextEncoder().encode(CSV_BYTE_ORDER_MARK);
  const sheet = await readSpreadsheet(await keptFile(bucket, run));
  const plan = await planProductImport(db, user, run.cooperativeId, sheet.rows);
  const [header = [], ...body] = sheet.rows;
  return new TextEncoder().encode(refusedRowsCsv(plan, header, (row) => body[row - 2] ?? [], locale));
}
