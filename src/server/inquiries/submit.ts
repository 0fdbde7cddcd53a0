/**
 * Receiving an inquiry: the verb the API and the form both call.
 *
 * In order: the fields (422), the honeypot (a bot: answered as if accepted,
 * nothing stored), the form's fill time (422), a replayed Idempotency-Key
 * (the same inquiry again, never a second row), the target (404), the rate
 * limits per client address and per cooperative (429), Turnstile when
 * configured (422), spam scoring; then one batch stores the inquiry, queues
 * the cooperative's notifications and, when the buyer gave an email, their
 * receipt with a private link to the thread (thread-tokens.ts). Mail goes out after the response
 * (notifications.ts); an inquiry judged spam is stored with status 'spam' and
 * queues nothing until a member marks it "not spam" (no receipt either: the
 * address a spammer gives is often someone else's).
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../i18n';
import { admitAttempt, type RateLimitPolicy, recordAttempt } from '../accounts/rate-limit';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { cooperatives, events, inquiries, products } from '../db/schema';
import { PUBLIC_EVENT_STATUSES } from '../events/calendar';
import { NotFoundError, ValidationError } from '../errors';
import { checkFormToken } from './form-token';
import { type BuyerFields, type InquiryInput, parseInquiry } from './input';
import type { InquiryLinks } from './links';
import { newInquiryMail, receiptMail } from './mail';
import { cooperativeRecipients, queueStatements } from './notifications';
import { newReference } from './reference';
import { spamScore, SPAM_THRESHOLD } from './spam';
import { issueThreadToken } from './thread-tokens';
import { PRIVACY_NOTICE_VERSION } from '../privacy/notice';
import type { TurnstileVerifier } from './turnstile';

const HOUR_MS = 60 * 60 * 1000;
/** A buyer writing to several cooperatives in an afternoon fits; a script does not. */
export const INQUIRY_ADDRESS_POLICY: RateLimitPolicy = { limit: 10, windowMs: HOUR_MS, lockMs: HOUR_MS };
/** Many addresses flooding one cooperative's inbox. */
export const INQUIRY_TARGET_POLICY: RateLimitPolicy = { limit: 30, windowMs: HOUR_MS, lockMs: HOUR_MS };

/** Idempotency keys: what clients use in practice (UUIDs, ULIDs, random tokens), 8 to 100 characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

export interface SubmissionContext {
  clientAddress: string;
  /** The request's language, for an inquiry that names none. */
  locale: Locale;
  idempotencyKey: string | null;
  /** Present for the HTML form only: its signed render time and the key to check it with. */
  formToken: { secret: string; token: string } | null;
  turnstile: TurnstileVerifier | null;
  links: InquiryLinks;
}

export interface InquiryReceipt {
  reference: string;
  createdAt: Date;
}

export type SubmissionOutcome =
  /** Stored; `deliver` says whether notifications were queued (not for spam). */
  | { kind: 'created'; inquiryId: string; receipt: InquiryReceipt; deliver: boolean }
  /** The same Idempotency-Key and the same fields again: the inquiry already stored. */
  | { kind: 'replayed'; inquiryId: string; receipt: InquiryReceipt }
  /** The honeypot was filled in: a receipt that leads nowhere, and nothing stored. */
  | { kind: 'dropped'; receipt: InquiryReceipt };

/** An inquiry row's columns of what the buyer wrote and agreed to, for one thread or a request's each. */
export function buyerColumns(input: BuyerFields) {
  return {
    buyerName: input.name,
    buyerOrganisation: input.organisation,
    email: input.email,
    phone: input.phone,
    country: input.country,
    quantity: input.quantity,
    quantityUnit: input.unit,
    wantedBy: input.wantedBy,
    message: input.message,
    locale: input.locale,
    consentToContact: true,
    // The words the buyer agreed to: the notice linked beside the box (the API documents the same notice).
    consentNoticeVersion: PRIVACY_NOTICE_VERSION,
  };
}

export function addressLimitKey(address: string) {
  return `inquiry:address:${address}`;
}
export function targetLimitKey(cooperativeId: string) {
  return `inquiry:cooperative:${cooperativeId}`;
}

/** The fields as stored, hashed: a key reused for different fields is refused instead of answered. */
export function fingerprintOf(
  input: Pick<InquiryInput, 'honeypot' | 'turnstileToken'> & object,
  target: Record<string, unknown>,
): string {
  const { honeypot: _h, turnstileToken: _t, ...fields } = input;
  return encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify({ ...fields, ...target }))));
}

async function findByIdempotencyKey(db: Database, key: string) {
  const [row] = await db
    .select({
      id: inquiries.id,
      reference: inquiries.reference,
      createdAt: inquiries.createdAt,
      fingerprint: inquiries.requestFingerprint,
    })
    .from(inquiries)
    .where(eq(inquiries.idempotencyKey, key))
    .limit(1);
  return row ?? null;
}

function replay(
  row: NonNullable<Awaited<ReturnType<typeof findByIdempotencyKey>>>,
  expected: string,
): SubmissionOutcome {
  if (row.fingerprint !== expected) throw new ValidationError({ idempotencyKey: { code: 'idempotency_key_reused' } });
  return { kind: 'replayed', inquiryId: row.id, receipt: { reference: row.reference, createdAt: row.createdAt } };
}

interface Target {
  cooperativeId: string;
  cooperativeName: string;
  productId: string | null;
  productName: string | null;
}

/** A public product and/or cooperative; both given must belong together. */
async function resolveTarget(db: Database, input: InquiryInput): Promise<Target> {
  if (input.productSlug) {
    const [product] = await db
      .select({
        id: products.id,
        nameVi: products.nameVi,
        cooperativeId: cooperatives.id,
        cooperativeName: cooperatives.name,
        cooperativeSlug: cooperatives.slug,
      })
      .from(products)
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .where(
        and(eq(products.slug, input.productSlug), eq(products.status, 'published'), eq(cooperatives.status, 'active')),
      )
      .limit(1);
    if (!product) throw new NotFoundError('product', 'product', { product: { code: 'unknown_product' } });
    if (input.cooperativeSlug && input.cooperativeSlug !== product.cooperativeSlug) {
      throw new ValidationError({ cooperative: { code: 'product_not_of_cooperative' } });
    }
    return {
      cooperativeId: product.cooperativeId,
      cooperativeName: product.cooperativeName,
      productId: product.id,
      productName: product.nameVi,
    };
  }
  const [cooperative] = await db
    .select({ id: cooperatives.id, name: cooperatives.name })
    .from(cooperatives)
    .where(and(eq(cooperatives.slug, input.cooperativeSlug ?? ''), eq(cooperatives.status, 'active')))
    .limit(1);
  if (!cooperative) throw new NotFoundError('cooperative', undefined, { cooperative: { code: 'unknown_cooperative' } });
  return { cooperativeId: cooperative.id, cooperativeName: cooperative.name, productId: null, productName: null };
}

/** The public event a source names; an unknown or draft event leaves the inquiry without a source. */
export async function resolveSource(db: Database, source: InquiryInput['source']) {
  if (!source) return { sourceKind: null, sourceEventId: null };
  const [event] = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.slug, source.eventSlug), inArray(events.status, [...PUBLIC_EVENT_STATUSES])))
    .limit(1);
  return event ? { sourceKind: source.kind, sourceEventId: event.id } : { sourceKind: null, sourceEventId: null };
}

/** A client's Idempotency-Key must have the documented shape (422 before anything else). */
export function checkIdempotencyKey(context: SubmissionContext): void {
  if (context.idempotencyKey !== null && !IDEMPOTENCY_KEY_PATTERN.test(context.idempotencyKey)) {
    throw new ValidationError({ idempotencyKey: { code: 'idempotency_key_format' } });
  }
}

/**
 * After the fields: a filled honeypot is 'dropped' (counted against the address, nothing stored); a form's fill
 * time out of bounds is a 422. Shared with request.ts, so both ways of writing meet the same defences.
 */
export async function screenSubmission(
  db: Database,
  input: Pick<InquiryInput, 'honeypot'>,
  context: SubmissionContext,
  now: Date,
): Promise<'dropped' | 'admitted'> {
  if (input.honeypot.trim() !== '') {
    await recordAttempt(db, addressLimitKey(context.clientAddress), INQUIRY_ADDRESS_POLICY, now);
    return 'dropped';
  }
  if (context.formToken) {
    const problem = await checkFormToken(context.formToken.secret, context.formToken.token, now);
    if (problem) throw new ValidationError({ formToken: { code: `form_${problem}` } });
  }
  return 'admitted';
}

/** Turnstile when the deployment enables it: the token must pass Cloudflare's check (422 otherwise). */
export async function checkTurnstile(context: SubmissionContext, token: string | null): Promise<void> {
  if (!context.turnstile) return;
  const passed = token ? await context.turnstile(token, context.clientAddress) : false;
  if (!passed) throw new ValidationError({ turnstileToken: { code: 'turnstile_failed' } });
}

export async function submitInquiry(
  db: Database,
  raw: unknown,
  context: SubmissionContext,
  now: Date,
): Promise<SubmissionOutcome> {
  checkIdempotencyKey(context);
  const input = parseInquiry(raw, now, context.locale);
  const addressLimit = { key: addressLimitKey(context.clientAddress), policy: INQUIRY_ADDRESS_POLICY };
  if ((await screenSubmission(db, input, context, now)) === 'dropped') {
    return { kind: 'dropped', receipt: { reference: newReference(), createdAt: now } };
  }
  const expected = fingerprintOf(input, { productSlug: input.productSlug, cooperativeSlug: input.cooperativeSlug });
  if (context.idempotencyKey) {
    const existing = await findByIdempotencyKey(db, context.idempotencyKey);
    if (existing) return replay(existing, expected);
  }

  const target = await resolveTarget(db, input);
  const targetLimit = { key: targetLimitKey(target.cooperativeId), policy: INQUIRY_TARGET_POLICY };
  // The address first: an address over its limit then cannot use up the cooperative's share.
  await admitAttempt(db, [addressLimit, targetLimit], now);

  await checkTurnstile(context, input.turnstileToken);

  const source = await resolveSource(db, input.source);
  const score = spamScore(input);
  const spam = score >= SPAM_THRESHOLD;
  const inquiryId = newId();
  const reference = newReference();
  const row = {
    id: inquiryId,
    reference,
    cooperativeId: target.cooperativeId,
    productId: target.productId,
    ...buyerColumns(input),
    status: spam ? ('spam' as const) : ('new' as const),
    spamScore: score,
    idempotencyKey: context.idempotencyKey,
    requestFingerprint: context.idempotencyKey ? expected : null,
    ...source,
    createdAt: now,
    updatedAt: now,
  };
  const insert = context.idempotencyKey
    ? db.insert(inquiries).values(row).onConflictDoNothing({ target: inquiries.idempotencyKey })
    : db.insert(inquiries).values(row);
  const notifications = spam
    ? []
    : await newInquiryNotifications(db, { ...row, ...target, reference }, context.links, now);
  const receipt = spam ? [] : buyerReceipt(db, { ...row, ...target }, context.links, now);
  await db.batch([insert, ...notifications, ...receipt]);

  if (context.idempotencyKey) {
    // Two requests with one key at once: both inserts ran, one row won. Whoever lost answers with the winner.
    const stored = await findByIdempotencyKey(db, context.idempotencyKey);
    if (!stored) throw new Error('inquiry with idempotency key vanished');
    if (stored.id !== inquiryId) return replay(stored, expected);
  }
  return { kind: 'created', inquiryId, receipt: { reference, createdAt: now }, deliver: !spam };
}

/** The buyer's receipt and the private link it carries: statements for the inquiry's batch (none without an email). */
function buyerReceipt(
  db: Database,
  inquiry: {
    id: string;
    reference: string;
    email: string | null;
    locale: Locale;
    buyerName: string;
    message: string;
    cooperativeName: string;
    productName: string | null;
  },
  links: InquiryLinks,
  now: Date,
) {
  if (!inquiry.email) return [];
  const { token, statement } = issueThreadToken(db, inquiry.id, now);
  const mail = queueStatements(
    db,
    [
      {
        inquiryId: inquiry.id,
        kind: 'buyer_receipt',
        message: receiptMail(inquiry.locale, inquiry.email, {
          reference: inquiry.reference,
          buyerName: inquiry.buyerName,
          about: inquiry.productName ?? inquiry.cooperativeName,
          message: inquiry.message,
          threadLink: links.threadPage(inquiry.locale, token),
          statusLink: links.statusPage(inquiry.locale, inquiry.reference),
          replyTo: links.replyTo(token),
        }),
      },
    ],
    now,
  );
  return [statement, ...mail];
}

/** The statements queueing "new inquiry" mail to every recipient of the cooperative. */
export async function newInquiryNotifications(
  db: Database,
  inquiry: {
    id: string;
    reference: string;
    cooperativeId: string;
    cooperativeName: string;
    productName: string | null;
    buyerName: string;
    buyerOrganisation: string | null;
    email: string | null;
    phone: string | null;
    country: string;
    quantity: number | null;
    quantityUnit: string | null;
    wantedBy: string | null;
    message: string;
  },
  links: InquiryLinks,
  now: Date,
) {
  const recipients = await cooperativeRecipients(db, inquiry.cooperativeId);
  if (recipients.length === 0) return [];
  // One reply address for all of them: the inbound handler checks the sender is one of the cooperative's.
  const replyAddress = issueThreadToken(db, inquiry.id, now, 'cooperative');
  const mail = queueStatements(
    db,
    recipients.map((to) => ({
      inquiryId: inquiry.id,
      kind: 'cooperative_new' as const,
      message: newInquiryMail(to, {
        reference: inquiry.reference,
        about: inquiry.productName ?? inquiry.cooperativeName,
        buyerName: inquiry.buyerName,
        organisation: inquiry.buyerOrganisation,
        email: inquiry.email,
        phone: inquiry.phone,
        country: inquiry.country,
        quantity: inquiry.quantity,
        unit: inquiry.quantityUnit,
        wantedBy: inquiry.wantedBy,
        message: inquiry.message,
        inboxLink: links.inboxItem('vi', inquiry.reference),
        replyTo: links.replyTo(replyAddress.token),
      }),
    })),
    now,
  );
  return [replyAddress.statement, ...mail];
}
