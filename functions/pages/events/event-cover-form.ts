/**
 * The cover form on an event's edit page (multipart, its own form so a large
 * upload never rides along with the event's fields): a new file, the text
 * alternatives in both languages, or "remove". A refused save shows the form
 * again with the file it stored kept in a hidden field, so nothing is chosen
 * twice (src/server/events/event-admin/event-cover.ts).
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import type { SessionUser } from '../../../src/server/accounts/users';
import { managedEventPaths } from '../../../src/i18n/routes';
import { COVER_FIELDS, setEventCover, uploadEventCover } from '../../../src/server/events/event-admin/event-cover';
import type { ManagedEvent } from '../../../src/server/events/event-admin/managed-event';
import { MAX_UPLOAD_MEGABYTES } from '../../../src/server/media/limits';
import { emptyView, type FormView, seeOther } from '../form-handling';
import { readUploadForm, runUploadForm } from '../dashboard/upload-form';

/** Does this post carry files (the cover form), rather than the event's url-encoded forms? */
export function isUploadPost(request: Request): boolean {
  return (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

/** The cover form's values as the event has them, for its first showing. */
export function coverValuesOf(event: ManagedEvent | null): Record<string, string> {
  return {
    [COVER_FIELDS.altVi]: event?.cover?.altVi ?? '',
    [COVER_FIELDS.altEn]: event?.cover?.altEn ?? '',
    [COVER_FIELDS.pending]: '',
  };
}

/** Saves the posted cover: a redirect to the edit page when saved, else the cover form with its errors. */
export async function postEventCover(
  page: AstroGlobal,
  locale: Locale,
  user: SessionUser,
  slug: string,
): Promise<FormView | Response> {
  const t = dictionary(locale);
  const here = managedEventPaths(slug).edit[locale];
  const form = await readUploadForm(page.request);
  if (form === 'too_large') {
    page.response.status = 413;
    return {
      ...emptyView({}),
      alert: t.dashboard.photos.tooLargeAlert,
      errors: { [COVER_FIELDS.file]: format(t.dashboard.photos.tooLargeField, { total: MAX_UPLOAD_MEGABYTES }) },
    };
  }
  const values = {
    [COVER_FIELDS.altVi]: form.fields[COVER_FIELDS.altVi] ?? '',
    [COVER_FIELDS.altEn]: form.fields[COVER_FIELDS.altEn] ?? '',
    [COVER_FIELDS.pending]: form.fields[COVER_FIELDS.pending] ?? '',
  };
  let kept: string | null = null;
  const outcome = await runUploadForm(page, locale, values, async (db, store) => {
    const upload = await uploadEventCover(db, store, user, slug, form.files(COVER_FIELDS.file), values.coverPending);
    kept = upload.image?.id ?? null;
    const input = {
      upload,
      altVi: values.coverAltVi ?? '',
      altEn: values.coverAltEn ?? '',
      remove: form.fields[COVER_FIELDS.remove] !== undefined,
    };
    return setEventCover(db, user, slug, input, new Date());
  });
  if (outcome instanceof Response) return outcome;
  if (outcome.ok) return seeOther(`${here}?done=${outcome.value.changed ? 'cover' : 'unchanged'}`);
  return { ...outcome.view, values: { ...outcome.view.values, [COVER_FIELDS.pending]: kept ?? '' } };
}
