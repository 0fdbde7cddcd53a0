/**
 * Replies by mail to an inquiry's thread (issue 19). Mail about a thread
 * carries a reply address of its own, `reply+<token>@<domain>`
 * (reply-address.ts); Cloudflare Email Routing hands what arrives there to
 * the worker's email() handler, which calls `receiveThreadMail`.
 *
 * The token says which thread and whose address it is: the buyer's tokens are
 * those of their private links (revoking the links revokes the addresses), the
 * cooperative's only ever appear in mail to the cooperative. The sender must
 * be that party too (the buyer's email; the cooperative's public address or an
 * active member's), never the sender alone: a From line is easy to forge, a
 * 256-bit token is not. What is kept is what the person wrote this time
 * (reply-text.ts strips quotes and signatures), stored as the page would store
 * it (storeBuyerAnswer, storeCooperativeReply), the other side's mail in the
 * same batch.
 *
 * Everything else is refused, never stored, and said once in the log, with
 * the reason and the inquiry's id but no address or text: no such address, a
 * revoked one, automatic mail (Auto-Submitted other than "no", Precedence
 * bulk/junk/list, bounces), oversized, a wrong sender, a closed or spam
 * thread, attachments (docs/ARCHITECTURE.md "Replies by mail" says why), an
 * empty or too long reply, too many replies to one thread.
 */
import { and, eq, isNull } from 'drizzle-orm';
import PostalMime, { type Email } from 'postal-mime';
import { admitAttempt } from '../accounts/rate-limit';
import { hashToken } from '../accounts/tokens';
import type { Database } from '../db/client';
import { cooperatives, inquiries, inquiryThreadTokens, users } from '../db/schema';
import { RateLimitedError } from '../errors';
import { storeCooperativeReply } from './inbox';
import type { InquiryLinks } from './links';
import { cooperativeRecipients } from './notifications';
import { tokenOfReplyAddress } from './reply-address';
import { htmlToText, latestReply } from './reply-text';
import { ANSWER_MAX_LENGTH, storeBuyerAnswer, THREAD_ANSWER_POLICY, threadLimitKey } from './thread';
import type { InquiryMessageAuthor, InquiryStatus } from './vocabulary';

/** The whole message as it arrives: room for a signature's logo and a long quoted history, not for files. */
export const INBOUND_RAW_MAX_BYTES = 1024 * 1024;
/** The text of the message before quotes are stripped; past this, no person wrote it by hand. */
export const INBOUND_TEXT_MAX_CHARS = 256 * 1024;

export const INBOUND_REFUSALS = [
  'not_a_thread_address',
  'unknown_address',
  'revoked_address',
  'automatic',
  'too_large',
  'unreadable',
  'wrong_sender',
  'thread_closed',
  'attachment',
  'empty',
  'too_long',
  'rate_limited',
] as const;
export type InboundRefusal = (typeof INBOUND_REFUSALS)[number];

/**
 * What the sender's mail server is told (SMTP reply text, so US-ASCII: RFC 5321 has no charset for it, and a
 * Vietnamese reason would reach the sender garbled). Unknown and revoked addresses read the same, like the
 * thread page's 404.
 */
export const REFUSAL_TEXT: Record<InboundRefusal, string> = {
  not_a_thread_address: 'No such address here.',
  unknown_address: 'This reply address is not valid (any more): answer on the page linked in the mail.',
  revoked_address: 'This reply address is not valid (any more): answer on the page linked in the mail.',
  automatic: 'Automatic mail (auto-replies, bounces, lists) is not taken.',
  too_large: `Message too large: replies are text, at most ${INBOUND_RAW_MAX_BYTES / 1024} KB in all.`,
  unreadable: 'The message could not be read.',
  wrong_sender: 'This reply address takes mail only from the address it was sent to.',
  thread_closed: 'This conversation is closed and takes no replies.',
  attachment: 'Attachments are not taken: please send your reply as text, without files.',
  empty: 'The reply has no text of its own (only quoted text or a signature).',
  too_long: `The reply is too long: at most ${ANSWER_MAX_LENGTH} characters.`,
  rate_limited: 'Too many replies to this conversation: please try again in an hour.',
};

export interface InboundMail {
  /** Envelope sender (MAIL FROM); empty for bounces. */
  from: string;
  /** Envelope recipient (RCPT TO): the reply address. */
  to: string;
  /** The raw RFC 822 message (null when it was over INBOUND_RAW_MAX_BYTES) and its size as the mail server counted it. */
  raw: Uint8Array | string | null;
  rawSize: number;
}

export type InboundOutcome =
  | { accepted: true; inquiryId: string; replyId: string; author: InquiryMessageAuthor; notify: boolean }
  | { accepted: false; reason: InboundRefusal; inquiryId?: string };

const CLOSED_TO_MAIL: InquiryStatus[] = ['closed', 'spam'];

/** Mail no person wrote now: RFC 3834's Auto-Submitted, the older Precedence and X-Autoreply, bounces. */
function isAutomatic(envelopeFrom: string, email: Email): boolean {
  const header = (name: string) =>
    email.headers.filter((h) => h.key === name).map((h) => h.value.split(';')[0]?.trim().toLowerCase() ?? '');
  if (header('auto-submitted').some((value) => value !== 'no')) return true;
  if (header('precedence').some((value) => ['bulk', 'junk', 'list', 'auto_reply'].includes(value))) return true;
  if (header('x-autoreply').length > 0 || header('x-autorespond').length > 0) return true;
  const sender = envelopeFrom.trim().replace(/^<(.*)>$/, '$1');
  return sender === '' || /^(mailer-daemon|postmaster)@/i.test(sender);
}

/** The header From's address, lower-case; a group or several addresses are no single sender. */
function senderOf(email: Email): string | null {
  const from = email.from;
  if (!from || from.group !== undefined || !from.address) return null;
  return from.address.trim().toLowerCase();
}

/** Files are refused; images the HTML shows inline (a signature's logo) are ignored. */
function hasAttachments(email: Email): boolean {
  return email.attachments.some((a) => !(a.related === true || (a.disposition === 'inline' && a.contentId)));
}

function byteLength(raw: Uint8Array | string): number {
  return typeof raw === 'string' ? new TextEncoder().encode(raw).byteLength : raw.byteLength;
}

async function findReplyAddress(db: Database, token: string) {
  const [row] = await db
    .select({
      party: inquiryThreadTokens.party,
      revokedAt: inquiryThreadTokens.revokedAt,
      id: inquiries.id,
      reference: inquiries.reference,
      status: inquiries.status,
      email: inquiries.email,
      locale: inquiries.locale,
      buyerName: inquiries.buyerName,
      cooperativeId: inquiries.cooperativeId,
      cooperativeName: cooperatives.name,
    })
    .from(inquiryThreadTokens)
    .innerJoin(inquiries, eq(inquiries.id, inquiryThreadTokens.inquiryId))
    .innerJoin(cooperatives, eq(cooperatives.id, inquiries.cooperativeId))
    .where(eq(inquiryThreadTokens.tokenHash, hashToken(token)))
    .limit(1);
  return row ?? null;
}

/** The member who wrote from `sender`, if it is a member's address (null: the cooperative's public address). */
async function memberWriting(db: Database, cooperativeId: string, sender: string): Promise<string | null> {
  const [member] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.cooperativeId, cooperativeId),
        eq(users.email, sender),
        eq(users.role, 'member'),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return member?.id ?? null;
}

/** The text the person wrote: the plain part, else the HTML part as text; quotes and signature removed. */
function replyText(email: Email): string {
  const text = email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : '';
  return latestReply(text).normalize('NFC');
}

export async function receiveThreadMail(
  db: Database,
  mail: InboundMail,
  links: InquiryLinks,
  now: Date,
): Promise<InboundOutcome> {
  const refuse = (reason: InboundRefusal, inquiryId?: string): InboundOutcome => ({
    accepted: false,
    reason,
    ...(inquiryId ? { inquiryId } : {}),
  });
  // Before anything is read: the size the mail server counted, then the bytes themselves.
  if (mail.rawSize > INBOUND_RAW_MAX_BYTES) return refuse('too_large');
  const token = tokenOfReplyAddress(mail.to);
  if (!token) return refuse('not_a_thread_address');
  const raw = mail.raw;
  if (raw === null || byteLength(raw) > INBOUND_RAW_MAX_BYTES) return refuse('too_large');
  let email: Email;
  try {
    email = await PostalMime.parse(raw, { maxNestingDepth: 20, maxHeadersSize: 64 * 1024 });
  } catch {
    return refuse('unreadable');
  }
  if (isAutomatic(mail.from, email)) return refuse('automatic');

  const thread = await findReplyAddress(db, token);
  if (!thread) return refuse('unknown_address');
  if (thread.revokedAt) return refuse('revoked_address', thread.id);
  const sender = senderOf(email);
  if (!sender) return refuse('wrong_sender', thread.id);
  let authorUserId: string | null = null;
  if (thread.party === 'buyer') {
    if (sender !== thread.email?.trim().toLowerCase()) return refuse('wrong_sender', thread.id);
  } else {
    if (!(await cooperativeRecipients(db, thread.cooperativeId)).includes(sender))
      return refuse('wrong_sender', thread.id);
    authorUserId = await memberWriting(db, thread.cooperativeId, sender);
  }
  if (CLOSED_TO_MAIL.includes(thread.status)) return refuse('thread_closed', thread.id);
  if (hasAttachments(email)) return refuse('attachment', thread.id);
  if ((email.text?.length ?? 0) + (email.html?.length ?? 0) > INBOUND_TEXT_MAX_CHARS)
    return refuse('too_large', thread.id);
  const text = replyText(email);
  if (!text) return refuse('empty', thread.id);
  if (text.length > ANSWER_MAX_LENGTH) return refuse('too_long', thread.id);
  try {
    await admitAttempt(db, [{ key: threadLimitKey(thread.id), policy: THREAD_ANSWER_POLICY }], now);
  } catch (error) {
    if (error instanceof RateLimitedError) return refuse('rate_limited', thread.id);
    throw error;
  }

  const stored =
    thread.party === 'buyer'
      ? await storeBuyerAnswer(db, thread, text, links, now)
      : await storeCooperativeReply(db, thread, authorUserId, text, links, now);
  return { accepted: true, author: thread.party, ...stored };
}
