/**
 * Lab reports of a batch: a cooperative attaches the results a laboratory
 * gave for one lot (what was tested, pass or fail, the report itself as
 * evidence), and they reach the batch's trace page only once a trade officer
 * verified them in the claims queue (src/server/claims). The report is a
 * claim like a certificate: the same evidence checks, the same states,
 * decisions, revisions and verified version; it does not expire, so it has no
 * reminders.
 */
import { and, asc, desc, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { claimantIssues } from '../claims/claimant';
import { evidencePath } from '../claims/evidence-access';
import { checkClaimInput, type EvidenceUpload, withStoredEvidence } from '../claims/evidence-file';
import type { VerifiedLabReportVersion } from '../claims/verified-version';
import type { ClaimState, EvidenceType } from '../claims/vocabulary';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { batches, cooperatives, labReports, provinces } from '../db/schema';
import { NotFoundError } from '../errors';
import { vietnamToday } from '../products/validity';
import { isCalendarDate } from '../time/vietnam';
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
  revision: number;
}

export async function listBatchLabReports(db: Database, batchId: string): Promise<StoredLabReport[]> {
  return db
    .select({
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
      revision: labReports.revision,
    })
    .from(labReports)
    .where(eq(labReports.batchId, batchId))
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
 * The batch's lab reports an officer verified (a revoked one is no longer
 * shown, also when an edit of it waits: `revoked_at`), newest first (lab_reports_batch_idx). Pending, sent-back and
 * rejected reports, and edits waiting for a decision, never show here.
 */
export async function verifiedLabReportsOfBatch(db: Database, batchId: string): Promise<LabReportView[]> {
  const rows = await db
    .select({
      id: labReports.id,
      version: labReports.lastVerified,
      evidencePublic: labReports.evidencePublic,
      provinceVi: provinces.nameVi,
      provinceEn: provinces.nameEn,
    })
    .from(labReports)
    .innerJoin(cooperatives, eq(cooperatives.id, labReports.cooperativeId))
    .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
    .where(and(eq(labReports.batchId, batchId), ne(labReports.verification, 'revoked'), isNull(labReports.revokedAt)));
  return rows
    .flatMap((row) => (row.version ? [toView(row, row.version)] : []))
    .sort((a, b) => b.reportedOn.localeCompare(a.reportedOn));
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
