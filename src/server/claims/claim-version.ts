/**
 * A claim's revision, the version its writers compare and set. Every write to
 * a claim, the cooperative's edit and an officer's decision alike, is made
 * only while the claim is still at the revision its author saw, and counts it
 * up in the same statement. So of an edit and a verification racing each
 * other (or a verification and a revocation), the first to land wins and the
 * other finds the claim moved on: a ConflictError (409), nothing written.
 *
 * The author's page or API call sends the revision it showed as `version`;
 * a caller that sends none is held to the revision the server read just
 * before writing, which still closes the gap between that read and the write.
 */
import { eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { certifications, labReports, ocopRatings } from '../db/schema';
import { ConflictError } from '../errors';
import { parseInput } from '../validation';

type ClaimTable = typeof ocopRatings | typeof certifications | typeof labReports;

const versionInput = z.object({ version: z.coerce.number().int().nonnegative().optional() });

/**
 * `input.version` (the claim's revision as the author's page showed it; a
 * ValidationError on `version` when it is no whole number), or null when
 * none was sent; and the rest of the input, for the claim's own schema.
 */
export function splitVersion(input: unknown): { seen: number | null; fields: unknown } {
  if (typeof input !== 'object' || input === null || !('version' in input)) return { seen: null, fields: input };
  const { version, ...fields } = input as Record<string, unknown>;
  if (version === undefined || version === null || version === '') return { seen: null, fields };
  return { seen: parseInput(versionInput, { version }).version ?? null, fields };
}

/** Condition: the claim is still at the revision `seen`. */
export const atRevision = (table: ClaimTable, seen: number): SQL => eq(table.revision, seen);

/** The revision a write sets: one more than the claim's. */
export const nextRevision = (table: ClaimTable): SQL => sql`${table.revision} + 1`;

/** The refusal of a cooperative's edit of a claim that moved on since the member saw it (an officer decided it). */
export const claimChanged = () =>
  new ConflictError('claim changed meanwhile', { verification: { code: 'claim_changed' } });
