/**
 * The demo's pictures, stored the way a cooperative's upload is: through
 * storeImage (src/server/media/uploads.ts), so the Images binding makes the
 * variants, the MEDIA bucket keeps them and media_images records them for the
 * cooperative. Then each demo product without photos gets its type's picture
 * with a text alternative in both languages, and each demo cooperative
 * without a logo gets its own. Products of one cooperative and one type share
 * one upload, as a cooperative would reuse its photo. A few demo events get
 * a cover the same way, owned by the event as an officer's upload is: the
 * first upcoming published event of each kind that has a drawing. Safe to
 * repeat: only records still without pictures are touched.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { cooperatives, events, products } from '../schema';
import { LOGO_SIZE, mediaPath, type StoredImage } from '../../media/stored-image';
import { discardAddedImages, type MediaStore, storeImage } from '../../media/uploads';
import type { EventKind } from '../../events/vocabulary';
import { buildDemoDataset } from './demo';

/** The rendered pictures (committed files under scripts/demo-pictures/); null when one is missing. */
export interface DemoPictureSource {
  product(typeKey: string): Promise<Uint8Array<ArrayBuffer> | null>;
  logo(cooperativeName: string): Promise<Uint8Array<ArrayBuffer> | null>;
  eventCover(kind: EventKind): Promise<Uint8Array<ArrayBuffer> | null>;
}

export interface SeededPictures {
  products: number;
  logos: number;
  covers: number;
}

/** D1 binds at most 100 parameters per statement. */
const IDS_PER_QUERY = 90;
/** Statements per db.batch: a batch is one round trip, and one transaction. */
const UPDATES_PER_BATCH = 50;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function seedDemoPictures(
  db: Database,
  media: Omit<MediaStore, 'added'>,
  source: DemoPictureSource,
  now: Date,
): Promise<SeededPictures> {
  const data = buildDemoDataset(now);
  const store: MediaStore = { ...media, added: [] };
  try {
    return {
      logos: await seedLogos(db, store, source, data),
      products: await seedProductPictures(db, store, source, data),
      covers: await seedEventCovers(db, store, source, data, now),
    };
  } catch (error) {
    // Variants stored for records that were not updated would never be shown.
    await discardAddedImages(db, store);
    throw error;
  }
}

type Demo = ReturnType<typeof buildDemoDataset>;

async function seedLogos(db: Database, store: MediaStore, source: DemoPictureSource, data: Demo): Promise<number> {
  const ids = data.cooperatives.map((row) => row.id).filter((id): id is string => id !== undefined);
  const without: { id: string; name: string }[] = [];
  for (const part of chunks(ids, IDS_PER_QUERY)) {
    without.push(
      ...(await db
        .select({ id: cooperatives.id, name: cooperatives.name })
        .from(cooperatives)
        .where(and(inArray(cooperatives.id, part), isNull(cooperatives.logoUrl)))),
    );
  }
  const updates = [];
  for (const cooperative of without) {
    const bytes = await source.logo(cooperative.name);
    if (!bytes) continue;
    const logo = await storeImage(db, store, { cooperativeId: cooperative.id, userId: null }, bytes);
    updates.push(
      db
        .update(cooperatives)
        .set({ logoUrl: mediaPath(logo.id, LOGO_SIZE) })
        .where(and(eq(cooperatives.id, cooperative.id), isNull(cooperatives.logoUrl))),
    );
  }
  await runInBatches(db, updates);
  store.added.length = 0;
  return updates.length;
}

async function seedProductPictures(
  db: Database,
  store: MediaStore,
  source: DemoPictureSource,
  data: Demo,
): Promise<number> {
  const ids = [...data.productTypes.keys()];
  const without: { id: string; cooperativeId: string; nameVi: string; nameEn: string }[] = [];
  for (const part of chunks(ids, IDS_PER_QUERY)) {
    without.push(
      ...(await db
        .select({
          id: products.id,
          cooperativeId: products.cooperativeId,
          nameVi: products.nameVi,
          nameEn: products.nameEn,
        })
        .from(products)
        .where(and(inArray(products.id, part), sql`json_array_length(${products.images}) = 0`))),
    );
  }
  const uploads = new Map<string, StoredImage | null>();
  const updates = [];
  for (const product of without) {
    const typeKey = data.productTypes.get(product.id);
    if (!typeKey) continue;
    const key = `${product.cooperativeId}/${typeKey}`;
    if (!uploads.has(key)) {
      const bytes = await source.product(typeKey);
      uploads.set(
        key,
        bytes && (await storeImage(db, store, { cooperativeId: product.cooperativeId, userId: null }, bytes)),
      );
    }
    const picture = uploads.get(key);
    if (!picture) continue;
    const image: StoredImage = {
      ...picture,
      altVi: `Hình minh hoạ: ${product.nameVi}`,
      altEn: `Illustration: ${product.nameEn || product.nameVi}`,
    };
    updates.push(
      db
        .update(products)
        .set({ images: [image] })
        .where(and(eq(products.id, product.id), sql`json_array_length(${products.images}) = 0`)),
    );
  }
  await runInBatches(db, updates);
  store.added.length = 0;
  return updates.length;
}

async function seedEventCovers(
  db: Database,
  store: MediaStore,
  source: DemoPictureSource,
  data: Demo,
  now: Date,
): Promise<number> {
  const upcoming = data.events
    .filter((event) => event.status === 'published' && event.endsAt.getTime() >= now.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const updates = [];
  const kindsDone = new Set<EventKind>();
  for (const event of upcoming) {
    if (kindsDone.has(event.kind) || !event.id) continue;
    kindsDone.add(event.kind);
    const bytes = await source.eventCover(event.kind);
    if (!bytes) continue;
    const [stored] = await db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.id, event.id), isNull(events.cover)));
    if (!stored) continue;
    const picture = await storeImage(db, store, { eventId: event.id, userId: null }, bytes);
    const cover: StoredImage = {
      ...picture,
      altVi: `Hình minh hoạ: gian hàng tại ${event.titleVi}`,
      altEn: `Illustration: stalls at ${event.titleEn || event.titleVi}`,
    };
    updates.push(
      db
        .update(events)
        .set({ cover })
        .where(and(eq(events.id, event.id), isNull(events.cover))),
    );
  }
  await runInBatches(db, updates);
  store.added.length = 0;
  return updates.length;
}

type Update = Parameters<Database['batch']>[0][number];

async function runInBatches(db: Database, updates: Update[]): Promise<void> {
  for (const part of chunks(updates, UPDATES_PER_BATCH)) {
    const [first, ...rest] = part;
    if (first) await db.batch([first, ...rest]);
  }
}
