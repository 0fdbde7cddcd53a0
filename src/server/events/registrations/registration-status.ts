/**
 * How a booth registration moves between states, and what each move does to
 * the event's booth count. Pure, so the verbs, the pages (which buttons to
 * offer) and the tests read the same rules.
 */
import type { RegistrationStatus } from '../vocabulary';

/** Statuses whose booths count in events.booths_taken. */
export const HOLDS_BOOTHS: readonly RegistrationStatus[] = ['pending', 'confirmed'];

export function holdsBooths(status: RegistrationStatus): boolean {
  return HOLDS_BOOTHS.includes(status);
}

/** What a trade officer may set a registration to. */
export const OFFICER_DECISIONS = ['confirmed', 'waitlisted', 'declined'] as const;
export type OfficerDecision = (typeof OFFICER_DECISIONS)[number];

/**
 * The officer's moves. A withdrawn registration is the cooperative's own
 * decision and stays withdrawn; any other one can be confirmed, waitlisted or
 * declined (a declined one may be reconsidered), never "moved" to where it is.
 */
export function officerMayMove(from: RegistrationStatus, to: OfficerDecision): boolean {
  return from !== 'withdrawn' && from !== to;
}

/** A cooperative withdraws anything that is still in play. */
export function cooperativeMayWithdraw(from: RegistrationStatus): boolean {
  return from === 'pending' || from === 'confirmed' || from === 'waitlisted';
}

/** +1: the move takes the registration's booths, -1: frees them, 0: neither. */
export function boothDirection(from: RegistrationStatus, to: RegistrationStatus): -1 | 0 | 1 {
  const before = holdsBooths(from);
  const after = holdsBooths(to);
  if (before === after) return 0;
  return after ? 1 : -1;
}
