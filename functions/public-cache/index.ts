/**
 * The worker's memory of rendered public pages (src/server/cache): a public
 * page or catalogue API answer rendered once is served again from the
 * isolate's memory until the content version moves (any write to what public
 * pages show) or a minute has passed, whichever comes first.
 *
 * - The version is re-read once the one the isolate holds is a second old,
 *   and at once after this isolate handled a write (any request whose method
 *   is not safe), so a cooperative or officer sees their own change on their
 *   next page.
 * - Nothing pending is shared between requests (a Worker may not use another
 *   request's I/O, and a cancelled request would leave the others waiting):
 *   visitors who ask for a page no one has rendered yet render it each.
 * - When the version cannot be read within half a second (no database,
 *   migrations missing), nothing is served from or kept in memory: every
 *   request renders as usual.
 * - Values that must differ per visitor (the inquiry form's signed render
 *   time) are issued anew on every answer from memory (`fresh`).
 *
 * Answers say `X-Cache: HIT` or `MISS`; requests that are never kept carry no such header.
 */
import { databaseFromEnv } from '../../src/server/db/client';
import { withTimeout } from '../../src/server/db/health';
import { isSafeMethod } from '../../src/server/security/origin-check';
import { ContentVersionWatch, readContentVersion } from '../../src/server/cache/content-version';
import { isKeepable, keptResponse, publicCacheKey, responseFrom } from './public-responses';
import { ResponseStore, type ResponseStoreLimits, type StoredResponse } from './response-store';

const VERSION_RECHECK_MS = 1000;
const VERSION_READ_TIMEOUT_MS = 500;
const LIMITS = { maxEntries: 2000, maxBytes: 24 * 1024 * 1024, maxEntryBytes: 512 * 1024, maxAgeMs: 60_000 };

/** What renders an answer when memory has none: the worker's own fetch (the Hono app). */
export type Render = (request: Request, env: Env, ctx: ExecutionContext) => Response | Promise<Response>;

export interface PublicCache {
  /**
   * The worker's fetch, with this memory in front of `render`. In front of the
   * whole app, not one of its middleware: an answer from memory already carries
   * every header the app adds (security headers included), so it needs none of
   * the app's request set-up, which cost more than the answer itself.
   */
  wrap(render: Render): (request: Request, env: Env, ctx: ExecutionContext) => Promise<Response>;
  /** After writes made outside a request (scheduled jobs): the next request reads the version again. */
  expire(): void;
}

/** Values in a page that must be issued anew for each visitor, even when the page comes from memory. */
export interface FreshFields {
  /** Whether a page carries such values (asked once, when it is kept). */
  carriedBy(html: string): boolean;
  /** The answer with those values issued anew. */
  refresh(response: Response, env: Env): Promise<Response>;
}

export interface PublicCacheOptions {
  limits?: ResponseStoreLimits;
  recheckMs?: number;
  /** Where the content version comes from (tests give their own database). */
  readVersion?: (env: Env) => Promise<number>;
  fresh?: FreshFields;
}

export function createPublicCache({
  limits = LIMITS,
  recheckMs = VERSION_RECHECK_MS,
  fresh,
  // Bounded: a database that does not answer must not add more than this to the page's own 503.
  readVersion = async (env) => withTimeout(databaseFromEnv(env).then(readContentVersion), VERSION_READ_TIMEOUT_MS),
}: PublicCacheOptions = {}): PublicCache {
  const store = new ResponseStore(limits);
  let watch: ContentVersionWatch | undefined;
  const answerFromMemory = (entry: StoredResponse, env: Env): Response | Promise<Response> => {
    const response = responseFrom(entry, 'HIT');
    return entry.fresh && fresh ? fresh.refresh(response, env) : response;
  };

  const wrap =
    (render: Render) =>
    async (request: Request, env: Env, ctx: ExecutionContext): Promise<Response> => {
      const key = publicCacheKey(request);
      if (key === null) {
        const response = await render(request, env, ctx);
        if (!isSafeMethod(request.method)) watch?.expire();
        return response;
      }
      watch ??= new ContentVersionWatch(() => readVersion(env), recheckMs);
      let version: number;
      try {
        version = await watch.current();
      } catch {
        return render(request, env, ctx);
      }

      const kept = store.get(key, version, Date.now());
      if (kept) return answerFromMemory(kept, env);
      const response = await render(request, env, ctx);
      if (!isKeepable(response)) return response;
      const html = response.headers.get('content-type')?.startsWith('text/html') ?? false;
      // Under the version read before rendering: a write during the rendering makes this entry stale at once.
      const entry = await keptResponse(response, version, Date.now());
      if (fresh && html) entry.fresh = fresh.carriedBy(await entry.body.text());
      store.put(key, entry);
      // Just rendered, so its fresh values are fresh already.
      return responseFrom(entry, 'MISS');
    };

  return {
    wrap,
    expire: () => {
      watch?.expire();
    },
  };
}
