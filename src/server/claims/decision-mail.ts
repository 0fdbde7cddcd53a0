/**
 * The mail that tells a cooperative's manager and members of an officer's
 * decision on one of its claims, with the reason when there is one, in each
 * person's language. Queued by decideClaim in the decision's own batch.
 */
import { eq } from 'drizzle-orm';
import { dictionary, format } from '../../i18n';
import { routes } from '../../i18n/routes';
import type { Database } from '../db/client';
import { batches, certifications, cooperatives, labReports, ocopRatings, products } from '../db/schema';
import { composeMail } from '../mail/layout';
import type { MailMessage } from '../mail/mailer';
import type { Recipient } from '../notifications/outbox';
import type { CertificationKind } from '../products/vocabulary';
import type { ClaimKind, ClaimState } from './vocabulary';

/** What a claim's mail names: what it is, whose, its number, and the cooperative to tell. */
export interface ClaimNaming {
  cooperativeId: string;
  /** The product's name, or the cooperative's for its own certificate. */
  subject: string;
  certificateKind: CertificationKind | null;
  stars: number | null;
  /** The lot of a lab report; null for other claims. */
  lotCode: string | null;
  number: string;
}

export async function claimNaming(db: Database, kind: ClaimKind, id: string): Promise<ClaimNaming | null> {
  if (kind === 'ocop_rating') {
    const [row] = await db
      .select({
        cooperativeId: products.cooperativeId,
        subject: products.nameVi,
        stars: ocopRatings.stars,
        number: ocopRatings.decisionNumber,
      })
      .from(ocopRatings)
      .innerJoin(products, eq(products.id, ocopRatings.productId))
      .where(eq(ocopRatings.id, id))
      .limit(1);
    return row ? { ...row, certificateKind: null, lotCode: null } : null;
  }
  if (kind === 'lab_report') {
    const [row] = await db
      .select({
        cooperativeId: labReports.cooperativeId,
        subject: products.nameVi,
        lotCode: batches.lotCode,
        number: labReports.reportNumber,
      })
      .from(labReports)
      .innerJoin(batches, eq(batches.id, labReports.batchId))
      .innerJoin(products, eq(products.id, batches.productId))
      .where(eq(labReports.id, id))
      .limit(1);
    return row ? { ...row, certificateKind: null, stars: null } : null;
  }
  const [row] = await db
    .select({
      cooperativeId: certifications.cooperativeId,
      productName: products.nameVi,
      cooperativeName: cooperatives.name,
      certificateKind: certifications.kind,
      number: certifications.number,
    })
    .from(certifications)
    .innerJoin(cooperatives, eq(cooperatives.id, certifications.cooperativeId))
    .leftJoin(products, eq(products.id, certifications.productId))
    .where(eq(certifications.id, id))
    .limit(1);
  if (!row) return null;
  return {
    cooperativeId: row.cooperativeId,
    subject: row.productName ?? row.cooperativeName,
    certificateKind: row.certificateKind,
    stars: null,
    lotCode: null,
    number: row.number,
  };
}

/** The states a decision leads to, each told in its own words. */
export type DecidedState = Exclude<ClaimState, 'pending'>;

export function claimDecisionMail(
  claim: ClaimNaming,
  state: DecidedState,
  reason: string | null,
  recipient: Recipient,
  origin: string,
): MailMessage {
  const t = dictionary(recipient.locale);
  const m = t.claims.decisionMail;
  const what = claim.certificateKind
    ? t.details.certificates.kinds[claim.certificateKind]
    : claim.lotCode !== null
      ? format(t.claims.labReport, { lot: claim.lotCode })
      : format(t.claims.expiry.mail.ocop, { stars: claim.stars ?? 0 });
  const words = {
    what,
    subject: claim.subject,
    number: claim.number,
    state: t.claims.states[state],
    link: new URL(routes.account[recipient.locale], origin).href,
  };
  const because = reason ? `${format(t.claims.reason, { reason })}\n\n` : '';
  return composeMail(
    recipient.locale,
    recipient.email,
    format(m.subjects[state], words),
    `${format(m.body, words)}\n\n${because}${format(m.footer, words)}`,
  );
}
