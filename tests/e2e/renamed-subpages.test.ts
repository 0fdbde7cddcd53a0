/**
 * Every page addressed by a record's slug, over HTTP on the built worker: the
 * table below is checked against src/pages (a page added under a `[slug]`
 * folder must be named in it). Each page at a renamed record's old slug
 * answers 301 to the same page at the current slug, vi and en, the rest of
 * the path and the query kept, in one hop, to whom may see the record there;
 * to anyone else it answers as the current slug does, without the new name
 * (another cooperative's member, a visitor, a renamed draft's public page).
 * A form posted to an old address (a page opened before the rename) is sent
 * on with 308 and saved at the current one. The console report's download of
 * one event's registrations (`?event=<slug>`) follows an old slug too.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { COOPERATIVE_COLUMNS } from '../../src/server/imports/cooperative-import';
import { importUpload } from '../support/import-pages';
import { site } from '../support/site';
import { validEvent, validProductForm } from '../support/valid-input';

const baseUrl = inject('baseUrl');
const { get, post, postMultipart, postWithPhoto, signIn } = site(baseUrl);
const stamp = String(Date.now()).slice(-7);

type Asker = 'member' | 'officer' | 'visitor';
type Record = 'product' | 'event' | 'cooperative';

/** Each folder of pages addressed by a record's slug: whose record, and who opens its pages. */
const AREAS: { folders: string[]; record: Record; asker: Asker }[] = [
  { folders: ['tai-khoan/san-pham', 'en/account/products'], record: 'product', asker: 'member' },
  { folders: ['tai-khoan/su-kien-quan-ly', 'en/account/manage-events'], record: 'event', asker: 'officer' },
  { folders: ['tai-khoan/su-kien', 'en/account/events'], record: 'event', asker: 'member' },
  { folders: ['quan-tri/hop-tac-xa', 'en/admin/cooperatives'], record: 'cooperative', asker: 'officer' },
  { folders: ['san-pham', 'en/products'], record: 'product', asker: 'visitor' },
  { folders: ['su-kien', 'en/events'], record: 'event', asker: 'visitor' },
  { folders: ['hop-tac-xa', 'en/cooperatives'], record: 'cooperative', asker: 'visitor' },
];
/** Provinces' old slugs are the former provinces' (tests/e2e/catalogue-lists.test.ts), not a record's. */
const NOT_RECORDS = ['tinh', 'en/provinces'];

const pagesRoot = resolve(import.meta.dirname, '../../src/pages');

/** Every page file with a `[slug]` in its path, as the address it serves (`[slug]` kept, other parameters made up). */
function slugPages(): string[] {
  return readdirSync(pagesRoot, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.astro'))
    .map((entry) => relative(pagesRoot, join(entry.parentPath, entry.name)))
    .filter((file) => file.includes('[slug]'))
    .map((file) =>
      `/${file}`
        .replace(/\.astro$/, '')
        .replace(/\/index$/, '')
        .replace(/\[(batch|id)\]/g, 'khong-co'),
    );
}

function areaOf(page: string) {
  const folder = page.slice(1, page.indexOf('/[slug]'));
  return AREAS.find((area) => area.folders.includes(folder)) ?? null;
}

describe('every page addressed by a renamed record’s slug', async () => {
  const member = await signIn('quanly1@cho-htx.test');
  const officer = await signIn('canbo@cho-htx.test');
  const outsider = await signIn('quanly2@cho-htx.test');
  const cookies: { [asker in Asker]: string | undefined } = { member, officer, visitor: undefined };

  /** A published event of the officer's, renamed: its old and current slugs. */
  async function renamedEvent(): Promise<[string, string]> {
    const fields = Object.fromEntries(
      Object.entries(
        validEvent({ titleVi: `Hội chợ cũ ${stamp}`, startDate: '2027-08-07', endDate: '2027-08-08' }),
      ).map(([key, value]) => [key, String(value)]),
    );
    const created = await post('/tai-khoan/su-kien-quan-ly/moi', { ...fields, intent: 'create' }, officer);
    const edit = (created.headers.get('location') ?? '').replace(/\?.*$/, '');
    expect((await post(edit, { intent: 'publish' }, officer)).status).toBe(303);
    const version = /name="version" value="(\d+)"/.exec(await (await get(edit, officer)).text())?.[1] ?? '';
    const saved = await post(edit, { ...fields, titleVi: `Hội chợ mới ${stamp}`, version, intent: 'save' }, officer);
    expect(saved.status).toBe(303);
    return [`hoi-cho-cu-${stamp}`, `hoi-cho-moi-${stamp}`];
  }

  /** A published product of the member's cooperative, renamed while a draft: its old and current slugs. */
  async function renamedProduct(): Promise<[string, string]> {
    const draft = validProductForm({ nameVi: `Trà shan cũ ${stamp}` });
    const created = await postWithPhoto('/tai-khoan/san-pham/moi', draft, member);
    const path = (created.headers.get('location') ?? '').replace(/\?.*$/, '');
    expect((await postWithPhoto(path, { ...draft, nameVi: `Trà shan mới ${stamp}` }, member)).status).toBe(303);
    return [`tra-shan-cu-${stamp}`, `tra-shan-moi-${stamp}`];
  }

  /** A cooperative the register creates, then renames (the same registration code, a new name). */
  async function renamedCooperative(): Promise<[string, string]> {
    const importAs = async (name: string) => {
      const rows = [
        COOPERATIVE_COLUMNS.map((column) => column.headers.vi),
        COOPERATIVE_COLUMNS.map((column) =>
          column.field === 'registrationCode'
            ? `DT${stamp}`
            : column.field === 'name'
              ? name
              : column.field === 'managerEmail'
                ? ''
                : column.example,
        ),
      ];
      const file = new TextEncoder().encode(rows.map((cells) => cells.map((c) => `"${c}"`).join(',')).join('\n'));
      const previewed = await postMultipart('/quan-tri/nhap-hop-tac-xa', importUpload(file, 'dk.csv'), officer);
      const run = new URL(previewed.headers.get('location') ?? '', baseUrl).searchParams.get('run') ?? '';
      const fields = { run, mode: 'valid' };
      const imported = await postMultipart(
        '/quan-tri/nhap-hop-tac-xa',
        importUpload(new Uint8Array(), '', fields),
        officer,
      );
      expect(imported.status).toBe(303);
    };
    await importAs(`HTX Đổi Tên Cũ ${stamp}`);
    await importAs(`HTX Đổi Tên Mới ${stamp}`);
    return [`htx-doi-ten-cu-${stamp}`, `htx-doi-ten-moi-${stamp}`];
  }

  const [product, event, cooperative] = await Promise.all([renamedProduct(), renamedEvent(), renamedCooperative()]);
  const slugs: { [record in Record]: [string, string] } = { product, event, cooperative };
  // The product is a draft: its public pages are the access case below; published records are checked there too.
  const table = slugPages()
    .filter((page) => !NOT_RECORDS.some((folder) => page.startsWith(`/${folder}/`)))
    .map((page) => ({ page, area: areaOf(page) }));

  it('names every page under a [slug] folder', () => {
    expect(table.length).toBeGreaterThan(40);
    expect(table.filter(({ area }) => area === null).map(({ page }) => page)).toEqual([]);
  });

  it('answers 301 from the old slug to the same page at the current one, in one hop, query kept', async () => {
    const signedIn = table.filter(({ area }) => area && !(area.asker === 'visitor' && area.record === 'product'));
    for (const { page, area } of signedIn) {
      const [old, current] = slugs[area!.record];
      const from = `${page.replace('[slug]', old)}?ref=e2e`;
      const to = `${page.replace('[slug]', current)}?ref=e2e`;
      const cookie = cookies[area!.asker];
      const moved = await get(from, cookie);
      expect(moved.status, from).toBe(301);
      expect(moved.headers.get('location'), from).toBe(to);
      const there = await get(to, cookie);
      // The current address answers itself: made-up batch or report ids are a 404, and so is a fair's
      // report to a cooperative with no booth there, and its catalogue file is refused (403); the other pages show.
      const ownAnswer = page.includes('khong-co') || (area!.asker === 'member' && area!.record === 'event');
      if (ownAnswer) expect([200, 403, 404, 409], to).toContain(there.status);
      else expect(there.status, to).toBe(200);
    }
  });

  it('answers the console report’s downloads of an event named by its old slug, vi and en', async () => {
    const [old, current] = event;
    for (const report of ['/quan-tri/bao-cao', '/en/admin/report']) {
      const moved = await get(`${report}?format=registrations-csv&event=${old}`, officer);
      expect(moved.status, report).toBe(301);
      expect(moved.headers.get('location'), report).toBe(`${report}?format=registrations-csv&event=${current}`);
      const file = await get(moved.headers.get('location')!, officer);
      expect(file.status, report).toBe(200);
      expect(file.headers.get('content-type'), report).toContain('text/csv');
    }
    expect((await get(`/quan-tri/bao-cao?format=registrations-csv&event=chua-tung-co-${stamp}`, officer)).status).toBe(
      404,
    );
  });

  it('answers HEAD as GET', async () => {
    const [old, current] = product;
    const res = await fetch(`${baseUrl}/tai-khoan/san-pham/${old}/lo-hang`, {
      method: 'HEAD',
      redirect: 'manual',
      headers: { cookie: member },
    });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`/tai-khoan/san-pham/${current}/lo-hang`);
  });

  it('tells no one the new slug the current one would not show them', async () => {
    const [old, current] = product;
    // Another cooperative's member: the dashboard's 404, as at the current slug.
    for (const slug of [old, current]) {
      const res = await get(`/tai-khoan/san-pham/${slug}/lo-hang`, outsider);
      expect(res.status).toBe(404);
      expect(res.headers.get('location')).toBeNull();
    }
    // A visitor is asked to sign in, and comes back to the address they asked for.
    const visitor = await get(`/tai-khoan/san-pham/${old}`);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).not.toContain(current);
    // A draft has no public page: its old slug is a 404 as its current one is, vi and en.
    for (const path of [`/san-pham/${old}`, `/en/products/${old}`, `/san-pham/${current}`]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('location'), path).toBeNull();
    }
    // An officer does not edit a cooperative's products: the dashboard's answer, not the new address.
    const officers = await get(`/tai-khoan/san-pham/${old}`, officer);
    expect(officers.status).toBe(403);
    expect(officers.headers.get('location')).toBeNull();
  });

  it('sends a form posted to the old address on to the current one, where it is saved', async () => {
    const [old, current] = product;
    const form = validProductForm({ nameVi: `Trà shan mới ${stamp}`, priceVnd: '310000' });
    const sent = await post(`/tai-khoan/san-pham/${old}`, form, member);
    expect(sent.status).toBe(308);
    expect(sent.headers.get('location')).toBe(`/tai-khoan/san-pham/${current}`);
    const saved = await post(sent.headers.get('location')!, form, member);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/tai-khoan/san-pham/${current}?done=saved`);
    expect(await (await get(`/tai-khoan/san-pham/${current}`, member)).text()).toContain('value="310000"');
  });
});
