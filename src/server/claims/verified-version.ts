/**
 * The last verified version of a claim: what an officer checked (its
 * number, issuer, level, dates and evidence file), who checked it and when.
 *
 * Public readers read this copy, never the claim's own columns, which hold
 * what the cooperative declared last. So editing a verified claim (which puts
 * it back in the officers' queue) leaves the public, the filters and the stars
 * on the version the officer verified until an officer decides the edit: a
 * verified edit replaces the copy, a rejected one (or one sent back for
 * better evidence) leaves it as it was. This is the idea of a product's
 * pending revision (src/server/moderation), turned round: there the proposal
 * is set aside and the record stays public; here the claim row is what the
 * cooperative and the officers' queue work on, and the public copy is set aside.
 *
 * The copy is written by the same UPDATE that marks the claim verified
 * (claim-decisions.ts), from the row as it is then, so it is exactly the
 * version decided on, whatever a concurrent edit does.
 */
import { and, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { certifications, labReports, ocopRatings } from '../db/schema';
import type { CertificationKind, OcopLevel } from '../products/vocabulary';
import type { LabResult, LabTestKind } from '../provenance/vocabulary';
import type { ClaimKind, EvidenceType } from './vocabulary';

interface VerifiedBy {
  evidenceKey: string | null;
  evidenceType: EvidenceType | null;
  /** The officer's user id (null for claims migrated from before verification existed). */
  verifiedBy: string | null;
  /** When it was verified, epoch milliseconds. */
  verifiedAt: number | null;
}

export interface VerifiedRatingVersion extends VerifiedBy {
  stars: number;
  level: OcopLevel;
  decisionNumber: string;
  decisionDate: string;
}

export interface VerifiedCertificateVersion extends VerifiedBy {
  kind: CertificationKind;
  number: string;
  issuer: string;
  validFrom: string;
  validUntil: string | null;
}

export interface VerifiedLabReportVersion extends VerifiedBy {
  lab: string;
  reportNumber: string;
  reportedOn: string;
  tests: LabTestKind[];
  result: LabResult;
  summary: string;
}

/**
 * The claim's own columns that make up its verified version, by kind, as SQL
 * expressions of the row (a JSON column through json(), so the copy holds
 * the array rather than its text).
 */
const VERSION_COLUMNS: Record<ClaimKind, Record<string, string>> = {
  ocop_rating: {
    stars: 'stars',
    level: 'level',
    decisionNumber: 'decision_number',
    decisionDate: 'decision_date',
  },
  certificate: {
    kind: 'kind',
    number: 'number',
    issuer: 'issuer',
    validFrom: 'valid_from',
    validUntil: 'valid_until',
  },
  lab_report: {
    lab: 'lab',
    reportNumber: 'report_number',
    reportedOn: 'reported_on',
    tests: 'json("tests")',
    result: 'result',
    summary: 'summary',
  },
};

/** A bare column name is quoted; an expression (json(...)) is taken as written. */
const columnSql = (column: string) => (/^[a-z_]+$/.test(column) ? `"${column}"` : column);

/**
 * SQL for the verified version of the row being updated, as JSON, taken from
 * its own columns; `by` and `at` say who verified it and when (values, or
 * the row's own verified_by / verified_at columns when backfilling).
 */
export function verifiedVersionOfRow(kind: ClaimKind, by: SQL, at: SQL): SQL {
  const fields = Object.entries({
    ...VERSION_COLUMNS[kind],
    evidenceKey: 'evidence_key',
    evidenceType: 'evidence_type',
  });
  const pairs = sql.join(
    fields.map(([name, column]) => sql`${sql.raw(`'${name}'`)}, ${sql.raw(columnSql(column))}`),
    sql`, `,
  );
  return sql`json_object(${pairs}, 'verifiedBy', ${by}, 'verifiedAt', ${at})`;
}

/** The verified version written when an officer verifies the claim now. */
export function verifiedNow(kind: ClaimKind, officerId: string, now: Date): SQL {
  return verifiedVersionOfRow(kind, sql`${officerId}`, sql`${now.getTime()}`);
}

/** The verified version of claims verified before the copy existed: their own verifier and date. */
export function verifiedAsRecorded(kind: ClaimKind): SQL {
  return verifiedVersionOfRow(kind, sql.raw('"verified_by"'), sql.raw('"verified_at"'));
}

/**
 * Gives every verified or revoked claim without a verified version one from
 * its own columns: for rows written straight to the database, as the demo
 * seed does (its claims are verified as recorded).
 */
export async function recordVerifiedVersions(db: Database): Promise<void> {
  const missing = (table: typeof ocopRatings | typeof certifications | typeof labReports) =>
    and(inArray(table.verification, ['verified', 'revoked']), isNull(table.lastVerified));
  await db.batch([
    db
      .update(ocopRatings)
      .set({ lastVerified: verifiedAsRecorded('ocop_rating') })
      .where(missing(ocopRatings)),
    db
      .update(certifications)
      .set({ lastVerified: verifiedAsRecorded('certificate') })
      .where(missing(certifications)),
    db
      .update(labReports)
      .set({ lastVerified: verifiedAsRecorded('lab_report') })
      .where(missing(labReports)),
  ]);
}
