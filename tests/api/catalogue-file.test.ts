/**
 * A fair's catalogue PDF from the domain verb, on the bindings as workerd
 * runs them (local D1, the MEDIA bucket, the Images binding): photos stored
 * as WebP come out as JPEG in the PDF, every QR code decodes to its product's
 * page with the catalogue as the inquiry's source, and only officers and the
 * fair's confirmed exhibitors may print it; a draft is not found, and a fair
 * without a confirmed exhibitor has nothing to print (not an empty PDF).
 */
import { and, eq } from 'drizzle-orm';
import { PDFName, PDFRawStream, PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/db/ids';
import { eventRegistrationProducts, eventRegistrations, events, products } from '../../src/server/db/schema';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { catalogueFile } from '../../src/server/events/catalogue-file';
import { storeImage } from '../../src/server/media/uploads';
import { createTestCooperative, createTestUser, sessionUserOf } from '../support/accounts';
import { insertOpenEvent } from '../support/events';
import { freshLocalD1, type TestLocalD1 } from '../support/local-d1';
import { decodeQrIn, openPdf, pageText, rasteriseFills } from '../support/pdf';

const ORIGIN = 'https://cho-htx.example';
const now = new Date();
let local: TestLocalD1;
let slug: string;
let exhibitorId: string;
const shown: { slug: string; nameVi: string }[] = [];

/** A confirmed registration of `cooperativeId` at the event, showing `productIds`. */
async function confirm(eventSlug: string, cooperativeId: string, productIds: string[]) {
  const [event] = await local.db.select({ id: events.id }).from(events).where(eq(events.slug, eventSlug));
  const id = newId();
  await local.db
    .insert(eventRegistrations)
    .values({ id, eventId: event!.id, cooperativeId, booths: 2, status: 'confirmed', boothLabel: 'B7' });
  for (const productId of productIds)
    await local.db.insert(eventRegistrationProducts).values({ registrationId: id, productId });
}

const file = (user: Parameters<typeof catalogueFile>[1], eventSlug = slug, locale: 'vi' | 'en' = 'vi') =>
  catalogueFile(local.db, user, { bucket: local.media, images: local.images }, eventSlug, ORIGIN, locale, now);

async function userOf(role: 'officer' | 'member', cooperativeId: string | null = null) {
  return sessionUserOf(await createTestUser(local.db, { role, cooperativeId }), role, cooperativeId);
}

beforeAll(async () => {
  local = await freshLocalD1('catalogue');
  await seedReferenceData(local.db);
  await seedDemoData(local.db, now);
  // Three published products of one demo cooperative, the first two with a photo stored through the upload path (WebP variants).
  const [first] = await local.db
    .select({ cooperativeId: products.cooperativeId })
    .from(products)
    .where(eq(products.status, 'published'))
    .limit(1);
  const cooperativeId = first!.cooperativeId;
  const mine = await local.db
    .select({ id: products.id, slug: products.slug, nameVi: products.nameVi })
    .from(products)
    .where(and(eq(products.status, 'published'), eq(products.cooperativeId, cooperativeId)))
    .limit(3);
  expect(mine.length).toBeGreaterThanOrEqual(2);
  const jpeg = new Uint8Array(
    await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 200, g: 140, b: 30 } } })
      .jpeg()
      .toBuffer(),
  );
  for (const row of mine.slice(0, 2)) {
    const image = await storeImage(
      local.db,
      { bucket: local.media, images: local.images, added: [] },
      { cooperativeId, userId: null },
      jpeg,
    );
    await local.db
      .update(products)
      .set({ images: [image] })
      .where(eq(products.id, row.id));
  }
  slug = await insertOpenEvent(local.db, { titleVi: 'Hội chợ OCOP Thử nghiệm' });
  await confirm(
    slug,
    cooperativeId,
    mine.map((row) => row.id),
  );
  exhibitorId = cooperativeId;
  shown.push(...mine.map(({ slug: s, nameVi }) => ({ slug: s, nameVi })));
}, 300_000);

afterAll(async () => {
  await local?.remove();
});

describe('fair catalogue PDF (domain, local bindings)', () => {
  it('decodes every QR code to the product page with the catalogue as source, and prints the photos as JPEG', async () => {
    const result = await file(await userOf('officer'));
    if (result.kind !== 'pdf') throw new Error('expected a PDF');
    expect(result.name).toBe(`${slug}-danh-muc`);
    const pdf = await openPdf(result.bytes);
    const page = await pdf.getPage(1);
    const bitmap = await rasteriseFills(page, 3);
    const decoded = bitmap.forms.map((box) => decodeQrIn(bitmap, page.view[3]!, box));
    expect(decoded.sort()).toEqual(shown.map((p) => `${ORIGIN}/san-pham/${p.slug}?nguon=danh-muc.${slug}`).sort());
    const text = (await pageText(page)).join(' ');
    expect(text).toContain('Danh mục gian hàng: Hội chợ OCOP Thử nghiệm');
    expect(text).toContain('Gian B7');
    const parsed = await PDFDocument.load(result.bytes);
    const images = parsed.context
      .enumerateIndirectObjects()
      .flatMap(([, object]) => (object instanceof PDFRawStream ? [object.dict] : []))
      .filter((dict) => dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
    expect(images.map((dict) => dict.get(PDFName.of('Filter'))?.toString())).toEqual(['/DCTDecode', '/DCTDecode']);
  });

  it('prints the English catalogue with the English product addresses', async () => {
    const result = await file(await userOf('officer'), slug, 'en');
    if (result.kind !== 'pdf') throw new Error('expected a PDF');
    const pdf = await openPdf(result.bytes);
    const page = await pdf.getPage(1);
    const bitmap = await rasteriseFills(page, 3);
    const decoded = bitmap.forms.map((box) => decodeQrIn(bitmap, page.view[3]!, box));
    expect(decoded).toContain(`${ORIGIN}/en/products/${shown[0]!.slug}?nguon=danh-muc.${slug}`);
    expect((await pageText(page)).join(' ')).toContain('Page 1 of 1');
  });

  it('lets a member of a confirmed exhibitor print it, refuses other members and visitors', async () => {
    expect((await file(await userOf('member', exhibitorId))).kind).toBe('pdf');
    const stranger = await userOf('member', await createTestCooperative(local.db));
    await expect(file(stranger)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(file(null)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('does not find a draft event, even for officers', async () => {
    const draft = await insertOpenEvent(local.db, { status: 'draft' });
    await expect(file(await userOf('officer'), draft)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('has nothing to print, not an empty PDF, before any exhibitor is confirmed', async () => {
    const empty = await insertOpenEvent(local.db);
    const result = await file(await userOf('officer'), empty);
    expect(result.kind).toBe('empty');
  });
});
