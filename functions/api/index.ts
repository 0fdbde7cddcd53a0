/**
 * The JSON API, mounted by src/worker.ts at /api/v1. Routers stay thin: they
 * validate with zod (which also documents them in OpenAPI), call a verb or
 * query of src/server, and map its errors in one place (./errors.ts).
 */
import { cors } from 'hono/cors';
import { negotiateLocale } from '../../src/i18n';
import type { Database } from '../../src/server/db/client';
import { boundedDatabaseWork, databaseAnswers } from '../../src/server/db/health';
import { DomainError, UnavailableError } from '../../src/server/errors';
import { type ApiDeps, createRouter } from './context';
import { errorResponse, onApiError } from './errors';
import { catalogueDetails } from './catalogue-details';
import { catalogueLists } from './catalogue-lists';
import { eventRegistrations } from './event-registrations';
import { events } from './events';
import { managedEvents } from './managed-events';
import { health } from './health';
import { trace } from './trace';
import { openData } from './open-data';
import { qrCodes } from './qr';
import { accounts } from './accounts';
import { dashboard } from './dashboard';
import { managedProducts } from './managed-products';
import { admin } from './admin';
import { claimsAdmin } from './claims-admin';
import { CROSS_ORIGIN_INQUIRY_PATHS, inquiries, inquiryCors, isAllowedCrossOriginInquiry } from './inquiries';
import { refuseCrossOriginWrites, resolveSession } from './session';
import { registerDocumentComponents } from './openapi';
import { servicesFor } from '../request-services';
import { API_BODY_LIMIT_BYTES, API_UPLOAD_LIMIT_BYTES } from '../body-limit';
import { bodyLimit } from './body-limit';

export const API_BASE = '/api/v1';

/** Read-only public answers any site may fetch (CORS `*`), as Hono paths under API_BASE. */
export const PUBLIC_READ_PATHS = [
  '/products',
  '/products/:slug',
  '/cooperatives',
  '/cooperatives/:slug',
  '/cooperatives.geojson',
  '/provinces',
  '/provinces/:slug',
  '/events',
  '/events.ics',
  '/events.atom',
  '/events/:slug',
  '/open-data/*',
] as const;

export const OPENAPI_INFO = {
  title: 'Chợ HTX API',
  version: '1.0.0',
  description:
    'Public JSON API of Chợ HTX: OCOP products, cooperatives, provenance and trade-promotion events. ' +
    'Errors are `{ "error": { "code", "message", "fields"? } }`; messages follow `?lang=vi|en` or Accept-Language.',
  license: { name: 'CC BY 4.0 (data)', url: 'https://creativecommons.org/licenses/by/4.0/' },
};

export function createApi(deps: ApiDeps = {}) {
  const api = createRouter();

  api.use('*', async (c, next) => {
    c.set('locale', negotiateLocale(c.req.query('lang'), c.req.header('accept-language')));
    await next();
  });
  // The public inquiry POSTs may come from other sites' pages, when the deployment lists them.
  for (const path of CROSS_ORIGIN_INQUIRY_PATHS) api.use(path, inquiryCors());
  // Every body is bounded before anything reads it (routes may set a smaller limit with jsonBody).
  api.use('*', bodyLimit(API_BODY_LIMIT_BYTES, { multipartBytes: API_UPLOAD_LIMIT_BYTES }));
  // A batch's trace is public and linked from the resolver's linksets, which scanning apps read from their own pages.
  api.use('/trace/*', cors({ origin: '*', allowMethods: ['GET'] }));
  // The public catalogue and calendar, so that other sites (provincial portals) can build their own lists and
  // maps: any origin may read, without credentials (a browser never pairs `*` with cookies); writes stay ours.
  for (const path of PUBLIC_READ_PATHS) api.use(path, cors({ origin: '*', allowMethods: ['GET', 'HEAD'] }));
  // Before any database work: a forged cross-site request gets nothing done, not even a lookup.
  api.use(
    '*',
    refuseCrossOriginWrites((request, env) => isAllowedCrossOriginInquiry(request, env?.INQUIRY_CORS_ORIGINS)),
  );
  api.use('*', async (c, next) => {
    const services = servicesFor(c.env, deps);
    c.set('services', services);
    let db: Database;
    try {
      db = await services.database();
    } catch (error) {
      throw new UnavailableError(error instanceof Error ? error.message : String(error));
    }
    c.set('db', db);
    // Bounded in time; a failure the database explains is a 503, see boundedDatabaseWork.
    await boundedDatabaseWork(db, async () => {
      await resolveSession(c, new Date());
      await next();
      if (c.error && !(c.error instanceof DomainError) && !(await databaseAnswers(db))) {
        throw new UnavailableError(c.error.message);
      }
    });
  });

  api.route('/', health);
  api.route('/', catalogueDetails);
  api.route('/', catalogueLists);
  api.route('/', trace);
  api.route('/', qrCodes);
  api.route('/', openData);
  api.route('/', accounts);
  api.route('/', dashboard);
  api.route('/', managedProducts);
  api.route('/', events);
  api.route('/', inquiries);
  api.route('/', eventRegistrations);
  api.route('/', managedEvents);
  api.route('/', admin);
  api.route('/', claimsAdmin);

  registerDocumentComponents(api);
  // Public unless an operation says otherwise (`security: signedIn`, ./openapi.ts).
  api.doc31('/openapi.json', { openapi: '3.1.0', info: OPENAPI_INFO, servers: [{ url: API_BASE }], security: [] });

  // notFound() fires only on the top-level app, so the API answers unknown routes itself, in JSON.
  api.all('*', (c) => errorResponse(c, 404, 'route_not_found'));
  api.onError(onApiError);
  return api;
}

export type Api = ReturnType<typeof createApi>;
