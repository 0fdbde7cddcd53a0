/**
 * Facet counts kept ahead of requests (issue 23). A cube holds, for one list
 * (products, cooperatives), how many public rows fall in each cell of its
 * filter dimensions (province, group, stars, ...), and per certification kind
 * how many of them hold a certificate of that kind valid on the cube's day. A
 * list filtered only by those dimensions then gets its total and every facet
 * as sums over a few thousand cells, with no row of the catalogue read.
 *
 * Exact, never stale: the cells carry the content version (table
 * content_version, moved by triggers on every public write) and the Viet Nam
 * day they were computed at, written in the same batch (one transaction) as
 * the cells, from the same snapshot. A reader uses them only when both still
 * hold; otherwise it counts by scanning (search/facets.ts) and asks for a
 * refresh after its response. The five-minute cron refreshes too
 * (src/server/scheduled.ts), so a quiet catalogue has its cube ready.
 *
 * Each isolate keeps the cells of the version it last read in memory: a
 * request then costs one statement that reads the cube's state row and the
 * content version; the cells are read again (a second statement, a few
 * thousand rows) only when the version or day moves.
 */
import { eq, type SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db/client';
import { facetCubes } from '../db/schema';
import type { FacetCounts } from './facets';
import { cappedTotal } from './list-query';

/** Work to run after the response (the request's waitUntil); without it, a stale cube waits for the cron. */
export type AfterResponse = (what: string, work: () => Promise<unknown>) => void;

export interface CubeDefinition<Cell> {
  /** Its row in facet_cubes, and the name of its table's count column. */
  name: 'products' | 'cooperatives';
  table: SQLiteTable;
  /** A row of `table` as read (its column names), to a cell. */
  parse: (row: Record<string, unknown>) => Cell;
  /** SELECTs of rows of `table` (its columns in order) that fill it for `today` (YYYY-MM-DD in Viet Nam). */
  fill: (today: string) => SQL[];
}

/**
 * A refresh is started at most this often per cube across isolates (the
 * claim in facet_cubes), and tried at most this often per isolate: during an
 * import that moves the version every second, readers scan, as they did
 * before the cubes, rather than recompute the cube each second.
 */
export const REFRESH_INTERVAL_MS = 30_000;

const CURRENT_VERSION = sql`(SELECT version FROM content_version WHERE id = 1)`;

interface Memo {
  version: number;
  day: string;
  cells: unknown[];
}

const memory = new Map<string, Memo>();
const triedAt = new Map<string, number>();

/**
 * The cube's cells when they were computed at the current content version
 * and `today`; null when not (the caller scans), after asking `later` for a
 * refresh.
 */
export async function freshCells<Cell>(
  db: Database,
  cube: CubeDefinition<Cell>,
  today: string,
  later?: AfterResponse,
): Promise<Cell[] | null> {
  const [cells] = await freshCubes(db, [cube], today, later);
  return (cells as Cell[] | null | undefined) ?? null;
}

/**
 * freshCells of several cubes, their states read in one statement (a page that
 * sums two cubes pays one round trip for both when they are in memory).
 */
export async function freshCubes(
  db: Database,
  cubes: readonly CubeDefinition<unknown>[],
  today: string,
  later?: AfterResponse,
): Promise<(unknown[] | null)[]> {
  const current = sql`f.day = ${today} AND f.version = ${CURRENT_VERSION}`;
  const states = await db.all<{ cube: string; version: number }>(sql`SELECT f.cube, f.version FROM facet_cubes f
    WHERE f.cube IN (${sql.join(
      cubes.map((cube) => sql`${cube.name}`),
      sql`, `,
    )}) AND ${current}`);
  return Promise.all(
    cubes.map(async (cube) => {
      const state = states.find((row) => row.cube === cube.name);
      if (state) {
        const known = memory.get(cube.name);
        if (known && known.day === today && known.version === Number(state.version)) return known.cells;
        // One statement, one snapshot: the cells with the state that says they are current (none if
        // a refresh committed since; an empty cube is one row of NULLs, hence the count's check).
        const rows = await db.all<Record<string, unknown>>(sql`SELECT f.version AS cube_version, cell.*
          FROM facet_cubes f LEFT JOIN ${cube.table} cell ON 1 WHERE f.cube = ${cube.name} AND ${current}`);
        const [first] = rows;
        if (first) {
          const cells = rows.filter((row) => row[cube.name] !== null).map(cube.parse);
          memory.set(cube.name, { version: Number(first.cube_version), day: today, cells });
          return cells;
        }
      }
      if (later && Date.now() - (triedAt.get(cube.name) ?? 0) >= REFRESH_INTERVAL_MS) {
        triedAt.set(cube.name, Date.now());
        later(`facet cube ${cube.name}`, () => refreshCube(db, cube, today, Date.now()));
      }
      return null;
    }),
  );
}

/** Answers kept per cube's cells: beyond this many questions, the oldest is forgotten. */
const ANSWERS_PER_CELLS = 256;
const answers = new WeakMap<readonly unknown[], Map<string, unknown>>();

/**
 * What `answer` (a sum over `cells`) gives for `question` (its filters, as JSON), computed once per
 * cells: a cube's cells are read into memory once per version and day and never changed after, so
 * the sums of one question over them are the same until they are replaced, and forgotten with them.
 * Summing the product cube's 3,935 cells took 0.3 ms of every list rendering at 200,000 products.
 * The answer is shared: callers build their own values from it, never change it.
 */
export function answerOnce<T>(cells: readonly unknown[], question: unknown, answer: () => T): T {
  let known = answers.get(cells);
  if (!known) {
    known = new Map();
    answers.set(cells, known);
  }
  const key = JSON.stringify(question);
  if (known.has(key)) return known.get(key) as T;
  const value = answer();
  if (known.size >= ANSWERS_PER_CELLS) known.delete(known.keys().next().value as string);
  known.set(key, value);
  return value;
}

/**
 * Recomputes the cube when it is not current, unless another refresh was
 * started within REFRESH_INTERVAL_MS (`now`, epoch ms). True when this call
 * recomputed it.
 */
export async function refreshCube<Cell>(
  db: Database,
  cube: CubeDefinition<Cell>,
  today: string,
  now: number,
): Promise<boolean> {
  // The claim: a conditional update, so of isolates that find the cube stale at once, one recomputes.
  const claimed = await db.all<{ cube: string }>(sql`
    UPDATE facet_cubes SET claimed_at = ${now}
    WHERE cube = ${cube.name} AND (claimed_at IS NULL OR claimed_at <= ${now - REFRESH_INTERVAL_MS})
      AND (day <> ${today} OR version <> ${CURRENT_VERSION})
    RETURNING cube`);
  if (claimed.length === 0) return false;
  // One batch, one transaction: the cells and the version they were counted at come from the same snapshot.
  // Query builders, not db.run(sql): drizzle's D1 driver batches only prepared builder statements.
  await db.batch([
    db.delete(cube.table),
    ...cube.fill(today).map((rows) => db.insert(cube.table).select(rows)),
    db
      .update(facetCubes)
      .set({ version: sql`${CURRENT_VERSION}`, day: today, computedAt: new Date(now) })
      .where(eq(facetCubes.cube, cube.name)),
  ]);
  return true;
}

/**
 * A list's total and facets from a cube's cells. `passes` checks a cell
 * against the list's filters but certification, leaving out the facet
 * `except`'s own; `certification` is the one kind filtered on, if any: the
 * rows counted are then that kind's cells, otherwise every row's (''). Each
 * facet of `keys` sums the counted cells per key; the certification facet sums
 * the kinds' cells that pass the other filters.
 */
export function sumCube<Cell extends { certification: string }, Facet extends string>(
  cells: readonly Cell[],
  {
    certification,
    passes,
    count,
    keys,
  }: {
    certification: string | undefined;
    passes: (cell: Cell, except?: Facet | 'certification') => boolean;
    count: (cell: Cell) => number;
    keys: Record<Facet, (cell: Cell) => string | number | null>;
  },
): { total: number; facets: Record<Facet | 'certification', FacetCounts> } {
  const counted = (cell: Cell, except?: Facet | 'certification') =>
    cell.certification === (except === 'certification' ? '' : (certification ?? '')) && passes(cell, except);
  let total = 0;
  for (const cell of cells) if (counted(cell)) total += count(cell);
  const facets = Object.fromEntries(
    Object.entries<(cell: Cell) => string | number | null>(keys).map(([facet, key]) => [
      facet,
      { counts: sumBy(cells, (cell) => counted(cell, facet as Facet), key, count), isCapped: false },
    ]),
  ) as Record<Facet, FacetCounts>;
  const kinds = sumBy(
    cells,
    (cell) => cell.certification !== '' && passes(cell),
    (cell) => cell.certification,
    count,
  );
  return { total, facets: { ...facets, certification: { counts: kinds, isCapped: false } } };
}

/**
 * A list's count from its cube's answer when it has one (shown capped, as a
 * scan's count is: the list reads the same whichever way it was counted),
 * otherwise by `scan`.
 */
export async function countFromCube(
  answer: Promise<{ total: number } | null>,
  scan: () => Promise<{ total: number; totalIsCapped: boolean }>,
): Promise<{ total: number; totalIsCapped: boolean }> {
  const found = await answer;
  return found ? cappedTotal(found.total) : scan();
}

/** Sums `count` of the cells that pass `keep`, per `key` (a null key is left out, as the scan's facets do). */
export function sumBy<Cell>(
  cells: readonly Cell[],
  keep: (cell: Cell) => boolean,
  key: (cell: Cell) => string | number | null,
  count: (cell: Cell) => number,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const cell of cells) {
    if (!keep(cell)) continue;
    const value = key(cell);
    if (value !== null) counts[String(value)] = (counts[String(value)] ?? 0) + count(cell);
  }
  return counts;
}

/** Forgets what this isolate holds (tests: a fresh isolate). */
export function forgetCubes(): void {
  memory.clear();
  triedAt.clear();
}
