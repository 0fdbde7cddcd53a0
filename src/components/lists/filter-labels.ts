/** The options of a list's vocabulary filters, and what a chip calls an applied value. */
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
