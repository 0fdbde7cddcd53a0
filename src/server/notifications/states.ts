/**
 * Where each notification stands, for the development outbox page (/dev/outbox): the dev mailer's table shows only
 * what went out, so a notification skipped by a preference, held for the digest or still queued would otherwise be
 * invisible when checking a loop by hand or from an end-to-end test.
 */
import { desc } from 'drizzle-orm';
import type { Database } from '../db/client';
import { notifications } from '../db/schema';
import type { NotificationStatus, OutboxKind } from './vocabulary';

export interface NotificationState {
  id: string;
  kind: OutboxKind;
  recipient: string;
  subject: string;
  status: NotificationStatus;
  /** The sender's last error (for a failed or retried row); null otherwise. */
  lastError: string | null;
  createdAt: Date;
}

/** The newest notifications first, in every state. */
export async function listNotificationStates(db: Database, limit = 50): Promise<NotificationState[]> {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      recipient: notifications.recipient,
      subject: notifications.subject,
      status: notifications.status,
      lastError: notifications.lastError,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}
