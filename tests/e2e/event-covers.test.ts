/**
 * Event covers over HTTP on the built worker (workerd, the local R2 bucket
 * and Miniflare's Images binding): a trade officer uploads a cover on the
 * event's edit page as photos are uploaded; the event page shows it with its
 * text alternative, and carries it as og:image and JSON-LD `image`; the
 * calendar list shows it small, the API names it, and the page has its share
 * links (address to copy, Facebook's sharer); a refused save keeps the
 * upload for the next try; a file that is not an image, a cooperative's
 * manager and another origin write nothing; a duplicate gets a copy of its
 * own; "remove" takes it off.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { file, jpegWithGps, mediaObjectCount } from '../support/images';
import { readJson } from '../support/http';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const { get, post, postMultipart, signIn } = site(baseUrl);

const stamp = Date.now() % 1_000_000;
const title = `Hội chợ ảnh bìa ${stamp}`;
const day = '2027-07-14';

function coverForm(fields: Record<string, string>, upload?: File): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  if (upload) data.append('coverFile', upload);
  return data;
}

const mediaIds = (html: string, size: number) => [
  ...new Set([...html.matchAll(new RegExp(`/media/([a-z2-7]{32})/${size}\\.webp`, 'g'))].map((m) => m[1] as string)),
];

describe('event covers', () => {
  let officer = '';
  let manager = '';
  let editPath = '';
  let slug = '';
  let coverId = '';

  beforeAll(async () => {
    officer = await signIn('canbo@cho-htx.test');
    manager = await signIn('quanly1@cho-htx.test');
    const res = await post(
      '/tai-khoan/su-kien-quan-ly/moi',
      {
        kind: 'fair',
        titleVi: title,
        titleEn: `Cover fair ${stamp}`,
        organiser: 'Sở Công Thương Hà Nội',
        allDay: 'on',
        startDate: day,
        endDate: day,
        venue: 'Cung Văn hoá Hữu nghị',
        address: '91 Trần Hưng Đạo, Hà Nội',
        provinceCode: '01',
        intent: 'create-publish',
      },
      officer,
    );
    expect(res.status).toBe(303);
    editPath = (res.headers.get('location') ?? '').replace(/\?.*$/, '');
    slug = editPath.split('/')[3] ?? '';
    expect(slug).not.toBe('');
  });

  it('has a cover form on the edit page, and no cover on the public page yet', async () => {
    const html = await (await get(editPath, officer)).text();
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('name="coverFile"');
    const page = await (await get(`/su-kien/${slug}`)).text();
    expect(page).not.toContain('class="event-page__cover');
    expect(page).not.toContain('og:image');
  });

  it('keeps the upload of a save refused for a too long description, then sets it', async () => {
    const before = mediaObjectCount(dataDir);
    const refused = await postMultipart(
      editPath,
      coverForm({ coverAltVi: 'x'.repeat(301), coverAltEn: '' }, file(await jpegWithGps(1600, 900), 'bia.jpg')),
      officer,
    );
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('field-coverAltVi-error');
    // Stored once (three variants), and posted back so it is not chosen again.
    expect(mediaObjectCount(dataDir)).toBe(before + 3);
    const pending = /name="coverPending" value="([a-z2-7]{32})"/.exec(html)?.[1] ?? '';
    expect(pending).toMatch(/^[a-z2-7]{32}$/);

    const saved = await postMultipart(
      editPath,
      coverForm({
        coverAltVi: 'Gian hàng dưới mái bạt sọc đỏ',
        coverAltEn: 'Stalls under red striped awnings',
        coverPending: pending,
      }),
      officer,
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${editPath}?done=cover`);
    expect(mediaObjectCount(dataDir)).toBe(before + 3);
    coverId = pending;
    const edit = await (await get(`${editPath}?done=cover`, officer)).text();
    expect(edit).toContain('Đã lưu ảnh bìa.');
    expect(edit).toContain('Đặt ảnh bìa');
  });

  it('shows the cover on the event page with its description, as og:image and in JSON-LD, in both languages', async () => {
    const vi = await (await get(`/su-kien/${slug}`)).text();
    expect(vi).toMatch(
      new RegExp(
        `<img class="event-page__cover[^>]*src="/media/${coverId}/640\\.webp"[^>]*alt="Gian hàng dưới mái bạt sọc đỏ"`,
      ),
    );
    expect(vi).toMatch(/class="event-page__cover[^>]*width="640" height="360"/);
    expect(vi).toMatch(new RegExp(`<meta property="og:image" content="https?://[^"]+/media/${coverId}/1600\\.webp"`));
    const ld = [...vi.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)]
      .map((m) => JSON.parse(m[1] ?? '{}'))
      .find((item) => item['@type'] === 'Event');
    expect(ld?.image).toEqual([expect.stringMatching(new RegExp(`^https?://[^/]+/media/${coverId}/1600\\.webp$`))]);
    // The page can be passed on without script: its address to copy and Facebook's sharer (og:image shows the cover).
    const address = /<input id="share-link" type="url" value="([^"]+)"/.exec(vi)?.[1] ?? '';
    expect(address).toMatch(new RegExp(`^https?://[^/]+/su-kien/${slug}$`));
    expect(vi).toContain(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(address)}`);
    const en = await (await get(`/en/events/${slug}`)).text();
    expect(en).toContain('alt="Stalls under red striped awnings"');

    const api = await readJson(await get(`/api/v1/events/${slug}`));
    expect(api.image).toBe(`/media/${coverId}/1600.webp`);
    // Small beside the event in the calendar's list, decorative there (its title names it).
    const list = await (await get(`/su-kien?from=${day}&to=${day}`)).text();
    expect(list).toMatch(new RegExp(`<img class="event-item__cover" src="/media/${coverId}/160\\.webp"[^>]*alt=""`));
    expect(mediaIds(list, 160)).toContain(coverId);
  });

  it('refuses a file that is not an image, and anyone but an officer, writing nothing', async () => {
    const before = mediaObjectCount(dataDir);
    const notImage = await postMultipart(
      editPath,
      coverForm({ coverAltVi: '', coverAltEn: '' }, file('<svg xmlns="http://www.w3.org/2000/svg"/>', 'bia.jpg')),
      officer,
    );
    expect(notImage.status).toBe(422);
    expect(await notImage.text()).toContain('field-coverFile-error');
    const asManager = await postMultipart(
      editPath,
      coverForm({ coverAltVi: '' }, file(await jpegWithGps(320, 180), 'bia.jpg')),
      manager,
    );
    expect(asManager.status).toBe(403);
    const fromElsewhere = await postMultipart(
      editPath,
      coverForm({ coverAltVi: '' }, file(await jpegWithGps(320, 180), 'bia.jpg')),
      officer,
      { origin: 'https://evil.example' },
    );
    expect(fromElsewhere.status).toBe(403);
    expect(mediaObjectCount(dataDir)).toBe(before);
    expect((await readJson(await get(`/api/v1/events/${slug}`))).image).toBe(`/media/${coverId}/1600.webp`);
  });

  it('copies the cover into a duplicate as an image of its own, which outlives the original’s removal', async () => {
    const before = mediaObjectCount(dataDir);
    const res = await post(editPath, { intent: 'duplicate' }, officer);
    expect(res.status).toBe(303);
    const copyEdit = (res.headers.get('location') ?? '').replace(/\?.*$/, '');
    expect(copyEdit).not.toBe(editPath);
    const [copiedId] = mediaIds(await (await get(copyEdit, officer)).text(), 640);
    expect(copiedId).toMatch(/^[a-z2-7]{32}$/);
    expect(copiedId).not.toBe(coverId);
    expect(mediaObjectCount(dataDir)).toBe(before + 3);
    // Removing the original's cover leaves the copy's files where they are.
    expect(
      (await postMultipart(editPath, coverForm({ coverAltVi: '', coverAltEn: '', coverRemove: '1' }), officer)).status,
    ).toBe(303);
    expect((await get(`/media/${copiedId}/640.webp`)).status).toBe(200);
    expect(mediaIds(await (await get(copyEdit, officer)).text(), 640)).toEqual([copiedId]);
    // The original's cover back for the next step.
    expect(
      (await postMultipart(editPath, coverForm({ coverAltVi: '', coverAltEn: '', coverPending: coverId }), officer))
        .status,
    ).toBe(303);
  });

  it('removes the cover', async () => {
    const res = await postMultipart(editPath, coverForm({ coverAltVi: '', coverAltEn: '', coverRemove: '1' }), officer);
    expect(res.status).toBe(303);
    expect((await readJson(await get(`/api/v1/events/${slug}`))).image).toBeNull();
    expect(await (await get(`/su-kien/${slug}`)).text()).not.toContain('class="event-page__cover');
  });
});
