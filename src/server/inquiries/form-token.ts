/**
 * The inquiry form's fill-time check. The page puts the time it was rendered
 * into a hidden field, signed with HMAC-SHA256 so a bot cannot backdate it;
 * a submission sooner than MIN_FILL_MS after that was not typed by a person,
 * and one older than MAX_AGE_MS asks for a fresh form (it also stops a token
 * from being harvested once and replayed for ever).
 *
 * The key is INQUIRY_FORM_SECRET (a worker secret); without it a fixed
 * development key is used, which is fine locally and only weakens this one
 * speed bump in a deployment that forgot to set it (README, "Configuration").
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { constantTimeEqual } from '@oslojs/crypto/subtle';

export const MIN_FILL_MS = 3_000;
export const MAX_AGE_MS = 24 * 60 * 60 * 1000;
export const DEVELOPMENT_FORM_SECRET = 'cho-htx-development-inquiry-form-secret';

export type FormTokenProblem = 'invalid' | 'too_fast' | 'expired';

async function mac(secret: string, issuedAt: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`inquiry-form:${issuedAt}`));
  return new Uint8Array(signature);
}

export async function issueFormToken(secret: string, now: Date): Promise<string> {
  const issuedAt = now.getTime();
  return `${issuedAt}.${encodeBase64urlNoPadding(await mac(secret, issuedAt))}`;
}

/** Null when the form was filled in by someone who took their time; otherwise what is wrong. */
export async function checkFormToken(secret: string, token: string, now: Date): Promise<FormTokenProblem | null> {
  const match = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return 'invalid';
  const issuedAt = Number(match[1]);
  let presented: Uint8Array;
  try {
    presented = decodeBase64urlIgnorePadding(match[2] as string);
  } catch {
    return 'invalid';
  }
  if (!constantTimeEqual(presented, await mac(secret, issuedAt))) return 'invalid';
  const age = now.getTime() - issuedAt;
  if (age < MIN_FILL_MS) return 'too_fast';
  if (age > MAX_AGE_MS) return 'expired';
  return null;
}

export function formSecret(env: { INQUIRY_FORM_SECRET?: string }): string {
  return env.INQUIRY_FORM_SECRET || DEVELOPMENT_FORM_SECRET;
}
