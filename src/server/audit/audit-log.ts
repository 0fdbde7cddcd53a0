/**
 * Rows of the audit log (who did what to which record, when). Writers put the
 * entry in the same db.batch as the change it records, so there is never a
 * change without its entry or an entry without its change.
 */
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import type { AnySQLiteTable } from 'drizzle-orm/sqlite-core';
import { auditLog, users } from '../db/schema';

export interface AuditEntry {
  id?: string;
  /** Null for the system's own work (the daily jobs). */
  actorUserId: string | null;
  /** `<entity>.<verb>`, e.g. `event_registration.confirm`. */
  action: string;
  entityType: string;
  entityId: string;
  detail?: Record<string, unknown>;
  at: Date;
}

/** An insert of the entry, for a db.batch. */
export function auditInsert(db: Database, entry: AuditEntry) {
  return db.insert(auditLog).values({
    id: entry.id ?? newId(),
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    detail: entry.detail ?? null,
    createdAt: entry.at,
  });
}

/**
 * An insert of the entry that happens only when `condition` holds as the
 * statement runs. Later statements of the same batch can test for the entry
 * (`auditEntryExists`), which makes it the witness that the change's
 * precondition held: D1 has no interactive transactions, so a batch cannot
 * branch on an earlier statement's result any other way.
 */
export function auditInsertIf(db: Database, entry: AuditEntry & { id: string }, condition: SQL) {
  return auditInsertSelect(
    db,
    entry,
    { entityId: sql`${entry.entityId}`, detail: sql`${JSON.stringify(entry.detail ?? {})}` },
    sql`(SELECT 1)`,
    condition,
  );
}

/**
 * INSERT INTO audit_log SELECT … FROM `from` WHERE `where`, as a query
 * builder: the entity id and detail may be read from the row the entry is
 * about, as the statement runs. A builder, not raw SQL, because D1's batch
 * (through Drizzle) cannot bind parameters of raw statements.
 */
export function auditInsertSelect(
  db: Database,
  entry: Omit<AuditEntry, 'entityId' | 'detail'> & { id: string },
  read: { entityId: SQL; detail: SQL },
  from: SQL | AnySQLiteTable,
  where: SQL | undefined,
) {
  // Keys in the table's column order, which is the order of the INSERT's column list.
  const selection = {
    id: sql<string>`${entry.id}`.as('id'),
    actorUserId: sql<string | null>`${entry.actorUserId}`.as('actor_user_id'),
    action: sql<string>`${entry.action}`.as('action'),
    entityType: sql<string>`${entry.entityType}`.as('entity_type'),
    entityId: sql<string>`${read.entityId}`.as('entity_id'),
    detail: sql<unknown>`${read.detail}`.as('detail'),
    createdAt: sql<Date>`${entry.at.getTime()}`.as('created_at'),
  };
  return db.insert(auditLog).select(
    db
      .select(selection)
      .from(from as SQL)
      .where(where),
  );
}

export function auditEntryExists(id: string): SQL {
  return sql`EXISTS (SELECT 1 FROM ${auditLog} WHERE ${auditLog.id} = ${id})`;
}

export async function auditEntryWritten(db: Database, id: string): Promise<boolean> {
  const [row] = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.id, id)).limit(1);
  return row !== undefined;
}

export interface AuditRecord {
  action: string;
  actorUserId: string | null;
  /** The actor's display name, null for the system or a deleted account. */
  actorName: string | null;
  detail: Record<string, unknown> | null;
  createdAt: Date;
}

/** A record's history, newest first, with who did each thing. */
export async function auditTrail(
  db: Database,
  entityType: string,
  entityId: string,
  limit = 100,
): Promise<AuditRecord[]> {
  return db
    .select({
      action: auditLog.action,
      actorUserId: auditLog.actorUserId,
      actorName: users.displayName,
      detail: auditLog.detail,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}
