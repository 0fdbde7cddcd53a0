/**
 * The product API of a cooperative's own software (/managed-products), on
 * libSQL and on D1 as workerd runs it, with the MEDIA bucket and IMAGES
 * binding wrangler runs locally: the whole round trip (draft → photo →
 * submit → approve → edit → change for review → approve), per-field refusals
 * in both languages, photos as multipart uploads refused by content and
 * size with nothing left in the bucket, reordering and removal, and who may
 * do any of it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionary, format } from '../../src/i18n';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { mediaImages, products } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { MAX_IMAGE_MEGABYTES, MAX_PRODUCT_IMAGES } from '../../src/server/media/limits';
import { approveProduct, approveRevision } from '../../src/server/moderation/moderation';
import { findRevision } from '../../src/server/moderation/pending-revisions';
import { type LocalD1, openLocalD1 } from '../../scripts/lib/local-d1';
import { createTestCooperative, createTestUser, sessionCookieFor, sessionUserOf } from '../support/accounts';
import { apiOn, call, TEST_ENV } from '../support/api';
import { readJson } from '../support/http';
import { file, gif, jpegWithGps, png, webp } from '../support/images';
import { bothStores } from '../support/stores';

const ORIGIN = 'http://localhost';

let bindings: LocalD1;
let bindingsDir: string;

beforeAll(async () => {
  // The bucket and image pipeline of `wrangler dev`, for both stores (only the database differs between them).
  bindingsDir = await mkdtemp(join(tmpdir(), 'cho-htx-managed-products-media-'));
  bindings = await openLocalD1(bindingsDir);
}, 120_000);
afterAll(async () => {
  await bindings?.dispose();
  await rm(bindingsDir, { recursive: true, force: true });
});

let n = 0;
const productBody = (extra: Record<string, unknown> = {}) => ({
  nameVi: `Mật ong hoa nhãn API ${++n}`,
  nameEn: 'Longan blossom honey',
  descriptionVi: 'Mật ong nguyên chất.',
  ocopGroup: 'thuc_pham',
  provinceCode: '01',
  priceVnd: 180000,
  unitVi: 'chai 500 ml',
  unitEn: '500 ml bottle',
  minOrder: 10,
  ...extra,
});

/** An upload's form: a small PNG in `photo` unless another file (or none) is given. */
const photoForm = async (fields: Record<string, string> = {}, photo?: File | null) => {
  const form = new FormData();
  const chosen = photo === undefined ? file(await png(320, 240), 'mat-ong.png', 'image/png') : photo;
  if (chosen) form.set('photo', chosen);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
};

describe.each(bothStores('managed-products'))('the product API on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let api: ReturnType<typeof apiOn>;
  let member: string;
  let otherMember: string;
  let officerCookie: string;
  let officer: SessionUser;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    const cooperative = await createTestCooperative(db);
    const other = await createTestCooperative(db);
    member = await sessionCookieFor(
      db,
      (await createTestUser(db, { role: 'member', cooperativeId: cooperative, iterations: 1000 })).id,
    );
    otherMember = await sessionCookieFor(
      db,
      (await createTestUser(db, { role: 'member', cooperativeId: other, iterations: 1000 })).id,
    );
    const officerRow = await createTestUser(db, { role: 'officer', iterations: 1000 });
    officerCookie = await sessionCookieFor(db, officerRow.id);
    officer = sessionUserOf(officerRow, 'officer');
    api = apiOn(db);
    // A fresh local D1 is migrated by wrangler through its platform proxy: minutes on a busy machine.
  }, 300_000);
  afterAll(async () => dispose?.());

  const env = () => ({ ...TEST_ENV, MEDIA: bindings.media, IMAGES: bindings.images }) as Env;

  function send(
    method: string,
    path: string,
    body?: FormData | unknown,
    { cookie = member, lang = 'vi', type }: { cookie?: string; lang?: string; type?: string } = {},
  ) {
    const headers: Record<string, string> = { origin: ORIGIN, cookie };
    const isForm = body instanceof FormData;
    let payload: BodyInit | undefined;
    if (typeof body === 'string') {
      payload = body;
      headers['content-type'] = type ?? 'application/json';
    } else if (isForm) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    return call(api, `${path}?lang=${lang}`, { method, headers, body: payload }, env());
  }

  const objectCount = async () => (await bindings.media.list()).objects.length;
  const mediaRows = async () => (await db.select({ id: mediaImages.id }).from(mediaImages)).length;

  async function draft(extra: Record<string, unknown> = {}) {
    const res = await send('POST', '/managed-products', productBody(extra));
    expect(res.status, await res.clone().text()).toBe(201);
    return (await readJson(res)) as { slug: string; id: string };
  }

  it('goes from a draft to a published product and through a change for review', async () => {
    const created = await send('POST', '/managed-products', productBody({ nameVi: 'Mật ong hoa nhãn vòng đời' }));
    expect(created.status).toBe(201);
    const product = await readJson(created);
    expect(product).toMatchObject({
      slug: 'mat-ong-hoa-nhan-vong-doi',
      status: 'draft',
      photos: [],
      revision: null,
      input: { nameVi: 'Mật ong hoa nhãn vòng đời', priceVnd: 180000, minOrder: 10, commune: null },
    });
    const path = `/managed-products/${product.slug}`;

    // Edited in place while a draft.
    const saved = await send('PUT', path, productBody({ nameVi: 'Mật ong hoa nhãn vòng đời', priceVnd: 190000 }));
    expect(saved.status).toBe(200);
    expect(await readJson(saved)).toMatchObject({
      outcome: 'saved',
      product: { status: 'draft', input: { priceVnd: 190000 } },
    });

    // Not to review without a photo.
    const early = await send('POST', `/products/${product.slug}/submit`);
    expect(early.status).toBe(422);
    expect((await readJson(early)).error.fields).toEqual({ images: dictionary('vi').validation.photo_required });

    const uploaded = await send(
      'POST',
      `${path}/photos`,
      await photoForm({ altVi: 'Chai mật ong', altEn: 'A bottle' }),
    );
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const { photos } = await readJson(uploaded);
    expect(photos).toHaveLength(1);
    expect(photos[0]).toMatchObject({ altVi: 'Chai mật ong', altEn: 'A bottle', width: 320, height: 240 });
    expect(photos[0].url).toBe(`/media/${photos[0].id}/1600.webp`);

    expect((await send('POST', `/products/${product.slug}/submit`)).status).toBe(200);
    // Waiting for review: neither its fields nor its photos change.
    const inReview = await send('PUT', path, productBody({ nameVi: 'Mật ong hoa nhãn vòng đời' }), { lang: 'en' });
    expect(inReview.status).toBe(409);
    expect((await readJson(inReview)).error.fields).toEqual({ status: dictionary('en').validation.product_in_review });
    const before = await objectCount();
    const photoInReview = await send('POST', `${path}/photos`, await photoForm());
    expect(photoInReview.status).toBe(409);
    expect((await readJson(photoInReview)).error.fields).toEqual({
      images: dictionary('vi').validation.photos_in_review,
    });
    expect(await objectCount()).toBe(before);

    const [row] = await db.select({ updatedAt: products.updatedAt }).from(products).where(eq(products.id, product.id));
    await approveProduct(db, officer, product.id, row!.updatedAt.getTime(), new Date());
    expect(await readJson(await send('GET', path))).toMatchObject({ status: 'published', revision: null });

    // A published product's edit waits for review; the public keeps the approved price.
    const proposed = await send('PUT', path, productBody({ nameVi: 'Mật ong hoa nhãn vòng đời', priceVnd: 210000 }));
    expect(proposed.status).toBe(200);
    const proposal = await readJson(proposed);
    expect(proposal).toMatchObject({
      outcome: 'proposed',
      product: {
        status: 'published',
        input: { priceVnd: 190000 },
        revision: { status: 'pending', input: { priceVnd: 210000 }, changedFields: ['priceVnd'] },
      },
    });
    const publicRead = await readJson(await call(api, `/products/${product.slug}`));
    expect(publicRead.priceVnd).toBe(190000);
    // Photos of a published product do not change through a change for review.
    const locked = await send('DELETE', `${path}/photos/${photos[0].id}`);
    expect(locked.status).toBe(409);
    expect((await readJson(locked)).error.fields).toEqual({ images: dictionary('vi').validation.photos_of_published });

    const revision = await findRevision(db, 'product', product.id);
    await approveRevision(db, officer, revision!.id, revision!.version, new Date());
    const after = await readJson(await send('GET', path));
    expect(after).toMatchObject({ status: 'published', revision: null, input: { priceVnd: 210000 } });

    const listed = await readJson(await send('GET', '/managed-products'));
    expect(listed.items).toContainEqual(
      expect.objectContaining({ slug: product.slug, status: 'published', revisionStatus: null }),
    );
  });

  it('refuses bad fields one by one, in Vietnamese and English, and writes nothing', async () => {
    const count = async () => (await db.select({ id: products.id }).from(products)).length;
    const before = await count();
    const body = productBody({
      nameVi: 'x',
      gtin: '8934567000018',
      priceVnd: -5,
      provinceCode: '99',
      status: 'published',
    });
    for (const lang of ['vi', 'en'] as const) {
      const res = await send('POST', '/managed-products', body, { lang });
      expect(res.status).toBe(422);
      const { error } = await readJson(res);
      const t = dictionary(lang).validation;
      expect(error.code).toBe('validation_failed');
      expect(error.fields).toMatchObject({
        nameVi: format(t.too_short, { min: 2 }),
        gtin: t.gtin_check_digit,
        priceVnd: format(t.too_small, { min: 0 }),
        status: t.unknown_field,
      });
    }
    expect(await count()).toBe(before);
    expect(
      (await send('POST', '/managed-products', 'nameVi=x', { type: 'application/x-www-form-urlencoded' })).status,
    ).toBe(415);
    expect((await send('POST', '/managed-products', '{"nameVi":')).status).toBe(400);
  });

  it("keeps the cooperative's own product code, unique within the cooperative only", async () => {
    const first = await draft({ nameVi: 'Mật ong mã riêng', sku: 'MOHN-500' });
    expect((await readJson(await send('GET', `/managed-products/${first.slug}`))).input).toMatchObject({
      sku: 'MOHN-500',
    });
    for (const lang of ['vi', 'en'] as const) {
      const taken = await send('POST', '/managed-products', productBody({ nameVi: 'Mật ong khác', sku: 'MOHN-500' }), {
        lang,
      });
      expect(taken.status).toBe(422);
      expect((await readJson(taken)).error.fields).toEqual({ sku: dictionary(lang).validation.sku_taken });
    }
    const malformed = await send('POST', '/managed-products', productBody({ nameVi: 'Mật ong khác', sku: 'MO HN' }));
    expect((await readJson(malformed)).error.fields).toEqual({ sku: dictionary('vi').validation.product_sku });
    // Saving the product with its own code is no clash; another cooperative may use the same code.
    expect(
      (
        await send(
          'PUT',
          `/managed-products/${first.slug}`,
          productBody({ nameVi: 'Mật ong mã riêng', sku: 'MOHN-500' }),
        )
      ).status,
    ).toBe(200);
    const elsewhere = await send('POST', '/managed-products', productBody({ nameVi: 'Mật ong', sku: 'MOHN-500' }), {
      cookie: otherMember,
    });
    expect(elsewhere.status).toBe(201);
    // The other cooperative has no products in the tests that follow.
    await db.delete(products).where(eq(products.id, ((await readJson(elsewhere)) as { id: string }).id));
  });

  it('takes photos by their content, refuses the rest on field photo with nothing stored', async () => {
    const { slug } = await draft();
    const path = `/managed-products/${slug}/photos`;
    const refused: [string, File, string, Record<string, string | number>][] = [
      ['an HTML page named .jpg', file('<!doctype html><script>alert(1)</script>', 'anh.jpg'), 'image_type', {}],
      ['a GIF', file(await gif(), 'anh.gif', 'image/gif'), 'image_type', {}],
      ['an empty file', file(new Uint8Array(), 'rong.jpg'), 'image_empty', {}],
      [
        'a file over the photo limit',
        file(new Uint8Array(MAX_IMAGE_MEGABYTES * 1024 * 1024 + 1).fill(0xff), 'lon.jpg'),
        'image_too_large',
        { max: MAX_IMAGE_MEGABYTES },
      ],
    ];
    for (const [what, photo, code, params] of refused) {
      const objects = await objectCount();
      const rows = await mediaRows();
      for (const lang of ['vi', 'en'] as const) {
        const res = await send('POST', path, await photoForm({}, photo), { lang });
        expect(res.status, what).toBe(422);
        const message = format(dictionary(lang).validation[code as 'image_type'], { file: photo.name, ...params });
        expect((await readJson(res)).error.fields, what).toEqual({ photo: message });
      }
      expect(await objectCount(), what).toBe(objects);
      expect(await mediaRows(), what).toBe(rows);
    }

    // No file, an alt text too long: both named at once, before anything is stored.
    const missing = await send('POST', path, await photoForm({ altVi: 'ả'.repeat(301) }, null), { lang: 'en' });
    expect(missing.status).toBe(422);
    expect((await readJson(missing)).error.fields).toEqual({
      photo: dictionary('en').validation.required,
      altVi: format(dictionary('en').validation.too_long, { max: 300 }),
    });
    // Not multipart: 415; larger than the API's upload limit: 413, unread.
    expect((await send('POST', path, { photo: 'x' })).status).toBe(415);
    const huge = await send('POST', path, await photoForm({}, file(new Uint8Array(11 * 1024 * 1024), 'x.jpg')));
    expect(huge.status).toBe(413);
    expect((await readJson(huge)).error.code).toBe('payload_too_large');

    // JPEG (its GPS position gone with the re-encoding), PNG and WebP are taken.
    for (const [photo, fields] of [
      [file(await jpegWithGps(1200, 900), 'a.jpg'), {}],
      [file(await webp(500, 500), 'b.webp', 'image/webp'), { position: '1' }],
    ] as const) {
      expect((await send('POST', path, await photoForm(fields, photo))).status).toBe(201);
    }
    const { photos } = await readJson(await send('GET', `/managed-products/${slug}`));
    expect(photos.map((p: { width: number }) => p.width)).toEqual([500, 1200]);
  });

  it('reorders photos with their text alternatives and removes one, naming what is wrong', async () => {
    const { slug } = await draft();
    const path = `/managed-products/${slug}/photos`;
    for (const size of [100, 200, 300]) {
      expect(
        (await send('POST', path, await photoForm({}, file(await png(size, size), `${size}.png`, 'image/png')))).status,
      ).toBe(201);
    }
    const ids: string[] = (await readJson(await send('GET', `/managed-products/${slug}`))).photos.map(
      (p: { id: string }) => p.id,
    );
    const [a, b, c] = ids as [string, string, string];

    const arranged = await send('PUT', path, {
      photos: [
        { id: c, altVi: 'Ảnh lớn', altEn: 'Large' },
        { id: a, altVi: '', altEn: '' },
        { id: b, altVi: 'Ảnh vừa', altEn: '' },
      ],
    });
    expect(arranged.status).toBe(200);
    expect((await readJson(arranged)).photos.map((p: { id: string; altVi: string }) => [p.id, p.altVi])).toEqual([
      [c, 'Ảnh lớn'],
      [a, ''],
      [b, 'Ảnh vừa'],
    ]);

    const t = dictionary('vi').validation;
    const incomplete = await send('PUT', path, { photos: [{ id: c }, { id: a }] });
    expect(incomplete.status).toBe(422);
    expect((await readJson(incomplete)).error.fields).toEqual({
      photos: format(t.photo_list_incomplete, { count: 3 }),
    });
    const unknown = 'abcdefghijklmnopqrstuvwxyz234567';
    const wrong = await send('PUT', path, { photos: [{ id: c }, { id: c }, { id: unknown }] });
    expect((await readJson(wrong)).error.fields).toEqual({
      'photos.1.id': t.photo_repeated,
      'photos.2.id': t.unknown_photo,
    });

    const removed = await send('DELETE', `${path}/${a}`);
    expect(removed.status).toBe(200);
    expect((await readJson(removed)).photos.map((p: { id: string }) => p.id)).toEqual([c, b]);
    const gone = await send('DELETE', `${path}/${a}`);
    expect(gone.status).toBe(404);
    expect((await readJson(gone)).error.fields).toEqual({ id: t.unknown_photo });
  });

  it(`stops at ${MAX_PRODUCT_IMAGES} photos`, async () => {
    const { slug, id } = await draft();
    const filled = Array.from({ length: MAX_PRODUCT_IMAGES }, (_, i) => ({
      id: `photo${'b'.repeat(26)}${String.fromCharCode(97 + i)}`,
      width: 10,
      height: 10,
      altVi: '',
      altEn: '',
    }));
    await db.update(products).set({ images: filled }).where(eq(products.id, id));
    const objects = await objectCount();
    const res = await send('POST', `/managed-products/${slug}/photos`, await photoForm());
    expect(res.status).toBe(422);
    expect((await readJson(res)).error.fields).toEqual({
      photo: format(dictionary('vi').validation.image_count, { max: MAX_PRODUCT_IMAGES }),
    });
    expect(await objectCount()).toBe(objects);
  });

  it("answers another cooperative's member as for no product, and officers 403, storing nothing", async () => {
    const { slug } = await draft();
    const objects = await objectCount();
    for (const [method, path, body] of [
      ['GET', `/managed-products/${slug}`, undefined],
      ['PUT', `/managed-products/${slug}`, productBody()],
      ['POST', `/managed-products/${slug}/photos`, await photoForm()],
      ['PUT', `/managed-products/${slug}/photos`, { photos: [] }],
    ] as const) {
      const foreign = await send(method, path, body, { cookie: otherMember });
      expect(foreign.status, `${method} ${path}`).toBe(404);
      const officerAnswer = await send(method, path, body, { cookie: officerCookie });
      expect(officerAnswer.status, `${method} ${path}`).toBe(403);
    }
    expect(await objectCount()).toBe(objects);
    expect((await readJson(await send('GET', '/managed-products', undefined, { cookie: otherMember }))).items).toEqual(
      [],
    );
  });
});
