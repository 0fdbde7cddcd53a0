/**
 * Booth numbers: trade officers tell each confirmed exhibitor where it stands
 * ("A12", "Khu B – 3"). The label is shown on the event page's exhibitor
 * list, the catalogue (page and PDF) and the cooperative's registration page.
 * Only confirmed registrations have a stand; clearing the field removes it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { requireOfficer } from '../../accounts/guards';
import type { SessionUser } from '../../accounts/users';
import { auditEntryExists, auditEntryWritten, auditInsertIf } from '../../audit/audit-log';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { eventRegistrations } from '../../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { findRegistration, REGISTRATION_ENTITY } from './registration-moves';

/** Long enough for "Nhà B – khu 3 – 12A"; a stand's sign, not a sentence. */
export const BOOTH_LABEL_MAX = 24;

/** Letters, digits, spaces and the joiners people write stand numbers with. */
const BOOTH_LABEL = /^[\p{L}\p{N}][\p{L}\p{N} .,/#–-]*$/u;

/** The label as stored (trimmed, NFC, inner spaces collapsed), null for an empty field, or a ValidationError. */
export function parseBoothLabel(raw: string): string | null {
  const label = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (label === '') return null;
  if ([...label].length > BOOTH_LABEL_MAX)
    throw new ValidationError({ boothLabel: { code: 'too_long', params: { max: BOOTH_LABEL_MAX } } });
  if (!BOOTH_LABEL.test(label)) throw new ValidationError({ boothLabel: { code: 'booth_label' } });
  return label;
}

/**
 * Sets (or clears) a confirmed registration's booth label, with its audit
 * entry in the same batch; the entry is written only while the registration
 * is still confirmed, and the label changes only with it.
 */
export async function assignBoothLabel(
  db: Database,
  user: SessionUser | null | undefined,
  eventSlug: string,
  registrationId: string,
  raw: string,
  now: Date,
): Promise<void> {
  const officer = requireOfficer(user);
  const label = parseBoothLabel(raw);
  const registration = await findRegistration(db, eventSlug, registrationId);
  if (!registration) throw new NotFoundError('registration');
  if (registration.status !== 'confirmed')
    throw new ConflictError('not confirmed', { boothLabel: { code: 'booth_needs_confirmation' } });
  const auditId = newId();
  const stillConfirmed = sql`EXISTS (SELECT 1 FROM ${eventRegistrations} WHERE ${eventRegistrations.id} = ${registration.id} AND ${eventRegistrations.status} = 'confirmed')`;
  await db.batch([
    auditInsertIf(
      db,
      {
        id: auditId,
        actorUserId: officer.id,
        action: 'event_registration.booth',
        entityType: REGISTRATION_ENTITY,
        entityId: registration.id,
        detail: { event: registration.eventSlug, boothLabel: label },
        at: now,
      },
      stillConfirmed,
    ),
    db
      .update(eventRegistrations)
      .set({ boothLabel: label, updatedAt: now })
      .where(and(eq(eventRegistrations.id, registration.id), auditEntryExists(auditId))),
  ]);
  if (!(await auditEntryWritten(db, auditId)))
    throw new ConflictError('status changed meanwhile', { boothLabel: { code: 'booth_needs_confirmation' } });
}
