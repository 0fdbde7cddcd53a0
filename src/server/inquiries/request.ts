/**
 * One request to several cooperatives (from the shortlist, or the API's
 * POST /inquiries/requests): the buyer writes once about a list of products,
 * and each cooperative concerned receives its own thread naming its products
 * from the list. The threads are ordinary inquiries (their own reference,
 * private link, reply address, inbox entry); they share the request's
 * reference, which the buyer's one receipt and the status page use.
 *
 * The same defences as an inquiry to one cooperative (submit.ts), in the same
 * order: fields (422; an unknown product is `products.{i}` at its position),
 * honeypot, fill time, Idempotency-Key, rate limits, Turnstile, spam. The
 * client address's limit counts the request once, whatever the number of
 * cooperatives; each cooperative's own limit counts its thread. A request
 * reaches at most INQUIRY_LIMITS.requestCooperativesMax cooperatives and
 * names at most INQUIRY_LIMITS.requestProductsMax products (input.ts).
 *
 * Every row and every queued mail is in one db.batch: a failure stores
 * nothing. With an Idempotency-Key, thread i stores `{key}#{i}` (the key's
 * pattern has no '#', so it never meets a single inquiry's key). Two requests
 * racing with one key both run their batch; the second's first thread meets
 * the unique index and the whole batch is refused, so nothing of it is
 * stored, even when it names more cooperatives than the first (an insert
 * that merely did nothing on conflict would have let its extra threads in).
 * It then answers as a repeat would: the first's receipt for the same
 * products, 422 for others.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '../../i18n';
import { admitAttempt } from '../accounts/rate-limit';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { isUniqueViolation } from '../db/unique-violation';
import { cooperatives, inquiries, inquiryProducts, products } from '../db/schema';
import { type FieldIssues, ValidationError } from '../errors';
import { INQUIRY_LIMITS, type InquiryRequestInput, parseInquiryRequest } from './input';
import type { InquiryLinks } from './links';
import { requestReceiptMail } from './mail';
import { queueStatements } from './notifications';
import { newReference } from './reference';
import { spamScore, SPAM_THRESHOLD } from './spam';
import {
  addressLimitKey,
  buyerColumns,
  checkIdempotencyKey,
  checkTurnstile,
  fingerprintOf,
  INQUIRY_ADDRESS_POLICY,
  INQUIRY_TARGET_POLICY,
  newInquiryNotifications,
  resolveSource,
  screenSubmission,
  type SubmissionContext,
  targetLimitKey,
} from './submit';
import { issueThreadToken } from './thread-tokens';

/** A public product a request names, with its cooperative. */
export interface RequestedProduct {
  id: string;
  slug: string;
  nameVi: string;
  nameEn: string;
  cooperativeId: string;
  cooperativeSlug: string;
  cooperativeName: string;
}

/** One cooperative's share of a request: the thread it receives. */
export interface CooperativeShare {
  cooperativeId: string;
  cooperativeSlug: string;
  cooperativeName: string;
  products: RequestedProduct[];
}

/** The slugs once each, in the order first named. */
export function distinctSlugs(slugs: readonly string[]): string[] {
  return [...new Set(slugs)];
}

/** The products by cooperative, cooperatives in the order their first product was named, products in the buyer's order. */
export function groupByCooperative(requested: readonly RequestedProduct[]): CooperativeShare[] {
  const shares = new Map<string, CooperativeShare>();
  for (const product of requested) {
    const share = shares.get(product.cooperativeId) ?? {
      cooperativeId: product.cooperativeId,
      cooperativeSlug: product.cooperativeSlug,
      cooperativeName: product.cooperativeName,
      products: [],
    };
    if (!share.products.some((known) => known.id === product.id)) share.products.push(product);
    shares.set(product.cooperativeId, share);
  }
  return [...shares.values()];
}

/** What the thread is about, as its mails name it: its products' Vietnamese names. */
export function shareSubject(share: CooperativeShare): string {
  return share.products.map((product) => product.nameVi).join(', ');
}

/**
 * The named products, each public with an active cooperative, grouped into
 * threads; a ValidationError naming each unknown slug by its position, or
 * the list when it spans more cooperatives than a request may reach.
 */
async function resolveShares(db: Database, slugs: readonly string[]): Promise<CooperativeShare[]> {
  const distinct = distinctSlugs(slugs);
  const found = await db
    .select({
      id: products.id,
      slug: products.slug,
      nameVi: products.nameVi,
      nameEn: products.nameEn,
      cooperativeId: cooperatives.id,
      cooperativeSlug: cooperatives.slug,
      cooperativeName: cooperatives.name,
    })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .where(and(inArray(products.slug, distinct), eq(products.status, 'published'), eq(cooperatives.status, 'active')));
  const bySlug = new Map(found.map((product) => [product.slug, product]));
  const issues: FieldIssues = {};
  slugs.forEach((slug, i) => {
    if (!bySlug.has(slug)) issues[`products.${i}`] = { code: 'unknown_product' };
  });
  if (Object.keys(issues).length > 0) throw new ValidationError(issues);
  const shares = groupByCooperative(distinct.map((slug) => bySlug.get(slug) as RequestedProduct));
  if (shares.length > INQUIRY_LIMITS.requestCooperativesMax) {
    throw new ValidationError({
      products: { code: 'too_many_cooperatives', params: { max: INQUIRY_LIMITS.requestCooperativesMax } },
    });
  }
  return shares;
}

/** One conversation of a request, as the buyer's receipt and the API's answer list it. */
export interface RequestConversation {
  reference: string;
  cooperative: { slug: string; name: string };
  products: { slug: string; nameVi: string; nameEn: string }[];
}

export interface RequestReceipt {
  /** The request's reference: the status page shows every conversation under it. */
  reference: string;
  createdAt: Date;
  conversations: RequestConversation[];
}

export type RequestOutcome =
  /** Stored; `deliver` says whether notifications were queued (not for spam). */
  | { kind: 'created'; inquiryIds: string[]; receipt: RequestReceipt; deliver: boolean }
  /** The same Idempotency-Key and the same fields again: the request already stored. */
  | { kind: 'replayed'; receipt: RequestReceipt }
  /** The honeypot was filled in: a receipt that leads nowhere, and nothing stored. */
  | { kind: 'dropped'; receipt: RequestReceipt };

const threadKey = (key: string, index: number) => `${key}#${index}`;

/** The request stored under an Idempotency-Key, with its conversations; null when there is none. */
async function findRequestByKey(db: Database, key: string) {
  const rows = await db
    .select({
      id: inquiries.id,
      reference: inquiries.reference,
      requestReference: inquiries.requestReference,
      idempotencyKey: inquiries.idempotencyKey,
      fingerprint: inquiries.requestFingerprint,
      createdAt: inquiries.createdAt,
      cooperativeSlug: cooperatives.slug,
      cooperativeName: cooperatives.name,
    })
    .from(inquiries)
    .innerJoin(cooperatives, eq(cooperatives.id, inquiries.cooperativeId))
    // A LIKE over the key would need escaping and D1 refuses long patterns: the threads' keys are listed instead.
    .where(
      inArray(
        inquiries.idempotencyKey,
        Array.from({ length: INQUIRY_LIMITS.requestCooperativesMax }, (_, i) => threadKey(key, i)),
      ),
    );
  const first = rows.find((row) => row.idempotencyKey === threadKey(key, 0));
  if (!first?.requestReference) return null;
  const threads = rows
    .filter((row) => row.requestReference === first.requestReference)
    .sort((a, b) => threadIndex(a.idempotencyKey) - threadIndex(b.idempotencyKey));
  const named = await productsOfThreads(
    db,
    threads.map((thread) => thread.id),
  );
  return {
    id: first.id,
    fingerprint: first.fingerprint,
    receipt: {
      reference: first.requestReference,
      createdAt: first.createdAt,
      conversations: threads.map((thread) => ({
        reference: thread.reference,
        cooperative: { slug: thread.cooperativeSlug, name: thread.cooperativeName },
        products: named.get(thread.id) ?? [],
      })),
    },
  };
}

function threadIndex(key: string | null): number {
  return Number(key?.slice(key.lastIndexOf('#') + 1) ?? 0);
}

/** A product as a conversation names it. */
export interface ProductName {
  slug: string;
  nameVi: string;
  nameEn: string;
}

/** The products each of these threads names, in the buyer's order. */
export async function productsOfThreads(db: Database, inquiryIds: readonly string[]) {
  const named = new Map<string, ProductName[]>();
  if (inquiryIds.length === 0) return named;
  const rows = await db
    .select({
      inquiryId: inquiryProducts.inquiryId,
      slug: products.slug,
      nameVi: products.nameVi,
      nameEn: products.nameEn,
    })
    .from(inquiryProducts)
    .innerJoin(products, eq(products.id, inquiryProducts.productId))
    .where(inArray(inquiryProducts.inquiryId, [...inquiryIds]))
    .orderBy(inquiryProducts.position);
  for (const { inquiryId, ...product } of rows) named.set(inquiryId, [...(named.get(inquiryId) ?? []), product]);
  return named;
}

/**
 * Every product each thread is about: those a request named (inquiry_products;
 * its `product` is then null), else its one product, else none (an inquiry
 * to the cooperative as a whole). One query for the lot.
 */
export async function withProductsNamed<T extends { id: string; product: ProductName | null }>(
  db: Database,
  threads: readonly T[],
): Promise<(T & { products: ProductName[] })[]> {
  const named = await productsOfThreads(
    db,
    threads.filter((thread) => thread.product === null).map((thread) => thread.id),
  );
  return threads.map((thread) => ({
    ...thread,
    products: thread.product ? [thread.product] : (named.get(thread.id) ?? []),
  }));
}

function replayRequest(
  found: NonNullable<Awaited<ReturnType<typeof findRequestByKey>>>,
  expected: string,
): RequestOutcome {
  if (found.fingerprint !== expected) throw new ValidationError({ idempotencyKey: { code: 'idempotency_key_reused' } });
  return { kind: 'replayed', receipt: found.receipt };
}

export async function submitInquiryRequest(
  db: Database,
  raw: unknown,
  context: SubmissionContext,
  now: Date,
): Promise<RequestOutcome> {
  checkIdempotencyKey(context);
  const input = parseInquiryRequest(raw, now, context.locale);
  const addressLimit = { key: addressLimitKey(context.clientAddress), policy: INQUIRY_ADDRESS_POLICY };
  if ((await screenSubmission(db, input, context, now)) === 'dropped') {
    return { kind: 'dropped', receipt: { reference: newReference(), createdAt: now, conversations: [] } };
  }
  const expected = fingerprintOf(input, { products: distinctSlugs(input.productSlugs) });
  if (context.idempotencyKey) {
    const existing = await findRequestByKey(db, context.idempotencyKey);
    if (existing) return replayRequest(existing, expected);
  }

  const shares = await resolveShares(db, input.productSlugs);
  // The address once for the whole request, first (see submit.ts); then each cooperative's inbox.
  await admitAttempt(
    db,
    [
      addressLimit,
      ...shares.map((share) => ({ key: targetLimitKey(share.cooperativeId), policy: INQUIRY_TARGET_POLICY })),
    ],
    now,
  );

  await checkTurnstile(context, input.turnstileToken);

  const source = await resolveSource(db, input.source);
  const score = spamScore(input);
  const spam = score >= SPAM_THRESHOLD;
  const requestReference = newReference();
  const threads = shares.map((share, index) => ({
    share,
    id: newId(),
    reference: newReference(),
    idempotencyKey: context.idempotencyKey ? threadKey(context.idempotencyKey, index) : null,
  }));

  const statements = [];
  for (const thread of threads) {
    const row = threadRow(input, thread, {
      requestReference,
      source,
      spam,
      score,
      fingerprint: context.idempotencyKey ? expected : null,
      now,
    });
    statements.push(db.insert(inquiries).values(row), ...namedProducts(db, thread));
    if (!spam) {
      const about = shareSubject(thread.share);
      const facts = { ...row, reference: thread.reference, cooperativeName: thread.share.cooperativeName };
      statements.push(...(await newInquiryNotifications(db, { ...facts, productName: about }, context.links, now)));
    }
  }
  const receipt: RequestReceipt = {
    reference: requestReference,
    createdAt: now,
    conversations: threads.map((thread) => ({
      reference: thread.reference,
      cooperative: { slug: thread.share.cooperativeSlug, name: thread.share.cooperativeName },
      products: thread.share.products.map(({ slug, nameVi, nameEn }) => ({ slug, nameVi, nameEn })),
    })),
  };
  if (!spam) statements.push(...buyerRequestReceipt(db, input, threads, receipt, context.links, now));
  const [first, ...rest] = statements;
  if (!first) throw new Error('a request has at least one thread');
  try {
    await db.batch([first, ...rest]);
  } catch (error) {
    // Two requests with one key at once: the first's batch stored its threads, this one's was refused whole.
    if (!context.idempotencyKey || !isUniqueViolation(error, [inquiries.idempotencyKey])) throw error;
    const stored = await findRequestByKey(db, context.idempotencyKey);
    if (!stored) throw error;
    return replayRequest(stored, expected);
  }
  return { kind: 'created', inquiryIds: threads.map((thread) => thread.id), receipt, deliver: !spam };
}

interface Thread {
  share: CooperativeShare;
  id: string;
  reference: string;
  idempotencyKey: string | null;
}

function threadRow(
  input: InquiryRequestInput,
  thread: Thread,
  facts: {
    requestReference: string;
    source: Awaited<ReturnType<typeof resolveSource>>;
    spam: boolean;
    score: number;
    fingerprint: string | null;
    now: Date;
  },
) {
  const single = thread.share.products.length === 1 ? thread.share.products[0] : undefined;
  return {
    id: thread.id,
    reference: thread.reference,
    requestReference: facts.requestReference,
    cooperativeId: thread.share.cooperativeId,
    // A thread about one product is about it as any inquiry is; one about several lists them in inquiry_products.
    productId: single?.id ?? null,
    ...buyerColumns(input),
    status: facts.spam ? ('spam' as const) : ('new' as const),
    spamScore: facts.score,
    idempotencyKey: thread.idempotencyKey,
    requestFingerprint: facts.fingerprint,
    ...facts.source,
    createdAt: facts.now,
    updatedAt: facts.now,
  };
}

/** The thread's products, stored only if the thread's row is. */
function namedProducts(db: Database, thread: Thread) {
  return thread.share.products.map((product, position) =>
    db.insert(inquiryProducts).select(sql`
      SELECT ${inquiries.id}, ${product.id}, ${position} FROM ${inquiries} WHERE ${inquiries.id} = ${thread.id}
    `),
  );
}

/** The buyer's one receipt: every cooperative with its thread's reference and private link (none without an email). */
function buyerRequestReceipt(
  db: Database,
  input: InquiryRequestInput,
  threads: readonly Thread[],
  receipt: RequestReceipt,
  links: InquiryLinks,
  now: Date,
) {
  const [first] = threads;
  if (!input.email || !first) return [];
  const tokens = threads.map((thread) => issueThreadToken(db, thread.id, now));
  const mail = queueStatements(
    db,
    [
      {
        // Queued with the first thread: it is sent once, and the outbox lists it where the request began.
        inquiryId: first.id,
        kind: 'buyer_receipt',
        message: requestReceiptMail(input.locale, input.email, {
          reference: receipt.reference,
          buyerName: input.name,
          message: input.message,
          statusLink: links.statusPage(input.locale, receipt.reference),
          conversations: threads.map((thread, i) => ({
            reference: thread.reference,
            cooperative: thread.share.cooperativeName,
            about: thread.share.products
              .map((product) => localName(input.locale, product.nameVi, product.nameEn))
              .join(', '),
            threadLink: links.threadPage(input.locale, tokens[i]?.token ?? ''),
          })),
        }),
      },
    ],
    now,
  );
  return [...tokens.map((token) => token.statement), ...mail];
}

function localName(locale: Locale, nameVi: string, nameEn: string): string {
  return locale === 'en' && nameEn ? nameEn : nameVi;
}
