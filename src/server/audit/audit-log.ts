/**
 * Rows of the audit log (who did what to which record, when). Writers put the
 * entry in the same db.batch as the change it records, so there is never a
 * change without its entry or an entry without its change.
 */
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { auditLog } from '../db/schema';

export interface AuditEntry {
  id?: string;
  actorUserId: string;
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
  return db.run(sql`INSERT INTO ${auditLog} (id, actor_user_id, action, entity_type, entity_id, detail, created_at)
    SELECT ${entry.id}, ${entry.actorUserId}, ${entry.action}, ${entry.entityType}, ${entry.entityId},
      ${JSON.stringify(entry.detail ?? {})}, ${entry.at.getTime()}
    WHERE ${condition}`);
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
  detail: Record<string, unknown> | null;
  createdAt: Date;
}

/** A record's history, newest first. */
export async function auditTrail(db: Database, entityType: string, entityId: string, limit = 100): Promise<AuditRecord[]> {
  return db
    .select({ action: auditLog.action, actorUserId: auditLog.actorUserId, detail: auditLog.detail, createdAt: auditLog.createdAt })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}
