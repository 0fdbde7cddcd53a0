/**
 * A product's photos changed one at a time, for callers that are not the
 * product form (the API: a cooperative's own software adds a photo, removes
 * one, or puts them in another order with their text alternatives). The
 * form changes the whole list in one post (src/server/media/image-list.ts);
 * these verbs keep its rules: only while the product is edited in place
 * (a published product's change for review carries no photos), at most
 * MAX_PRODUCT_IMAGES, alt texts of at most MAX_ALT_LENGTH characters, files
 * checked by the upload path (src/server/media/uploads.ts).
 *
 * Each write replaces the list only if it is still the one read (compared
 * as stored), so two uploads at once cannot drop each other's photo: the
 * second is a 409, and its caller deletes what it stored
 * (discardAddedImages).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireCooperativeMember } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import type { Database } from '../db/client';
import { products } from '../db/schema';
import { ConflictError, type FieldIssues, NotFoundError, ValidationError } from '../errors';
import { MAX_ALT_LENGTH } from '../media/image-list';
import { MAX_PRODUCT_IMAGES } from '../media/limits';
import { MEDIA_ID_PATTERN, readStoredImages, type StoredImage } from '../media/stored-image';
import { type MediaStore, storeImageFiles } from '../media/uploads';
import { fieldIssuesFromZod, parseInput } from '../validation';
import { findOwnedProduct, type OwnedProduct } from './owned-product';
import { EDITABLE_STATUSES } from './product-writes';

/** The field of a photo's file in an upload, where refusals of the file and of the count are reported. */
export const PHOTO_FILE_FIELD = 'photo';

const altText = z.string().trim().max(MAX_ALT_LENGTH).default('');

/** The text fields that come with an uploaded photo. */
export const photoUploadSchema = z.strictObject({
  altVi: altText,
  altEn: altText,
  /** 1 = first (the one cards show); absent: after the others. */
  position: z.number().int().min(1).max(MAX_PRODUCT_IMAGES).optional(),
});

/** Every photo of the product, once each, in the order wanted, with its text alternatives. */
export const photoArrangementSchema = z.strictObject({
  photos: z
    .array(z.strictObject({ id: z.string().regex(MEDIA_ID_PATTERN), altVi: altText, altEn: altText }))
    .max(MAX_PRODUCT_IMAGES),
});

interface PhotoList {
  owned: OwnedProduct;
  member: SessionUser & { cooperativeId: string };
  images: StoredImage[];
  /** The list as stored, the condition of the write that replaces it. */
  stored: string;
}

/** The product's photos, for a member of its cooperative, while they may change (409 naming `images` otherwise). */
async function editablePhotoList(db: Database, user: SessionUser | null | undefined, slug: string): Promise<PhotoList> {
  const owned = await findOwnedProduct(db, user, slug);
  const member = requireCooperativeMember(user, owned.cooperativeId);
  if (!EDITABLE_STATUSES.includes(owned.status))
    throw new ConflictError(`photos of a ${owned.status} product do not change`, {
      images: { code: owned.status === 'published' ? 'photos_of_published' : 'photos_in_review' },
    });
  const [row] = await db
    .select({ stored: sql<string>`${products.images}` })
    .from(products)
    .where(eq(products.id, owned.id))
    .limit(1);
  if (!row) throw new NotFoundError('product');
  return { owned, member, images: readStoredImages(row.stored), stored: row.stored };
}

/** Writes `images` over the list read, if the product still has that list and may still change. */
async function replacePhotoList(db: Database, list: PhotoList, images: StoredImage[], now: Date): Promise<void> {
  const [written] = await db
    .update(products)
    .set({ images, updatedAt: now })
    .where(
      and(
        eq(products.id, list.owned.id),
        inArray(products.status, [...EDITABLE_STATUSES]),
        sql`${products.images} = ${list.stored}`,
      ),
    )
    .returning({ id: products.id });
  if (!written) throw new ConflictError('the photos changed meanwhile', { images: { code: 'photos_changed' } });
}

/**
 * Adds one photo. Every field is judged before the file is stored; a refused
 * file stores nothing. The caller deletes the stored file if this throws
 * after storing it (a 409: the list changed meanwhile).
 */
export async function addProductPhoto(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  store: MediaStore,
  upload: { file: File | null; fields: unknown },
  now = new Date(),
): Promise<StoredImage[]> {
  const list = await editablePhotoList(db, user, slug);
  const issues: FieldIssues = {};
  const parsed = photoUploadSchema.safeParse(upload.fields);
  if (!parsed.success) Object.assign(issues, fieldIssuesFromZod(parsed.error, upload.fields));
  if (!upload.file) issues[PHOTO_FILE_FIELD] = { code: 'required' };
  else if (list.images.length >= MAX_PRODUCT_IMAGES)
    issues[PHOTO_FILE_FIELD] = { code: 'image_count', params: { max: MAX_PRODUCT_IMAGES } };
  if (!parsed.success || !upload.file || Object.keys(issues).length > 0) throw new ValidationError(issues);

  const owner = { cooperativeId: list.member.cooperativeId, userId: list.member.id };
  const added = await storeImageFiles(db, store, owner, [upload.file]);
  const photo = added.stored[0];
  if (added.issue || !photo) throw new ValidationError({ [PHOTO_FILE_FIELD]: added.issue ?? { code: 'image_empty' } });

  const images = [...list.images];
  const at = Math.min(parsed.data.position ?? images.length + 1, images.length + 1) - 1;
  images.splice(at, 0, { ...photo, altVi: parsed.data.altVi, altEn: parsed.data.altEn });
  await replacePhotoList(db, list, images, now);
  return images;
}

/** The product's list without this photo (NotFoundError naming `id` when the product has no such photo). */
export async function removeProductPhoto(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  photoId: string,
  now = new Date(),
): Promise<StoredImage[]> {
  const list = await editablePhotoList(db, user, slug);
  const images = list.images.filter((image) => image.id !== photoId);
  if (images.length === list.images.length)
    throw new NotFoundError('photo', undefined, { id: { code: 'unknown_photo' } });
  await replacePhotoList(db, list, images, now);
  return images;
}

/**
 * Puts the product's photos in the order given with the text alternatives
 * given. The list must name each of its photos exactly once: removing one is
 * its own request, so a list read before another upload cannot drop it.
 */
export async function arrangeProductPhotos(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  input: unknown,
  now = new Date(),
): Promise<StoredImage[]> {
  const list = await editablePhotoList(db, user, slug);
  const { photos } = parseInput(photoArrangementSchema, input);
  const current = new Map(list.images.map((image) => [image.id, image]));
  const issues: FieldIssues = {};
  const seen = new Set<string>();
  photos.forEach((photo, index) => {
    if (!current.has(photo.id)) issues[`photos.${index}.id`] = { code: 'unknown_photo' };
    else if (seen.has(photo.id)) issues[`photos.${index}.id`] = { code: 'photo_repeated' };
    seen.add(photo.id);
  });
  if (Object.keys(issues).length === 0 && seen.size !== current.size)
    issues.photos = { code: 'photo_list_incomplete', params: { count: current.size } };
  if (Object.keys(issues).length > 0) throw new ValidationError(issues);
  const images = photos.flatMap((photo) => {
    const image = current.get(photo.id);
    return image ? [{ ...image, altVi: photo.altVi, altEn: photo.altEn }] : [];
  });
  await replacePhotoList(db, list, images, now);
  return images;
}
