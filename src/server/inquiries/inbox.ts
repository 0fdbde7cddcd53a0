/**
 * The cooperative's inbox: members of a cooperative read, answer, close and
 * sort their own cooperative's inquiries, and nobody else's (every verb
 * looks an inquiry up within the member's cooperative only, so another's
 * answers as an unknown one). Status
 * changes are conditional updates, so two members acting at once leave a
 * status that one of them chose, never a mix.
 */
import { and, asc, count, desc, eq, ne, sql } from 'drizzle-orm';
import { requireCooperativeMember } from '../accounts/guards';
import type { Locale } from '../../i18n';
import type { SessionUser } from '../accounts/users';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { cooperatives, inquiries, inquiryNotifications, inquiryReplies, products, users } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import type { InquiryLinks } from './links';
import { replyMail } from './mail';
import { queueStatements } from './notifications';
import { issueThreadToken } from './thread-tokens';
import { normaliseReference } from './reference';
import { type ProductName, withProductsNamed } from './request';
import { publicProduct } from './status';
import { newInquiryNotifications } from './submit';
import { INQUIRY_STATUSES, type InquiryMessageAuthor, type InquiryStatus } from './vocabulary';

export const INBOX_PAGE_SIZE = 25;
export const REPLY_MAX_LENGTH = 5000;

/** 'all' is every inquiry but spam, which waits under its own filter. */
export type InboxFilter = InquiryStatus | 'all';

export function parseInboxFilter(value: string | null | undefined): InboxFilter {
  return (INQUIRY_STATUSES as readonly string[]).includes(value ?? '') ? (value as InquiryStatus) : 'all';
}

export interface InboxItem {
  reference: string;
  status: InquiryStatus;
  createdAt: Date;
  buyerName: string;
  buyerOrganisation: string | null;
  country: string;
  productNameVi: string | null;
  productNameEn: string | null;
  /** Every product the thread is about: its one product, or those a request to several cooperatives named. */
  products: ProductName[];
  excerpt: string;
}

export interface InboxPage {
  cooperativeId: string;
  filter: InboxFilter;
  items: InboxItem[];
  counts: Record<InquiryStatus, number>;
  page: number;
  pageCount: number;
}

function memberCooperative(user: SessionUser | null | undefined): string {
  const cooperativeId = user?.cooperativeId ?? '';
  requireCooperativeMember(user, cooperativeId);
  return cooperativeId;
}

export async function countByStatus(db: Database, cooperativeId: string): Promise<Record<InquiryStatus, number>> {
  const rows = await db
    .select({ status: inquiries.status, n: count() })
    .from(inquiries)
    .where(eq(inquiries.cooperativeId, cooperativeId))
    .groupBy(inquiries.status);
  const counts = Object.fromEntries(INQUIRY_STATUSES.map((s) => [s, 0])) as Record<InquiryStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** New (unopened) inquiries of the member's cooperative, for the navigation; 0 for anyone else. */
export async function countUnread(db: Database, user: SessionUser | null | undefined): Promise<number> {
  if (user?.role !== 'member' || !user.cooperativeId) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(inquiries)
    .where(and(eq(inquiries.cooperativeId, user.cooperativeId), eq(inquiries.status, 'new')));
  return row?.n ?? 0;
}

export async function listInbox(
  db: Database,
  user: SessionUser | null | undefined,
  filter: InboxFilter,
  page: number,
): Promise<InboxPage> {
  const cooperativeId = memberCooperative(user);
  const counts = await countByStatus(db, cooperativeId);
  const where =
    filter === 'all'
      ? and(eq(inquiries.cooperativeId, cooperativeId), ne(inquiries.status, 'spam'))
      : and(eq(inquiries.cooperativeId, cooperativeId), eq(inquiries.status, filter));
  const total = filter === 'all' ? Object.values(counts).reduce((a, b) => a + b, 0) - counts.spam : counts[filter];
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = await db
    .select({
      id: inquiries.id,
      reference: inquiries.reference,
      status: inquiries.status,
      createdAt: inquiries.createdAt,
      buyerName: inquiries.buyerName,
      buyerOrganisation: inquiries.buyerOrganisation,
      country: inquiries.country,
      message: inquiries.message,
      productSlug: products.slug,
      productNameVi: products.nameVi,
      productNameEn: products.nameEn,
    })
    .from(inquiries)
    .leftJoin(products, eq(products.id, inquiries.productId))
    .where(where)
    .orderBy(desc(inquiries.createdAt))
    .limit(INBOX_PAGE_SIZE)
    .offset((current - 1) * INBOX_PAGE_SIZE);
  return {
    cooperativeId,
    filter,
    counts,
    page: current,
    pageCount,
    items: (
      await withProductsNamed(
        db,
        rows.map((row) => ({ ...row, product: publicProduct(row) })),
      )
    ).map(({ id: _id, productSlug: _slug, product: _product, message, ...row }) => ({
      ...row,
      excerpt: message.length > 140 ? `${message.slice(0, 139)}…` : message,
    })),
  };
}

export interface InquiryDetail {
  id: string;
  reference: string;
  status: InquiryStatus;
  createdAt: Date;
  buyerName: string;
  buyerOrganisation: string | null;
  email: string | null;
  phone: string | null;
  country: string;
  quantity: number | null;
  unit: string | null;
  wantedBy: string | null;
  message: string;
  locale: 'vi' | 'en';
  spamScore: number;
  product: ProductName | null;
  /** Every product the thread is about (a request's thread may name several; `product` is then null). */
  products: ProductName[];
  cooperativeName: string;
  /** The thread after the inquiry itself: the cooperative's replies and the buyer's answers, oldest first. */
  replies: { id: string; author: InquiryMessageAuthor; body: string; createdAt: Date; authorName: string | null }[];
  /** When the buyer last wrote: their latest answer, or the inquiry itself. */
  buyerLastWroteAt: Date;
}

/**
 * One inquiry of the member's own cooperative. NotFoundError for an unknown
 * reference and, alike, for another cooperative's: the reference is found
 * within the member's cooperative only, so a 403 cannot tell which exist.
 */
async function loadOwnInquiry(db: Database, user: SessionUser | null | undefined, reference: string) {
  const cooperativeId = memberCooperative(user);
  const normalised = normaliseReference(reference);
  const [row] = normalised
    ? await db
        .select({
          id: inquiries.id,
          reference: inquiries.reference,
          cooperativeId: inquiries.cooperativeId,
          status: inquiries.status,
          createdAt: inquiries.createdAt,
          buyerName: inquiries.buyerName,
          buyerOrganisation: inquiries.buyerOrganisation,
          // An anonymised inquiry keeps a placeholder address (src/server/privacy/erasure.ts): never shown, never mailed.
          email: sql<string | null>`CASE WHEN ${inquiries.anonymisedAt} IS NULL THEN ${inquiries.email} END`,
          phone: inquiries.phone,
          country: inquiries.country,
          quantity: inquiries.quantity,
          unit: inquiries.quantityUnit,
          wantedBy: inquiries.wantedBy,
          message: inquiries.message,
          locale: inquiries.locale,
          spamScore: inquiries.spamScore,
          productId: inquiries.productId,
          productSlug: products.slug,
          productNameVi: products.nameVi,
          productNameEn: products.nameEn,
          cooperativeName: cooperatives.name,
        })
        .from(inquiries)
        .innerJoin(cooperatives, eq(cooperatives.id, inquiries.cooperativeId))
        .leftJoin(products, eq(products.id, inquiries.productId))
        .where(and(eq(inquiries.reference, normalised), eq(inquiries.cooperativeId, cooperativeId)))
        .limit(1)
    : [];
  if (!row) throw new NotFoundError('inquiry');
  return row;
}

/** Opens an inquiry: a new one becomes read. */
export async function openInquiry(
  db: Database,
  user: SessionUser | null | undefined,
  reference: string,
  now: Date,
): Promise<InquiryDetail> {
  const row = await loadOwnInquiry(db, user, reference);
  let status = row.status;
  if (status === 'new') {
    await db
      .update(inquiries)
      .set({ status: 'read', updatedAt: now })
      .where(and(eq(inquiries.id, row.id), eq(inquiries.status, 'new')));
    status = 'read';
  }
  const replies = await db
    .select({
      id: inquiryReplies.id,
      author: inquiryReplies.author,
      body: inquiryReplies.body,
      createdAt: inquiryReplies.createdAt,
      authorName: users.displayName,
    })
    .from(inquiryReplies)
    .leftJoin(users, eq(users.id, inquiryReplies.authorUserId))
    .where(eq(inquiryReplies.inquiryId, row.id))
    .orderBy(asc(inquiryReplies.createdAt));
  const { productSlug: _s, productNameVi: _v, productNameEn: _e, productId: _p, cooperativeId: _c, ...rest } = row;
  const [about] = await withProductsNamed(db, [{ id: row.id, product: publicProduct(row) }]);
  return {
    ...rest,
    status,
    product: about?.product ?? null,
    products: about?.products ?? [],
    replies,
    buyerLastWroteAt: replies.reduce(
      (latest, reply) => (reply.author === 'buyer' && reply.createdAt > latest ? reply.createdAt : latest),
      row.createdAt,
    ),
  };
}

export interface ReplyOutcome {
  inquiryId: string;
  replyId: string;
  /** A mail to the buyer was queued (they gave an email). */
  notify: boolean;
}

/** Stores a reply, marks the inquiry replied (and when it was first answered), and queues the mail to the buyer: one batch. */
export async function replyToInquiry(
  db: Database,
  user: SessionUser | null | undefined,
  reference: string,
  body: string,
  links: InquiryLinks,
  now: Date,
): Promise<ReplyOutcome> {
  const row = await loadOwnInquiry(db, user, reference);
  const text = body.normalize('NFC').trim();
  if (!text) throw new ValidationError({ body: { code: 'required' } });
  if (text.length > REPLY_MAX_LENGTH)
    throw new ValidationError({ body: { code: 'too_long', params: { max: REPLY_MAX_LENGTH } } });
  if (row.status === 'spam') throw new ValidationError({ body: { code: 'reply_to_spam' } });
  return storeCooperativeReply(db, row, user?.id ?? null, text, links, now);
}

/**
 * The cooperative's reply, already checked (its own inquiry, not spam, text within limits), from the inbox or by
 * mail (inbound-mail.ts; `authorUserId` null when the cooperative's public address wrote): the message, the
 * inquiry marked replied (and when it was first answered), the buyer's mail with a fresh link; one batch.
 */
export async function storeCooperativeReply(
  db: Database,
  row: {
    id: string;
    reference: string;
    email: string | null;
    locale: Locale;
    buyerName: string;
    cooperativeName: string;
  },
  authorUserId: string | null,
  text: string,
  links: InquiryLinks,
  now: Date,
): Promise<ReplyOutcome> {
  const replyId = newId();
  // Each reply mail carries a link of its own, so a buyer who lost the receipt (or revoked its link) can answer.
  const link = row.email ? issueThreadToken(db, row.id, now) : null;
  const mail =
    row.email && link
      ? [
          link.statement,
          ...queueStatements(
            db,
            [
              {
                inquiryId: row.id,
                kind: 'buyer_reply',
                replyId,
                message: replyMail(row.locale, row.email, {
                  reference: row.reference,
                  buyerName: row.buyerName,
                  cooperative: row.cooperativeName,
                  reply: text,
                  threadLink: links.threadPage(row.locale, link.token),
                  statusLink: links.statusPage(row.locale, row.reference),
                  replyTo: links.replyTo(link.token),
                }),
              },
            ],
            now,
          ),
        ]
      : [];
  await db.batch([
    db.insert(inquiryReplies).values({
      id: replyId,
      inquiryId: row.id,
      author: 'cooperative',
      authorUserId,
      body: text,
      createdAt: now,
    }),
    db
      .update(inquiries)
      .set({
        status: 'replied',
        firstRepliedAt: sql`coalesce(${inquiries.firstRepliedAt}, ${now.getTime()})`,
        updatedAt: now,
      })
      .where(eq(inquiries.id, row.id)),
    ...mail,
  ]);
  return { inquiryId: row.id, replyId, notify: mail.length > 0 };
}

export const INQUIRY_ACTIONS = ['close', 'reopen', 'spam', 'not_spam'] as const;
export type InquiryAction = (typeof INQUIRY_ACTIONS)[number];

export interface ActionOutcome {
  inquiryId: string;
  status: InquiryStatus;
  /** Notifications held back as spam were queued now. */
  notify: boolean;
}

/**
 * close: done with it; reopen: back to read (or replied, if answered);
 * spam: held, no reply possible; not_spam: back to read, and the mail that
 * spam held back is queued for the cooperative's other members.
 */
export async function actOnInquiry(
  db: Database,
  user: SessionUser | null | undefined,
  reference: string,
  action: InquiryAction,
  links: InquiryLinks,
  now: Date,
): Promise<ActionOutcome> {
  const row = await loadOwnInquiry(db, user, reference);
  const [answered] = await db.select({ n: count() }).from(inquiryReplies).where(eq(inquiryReplies.inquiryId, row.id));
  const afterOpen: InquiryStatus = (answered?.n ?? 0) > 0 ? 'replied' : 'read';
  const next: InquiryStatus = action === 'close' ? 'closed' : action === 'spam' ? 'spam' : afterOpen;
  if (action === 'close' && row.status === 'spam') throw new ValidationError({ action: { code: 'invalid_value' } });
  if (action === 'not_spam' && row.status !== 'spam') return { inquiryId: row.id, status: row.status, notify: false };
  if (action === 'reopen' && row.status !== 'closed') return { inquiryId: row.id, status: row.status, notify: false };
  const update = db
    .update(inquiries)
    .set({
      status: next,
      updatedAt: now,
      ...(action === 'spam' ? { spamScore: sql`max(${inquiries.spamScore}, 100)` } : {}),
    })
    .where(and(eq(inquiries.id, row.id), eq(inquiries.status, row.status)));
  if (action !== 'not_spam') {
    await update;
    return { inquiryId: row.id, status: next, notify: false };
  }
  const [queued] = await db
    .select({ n: count() })
    .from(inquiryNotifications)
    .where(and(eq(inquiryNotifications.inquiryId, row.id), eq(inquiryNotifications.kind, 'cooperative_new')));
  const held =
    (queued?.n ?? 0) === 0
      ? await newInquiryNotifications(
          db,
          {
            ...row,
            quantityUnit: row.unit,
            productName: row.productNameVi,
          },
          links,
          now,
        )
      : [];
  await db.batch([update, ...held]);
  return { inquiryId: row.id, status: next, notify: held.length > 0 };
}
