/**
 * The audit log as the trade department searches it (/quan-tri/nhat-ky and
 * GET /api/v1/admin/audit-log): by actor (a person's name or part of an
 * account's email), by record (an
 * id, or the slug of a cooperative, product or event), by kind of record and
 * by dates in Viet Nam, newest first, a page at a time by keyset so a long
 * log costs the same on page 1 and page 100 (audit_log_*_idx).
 */
import { and, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { requireOfficer } from '../accounts/guards';
import { normaliseEmail, type SessionUser } from '../accounts/users';
import type { Database } from '../db/client';
import {
  auditLog,
  batches,
  certifications,
  cooperatives,
  eventRegistrations,
  events,
  inquiries,
  labReports,
  ocopRatings,
  products,
  provinceTargets,
  users,
} from '../db/schema';
import type { UserRole } from '../accounts/vocabulary';
import type { FieldIssues } from '../errors';
import { addDaysToDate, isCalendarDate, vietnamMidnight } from '../time/vietnam';

/** The kinds of record the log holds today, for the search form; the API takes any well-formed name. */
export const AUDITED_ENTITY_TYPES = [
  'cooperative',
  'product',
  'event',
  'event_registration',
  'province_target',
] as const;

export const AUDIT_PAGE_SIZE = 50;
/**
 * The most entries one download holds, newest first: a year of a busy
 * province's log, and what a Worker builds in memory as a workbook without
 * coming near its 128 MB (bench/report-memory.ts measures it).
 */
export const AUDIT_EXPORT_MAX = 5000;

/** The longest actor search: a full name or email is shorter; more is not a search. */
export const AUDIT_ACTOR_MAX = 100;

export interface AuditQuery {
  /** Part of a person's name or email, as typed (trimmed). */
  actor: string | null;
  record: string | null;
  type: string | null;
  from: string | null;
  to: string | null;
  /** Keyset cursor: the last row of the previous page. */
  before: { at: number; id: string } | null;
}

const EMPTY_QUERY: AuditQuery = { actor: null, record: null, type: null, from: null, to: null, before: null };

/** The query a URL asks for, and what is wrong in it, field by field (the API answers 400, the page shows them). */
export function parseAuditQuery(params: URLSearchParams): { query: AuditQuery; problems: FieldIssues } {
  const query: AuditQuery = { ...EMPTY_QUERY };
  const problems: FieldIssues = {};
  const value = (name: string) => params.get(name)?.trim() || null;

  const actor = value('actor');
  if (actor !== null) {
    if (actor.length > AUDIT_ACTOR_MAX) problems.actor = { code: 'too_long', params: { max: AUDIT_ACTOR_MAX } };
    else query.actor = actor;
  }
  const record = value('record');
  if (record !== null) {
    if (record.length > 200) problems.record = { code: 'too_long', params: { max: 200 } };
    else query.record = record;
  }
  const type = value('type');
  if (type !== null) {
    if (/^[a-z_]{1,40}$/.test(type)) query.type = type;
    else problems.type = { code: 'invalid_value' };
  }
  for (const name of ['from', 'to'] as const) {
    const date = value(name);
    if (date === null) continue;
    if (isCalendarDate(date)) query[name] = date;
    else problems[name] = { code: 'calendar_date' };
  }
  if (query.from && query.to && query.to < query.from) problems.to = { code: 'to_before_from' };
  const before = value('before');
  if (before !== null) {
    const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(before);
    if (match) query.before = { at: Number(match[1]), id: match[2] as string };
    else problems.before = { code: 'invalid_value' };
  }
  return { query, problems };
}

export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  detail: Record<string, unknown> | null;
  actor: { displayName: string; email: string; role: UserRole } | null;
  /** What the record is called and its public slug, for cooperatives, products and events that still exist. */
  record: { name: string; slug: string } | null;
  /** What names a record of another kind (a claim, a registration, a target…), read as the log is: nulls when it is gone. */
  subject: AuditSubject;
}

/** The facts that name a record in people's words (audit-wording.ts); each null where it does not apply. */
export interface AuditSubject {
  /** The claim's product (an OCOP rating, a product's certificate). */
  product: { name: string; slug: string } | null;
  /** A registration's, a cooperative certificate's or a product's cooperative. */
  cooperative: { name: string; slug: string } | null;
  /** A registration's event. */
  event: { titleVi: string; titleEn: string; slug: string } | null;
  /** Event titles in English, when the record is an event that has one. */
  recordTitleEn: string | null;
  stars: number | null;
  certificateKind: string | null;
  /** A lab report's number and the lot it tested. */
  labReport: { number: string; lotCode: string } | null;
  target: { metric: string; provinceCode: string } | null;
  inquiryReference: string | null;
  /** The account a privacy request was about. */
  accountName: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  /** The `before` cursor of the next page, null on the last. */
  next: string | null;
  /** The actor search matched no account's name or email: nothing can match. */
  unknownActor: boolean;
}

/** "nguyễn văn an" as a name is written: "Nguyễn Văn An". */
const titleCase = (text: string): string =>
  text
    .toLocaleLowerCase('vi')
    .replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toLocaleUpperCase('vi'));

/**
 * The accounts whose name or email contains what was typed. `instr`, not
 * LIKE: what people type holds no wildcards to escape ("_" and "%" are
 * literal) and D1's 50-byte limit on LIKE patterns does not apply. SQLite's
 * lower() folds ASCII letters only, so the name is also matched as names are
 * written ("đức" finds "Nguyễn Minh Đức"). A scan of the accounts table, which
 * stays small next to the log; the log itself is then read by its actor index.
 */
function accountsMatching(db: Database, typed: string) {
  // Its own name: the page's query also joins `users`, for the actor of each entry.
  const account = alias(users, 'matching_account');
  const name = typed.normalize('NFC');
  const contains = (column: SQL | SQLiteColumn, part: string) => sql`instr(${column}, ${part}) > 0`;
  return db
    .select({ id: account.id })
    .from(account)
    .where(
      or(
        contains(account.email, normaliseEmail(typed)),
        contains(sql`lower(${account.displayName})`, name.toLocaleLowerCase('vi')),
        contains(account.displayName, titleCase(name)),
      ),
    );
}

/** Ids a record search means: the text itself, and whatever cooperative, product or event has it as slug. */
async function recordIds(db: Database, record: string): Promise<string[]> {
  const bySlug = await db.all<{ id: string }>(sql`
    SELECT id FROM cooperatives WHERE slug = ${record}
    UNION ALL SELECT id FROM products WHERE slug = ${record}
    UNION ALL SELECT id FROM events WHERE slug = ${record}`);
  return [record, ...bySlug.map((row) => row.id)];
}

/**
 * The entries the query asks for, newest first, `pageSize` at a time (the
 * page's 50, or AUDIT_EXPORT_MAX for a download).
 */
export async function searchAuditLog(
  db: Database,
  user: SessionUser | null,
  query: AuditQuery,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  requireOfficer(user);
  const where: SQL[] = [];
  if (query.actor !== null) {
    const [anyone] = await accountsMatching(db, query.actor).limit(1);
    if (!anyone) return { rows: [], next: null, unknownActor: true };
    where.push(inArray(auditLog.actorUserId, accountsMatching(db, query.actor)));
  }
  if (query.record !== null) where.push(inArray(auditLog.entityId, await recordIds(db, query.record)));
  if (query.type !== null) where.push(eq(auditLog.entityType, query.type));
  if (query.from !== null) where.push(gte(auditLog.createdAt, vietnamMidnight(query.from)));
  // "To" is inclusive: up to the midnight that ends that day in Viet Nam.
  if (query.to !== null) where.push(lt(auditLog.createdAt, vietnamMidnight(addDaysToDate(query.to, 1))));
  if (query.before !== null) {
    const at = new Date(query.before.at);
    where.push(
      or(lt(auditLog.createdAt, at), and(eq(auditLog.createdAt, at), lt(auditLog.id, query.before.id))) as SQL,
    );
  }

  // Every join is by primary key and only for the kind of record it names: a page of 50 reads 50 rows of each at most.
  const cooperative = alias(cooperatives, 'record_cooperative');
  const product = alias(products, 'record_product');
  const event = alias(events, 'record_event');
  const rating = alias(ocopRatings, 'record_rating');
  const certificate = alias(certifications, 'record_certificate');
  const registration = alias(eventRegistrations, 'record_registration');
  const target = alias(provinceTargets, 'record_target');
  const inquiry = alias(inquiries, 'record_inquiry');
  const account = alias(users, 'record_account');
  const labReport = alias(labReports, 'record_lab_report');
  const labBatch = alias(batches, 'record_lab_batch');
  const subjectProduct = alias(products, 'subject_product');
  const subjectCooperative = alias(cooperatives, 'subject_cooperative');
  const subjectEvent = alias(events, 'subject_event');
  const of = (type: string, table: { id: SQLiteColumn }) =>
    and(eq(auditLog.entityType, type), eq(table.id, auditLog.entityId));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      detail: auditLog.detail,
      actorName: users.displayName,
      actorEmail: users.email,
      actorRole: users.role,
      recordName: sql<string | null>`coalesce(${cooperative.name}, ${product.nameVi}, ${event.titleVi})`,
      recordSlug: sql<string | null>`coalesce(${cooperative.slug}, ${product.slug}, ${event.slug})`,
      recordTitleEn: sql<string | null>`nullif(${event.titleEn}, '')`,
      productName: subjectProduct.nameVi,
      productSlug: subjectProduct.slug,
      cooperativeName: subjectCooperative.name,
      cooperativeSlug: subjectCooperative.slug,
      eventTitleVi: subjectEvent.titleVi,
      eventTitleEn: subjectEvent.titleEn,
      eventSlug: subjectEvent.slug,
      stars: rating.stars,
      certificateKind: certificate.kind,
      labReportNumber: labReport.reportNumber,
      labLotCode: labBatch.lotCode,
      targetMetric: target.metric,
      targetProvince: target.provinceCode,
      inquiryReference: inquiry.reference,
      accountName: account.displayName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(cooperative, of('cooperative', cooperative))
    .leftJoin(product, of('product', product))
    .leftJoin(event, of('event', event))
    .leftJoin(rating, of('ocop_rating', rating))
    .leftJoin(certificate, of('certificate', certificate))
    .leftJoin(labReport, of('lab_report', labReport))
    .leftJoin(labBatch, eq(labBatch.id, labReport.batchId))
    .leftJoin(registration, of('event_registration', registration))
    .leftJoin(target, of('province_target', target))
    .leftJoin(inquiry, of('inquiry', inquiry))
    .leftJoin(account, of('user', account))
    .leftJoin(
      subjectProduct,
      eq(subjectProduct.id, sql`coalesce(${rating.productId}, ${certificate.productId}, ${labBatch.productId})`),
    )
    .leftJoin(
      subjectCooperative,
      // A product's own cooperative too: an entry an officer wrote for it names it (a register import).
      eq(
        subjectCooperative.id,
        sql`coalesce(${registration.cooperativeId}, ${certificate.cooperativeId}, ${product.cooperativeId})`,
      ),
    )
    .leftJoin(subjectEvent, eq(subjectEvent.id, registration.eventId))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(pageSize + 1);

  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const named = (name: string | null, slug: string | null) => (name === null || slug === null ? null : { name, slug });
  return {
    rows: page.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      detail: row.detail,
      actor:
        row.actorEmail === null
          ? null
          : { displayName: row.actorName ?? '', email: row.actorEmail, role: row.actorRole ?? 'member' },
      record: named(row.recordName, row.recordSlug),
      subject: {
        product: named(row.productName, row.productSlug),
        cooperative: named(row.cooperativeName, row.cooperativeSlug),
        event:
          row.eventTitleVi === null || row.eventSlug === null
            ? null
            : { titleVi: row.eventTitleVi, titleEn: row.eventTitleEn || row.eventTitleVi, slug: row.eventSlug },
        recordTitleEn: row.recordTitleEn,
        stars: row.stars,
        certificateKind: row.certificateKind,
        labReport:
          row.labReportNumber === null || row.labLotCode === null
            ? null
            : { number: row.labReportNumber, lotCode: row.labLotCode },
        target:
          row.targetMetric === null || row.targetProvince === null
            ? null
            : { metric: row.targetMetric, provinceCode: row.targetProvince },
        inquiryReference: row.inquiryReference,
        accountName: row.accountName,
      },
    })),
    next: rows.length > pageSize && last ? `${last.at.getTime()}.${last.id}` : null,
    unknownActor: false,
  };
}
