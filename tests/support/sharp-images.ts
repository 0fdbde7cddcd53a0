/**
 * The Cloudflare Images binding's few calls the upload path makes (info, then
 * input → transform → output), answered in-process with sharp, as Miniflare
 * answers them under `wrangler dev`: for API tests that call the app without
 * the platform proxy. Tests of the upload path itself use the real local
 * binding (tests/support/local-d1.ts).
 */
import sharp from 'sharp';

const bytesOf = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());

const FORMATS: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

export function sharpImages(): ImagesBinding {
  return {
    async info(stream: ReadableStream<Uint8Array>) {
      const meta = await sharp(await bytesOf(stream)).metadata();
      return {
        format: FORMATS[meta.format ?? ''] ?? meta.format,
        width: meta.width,
        height: meta.height,
        fileSize: meta.size,
      } as ImageInfoResponse;
    },
    input(stream: ReadableStream<Uint8Array>) {
      let resize: { width?: number; height?: number } = {};
      const transformer = {
        transform(options: { width?: number; height?: number }) {
          resize = options;
          return transformer;
        },
        async output(options: { quality?: number }) {
          const out = await sharp(await bytesOf(stream))
            .rotate()
            .resize({ width: resize.width, height: resize.height, fit: 'inside', withoutEnlargement: true })
            .webp({ quality: options.quality ?? 80 })
            .toBuffer();
          return { response: () => new Response(new Uint8Array(out)) };
        },
      };
      return transformer;
    },
  } as unknown as ImagesBinding;
}
