/**
 * Recording a batch with its timeline, and a certificate. Each write is
 * checked whole first (batch-input.ts), then goes to the database in one
 * `db.batch`, so a refused or failed write leaves nothing behind.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { batches, certifications, provenanceSteps, provinces } from '../db/schema';
import { type FieldIssues, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { batchInputSchema, certificateInputSchema } from './batch-input';

export interface RecordedBatch {
  id: string;
  lotCode: string;
}

/** UNIQUE(product_id, lot_code) lost a race with another write of the same lot. */
function isLotClash(error: unknown): boolean {
  const text = String((error as { cause?: unknown })?.cause ?? '') + String(error);
  return /UNIQUE constraint failed: batches\.product_id, batches\.lot_code/.test(text);
}

export async function recordBatch(db: Database, productId: string, input: unknown, now: Date): Promise<RecordedBatch> {
  const batch = parseInput(batchInputSchema(now), input);
  const problems: FieldIssues = {};

  const codes = [...new Set(batch.steps.flatMap((step) => (step.provinceCode ? [step.provinceCode] : [])))];
  const [known, taken] = await Promise.all([
    codes.length > 0 ? db.select({ code: provinces.code }).from(provinces).where(inArray(provinces.code, codes)) : [],
    db.select({ id: batches.id }).from(batches).where(and(eq(batches.productId, productId), eq(batches.lotCode, batch.lotCode))).limit(1),
  ]);
  const knownCodes = new Set(known.map((row) => row.code));
  batch.steps.forEach((step, i) => {
    if (step.provinceCode && !knownCodes.has(step.provinceCode)) problems[`steps.${i}.provinceCode`] = { code: 'unknown_value' };
  });
  if (taken.length > 0) problems.lotCode = { code: 'lot_taken' };
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);

  const id = newId();
  const { steps, ...fields } = batch;
  const insertBatch = db.insert(batches).values({ id, productId, ...fields });
  try {
    if (steps.length === 0) await insertBatch;
    else {
      await db.batch([
        insertBatch,
        db.insert(provenanceSteps).values(steps.map((step, position) => ({ id: newId(), batchId: id, position, ...step }))),
      ]);
    }
  } catch (error) {
    if (isLotClash(error)) throw new ValidationError({ lotCode: { code: 'lot_taken' } });
    throw error;
  }
  return { id, lotCode: batch.lotCode };
}

/** A certificate of a product, or of the whole cooperative when productId is null. */
export async function recordCertificate(
  db: Database,
  owner: { cooperativeId: string; productId: string | null },
  input: unknown,
): Promise<{ id: string }> {
  const certificate = parseInput(certificateInputSchema, input);
  const id = newId();
  await db.insert(certifications).values({ id, ...owner, ...certificate });
  return { id };
}
