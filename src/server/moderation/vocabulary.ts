/** Words of the dashboard's moderation that the schema stores. */

/** What a pending revision changes: a published product, or a cooperative's directory profile. */
export const REVISION_ENTITY_TYPES = ['product', 'cooperative'] as const;
export type RevisionEntityType = (typeof REVISION_ENTITY_TYPES)[number];

/**
 * A revision waits for an officer (pending) or was sent back with a reason
 * (rejected) that its author reads until they change it again or discard it.
 * Approved and discarded revisions are deleted: the audit log keeps them.
 */
export const REVISION_STATUSES = ['pending', 'rejected'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];
