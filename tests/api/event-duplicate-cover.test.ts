/**
 * Duplicating an event copies its cover (#18): the copy gets an image of its
 * own — every variant copied in the bucket under a new id, its own
 * media_images row, the same text alternatives — so deleting either event
 * (its row cascades) never takes the other's cover away. Without a bucket,
 * or when the copy cannot be stored, nothing half-made is left.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import { ID_BYTES, randomToken } from '../../src/server/accounts/tokens';
import type { Database } from '../../src/server/db/client';
import { events, mediaImages } from '../../src/server/db/schema';
import { createEvent, duplicateEvent } from '../../src/server/events/event-admin/create-event';
import { findManagedEvent } from '../../src/server/events/event-admin/managed-event';
import { deleteDraftEvent } from '../../src/server/events/event-admin/status-changes';
import { IMAGE_SIZES } from '../../src/server/media/limits';
import { mediaObjectKey } from '../../src/server/media/stored-image';
import { createTestOfficer } from '../support/accounts';
import { DEMO_NOW, demoDatabase } from '../support/demo';
import { type MemoryBucket, memoryBucket } from '../support/memory-bucket';
import { validEvent } from '../support/valid-input';

let db: Database;
let officer: SessionUser;

beforeAll(async () => {
  db = await demoDatabase();
  officer = await createTestOfficer(db);
});

/** A draft event with a cover whose three variants are in `store`. */
async function eventWithCover(store: MemoryBucket, title: string) {
  const event = await createEvent(db, officer, validEvent({ titleVi: title }), { now: DEMO_NOW });
  const id = randomToken(ID_BYTES);
  for (const size of IMAGE_SIZES)
    await store.bucket.put(mediaObjectKey(id, size), new Uint8Array([size % 256, 1, 2, 3]), {
      httpMetadata: { contentType: 'image/webp' },
    });
  await db.insert(mediaImages).values({
    id,
    eventId: event.id,
    uploadedBy: officer.id,
    width: 1600,
    height: 900,
    sourceType: 'image/jpeg',
    sourceBytes: 1234,
  });
  const cover = { id, width: 1600, height: 900, altVi: 'Cổng hội chợ', altEn: 'The fair’s gate' };
  await db.update(events).set({ cover }).where(eq(events.id, event.id));
  return { event, cover };
}

describe('duplicating an event copies its cover', () => {
  it('gives the copy a cover of its own, which outlives the original', async () => {
    const store = memoryBucket();
    const { event, cover } = await eventWithCover(store, 'Hội chợ có ảnh bìa');
    const copy = await duplicateEvent(db, officer, event.slug, '(bản sao)', DEMO_NOW, { bucket: store.bucket });

    expect(copy.cover).toMatchObject({ width: 1600, height: 900, altVi: cover.altVi, altEn: cover.altEn });
    const copiedId = copy.cover?.id ?? '';
    expect(copiedId).not.toBe(cover.id);
    const [row] = await db.select().from(mediaImages).where(eq(mediaImages.id, copiedId));
    expect(row).toMatchObject({ eventId: copy.id, cooperativeId: null, sourceType: 'image/jpeg', sourceBytes: 1234 });
    for (const size of IMAGE_SIZES)
      expect(store.objects.get(mediaObjectKey(copiedId, size))?.bytes).toEqual(
        store.objects.get(mediaObjectKey(cover.id, size))?.bytes,
      );

    // The original goes (a draft may be deleted): its image row with it, the copy's untouched.
    await deleteDraftEvent(db, officer, event.slug, DEMO_NOW);
    expect(await db.select().from(mediaImages).where(eq(mediaImages.id, cover.id))).toHaveLength(0);
    expect(await db.select().from(mediaImages).where(eq(mediaImages.id, copiedId))).toHaveLength(1);
    expect((await findManagedEvent(db, officer, copy.slug)).cover?.id).toBe(copiedId);
    for (const size of IMAGE_SIZES) expect(store.objects.has(mediaObjectKey(copiedId, size))).toBe(true);
  });

  it('copies no cover without a bucket, or when the cover’s files are missing', async () => {
    const store = memoryBucket();
    const { event, cover } = await eventWithCover(store, 'Hội chợ không chép được ảnh');
    const without = await duplicateEvent(db, officer, event.slug, '(bản sao)', DEMO_NOW);
    expect(without.cover).toBeNull();
    store.objects.delete(mediaObjectKey(cover.id, 640));
    const broken = await duplicateEvent(db, officer, event.slug, '(bản sao)', DEMO_NOW, { bucket: store.bucket });
    expect(broken.cover).toBeNull();
    expect(await db.select().from(mediaImages).where(eq(mediaImages.eventId, broken.id))).toHaveLength(0);
  });

  it('leaves no copied file behind when the copy fails half-way', async () => {
    const store = memoryBucket();
    const { event } = await eventWithCover(store, 'Hội chợ lỗi khi chép ảnh');
    const before = new Set(store.objects.keys());
    let puts = 0;
    const failing = Object.create(store.bucket) as R2Bucket;
    failing.put = (async (...args: Parameters<R2Bucket['put']>) => {
      puts += 1;
      if (puts === 2) throw new Error('bucket away');
      return store.bucket.put(...args);
    }) as R2Bucket['put'];
    const eventsBefore = (await db.select({ id: events.id }).from(events)).length;
    await expect(duplicateEvent(db, officer, event.slug, '(bản sao)', DEMO_NOW, { bucket: failing })).rejects.toThrow(
      'bucket away',
    );
    expect(new Set(store.objects.keys())).toEqual(before);
    expect((await db.select({ id: events.id }).from(events)).length).toBe(eventsBefore);
  });
});
