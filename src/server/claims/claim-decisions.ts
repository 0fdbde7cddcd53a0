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
import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { requireOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { auditEntryExists, auditEntryWritten, auditInsertIf } from '../audit/audit-log';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { certifications, labReports, ocopRatings } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import { officerNote } from '../moderation/officer-note';
import { type DecisionReasonInput, reasonInEachLanguage, readDecisionReason } from '../moderation/decision-reasons';
import type { Locale } from '../../i18n';
import { decisionNotices } from '../notifications/outbox';
import { type ClaimNaming, claimDecisionMail, claimNaming, type DecidedState } from './decision-mail';
import { refreshProductStars } from '../products/ocop-stars';
import { vietnamDate } from '../time/vietnam';
import { atRevision, nextRevision, splitVersion } from './claim-version';
import { deleteEvidence } from './evidence-file';
import { verifiedNow } from './verified-version';
import type { ClaimKind, ClaimState } from './vocabulary';

export const CLAIM_DECISIONS = ['verify', 'reject', 'request_evidence', 'revoke'] as const;
export type ClaimDecision = (typeof CLAIM_DECISIONS)[number];

interface DecisionRule {
  /** States the decision starts from. */
  from: readonly ClaimState[];
  to: ClaimState;
  /**
   * Whether the officer must give a reason: free text of 10-1000 characters (`reason`), or for a rejection or a
   * request for evidence a ready-made one (`reasonCode`, decision-reasons.ts) with or without free text.
   */
  needsReason: boolean;
}

export const DECISION_RULES: Record<ClaimDecision, DecisionRule> = {
  verify: { from: ['pending'], to: 'verified', needsReason: false },
  reject: { from: ['pending'], to: 'rejected', needsReason: true },
  request_evidence: { from: ['pending'], to: 'needs_evidence', needsReason: true },
  // Also while an edit of the verified version waits or was turned down (see revocationOf).
  revoke: { from: ['verified', 'pending', 'needs_evidence', 'rejected'], to: 'revoked', needsReason: true },
};

/**
 * What a revocation takes off public pages is the verified version (`last_verified`), so an
 * officer may revoke it whether the claim is `verified` or an edit of it waits (or was turned
 * down): the claim needs a verified version not revoked already. A verified claim becomes
 * `revoked`; an edit stays where it is (in the queue), and only the verified version is marked
 * revoked (`revoked_at`, `revoked_reason`: public pages show it as revoked, nothing counts it).
 * Verifying that edit later is a new verification of new evidence, made knowing of the
 * revocation (the queue shows it): the edit becomes the public version and the marks go. The
 * revocation and a decision on the edit are made at the revision their officers saw, so of two
 * racing the first lands and the other is refused (409).
 */
function revocationOf(table: (typeof CLAIM_TABLES)[ClaimKind], kind: ClaimKind, reason: string | null, now: Date) {
  const standing = and(isNotNull(table.lastVerified), isNull(table.revokedAt)) as SQL;
  const set = {
    // Only a verified claim becomes revoked itself; an edit waiting keeps its state.
    verification: sql`CASE WHEN ${table.verification} = 'verified' THEN 'revoked' ELSE ${table.verification} END`,
    // The decision columns speak of the claim's own state, which a revocation of the verified version alone leaves.
    decisionReason: sql`CASE WHEN ${table.verification} = 'verified' THEN ${reason} ELSE ${table.decisionReason} END`,
    revokedAt: now,
    revokedReason: reason,
    // A revoked rating is revoked for the rating's own status too, which every star count reads.
    ...(kind === 'ocop_rating' ? { status: 'revoked' as const } : {}),
  };
  return { standing, set };
}

/** The shortest free text that may stand alone as a reason, as for every officer's note (officer-note.ts). */
const CLAIM_REASON_MIN = 10;

/** The reason fields of a form or JSON body (anything else in it is another field's business). */
function reasonInput(input: unknown): DecisionReasonInput {
  const fields = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  return { reasonCode: fields.reasonCode, reason: fields.reason };
}

const sameInEachLanguage = (text: string): Record<Locale, string> => ({ vi: text, en: text });

/** The table of a kind of claim, and the audit entity type its entries use. */
export const CLAIM_TABLES = {
  ocop_rating: ocopRatings,
  certificate: certifications,
  lab_report: labReports,
} as const;

/** The product whose stars a decision on a rating moves; null for other kinds, which count in no stars. */
async function ratedProduct(db: Database, kind: ClaimKind, id: string): Promise<string | null> {
  if (kind !== 'ocop_rating') return null;
  const [row] = await db
    .select({ productId: ocopRatings.productId })
    .from(ocopRatings)
    .where(eq(ocopRatings.id, id))
    .limit(1);
  return row?.productId ?? null;
}

/**
 * Decides on the claim `kind`/`id`: a NotFoundError for no such claim, a
 * ValidationError on `reason` when one is needed and missing, a
 * ConflictError (`verification: claim_decided`) when the claim is no longer
 * in a state the decision starts from, or no longer at `input.version` (its
 * revision as the officer's page showed it, claim-version.ts).
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
  /** The MEDIA bucket: with it, verifying a new version deletes the file of the version it replaces. */
  bucket: R2Bucket | null = null,
): Promise<{ verification: ClaimState; notificationEvent: string | null }> {
  const officer = requireOfficer(user);
  const rule = DECISION_RULES[decision];
  // A revocation's reason is read by the public and has no ready-made words; the others may pick one.
  const words = !rule.needsReason
    ? null
    : decision === 'revoke'
      ? sameInEachLanguage(officerNote(input, 'reason'))
      : reasonInEachLanguage(readDecisionReason(reasonInput(input), 'claim', CLAIM_REASON_MIN), 'claim');
  const reason = words?.vi ?? null;
  const table = CLAIM_TABLES[claim.kind];
  const [row] = await db
    .select({
      id: table.id,
      revision: table.revision,
      evidenceKey: table.evidenceKey,
      lastVerified: table.lastVerified,
    })
    .from(table)
    .where(eq(table.id, claim.id))
    .limit(1);
  if (!row) throw new NotFoundError('claim');

  // The revision the officer saw (else the one just read): a claim changed since is not decided unseen.
  const seen = splitVersion(input).seen ?? row.revision;
  const entryId = newId();
  // Verifying also makes this version the public one (verified-version.ts), taken from the row as decided,
  // and lifts a revocation of the version it replaces (revocationOf).
  const verified =
    rule.to === 'verified'
      ? {
          verifiedBy: officer.id,
          verifiedAt: now,
          lastVerified: verifiedNow(claim.kind, officer.id, now),
          revokedAt: null,
          revokedReason: null,
          ...(claim.kind === 'ocop_rating' ? { status: 'active' as const } : {}),
        }
      : {};
  const revocation = decision === 'revoke' ? revocationOf(table, claim.kind, reason, now) : null;
  const inState = (): SQL =>
    and(
      eq(table.id, row.id),
      inArray(table.verification, [...rule.from]),
      atRevision(table, seen),
      revocation?.standing,
    ) as SQL;
  const update = db
    .update(table)
    .set({
      verification: rule.to,
      decidedBy: officer.id,
      decidedAt: now,
      decisionReason: reason,
      revision: nextRevision(table),
      ...verified,
      ...revocation?.set,
    })
    .where(and(inState(), auditEntryExists(entryId)))
    .returning({ verification: table.verification });
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
        claimDecisionMail(
          naming as ClaimNaming,
          rule.to as DecidedState,
          words?.[recipient.locale] ?? null,
          recipient,
          mailOrigin as string,
        ),
    },
    naming !== null,
    now,
  );
  const mail = tell.statements(auditEntryExists(entryId), entryId);
  const ratedProductId = await ratedProduct(db, claim.kind, row.id);
  const stars = ratedProductId ? [refreshProductStars(db, ratedProductId, vietnamDate(now))] : [];
  const [, written] = await db.batch([audit, update, ...stars, ...mail]);
  if (!(await auditEntryWritten(db, entryId)))
    throw new ConflictError('claim decided', { verification: { code: 'claim_decided' } });
  // The version this verification replaced had its own file: no claim points at it any longer.
  const replacedFile = rule.to === 'verified' ? row.lastVerified?.evidenceKey : null;
  if (bucket && replacedFile && replacedFile !== row.evidenceKey) await deleteEvidence(bucket, replacedFile);
  return { verification: written[0]?.verification ?? rule.to, notificationEvent: tell.event() };
}
