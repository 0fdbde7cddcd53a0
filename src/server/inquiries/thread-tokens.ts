/** The buyer's private links to an inquiry's thread: a random secret mailed to them, its SHA-256 stored (thread.ts reads it). */
import { sql } from 'drizzle-orm';
import { hashToken, randomToken, SECRET_BYTES } from '../accounts/tokens';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { inquiries, inquiryThreadTokens } from '../db/schema';

/**
 * A new private link's secret, and the statement that stores its hash, only
 * if the inquiry exists when the batch runs (like queueStatements: a lost
 * idempotency race stores nothing and fails nothing).
 */
export function issueThreadToken(db: Database, inquiryId: string, now: Date) {
  const token = randomToken(SECRET_BYTES);
  // Values in the table's column order: id, inquiry_id, token_hash, created_at, revoked_at.
  const statement = db.insert(inquiryThreadTokens).select(sql`
    SELECT ${newId()}, ${inquiries.id}, ${hashToken(token)}, ${now.getTime()}, NULL
    FROM ${inquiries} WHERE ${inquiries.id} = ${inquiryId}
  `);
  return { token, statement };
}
