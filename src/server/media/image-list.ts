/**
 * A product's photos as its form edits them: the ones it has, each with its
 * text alternative in both languages, a position and a "remove" box, plus
 * new files. The result is the ordered list to store. Sizes come from the
 * media table, never from the form, and only the cooperative's own images
 * can be named: an id of another cooperative's image is dropped.
 */
import type { Database } from '../db/client';
import type { FieldIssues } from '../errors';
import { MAX_PRODUCT_IMAGES } from './limits';
import { MEDIA_ID_PATTERN, type StoredImage } from './stored-image';
import { type MediaStore, ownedImages, storeImageFiles, type UploadOwner } from './uploads';

/** What the form posts for an image it already shows. */
export interface PostedImage {
  id: string;
  altVi: string;
  altEn: string;
  /** The position typed (1 = first, shown on cards); blank or not a number keeps its place. */
  position: string;
  remove: boolean;
}

/** The file input of a product's photo list. */
export const NEW_IMAGES_FIELD = 'newImages';

export const MAX_ALT_LENGTH = 300;

/** Form field names of an image row: image.{id}.altVi, image.{id}.altEn, image.{id}.position, image.{id}.remove. */
export const imageFieldName = (id: string, field: keyof Omit<PostedImage, 'id'>) => `image.${id}.${field}`;

/** The image rows of a posted form, in the order the form listed them. */
export function postedImagesFrom(fields: Record<string, string>): PostedImage[] {
  const ids: string[] = [];
  for (const name of Object.keys(fields)) {
    const id = /^image\.([^.]+)\.position$/.exec(name)?.[1];
    if (id && MEDIA_ID_PATTERN.test(id) && !ids.includes(id)) ids.push(id);
  }
  return ids.map((id) => ({
    id,
    altVi: (fields[imageFieldName(id, 'altVi')] ?? '').trim(),
    altEn: (fields[imageFieldName(id, 'altEn')] ?? '').trim(),
    position: (fields[imageFieldName(id, 'position')] ?? '').trim(),
    remove: fields[imageFieldName(id, 'remove')] !== undefined,
  }));
}

/**
 * The rows not marked for removal, in the order their positions say. A row
 * given another's place goes before it when moved up and after it when moved
 * down; rows without a usable position keep their place.
 */
export function keptInOrder(posted: readonly PostedImage[]): PostedImage[] {
  return posted
    .map((image, index) => {
      const typed = Number.parseInt(image.position, 10);
      const order = Number.isFinite(typed) ? typed : index + 1;
      return { image, index, order, shift: Math.sign(order - (index + 1)) };
    })
    .filter((row) => !row.image.remove)
    .sort((a, b) => a.order - b.order || a.shift - b.shift || a.index - b.index)
    .map((row) => row.image);
}

export interface ImageListOutcome {
  /** The list to store, or to show again with the errors (new uploads included, so nothing is chosen twice). */
  images: StoredImage[];
  issues: FieldIssues;
}

/**
 * Stores the new files (after the kept images, in the order chosen) and
 * builds the list. `newField` is the file input's name, where refusals of
 * files and of the count are reported.
 */
export async function imageListFromForm(
  db: Database,
  store: MediaStore,
  owner: UploadOwner,
  posted: readonly PostedImage[],
  files: readonly File[],
  newField: string,
): Promise<ImageListOutcome> {
  const issues: FieldIssues = {};
  const owned = await ownedImages(
    db,
    { cooperativeId: owner.cooperativeId },
    posted.map((image) => image.id),
  );
  const kept = keptInOrder(posted).map((image) => ({ image, size: owned.get(image.id) }));
  const images: StoredImage[] = [];
  for (const { image, size } of kept) {
    if (!size) continue;
    for (const field of ['altVi', 'altEn'] as const) {
      if (image[field].length > MAX_ALT_LENGTH)
        issues[imageFieldName(image.id, field)] = { code: 'too_long', params: { max: MAX_ALT_LENGTH } };
    }
    images.push({ id: image.id, ...size, altVi: image.altVi, altEn: image.altEn });
  }
  const added = await storeImageFiles(db, store, owner, files);
  for (const image of added.stored) if (!images.some((known) => known.id === image.id)) images.push(image);
  if (added.issue) issues[newField] = added.issue;
  else if (images.length > MAX_PRODUCT_IMAGES)
    issues[newField] = { code: 'image_count', params: { max: MAX_PRODUCT_IMAGES } };
  return { images, issues };
}
