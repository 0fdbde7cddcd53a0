/**
 * The demo's pictures go through the upload path on the bindings as workerd
 * runs them: variants in the local R2 bucket made by the Images binding, a
 * media row per upload owned by the cooperative (an event, for a cover), and
 * the product, logo and event cover records pointing at what is really
 * there, with text alternatives.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cooperatives, events, mediaImages, products } from '../../src/server/db/schema';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { buildDemoDataset } from '../../src/server/db/seed/demo';
import { type DemoPictureSource, seedDemoPictures } from '../../src/server/db/seed/pictures';
import { IMAGE_SIZES } from '../../src/server/media/limits';
import {
  mediaObjectKey,
  readStoredImage,
  readStoredImages,
  UPLOADED_LOGO_PATH,
} from '../../src/server/media/stored-image';
import { PRODUCT_TYPES } from '../../src/server/db/seed/content/products';
import { DEMO_COOPERATIVES } from '../../src/server/db/seed/content/cooperatives';
import {
  DEMO_PICTURES_DIR,
  eventCoverFileName,
  logoFileName,
  productPictureFileName,
} from '../../scripts/lib/demo-picture-files';
import { COVERED_EVENT_KINDS } from '../../scripts/lib/demo-pictures';
import { freshLocalD1, type TestLocalD1 } from '../support/local-d1';

describe('demo pictures through the upload path', () => {
  let local: TestLocalD1;
  const now = new Date();
  const demo = buildDemoDataset(now);
  // Storing every picture takes minutes on a busy machine: the first cooperative's logo and product types are enough.
  const first = demo.cooperatives[0];
  const types = DEMO_COOPERATIVES[0]?.types ?? [];
  const pictured = demo.products.filter((row) => types.includes(demo.productTypes.get(row.id ?? '') ?? ''));
  const source: DemoPictureSource = {
    product: async (typeKey) =>
      types.includes(typeKey)
        ? new Uint8Array(await readFile(join(DEMO_PICTURES_DIR, productPictureFileName(typeKey))))
        : null,
    logo: async (name) =>
      name === first?.name ? new Uint8Array(await readFile(join(DEMO_PICTURES_DIR, logoFileName(name)))) : null,
    eventCover: async (kind) =>
      COVERED_EVENT_KINDS.includes(kind)
        ? new Uint8Array(await readFile(join(DEMO_PICTURES_DIR, eventCoverFileName(kind))))
        : null,
  };
  // The first upcoming published event of each kind that has a drawing gets the cover.
  const covered = [
    ...new Map(
      demo.events
        .filter((e) => e.status === 'published' && e.endsAt >= now && COVERED_EVENT_KINDS.includes(e.kind))
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
        .reverse()
        .map((e) => [e.kind, e]),
    ).values(),
  ];

  beforeAll(async () => {
    local = await freshLocalD1('pictures');
    await seedReferenceData(local.db);
    await seedDemoData(local.db, now);
    // The whole demo through the local D1: minutes when the machine is busy.
  }, 1_200_000);

  afterAll(async () => {
    await local?.remove();
  });

  it('has a committed picture for every product type and every demo cooperative', async () => {
    for (const type of PRODUCT_TYPES) {
      const bytes = await readFile(join(DEMO_PICTURES_DIR, productPictureFileName(type.key)));
      expect(bytes.length, type.key).toBeLessThan(40 * 1024);
    }
    for (const seed of DEMO_COOPERATIVES) await readFile(join(DEMO_PICTURES_DIR, logoFileName(seed.name)));
    // A few covers only, small enough to commit.
    expect(COVERED_EVENT_KINDS.length).toBeLessThanOrEqual(4);
    for (const kind of COVERED_EVENT_KINDS) {
      const bytes = await readFile(join(DEMO_PICTURES_DIR, eventCoverFileName(kind)));
      expect(bytes.length, kind).toBeLessThan(48 * 1024);
    }
  });

  it('stores variants, media rows and records, once', async () => {
    expect(first).toBeDefined();
    const seeded = await seedDemoPictures(local.db, { bucket: local.media, images: local.images }, source, now);
    expect(covered.length).toBeGreaterThan(0);
    expect(seeded).toEqual({ logos: 1, products: pictured.length, covers: covered.length });

    // Each cover is the event's own upload, with its text alternatives, and its variants are in the bucket.
    const withCovers = await local.db
      .select({ id: events.id, cover: events.cover })
      .from(events)
      .where(
        inArray(
          events.id,
          covered.map((e) => e.id ?? ''),
        ),
      );
    expect(withCovers).toHaveLength(covered.length);
    for (const event of withCovers) {
      const cover = readStoredImage(event.cover);
      expect(cover).toMatchObject({ width: 1280, height: 720 });
      expect(cover?.altVi).toMatch(/^Hình minh hoạ: /);
      expect(cover?.altEn).toMatch(/^Illustration: /);
      const [owner] = await local.db
        .select()
        .from(mediaImages)
        .where(eq(mediaImages.id, cover?.id ?? ''));
      expect(owner).toMatchObject({ eventId: event.id, cooperativeId: null, uploadedBy: null });
      expect((await local.media.get(mediaObjectKey(cover?.id ?? '', 640)))?.httpMetadata?.contentType).toBe(
        'image/webp',
      );
    }
    const withAnyCover = await local.db.select({ id: events.id }).from(events).where(isNotNull(events.cover));
    expect(withAnyCover).toHaveLength(covered.length);

    const [coop] = await local.db
      .select()
      .from(cooperatives)
      .where(eq(cooperatives.id, first?.id ?? ''));
    expect(coop?.logoUrl).toMatch(UPLOADED_LOGO_PATH);

    const rows = await local.db
      .select({ id: products.id, images: products.images })
      .from(products)
      .where(
        inArray(
          products.id,
          pictured.map((row) => row.id ?? ''),
        ),
      );
    const images = rows.flatMap((row) => readStoredImages(row.images));
    expect(images).toHaveLength(pictured.length);
    for (const image of images) {
      expect(image.altVi).toMatch(/^Hình minh hoạ: /);
      expect(image.altEn).toMatch(/^Illustration: /);
      expect(image).toMatchObject({ width: 960, height: 720 });
    }

    const ids = [...new Set([...images.map((image) => image.id), coop?.logoUrl?.split('/')[2] ?? ''])];
    const media = await local.db.select().from(mediaImages).where(inArray(mediaImages.id, ids));

    expect(media).toHaveLength(ids.length);
    // Owned by the cooperative that shows it, uploaded by no one.
    const owners = new Set(pictured.map((row) => row.cooperativeId));
    expect(media.every((row) => owners.has(row.cooperativeId ?? '') && row.uploadedBy === null)).toBe(true);
    expect(media.find((row) => coop?.logoUrl?.includes(row.id))?.cooperativeId).toBe(first?.id);
    for (const id of ids)
      for (const size of IMAGE_SIZES) {
        const object = await local.media.get(mediaObjectKey(id, size));
        expect(object?.httpMetadata?.contentType, `${id} ${size}`).toBe('image/webp');
        await object?.arrayBuffer();
      }

    // Again: nothing is without a picture any more, so nothing is stored twice.
    const objects = (await local.media.list()).objects.length;
    expect(await seedDemoPictures(local.db, { bucket: local.media, images: local.images }, source, now)).toEqual({
      logos: 0,
      products: 0,
      covers: 0,
    });
    expect((await local.media.list()).objects.length).toBe(objects);
  });
});
