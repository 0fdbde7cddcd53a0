/**
 * What an upload may be. The forms say these numbers (in the dictionaries'
 * words), so they live in one place.
 */

/**
 * Types we take, recognised by their first bytes (sniff.ts). Not SVG (a
 * document that can carry script, which would run on our origin), not GIF
 * (animation is lost when resized; a photo is better as JPEG), not HEIC/AVIF
 * (most browsers outside Safari cannot show HEIC, and the local image
 * pipeline cannot decode it, so it could not be tested): phones export JPEG.
 */
export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AcceptedImageType = (typeof ACCEPTED_IMAGE_TYPES)[number];

/** One photo: phones' JPEGs are 2–6 MB. */
export const MAX_IMAGE_MEGABYTES = 8;
export const MAX_IMAGE_BYTES = MAX_IMAGE_MEGABYTES * 1024 * 1024;

/**
 * A whole form post with its photos. Checked before the body is read: a
 * worker holds the body in memory (128 MB per isolate), so a larger one is
 * refused unread (413).
 */
export const MAX_UPLOAD_MEGABYTES = 25;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MEGABYTES * 1024 * 1024;

/** Decoded size limits, well inside what Cloudflare Images reads (a decompression bomb is refused first). */
export const MAX_IMAGE_PIXELS = 50_000_000;
export const MAX_IMAGE_SIDE = 12_000;

/**
 * The variants kept of every upload, by their longest side in pixels: a
 * logo or thumbnail, a card (and a phone's gallery), the large gallery
 * photo on wide or dense screens. Never enlarged: a small photo's larger
 * variants are the photo at its own size.
 */
export const IMAGE_SIZES = [160, 640, 1600] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];

export const MAX_PRODUCT_IMAGES = 8;
