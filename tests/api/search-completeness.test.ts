/**
 * Among search results the ranking rules score alike with the same stars, a
 * product with a photo comes before one without (ranking.ts, completeness),
 * whatever their dates: the search window reads whether each candidate has
 * a photo, not its photos (product-list.ts, CANDIDATE_COLUMNS).
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { listProducts } from '../../src/server/products/product-list';
import { vietnamDate } from '../../src/server/time/vietnam';
import { DEMO_NOW, demoDatabase } from '../support/demo';

let db: Database;
const today = vietnamDate(DEMO_NOW);
const PHOTO = JSON.stringify([{ id: 'a'.repeat(32), width: 960, height: 720, altVi: 'Ảnh', altEn: 'Photo' }]);

beforeAll(async () => {
  db = await demoDatabase();
});

describe('completeness among equals in a search', () => {
  it('puts the one with a photo first, and takes a malformed or empty value for none', async () => {
    const { items } = await listProducts(db, { q: 'mat ong', limit: 2 }, { today });
    const [first, second] = items;
    if (!first || !second) throw new Error('the demo has fewer than two honeys');
    // Alike in everything the rules weigh but the photo and the date: the first is the newer.
    await db.run(sql`UPDATE products SET name_vi = 'Mật ong rừng', name_en = 'Wild honey', search_name = 'mat ong rung wild honey', ocop_stars = 4,
      price_vnd = 100000, images = '[]', published_at = ${DEMO_NOW.getTime() - 86_400_000}
      WHERE id IN (${first.id}, ${second.id})`);
    await db.run(sql`UPDATE products SET published_at = ${DEMO_NOW.getTime()} WHERE id = ${first.id}`);
    const order = async () =>
      (await listProducts(db, { q: 'mat ong rung', limit: 50 }, { today })).items
        .map((item) => item.id)
        .filter((id) => id === first.id || id === second.id);
    expect(await order()).toEqual([first.id, second.id]);
    await db.run(sql`UPDATE products SET images = ${PHOTO} WHERE id = ${second.id}`);
    expect(await order()).toEqual([second.id, first.id]);
    await db.run(sql`UPDATE products SET images = 'not json' WHERE id = ${second.id}`);
    expect(await order()).toEqual([first.id, second.id]);
  });
});
