/**
 * What the OpenAPI document says beyond each route's own words: who must be
 * signed in (the session cookie as a security scheme), and the request bodies
 * that a domain verb parses with the domain's own schema.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { API_BODY_LIMIT_BYTES } from '../body-limit';
import { errorSchemaResponse } from './schemas';

export const SESSION_SCHEME = 'sessionCookie';

/** `security` of an operation that needs a signed-in user (the guards in src/server/accounts/guards.ts say which role). */
export const signedIn = [{ [SESSION_SCHEME]: [] }];

export const THREAD_TOKEN_SCHEME = 'inquiryThreadToken';

/** `security` of the buyer's thread operations: the private token from their mail, no account. */
export const threadToken = [{ [THREAD_TOKEN_SCHEME]: [] }];

/** The header that carries it (a header, not the path, so it stays out of access logs). */
export const THREAD_TOKEN_HEADER = 'X-Inquiry-Thread-Token';

const threadTokenScheme = {
  type: 'apiKey',
  in: 'header',
  name: THREAD_TOKEN_HEADER,
  description:
    'The token of the private link mailed to the buyer (the last path segment of the link). ' +
    'Unknown and revoked tokens answer 404 alike.',
} as const;

/** The session cookie as the document describes it (src/server/security/session-cookie.ts sets it). */
export const sessionCookieScheme = {
  type: 'apiKey',
  in: 'cookie',
  name: '__Host-session',
  description:
    'The session cookie that POST /session sets (HttpOnly, SameSite=Lax; named `session` on plain-http localhost). ' +
    'Requests that change something must also come from the portal’s own origin (Origin header), or they are refused with 403.',
} as const;

const domainSchemas = new Map<string, ZodType>();

/**
 * A JSON body that the verb parses itself, with the domain's schema: it then
 * reports every problem at once, including rules that depend on the time of
 * arrival or on reference data, in the same words as the pages' forms. The
 * route documents that schema (named by its `.meta({ id })`) by reference;
 * @hono/zod-openapi validates only zod schemas it is handed, so it leaves the
 * body to the verb. Pair it with the `jsonBody()` gate (./json-body.ts).
 */
export function domainBody(
  schema: ZodType,
  { description, example }: { description?: string; example?: unknown } = {},
) {
  const id = schema.meta()?.id;
  if (typeof id !== 'string') throw new Error('A documented domain body needs .meta({ id })');
  domainSchemas.set(id, schema);
  return {
    required: true,
    ...(description ? { description } : {}),
    content: {
      'application/json': { schema: { $ref: `#/components/schemas/${id}` }, ...(example ? { example } : {}) },
    },
  };
}

/**
 * The domain's schema named for the document. zod copies its methods onto a
 * schema when the schema is made, and src/server's schemas may be made before
 * @hono/zod-openapi adds `.openapi()` to zod: so the method is borrowed.
 */
function named(schema: ZodType, id: string): ZodType {
  const { openapi } = z.ZodType.prototype as unknown as { openapi(this: ZodType, refId: string): ZodType };
  return openapi.call(schema, id);
}

/**
 * Adds the schemes and the domain bodies the routes refer to, and the 413
 * that every operation with a body can answer (the API's one body limit,
 * ./body-limit.ts, where a route does not state a smaller one itself); once,
 * on the app that serves the document.
 */
export function registerDocumentComponents(app: OpenAPIHono<any>) {
  app.openAPIRegistry.registerComponent('securitySchemes', SESSION_SCHEME, sessionCookieScheme);
  app.openAPIRegistry.registerComponent('securitySchemes', THREAD_TOKEN_SCHEME, threadTokenScheme);
  for (const [id, schema] of domainSchemas) app.openAPIRegistry.register(id, named(schema, id));
  const tooLarge = errorSchemaResponse(`Body larger than ${API_BODY_LIMIT_BYTES} bytes`);
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route' || !definition.route.request?.body) continue;
    definition.route.responses[413] ??= tooLarge;
  }
}
