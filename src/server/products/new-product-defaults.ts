/**
 * What a new product's form starts with. Most products are made where their
 * cooperative is, so its province and commune are filled in (the member can
 * change them); one unit is the smallest order until said otherwise.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cooperatives } from '../db/schema';

export interface NewProductDefaults {
  provinceCode: string;
  commune: string;
  minOrder: string;
}

export async function newProductDefaults(db: Database, cooperativeId: string | null): Promise<NewProductDefaults> {
  const [home] = cooperativeId
    ? await db
        .select({ provinceCode: cooperatives.provinceCode, commune: cooperatives.commune })
        .from(cooperatives)
        .where(eq(cooperatives.id, cooperativeId))
        .limit(1)
    : [];
  return { provinceCode: home?.provinceCode ?? '', commune: home?.commune ?? '', minOrder: '1' };
}
