/**
 * The demo shows what a buyer reads before writing to a cooperative that has
 * answered before: its usual response time beside the inquiry form, on the
 * product page (brief) and on the inquiry form (with how many it answered).
 * The seed's answered threads (src/server/db/seed/inquiries.ts) make it so.
 */
import { describe, expect, inject, it } from 'vitest';
import { buildDemoDataset } from '../../src/server/db/seed/demo';
import { ANSWERING_COOPERATIVES } from '../../src/server/db/seed/inquiries';
import { textOf } from '../support/html';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get } = site(baseUrl);

describe('the usual response time in the demo', () => {
  // Slugs are keyed by the rows' places, not by the day the demo was seeded.
  const data = buildDemoDataset(new Date());
  const answering = data.cooperatives[ANSWERING_COOPERATIVES[0]!]!;
  const product = data.products.find((row) => row.cooperativeId === answering.id && row.status === 'published')!;

  it('shows beside the inquiry form of a cooperative that answered before, in both languages', async () => {
    const vi = await get(`/san-pham/${product.slug}`);
    expect(vi.status).toBe(200);
    expect(textOf(await vi.text())).toMatch(/Thường trả lời trong khoảng \S/);
    const en = await get(`/en/products/${product.slug}`);
    expect(en.status).toBe(200);
    expect(textOf(await en.text())).toMatch(/Usually answers within about \S/);
  });

  it('says nothing of a cooperative that has not answered enough inquiries', async () => {
    const quiet = data.cooperatives[0]!;
    const other = data.products.find((row) => row.cooperativeId === quiet.id && row.status === 'published')!;
    const html = textOf(await (await get(`/san-pham/${other.slug}`)).text());
    expect(html).not.toContain('Thường trả lời trong khoảng');
  });
});
