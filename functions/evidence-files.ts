/**
 * GET /media/evidence/{kind}/{id}: a claim's evidence file from the MEDIA
 * bucket, to whom may see it (src/server/claims/evidence-access.ts). Unlike
 * the photos' variants these are the uploaded bytes themselves, so a PDF is
 * always a download (`attachment`: never rendered by the browser's viewer on
 * our origin), every file goes with `nosniff`, the type recognised at upload
 * and a CSP that lets nothing load or run (`sandbox`). Answers that depend
 * on who asks are never kept by a cache.
 */
import { Hono } from 'hono';
import { evidenceForViewer } from '../src/server/claims/evidence-access';
import { CLAIM_KINDS, type ClaimKind, EVIDENCE_TYPES } from '../src/server/claims/vocabulary';
import { NotFoundError } from '../src/server/errors';
import { type ServiceFactories, servicesFor } from './request-services';
import { sessionOfRequest } from './request-session';
import { MEDIA_CONTENT_SECURITY_POLICY } from './security-headers';

const baseHeaders = {
  'Content-Security-Policy': MEDIA_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/** The file name a download is saved under: the claim's id, never a name the uploader chose. */
const EXTENSIONS: Record<(typeof EVIDENCE_TYPES)[number], string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

const isKind = (value: string): value is ClaimKind => CLAIM_KINDS.includes(value as ClaimKind);

/** The router, on the worker's services; tests pass a database (as createApi's deps). */
export function evidenceFiles(overrides: Partial<ServiceFactories> = {}) {
  const app = new Hono<{ Bindings: Env }>();
  app.get('/:kind/:id', async (c) => {
    const kind = c.req.param('kind');
    const id = c.req.param('id');
    if (!isKind(kind) || id.length > 64) return notFound();
    const services = servicesFor(c.env, overrides);
    const now = new Date();
    const session = await sessionOfRequest(services.database, new URL(c.req.url), c.req.header('cookie'), now);
    let evidence;
    try {
      evidence = await evidenceForViewer(await services.database(), session.user, kind, id);
    } catch (error) {
      if (error instanceof NotFoundError) return notFound();
      throw error;
    }
    const object = await services.media.bucket.get(evidence.key);
    // Only the types we recognised and stored ourselves; anything else under the key is not served.
    if (!object || object.httpMetadata?.contentType !== evidence.type) return notFound();
    const fileName = `${kind}-${id}.${EXTENSIONS[evidence.type]}`;
    const disposition = evidence.type === 'application/pdf' ? 'attachment' : 'inline';
    const headers = new Headers({
      ...baseHeaders,
      'Content-Type': evidence.type,
      'Content-Length': String(object.size),
      'Content-Disposition': `${disposition}; filename="${fileName}"`,
      // A file the public may see changes only with its claim (a new key); one for the owner or officers is theirs alone.
      'Cache-Control': evidence.public && !session.setCookie ? 'public, max-age=300' : 'private, no-store',
    });
    if (session.setCookie) headers.append('Set-Cookie', session.setCookie);
    return new Response(object.body, { headers });
  });
  app.all('*', () => notFound());
  return app;
}
