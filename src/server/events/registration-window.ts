/**
 * Whether cooperatives can ask for a booth now. Pure, so the event page, the
 * API and (later) the registration verb judge it the same way.
 */
import type { EventStatus } from './vocabulary';

export const REGISTRATION_STATES = ['none', 'not_yet_open', 'open', 'closed', 'cancelled'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export interface RegistrationTerms {
  status: EventStatus;
  startsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  boothCapacity: number | null;
}

/**
 * `none` for events without booths or a window (most trainings). A window
 * without a closing time closes when the event starts; a cancelled event takes
 * no one, and says so rather than that its window has passed.
 */
export function registrationState(event: RegistrationTerms, now: Date): RegistrationState {
  if (event.boothCapacity === null && event.registrationOpensAt === null && event.registrationClosesAt === null)
    return 'none';
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status !== 'published' || now >= registrationDeadline(event)) return 'closed';
  if (event.registrationOpensAt && now < event.registrationOpensAt) return 'not_yet_open';
  return 'open';
}

/** The end of the window in which a cooperative may register or withdraw: its closing time, or else the event's start. */
export function registrationDeadline(event: Pick<RegistrationTerms, 'registrationClosesAt' | 'startsAt'>): Date {
  return event.registrationClosesAt ?? event.startsAt;
}

/** Booths still free; null when the event has no booth limit. */
export function boothsLeft(event: { boothCapacity: number | null; boothsTaken: number }): number | null {
  return event.boothCapacity === null ? null : Math.max(0, event.boothCapacity - event.boothsTaken);
}
