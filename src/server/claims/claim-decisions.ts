/**
 * A trade officer's decisions on a claim: verify it, reject it with a reason,
 * send it back for better evidence (state `needs_evidence`, with what is
 * missing), or later revoke a verified one with a reason public pages show.
 *
 * Each decision is one db.batch: the audit entry first, inserted only while
 * the claim is still in the state the decision starts from (`auditInsertIf`),
 * then the claim's update under that same condition and the entry's
 * existence, and for a rating its product's stars. Two officers deciding at
 * once (or an officer and the cooperative changing the claim) therefore make
 * one change and one entry; the other is told with a ConflictError (409).
 * The same batch queues the mail to the cooperative's manager and members,
 * inserted only if the entry was, so a lost race tells no one.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { auditEntryExists, auditEntryWritten, auditInsertIf } from '../audit/audit-log';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { certifications, ocopRatings } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import { officerNote } from '../moderation/officer-note';
import { decisionNotices } from '../notifications/outbox';
import { type ClaimNaming, claimDecisionMail, claimNaming, type DecidedState } from './decision-mail';
import { refreshProductStars } from '../products/ocop-stars';
import { vietnamDate } from '../time/vietnam';
import { parseInput } from '../validation';
import { verifiedNow } from './verified-version';
import type { ClaimKind, ClaimState } from './vocabulary';

export const CLAIM_DECISIONS = ['verify', 'reject', 'request_evidence', 'revoke'] as const;
export type ClaimDecision = (typeof CLAIM_DECISIONS)[number];

interface DecisionRule {
  /** States the decision starts from. */
  from: readonly ClaimState[];
  to: ClaimState;
  /** Whether the officer must give a reason (10-1000 characters, `reason`). */
  needsReason: boolean;
}

export const DECISION_RULES: Record<ClaimDecision, DecisionRule> = {
  verify: { from: ['pending'], to: 'verified', needsReason: false },
  reject: { from: ['pending'], to: 'rejected', needsReason: true },
  request_evidence: { from: ['pending'], to: 'needs_evidence', needsReason: true },
  revoke: { from: ['verified'], to: 'revoked', needsReason: true },
};

/** The table of a kind of claim, and the audit entity type its entries use. */
export const CLAIM_TABLES = {
  ocop_rating: ocopRatings,
  certificate: certifications,
} as const;

const versionInput = z.object({ version: z.coerce.number().int().nonnegative().optional() });

/** `input.version`: the claim's `submittedAt` (epoch ms) as the officer's page showed it, if sent. */
function seenVersion(input: unknown): number | null {
  const given = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).version : undefined;
  if (given === undefined || given === '') return null;
  return parseInput(versionInput, { version: given }).version ?? null;
}

/**
 * Decides on the claim `kind`/`id`: a NotFoundError for no such claim, a
 * ValidationError on `reason` when one is needed and missing, a
 * ConflictError (`verification: claim_decided`) when the claim is no longer
 * in a state the decision starts from, or no longer at `input.version`.
 */
export async function decideClaim(
  db: Database,
  user: SessionUser | null | undefined,
  claim: { kind: ClaimKind; id: string },
  decision: ClaimDecision,
  input: unknown,
  now: Date,
  /** The origin of links in mail (PUBLIC_ORIGIN): with it, the cooperative's people are told of the decision. */
  mailOrigin: string | null = null,
): Promise<{ verification: ClaimState; notificationEvent: string | null }> {
  const officer = requireOfficer(user);
  const rule = DECISION_RULES[decision];
  const reason = rule.needsReason ? officerNote(input, 'reason') : null;
  const seen = seenVersion(input);
  const table = CLAIM_TABLES[claim.kind];
  const [row] = await db
    .select({ id: table.id, productId: table.productId })
    .from(table)
    .where(eq(table.id, claim.id))
    .limit(1);
  if (!row) throw new NotFoundError('claim');

  const entryId = newId();
  // The version the officer saw, when given: a claim the cooperative changed since is not decided unseen.
  const inState = (): SQL =>
    and(
      eq(table.id, row.id),
      inArray(table.verification, [...rule.from]),
      seen === null ? undefined : sql`coalesce(${table.submittedAt}, 0) = ${seen}`,
    ) as SQL;
  // Verifying also makes this version the public one (verified-version.ts), taken from the row as decided.
  const verified =
    rule.to === 'verified'
      ? { verifiedBy: officer.id, verifiedAt: now, lastVerified: verifiedNow(claim.kind, officer.id, now) }
      : {};
  // A revoked rating is revoked for the rating's own status too, which every star count reads.
  const ratingRevoked =
    claim.kind === 'ocop_rating' && rule.to === 'revoked' ? { status: 'revoked' as const, revokedReason: reason } : {};
  const update = db
    .update(table)
    .set({
      verification: rule.to,
      decidedBy: officer.id,
      decidedAt: now,
      decisionReason: reason,
      ...verified,
      ...ratingRevoked,
    })
    .where(and(inState(), auditEntryExists(entryId)));
  const audit = auditInsertIf(
    db,
    {
      id: entryId,
      actorUserId: officer.id,
      action: `${claim.kind}.${rule.to}`,
      entityType: claim.kind,
      entityId: row.id,
      detail: { decision, from: rule.from, ...(reason ? { reason } : {}) },
      at: now,
    },
    sql`EXISTS (SELECT 1 FROM ${table} WHERE ${inState()})`,
  );
  // The cooperative hears of it from the same batch: mail only if the decision's audit entry was written.
  const naming = mailOrigin ? await claimNaming(db, claim.kind, row.id) : null;
  const tell = await decisionNotices(
    db,
    naming?.cooperativeId ?? '',
    {
      eventPrefix: `claim_decision:${claim.kind}:${row.id}`,
      kind: 'claim_decision',
      mail: (recipient) =>
        claimDecisionMail(naming as ClaimNaming, rule.to as DecidedState, reason, recipient, mailOrigin as string),
    },
    naming !== null,
    now,
  );
  const mail = tell.statements(auditEntryExists(entryId), entryId);
  const stars =
    claim.kind === 'ocop_rating' && row.productId ? [refreshProductStars(db, row.productId, vietnamDate(now))] : [];
  await db.batch([audit, update, ...stars, ...mail]);
  if (!(await auditEntryWritten(db, entryId)))
    throw new ConflictError('claim decided', { verification: { code: 'claim_decided' } });
  return { verification: rule.to, notificationEvent: tell.event() };
}
