/**
 * Secrets of an inquiry's thread, mailed and never stored (only their SHA-256): the buyer's private link, which is
 * also the reply address of mail to the buyer, and the cooperative's reply address (thread.ts and inbound-mail.ts
 * read them).
 */
import { sql } from 'drizzle-orm';
import { hashToken, randomToken, SECRET_BYTES } from '../accounts/tokens';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { inquiries, inquiryThreadTokens } from '../db/schema';
import type { InquiryMessageAuthor } from './vocabulary';

/**
 * A new private link's secret, and the statement that stores its hash, only
 * if the inquiry exists when the batch runs (like queueStatements: a lost
 * idempotency race stores nothing and fails nothing).
 */
export function issueThreadToken(db: Database, inquiryId: string, now: Date, party: InquiryMessageAuthor = 'buyer') {
  const token = randomToken(SECRET_BYTES);
  // Values in the table's column order: id, inquiry_id, token_hash, created_at, revoked_at, party.
  const statement = db.insert(inquiryThreadTokens).select(sql`
    SELECT ${newId()}, ${inquiries.id}, ${hashToken(token)}, ${now.getTime()}, NULL, ${party}
    FROM ${inquiries} WHERE ${inquiries.id} = ${inquiryId}
  `);
  return { token, statement };
}
