/**
 * The people of a dashboard API test on the demo catalogue: a product of one
 * cooperative and one of another, a member of each (session cookies), and an
 * officer.
 */
import { asc } from 'drizzle-orm';
import type { Database } from '../../src/server/db/client';
import { products } from '../../src/server/db/schema';
import { createTestUser, sessionCookieFor } from './accounts';

export interface OwnedProductRow {
  id: string;
  slug: string;
  cooperativeId: string;
}

export async function dashboardMembers(db: Database) {
  const rows = await db
    .select({ id: products.id, slug: products.slug, cooperativeId: products.cooperativeId })
    .from(products)
    .orderBy(asc(products.id));
  const own = rows[0];
  const foreign = rows.find((row) => row.cooperativeId !== own?.cooperativeId);
  if (!own || !foreign) throw new Error('demo data has no two cooperatives with products');
  const memberOf = async (cooperativeId: string) =>
    sessionCookieFor(db, (await createTestUser(db, { role: 'member', cooperativeId })).id);
  return {
    own: own as OwnedProductRow,
    foreign: foreign as OwnedProductRow,
    member: await memberOf(own.cooperativeId),
    otherMember: await memberOf(foreign.cooperativeId),
    officer: await sessionCookieFor(db, (await createTestUser(db, { role: 'officer' })).id),
  };
}
