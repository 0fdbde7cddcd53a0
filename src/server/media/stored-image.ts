/**
 * An uploaded image as the records keep it (products.images holds a JSON
 * array of these): its id, the size of its largest variant, and its text
 * alternative in both languages. Everything a page needs to write an <img>
 * with src, srcset, width and height is computed from that, without asking
 * the bucket or the database.
 */
import { z } from 'zod';
import type { OcopGroup } from '../products/vocabulary';
import { IMAGE_SIZES, type ImageSize } from './limits';

/** Ids: 32 lower-case base32 characters, 160 random bits (older ones: 160 bits of SHA-256 of the upload). */
export const MEDIA_ID_PATTERN = /^[a-z2-7]{32}$/;

export const storedImageSchema = z.object({
  id: z.string().regex(MEDIA_ID_PATTERN),
  /** Size of the largest variant (IMAGE_SIZES' last), after the photo's own orientation. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  altVi: z.string().max(300).default(''),
  altEn: z.string().max(300).default(''),
});

export type StoredImage = z.output<typeof storedImageSchema>;

/** The images of a stored JSON value; anything malformed (or an older plain URL) is left out, not shown broken. */
export function readStoredImages(value: unknown): StoredImage[] {
  const list = typeof value === 'string' ? safeJson(value) : value;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const parsed = storedImageSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** One stored image (an event's cover), or null when there is none or it is malformed. */
export function readStoredImage(value: unknown): StoredImage | null {
  if (value === null || value === undefined) return null;
  return readStoredImages([typeof value === 'string' ? safeJson(value) : value])[0] ?? null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The key of a variant in the MEDIA bucket. */
export const mediaObjectKey = (id: string, size: ImageSize) => `images/${id}/${size}.webp`;

/** The path the worker serves a variant at (functions/media.ts). */
export const mediaPath = (id: string, size: ImageSize) => `/media/${id}/${size}.webp`;

const MEDIA_PATH = /^\/media\/([a-z2-7]{32})\/(\d+)\.webp$/;

/** The id and size of one of our media paths, or null for anything else (an external URL). */
export function parseMediaPath(path: string): { id: string; size: ImageSize } | null {
  const match = MEDIA_PATH.exec(path);
  const size = Number(match?.[2]) as ImageSize;
  return match?.[1] && IMAGE_SIZES.includes(size) ? { id: match[1], size } : null;
}

/** A variant's dimensions: the largest one's, scaled so the longest side is at most `size`. */
export function variantDimensions(image: Pick<StoredImage, 'width' | 'height'>, size: ImageSize) {
  const scale = Math.min(1, size / Math.max(image.width, image.height));
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

export interface ImageSources {
  src: string;
  srcset: string;
  width: number;
  height: number;
}

/**
 * `src` (the variant of `fallback` size), a `srcset` of the given sizes with
 * their real widths (a small photo's larger variants repeat its own width,
 * so each width is listed once) and the fallback's width and height.
 */
export function imageSources(image: StoredImage, sizes: readonly ImageSize[], fallback: ImageSize): ImageSources {
  const seen = new Set<number>();
  const candidates: string[] = [];
  for (const size of sizes) {
    const { width } = variantDimensions(image, size);
    if (seen.has(width)) continue;
    seen.add(width);
    candidates.push(`${mediaPath(image.id, size)} ${width}w`);
  }
  return { src: mediaPath(image.id, fallback), srcset: candidates.join(', '), ...variantDimensions(image, fallback) };
}

/** The text alternative in the reader's language; English falls back to the Vietnamese one. */
export function imageAlt(image: StoredImage, locale: 'vi' | 'en'): string {
  return (locale === 'en' ? image.altEn || image.altVi : image.altVi).trim();
}

/**
 * A product card's <img> attributes from the card's image (the 640 variant's
 * path and size): that variant and the 160 one. Null for any other path (an
 * external URL from before uploads), which is then shown plainly.
 */
export function cardImageSources(card: {
  image: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
}): ImageSources | null {
  if (!card.image) return null;
  const media = parseMediaPath(card.image);
  if (!media || !card.imageWidth || !card.imageHeight) return null;
  return imageSources(
    { id: media.id, width: card.imageWidth, height: card.imageHeight, altVi: '', altEn: '' },
    [160, 640],
    640,
  );
}

/**
 * The drawing a product without photos shows, one per OCOP group
 * (public/placeholders/, drawn by scripts/draw-demo-pictures.ts): 800 × 500,
 * the cards' shape. Decorative: the card or page names the product beside it.
 */
export const productPlaceholderPath = (group: OcopGroup) => `/placeholders/${group}.svg`;

/** The variant a cooperative's logo address points at (logo_url); pages pick smaller ones through logoSources. */
export const LOGO_SIZE: ImageSize = 640;

/** What logo_url holds for an uploaded logo. */
export const UPLOADED_LOGO_PATH = /^\/media\/[a-z2-7]{32}\/640\.webp$/;

/**
 * <img> attributes of a cooperative logo shown in a square box of `box` CSS
 * pixels: for an uploaded logo the 160 variant with the 640 one for dense
 * screens; an older external address as it is.
 */
export function logoSources(logoUrl: string, box: number): { src: string; srcset?: string; sizes?: string } {
  const media = parseMediaPath(logoUrl);
  if (!media) return { src: logoUrl };
  return {
    src: mediaPath(media.id, 160),
    srcset: `${mediaPath(media.id, 160)} 160w, ${mediaPath(media.id, 640)} 640w`,
    sizes: `${box}px`,
  };
}
