/** What one response weighs: raw and compressed bytes, and the JavaScript a browser would fetch and run. */
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface PageWeight {
  status: number;
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** Inline and external scripts, excluding JSON-LD data blocks. */
  clientJsBytes: number;
  cssBytes: number;
  /** The X-Cache header of the answer (MISS on a first visit to a public page), if any. */
  cache: string | null;
}

export async function weigh(url: string): Promise<PageWeight> {
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  const text = body.toString('utf8');
  let clientJsBytes = 0;
  let cssBytes = 0;
  if ((res.headers.get('content-type') ?? '').includes('text/html')) {
    for (const match of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const [, attributes = '', inline = ''] = match;
      if (/application\/ld\+json/.test(attributes)) continue;
      const src = /src="([^"]+)"/.exec(attributes)?.[1];
      clientJsBytes += src
        ? (await (await fetch(new URL(src, url))).arrayBuffer()).byteLength
        : Buffer.byteLength(inline);
    }
    for (const match of text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/gi)) {
      cssBytes += (await (await fetch(new URL(match[1] as string, url))).arrayBuffer()).byteLength;
    }
    for (const match of text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
      cssBytes += Buffer.byteLength(match[1] ?? '');
  }
  return {
    status: res.status,
    rawBytes: body.byteLength,
    gzipBytes: gzipSync(body).byteLength,
    brotliBytes: brotliCompressSync(body).byteLength,
    clientJsBytes,
    cssBytes,
    cache: res.headers.get('x-cache'),
  };
}
