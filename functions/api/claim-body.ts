/**
 * The body of a claim's create or update: JSON (no file: the evidence stays
 * as it is), or multipart/form-data with the same fields as text and the
 * evidence file in field `evidence`. Either way the domain verb gets one
 * input object to parse (so the field names of a refusal are the same) and
 * the file, if any. 415 for any other content type, 400 for a body that does
 * not parse.
 */
import { createMiddleware } from 'hono/factory';
import type { ApiEnv } from './context';
import { errorResponse } from './errors';

const typeOf = (request: Request) =>
  (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** Only the content types readClaimBody reads get past. */
export const claimBody = () =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const type = typeOf(c.req.raw);
    if (type !== 'application/json' && type !== 'multipart/form-data')
      return errorResponse(c, 415, 'unsupported_upload_type');
    try {
      // Hono keeps the parsed body, so the handler's read costs nothing more.
      if (type === 'application/json') await c.req.json();
      else await c.req.formData();
    } catch {
      return errorResponse(c, 400, type === 'application/json' ? 'invalid_json' : 'invalid_form');
    }
    return next();
  });

/** What a multipart checkbox-like field says: `true`, `on` or `1` (a form's checkbox), anything else no. */
const yes = (value: string) => ['true', 'on', '1'].includes(value.trim().toLowerCase());

/** Fields whose value is a boolean in the JSON form of the body. */
const BOOLEAN_FIELDS = new Set(['evidencePublic']);
/** Fields whose value is a list in the JSON form of the body, sent as one part per item (a lab report's tests). */
const LIST_FIELDS = new Set(['tests']);
/** Fields whose value is a number in the JSON form of the body (an OCOP rating's stars). */
const NUMBER_FIELDS = new Set(['stars']);

/** A number as typed, or the text itself (so the schema names the field) when it is none. */
const numberOrText = (value: string) => (/^\s*\d+\s*$/.test(value) ? Number(value) : value);

export interface ClaimBody {
  input: unknown;
  file: File | null;
}

/**
 * The posted claim: a multipart text field left empty is absent (as a JSON
 * null would be), a boolean field is true when ticked, a list field holds
 * every part of its name in order.
 */
export async function readClaimBody(c: {
  req: { raw: Request; json(): Promise<unknown>; formData(): Promise<FormData> };
}) {
  if (typeOf(c.req.raw) === 'application/json') return { input: await c.req.json(), file: null } satisfies ClaimBody;
  const form = await c.req.formData();
  const input: Record<string, unknown> = {};
  let file: File | null = null;
  for (const [name, value] of form.entries()) {
    if (name === 'evidence') {
      if (typeof value !== 'string') file = value;
      continue;
    }
    if (typeof value !== 'string') continue;
    if (LIST_FIELDS.has(name)) {
      if (value.trim() !== '') input[name] = [...((input[name] as string[] | undefined) ?? []), value];
      continue;
    }
    if (name in input) continue;
    if (BOOLEAN_FIELDS.has(name)) input[name] = yes(value);
    else if (NUMBER_FIELDS.has(name)) input[name] = numberOrText(value);
    else if (value.trim() !== '') input[name] = value;
  }
  return { input, file } satisfies ClaimBody;
}
