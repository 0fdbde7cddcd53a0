/**
 * How much a request may send, and reading a body within it. The API
 * (functions/api/index.ts) and the page forms (src/worker.ts) read every
 * state-changing request's body through `bodyAtMost` before anything else
 * looks at it, so no route, form handler or rate-limit key ever sees more.
 */

import { MAX_EVIDENCE_BYTES } from '../src/server/claims/evidence-file';

/** A JSON request to the API: the largest (a product with both languages' texts) is a few kilobytes. */
export const API_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * A multipart request to the API (a claim with its evidence file,
 * functions/api/claim-body.ts): the file at its limit and the text fields
 * beside it.
 */
export const API_UPLOAD_LIMIT_BYTES = MAX_EVIDENCE_BYTES + API_BODY_LIMIT_BYTES;

/** A page's url-encoded form (sign-in, an event, a product without photos); photo uploads have their own limit. */
export const FORM_BODY_LIMIT_BYTES = 64 * 1024;

/** Methods that carry no body a handler reads. */
const BODILESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request's body is ours to bound (a GET's is never read). */
export function hasBody(request: Request): boolean {
  return !BODILESS.has(request.method) && request.body !== null;
}

/**
 * The request's body, or null when it is larger than `limit`. A larger body
 * is still read to its end, but dropped as it comes: answering before the
 * client has sent it all resets the connection (a browser shows its own
 * error instead of our message, and the next request on a keep-alive
 * connection fails). Memory stays bounded either way; Cloudflare bounds how
 * much there is to drain.
 */
export async function bodyAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  return streamAtMost(request.body, limit, Number(request.headers.get('content-length')) > limit);
}

/** A stream's bytes if they are at most `limit` (read to its end either way), else null; `over`: known to be over. */
export async function streamAtMost(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  over = false,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = [];
  let total = over ? limit + 1 : 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total <= limit) chunks.push(value);
    else chunks.length = 0;
  }
  if (total > limit) return null;
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}
