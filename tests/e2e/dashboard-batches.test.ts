/**
 * The dashboard's batch and certificate pages over HTTP on the built worker:
 * a manager records a batch through the form without JavaScript (blank rows
 * left out, errors next to `steps.N.field`, values kept, rows added, moved
 * and removed by re-rendering), edits it; other cooperatives, officers,
 * visitors and other origins are refused; typed markup comes back escaped.
 */
import { describe, expect, inject, it } from 'vitest';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, signIn } = site(baseUrl);

/** The slugs of the products on a member's own product list. */
async function ownProductSlugs(cookie: string): Promise<string[]> {
  const res = await get('/tai-khoan/san-pham', cookie);
  expect(res.status).toBe(200);
  const html = await res.text();
  return [
    ...new Set([...html.matchAll(/href="\/tai-khoan\/san-pham\/([a-z0-9-]+)\/lo-hang"/g)].map((m) => m[1] as string)),
  ];
}

const step = (i: number, fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [`steps.${i}.${k}`, v]));
const goodStep = (when: string, kind = 'harvested') => ({
  kind,
  occurredAt: when,
  provinceCode: '24',
  place: 'Đồi vải Lục Ngạn',
  latitude: '',
  longitude: '',
  actorName: 'HTX thử nghiệm',
  actorKind: 'cooperative',
  evidenceNumber: '',
  evidenceUrl: '',
  noteVi: '',
  noteEn: '',
});
const blank = () => Object.fromEntries(Object.keys(goodStep('')).map((k) => [k, '']));

let lotSeq = 0;
const batchFields = (lotCode = `E2E-${Date.now() % 100000}-${++lotSeq}`) => ({
  lotCode,
  productionDate: '2026-06-20',
  bestBefore: '',
  quantity: '250,5',
  quantityUnit: 'kg',
});

describe('dashboard: batches of a product', async () => {
  const manager = await signIn('quanly1@cho-htx.test');
  const [slug] = await ownProductSlugs(manager);
  if (!slug) throw new Error('the first demo cooperative has no product');
  const base = `/tai-khoan/san-pham/${slug}/lo-hang`;

  it('lists the batches and offers a new-batch form with blank step rows', async () => {
    const list = await get(base, manager);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('private, no-store');
    const form = await (await get(`${base}/moi`, manager)).text();
    expect(form).toContain('name="steps.2.occurredAt"');
    expect(form).not.toContain('name="steps.3.occurredAt"');
  });

  it('shows errors next to the fields by their paths, keeps the values, and saves nothing', async () => {
    const fields = {
      ...batchFields(),
      ...step(0, goodStep('2026-06-12T07:00')),
      ...step(1, blank()),
      ...step(2, goodStep('2026-06-10T07:00', 'packaged')),
      action: 'save',
    };
    const res = await post(`${base}/moi`, fields, manager);
    expect(res.status).toBe(422);
    const html = await res.text();
    // The blank row was left out, so the second filled row is step 2 (index 1).
    expect(html).toMatch(/id="step-1-occurredAt-error"[^>]*>Bước 2 không thể diễn ra trước bước 1\./);
    expect(html).toMatch(/<input[^>]*name="steps\.1\.occurredAt"[^>]*value="2026-06-10T07:00"/);
    expect(html).toMatch(/<input[^>]*name="lotCode"[^>]*value="E2E-/);
    expect(html).toMatch(/<option value="packaged" selected>/);
    const list = await (await get(base, manager)).text();
    expect(list).not.toContain(fields.lotCode);
  });

  it('adds, moves and removes rows by re-rendering the form, saving nothing', async () => {
    const fields = {
      ...batchFields(),
      ...step(0, goodStep('2026-06-10T07:00')),
      ...step(1, goodStep('2026-06-11T07:00', 'packaged')),
    };
    const added = await (await post(`${base}/moi`, { ...fields, action: 'add' }, manager)).text();
    expect(added).toContain('name="steps.2.kind"');
    expect(added).toContain('CHƯA lưu');
    const moved = await (await post(`${base}/moi`, { ...fields, action: 'up:1' }, manager)).text();
    expect(moved).toMatch(/name="steps\.0\.occurredAt"[^>]*value="2026-06-11T07:00"/);
    const removed = await (await post(`${base}/moi`, { ...fields, action: 'remove:0' }, manager)).text();
    expect(removed).toMatch(/name="steps\.0\.occurredAt"[^>]*value="2026-06-11T07:00"/);
    expect(removed).not.toContain('name="steps.1.kind"');
  });

  it('saves a batch (303 to the list), then edits it: steps reordered and one removed', async () => {
    const fields = batchFields();
    const res = await post(
      `${base}/moi`,
      {
        ...fields,
        ...step(0, goodStep('2026-06-10T07:00')),
        ...step(1, goodStep('2026-06-10T07:00', 'processed')),
        ...step(2, goodStep('2026-06-11T09:30', 'packaged')),
        action: 'save',
      },
      manager,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base}?saved=${fields.lotCode}`);
    const list = await (await get(`${base}?saved=${fields.lotCode}`, manager)).text();
    const id = new RegExp(`href="${base}/([a-z0-9]+)"[^>]*>${fields.lotCode}<`).exec(list)?.[1];
    expect(id).toBeTruthy();
    const edit = await (await get(`${base}/${id}`, manager)).text();
    expect(edit).toMatch(/name="quantity"[^>]*value="250.5"/);
    expect(edit).toMatch(/name="steps\.2\.occurredAt"[^>]*value="2026-06-11T09:30"/);

    const saved = await post(
      `${base}/${id}`,
      {
        ...fields,
        ...step(0, goodStep('2026-06-10T07:00', 'processed')),
        ...step(1, goodStep('2026-06-10T07:00', 'harvested')),
        action: 'save',
      },
      manager,
    );
    expect(saved.status).toBe(303);
    const again = await (await get(`${base}/${id}`, manager)).text();
    expect(again).toMatch(/<select[^>]*name="steps\.0\.kind"[^>]*>[\s\S]*?<option value="processed" selected>/);
    expect(again).not.toContain('value="2026-06-11T09:30"');
  });

  it('renders typed markup escaped', async () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const res = await post(
      `${base}/moi`,
      {
        ...batchFields(),
        ...step(0, { ...goodStep('2026-06-10T07:00'), place: payload, noteVi: payload, occurredAt: 'x' }),
        action: 'save',
      },
      manager,
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    // Inside a quoted attribute value `<` is inert text; everywhere else the markup must be escaped.
    const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toContain('<script>alert(1)');
    expect(outsideAttributes).not.toMatch(/<img src=x/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('value="<script>alert(1)</script><img src=x onerror=alert(2)>"');
  });

  it("answers another cooperative's member as for no product (404), refuses an officer (403) and sends visitors to sign in", async () => {
    const otherManager = await signIn('quanly2@cho-htx.test');
    const officer = await signIn('canbo@cho-htx.test');
    for (const path of [base, `${base}/moi`, `/tai-khoan/san-pham/${slug}/chung-nhan`]) {
      expect((await get(path, otherManager)).status, path).toBe(404);
      expect((await get(path, officer)).status, path).toBe(403);
      const visitor = await get(path);
      expect(visitor.status, path).toBe(303);
      expect(visitor.headers.get('location')).toMatch(/^\/dang-nhap\?next=/);
    }
    const fields = batchFields();
    const forged = await post(
      `${base}/moi`,
      { ...fields, ...step(0, goodStep('2026-06-10T07:00')), action: 'save' },
      otherManager,
    );
    expect(forged.status).toBe(404);
    expect(await (await get(base, manager)).text()).not.toContain(fields.lotCode);
    expect((await get('/tai-khoan/san-pham', officer)).status).toBe(403);
  });

  it('refuses a form posted from another origin (CSRF) and saves nothing', async () => {
    const fields = batchFields();
    const res = await post(
      `${base}/moi`,
      { ...fields, ...step(0, goodStep('2026-06-10T07:00')), action: 'save' },
      manager,
      {
        origin: 'https://evil.example',
      },
    );
    expect(res.status).toBe(403);
    expect(await (await get(base, manager)).text()).not.toContain(fields.lotCode);
  });
});

describe('dashboard: certificates of a product', async () => {
  const manager = await signIn('quanly1@cho-htx.test');
  const [slug] = await ownProductSlugs(manager);
  const base = `/en/account/products/${slug}/certificates`;

  it('adds one, refuses an end before the start next to the field, and edits', async () => {
    const fields = {
      kind: 'organic',
      number: `HC-${Date.now() % 100000}`,
      issuer: 'Test certifier',
      validFrom: '2026-01-01',
      validUntil: '2025-01-01',
      evidenceUrl: '',
    };
    const refused = await post(base, fields, manager);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(/id="field-validUntil-error"[^>]*>[^<]*cannot precede/i);
    const added = await post(base, { ...fields, validUntil: '2028-12-31' }, manager);
    expect(added.status).toBe(303);
    const list = await (await get(`${base}?saved=1`, manager)).text();
    expect(list).toContain(fields.number);
    const id = new RegExp(`href="${base}/([a-z0-9]+)"`).exec(list)?.[1];
    // The edit form carries the revision it showed; an edit of a revision since changed is refused (409).
    const version = /name="version" value="(\d+)"/.exec(await (await get(`${base}/${id}`, manager)).text())?.[1];
    expect(version).toBe('0');
    const edited = await post(
      `${base}/${id}`,
      { ...fields, validUntil: '', number: `${fields.number}-B`, version: version ?? '' },
      manager,
    );
    expect(edited.status).toBe(303);
    expect(await (await get(base, manager)).text()).toContain(`${fields.number}-B`);
    const stale = await post(
      `${base}/${id}`,
      { ...fields, validUntil: '', number: `${fields.number}-C`, version: '0' },
      manager,
    );
    expect(stale.status).toBe(409);
    expect(await (await get(base, manager)).text()).not.toContain(`${fields.number}-C`);
  });
});
