/**
 * A list's sort menu. Its first choice (no `sort` in the address) is the list's default order: best match
 * for a search, else the list's own. The other choices are every other order, each named once, and best
 * match only where there is a search to match.
 */
export function sortChoices<Sort extends string>(
  sorts: readonly Sort[],
  labels: Readonly<Record<Sort, string>>,
  options: { searching: boolean; unsearched: Sort; relevance: Sort },
): { allLabel: string; options: { value: Sort; label: string }[] } {
  const first = options.searching ? options.relevance : options.unsearched;
  return {
    allLabel: labels[first],
    options: sorts
      .filter((sort) => sort !== first && (options.searching || sort !== options.relevance))
      .map((sort) => ({ value: sort, label: labels[sort] })),
  };
}
