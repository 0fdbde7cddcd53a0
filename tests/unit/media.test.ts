/**
 * The pure parts of uploads: recognising a type by its first bytes, cleaning
 * and measuring the WebP variants, reading stored image lists, srcset
 * arithmetic, the order a form's positions give, and the media CSP.
 */
import { describe, expect, it } from 'vitest';
import { keptInOrder, type PostedImage, postedImagesFrom } from '../../src/server/media/image-list';
import { sniffImageType } from '../../src/server/media/sniff';
import {
  cardImageSources,
  imageSources,
  logoSources,
  parseMediaPath,
  readStoredImages,
  variantDimensions,
} from '../../src/server/media/stored-image';
import { cleanWebp } from '../../src/server/media/webp';
import { MEDIA_CONTENT_SECURITY_POLICY, SECURITY_HEADERS, withSecurityHeaders } from '../../functions/security-headers';
import { jpegWithGps, png, webp, webpChunks } from '../support/images';
import sharp from 'sharp';

const bytes = (text: string) => new TextEncoder().encode(text);
const ID = 'abcdefghijklmnopqrstuvwxyz234567';

describe('sniffImageType', () => {
  it('knows JPEG, PNG and WebP by their content', async () => {
    expect(sniffImageType(new Uint8Array(await jpegWithGps(20, 10)))).toBe('image/jpeg');
    expect(sniffImageType(new Uint8Array(await png(20, 10)))).toBe('image/png');
    expect(sniffImageType(new Uint8Array(await webp(20, 10)))).toBe('image/webp');
  });

  it('refuses everything else, whatever it claims to be', async () => {
    for (const content of [
      bytes('<!doctype html><script>alert(1)</script>'),
      bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
      bytes('<svg onload=alert(1)>'),
      bytes('GIF89a'),
      bytes('%PDF-1.7'),
      bytes('RIFF\0\0\0\0WAVEfmt '),
      new Uint8Array([0xff, 0xd8]),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      new Uint8Array(0),
      // An HEIC photo: an ISO-BMFF "ftyp" box.
      new Uint8Array([0, 0, 0, 0x18, ...bytes('ftypheic')]),
    ]) {
      expect(sniffImageType(content)).toBeNull();
    }
  });
});

describe('cleanWebp', () => {
  it('drops EXIF and XMP chunks and their flags, keeping the picture and its size', async () => {
    const withExif = new Uint8Array(
      await sharp({ create: { width: 33, height: 21, channels: 3, background: '#336699' } })
        .webp()
        .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 0/1 0/1' } })
        .toBuffer(),
    );
    expect(webpChunks(withExif)).toContain('EXIF');
    const cleaned = cleanWebp(withExif);
    expect(cleaned).not.toBeNull();
    expect(cleaned?.width).toBe(33);
    expect(cleaned?.height).toBe(21);
    const out = cleaned?.bytes ?? new Uint8Array();
    expect(webpChunks(out)).not.toContain('EXIF');
    expect(new TextDecoder('latin1').decode(out)).not.toContain('TestCam');
    // The VP8X header no longer announces metadata, and the RIFF size is the file's.
    const vp8x = new TextDecoder('latin1').decode(out).indexOf('VP8X');
    expect((out[vp8x + 8] ?? 0) & 0x0c).toBe(0);
    expect(new DataView(out.buffer).getUint32(4, true)).toBe(out.length - 8);
    // What is left still decodes to the same size.
    const meta = await sharp(out).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([33, 21, undefined]);
  });

  it('reads the size of lossy and lossless WebP files', async () => {
    const lossy = await sharp({ create: { width: 640, height: 427, channels: 3, background: '#808080' } })
      .webp({ quality: 80 })
      .toBuffer();
    const lossless = await sharp({ create: { width: 17, height: 300, channels: 4, background: '#80808080' } })
      .webp({ lossless: true })
      .toBuffer();
    expect(cleanWebp(new Uint8Array(lossy))).toMatchObject({ width: 640, height: 427 });
    expect(cleanWebp(new Uint8Array(lossless))).toMatchObject({ width: 17, height: 300 });
  });

  it('refuses what is not a whole WebP', async () => {
    expect(cleanWebp(bytes('RIFF\x10\0\0\0WEBPVP8 \xff\xff\xff\0'))).toBeNull();
    expect(cleanWebp(new Uint8Array(await png(10, 10)))).toBeNull();
    const truncated = new Uint8Array(await webp(50, 50)).subarray(0, 40);
    expect(cleanWebp(truncated)).toBeNull();
  });
});

describe('stored images', () => {
  const image = { id: ID, width: 1600, height: 1200, altVi: 'Hộp quà', altEn: '' };

  it('reads only well-formed entries from the stored JSON', () => {
    expect(
      readStoredImages(JSON.stringify([image, 'https://example.com/a.jpg', { id: 'x', width: 1, height: 1 }, null])),
    ).toEqual([image]);
    expect(readStoredImages('not json')).toEqual([]);
    expect(readStoredImages([{ id: ID, width: 10, height: 10 }])).toEqual([
      { id: ID, width: 10, height: 10, altVi: '', altEn: '' },
    ]);
  });

  it('scales variants by their longest side and never enlarges', () => {
    expect(variantDimensions(image, 640)).toEqual({ width: 640, height: 480 });
    expect(variantDimensions(image, 160)).toEqual({ width: 160, height: 120 });
    expect(variantDimensions({ width: 300, height: 900 }, 640)).toEqual({ width: 213, height: 640 });
    expect(variantDimensions({ width: 300, height: 200 }, 640)).toEqual({ width: 300, height: 200 });
  });

  it('lists each real width once in srcset', () => {
    expect(imageSources(image, [640, 1600], 1600)).toEqual({
      src: `/media/${ID}/1600.webp`,
      srcset: `/media/${ID}/640.webp 640w, /media/${ID}/1600.webp 1600w`,
      width: 1600,
      height: 1200,
    });
    // A 500-pixel photo: its 640 and 1600 variants are the photo itself.
    expect(imageSources({ ...image, width: 500, height: 400 }, [160, 640, 1600], 640).srcset).toBe(
      `/media/${ID}/160.webp 160w, /media/${ID}/640.webp 500w`,
    );
  });

  it('builds card and logo sources only from our own media paths', () => {
    expect(cardImageSources({ image: `/media/${ID}/640.webp`, imageWidth: 640, imageHeight: 427 })).toEqual({
      src: `/media/${ID}/640.webp`,
      srcset: `/media/${ID}/160.webp 160w, /media/${ID}/640.webp 640w`,
      width: 640,
      height: 427,
    });
    expect(cardImageSources({ image: 'https://example.com/x.jpg', imageWidth: null, imageHeight: null })).toBeNull();
    expect(logoSources(`/media/${ID}/640.webp`, 48)).toMatchObject({ src: `/media/${ID}/160.webp`, sizes: '48px' });
    expect(logoSources('https://example.com/logo.png', 48)).toEqual({ src: 'https://example.com/logo.png' });
    expect(parseMediaPath(`/media/${ID}/999.webp`)).toBeNull();
    expect(parseMediaPath(`/media/${ID.toUpperCase()}/160.webp`)).toBeNull();
  });
});

describe('a product form’s photo rows', () => {
  const row = (id: string, position: string, remove = false): PostedImage => ({
    id,
    altVi: '',
    altEn: '',
    position,
    remove,
  });
  const ids = (rows: PostedImage[]) => rows.map((r) => r.id);

  it('reads the rows in form order, ignoring names that are not media ids', () => {
    const fields = {
      nameVi: 'x',
      [`image.${ID}.position`]: '1',
      [`image.${ID}.altVi`]: ' Ảnh ',
      'image.../etc.position': '2',
      [`image.${ID}.remove`]: '1',
    };
    expect(postedImagesFrom(fields)).toEqual([{ id: ID, altVi: 'Ảnh', altEn: '', position: '1', remove: true }]);
  });

  it('moves a photo up before, or down after, the one that had its place', () => {
    expect(ids(keptInOrder([row('a', '1'), row('b', '2'), row('c', '1')]))).toEqual(['c', 'a', 'b']);
    expect(ids(keptInOrder([row('a', '3'), row('b', '2'), row('c', '3')]))).toEqual(['b', 'c', 'a']);
    // Blank or unreadable positions keep their place; a typed one still moves.
    expect(ids(keptInOrder([row('a', ''), row('b', 'x'), row('c', '')]))).toEqual(['a', 'b', 'c']);
    expect(ids(keptInOrder([row('a', ''), row('b', 'x'), row('c', '2')]))).toEqual(['a', 'c', 'b']);
    expect(ids(keptInOrder([row('a', '1', true), row('b', '2'), row('c', '3')]))).toEqual(['b', 'c']);
  });
});

describe('media security headers', () => {
  it('keeps the media CSP on media answers and the pages’ everywhere else', () => {
    const media = withSecurityHeaders(
      new Response('x', { headers: { 'Content-Security-Policy': MEDIA_CONTENT_SECURITY_POLICY } }),
    );
    expect(media.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(media.headers.get('x-content-type-options')).toBe('nosniff');
    const page = withSecurityHeaders(
      new Response('x', { headers: { 'Content-Security-Policy': "default-src *; script-src 'unsafe-inline'" } }),
    );
    expect(page.headers.get('content-security-policy')).toBe(SECURITY_HEADERS['Content-Security-Policy']);
  });
});
