/**
 * New events: one (a draft unless published at once), or a copy of another
 * as a draft (with a copy of its cover). Each is inserted with its audit entry in one db.batch, under a
 * slug picked afresh if another officer's insert took it meanwhile.
 */
import { requireOfficer } from '../../accounts/guards';
import type { SessionUser } from '../../accounts/users';
import { auditInsert } from '../../audit/audit-log';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { events, mediaImages } from '../../db/schema';
import { type CopiedImageRow, copyImage, discardAddedImages, type MediaStore } from '../../media/uploads';
import type { StoredImage } from '../../media/stored-image';
import { type EventFields, parseEventInput } from '../event-input';
import type { EventStatus } from '../vocabulary';
import {
  EVENT_ENTITY,
  findManagedEvent,
  findManagedEventsBySlugs,
  type ManagedEvent,
  provinceCodes,
} from './managed-event';
import { eventSlugBase, unusedSlugs, withFreshSlugs } from './event-slugs';

export interface CreateOptions {
  /** Publish at once instead of keeping a draft. */
  publish?: boolean;
  now: Date;
}

type NewEventRow = ReturnType<typeof newEventRow>;

function newEventRow(event: NewEvent, slug: string, options: CreateOptions, seriesId: string | null) {
  return {
    id: event.id ?? newId(),
    slug,
    ...event.fields,
    cover: event.cover?.image ?? null,
    status: (options.publish ? 'published' : 'draft') as EventStatus,
    revision: 0,
    seriesId,
    publishedAt: options.publish ? options.now : null,
    createdAt: options.now,
    updatedAt: options.now,
  };
}

export interface NewEvent {
  fields: EventFields;
  /** What its slug is made of (a free variant is taken). */
  slugBase: string;
  /** Its id when it must be known before the insert (a copied cover's files name their event); else a new one. */
  id?: string;
  /** A cover already in the bucket, with the media_images row that makes it this event's. */
  cover?: { image: StoredImage; row: CopiedImageRow };
}

export interface InsertOptions extends CreateOptions {
  actor: SessionUser;
  /** The audit action (event.create, event.duplicate). */
  action: string;
  /** What the audit entry records besides the slug. */
  detail: (row: NewEventRow) => Record<string, unknown>;
  seriesId?: string;
}

/** Inserts the events, each with its audit entry, in one batch (all of them or none); returns them in date order. */
export async function insertEvents(
  db: Database,
  planned: readonly [NewEvent, ...NewEvent[]],
  options: InsertOptions,
): Promise<ManagedEvent[]> {
  const slugs = await withFreshSlugs(async () => {
    const slugs = await unusedSlugs(
      db,
      planned.map((event) => event.slugBase),
    );
    const rows = planned.map((event, i) => newEventRow(event, slugs[i] as string, options, options.seriesId ?? null));
    const statements = rows.flatMap((row, i) => [
      db.insert(events).values(row),
      // After the event's row: the image's row refers to it.
      ...(planned[i]?.cover ? [db.insert(mediaImages).values(planned[i].cover.row)] : []),
      auditInsert(db, {
        actorUserId: options.actor.id,
        action: options.action,
        entityType: EVENT_ENTITY,
        entityId: row.id,
        detail: { slug: row.slug, ...options.detail(row) },
        at: options.now,
      }),
    ]);
    await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
    return slugs;
  });
  return findManagedEventsBySlugs(db, slugs);
}

async function insertEvent(db: Database, event: NewEvent, options: InsertOptions): Promise<ManagedEvent> {
  const [inserted] = await insertEvents(db, [event], options);
  if (!inserted) throw new Error('event vanished after its batch');
  return inserted;
}

/** A new event, a draft unless `publish`. */
export async function createEvent(
  db: Database,
  user: SessionUser | null | undefined,
  input: unknown,
  options: CreateOptions,
): Promise<ManagedEvent> {
  const officer = requireOfficer(user);
  const fields = parseEventInput(input, await provinceCodes(db));
  return insertEvent(
    db,
    { fields, slugBase: eventSlugBase(fields.titleVi) },
    { ...options, actor: officer, action: 'event.create', detail: (row) => ({ status: row.status }) },
  );
}

/**
 * A new draft with the event's fields (say, next year's fair): no registrations, status or series of its own.
 * Its cover is copied too, as a new image of its own (media/uploads.ts#copyImage: the files copied in the
 * bucket, not shared), so either event's cover can be replaced or deleted without the other's; without the
 * bucket (`media` null) or with the cover's files missing, the copy has no cover.
 */
export async function duplicateEvent(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  copySuffix: string,
  now: Date,
  media: Pick<MediaStore, 'bucket'> | null = null,
): Promise<ManagedEvent> {
  const officer = requireOfficer(user);
  const source = await findManagedEvent(db, officer, slug);
  const fields: EventFields = { ...source.fields, titleVi: `${source.fields.titleVi} ${copySuffix}`.slice(0, 200) };
  const id = newId();
  // The binding may be absent where the worker runs without one (API tests): then no cover is copied.
  const bucket: R2Bucket | undefined = media?.bucket;
  const store = bucket ? { bucket, added: [] as string[] } : null;
  const copied =
    source.cover && store
      ? await copyImage(db, store, source.cover.id, { eventId: source.id }, { eventId: id, userId: officer.id })
      : null;
  const cover = copied && source.cover ? { image: { ...source.cover, ...copied.image }, row: copied.row } : undefined;
  try {
    return await insertEvent(
      db,
      { fields, slugBase: eventSlugBase(fields.titleVi), id, cover },
      {
        now,
        actor: officer,
        action: 'event.duplicate',
        detail: () => ({ from: source.slug, ...(cover ? { cover: cover.image.id } : {}) }),
      },
    );
  } catch (error) {
    // Nothing refers to the copied files if the event was not written.
    if (store) await discardAddedImages(db, store);
    throw error;
  }
}
