/**
 * How each person wants each kind of notification: at once (the default),
 * gathered in their daily digest, or off. Read at send time by the outbox
 * (./outbox.ts), so a change applies to mail already queued. Security mail
 * (password reset) never goes through the outbox and so is never affected.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { notificationPreferences } from '../db/schema';
import { ForbiddenError, type FieldIssues, ValidationError } from '../errors';
import {
  DEFAULT_DELIVERY_MODE,
  DELIVERY_MODES,
  type DeliveryMode,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from './vocabulary';

export type Preferences = Record<NotificationKind, DeliveryMode>;

const isMode = (value: unknown): value is DeliveryMode => DELIVERY_MODES.includes(value as DeliveryMode);
export const isNotificationKind = (value: unknown): value is NotificationKind =>
  NOTIFICATION_KINDS.includes(value as NotificationKind);

/** Every kind's mode for one person, defaults filled in. */
export async function preferencesOf(db: Database, userId: string): Promise<Preferences> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, mode: notificationPreferences.mode })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const stored = new Map(rows.map((r) => [r.kind, r.mode]));
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, stored.get(kind) ?? DEFAULT_DELIVERY_MODE]),
  ) as Preferences;
}

/** One person's mode for one kind. */
export async function deliveryModeOf(db: Database, userId: string, kind: NotificationKind): Promise<DeliveryMode> {
  const [row] = await db
    .select({ mode: notificationPreferences.mode })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)));
  return row?.mode ?? DEFAULT_DELIVERY_MODE;
}

/** The upsert of one kind's mode, for a batch. */
export function storeMode(db: Database, userId: string, kind: NotificationKind, mode: DeliveryMode, now: Date) {
  return db
    .insert(notificationPreferences)
    .values({ userId, kind, mode, updatedAt: now })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { mode: sql`excluded.mode`, updatedAt: now },
    });
}

/**
 * Sets the modes a form or an API call sends (kind → mode; kinds left out
 * keep theirs), all or none in one batch. Only the person themselves may:
 * an officer or admin changing someone's mail is refused, not ignored.
 */
export async function setPreferences(
  db: Database,
  actor: { id: string },
  userId: string,
  modes: Record<string, unknown>,
  now: Date,
): Promise<Preferences> {
  if (actor.id !== userId) throw new ForbiddenError('only the person themselves may change their notifications');
  const issues: FieldIssues = {};
  const changes: [NotificationKind, DeliveryMode][] = [];
  for (const [kind, mode] of Object.entries(modes)) {
    if (!isNotificationKind(kind)) issues[kind] = { code: 'unknown_field' };
    else if (!isMode(mode)) issues[kind] = { code: 'invalid_value' };
    else changes.push([kind, mode]);
  }
  if (Object.keys(issues).length > 0) throw new ValidationError(issues);
  const [first, ...rest] = changes.map(([kind, mode]) => storeMode(db, userId, kind, mode, now));
  if (first) await db.batch([first, ...rest]);
  return preferencesOf(db, userId);
}
