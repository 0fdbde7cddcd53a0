/**
 * The worker: one Hono app, behind the memory of public pages. cf() serves
 * static assets and sets up Astro's Cloudflare context, /api/v1 goes to the
 * JSON API, and everything else to Astro's pages (see docs/ARCHITECTURE.md).
 * The daily Cron Trigger runs src/server/scheduled.ts; mail to the inquiry
 * threads' reply addresses arrives at email() (functions/inbound-mail.ts).
 */
import { cf } from '@astrojs/cloudflare/hono';
import { actions, getFetchState, i18n, middleware, pages } from 'astro/hono';
import { Hono } from 'hono';
import { API_BASE, createApi } from '../functions/api';
import { errorResponse } from '../functions/api/errors';
import { gs1Resolver } from '../functions/gs1-resolver';
import { unsubscribeLinks } from '../functions/unsubscribe';
import { evidenceFiles } from '../functions/evidence-files';
import { media } from '../functions/media';
import { freshFormTokens } from '../functions/public-cache/fresh-form-tokens';
import { createPublicCache } from '../functions/public-cache/index';
import { servicesFor } from '../functions/request-services';
import { formBodyLimit } from '../functions/pages/form-body-limit';
import { handleInboundMail } from '../functions/inbound-mail';
import { runScheduledJobs } from './server/scheduled';
import { configuredOrigin, mailLinkOrigin } from './server/seo/urls';
import { consumeImportChunk, type ImportChunkMessage } from './server/imports/import-queue';
import { sendDueInvitationMail } from './server/accounts/invitation-mail';
import { inquiryRetentionMonths } from './server/privacy/notice';
import { dictionary, localeFromPath } from './i18n';
import { mapTilesSource, withSecurityHeaders } from '../functions/security-headers';
import { isCrossOriginWrite } from './server/security/origin-check';
import { countQueries, newQueryStats, queryStatsHeaders } from './server/db/query-stats';

const app = new Hono<{ Bindings: Env }>();
const publicCache = createPublicCache({ fresh: freshFormTokens });

// First, so every response the app makes carries them, and with them every answer kept in the
// public cache (static files get them from public/_headers).
app.use(async (c, next) => {
  await next();
  // Assigning c.res copies the old response's headers into the new one: only when it is a new one.
  const secured = withSecurityHeaders(c.res, mapTilesSource(c.env.MAP_TILES_URL));
  if (secured !== c.res) c.res = secured;
});
// The benchmark's count of each answer's database statements and rows read (src/server/db/query-stats.ts).
app.use(async (c, next) => {
  if (!c.env.QUERY_STATS) return next();
  const stats = newQueryStats();
  await countQueries(stats, next);
  stats.sealed = true;
  // A new response: a static file's headers are immutable.
  const counted = new Response(c.res.body, c.res);
  for (const [name, value] of Object.entries(queryStatsHeaders(stats))) counted.headers.set(name, value);
  c.res = counted;
});
// Before cf(), which hands Astro the request: a page form's body is read once, within its limit.
app.use(formBodyLimit());
// Not for the API's and the uploaded files' paths, which hold no static file and no Astro page:
// there cf() would set up Astro's state and ask the assets binding for the path, a round trip
// answered 404 on every API call and every photo.
const astroContext = cf();
const NOT_ASTRO = /^\/(api|media)\//;
app.use((c, next) => (NOT_ASTRO.test(c.req.path) ? next() : astroContext(c, next)));
app.route(API_BASE, createApi());
// Any other /api path (an old or future version, a typo) is still an API client: answer in JSON.
app.all('/api/*', (c) => errorResponse(c, 404, 'route_not_found'));
// Claims' evidence files, to whom may see them (functions/evidence-files.ts): before the photos' catch-all.
app.route('/media/evidence', evidenceFiles());
// Uploaded images, straight from R2: no session, no database, cacheable (functions/media.ts).
app.route('/media', media);
// The GS1-Conformant Resolver's description of itself (functions/gs1-resolver.ts).
app.route('/', gs1Resolver);
// One-click unsubscribe POSTs come from mail clients, not our pages: before the CSRF check (functions/unsubscribe.ts).
app.route('/', unsubscribeLinks);
// CSRF: a state-changing request to a page must come from one of our pages (the API checks its own).
app.use(async (c, next) => {
  if (isCrossOriginWrite(c.req.raw, c.env.PUBLIC_ORIGIN)) {
    const t = dictionary(localeFromPath(new URL(c.req.url).pathname));
    return c.text(t.api.forbidden_origin, 403);
  }
  return next();
});
// The request's services, made as the API makes its own (functions/request-services.ts), for pages and Astro's middleware.
app.use(async (c, next) => {
  getFetchState(c).locals.services = servicesFor(c.env);
  await next();
});
app.use(actions());
app.use(middleware());
app.use(pages());
app.use(i18n());

export default {
  // Public pages and catalogue API answers, rendered once per content version
  // (functions/public-cache/), in front of the whole app: an answer from
  // memory needs none of its request set-up.
  fetch: publicCache.wrap(app.fetch),
  // Cron Triggers (wrangler.toml [triggers]): inquiry mail retries and date-dependent upkeep, see src/server/scheduled.ts.
  async scheduled(controller, env, ctx) {
    const services = servicesFor(env);
    ctx.waitUntil(
      services
        .database()
        .then((db) =>
          runScheduledJobs(
            db,
            services.mailer(db),
            controller.cron,
            new Date(controller.scheduledTime),
            { inquiryRetentionMonths: inquiryRetentionMonths(env), mailOrigin: configuredOrigin(env.PUBLIC_ORIGIN) },
            services.media.bucket,
          ),
        )
        .finally(() => publicCache.expire()),
    );
  },
  // Cloudflare Queues (wrangler.toml [[queues.consumers]]): a large import's chunks, see src/server/imports/import-queue.ts.
  async queue(batch, env) {
    const services = servicesFor(env);
    const db = await services.database();
    const origin = mailLinkOrigin(env.PUBLIC_ORIGIN);
    for (const message of batch.messages)
      // A failed chunk is delivered again (max_retries), then its run is left failed to be resumed from its page;
      // a chunk another delivery is writing is delivered again later (src/server/imports/chunk-lease.ts).
      await consumeImportChunk(
        db,
        services.media.bucket,
        env.IMPORT_QUEUE!,
        message as Message<ImportChunkMessage>,
        origin,
      );
    // New cooperatives' invitations were queued with them; the cron sends what this does not.
    await sendDueInvitationMail(db, services.mailer(db));
    publicCache.expire();
  },
  // Email Routing: replies by mail to an inquiry's thread (functions/inbound-mail.ts).
  async email(message, env, ctx) {
    await handleInboundMail(message, servicesFor(env), ctx);
  },
} satisfies ExportedHandler<Env>;
