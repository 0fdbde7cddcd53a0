/**
 * Sending mail, behind one small interface so the verbs that send (password
 * reset, invitations) do not know how:
 * - OutboxMailer stores each message in the database (table mail_outbox),
 *   where a developer reads it at /dev/outbox; used when DEV_OUTBOX=1;
 * - HttpApiMailer posts it as JSON to a mail API (MAIL_API_URL with a bearer
 *   MAIL_API_KEY; the {from, to, subject, text} body that Resend-like
 *   services and a small Worker in front of Cloudflare Email take);
 * - without either, mail is dropped with a warning in the log: a reset link
 *   must never be kept in the database of a production system by accident.
 */
import { desc } from 'drizzle-orm';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { mailOutbox } from '../db/schema';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Extra header fields, e.g. List-Unsubscribe (src/server/notifications/unsubscribe.ts). */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export class OutboxMailer implements Mailer {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(message: MailMessage): Promise<void> {
    await this.db.insert(mailOutbox).values({
      id: newId(),
      recipient: message.to,
      subject: message.subject,
      textBody: message.text,
      createdAt: this.now(),
    });
  }
}

export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError';
}

export class HttpApiMailer implements Mailer {
  constructor(
    private readonly options: { url: string; apiKey?: string; from: string },
    private readonly fetcher: typeof fetch = fetch,
  ) {}

  async send(message: MailMessage): Promise<void> {
    const response = await this.fetcher(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
      },
      body: JSON.stringify({
        from: this.options.from,
        to: [message.to],
        subject: message.subject,
        text: message.text,
        ...(message.headers ? { headers: message.headers } : {}),
      }),
    });
    if (!response.ok) throw new MailDeliveryError(`mail API answered ${response.status}`);
  }
}

export class DroppingMailer implements Mailer {
  async send(message: MailMessage): Promise<void> {
    console.warn(`mail not configured (set MAIL_API_URL, or DEV_OUTBOX=1 locally): dropped "${message.subject}"`);
  }
}

export interface MailConfig {
  DEV_OUTBOX?: string;
  MAIL_API_URL?: string;
  MAIL_API_KEY?: string;
  MAIL_FROM?: string;
}

export const DEFAULT_MAIL_FROM = 'Chợ HTX <no-reply@cho-htx.invalid>';

export function outboxEnabled(config: MailConfig): boolean {
  return config.DEV_OUTBOX === '1' || config.DEV_OUTBOX === 'true';
}

export function mailerFor(config: MailConfig, db: Database): Mailer {
  if (config.MAIL_API_URL) {
    return new HttpApiMailer({
      url: config.MAIL_API_URL,
      apiKey: config.MAIL_API_KEY,
      from: config.MAIL_FROM || DEFAULT_MAIL_FROM,
    });
  }
  if (outboxEnabled(config)) return new OutboxMailer(db);
  return new DroppingMailer();
}

export interface OutboxEntry {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  createdAt: Date;
}

export async function listOutbox(db: Database, limit = 50): Promise<OutboxEntry[]> {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}
