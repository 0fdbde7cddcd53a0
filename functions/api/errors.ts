/**
 * The API's one mapping from errors to HTTP: `{ error: { code, message, fields? } }`
 * with the matching status, localised by the request's locale.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { dictionary, format, type Locale, negotiateLocale } from '../../src/i18n';
import {
  ConflictError,
  DomainError,
  type FieldIssues,
  ForbiddenError,
  InvalidCredentialsError,
  InvalidFilterError,
  InvalidTokenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
} from '../../src/server/errors';

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

function localeOf(c: Context): Locale {
  return (c.get('locale') as Locale | undefined) ?? negotiateLocale(c.req.query('lang'), c.req.header('accept-language'));
}

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: keyof ReturnType<typeof dictionary>['api'],
  fields?: FieldIssues,
) {
  const locale = localeOf(c);
  const messages = dictionary(locale);
  const body: ApiErrorBody = { error: { code, message: messages.api[code] } };
  if (fields) {
    body.error.fields = Object.fromEntries(
      Object.entries(fields).map(([field, issue]) => {
        const template = (messages.validation as Record<string, string>)[issue.code] ?? messages.validation.invalid;
        return [field, format(template, issue.params)];
      }),
    );
  }
  return c.json(body, status);
}

/** The value at a path of the input, to tell a missing field from a mistyped one. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** Turns zod's issues into our field issues: path joined with dots, one issue per field. */
export function fieldIssuesFromZod(error: ZodError, input: unknown): FieldIssues {
  const fields: FieldIssues = {};
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? issue.path.join('.') : '_';
    if (fields[path]) continue;
    switch (issue.code) {
      case 'too_small':
        fields[path] =
          issue.origin === 'string'
            ? { code: 'too_short', params: { min: Number(issue.minimum) } }
            : { code: 'too_small', params: { min: Number(issue.minimum) } };
        break;
      case 'too_big':
        fields[path] =
          issue.origin === 'string'
            ? { code: 'too_long', params: { max: Number(issue.maximum) } }
            : { code: 'too_big', params: { max: Number(issue.maximum) } };
        break;
      case 'invalid_type':
        fields[path] = { code: valueAt(input, issue.path) === undefined ? 'required' : 'invalid_type' };
        break;
      case 'invalid_format':
        fields[path] = { code: 'invalid_format' };
        break;
      case 'invalid_value':
        fields[path] = { code: 'invalid_value' };
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) fields[[...issue.path, key].join('.')] = { code: 'unknown_field' };
        break;
      default:
        fields[path] = { code: 'invalid' };
    }
  }
  return fields;
}

/**
 * zod-openapi calls this after validating a request part. Query and path
 * problems are a malformed request (400); a body that parses but breaks the
 * rules is unprocessable (422).
 */
export function validationHook(
  // On failure, `data` is the input as received (@hono/zod-validator passes it before the result).
  result: { success: boolean; error?: ZodError; data?: unknown; target: string },
  c: Context,
) {
  if (result.success || !result.error) return;
  const status = result.target === 'json' || result.target === 'form' ? 422 : 400;
  const fields = fieldIssuesFromZod(result.error, result.data);
  return errorResponse(c, status, status === 422 ? 'validation_failed' : 'bad_request', fields);
}

export function onApiError(error: Error, c: Context) {
  if (error instanceof ValidationError) return errorResponse(c, 422, 'validation_failed', error.fields);
  if (error instanceof InvalidFilterError) return errorResponse(c, 400, 'bad_request', error.fields);
  if (error instanceof NotFoundError) return errorResponse(c, 404, 'not_found');
  if (error instanceof ConflictError) return errorResponse(c, 409, 'conflict');
  if (error instanceof UnauthenticatedError) return errorResponse(c, 401, 'unauthenticated');
  if (error instanceof InvalidCredentialsError) return errorResponse(c, 401, 'invalid_credentials');
  if (error instanceof ForbiddenError) return errorResponse(c, 403, 'forbidden');
  if (error instanceof InvalidTokenError) return errorResponse(c, 400, 'invalid_token');
  if (error instanceof RateLimitedError) {
    c.header('Retry-After', String(error.retryAfterSeconds));
    return errorResponse(c, 429, 'rate_limited');
  }
  if (error instanceof UnavailableError) {
    c.header('Retry-After', '30');
    return errorResponse(c, 503, 'unavailable');
  }
  if (error instanceof DomainError) return errorResponse(c, 400, 'bad_request');
  if (error instanceof HTTPException) {
    // Hono's own refusals (e.g. a body that is not JSON) keep their status with our body shape.
    const status = error.status as ContentfulStatusCode;
    return errorResponse(c, status, status >= 500 ? 'internal' : 'bad_request');
  }
  console.error('api error', error);
  return errorResponse(c, 500, 'internal');
}
