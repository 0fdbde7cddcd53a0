/**
 * An inquiry's thread as its buyer sees and answers it, with no account: the
 * private link mailed to them carries a random token, of which only the
 * SHA-256 is stored (inquiry_thread_tokens). Every mail to the buyer carries a
 * fresh token; the buyer revokes them all at once from the page. An unknown
 * or revoked token gets the same NotFoundError with no detail.
 *
 * A buyer's answer is a message like the cooperative's replies (author
 * 'buyer'); it puts the inquiry back to 'new', so it counts as unread in the
 * cooperative's inbox, and queues mail to the cooperative, all in one batch.
 * Answers are limited per client address like inquiries themselves, and per
 * thread; a closed thread (or one held as spam) takes no answer.
 */
import { and, asc, eq, isNull, notInArray } from 'drizzle-orm';
import type { Locale } from '../../i18n';
import { admitAttempt, type RateLimitPolicy } from '../accounts/rate-limit';
import { hashToken } from '../accounts/tokens';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { cooperatives, inquiries, inquiryReplies, inquiryThreadTokens, products } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { INQUIRY_LIMITS } from './input';
import type { InquiryLinks } from './links';
import { buyerAnswerMail } from './mail';
import { cooperativeRecipients, queueStatements } from './notifications';
import { type ProductName, withProductsNamed } from './request';
import { issueThreadToken } from './thread-tokens';
import { publicProduct, type PublicInquiryStatus, publicStatus } from './status';
import { addressLimitKey, INQUIRY_ADDRESS_POLICY } from './submit';
import type { InquiryMessageAuthor, InquiryStatus } from './vocabulary';

const HOUR_MS = 60 * 60 * 1000;
/** A conversation about one order needs a handful of answers an hour; more is a script or a loop. */
export const THREAD_ANSWER_POLICY: RateLimitPolicy = { limit: 20, windowMs: HOUR_MS, lockMs: HOUR_MS };

/** The same limits as the inquiry's own message. */
export const ANSWER_MAX_LENGTH = INQUIRY_LIMITS.messageMax;

/** Statuses in which the thread takes no answer from the buyer. */
const CLOSED_TO_BUYER: InquiryStatus[] = ['closed', 'spam'];

export function threadLimitKey(inquiryId: string) {
  return `inquiry-thread:${inquiryId}`;
}

export interface ThreadMessage {
  author: InquiryMessageAuthor;
  body: string;
  createdAt: Date;
}

export interface BuyerThreadView {
  reference: string;
  status: PublicInquiryStatus;
  /** Whether the buyer can still answer (not closed by the cooperative). */
  open: boolean;
  createdAt: Date;
  locale: Locale;
  buyerName: string;
  cooperative: { slug: string; name: string };
  product: ProductName | null;
  /** Every product the thread is about (a request's thread may name several; `product` is then null). */
  products: ProductName[];
  quantity: number | null;
  unit: string | null;
  wantedBy: string | null;
  /** The inquiry itself first, then every reply and answer, oldest first. */
  messages: ThreadMessage[];
}

async function findThread(db: Database, token: string) {
  const [row] = await db
    .select({
      id: inquiries.id,
      reference: inquiries.reference,
      status: inquiries.status,
      createdAt: inquiries.createdAt,
      locale: inquiries.locale,
      buyerName: inquiries.buyerName,
      message: inquiries.message,
      quantity: inquiries.quantity,
      unit: inquiries.quantityUnit,
      wantedBy: inquiries.wantedBy,
      cooperativeId: inquiries.cooperativeId,
      cooperativeSlug: cooperatives.slug,
      cooperativeName: cooperatives.name,
      productSlug: products.slug,
      productNameVi: products.nameVi,
      productNameEn: products.nameEn,
    })
    .from(inquiryThreadTokens)
    .innerJoin(inquiries, eq(inquiries.id, inquiryThreadTokens.inquiryId))
    .innerJoin(cooperatives, eq(cooperatives.id, inquiries.cooperativeId))
    .leftJoin(products, eq(products.id, inquiries.productId))
    // The hash is unique and indexed; a token of any other shape simply matches nothing. Only the buyer's
    // tokens open the page: the cooperative's are reply addresses and nothing more.
    .where(
      and(
        eq(inquiryThreadTokens.tokenHash, hashToken(token)),
        isNull(inquiryThreadTokens.revokedAt),
        eq(inquiryThreadTokens.party, 'buyer'),
      ),
    )
    .limit(1);
  if (!row) throw new NotFoundError('inquiry', 'inquiry');
  return row;
}

export async function readThread(db: Database, token: string): Promise<BuyerThreadView> {
  const row = await findThread(db, token);
  const replies = await db
    .select({ author: inquiryReplies.author, body: inquiryReplies.body, createdAt: inquiryReplies.createdAt })
    .from(inquiryReplies)
    .where(eq(inquiryReplies.inquiryId, row.id))
    .orderBy(asc(inquiryReplies.createdAt));
  const [about] = await withProductsNamed(db, [{ id: row.id, product: publicProduct(row) }]);
  return {
    reference: row.reference,
    status: publicStatus(row.status),
    open: !CLOSED_TO_BUYER.includes(row.status),
    createdAt: row.createdAt,
    locale: row.locale,
    buyerName: row.buyerName,
    cooperative: { slug: row.cooperativeSlug, name: row.cooperativeName },
    product: about?.product ?? null,
    products: about?.products ?? [],
    quantity: row.quantity,
    unit: row.unit,
    wantedBy: row.wantedBy,
    messages: [{ author: 'buyer', body: row.message, createdAt: row.createdAt }, ...replies],
  };
}

export interface AnswerOutcome {
  inquiryId: string;
  replyId: string;
  /** Mail to the cooperative was queued. */
  notify: boolean;
}

/** The buyer answers on the thread: the message, the inquiry back to unread, the cooperative's mail; one batch. */
export async function answerThread(
  db: Database,
  answer: { token: string; body: string; clientAddress: string },
  links: InquiryLinks,
  now: Date,
): Promise<AnswerOutcome> {
  const row = await findThread(db, answer.token);
  const text = answer.body.normalize('NFC').trim();
  if (!text) throw new ValidationError({ body: { code: 'required' } });
  if (text.length > ANSWER_MAX_LENGTH)
    throw new ValidationError({ body: { code: 'too_long', params: { max: ANSWER_MAX_LENGTH } } });
  if (CLOSED_TO_BUYER.includes(row.status)) throw new ValidationError({ body: { code: 'thread_closed' } });
  await admitAttempt(
    db,
    [
      { key: addressLimitKey(answer.clientAddress), policy: INQUIRY_ADDRESS_POLICY },
      { key: threadLimitKey(row.id), policy: THREAD_ANSWER_POLICY },
    ],
    now,
  );
  return storeBuyerAnswer(db, row, text, links, now);
}

/**
 * The buyer's answer, already checked (open thread, text within limits, rate limits), from the page or by
 * mail (inbound-mail.ts): the message, the inquiry back to unread, the cooperative's mail; one batch.
 */
export async function storeBuyerAnswer(
  db: Database,
  row: { id: string; reference: string; buyerName: string; cooperativeId: string },
  text: string,
  links: InquiryLinks,
  now: Date,
): Promise<AnswerOutcome> {
  const replyId = newId();
  const stillOpen = and(eq(inquiries.id, row.id), notInArray(inquiries.status, CLOSED_TO_BUYER));
  const recipients = await cooperativeRecipients(db, row.cooperativeId);
  const replyAddress = recipients.length > 0 ? issueThreadToken(db, row.id, now, 'cooperative') : null;
  const mail = queueStatements(
    db,
    recipients.map((to) => ({
      inquiryId: row.id,
      kind: 'cooperative_buyer_reply' as const,
      replyId,
      message: buyerAnswerMail(to, {
        reference: row.reference,
        buyerName: row.buyerName,
        answer: text,
        inboxLink: links.inboxItem('vi', row.reference),
        replyTo: replyAddress ? links.replyTo(replyAddress.token) : undefined,
      }),
    })),
    now,
  );
  // A member closing the thread at the same moment keeps it closed (the update is conditional); the answer
  // that crossed the close is kept, as the member would see a mail that crossed it.
  await db.batch([
    db
      .insert(inquiryReplies)
      .values({ id: replyId, inquiryId: row.id, author: 'buyer', authorUserId: null, body: text, createdAt: now }),
    db.update(inquiries).set({ status: 'new', updatedAt: now }).where(stillOpen),
    ...(replyAddress ? [replyAddress.statement] : []),
    ...mail,
  ]);
  return { inquiryId: row.id, replyId, notify: mail.length > 0 };
}

/** The buyer withdraws every private link to the thread (this one included); the thread itself stays. */
export async function revokeThreadLinks(db: Database, token: string, now: Date): Promise<{ reference: string }> {
  const row = await findThread(db, token);
  await db
    .update(inquiryThreadTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(inquiryThreadTokens.inquiryId, row.id),
        eq(inquiryThreadTokens.party, 'buyer'),
        isNull(inquiryThreadTokens.revokedAt),
      ),
    );
  return { reference: row.reference };
}
