/**
 * What the buyer sees of their inquiry, with its reference and the email (or
 * phone) they gave: the status, what they asked, and the cooperative's
 * replies. A wrong reference and a wrong email get the same answer
 * (NotFoundError with no detail), and failed look-ups are limited per client
 * address, so the page cannot be used to find out whose inquiries exist.
 */
import { asc, eq, inArray, or } from 'drizzle-orm';
import { admitAttempt, type RateLimitPolicy, refundAttempt } from '../accounts/rate-limit';
import { normaliseEmail } from '../accounts/users';
import type { Database } from '../db/client';
import { cooperatives, inquiries, inquiryReplies, products } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { INQUIRY_LIMITS } from './input';
import { normalisePhone } from './phone';
import { normaliseReference } from './reference';
import { type ProductName, withProductsNamed } from './request';
import type { InquiryMessageAuthor, InquiryStatus } from './vocabulary';

const MINUTE_MS = 60_000;
/** Twenty wrong guesses in 15 minutes is a person struggling; more is a script. */
export const STATUS_LOOKUP_POLICY: RateLimitPolicy = { limit: 20, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS };

/** The buyer's view of the status: a held spam inquiry looks merely received. */
export const PUBLIC_INQUIRY_STATUSES = ['received', 'read', 'replied', 'closed'] as const;
export type PublicInquiryStatus = (typeof PUBLIC_INQUIRY_STATUSES)[number];

export function publicStatus(status: InquiryStatus): PublicInquiryStatus {
  return status === 'new' || status === 'spam' ? 'received' : status;
}

/** The product an inquiry is about, from a row joined with products (left join: all null without one). */
export function publicProduct(row: {
  productSlug: string | null;
  productNameVi: string | null;
  productNameEn: string | null;
}): ProductName | null {
  return row.productSlug && row.productNameVi !== null
    ? { slug: row.productSlug, nameVi: row.productNameVi, nameEn: row.productNameEn ?? '' }
    : null;
}

export interface BuyerInquiryView {
  reference: string;
  status: PublicInquiryStatus;
  createdAt: Date;
  cooperative: { slug: string; name: string };
  product: ProductName | null;
  /** Every product the conversation is about: a request's thread may name several (then `product` is null). */
  products: ProductName[];
  message: string;
  quantity: number | null;
  unit: string | null;
  wantedBy: string | null;
  /** The cooperative's replies and the buyer's own answers, oldest first. */
  replies: { author: InquiryMessageAuthor; body: string; createdAt: Date }[];
}

/** What a reference finds: one conversation by its own reference, or a request's conversations by the request's. */
export type BuyerLookUp =
  { inquiry: BuyerInquiryView } | { request: { reference: string; conversations: BuyerInquiryView[] } };

/**
 * The API's look-up: a conversation by its own reference, or a request to
 * several cooperatives by the request's reference (request.ts), answering
 * each of its conversations with its own status. The two kinds of reference
 * come from the same generator and never meet, so which one was given is
 * read from what it found.
 */
export async function lookUpInquiry(
  db: Database,
  lookup: { reference: string; contact: string; clientAddress: string },
  now: Date,
): Promise<BuyerLookUp> {
  const views = await lookUp(db, lookup, now);
  const reference = normaliseReference(lookup.reference) ?? '';
  const [only] = views;
  if (views.length === 1 && only?.reference === reference) return { inquiry: only };
  return { request: { reference, conversations: views } };
}

/**
 * The status page's look-up: a conversation by its reference, or every
 * conversation of a request to several cooperatives by the request's
 * reference (request.ts), by reference (a request's threads are stored in
 * one batch, at the same time).
 */
export async function lookUpInquiries(
  db: Database,
  lookup: { reference: string; contact: string; clientAddress: string },
  now: Date,
): Promise<BuyerInquiryView[]> {
  return lookUp(db, lookup, now);
}

async function lookUp(
  db: Database,
  lookup: { reference: string; contact: string; clientAddress: string },
  now: Date,
): Promise<BuyerInquiryView[]> {
  const issues: Record<string, { code: string }> = {};
  if (!lookup.reference.trim()) issues.reference = { code: 'required' };
  if (!lookup.contact.trim()) issues.contact = { code: 'required' };
  if (Object.keys(issues).length > 0) throw new ValidationError(issues);

  // Counted before the look-up, given back when it finds the inquiry: only failed look-ups count.
  const limits = [{ key: `inquiry-status:address:${lookup.clientAddress}`, policy: STATUS_LOOKUP_POLICY }];
  await admitAttempt(db, limits, now);

  const reference = normaliseReference(lookup.reference);
  const contact = lookup.contact.trim();
  const rows = reference
    ? await db
        .select({
          id: inquiries.id,
          reference: inquiries.reference,
          status: inquiries.status,
          createdAt: inquiries.createdAt,
          email: inquiries.email,
          phone: inquiries.phone,
          message: inquiries.message,
          quantity: inquiries.quantity,
          unit: inquiries.quantityUnit,
          wantedBy: inquiries.wantedBy,
          cooperativeSlug: cooperatives.slug,
          cooperativeName: cooperatives.name,
          productSlug: products.slug,
          productNameVi: products.nameVi,
          productNameEn: products.nameEn,
        })
        .from(inquiries)
        .innerJoin(cooperatives, eq(cooperatives.id, inquiries.cooperativeId))
        .leftJoin(products, eq(products.id, inquiries.productId))
        .where(or(eq(inquiries.reference, reference), eq(inquiries.requestReference, reference)))
        // A request has at most requestCooperativesMax threads; the bound keeps a look-up small whatever happens.
        .orderBy(asc(inquiries.createdAt), asc(inquiries.reference))
        .limit(INQUIRY_LIMITS.requestCooperativesMax)
    : [];
  const matching = rows.filter(
    (row) =>
      (row.email !== null && row.email === normaliseEmail(contact)) ||
      (row.phone !== null && row.phone === normalisePhone(contact)),
  );
  if (matching.length === 0) throw new NotFoundError('inquiry', 'inquiry');
  await refundAttempt(db, limits, now);
  const ids = matching.map((row) => row.id);
  const replies = await db
    .select({
      inquiryId: inquiryReplies.inquiryId,
      author: inquiryReplies.author,
      body: inquiryReplies.body,
      createdAt: inquiryReplies.createdAt,
    })
    .from(inquiryReplies)
    .where(inArray(inquiryReplies.inquiryId, ids))
    .orderBy(asc(inquiryReplies.createdAt));
  const views = matching.map((row) => ({
    id: row.id,
    reference: row.reference,
    status: publicStatus(row.status),
    createdAt: row.createdAt,
    cooperative: { slug: row.cooperativeSlug, name: row.cooperativeName },
    product: publicProduct(row),
    message: row.message,
    quantity: row.quantity,
    unit: row.unit,
    wantedBy: row.wantedBy,
    replies: replies
      .filter((reply) => reply.inquiryId === row.id)
      .map(({ author, body, createdAt }) => ({ author, body, createdAt })),
  }));
  return (await withProductsNamed(db, views)).map(({ id: _id, ...view }) => view);
}
