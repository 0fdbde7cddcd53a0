/**
 * GET /.well-known/gs1resolver: the GS1-Conformant Resolver description
 * (src/server/provenance/resolver-description.ts). Routed in the worker, not
 * as an Astro page: it needs no session, database or language, and answers
 * any origin (CORS), as scanning apps read it from their own pages.
 */
import { Hono } from 'hono';
import { siteOrigin } from '../src/server/seo/origin';
import { resolverDescription } from '../src/server/provenance/resolver-description';

export const RESOLVER_DESCRIPTION_PATH = '/.well-known/gs1resolver';

/** JSON answers of the resolver may be read by scanning apps on any origin: they hold only public data. */
export const PUBLIC_CORS_HEADERS = { 'Access-Control-Allow-Origin': '*' } as const;

export const gs1Resolver = new Hono<{ Bindings: Env }>().get(RESOLVER_DESCRIPTION_PATH, (c) =>
  c.json(resolverDescription(siteOrigin(c.env, new URL(c.req.url))), 200, {
    ...PUBLIC_CORS_HEADERS,
    'Cache-Control': 'public, max-age=3600',
  }),
);
