/**
 * Lab reports of a batch: a cooperative attaches the results a laboratory
 * gave for one lot (what was tested, pass or fail, the report itself as
 * evidence), and they reach the batch's trace page only once a trade officer
 * verified them in the claims queue (src/server/claims). The report is a
 * claim like a certificate: the same evidence checks, the same states,
 * decisions, revisions and verified version; it does not expire, so it has no
 * reminders.
 */
import { and, asc, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { dropReplacedEvidence, requeueOnChange } from '../claims/claim-edit';
import { atRevision, claimChanged, nextRevision, splitVersion } from '../claims/claim-version';
import { claimantIssues } from '../claims/claimant';
import { evidencePath } from '../claims/evidence-access';
import { revokedShownUntil } from '../claims/public-claims';
import { checkClaimInput, type EvidenceUpload, withStoredEvidence } from '../claims/evidence-file';
import type { VerifiedLabReportVersion } from '../claims/verified-version';
import type { ClaimState, EvidenceType } from '../claims/vocabulary';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { batches, cooperatives, labReports, provinces } from '../db/schema';
import { NotFoundError } from '../errors';
import { vietnamToday } from '../products/validity';
import { isCalendarDate, vietnamDate } from '../time/vietnam';
import { parseInput } from '../validation';
import { LAB_RESULTS, LAB_TEST_KINDS, type LabResult, type LabTestKind } from './vocabulary';

const custom = (code: string) => ({ code: 'custom' as const, params: { code } });

/** A lab report as it is written; labReportSchema(now) adds "not in the future". */
export const labReportInputObject = z
  .strictObject({
    lab: z.string().trim().min(2).max(200).meta({ example: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 1' }),
    reportNumber: z.string().trim().min(1).max(100).meta({ example: 'KQ-2026/08123' }),
    reportedOn: z
      .string()
      .refine(isCalendarDate, { params: { code: 'calendar_date' }, abort: true })
      .meta({ format: 'date', description: 'The day the lab issued its results; not after today in Viet Nam.' }),
    tests: z
      .array(z.enum(LAB_TEST_KINDS))
      .max(LAB_TEST_KINDS.length)
      .transform((kinds) => [...new Set(kinds)])
      .refine((kinds) => kinds.length > 0, { params: { code: 'lab_tests_required' } })
      .meta({ description: 'What was tested, at least one.', example: ['pesticide_residues', 'microbiology'] }),
    result: z.enum(LAB_RESULTS).meta({ description: 'Every tested criterion within the limits (`pass`), or not.' }),
    summary: z
      .string()
      .trim()
      .min(2)
      .max(1000)
      .meta({ example: 'Không phát hiện dư lượng trong 52 hoạt chất; vi sinh đạt QCVN 8-3:2012/BYT.' }),
    evidencePublic: z.boolean().default(false).meta({
      description:
        'Whether anyone may download the report once an officer verified it; otherwise only the cooperative and the officers.',
    }),
  })
  .meta({ id: 'LabReportInput' });

export function labReportSchema(now: Date) {
  const today = vietnamToday(now);
  return labReportInputObject.superRefine((report, ctx) => {
    if (typeof report.reportedOn === 'string' && report.reportedOn > today)
      ctx.addIssue({ ...custom('date_in_future'), path: ['reportedOn'] });
  });
}

export type LabReportInput = z.output<typeof labReportInputObject>;

/** Whose batch a report is attached to: the product the member reached it through, and its cooperative. */
export interface BatchOwner {
  cooperativeId: string;
  productId: string;
}

/**
 * Attaches a lab report to batch `batchId` of the owner's product: a
 * NotFoundError when the product has no such batch (another cooperative's
 * batch is never found through one's own product), a ValidationError naming
 * every field at fault, the evidence file included, which is required: an
 * officer verifies the report against it. Nothing is stored in the bucket for
 * a refused report. The report waits in the officers' queue (`pending`).
 */
export async function recordLabReport(
  db: Database,
  owner: BatchOwner,
  batchId: string,
  input: unknown,
  now: Date,
  upload: EvidenceUpload | null,
): Promise<{ id: string; verification: ClaimState }> {
  const [batch] = await db
    .select({ id: batches.id })
    .from(batches)
    .where(and(eq(batches.id, batchId), eq(batches.productId, owner.productId)))
    .limit(1);
  if (!batch) throw new NotFoundError('batch', 'lot');
  const checked = await checkClaimInput(() => parseInput(labReportSchema(now), input), upload, {
    ...(await claimantIssues(db, owner.cooperativeId)),
    ...(upload?.file && upload.file.size > 0 ? {} : { evidence: { code: 'evidence_required' } }),
  });
  const id = newId();
  await withStoredEvidence(upload, owner.cooperativeId, checked.evidence, (stored) =>
    db.insert(labReports).values({
      id,
      batchId,
      cooperativeId: owner.cooperativeId,
      ...checked.input,
      ...stored,
      verification: 'pending',
      submittedAt: now,
    }),
  );
  return { id, verification: 'pending' };
}

/** What an officer checked of a lab report: changing any of it (or its file) needs a new check. */
const VERIFIED_FIELDS = [
  'lab',
  'reportNumber',
  'reportedOn',
  'tests',
  'result',
  'summary',
] as const satisfies readonly (keyof LabReportInput)[];

/**
 * Changes a lab report of batch `batchId` under the rules of a new one; its
 * evidence file stays unless a new one is posted. A change of what the
 * officers verified (or a new file) sends it back to their queue whatever
 * its state, and the trace page keeps showing the version they verified until
 * they decide the change (verified-version.ts); only saying whether the public
 * may download the report leaves its state as it is. The change is made only
 * at the revision the member saw (`input.version`, else the one read here;
 * claim-version.ts): a report an officer decided meanwhile is not sent back
 * unseen (409). Nothing is stored in the bucket for a refused change.
 */
export async function updateLabReport(
  db: Database,
  owner: BatchOwner,
  batchId: string,
  reportId: string,
  input: unknown,
  now: Date,
  upload: EvidenceUpload | null,
): Promise<{ id: string; verification: ClaimState }> {
  const { seen, fields } = splitVersion(input);
  const checked = await checkClaimInput(
    () => parseInput(labReportSchema(now), fields),
    upload,
    await claimantIssues(db, owner.cooperativeId),
  );
  const mine = and(
    eq(labReports.id, reportId),
    eq(labReports.batchId, batchId),
    eq(labReports.cooperativeId, owner.cooperativeId),
  );
  const [current] = await db
    .select({ report: labReports })
    .from(labReports)
    .innerJoin(batches, eq(batches.id, labReports.batchId))
    .where(and(mine, eq(batches.productId, owner.productId)))
    .limit(1)
    .then((rows) => rows.map((row) => row.report));
  if (!current) throw new NotFoundError('lab_report');
  const revision = seen ?? current.revision;
  if (revision !== current.revision) throw claimChanged();
  const { requeued } = requeueOnChange(current, checked.input, VERIFIED_FIELDS, checked.evidence, now);
  const updated = await withStoredEvidence(upload, owner.cooperativeId, checked.evidence, async (stored) => {
    const rows = await db
      .update(labReports)
      .set({ ...checked.input, ...stored, ...requeued, revision: nextRevision(labReports) })
      .where(and(mine, atRevision(labReports, revision)))
      .returning({ verification: labReports.verification });
    // Decided or deleted meanwhile: the new file goes again with this error.
    if (rows.length === 0) throw claimChanged();
    return rows[0];
  });
  await dropReplacedEvidence(upload, current, checked.evidence);
  return { id: reportId, verification: updated?.verification ?? current.verification };
}

/** A batch's lab report as its cooperative sees it, whatever its state. */
export interface StoredLabReport {
  id: string;
  lab: string;
  reportNumber: string;
  reportedOn: string;
  tests: LabTestKind[];
  result: LabResult;
  summary: string;
  evidencePublic: boolean;
  evidenceType: EvidenceType | null;
  verification: ClaimState;
  /** Why it was rejected, sent back or revoked. */
  decisionReason: string | null;
  decidedAt: Date | null;
  /** When an officer last verified it; null if never. */
  verifiedAt: Date | null;
  /**
   * Whether the trace page shows a version an officer verified (that of
   * `verifiedAt`) while this one waits or was turned down.
   */
  publicVersionStands: boolean;
  /** Its revision, which an edit sends back as `version` (src/server/claims/claim-version.ts). */
  revision: number;
}

export async function listBatchLabReports(db: Database, batchId: string): Promise<StoredLabReport[]> {
  const rows = await selectStoredLabReports(db, eq(labReports.batchId, batchId));
  return rows.map(({ batchId: _batch, ...report }) => report);
}

/**
 * The lab reports of several batches in one statement (lab_reports_batch_idx), each with its
 * `batchId`; at most D1's bound parameters' worth of batches per call (the caller keeps it small).
 */
export async function listLabReportsOfBatches(
  db: Database,
  batchIds: readonly string[],
): Promise<(StoredLabReport & { batchId: string })[]> {
  if (batchIds.length === 0) return [];
  return selectStoredLabReports(db, inArray(labReports.batchId, [...batchIds]));
}

function selectStoredLabReports(db: Database, where: SQL) {
  return db
    .select({
      batchId: labReports.batchId,
      id: labReports.id,
      lab: labReports.lab,
      reportNumber: labReports.reportNumber,
      reportedOn: labReports.reportedOn,
      tests: labReports.tests,
      result: labReports.result,
      summary: labReports.summary,
      evidencePublic: labReports.evidencePublic,
      evidenceType: labReports.evidenceType,
      verification: labReports.verification,
      decisionReason: labReports.decisionReason,
      decidedAt: labReports.decidedAt,
      verifiedAt: labReports.verifiedAt,
      publicVersionStands:
        sql<number>`${labReports.lastVerified} IS NOT NULL AND ${labReports.revokedAt} IS NULL AND ${labReports.verification} <> 'revoked'`.mapWith(
          Boolean,
        ),
      revision: labReports.revision,
    })
    .from(labReports)
    .where(where)
    .orderBy(desc(labReports.reportedOn), asc(labReports.id));
}

/** A verified lab report as the trace page and the trace API show it: the version the officer verified. */
export interface LabReportView {
  lab: string;
  reportNumber: string;
  reportedOn: string;
  tests: LabTestKind[];
  result: LabResult;
  summary: string;
  /** The trade department of the cooperative's province, and the day of its decision. */
  verified: { at: Date; provinceVi: string; provinceEn: string } | null;
  /** Where the public downloads the report; null when the cooperative keeps it private. */
  evidenceHref: string | null;
}

/**
 * A verified lab report revoked since: what the trace page says of it (the
 * shape of a revoked certificate, so both read alike), for a year after the
 * revocation (public-claims.ts#revokedShownUntil: a report has no end date).
 */
export interface RevokedLabReportView {
  id: string;
  kind: 'lab_report';
  /** The report's number and its laboratory, as verified. */
  number: string;
  issuer: string;
  /** The day of the revocation in Viet Nam, and the officer's reason. */
  revokedOn: string;
  reason: string;
}

/** What the public sees of a batch's lab reports: those standing, and those recently revoked. */
export interface PublicLabReports {
  labReports: LabReportView[];
  revokedLabReports: RevokedLabReportView[];
}

/**
 * The batch's lab reports an officer verified, as verified, newest first
 * (lab_reports_batch_idx); and those whose verified version was revoked (also
 * when an edit of it waits: `revoked_at`), newest revocation first, until
 * a year after it (`today`, in Viet Nam). Pending, sent-back and rejected
 * reports never verified, and edits waiting for a decision, never show here.
 */
export async function publicLabReportsOfBatch(db: Database, batchId: string, today: string): Promise<PublicLabReports> {
  const rows = await db
    .select({
      id: labReports.id,
      version: labReports.lastVerified,
      verification: labReports.verification,
      decidedAt: labReports.decidedAt,
      decisionReason: labReports.decisionReason,
      revokedAt: labReports.revokedAt,
      revokedReason: labReports.revokedReason,
      evidencePublic: labReports.evidencePublic,
      provinceVi: provinces.nameVi,
      provinceEn: provinces.nameEn,
    })
    .from(labReports)
    .innerJoin(cooperatives, eq(cooperatives.id, labReports.cooperativeId))
    .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
    .where(and(eq(labReports.batchId, batchId), isNotNull(labReports.lastVerified)));
  const standing: LabReportView[] = [];
  const revoked: RevokedLabReportView[] = [];
  for (const row of rows) {
    if (!row.version) continue;
    if (row.revokedAt === null && row.verification !== 'revoked') {
      standing.push(toView(row, row.version));
      continue;
    }
    const revokedAt = row.revokedAt ?? row.decidedAt;
    if (!revokedAt) continue;
    const revokedOn = vietnamDate(revokedAt);
    if (today > revokedShownUntil(null, revokedOn)) continue;
    revoked.push({
      id: row.id,
      kind: 'lab_report',
      number: row.version.reportNumber,
      issuer: row.version.lab,
      revokedOn,
      reason: row.revokedReason ?? row.decisionReason ?? '',
    });
  }
  standing.sort((a, b) => b.reportedOn.localeCompare(a.reportedOn));
  revoked.sort((a, b) => b.revokedOn.localeCompare(a.revokedOn));
  return { labReports: standing, revokedLabReports: revoked };
}

/** The batch's verified lab reports that stand (publicLabReportsOfBatch), without the revoked ones. */
export async function verifiedLabReportsOfBatch(db: Database, batchId: string): Promise<LabReportView[]> {
  return (await publicLabReportsOfBatch(db, batchId, vietnamToday(new Date()))).labReports;
}

function toView(
  row: { id: string; evidencePublic: boolean; provinceVi: string; provinceEn: string },
  version: VerifiedLabReportVersion,
): LabReportView {
  const { lab, reportNumber, reportedOn, tests, result, summary } = version;
  return {
    lab,
    reportNumber,
    reportedOn,
    tests,
    result,
    summary,
    verified:
      version.verifiedAt === null
        ? null
        : { at: new Date(version.verifiedAt), provinceVi: row.provinceVi, provinceEn: row.provinceEn },
    evidenceHref: version.evidenceKey && row.evidencePublic ? evidencePath('lab_report', row.id) : null,
  };
}
