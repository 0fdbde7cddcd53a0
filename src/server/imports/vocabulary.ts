/** What can be imported from a register: a cooperative's products (by its members), cooperatives (by officers). */
export const IMPORT_KINDS = ['products', 'cooperatives'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * previewed (file kept, nothing written) → running → done, or failed (the
 * import stopped on an error; running it again finishes it, rows already
 * written being unchanged).
 */
export const IMPORT_STATUSES = ['previewed', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
