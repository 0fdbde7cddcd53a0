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
import { productsOfThreads } from './request';
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
}): { slug: string; nameVi: string; nameEn: string } | null {
  return row.productSlug && row.productNameVi !== null
    ? { slug: row.productSlug, nameVi: row.productNameVi, nameEn: row.productNameEn ?? '' }
    : null;
}

export interface BuyerInquiryView {
  reference: string;
  status: PublicInquiryStatus;
  createdAt: Date;
  cooperative: { slug: string; name: string };
  product: { slug: string; nameVi: string; nameEn: string } | null;
  /** Every product the conversation is about: a request's thread may name several (then `product` is null). */
  products: { slug: string; nameVi: string; nameEn: string }[];
  message: string;
  quantity: number | null;
  unit: string | null;
  wantedBy: string | null;
  /** The cooperative's replies and the buyer's own answers, oldest first. */
  replies: { author: InquiryMessageAuthor; body: string; createdAt: Date }[];
}

/** The API's look-up: one conversation, by its own reference (a request's reference lists its conversations in its receipt). */
export async function lookUpInquiry(
  db: Database,
  lookup: { reference: string; contact: string; clientAddress: string },
  now: Date,
): Promise<BuyerInquiryView> {
  const [view] = await lookUp(db, lookup, now, false);
  if (!view) throw new NotFoundError('inquiry', 'inquiry');
  return view;
}

/**
 * The status page's look-up: a conversation by its reference, or every
 * conversation of a request to several cooperatives by the request's
 * reference (request.ts), in the order the request named them.
 */
export async function lookUpInquiries(
  db: Database,
  lookup: { reference: string; contact: string; clientAddress: string },
  now: Date,
): Promise<BuyerInquiryView[]> {
  return lookUp(db, lookup, now, true);
}

async function lookUp(
  db: Database,
  lookup: { reference: string; contact: string; clientAddress: string },
  now: Date,
  withRequests: boolean,
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
        .where(
          withRequests
            ? or(eq(inquiries.reference, reference), eq(inquiries.requestReference, reference))
            : eq(inquiries.reference, reference),
        )
        // A request has at most requestCooperativesMax threads; the bound keeps a look-up small whatever happens.
        .orderBy(asc(inquiries.createdAt), asc(inquiries.id))
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
  const named = await productsOfThreads(db, ids);
  return matching.map((row) => {
    const product = publicProduct(row);
    return {
      reference: row.reference,
      status: publicStatus(row.status),
      createdAt: row.createdAt,
      cooperative: { slug: row.cooperativeSlug, name: row.cooperativeName },
      product,
      products: named.get(row.id) ?? (product ? [product] : []),
      message: row.message,
      quantity: row.quantity,
      unit: row.unit,
      wantedBy: row.wantedBy,
      replies: replies
        .filter((reply) => reply.inquiryId === row.id)
        .map(({ author, body, createdAt }) => ({ author, body, createdAt })),
    };
  });
}
