/**
 * A thread's reply address: `reply+<token>@<domain>`, the token being one of
 * the thread's secrets (thread-tokens.ts). Lower-case base32 of 32 bytes is 52
 * characters, so the local part (58) stays under the 64 RFC 5321 allows, and
 * a mail system that changes its case changes nothing.
 */
import { SECRET_BYTES, tokenPattern } from '../accounts/tokens';

const LOCAL_PREFIX = 'reply+';
const ADDRESS = new RegExp(`^${LOCAL_PREFIX.replace('+', '\\+')}(${tokenPattern(SECRET_BYTES)})@([^@\\s]+)$`);

export function replyAddress(token: string, domain: string): string {
  return `${LOCAL_PREFIX}${token}@${domain}`;
}

/** The token of a reply address (any case, with or without angle brackets), or null for any other address. */
export function tokenOfReplyAddress(address: string): string | null {
  const bare = address
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .toLowerCase();
  return ADDRESS.exec(bare)?.[1] ?? null;
}
