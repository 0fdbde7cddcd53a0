/** The options of a list's vocabulary filters, what a chip calls an applied value, and what the words chose. */
import { dictionary, format, type Locale } from '../../i18n';
import type { FilterFromQuery } from '../../server/search/filter-words';

export interface FilterOption {
  value: string;
  label: string;
}

export type FilterOptions = Record<string, readonly FilterOption[]>;

/** A chip's label from the filters' own options; undefined (no chip) for a key or value without one. */
export function chipLabelFrom(options: FilterOptions) {
  return (key: string, value: string): string | undefined =>
    options[key]?.find((option) => option.value === value)?.label;
}

/**
 * Per filter, what the search words chose for it ("5 sao", "vietgap": search/filter-words.ts), said
 * under the control: the control shows what was chosen in it (nothing, often), and a chosen value
 * would win over the words, so it is left as it is and the hint says why the results are narrower.
 */
export function hintsFromWords(
  read: readonly FilterFromQuery[] | undefined,
  locale: Locale,
  /** The search as typed, to quote (wordsAsTyped). */
  typed: string,
  /** Filters the list has no control of their own for (the directory's rating): the hint says only what the words do. */
  uncontrolled: readonly FilterFromQuery['filter'][] = [],
): Partial<Record<FilterFromQuery['filter'], string>> {
  const f = dictionary(locale).lists.filters;
  // Of one filter several may be read ("hữu cơ vietgap"): one hint quotes them all.
  const quoted = new Map<FilterFromQuery['filter'], (string | null)[]>();
  for (const one of read ?? []) {
    if (one.applied) quoted.set(one.filter, [...(quoted.get(one.filter) ?? []), wordsAsTyped(one, typed)]);
  }
  return Object.fromEntries(
    [...quoted].map(([filter, all]) => {
      const fixed = uncontrolled.includes(filter);
      if (all.includes(null)) return [filter, fixed ? f.filteredBySearch : f.chosenBySearch];
      return [filter, format(fixed ? f.filteredByWords : f.chosenByWords, { words: all.join('”, “') })];
    }),
  );
}

/**
 * The words a filter was read from, when the search as typed holds them: a chip or hint quotes what
 * the visitor wrote. A rating typed as a sign ("5*", "★5") is read from words spelled out for it
 * ("5 sao", search/fold.ts), which they never typed, in Vietnamese even on English pages: null, and
 * the chip says "from your search" instead.
 */
export function wordsAsTyped(read: FilterFromQuery, typed: string): string | null {
  const said = typed.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ');
  return said.includes(read.words) ? read.words : null;
}
