/**
 * A renamed product, cooperative or event gets a slug from its new name, and
 * its old slug is kept (slug_history), so the addresses people, search
 * engines and printed material still have answer 301 to the current one.
 *
 * Every rename goes through `slugAfterRename`: its `set` joins the write of
 * the new name (one UPDATE, so the slug changes exactly when the name does)
 * and its `history` goes after that UPDATE in the same `db.batch`, written
 * only if the record now holds the new slug. Old addresses are resolved by
 * `currentSlug` only when no record holds the slug today: current slugs win.
 */
import { and, eq, like, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client';
import { cooperatives, events, products, slugHistory } from '../db/schema';
import { isUniqueViolation } from '../db/unique-violation';
import { asDomainError, NotFoundError } from '../errors';
import { firstFreeSlug, slugBase } from '../search/slug';
import type { RenamableKind } from './vocabulary';

/** Each kind's table, and the slug its name gives when it has no letters or digits. */
const RECORDS = {
  product: { table: products, fallback: 'san-pham' },
  cooperative: { table: cooperatives, fallback: 'htx' },
  event: { table: events, fallback: 'su-kien' },
} as const;

/**
 * Paths beside each kind's pages that a slug must not shadow: /tai-khoan/san-pham/moi,
 * /en/account/products/new, …/nhap, …/import; …/su-kien-quan-ly/moi, …/manage-events/new, the API's series.
 */
export const RESERVED_SLUGS: Record<RenamableKind, ReadonlySet<string>> = {
  product: new Set(['moi', 'new', 'nhap', 'import']),
  cooperative: new Set(),
  event: new Set(['moi', 'new', 'series']),
};

/** The kind's columns every record has; the three tables share them. */
function columns(kind: RenamableKind) {
  const { table } = RECORDS[kind];
  return { table, id: table.id, slug: table.slug };
}

/** The name's slug base for this kind (its fallback when the name has no letters or digits). */
export function nameSlugBase(kind: RenamableKind, name: string): string {
  return slugBase(name, RECORDS[kind].fallback);
}

/**
 * Whether `slug` still reads as the name whose base is `base`: the base
 * itself, or it with the number (or a cooperative's registration code) that
 * told it apart from a namesake.
 */
export function slugReadsAs(slug: string, base: string): boolean {
  return slug === base || (slug.startsWith(`${base}-`) && /^[0-9]+$/.test(slug.slice(base.length + 1)));
}

/**
 * `base`, or the first of base-2, base-3… that no record of the kind holds
 * (nor a page path beside them, nor one of `claimed`: the slugs other writes
 * of the same batch take, which this one then joins).
 */
export async function unusedSlug(
  db: Database,
  kind: RenamableKind,
  base: string,
  claimed?: Set<string>,
): Promise<string> {
  const { table, slug } = columns(kind);
  const rows = await db
    .select({ slug })
    .from(table)
    .where(like(slug, `${base}%`));
  const free = firstFreeSlug(
    base,
    new Set([...RESERVED_SLUGS[kind], ...(claimed ?? []), ...rows.map((row) => row.slug)]),
  );
  // Claimed before anything else runs: writes prepared side by side (Promise.all) each see the others' slugs.
  claimed?.add(free);
  return free;
}

/** What a write of a record's name adds: its new slug (if any) and the old slug's history row. */
export interface SlugRename {
  /** Spread into the UPDATE that writes the new name: `{ slug }` when it changes, else nothing. */
  set: { slug?: string };
  /** Statements for the same batch, after that UPDATE. */
  history: BatchItem<'sqlite'>[];
}

export const NO_RENAME: SlugRename = { set: {}, history: [] };

/**
 * What renaming the record from `before` to `after` does to its slug. Nothing
 * when the name's slug is what it was (a changed tone mark, a letter's case)
 * or the slug already reads as the new name; otherwise the new name's free
 * slug (none of `claimed`, which it joins), with the old slug kept for the record. The id (not the new slug) is
 * kept, so every old slug of a record renamed twice leads to the current one
 * in one hop.
 */
export async function slugAfterRename(
  db: Database,
  kind: RenamableKind,
  record: { id: string; slug: string },
  names: { before: string; after: string },
  now: Date,
  claimed?: Set<string>,
): Promise<SlugRename> {
  const base = nameSlugBase(kind, names.after);
  if (base === nameSlugBase(kind, names.before) || slugReadsAs(record.slug, base)) return NO_RENAME;
  // Several renames written in one batch (an import's chunk) must not pick the same slug.
  const slug = await unusedSlug(db, kind, base, claimed);
  const { table, id, slug: slugColumn } = columns(kind);
  const history = db
    .insert(slugHistory)
    .select(
      db
        .select({
          kind: sql<RenamableKind>`${kind}`.as('kind'),
          slug: sql<string>`${record.slug}`.as('slug'),
          recordId: id,
          replacedAt: sql<number>`${now.getTime()}`.as('replaced_at'),
        })
        .from(table)
        // Written exactly when the rename was: the record holds its new slug.
        .where(and(eq(id, record.id), eq(slugColumn, slug))),
    )
    // An old slug left by another record before: it is this one's now (the other kept its own current slug).
    .onConflictDoUpdate({
      target: [slugHistory.kind, slugHistory.slug],
      set: { recordId: sql`excluded.record_id`, replacedAt: sql`excluded.replaced_at` },
    });
  return { set: { slug }, history: [history] };
}

/**
 * The current slug of the record that had `oldSlug` before a rename; null
 * when none had it, or when a record holds `oldSlug` today (it is that
 * record's address, whatever its status).
 */
export async function currentSlug(db: Database, kind: RenamableKind, oldSlug: string): Promise<string | null> {
  const { table, id, slug } = columns(kind);
  const [row] = await db
    .select({ slug })
    .from(slugHistory)
    .innerJoin(table, eq(id, slugHistory.recordId))
    .where(
      and(
        eq(slugHistory.kind, kind),
        eq(slugHistory.slug, oldSlug),
        sql`NOT EXISTS (SELECT 1 FROM ${table} AS holder WHERE holder.slug = ${oldSlug})`,
      ),
    )
    .limit(1);
  return row?.slug ?? null;
}

/**
 * `find(slug)`: the record holding `slug`, or else the one that had it before a rename (a
 * bookmark, a script's stored slug, the page a save was posted from); NotFoundError when neither.
 * For the finders of writes, which act on the record at either slug rather than redirect.
 */
export async function findFollowingRenames<T>(
  db: Database,
  kind: RenamableKind,
  slug: string,
  find: (slug: string) => Promise<T | undefined>,
): Promise<T> {
  const held = await find(slug);
  if (held !== undefined) return held;
  const current = await currentSlug(db, kind, slug);
  const renamed = current === null ? undefined : await find(current);
  if (renamed === undefined) throw new NotFoundError(kind);
  return renamed;
}

/**
 * The current slug of the record that had `oldSlug`, when the asker may open
 * it there: `open(current)` is the target's own read or gate, and a refusal
 * (no such record for this asker, forbidden, not signed in) gives null. So an
 * old slug answers 301 only to someone the target would answer, and a
 * redirect never tells the new name of a draft, or of another cooperative's
 * product, to whom its page would not show it.
 */
export async function openableCurrentSlug(
  db: Database,
  kind: RenamableKind,
  oldSlug: string,
  open: (slug: string) => Promise<unknown>,
): Promise<string | null> {
  const current = await currentSlug(db, kind, oldSlug);
  if (current === null) return null;
  try {
    await open(current);
    return current;
  } catch (error) {
    const refusal = asDomainError(error)?.code;
    if (refusal === 'not_found' || refusal === 'forbidden' || refusal === 'unauthenticated') return null;
    throw error;
  }
}

/** The current slug of a record read by a slug it had before a rename (readOrRenamed). */
export class RenamedTo {
  constructor(readonly slug: string) {}
}

/**
 * `read(slug)` for the record holding `slug`; when none holds it (`read` throws
 * NotFoundError) and a record had it before a rename, that record's current
 * slug, if `read` shows it there (openableCurrentSlug); else the NotFoundError.
 * The history is read only when no record holds the slug, so a read found at
 * once costs nothing more. Pages and API routes turn a RenamedTo into a 301.
 */
export async function readOrRenamed<T>(
  db: Database,
  kind: RenamableKind,
  slug: string,
  read: (slug: string) => Promise<T>,
): Promise<T | RenamedTo> {
  try {
    return await read(slug);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    // Only to a record the reader shows: a draft's or a hidden record's new name is not told.
    const current = await openableCurrentSlug(db, kind, slug, read);
    if (current === null) throw error;
    return new RenamedTo(current);
  }
}

/** How many times a write that picks a free slug is tried before the UNIQUE index's refusal is let through. */
const SLUG_WRITE_ATTEMPTS = 3;

/**
 * Runs a write that picks a free slug of `kind` and writes it (a new record,
 * or a rename through slugAfterRename), again if the UNIQUE slug index
 * refused it: two writes can both find the same slug free (two renames to
 * the same name), and only the first holds it. The write's batch failed
 * whole, so nothing was written; the next attempt reads the slugs again and
 * takes the next free one.
 */
export async function withFreeSlug<T>(kind: RenamableKind, write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= SLUG_WRITE_ATTEMPTS || !isUniqueViolation(error, [RECORDS[kind].table.slug])) throw error;
    }
  }
}
