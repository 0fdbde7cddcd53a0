/**
 * Pending revisions: proposed changes to a public record (a published
 * product, a cooperative's profile) that wait for a trade officer while the
 * public keeps reading the record itself. One per record; its author edits
 * it again (back to pending, a rejection's reason cleared) or discards it.
 * The verbs of each kind of record (product-revisions.ts,
 * cooperative-profile.ts) check who may act and validate the proposal before
 * anything here writes it; these are the statements they put in their batches.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SessionUser } from '../accounts/users';
import { auditEntryExists, auditEntryWritten, auditInsertIf } from '../audit/audit-log';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { pendingRevisions, users } from '../db/schema';
import { ConflictError } from '../errors';
import type { RevisionEntityType, RevisionStatus } from './vocabulary';

export interface PendingRevision {
  id: string;
  entityType: RevisionEntityType;
  entityId: string;
  cooperativeId: string;
  proposed: Record<string, unknown>;
  status: RevisionStatus;
  version: number;
  authorName: string | null;
  rejectionReason: string | null;
  decidedAt: Date | null;
  updatedAt: Date;
}

const revisionColumns = {
  id: pendingRevisions.id,
  entityType: pendingRevisions.entityType,
  entityId: pendingRevisions.entityId,
  cooperativeId: pendingRevisions.cooperativeId,
  proposed: pendingRevisions.proposed,
  status: pendingRevisions.status,
  version: pendingRevisions.version,
  authorName: users.displayName,
  rejectionReason: pendingRevisions.rejectionReason,
  decidedAt: pendingRevisions.decidedAt,
  updatedAt: pendingRevisions.updatedAt,
};

async function selectRevision(db: Database, where: SQL | undefined): Promise<PendingRevision | null> {
  const [row] = await db
    .select(revisionColumns)
    .from(pendingRevisions)
    .leftJoin(users, eq(users.id, pendingRevisions.authorUserId))
    .where(where)
    .limit(1);
  return row ?? null;
}

/** The record's revision (pending or rejected), if it has one. The caller checked who may see it. */
export function findRevision(
  db: Database,
  entityType: RevisionEntityType,
  entityId: string,
): Promise<PendingRevision | null> {
  return selectRevision(db, and(eq(pendingRevisions.entityType, entityType), eq(pendingRevisions.entityId, entityId)));
}

export function findRevisionById(db: Database, id: string): Promise<PendingRevision | null> {
  return selectRevision(db, eq(pendingRevisions.id, id));
}

/** SQL true while the revision is still the version someone looked at, in the given status. */
export function revisionStill(id: string, version: number, status?: RevisionStatus): SQL {
  return sql`EXISTS (SELECT 1 FROM ${pendingRevisions} WHERE ${pendingRevisions.id} = ${id} AND ${pendingRevisions.version} = ${version}${
    status ? sql` AND ${pendingRevisions.status} = ${status}` : sql``
  })`;
}

export interface Proposal {
  entityType: RevisionEntityType;
  entityId: string;
  cooperativeId: string;
  /** Already validated by the record's own input rules. */
  proposed: Record<string, unknown>;
  author: SessionUser;
  /** The changed fields as `{ field: [published, proposed] }`, for the audit log. */
  changes: Record<string, unknown>;
  /** More for the audit entry, e.g. the cooperative an officer proposed for. */
  auditDetail?: Record<string, unknown> | null;
  /** SQL that must hold as the batch runs (e.g. the product is still published); the proposal is not stored otherwise. */
  condition: SQL;
  at: Date;
}

/**
 * Stores a proposal as the record's revision: a new one, or the existing one
 * replaced (pending again, version up, the rejection's reason cleared), with
 * its audit entry, only while `condition` holds. ConflictError when it did not.
 */
export async function storeProposal(db: Database, proposal: Proposal): Promise<void> {
  const auditId = newId();
  const witnessed = auditEntryExists(auditId);
  await db.batch([
    auditInsertIf(
      db,
      {
        id: auditId,
        actorUserId: proposal.author.id,
        action: `${proposal.entityType}.change_proposed`,
        entityType: proposal.entityType,
        entityId: proposal.entityId,
        detail: { changes: proposal.changes, ...proposal.auditDetail },
        at: proposal.at,
      },
      proposal.condition,
    ),
    // INSERT … SELECT … WHERE: the row exists only when the entry does (a plain VALUES insert cannot be conditional).
    db
      .insert(pendingRevisions)
      .select(
        db
          .select({
            id: sql<string>`${newId()}`.as('id'),
            entityType: sql<string>`${proposal.entityType}`.as('entity_type'),
            entityId: sql<string>`${proposal.entityId}`.as('entity_id'),
            cooperativeId: sql<string>`${proposal.cooperativeId}`.as('cooperative_id'),
            proposed: sql<string>`${JSON.stringify(proposal.proposed)}`.as('proposed'),
            status: sql<string>`'pending'`.as('status'),
            version: sql<number>`1`.as('version'),
            authorUserId: sql<string>`${proposal.author.id}`.as('author_user_id'),
            rejectionReason: sql<null>`NULL`.as('rejection_reason'),
            decidedByUserId: sql<null>`NULL`.as('decided_by_user_id'),
            decidedAt: sql<null>`NULL`.as('decided_at'),
            createdAt: sql<number>`${proposal.at.getTime()}`.as('created_at'),
            updatedAt: sql<number>`${proposal.at.getTime()}`.as('updated_at'),
          })
          .from(sql`(SELECT 1)`)
          .where(witnessed),
      )
      .onConflictDoUpdate({
        target: [pendingRevisions.entityType, pendingRevisions.entityId],
        set: {
          proposed: proposal.proposed,
          status: 'pending',
          version: sql`${pendingRevisions.version} + 1`,
          authorUserId: proposal.author.id,
          rejectionReason: null,
          decidedByUserId: null,
          decidedAt: null,
          updatedAt: proposal.at,
        },
      }),
  ]);
  if (!(await auditEntryWritten(db, auditId))) throw new ConflictError('the record changed meanwhile');
}

/** Deletes the record's revision with an audit entry (`<type>.change_<verb>`), if it is still the version the author saw. */
export async function dropRevision(
  db: Database,
  revision: PendingRevision,
  actor: SessionUser,
  verb: 'discarded' | 'withdrawn',
  at: Date,
): Promise<void> {
  const auditId = newId();
  await db.batch([
    auditInsertIf(
      db,
      {
        id: auditId,
        actorUserId: actor.id,
        action: `${revision.entityType}.change_${verb}`,
        entityType: revision.entityType,
        entityId: revision.entityId,
        detail: { revision: revision.id, version: revision.version, proposed: revision.proposed },
        at,
      },
      revisionStill(revision.id, revision.version),
    ),
    db.delete(pendingRevisions).where(and(eq(pendingRevisions.id, revision.id), auditEntryExists(auditId))),
  ]);
  if (!(await auditEntryWritten(db, auditId))) throw new ConflictError('the revision changed meanwhile');
}

/**
 * Sends the revision back to its author with a reason they read on their
 * page, if it is still pending at the version the officer saw.
 */
export async function markRevisionRejected(
  db: Database,
  revision: PendingRevision,
  officer: SessionUser,
  seenVersion: number,
  reason: string,
  at: Date,
  /** Statements for the same batch, written only with the rejection's audit entry (its notifications). */
  also: (witnessed: SQL, auditId: string) => BatchItem<'sqlite'>[] = () => [],
): Promise<void> {
  const auditId = newId();
  await db.batch([
    auditInsertIf(
      db,
      {
        id: auditId,
        actorUserId: officer.id,
        action: `${revision.entityType}.change_rejected`,
        entityType: revision.entityType,
        entityId: revision.entityId,
        detail: { revision: revision.id, version: seenVersion, reason },
        at,
      },
      revisionStill(revision.id, seenVersion, 'pending'),
    ),
    db
      .update(pendingRevisions)
      .set({ status: 'rejected', rejectionReason: reason, decidedByUserId: officer.id, decidedAt: at })
      .where(and(eq(pendingRevisions.id, revision.id), auditEntryExists(auditId))),
    ...also(auditEntryExists(auditId), auditId),
  ]);
  if (!(await auditEntryWritten(db, auditId))) throw new ConflictError('the revision changed since it was reviewed');
}

/** The statement that removes an applied revision in its approval's batch (only when the approval's entry was written). */
export function deleteAppliedRevision(db: Database, revisionId: string, auditId: string) {
  return db.delete(pendingRevisions).where(and(eq(pendingRevisions.id, revisionId), auditEntryExists(auditId)));
}
