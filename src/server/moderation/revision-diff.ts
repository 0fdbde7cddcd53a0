/**
 * Field-by-field comparison of a record's published fields with a proposed
 * version: what a trade officer reviews, what a cooperative sees it changed,
 * and what an approval writes. Pure: no database, no HTTP.
 */

export type FieldValue = string | number | null;

export interface FieldChange<F extends string = string> {
  field: F;
  /** The published value; null when nothing was published before (a new product). */
  before: FieldValue;
  after: FieldValue;
  changed: boolean;
}

/**
 * A blank text, an empty list and a missing value read the same to the public, so they are not a change.
 * A list (price tiers, export markets) compares as its JSON.
 */
const normalised = (value: unknown): FieldValue => {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : JSON.stringify(value);
  return typeof value === 'number' ? value : String(value);
};

/**
 * Every field in `fields` order with its published and proposed value. With
 * no published version (`published` null) a field counts as changed when the
 * proposal fills it.
 */
export function diffFields<F extends string>(
  fields: readonly F[],
  published: Partial<Record<F, unknown>> | null,
  proposed: Partial<Record<F, unknown>>,
): FieldChange<F>[] {
  return fields.map((field) => {
    const before = published ? normalised(published[field]) : null;
    const after = normalised(proposed[field]);
    return { field, before, after, changed: before !== after };
  });
}

export function changedFieldNames<F extends string>(changes: readonly FieldChange<F>[]): F[] {
  return changes.filter((change) => change.changed).map((change) => change.field);
}

/** The changed fields as `{ field: [before, after] }`, the shape the audit log keeps. */
export function changeLog<F extends string>(
  changes: readonly FieldChange<F>[],
): Partial<Record<F, [FieldValue, FieldValue]>> {
  return Object.fromEntries(
    changes.filter((change) => change.changed).map((change) => [change.field, [change.before, change.after]]),
  ) as Partial<Record<F, [FieldValue, FieldValue]>>;
}

/**
 * Only the proposal's own fields, in `fields` order: what an approval writes
 * into the record. A stored proposal with extra keys (written by an older
 * version of the code, say) never reaches other columns.
 */
export function proposedColumns<F extends string, T extends Record<F, unknown>>(
  fields: readonly F[],
  proposal: T,
): Pick<T, F> {
  return Object.fromEntries(fields.map((field) => [field, proposal[field]])) as Pick<T, F>;
}
