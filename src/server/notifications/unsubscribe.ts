/**
 * One-click unsubscribe (RFC 2369 List-Unsubscribe, RFC 8058
 * List-Unsubscribe-Post) for the notifications in the outbox: each mail
 * carries a link that turns its kind off for its recipient without signing
 * in. The link is "<user id>.<kind>.<signature>", the signature an
 * HMAC-SHA256 of the user id and kind under the person's own random key
 * (table unsubscribe_keys): it cannot be made without the key, and changing
 * the user id or kind in it breaks it, so a link works for its person and
 * kind only. A GET of the link shows a confirmation page; only a POST (the
 * page's button, or the mail client's one-click request) changes anything.
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { and, eq } from 'drizzle-orm';
import { type Locale } from '../../i18n';
import { unsubscribePaths } from '../../i18n/routes';
import type { Database } from '../db/client';
import { notificationPreferences, unsubscribeKeys, users } from '../db/schema';
import { InvalidTokenError } from '../errors';
import { isNotificationKind, storeMode } from './preferences';
import { DIGEST_KIND, type OutboxKind } from './vocabulary';

const encoder = new TextEncoder();

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
}

const signedText = (userId: string, kind: OutboxKind) => encoder.encode(`unsubscribe:${userId}:${kind}`);

/** The person's key, made on first need; a concurrent maker's key wins and both read it back. */
async function keyOf(db: Database, userId: string): Promise<string> {
  const fresh = encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)));
  await db.insert(unsubscribeKeys).values({ userId, key: fresh }).onConflictDoNothing();
  const [row] = await db
    .select({ key: unsubscribeKeys.key })
    .from(unsubscribeKeys)
    .where(eq(unsubscribeKeys.userId, userId));
  return row?.key ?? fresh;
}

/** The token of one person's link for one kind (or for their digest). */
export async function unsubscribeToken(db: Database, userId: string, kind: OutboxKind): Promise<string> {
  const key = await hmacKey(await keyOf(db, userId));
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, signedText(userId, kind)));
  return `${userId}.${kind}.${encodeBase64urlNoPadding(signature)}`;
}

/** The absolute link in the recipient's language. */
export async function unsubscribeLink(
  db: Database,
  origin: string,
  recipient: { userId: string; locale: Locale },
  kind: OutboxKind,
): Promise<string> {
  return `${origin}${unsubscribePaths(await unsubscribeToken(db, recipient.userId, kind))[recipient.locale]}`;
}

/** The RFC 2369 and RFC 8058 headers for a mail carrying `link`. */
export function listUnsubscribeHeaders(link: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

export interface UnsubscribeTarget {
  userId: string;
  kind: OutboxKind;
  /** The person's language, for the confirmation page's links. */
  locale: Locale;
}

/** Whose link `token` is and for which kind; InvalidTokenError unless its signature holds under that person's key. */
export async function readUnsubscribeToken(db: Database, token: string): Promise<UnsubscribeTarget> {
  const [userId, kind, signature, ...extra] = token.split('.');
  if (!userId || !signature || extra.length > 0) throw new InvalidTokenError();
  if (kind !== DIGEST_KIND && !isNotificationKind(kind)) throw new InvalidTokenError();
  const [row] = await db
    .select({ key: unsubscribeKeys.key, locale: users.locale })
    .from(unsubscribeKeys)
    .innerJoin(users, eq(users.id, unsubscribeKeys.userId))
    .where(eq(unsubscribeKeys.userId, userId));
  if (!row) throw new InvalidTokenError();
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(decodeBase64urlIgnorePadding(signature));
  } catch {
    throw new InvalidTokenError();
  }
  // subtle.verify compares in constant time.
  const valid = await crypto.subtle.verify('HMAC', await hmacKey(row.key), bytes, signedText(userId, kind));
  if (!valid) throw new InvalidTokenError();
  return { userId, kind, locale: row.locale };
}

/**
 * Turns off what the link names: its kind, or for the digest's link every
 * kind the person gathers in their digest. Doing it twice changes nothing.
 */
export async function unsubscribe(db: Database, token: string, now: Date): Promise<UnsubscribeTarget> {
  const target = await readUnsubscribeToken(db, token);
  if (target.kind === DIGEST_KIND) {
    await db
      .update(notificationPreferences)
      .set({ mode: 'off', updatedAt: now })
      .where(and(eq(notificationPreferences.userId, target.userId), eq(notificationPreferences.mode, 'digest')));
  } else {
    await storeMode(db, target.userId, target.kind, 'off', now);
  }
  return target;
}
