/**
 * The API's one mapping from errors to HTTP: `{ error: { code, message, fields? } }`
 * with the matching status, localised by the request's locale.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { fieldIssuesFromZod } from '../../src/server/validation';
import { dictionary, format, type Locale, negotiateLocale } from '../../src/i18n';
import { asDomainError, type FieldIssues, type KnownDomainError, unreachable } from '../../src/server/errors';

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

function localeOf(c: Context): Locale {
  return (
    (c.get('locale') as Locale | undefined) ?? negotiateLocale(c.req.query('lang'), c.req.header('accept-language'))
  );
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

/** The API's one decision per kind of domain refusal (see src/server/errors.ts). */
export function domainErrorResponse(error: KnownDomainError, c: Context) {
  switch (error.code) {
    case 'validation_failed':
      return errorResponse(c, 422, 'validation_failed', error.fields);
    case 'invalid_filter':
    case 'bad_request':
      return errorResponse(c, 400, 'bad_request', error.fields);
    case 'not_found':
      return errorResponse(c, 404, error.which ? `${error.which}_not_found` : 'not_found', error.fields);
    case 'conflict':
      return errorResponse(c, 409, 'conflict', error.fields);
    case 'unauthenticated':
      return errorResponse(c, 401, 'unauthenticated');
    case 'invalid_credentials':
      return errorResponse(c, 401, 'invalid_credentials');
    case 'forbidden':
      return errorResponse(c, 403, 'forbidden');
    case 'invalid_token':
      return errorResponse(c, 400, 'invalid_token');
    case 'rate_limited':
      c.header('Retry-After', String(error.retryAfterSeconds));
      return errorResponse(c, 429, 'rate_limited');
    case 'unavailable':
      c.header('Retry-After', '30');
      return errorResponse(c, 503, 'unavailable');
    default:
      return unreachable(error);
  }
}

export function onApiError(error: Error, c: Context) {
  const refusal = asDomainError(error);
  if (refusal) return domainErrorResponse(refusal, c);
  if (error instanceof HTTPException) {
    // Hono's own refusals (e.g. a body that is not JSON) keep their status with our body shape.
    const status = error.status as ContentfulStatusCode;
    return errorResponse(c, status, status >= 500 ? 'internal' : 'bad_request');
  }
  console.error('api error', error);
  return errorResponse(c, 500, 'internal');
}
