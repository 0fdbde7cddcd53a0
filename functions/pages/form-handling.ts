/**
 * What every form page shares: the view a form renders, reading the posted
 * fields, the redirect after a successful post, and no caching of personal
 * values. Refusals are mapped in ./handle-page.ts.
 */
import type { AstroGlobal } from 'astro';
import { bodyAtMost, FORM_BODY_LIMIT_BYTES } from '../body-limit';
import { refuseAsTooLarge } from './form-body-limit';

export interface FormView {
  /** Values to put back into the fields (never passwords). */
  values: Record<string, string>;
  /** A message per field name, shown next to it. */
  errors: Record<string, string>;
  /** A message for the whole form (shown at its top, announced). */
  alert: string | null;
  /** A success or information message. */
  notice: string | null;
}

export const emptyView = (values: Record<string, string> = {}): FormView => ({
  values,
  errors: {},
  alert: null,
  notice: null,
});

/**
 * The posted fields as strings (files and repeated names ignored), at most
 * FORM_BODY_LIMIT_BYTES of them. The worker bounds url-encoded posts before
 * Astro, but lets multipart ones through for the photo forms: a multipart post
 * to any other form is bounded here, and answered 413 by the worker.
 */
export async function readForm(request: Request): Promise<Record<string, string>> {
  const form = await formWithin(request, FORM_BODY_LIMIT_BYTES);
  if (!form) throw refuseAsTooLarge(request);
  return textFields(form);
}

/** Like readForm, with every value of the repeated fields `lists` names (a list of hidden inputs, checkboxes). */
export async function readFormWithLists<L extends string>(
  request: Request,
  lists: readonly L[],
): Promise<{ fields: Record<string, string>; lists: Record<L, string[]> }> {
  const form = await formWithin(request, FORM_BODY_LIMIT_BYTES);
  if (!form) throw refuseAsTooLarge(request);
  const values = Object.fromEntries(
    lists.map((name) => [name, form.getAll(name).filter((value): value is string => typeof value === 'string')]),
  ) as Record<L, string[]>;
  return { fields: textFields(form), lists: values };
}

/** The posted form (url-encoded or multipart), or null when its body is larger than `limit` bytes. */
export async function formWithin(request: Request, limit: number): Promise<FormData | null> {
  const body = await bodyAtMost(request, limit);
  if (!body) return null;
  return new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
}

/** A form's text fields, the first value of each name (files ignored). */
export function textFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === 'string' && !(name in fields)) fields[name] = value;
  return fields;
}

/** 303 See Other after a successful POST, so reloading does not post again. */
export function seeOther(location: string, cookies: readonly string[] = []): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  for (const cookie of cookies) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}

/**
 * 301 Moved Permanently: an address that has a newer one for good (a former
 * province's page, a list URL with empty parameters). Relative, so it keeps the host.
 */
export function movedPermanently(location: string): Response {
  return new Response(null, { status: 301, headers: { Location: location } });
}

/** Form pages hold personal values: never cached. */
export function noStore(page: AstroGlobal): void {
  page.response.headers.set('Cache-Control', 'no-store');
}

/**
 * Only paths of this site are followed after sign-in (no "//host" or
 * "/\host" that a browser would read as another site).
 */
export function safeNext(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || /[\\\s]/.test(value)) return fallback;
  return value;
}
