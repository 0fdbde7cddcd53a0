/** The kinds of record whose public address is a slug that follows their name. */
export const RENAMABLE_KINDS = ['product', 'cooperative', 'event'] as const;
export type RenamableKind = (typeof RENAMABLE_KINDS)[number];
