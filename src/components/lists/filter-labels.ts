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
  /** Filters the list has no control of their own for (the directory's rating): the hint says only what the words do. */
  uncontrolled: readonly FilterFromQuery['filter'][] = [],
): Partial<Record<FilterFromQuery['filter'], string>> {
  const l = dictionary(locale).lists;
  return Object.fromEntries(
    (read ?? [])
      .filter((one) => one.applied)
      .map((one) => [
        one.filter,
        format(uncontrolled.includes(one.filter) ? l.filters.filteredByWords : l.filters.chosenByWords, {
          words: one.words,
        }),
      ]),
  );
}
