/**
 * The catalogue PDF's photos. The bucket keeps WebP variants only
 * (../media/processing.ts) and pdf-lib embeds only JPEG and PNG, so each
 * product's card variant (640 px) is re-encoded by the Images binding as a
 * small JPEG, the size the PDF prints it at. A JPEG is embedded as it is
 * (pdf-lib reads its header only), where a PNG would be decoded and
 * compressed again in the worker: JPEG costs no CPU here.
 *
 * Bounded, because a fair can have hundreds of exhibitors showing up to 12
 * products each: at most MAX_PRINTED_PHOTOS photos of at most
 * PRINT_PHOTO_MAX_BYTES, fetched a few at a time, so the photos held for one
 * PDF stay under 240 × 60 KB ≈ 14 MB (measured by bench/fair-catalogue.ts),
 * well inside a Worker's 128 MB with the PDF built from them. Beyond that a
 * product prints without its photo (its page and QR code are what matter)
 * and the PDF says so. A photo that is missing or cannot be re-encoded is
 * left out the same way: decoration, never a reason to refuse the catalogue.
 */
import { type ImageSize } from '../media/limits';
import { mediaObjectKey } from '../media/stored-image';
import type { PrintPhoto } from './catalogue-pdf';

/** A photo printed 22 mm wide at about 350 dpi. */
export const PRINT_PHOTO_PIXELS = 300;
/** The variant it is made from: the smallest one larger than the print. */
const SOURCE_SIZE: ImageSize = 640;
const JPEG_QUALITY = 80;
export const MAX_PRINTED_PHOTOS = 240;
/** A 300 px JPEG at quality 80 is 15–40 KB; anything far larger is not what we asked for. */
export const PRINT_PHOTO_MAX_BYTES = 60 * 1024;
/** Photos fetched and re-encoded at a time: a few, so neither the request's connections nor its memory pile up. */
const CONCURRENCY = 4;

export interface PhotoStore {
  bucket: R2Bucket;
  images: ImagesBinding;
}

async function printPhoto(store: PhotoStore, id: string): Promise<PrintPhoto | null> {
  try {
    const object = await store.bucket.get(mediaObjectKey(id, SOURCE_SIZE));
    if (!object) return null;
    const output = await store.images
      .input(object.body)
      .transform({ width: PRINT_PHOTO_PIXELS, height: PRINT_PHOTO_PIXELS, fit: 'scale-down' })
      .output({ format: 'image/jpeg', quality: JPEG_QUALITY });
    const bytes = new Uint8Array(await output.response().arrayBuffer());
    return bytes.length > 0 && bytes.length <= PRINT_PHOTO_MAX_BYTES ? { bytes, type: 'image/jpeg' } : null;
  } catch {
    return null;
  }
}

/** The JPEGs of the first MAX_PRINTED_PHOTOS image ids (in catalogue order), by id; the ones that could not be made are absent. */
export async function printPhotos(store: PhotoStore, ids: readonly string[]): Promise<Map<string, PrintPhoto>> {
  const wanted = [...new Set(ids)].slice(0, MAX_PRINTED_PHOTOS);
  const photos = new Map<string, PrintPhoto>();
  for (let at = 0; at < wanted.length; at += CONCURRENCY) {
    const batch = wanted.slice(at, at + CONCURRENCY);
    const made = await Promise.all(batch.map((id) => printPhoto(store, id)));
    batch.forEach((id, i) => {
      const photo = made[i];
      if (photo) photos.set(id, photo);
    });
  }
  return photos;
}

/** Whether `ids` has more distinct photos than one PDF prints. */
export const photosLeftOut = (ids: readonly string[]): boolean => new Set(ids).size > MAX_PRINTED_PHOTOS;
