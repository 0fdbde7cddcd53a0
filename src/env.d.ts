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
  }
}
interface Env extends Cloudflare.Env {}

declare namespace App {
  interface Locals {
    /** Whether demo (fictional) data is loaded; set by src/middleware.ts. */
    demo?: boolean;
  }
}
