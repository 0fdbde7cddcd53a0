/**
 * Sending mail, behind one small interface so the verbs that send (password
 * reset, invitations, the outboxes) do not know how:
 * - SendEmailMailer sends through Cloudflare Email Service's `send_email`
 *   binding (wrangler.toml: EMAIL) with its structured form (from, to,
 *   subject, text, html, headers), so no MIME is built here; production;
 * - OutboxMailer stores each message in the database (table mail_outbox),
 *   where a developer reads it at /dev/outbox; used when DEV_OUTBOX=1, which
 *   wins over the binding because `wrangler dev` simulates the binding by
 *   printing to its console, where neither a developer nor a test reads it;
 * - without either, mail is dropped with a warning in the log: a reset link
 *   must never be kept in the database of a production system by accident.
 *
 * The JSON mail API (MAIL_API_URL) that came before the binding is gone: the
 * binding needs no key to keep secret and no second worker in front of it.
 */
import { desc } from 'drizzle-orm';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { mailOutbox } from '../db/schema';

export interface MailMessage {
  to: string;
  subject: string;
  /** The plain-text part: always there, the words every client can show. */
  text: string;
  /** Where the recipient's reply goes: an inquiry thread's own address (src/server/inquiries/inbound-mail.ts). */
  replyTo?: string;
  /** The HTML part, the same words in the shared layout (src/server/mail/layout.ts). */
  html?: string;
  /** Extra header fields, e.g. List-Unsubscribe (src/server/notifications/unsubscribe.ts); never From, To or Subject. */
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
      replyTo: message.replyTo ?? null,
      htmlBody: message.html ?? null,
      headers: message.headers && Object.keys(message.headers).length > 0 ? message.headers : null,
      createdAt: this.now(),
    });
  }
}

export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError';
}

/** "Chợ HTX <no-reply@chohtx.vn>" as the binding's {name, email}; a bare address as itself. */
export function senderAddress(from: string): string | { name: string; email: string } {
  const named = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from);
  if (!named) return from.trim();
  const [, name = '', email = ''] = named;
  return name ? { name, email } : email;
}

/** The part of Cloudflare's SendEmail binding this mailer uses (its structured send). */
export interface SendEmailBinding {
  send(message: {
    from: string | { name: string; email: string };
    to: string;
    subject: string;
    text: string;
    html?: string;
    headers?: Record<string, string>;
  }): Promise<unknown>;
}

export class SendEmailMailer implements Mailer {
  constructor(
    private readonly binding: SendEmailBinding,
    private readonly from: string,
  ) {}

  async send(message: MailMessage): Promise<void> {
    try {
      await this.binding.send({
        from: senderAddress(this.from),
        to: message.to,
        subject: message.subject,
        text: message.text,
        // An inquiry thread's own address; omitted when the mail takes no reply.
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        ...(message.html ? { html: message.html } : {}),
        ...(message.headers && Object.keys(message.headers).length > 0 ? { headers: message.headers } : {}),
      });
    } catch (error) {
      // The outboxes keep the message and retry; the error names why (unverified sender, limits, …).
      throw new MailDeliveryError(`send_email refused: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

export class DroppingMailer implements Mailer {
  async send(message: MailMessage): Promise<void> {
    console.warn(`mail not configured (bind EMAIL, or DEV_OUTBOX=1 locally): dropped "${message.subject}"`);
  }
}

export interface MailConfig {
  DEV_OUTBOX?: string;
  EMAIL?: SendEmailBinding;
  MAIL_FROM?: string;
}

export const DEFAULT_MAIL_FROM = 'Chợ HTX <no-reply@cho-htx.invalid>';

export function outboxEnabled(config: MailConfig): boolean {
  return config.DEV_OUTBOX === '1' || config.DEV_OUTBOX === 'true';
}

export function mailerFor(config: MailConfig, db: Database): Mailer {
  if (outboxEnabled(config)) return new OutboxMailer(db);
  if (config.EMAIL) return new SendEmailMailer(config.EMAIL, config.MAIL_FROM || DEFAULT_MAIL_FROM);
  return new DroppingMailer();
}

export interface OutboxEntry {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  replyTo: string | null;
  htmlBody: string | null;
  headers: Record<string, string> | null;
  createdAt: Date;
}

export async function listOutbox(db: Database, limit = 50): Promise<OutboxEntry[]> {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}
