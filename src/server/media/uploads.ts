/**
 * Storing uploads: process (processing.ts), then put the variants in the
 * MEDIA bucket and record who owns the image: a cooperative (its photos and
 * logo) or an event (its cover, uploaded by trade officers). Callers check
 * who may upload for which owner (a product's members, the cooperative's
 * manager, an officer) before calling; this module then only ever writes
 * under that owner.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { ID_BYTES, randomToken } from '../accounts/tokens';
import type { Database } from '../db/client';
import { mediaImages } from '../db/schema';
import type { FieldIssue } from '../errors';
import { IMAGE_SIZES, MAX_IMAGE_BYTES, MAX_IMAGE_MEGABYTES } from './limits';
import { ImageRefusedError, processImage } from './processing';
import { mediaObjectKey, type StoredImage } from './stored-image';

/** The bindings uploads need (env.MEDIA, env.IMAGES), for one request. */
export interface MediaStore {
  bucket: R2Bucket;
  images: ImagesBinding;
  /**
   * Ids of the images this request put in the bucket (not those it uploaded
   * again): what discardAddedImages deletes when the request fails.
   */
  added: string[];
}

/** Whose an image is: a cooperative's or an event's, never both (media_images_one_owner). */
export type ImageOwnerKey = { cooperativeId: string; eventId?: never } | { eventId: string; cooperativeId?: never };

/** Who uploads, for whom. */
export type ImageOwner = ImageOwnerKey & {
  /** Null for pictures no person uploaded (the demo's, src/server/db/seed/pictures.ts). */
  userId: string | null;
};

/** A cooperative's upload (photos, logos). */
export interface UploadOwner {
  cooperativeId: string;
  userId: string | null;
}

/** One upload: refused (ImageRefusedError) before anything is written, or stored whole. */
export async function storeImage(
  db: Database,
  store: MediaStore,
  owner: ImageOwner,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<StoredImage> {
  const processed = await processImage(store.images, bytes);
  // Random, not derived from the file: an id computed from the bytes would let anyone holding the
  // original photo find a draft's image. Ids stored before were SHA-256 of the cooperative and
  // the bytes, in the same alphabet and length, and keep working.
  const id = randomToken(ID_BYTES);
  const largest = processed.variants[processed.variants.length - 1];
  if (!largest) throw new ImageRefusedError('image_unreadable');
  // The id is new, so everything stored under it is this request's, to delete if it fails.
  store.added.push(id);
  await Promise.all(
    processed.variants.map((variant) =>
      store.bucket.put(mediaObjectKey(id, variant.size), variant.bytes, {
        httpMetadata: { contentType: 'image/webp' },
        customMetadata: owner.eventId ? { event: owner.eventId } : { cooperative: owner.cooperativeId ?? '' },
      }),
    ),
  );
  await db.insert(mediaImages).values({
    id,
    cooperativeId: owner.cooperativeId ?? null,
    eventId: owner.eventId ?? null,
    uploadedBy: owner.userId,
    width: largest.width,
    height: largest.height,
    sourceType: processed.sourceType,
    sourceBytes: bytes.length,
  });
  return { id, width: largest.width, height: largest.height, altVi: '', altEn: '' };
}

/**
 * Deletes the images the request added, variants and rows, after it failed
 * in a way that shows no form again with them (a bug, the database away):
 * nothing would ever show them. Best effort, so that the failure that
 * brought us here is the one reported: the database may be what failed.
 */
export async function discardAddedImages(db: Database, store: Pick<MediaStore, 'bucket' | 'added'>): Promise<void> {
  const ids = store.added.splice(0);
  if (ids.length === 0) return;
  await Promise.allSettled([
    store.bucket.delete(ids.flatMap((id) => IMAGE_SIZES.map((size) => mediaObjectKey(id, size)))),
    db.delete(mediaImages).where(inArray(mediaImages.id, ids)),
  ]);
}

export interface StoredFiles {
  stored: StoredImage[];
  /** The first refusal, naming its file; the files before it are stored. */
  issue: FieldIssue | null;
}

/**
 * The files of a form field, in order. Empty file inputs (nothing chosen)
 * are skipped; a refused file stops the rest, and its issue names it.
 */
export async function storeImageFiles(
  db: Database,
  store: MediaStore,
  owner: ImageOwner,
  files: readonly File[],
): Promise<StoredFiles> {
  const stored: StoredImage[] = [];
  for (const file of files) {
    if (file.size === 0 && file.name === '') continue;
    const name = file.name.slice(0, 80) || '—';
    // Refused by its size before it is read at all.
    if (file.size > MAX_IMAGE_BYTES)
      return { stored, issue: { code: 'image_too_large', params: { file: name, max: MAX_IMAGE_MEGABYTES } } };
    try {
      stored.push(await storeImage(db, store, owner, new Uint8Array(await file.arrayBuffer())));
    } catch (error) {
      if (!(error instanceof ImageRefusedError)) throw error;
      return {
        stored,
        issue: {
          code: error.refusal,
          params: { ...error.params, file: name, max: error.params.max ?? MAX_IMAGE_MEGABYTES },
        },
      };
    }
  }
  return { stored, issue: null };
}

/** The stored size of the owner's images, by id (forms post ids; sizes come from here, never from the form). */
export async function ownedImages(db: Database, owner: ImageOwnerKey, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { width: number; height: number }>();
  const ownedBy = owner.eventId
    ? eq(mediaImages.eventId, owner.eventId)
    : eq(mediaImages.cooperativeId, owner.cooperativeId ?? '');
  const rows = await db
    .select({ id: mediaImages.id, width: mediaImages.width, height: mediaImages.height })
    .from(mediaImages)
    .where(and(ownedBy, inArray(mediaImages.id, [...ids])));
  return new Map(rows.map((row) => [row.id, { width: row.width, height: row.height }]));
}

/** What a copied image's media_images row holds: the caller inserts it in the batch that creates its owner. */
export type CopiedImageRow = typeof mediaImages.$inferInsert;

/**
 * Copies an image (every variant) under a new id for another owner — a
 * duplicated event's cover — and returns the new image with the row to
 * insert, or null when `imageId` is not `from`'s or a variant is missing
 * (a broken image is not copied). A copy, not a second row on the same
 * objects: an image belongs to one owner (media_images_one_owner) and its
 * key is its id, so each owner's files can be deleted with it without
 * touching the other's. Objects it put are deleted if a later put fails;
 * `store.added` names them, so the caller can discard them if its batch fails.
 */
export async function copyImage(
  db: Database,
  store: Pick<MediaStore, 'bucket' | 'added'>,
  imageId: string,
  from: ImageOwnerKey,
  to: ImageOwner,
): Promise<{ image: Omit<StoredImage, 'altVi' | 'altEn'>; row: CopiedImageRow } | null> {
  const ownedBy = from.eventId
    ? eq(mediaImages.eventId, from.eventId)
    : eq(mediaImages.cooperativeId, from.cooperativeId ?? '');
  const [source] = await db
    .select({
      width: mediaImages.width,
      height: mediaImages.height,
      sourceType: mediaImages.sourceType,
      sourceBytes: mediaImages.sourceBytes,
    })
    .from(mediaImages)
    .where(and(ownedBy, eq(mediaImages.id, imageId)))
    .limit(1);
  if (!source) return null;
  const read = await Promise.all(
    IMAGE_SIZES.map(async (size) => {
      const object = await store.bucket.get(mediaObjectKey(imageId, size));
      return object ? { size, bytes: new Uint8Array(await object.arrayBuffer()) } : null;
    }),
  );
  const variants = read.filter((variant) => variant !== null);
  if (variants.length !== IMAGE_SIZES.length) return null;
  const id = randomToken(ID_BYTES);
  store.added.push(id);
  const customMetadata: Record<string, string> = to.eventId
    ? { event: to.eventId }
    : { cooperative: to.cooperativeId ?? '' };
  // Every put settled before any clean-up, so none lands after the delete.
  const puts = await Promise.allSettled(
    variants.map((variant) =>
      store.bucket.put(mediaObjectKey(id, variant.size), variant.bytes, {
        httpMetadata: { contentType: 'image/webp' },
        customMetadata,
      }),
    ),
  );
  const failed = puts.find((put) => put.status === 'rejected');
  if (failed) {
    await discardAddedImages(db, store);
    throw failed.reason;
  }
  return {
    image: { id, width: source.width, height: source.height },
    row: {
      id,
      cooperativeId: to.cooperativeId ?? null,
      eventId: to.eventId ?? null,
      uploadedBy: to.userId,
      ...source,
    },
  };
}
