/**
 * An event's cover: trade officers upload it as cooperatives upload photos
 * (src/server/media: the same checks, the Images binding's variants, the
 * MEDIA bucket), the image is the event's own in media_images, and
 * events.cover keeps it with its text alternatives in both languages. The
 * event page, the event lists and the page's og:image and JSON-LD `image`
 * show it.
 *
 * Two steps, so that the form keeps an upload when the save is refused:
 * `uploadEventCover` stores a new file (or finds one uploaded with an
 * earlier, refused save), and `setEventCover` writes the cover with its
 * audit entry (event-changes.ts), or refuses with every field's issue.
 */
import { requireOfficer } from '../../accounts/guards';
import type { SessionUser } from '../../accounts/users';
import type { Database } from '../../db/client';
import { type FieldIssue, type FieldIssues, ValidationError } from '../../errors';
import { MAX_ALT_LENGTH } from '../../media/image-list';
import { MEDIA_ID_PATTERN, type StoredImage } from '../../media/stored-image';
import { type MediaStore, ownedImages, storeImageFiles } from '../../media/uploads';
import { EVENT_STATUSES } from '../vocabulary';
import { changeEvent } from './event-changes';
import { findManagedEvent, type ManagedEvent } from './managed-event';

/** The cover form's fields. */
export const COVER_FIELDS = {
  file: 'coverFile',
  altVi: 'coverAltVi',
  altEn: 'coverAltEn',
  remove: 'coverRemove',
  /** The id of a file uploaded with a refused save, posted back so it is not chosen twice. */
  pending: 'coverPending',
} as const;

export interface CoverUpload {
  /** The image just uploaded, or the one a refused save had uploaded; null when none was chosen. */
  image: Omit<StoredImage, 'altVi' | 'altEn'> | null;
  /** Why the chosen file was refused (type, size, dimensions). */
  issue: FieldIssue | null;
}

/** Stores the chosen file (the first) as the event's image, or finds the one an earlier refused save stored. */
export async function uploadEventCover(
  db: Database,
  store: MediaStore,
  user: SessionUser | null | undefined,
  slug: string,
  files: readonly File[],
  pendingId: string | undefined,
): Promise<CoverUpload> {
  const officer = requireOfficer(user);
  const event = await findManagedEvent(db, officer, slug);
  const owner = { eventId: event.id, userId: officer.id };
  const added = await storeImageFiles(db, store, owner, files.slice(0, 1));
  const [stored] = added.stored;
  if (stored || added.issue) return { image: stored ?? null, issue: added.issue };
  if (!pendingId || !MEDIA_ID_PATTERN.test(pendingId)) return { image: null, issue: null };
  // Only an image this event owns: an id of a product photo or of another event's cover goes nowhere.
  const size = (await ownedImages(db, { eventId: event.id }, [pendingId])).get(pendingId);
  return { image: size ? { id: pendingId, ...size } : null, issue: null };
}

export interface CoverInput {
  upload: CoverUpload;
  altVi: string;
  altEn: string;
  /** Remove the cover (a new upload wins over this box). */
  remove: boolean;
}

/** The cover the input asks for: the new image, none, or the present one with its alternatives edited. */
export function coverFrom(input: CoverInput, present: StoredImage | null): StoredImage | null {
  const text = { altVi: input.altVi.trim(), altEn: input.altEn.trim() };
  if (input.upload.image) return { ...input.upload.image, ...text };
  if (input.remove || !present) return null;
  return { ...present, ...text };
}

function coverIssues(input: CoverInput): FieldIssues {
  const issues: FieldIssues = {};
  if (input.upload.issue) issues[COVER_FIELDS.file] = input.upload.issue;
  for (const [field, value] of [
    [COVER_FIELDS.altVi, input.altVi],
    [COVER_FIELDS.altEn, input.altEn],
  ] as const) {
    if (value.trim().length > MAX_ALT_LENGTH) issues[field] = { code: 'too_long', params: { max: MAX_ALT_LENGTH } };
  }
  return issues;
}

const sameCover = (a: StoredImage | null, b: StoredImage | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Sets, replaces or removes the cover of an event of any status (a cancelled
 * event's page stays public), with an audit entry. Not a change calendars
 * need: the revision stays. Returns the event as saved and whether anything
 * changed.
 */
export async function setEventCover(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  input: CoverInput,
  now: Date,
): Promise<{ event: ManagedEvent; changed: boolean }> {
  const officer = requireOfficer(user);
  const event = await findManagedEvent(db, officer, slug);
  const issues = coverIssues(input);
  if (Object.keys(issues).length > 0) throw new ValidationError(issues);
  const cover = coverFrom(input, event.cover);
  if (sameCover(cover, event.cover)) return { event, changed: false };
  await changeEvent(db, {
    actor: officer,
    event,
    from: EVENT_STATUSES,
    action: cover ? 'event.cover_set' : 'event.cover_removed',
    detail: { image: cover?.id ?? null, previous: event.cover?.id ?? null },
    set: { cover },
    bumpRevision: false,
    now,
  });
  return { event: await findManagedEvent(db, officer, slug), changed: true };
}
