/**
 * The officers' daily digest of their queues: once a day, each trade officer
 * is mailed what waits in their province (claims to verify, products to
 * review, profile and product changes), oldest first with how long each has
 * waited. An officer without a province oversees the whole country. The mail
 * is a notification of kind `officer_queues`, queued once per officer and
 * day (its idempotency key names the day) and sent, gathered in the person's
 * digest or skipped by their preference like any other.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { dictionary, format, type Locale } from '../../i18n';
import { routes } from '../../i18n/routes';
import type { Database } from '../db/client';
import {
  batches,
  certifications,
  cooperatives,
  labReports,
  ocopRatings,
  pendingRevisions,
  products,
  provinces,
  users,
} from '../db/schema';
import { countOfficerQueues, inProvince, waitingFor } from '../moderation/officer-queues';
import { vietnamDate } from '../time/vietnam';
import { queueNotificationIf, type Recipient } from './outbox';

/** The longest-waiting items listed per queue; the mail counts the others. */
export const OFFICER_LIST_LIMIT = 10;

export type WaitingQueue = 'claim' | 'product' | 'change';

export interface WaitingItem {
  queue: WaitingQueue;
  title: string;
  since: Date;
}

export interface WaitingWork {
  /** The oldest items of every queue, oldest first. */
  items: WaitingItem[];
  total: number;
}

/** What waits for the officers of a province (null: the whole country). */
export async function waitingWork(db: Database, provinceCode: string | null): Promise<WaitingWork> {
  const where = inProvince(provinceCode);
  const ratingsWhere = and(waitingFor.rating, where);
  const certificatesWhere = and(waitingFor.certificate, where);
  const labReportsWhere = and(waitingFor.labReport, where);
  const productsWhere = and(waitingFor.product, where);
  const changesWhere = and(waitingFor.change, where);
  const [ratings, certificates, reports, submitted, changes, counts] = await Promise.all([
    db
      .select({
        title: sql<string>`${cooperatives.name} || ': ' || ${ocopRatings.decisionNumber}`,
        since: ocopRatings.submittedAt,
      })
      .from(ocopRatings)
      .innerJoin(products, eq(products.id, ocopRatings.productId))
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .where(ratingsWhere)
      .orderBy(asc(ocopRatings.submittedAt))
      .limit(OFFICER_LIST_LIMIT),
    db
      .select({
        title: sql<string>`${cooperatives.name} || ': ' || ${certifications.number}`,
        since: certifications.submittedAt,
      })
      .from(certifications)
      .innerJoin(cooperatives, eq(cooperatives.id, certifications.cooperativeId))
      .where(certificatesWhere)
      .orderBy(asc(certifications.submittedAt))
      .limit(OFFICER_LIST_LIMIT),
    db
      .select({
        title: sql<string>`${cooperatives.name} || ': ' || ${labReports.reportNumber} || ' (' || ${batches.lotCode} || ')'`,
        since: labReports.submittedAt,
      })
      .from(labReports)
      .innerJoin(batches, eq(batches.id, labReports.batchId))
      .innerJoin(cooperatives, eq(cooperatives.id, labReports.cooperativeId))
      .where(labReportsWhere)
      .orderBy(asc(labReports.submittedAt))
      .limit(OFFICER_LIST_LIMIT),
    db
      .select({
        title: sql<string>`${products.nameVi} || ' (' || ${cooperatives.name} || ')'`,
        since: products.updatedAt,
      })
      .from(products)
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .where(productsWhere)
      .orderBy(asc(products.updatedAt))
      .limit(OFFICER_LIST_LIMIT),
    db
      .select({ title: cooperatives.name, since: pendingRevisions.updatedAt })
      .from(pendingRevisions)
      .innerJoin(cooperatives, eq(cooperatives.id, pendingRevisions.cooperativeId))
      .where(changesWhere)
      .orderBy(asc(pendingRevisions.updatedAt))
      .limit(OFFICER_LIST_LIMIT),
    countOfficerQueues(db, provinceCode),
  ]);
  const tag = (queue: WaitingQueue, rows: { title: string; since: Date | null }[]) =>
    rows.map((row) => ({ queue, title: row.title, since: row.since ?? new Date(0) }));
  const items = [
    ...tag('claim', ratings),
    ...tag('claim', certificates),
    ...tag('claim', reports),
    ...tag('product', submitted),
    ...tag('change', changes),
  ].sort((a, b) => a.since.getTime() - b.since.getTime());
  // The digest is about the cooperatives' work: booth registrations and personal-data requests have pages of their own.
  const total = [counts.rating, counts.certificate, counts.labReport, counts.product, counts.change].reduce(
    (sum, queue) => sum + queue.count,
    0,
  );
  return { items, total };
}

const DAY_MS = 86_400_000;

function officerMail(locale: Locale, to: string, place: string, work: WaitingWork, now: Date, mailOrigin: string) {
  const t = dictionary(locale).notificationSettings.mail;
  const lines = work.items.map((item) =>
    format(t.officerLine, {
      what: t.queues[item.queue],
      title: item.title,
      days: Math.max(0, Math.floor((now.getTime() - item.since.getTime()) / DAY_MS)),
    }),
  );
  const more = work.total - work.items.length;
  return {
    to,
    subject: format(t.officerSubject, { province: place, count: work.total }),
    text: [
      format(t.officerIntro, { province: place }),
      [...lines, ...(more > 0 ? [format(t.officerMore, { count: more })] : [])].join('\n'),
      [
        format(t.officerLink, { link: `${mailOrigin}${routes.claimQueue[locale]}` }),
        format(t.officerLink, { link: `${mailOrigin}${routes.moderation[locale]}` }),
      ].join('\n'),
    ].join('\n\n'),
  };
}

interface Officer extends Recipient {
  provinceCode: string | null;
  provinceVi: string | null;
  provinceEn: string | null;
}

/** Queues today's queue digest for every officer with something waiting; how many mails this run stored. */
export async function queueOfficerDigests(db: Database, now: Date, mailOrigin: string): Promise<number> {
  const officers: Officer[] = await db
    .select({
      userId: users.id,
      email: users.email,
      locale: users.locale,
      provinceCode: users.provinceCode,
      provinceVi: provinces.nameVi,
      provinceEn: provinces.nameEn,
    })
    .from(users)
    .leftJoin(provinces, eq(provinces.code, users.provinceCode))
    .where(and(eq(users.role, 'officer'), isNull(users.disabledAt)));
  const byProvince = new Map<string | null, Officer[]>();
  for (const officer of officers)
    byProvince.set(officer.provinceCode, [...(byProvince.get(officer.provinceCode) ?? []), officer]);
  const day = vietnamDate(now);
  let stored = 0;
  for (const [provinceCode, people] of byProvince) {
    const work = await waitingWork(db, provinceCode);
    if (work.total === 0) continue;
    const inserts = people.map((officer) => {
      const place =
        (officer.locale === 'en' ? officer.provinceEn : officer.provinceVi) ??
        dictionary(officer.locale).notificationSettings.mail.country;
      return queueNotificationIf(
        db,
        {
          event: `officer_queues:${day}`,
          kind: 'officer_queues',
          recipient: officer,
          message: officerMail(officer.locale, officer.email, place, work, now, mailOrigin),
        },
        sql`1`,
        now,
      ).returning({ id: sql<string>`id` });
    });
    const [first, ...rest] = inserts;
    if (!first) continue;
    const results = await db.batch([first, ...rest]);
    stored += results.reduce((sum, rows) => sum + rows.length, 0);
  }
  return stored;
}
