/**
 * The body limit of every page form post, before Astro or a form handler
 * reads it (src/worker.ts runs it ahead of Astro's pipeline): past
 * FORM_BODY_LIMIT_BYTES, 413 with a localised message. Photo uploads
 * (multipart/form-data) are bounded where they are read, at
 * MAX_UPLOAD_BYTES, by ./dashboard/upload-form.ts, which says so in the form;
 * a multipart post to a form without files is bounded by readForm
 * (./form-handling.ts) at FORM_BODY_LIMIT_BYTES and answered 413 here; one
 * that a page refuses unread is read to its end before the answer goes.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { dictionary, localeFromPath } from '../../src/i18n';
import { bodyAtMost, FORM_BODY_LIMIT_BYTES, hasBody } from '../body-limit';

const isMultipart = (request: Request) =>
  (request.headers.get('content-type') ?? '').trim().toLowerCase().startsWith('multipart/form-data');

/** Requests whose form a page found too large: Astro turns what a page throws into its 500 page, so the flag says why. */
const tooLarge = new WeakSet<Request>();

/** Marks the request as refused for its size and gives the error for the page to throw. */
export function refuseAsTooLarge(request: Request): Error {
  tooLarge.add(request);
  return new Error('form body over the limit');
}

const tooLargeAnswer = (c: Context) => {
  const t = dictionary(localeFromPath(new URL(c.req.url).pathname));
  return c.text(t.errors.formTooLarge, 413, { 'Cache-Control': 'no-store' });
};

export function formBodyLimit() {
  return createMiddleware(async (c, next) => {
    // The API bounds its own bodies (functions/api/index.ts), in its error shape.
    if (c.req.path.startsWith('/api/') || !hasBody(c.req.raw)) return next();
    if (isMultipart(c.req.raw)) {
      const request = c.req.raw;
      await next();
      if (tooLarge.has(request)) {
        c.res = tooLargeAnswer(c);
        return;
      }
      // A page that refused the post before reading it (sign-in first, 403, 404) must not answer while
      // the browser is still sending the photos: that resets the connection. Read the rest, keep none.
      if (!request.bodyUsed) await bodyAtMost(request, 0);
      return;
    }
    const body = await bodyAtMost(c.req.raw, FORM_BODY_LIMIT_BYTES);
    if (!body) return tooLargeAnswer(c);
    // Astro reads the request it is given (getFetchState): this copy holds the body already read.
    c.req.raw = new Request(c.req.raw, { body });
    return next();
  });
}
