/**
 * Recording and editing a batch with its timeline, and a product's
 * certificates. Each write is checked whole first (batch-input.ts), then goes
 * to the database in one `db.batch`, so a refused or failed write leaves
 * nothing behind — an edit replaces the whole timeline or nothing of it.
 */
import { and, asc, desc, eq, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import { claimantIssues } from '../claims/claimant';
import { atRevision, claimChanged, nextRevision, splitVersion } from '../claims/claim-version';
import { vietnamToday } from '../products/validity';
import { dropReplacedEvidence, requeueOnChange } from '../claims/claim-edit';
import { checkClaimInput, type EvidenceUpload, withStoredEvidence } from '../claims/evidence-file';
import type { ClaimState, EvidenceType } from '../claims/vocabulary';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { isUniqueViolation } from '../db/unique-violation';
import { batches, certifications, provenanceSteps, provinces } from '../db/schema';
import { type FieldIssues, NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import {
  type BatchInput,
  batchInputSchema,
  type CertificateInput,
  certificateInputSchema,
  type ProvenanceStepInput,
} from './batch-input';

export interface RecordedBatch {
  id: string;
  lotCode: string;
}

/** UNIQUE(product_id, lot_code) lost a race with another write of the same lot. */
const isLotClash = (error: unknown) => isUniqueViolation(error, [batches.productId, batches.lotCode]);

/**
 * The rules a parsed batch needs the database for: every province exists, and
 * no other batch of the product has the lot code (`exceptBatchId`: the batch
 * being edited keeps its own).
 */
async function checkAgainstStore(
  db: Database,
  productId: string,
  batch: BatchInput,
  exceptBatchId: string | null,
): Promise<void> {
  const problems: FieldIssues = {};
  const codes = [...new Set(batch.steps.flatMap((step) => (step.provinceCode ? [step.provinceCode] : [])))];
  const sameLot = and(eq(batches.productId, productId), eq(batches.lotCode, batch.lotCode));
  const [known, taken] = await Promise.all([
    codes.length > 0 ? db.select({ code: provinces.code }).from(provinces).where(inArray(provinces.code, codes)) : [],
    db
      .select({ id: batches.id })
      .from(batches)
      .where(exceptBatchId ? and(sameLot, ne(batches.id, exceptBatchId)) : sameLot)
      .limit(1),
  ]);
  const knownCodes = new Set(known.map((row) => row.code));
  batch.steps.forEach((step, i) => {
    if (step.provinceCode && !knownCodes.has(step.provinceCode))
      problems[`steps.${i}.provinceCode`] = { code: 'unknown_value' };
  });
  if (taken.length > 0) problems.lotCode = { code: 'lot_taken' };
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
}

function stepRows(batchId: string, steps: readonly ProvenanceStepInput[]) {
  return steps.map((step, position) => ({ id: newId(), batchId, position, ...step }));
}

async function writeOrExplainClash(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isLotClash(error)) throw new ValidationError({ lotCode: { code: 'lot_taken' } });
    throw error;
  }
}

export async function recordBatch(db: Database, productId: string, input: unknown, now: Date): Promise<RecordedBatch> {
  const batch = parseInput(batchInputSchema(now), input);
  await checkAgainstStore(db, productId, batch, null);

  const id = newId();
  const { steps, ...fields } = batch;
  const insertBatch = db.insert(batches).values({ id, productId, ...fields });
  await writeOrExplainClash(() =>
    steps.length === 0 ? insertBatch : db.batch([insertBatch, db.insert(provenanceSteps).values(stepRows(id, steps))]),
  );
  return { id, lotCode: batch.lotCode };
}

/**
 * Replaces a batch's fields and its whole timeline (steps in the order
 * given: that is how steps are reordered or removed). The input obeys the
 * same rules as a new batch; the old steps are deleted and the new ones
 * inserted in the same `db.batch` as the update.
 */
export async function updateBatch(
  db: Database,
  productId: string,
  batchId: string,
  input: unknown,
  now: Date,
): Promise<RecordedBatch> {
  const batch = parseInput(batchInputSchema(now), input);
  const [existing] = await db
    .select({ id: batches.id })
    .from(batches)
    .where(and(eq(batches.id, batchId), eq(batches.productId, productId)))
    .limit(1);
  if (!existing) throw new NotFoundError('batch', 'lot');
  await checkAgainstStore(db, productId, batch, batchId);

  const { steps, ...fields } = batch;
  const update = db.update(batches).set(fields).where(eq(batches.id, batchId));
  const clear = db.delete(provenanceSteps).where(eq(provenanceSteps.batchId, batchId));
  await writeOrExplainClash(() =>
    steps.length === 0
      ? db.batch([update, clear])
      : db.batch([update, clear, db.insert(provenanceSteps).values(stepRows(batchId, steps))]),
  );
  return { id: batchId, lotCode: batch.lotCode };
}

export interface BatchSummary {
  id: string;
  lotCode: string;
  productionDate: string;
  bestBefore: string | null;
  quantity: number;
  quantityUnit: string;
  stepCount: number;
}

/** A batch's own fields, as the dashboard lists and edits them and its public trace shows them. */
export const batchColumns = {
  id: batches.id,
  lotCode: batches.lotCode,
  productionDate: batches.productionDate,
  bestBefore: batches.bestBefore,
  quantity: batches.quantity,
  quantityUnit: batches.quantityUnit,
};

/** A product's batches, newest production first. */
export async function listProductBatches(db: Database, productId: string): Promise<BatchSummary[]> {
  const rows = await db
    .select(batchColumns)
    .from(batches)
    .where(eq(batches.productId, productId))
    .orderBy(desc(batches.productionDate), asc(batches.lotCode));
  if (rows.length === 0) return [];
  const steps = await db
    .select({ batchId: provenanceSteps.batchId })
    .from(provenanceSteps)
    .where(
      inArray(
        provenanceSteps.batchId,
        rows.map((row) => row.id),
      ),
    );
  const counts = new Map<string, number>();
  for (const step of steps) counts.set(step.batchId, (counts.get(step.batchId) ?? 0) + 1);
  return rows.map((row) => ({ ...row, stepCount: counts.get(row.id) ?? 0 }));
}

/** A stored batch in the shape of its input (what an edit form starts from). */
export interface StoredBatch {
  id: string;
  lotCode: string;
  productionDate: string;
  bestBefore: string | null;
  quantity: number;
  quantityUnit: string;
  steps: ProvenanceStepInput[];
}

export async function findProductBatch(
  db: Database,
  productId: string,
  which: { id: string } | { lotCode: string },
): Promise<StoredBatch | null> {
  const [batch] = await db
    .select(batchColumns)
    .from(batches)
    .where(
      and(
        eq(batches.productId, productId),
        'id' in which ? eq(batches.id, which.id) : eq(batches.lotCode, which.lotCode),
      ),
    )
    .limit(1);
  if (!batch) return null;
  const steps = await db
    .select({
      kind: provenanceSteps.kind,
      occurredAt: provenanceSteps.occurredAt,
      provinceCode: provenanceSteps.provinceCode,
      place: provenanceSteps.place,
      latitude: provenanceSteps.latitude,
      longitude: provenanceSteps.longitude,
      actorName: provenanceSteps.actorName,
      actorKind: provenanceSteps.actorKind,
      evidenceNumber: provenanceSteps.evidenceNumber,
      evidenceUrl: provenanceSteps.evidenceUrl,
      noteVi: provenanceSteps.noteVi,
      noteEn: provenanceSteps.noteEn,
    })
    .from(provenanceSteps)
    .where(eq(provenanceSteps.batchId, batch.id))
    .orderBy(asc(provenanceSteps.position));
  return { ...batch, steps };
}

/** Who owns a certificate: a product's cooperative, or the whole cooperative when productId is null. */
interface CertificateOwner {
  cooperativeId: string;
  productId: string | null;
}

/** A new certificate must still hold today: one that already ran out is history, not a claim (field `validUntil`). */
function newCertificate(certificate: CertificateInput, today: string): CertificateInput {
  if (certificate.validUntil !== null && certificate.validUntil < today)
    throw new ValidationError({ validUntil: { code: 'claim_expired' } });
  return certificate;
}

/**
 * A certificate of a product, or of the whole cooperative when productId is
 * null, with its evidence file when one is posted. It waits for an
 * officer's verification (src/server/claims) before any public page shows it.
 */
export async function recordCertificate(
  db: Database,
  owner: CertificateOwner,
  input: unknown,
  now: Date,
  upload: EvidenceUpload | null = null,
): Promise<{ id: string }> {
  const checked = await checkClaimInput(
    () => newCertificate(parseInput(certificateInputSchema, input), vietnamToday(now)),
    upload,
    await claimantIssues(db, owner.cooperativeId),
  );
  const id = newId();
  await withStoredEvidence(upload, owner.cooperativeId, checked.evidence, (stored) =>
    db
      .insert(certifications)
      .values({ id, ...owner, ...checked.input, ...stored, verification: 'pending', submittedAt: now }),
  );
  return { id };
}

/** What an officer checked of a certificate: changing any of it (or its file) needs a new check. */
const VERIFIED_FIELDS = ['kind', 'number', 'issuer', 'validFrom', 'validUntil', 'evidenceUrl'] as const;

/**
 * Changes a product's certificate under the same rules as a new one (valid
 * until no earlier than valid from). A change of what the officers verified
 * (its number, dates, issuer, evidence) sends it back to their queue,
 * whatever its state; only saying whether the public may download the
 * evidence leaves its state as it is. A new evidence file replaces the old
 * one, which leaves the bucket once the change is written. The change is
 * made only at the revision the member saw (`input.version`, else the one
 * read here; claim-version.ts): a certificate an officer decided meanwhile is
 * not sent back unseen (409).
 */
export async function updateCertificate(
  db: Database,
  owner: CertificateOwner & { productId: string },
  certificateId: string,
  input: unknown,
  now: Date,
  upload: EvidenceUpload | null = null,
): Promise<{ id: string; verification: ClaimState }> {
  const { seen, fields } = splitVersion(input);
  const checked = await checkClaimInput(
    () => parseInput(certificateInputSchema, fields),
    upload,
    await claimantIssues(db, owner.cooperativeId),
  );
  const mine = and(
    eq(certifications.id, certificateId),
    eq(certifications.productId, owner.productId),
    eq(certifications.cooperativeId, owner.cooperativeId),
  );
  const [current] = await db.select().from(certifications).where(mine).limit(1);
  if (!current) throw new NotFoundError('certificate');
  const revision = seen ?? current.revision;
  if (revision !== current.revision) throw claimChanged();
  const { requeued } = requeueOnChange(current, checked.input, VERIFIED_FIELDS, checked.evidence, now);
  const updated = await withStoredEvidence(upload, owner.cooperativeId, checked.evidence, async (stored) => {
    const rows = await db
      .update(certifications)
      .set({ ...checked.input, ...stored, ...requeued, revision: nextRevision(certifications) })
      .where(and(mine, atRevision(certifications, revision)))
      .returning({ verification: certifications.verification });
    // Decided or deleted meanwhile: the new file goes again with this error.
    if (rows.length === 0) throw claimChanged();
    return rows[0];
  });
  await dropReplacedEvidence(upload, current, checked.evidence);
  return { id: certificateId, verification: updated?.verification ?? current.verification };
}

export interface StoredCertificate extends CertificateInput {
  id: string;
  verification: ClaimState;
  /** Why it was rejected, sent back or revoked; shown with those states. */
  decisionReason: string | null;
  decidedAt: Date | null;
  /** When an officer last verified it; null if never. */
  verifiedAt: Date | null;
  /** The type of its evidence file, null when it has none (the file is at evidencePath). */
  evidenceType: EvidenceType | null;
  /** Its revision, which an edit sends back as `version` (src/server/claims/claim-version.ts). */
  revision: number;
}

export async function listProductCertificates(db: Database, productId: string): Promise<StoredCertificate[]> {
  const rows = await selectStoredCertificates(db, eq(certifications.productId, productId));
  return rows.map(({ productId: _product, ...certificate }) => certificate);
}

/**
 * The certificates that back a product, whatever their state: its own and its cooperative's
 * whole-cooperative ones (with `productId` null), as an officer reviewing the product reads them.
 */
export async function listCertificatesBackingProduct(
  db: Database,
  product: { id: string; cooperativeId: string },
): Promise<(StoredCertificate & { productId: string | null })[]> {
  return selectStoredCertificates(
    db,
    or(
      eq(certifications.productId, product.id),
      and(eq(certifications.cooperativeId, product.cooperativeId), isNull(certifications.productId)),
    ),
  );
}

function selectStoredCertificates(db: Database, where: SQL | undefined) {
  return db
    .select({
      productId: certifications.productId,
      id: certifications.id,
      kind: certifications.kind,
      number: certifications.number,
      issuer: certifications.issuer,
      validFrom: certifications.validFrom,
      validUntil: certifications.validUntil,
      evidenceUrl: certifications.evidenceUrl,
      evidencePublic: certifications.evidencePublic,
      evidenceType: certifications.evidenceType,
      verification: certifications.verification,
      decisionReason: certifications.decisionReason,
      decidedAt: certifications.decidedAt,
      verifiedAt: certifications.verifiedAt,
      revision: certifications.revision,
    })
    .from(certifications)
    .where(where)
    .orderBy(asc(certifications.kind), desc(certifications.validFrom));
}
