/**
 * From uploaded bytes to the variants we keep, through the Cloudflare Images
 * binding (Miniflare answers it with sharp under `wrangler dev`). Every check
 * that can refuse an upload runs before anything is stored:
 * size → type by content (sniff.ts) → the decoder's own reading (type must
 * agree, dimensions bounded) → one re-encoded WebP per size. Only those
 * re-encodings are kept, never the uploaded bytes: whatever else a file
 * carried (EXIF with a GPS position, a comment, an appended HTML or script
 * "polyglot" tail) is not in them.
 */
import {
  type AcceptedImageType,
  IMAGE_SIZES,
  type ImageSize,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_MEGABYTES,
  MAX_IMAGE_PIXELS,
  MAX_IMAGE_SIDE,
} from './limits';
import { sniffImageType } from './sniff';
import { cleanWebp } from './webp';

/** Why an upload was refused: a key under `validation.` in the dictionaries. */
export type ImageRefusalCode =
  'image_empty' | 'image_too_large' | 'image_type' | 'image_unreadable' | 'image_dimensions';

export class ImageRefusedError extends Error {
  constructor(
    readonly refusal: ImageRefusalCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(refusal);
  }
}

export interface ImageVariant {
  size: ImageSize;
  width: number;
  height: number;
  bytes: Uint8Array;
}

export interface ProcessedImage {
  sourceType: AcceptedImageType;
  variants: ImageVariant[];
}

/** WebP at this quality is about a third of a JPEG's size for the same look. */
const WEBP_QUALITY = 82;

const streamOf = (bytes: Uint8Array<ArrayBuffer>) => new Blob([bytes]).stream();

/** Throws ImageRefusedError when the upload is not a photo we take; never writes anything. */
export async function processImage(images: ImagesBinding, bytes: Uint8Array<ArrayBuffer>): Promise<ProcessedImage> {
  if (bytes.length === 0) throw new ImageRefusedError('image_empty');
  if (bytes.length > MAX_IMAGE_BYTES) throw new ImageRefusedError('image_too_large', { max: MAX_IMAGE_MEGABYTES });
  const sourceType = sniffImageType(bytes);
  if (!sourceType) throw new ImageRefusedError('image_type');

  let info: ImageInfoResponse;
  try {
    info = await images.info(streamOf(bytes));
  } catch {
    throw new ImageRefusedError('image_unreadable');
  }
  // The decoder must read the same kind of file the first bytes announced (an SVG is never a bitmap here).
  if (info.format !== sourceType || !('width' in info)) throw new ImageRefusedError('image_unreadable');
  if (info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE || info.width * info.height > MAX_IMAGE_PIXELS) {
    throw new ImageRefusedError('image_dimensions', { max: MAX_IMAGE_SIDE });
  }

  const variants: ImageVariant[] = [];
  for (const size of IMAGE_SIZES) {
    let encoded: Uint8Array;
    try {
      const output = await images
        .input(streamOf(bytes))
        // Longest side at most `size`, never enlarged; the photo's EXIF orientation is applied.
        .transform({ width: size, height: size, fit: 'scale-down' })
        .output({ format: 'image/webp', quality: WEBP_QUALITY });
      encoded = new Uint8Array(await output.response().arrayBuffer());
    } catch {
      throw new ImageRefusedError('image_unreadable');
    }
    const webp = cleanWebp(encoded);
    if (!webp) throw new ImageRefusedError('image_unreadable');
    variants.push({ size, ...webp });
  }
  return { sourceType, variants };
}
