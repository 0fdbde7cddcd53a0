/**
 * Who may declare or change a claim, beyond being a member of the owning
 * cooperative (findOwnedProduct): a cooperative the trade department
 * suspended may not add to what it claims until the suspension is lifted,
 * since its claims could not be shown anyway and a verification would be
 * work spent on a record that is off the public site.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cooperatives } from '../db/schema';
import type { FieldIssues } from '../errors';

/** Issues that stop cooperative `cooperativeId` from claiming anything: `cooperative` when it is not active. */
export async function claimantIssues(db: Database, cooperativeId: string): Promise<FieldIssues> {
  const [row] = await db
    .select({ status: cooperatives.status })
    .from(cooperatives)
    .where(eq(cooperatives.id, cooperativeId))
    .limit(1);
  return row?.status === 'active' ? {} : { cooperative: { code: 'claimant_suspended' } };
}
