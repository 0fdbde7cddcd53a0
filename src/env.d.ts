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
    /** "1" turns on the development outbox: mail is stored in the database and shown at /dev/outbox. */
    DEV_OUTBOX?: string;
    /** Production mail: an HTTP API that takes {from, to, subject, text} as JSON with a bearer key. */
    MAIL_API_URL?: string;
    MAIL_API_KEY?: string;
    /** Sender address of mail, e.g. "Chợ HTX <no-reply@chohtx.vn>". */
    MAIL_FROM?: string;
  }
}
interface Env extends Cloudflare.Env {}

declare namespace App {
  interface Locals {
    /** Whether demo (fictional) data is loaded; set by src/middleware.ts. */
    demo?: boolean;
    /** Who is signed in (src/middleware.ts validates the session cookie), or null. */
    user?: import('./server/accounts/users').SessionUser | null;
    session?: import('./server/accounts/sessions').Session | null;
  }
}
