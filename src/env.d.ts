/** Bindings and variables of the worker (wrangler.toml, .dev.vars, `wrangler secret`). */
declare namespace Cloudflare {
  interface Env {
    /** D1 database: the default store. */
    DB: D1Database;
    /** When set, libSQL/Turso (over HTTP(S)/WS) is used instead of D1. */
    LIBSQL_URL?: string;
    LIBSQL_AUTH_TOKEN?: string;
    /** Public origin used in absolute links (canonical URLs, QR codes), e.g. https://chohtx.vn */
    PUBLIC_ORIGIN?: string;
    ASSETS: Fetcher;
    /** R2 bucket of uploaded images (their resized variants only), served at /media/…. */
    MEDIA: R2Bucket;
    /** Cloudflare Images: reads, resizes and re-encodes uploads (local sharp under wrangler dev). */
    IMAGES: ImagesBinding;
    /** "1" turns on the development outbox: mail is stored in the database and shown at /dev/outbox. */
    DEV_OUTBOX?: string;
    /**
     * Production mail: Cloudflare Email Service's send_email binding (wrangler.toml). Under `wrangler dev` it is
     * simulated (printed to the console); DEV_OUTBOX, when set, is used instead.
     */
    EMAIL?: SendEmail;
    /** Sender address of mail, e.g. "Chợ HTX <no-reply@chohtx.vn>". */
    MAIL_FROM?: string;
    /**
     * The domain of the inquiry threads' reply addresses (reply+<token>@…), whose Email Routing rule sends mail to
     * the worker's email() handler. Unset, mail about inquiries carries no Reply-To and takes no replies.
     */
    INBOUND_MAIL_DOMAIN?: string;
    /** Key of the inquiry form's signed fill-time field (a secret); a development default is used without it. */
    INQUIRY_FORM_SECRET?: string;
    /** Origins allowed to POST /api/v1/inquiries from their pages (CORS), comma-separated; none by default. */
    INQUIRY_CORS_ORIGINS?: string;
    /** Cloudflare Turnstile: with the secret set, inquiries must pass the check; the site key draws the widget. */
    TURNSTILE_SECRET?: string;
    TURNSTILE_SITE_KEY?: string;
    /**
     * The map page's tiles: a Leaflet URL template (https only; {s}, {z}, {x}, {y}) and its attribution text.
     * Unset, the map shows the cooperatives on a plain background and says so; set, the CSP allows its origin.
     */
    MAP_TILES_URL?: string;
    MAP_TILES_ATTRIBUTION?: string;
    /** Months after an inquiry thread's last message before the buyer's data in it is anonymised (default 24). */
    INQUIRY_RETENTION_MONTHS?: string;
    /**
     * Large imports (src/server/imports/import-queue.ts): the request queues the run's chunks, the worker's
     * queue() handler writes them. Unset (a deployment without Queues), every import runs in its request.
     */
    IMPORT_QUEUE?: Queue<import('./server/imports/import-queue').ImportChunkMessage>;
    /** Set by the benchmark only: each answer carries its database statements and rows read (src/server/db/query-stats.ts). */
    QUERY_STATS?: string;
    /** The address the privacy notice gives for requests about personal data. */
    PRIVACY_CONTACT?: string;
  }
}
interface Env extends Cloudflare.Env {}

declare namespace App {
  interface Locals {
    /** The request's services (database, mailer, …), set by src/worker.ts for every page (functions/request-services.ts). */
    services: import('../functions/request-services').RequestServices;
    /** Whether demo (fictional) data is loaded; set by src/middleware.ts. */
    demo?: boolean;
    /** Who is signed in (src/middleware.ts validates the session cookie), or null. */
    user?: import('./server/accounts/users').SessionUser | null;
    session?: import('./server/accounts/sessions').Session | null;
    /** New inquiries of a signed-in member's cooperative, for the navigation (src/middleware.ts). */
    unreadInquiries?: number;
    /**
     * What waits for the signed-in reader, on the pages of the account area only (src/middleware.ts); null when the
     * database did not answer in time (the navigation then shows no counts).
     */
    accountWaiting?: import('./server/accounts/home').AccountWaiting | null;
    /** The products on the visitor's shortlist, from its cookie (src/middleware.ts; no query). */
    shortlist?: string[];
  }
}
