/**
 * Forms that carry photos (multipart/form-data): the body is kept only up to
 * MAX_UPLOAD_BYTES, so a larger post is refused (413) without holding it in
 * memory; the text fields come back as strings and the files by name.
 */
import { MAX_UPLOAD_BYTES } from '../../../src/server/media/limits';
import type { AstroGlobal } from 'astro';
import type { Locale } from '../../../src/i18n';
import type { Database } from '../../../src/server/db/client';
import { discardAddedImages, type MediaStore } from '../../../src/server/media/uploads';
import { formWithin, textFields } from '../form-handling';
import { type Outcome, runForm } from '../handle-page';

export interface UploadForm {
  /** The text fields (the first value of a repeated name), as readForm gives them. */
  fields: Record<string, string>;
  files(name: string): File[];
}

/** The posted form, or 'too_large'. Works for url-encoded posts too (forms without a file input). */
export async function readUploadForm(request: Request): Promise<UploadForm | 'too_large'> {
  const form = await formWithin(request, MAX_UPLOAD_BYTES);
  if (!form) return 'too_large';
  return {
    fields: textFields(form),
    files: (name) => form.getAll(name).filter((value): value is File => typeof value !== 'string'),
  };
}

/**
 * `runForm` for a form whose save stores its photos first, with the bucket
 * and image pipeline of this deployment (wrangler.toml: MEDIA, IMAGES). A
 * refused save shows the form again with the photos, so none is chosen
 * twice; when the request fails otherwise (a bug, the 503 page), nothing
 * will show the photos it added, and they are deleted again.
 */
export async function runUploadForm<T>(
  page: AstroGlobal,
  locale: Locale,
  values: Record<string, string>,
  work: (db: Database, store: MediaStore) => Promise<T>,
): Promise<Outcome<T> | Response> {
  const store: MediaStore = { ...page.locals.services.media, added: [] };
  let database: Database | null = null;
  const discard = () => (database ? discardAddedImages(database, store) : Promise.resolve());
  try {
    const outcome = await runForm(page, locale, values, (db) => work((database = db), store));
    if (outcome instanceof Response) await discard();
    return outcome;
  } catch (error) {
    await discard();
    throw error;
  }
}
