/**
 * Test images made on the spot with sharp (libvips): real JPEG, PNG and WebP
 * files, one with an EXIF GPS position, and the hostile look-alikes an upload
 * must refuse. Also reads the chunks of the WebP files the worker serves.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { wranglerStateDir } from '../../scripts/lib/config';

const pixels = (width: number, height: number, colour = { r: 190, g: 60, b: 40 }) =>
  sharp({ create: { width, height, channels: 3, background: colour } });

/** A JPEG whose EXIF names a camera and a GPS position (Hà Nội). */
export function jpegWithGps(width = 1200, height = 900): Promise<Buffer> {
  return pixels(width, height)
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'GPS-1', Copyright: 'HTX' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' },
    })
    .toBuffer();
}

export const png = (width = 300, height = 200) => pixels(width, height, { r: 20, g: 120, b: 60 }).png().toBuffer();
export const webp = (width = 500, height = 500) => pixels(width, height, { r: 30, g: 60, b: 160 }).webp().toBuffer();
export const gif = () => pixels(40, 40).gif().toBuffer();

/** A file as a browser posts it: the name and type are whatever the sender says. */
export const file = (bytes: Uint8Array | string, name: string, type = 'image/jpeg') =>
  new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type });

/** The four-character chunk names of a WebP (RIFF) file. */
export function webpChunks(bytes: Uint8Array): string[] {
  const names: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 12; at + 8 <= bytes.length;) {
    names.push(String.fromCharCode(...bytes.subarray(at, at + 4)));
    const size = view.getUint32(at + 4, true);
    at += 8 + size + (size % 2);
  }
  return names;
}

/** How many objects the worker's local MEDIA bucket holds (Miniflare keeps one blob file per object). */
export function mediaObjectCount(dataDir: string): number {
  const blobs = join(wranglerStateDir(dataDir), 'v3', 'r2', 'cho-htx-media', 'blobs');
  try {
    return readdirSync(blobs).length;
  } catch {
    return 0;
  }
}

/** A product photo as the records keep it, for tests that need a product with one (submission requires it). */
export const storedPhoto = (n = 1) => ({
  // Media ids are 32 characters of [a-z2-7].
  id: `photo${'a'.repeat(26)}${String.fromCharCode(97 + (n % 26))}`,
  width: 1200,
  height: 900,
  altVi: '',
  altEn: '',
});
