/**
 * Reading and cleaning the WebP files the image pipeline writes. Each
 * variant is re-encoded from pixels, which leaves camera metadata behind;
 * this makes sure of it anyway (Cloudflare's defaults could change): EXIF
 * (with any GPS position) and XMP chunks are dropped and the header's flags
 * cleared. It also reads the real dimensions, so width and height attributes
 * never rely on a guess.
 */

export interface WebpImage {
  width: number;
  height: number;
  bytes: Uint8Array;
}

const fourcc = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
const uint24 = (bytes: Uint8Array, at: number) =>
  (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);
const uint16 = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);

const METADATA_CHUNKS = new Set(['EXIF', 'XMP ']);
/** VP8X flag bits that announce EXIF (0x08) and XMP (0x04) chunks. */
const METADATA_FLAGS = 0x08 | 0x04;

/** The file without metadata chunks, and its size; null when it is not a well-formed still WebP. */
export function cleanWebp(input: Uint8Array): WebpImage | null {
  if (input.length < 20 || fourcc(input, 0) !== 'RIFF' || fourcc(input, 8) !== 'WEBP') return null;
  const kept: Uint8Array[] = [];
  let width = 0;
  let height = 0;
  let at = 12;
  while (at + 8 <= input.length) {
    const type = fourcc(input, at);
    const size = uint24(input, at + 4) + (input[at + 7] ?? 0) * 0x1000000;
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > input.length) return null;
    const data = input.subarray(at + 8, at + 8 + size);
    if (type === 'ANIM') return null;
    if (type === 'VP8X' && size >= 10) {
      width = uint24(data, 4) + 1;
      height = uint24(data, 7) + 1;
    } else if (type === 'VP8 ' && size >= 10 && width === 0) {
      // Frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height.
      if (data[3] !== 0x9d || data[4] !== 0x01 || data[5] !== 0x2a) return null;
      width = uint16(data, 6) & 0x3fff;
      height = uint16(data, 8) & 0x3fff;
    } else if (type === 'VP8L' && size >= 5 && width === 0) {
      if (data[0] !== 0x2f) return null;
      const bits = (data[1] ?? 0) | ((data[2] ?? 0) << 8) | ((data[3] ?? 0) << 16) | ((data[4] ?? 0) << 24);
      width = (bits & 0x3fff) + 1;
      height = ((bits >>> 14) & 0x3fff) + 1;
    }
    if (!METADATA_CHUNKS.has(type)) {
      const chunk = input.slice(at, Math.min(end, input.length));
      if (type === 'VP8X') chunk[8] = (chunk[8] ?? 0) & ~METADATA_FLAGS;
      kept.push(chunk);
    }
    at = end;
  }
  if (width === 0 || height === 0) return null;
  const body = kept.reduce((sum, chunk) => sum + chunk.length, 0);
  const bytes = new Uint8Array(12 + body);
  bytes.set(input.subarray(0, 12));
  new DataView(bytes.buffer).setUint32(4, 4 + body, true);
  let offset = 12;
  for (const chunk of kept) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { width, height, bytes };
}
