/**
 * Nothing lost: with a mail sender that fails, the inquiry is stored and its
 * notifications stay pending with the error; the cron's retry later delivers
 * each exactly once, also when two senders race for the same row; after the
 * last attempt a notification is 'failed' and listed for the trade department.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../functions/api';
import type { Database } from '../../src/server/db/client';
import { inquiries, inquiryNotifications, products } from '../../src/server/db/schema';
import {
  deliverDueNotifications,
  listNotificationProblems,
  MAX_ATTEMPTS,
} from '../../src/server/inquiries/notifications';
import type { Mailer, MailMessage } from '../../src/server/mail/mailer';
import { MailDeliveryError } from '../../src/server/mail/mailer';
import { DAILY_CRON, RETRY_CRON, runScheduledJobs } from '../../src/server/scheduled';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';
import { backgroundWork, validInquiry } from '../support/inquiries';
import { TEST_ENV } from '../support/api';

const HOUR = 60 * 60 * 1000;

class SwitchableMailer implements Mailer {
  failing = true;
  readonly delivered: MailMessage[] = [];
  attempts = 0;
  async send(message: MailMessage) {
    this.attempts += 1;
    if (this.failing) throw new MailDeliveryError('mail API answered 503');
    this.delivered.push(message);
  }
}

describe('inquiry notifications', async () => {
  const db: Database = await demoDatabase();
  const mailer = new SwitchableMailer();
  const api = createApi({ database: async () => db, driver: () => 'libsql', mailer: () => mailer });
  const [product] = await db
    .select({ slug: products.slug })
    .from(products)
    .where(eq(products.status, 'published'))
    .limit(1);
  let address = 0;

  async function submit() {
    const work = backgroundWork();
    const res = await api.request(
      'http://localhost/inquiries',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'http://localhost',
          'cf-connecting-ip': `192.0.2.${++address}`,
        },
        body: JSON.stringify(validInquiry({ product: product?.slug })),
      },
      TEST_ENV,
      work.context,
    );
    expect(res.status).toBe(201);
    await work.settle();
    const { inquiry } = await readJson(res);
    const [row] = await db.select().from(inquiries).where(eq(inquiries.reference, inquiry.reference));
    if (!row) throw new Error('not stored');
    return row;
  }

  const notificationsOf = (inquiryId: string) =>
    db.select().from(inquiryNotifications).where(eq(inquiryNotifications.inquiryId, inquiryId));

  it('a failing sender leaves the inquiry stored, and the retry delivers each mail exactly once', async () => {
    mailer.failing = true;
    const inquiry = await submit();
    expect(inquiry.status).toBe('new');
    const failed = await notificationsOf(inquiry.id);
    expect(failed.length).toBeGreaterThan(0);
    for (const n of failed) {
      expect(n).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'mail API answered 503',
        claimedUntil: null,
      });
      expect(n.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    }
    expect(mailer.delivered).toHaveLength(0);

    // Not due yet: the retry run leaves them alone.
    await runScheduledJobs(db, mailer, RETRY_CRON, new Date());
    expect(mailer.attempts).toBe(failed.length);

    mailer.failing = false;
    const later = new Date(Date.now() + HOUR);
    await runScheduledJobs(db, mailer, RETRY_CRON, later);
    const mine = () => mailer.delivered.filter((m) => m.subject.includes(inquiry.reference));
    expect(
      mine()
        .map((m) => m.to)
        .sort(),
    ).toEqual(failed.map((n) => n.recipient).sort());
    for (const n of await notificationsOf(inquiry.id))
      expect(n).toMatchObject({ status: 'sent', attempts: 2, lastError: null });

    // Another run, the daily one too, sends nothing again.
    await runScheduledJobs(db, mailer, DAILY_CRON, new Date(later.getTime() + HOUR));
    expect(mine()).toHaveLength(failed.length);
    expect(await db.$count(inquiries, eq(inquiries.id, inquiry.id))).toBe(1);
  });

  it('two senders racing for the same due mail send it once', async () => {
    mailer.failing = true;
    const inquiry = await submit();
    mailer.failing = false;
    const later = new Date(Date.now() + HOUR);
    const before = mailer.delivered.length;
    await Promise.all([
      deliverDueNotifications(db, mailer, () => later),
      deliverDueNotifications(db, mailer, () => later),
    ]);
    const count = (await notificationsOf(inquiry.id)).length;
    expect(mailer.delivered.length - before).toBe(count);
  });

  it('gives up after the last attempt and shows the trade department what is stuck, without contents', async () => {
    mailer.failing = true;
    const inquiry = await submit();
    let at = Date.now();
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      at += 25 * HOUR;
      await deliverDueNotifications(db, mailer, () => new Date(at));
    }
    const rows = await notificationsOf(inquiry.id);
    expect(rows.every((n) => n.status === 'failed' && n.attempts === MAX_ATTEMPTS)).toBe(true);
    at += 25 * HOUR;
    const attemptsBefore = mailer.attempts;
    await deliverDueNotifications(db, mailer, () => new Date(at));
    expect(mailer.attempts).toBe(attemptsBefore);

    const problems = await listNotificationProblems(db, new Date(at));
    const listed = problems.filter((p) => p.reference === inquiry.reference);
    expect(listed).toHaveLength(rows.length);
    expect(listed[0]).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      lastError: 'mail API answered 503',
      kind: 'cooperative_new',
    });
    expect(JSON.stringify(listed)).not.toContain('lan@example.com');
    expect(JSON.stringify(listed)).not.toContain('Xin báo giá');
  });
});
