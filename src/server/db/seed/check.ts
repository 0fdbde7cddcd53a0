/**
 * The seed is one of the ways data enters, so it passes the same rules as the
 * API and the dashboard (src/server/provenance/batch-input.ts): a generator
 * bug that dates a step in the future or ends a certificate before it starts
 * fails the seed before anything is written, naming the record and field.
 */
import { ValidationError, type FieldIssues } from '../../errors';
import { batchInputSchema, certificateInputSchema, gtinField } from '../../provenance/batch-input';
import { fieldIssuesFromZod } from '../../validation';
import type { BatchRow, CertificationRow, ProductRow, ProvenanceStepRow } from './types';

export interface SeedRows {
  products?: readonly Pick<ProductRow, 'id' | 'gtin'>[];
  certifications?: readonly CertificationRow[];
  batches?: readonly BatchRow[];
  provenanceSteps?: readonly ProvenanceStepRow[];
}

/** Throws a ValidationError whose fields read "batches/<id>.steps.2.occurredAt". */
export function checkSeedRows(rows: SeedRows, now: Date): void {
  const problems: FieldIssues = {};
  const record = (
    prefix: string,
    input: unknown,
    result: { success: boolean; error?: Parameters<typeof fieldIssuesFromZod>[0] },
  ) => {
    if (result.success || !result.error) return;
    for (const [field, issue] of Object.entries(fieldIssuesFromZod(result.error, input)))
      problems[`${prefix}.${field}`] = issue;
  };

  for (const product of rows.products ?? []) {
    if (product.gtin != null)
      record(`products/${product.id}`, { gtin: product.gtin }, gtinField.safeParse(product.gtin));
  }
  for (const c of rows.certifications ?? []) {
    const input = {
      kind: c.kind,
      number: c.number,
      issuer: c.issuer,
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      evidenceUrl: c.evidenceUrl,
    };
    record(`certifications/${c.id}`, input, certificateInputSchema.safeParse(input));
  }

  const stepsByBatch = new Map<string, ProvenanceStepRow[]>();
  for (const step of rows.provenanceSteps ?? []) {
    const list = stepsByBatch.get(step.batchId) ?? [];
    list.push(step);
    stepsByBatch.set(step.batchId, list);
  }
  const schema = batchInputSchema(now);
  for (const batch of rows.batches ?? []) {
    const steps = (stepsByBatch.get(batch.id) ?? []).sort((a, b) => a.position - b.position);
    const input = {
      lotCode: batch.lotCode,
      productionDate: batch.productionDate,
      bestBefore: batch.bestBefore,
      quantity: batch.quantity,
      quantityUnit: batch.quantityUnit,
      steps: steps.map((s) => ({
        kind: s.kind,
        occurredAt: s.occurredAt.toISOString(),
        provinceCode: s.provinceCode,
        place: s.place,
        latitude: s.latitude,
        longitude: s.longitude,
        actorName: s.actorName,
        actorKind: s.actorKind,
        evidenceNumber: s.evidenceNumber,
        evidenceUrl: s.evidenceUrl,
        noteVi: s.noteVi,
        noteEn: s.noteEn,
      })),
    };
    record(`batches/${batch.id}`, input, schema.safeParse(input));
  }
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
}
