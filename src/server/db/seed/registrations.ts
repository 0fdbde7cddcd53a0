/**
 * Demo booth registrations, so event pages show the cooperatives taking part
 * and the booths left. Only in-person events with booths whose registration
 * has opened get any; the event's booths_taken is the sum of its confirmed
 * and pending booths, as the registration verb will keep it.
 *
 * Which registrations an event gets depends on its place in the demo plan and
 * on dates relative to `now`, both of which are the same whatever day the
 * seed runs, so seeding again finds the same ids and adds nothing.
 */
import type { RegistrationStatus } from '../../events/vocabulary';
import type { Rng } from './random';
import type { CooperativeRow, EventRegistrationProductRow, EventRegistrationRow, EventRow, ProductRow } from './types';

export interface RegistrationSeed {
  registrations: EventRegistrationRow[];
  shown: EventRegistrationProductRow[];
  boothsTaken: number;
}

const STATUSES: readonly (readonly [RegistrationStatus, number])[] = [
  ['confirmed', 6],
  ['pending', 2],
  ['waitlisted', 1],
  ['declined', 1],
];

export function buildRegistrations(
  rng: Rng,
  event: EventRow,
  cooperatives: readonly CooperativeRow[],
  publishedProductsOf: ReadonlyMap<string, readonly ProductRow[]>,
  now: Date,
  nextId: () => string,
): RegistrationSeed {
  const none = { registrations: [], shown: [], boothsTaken: 0 };
  const opens = event.registrationOpensAt;
  if (!event.venue || !event.boothCapacity || !opens || opens.getTime() > now.getTime()) return none;
  const registrations: EventRegistrationRow[] = [];
  const shown: EventRegistrationProductRow[] = [];
  let boothsTaken = 0;
  let stands = 0;
  for (const cooperative of rng.sample(cooperatives, rng.int(3, 7))) {
    const status = rng.weighted(STATUSES);
    const booths = rng.int(1, 3);
    const id = nextId();
    const closes = Math.min(now.getTime(), (event.registrationClosesAt ?? event.startsAt).getTime());
    const createdAt = new Date(opens.getTime() + rng.next() * Math.max(0, closes - opens.getTime()));
    registrations.push({
      id,
      eventId: event.id,
      cooperativeId: cooperative.id,
      booths,
      status,
      // Confirmed exhibitors have their stand numbered, as officers do before a fair (no draw from rng: the rest of
      // the demo stays as it was).
      boothLabel: status === 'confirmed' ? `${String.fromCharCode(65 + (stands % 3))}${++stands}` : null,
      createdAt,
      updatedAt: createdAt,
    });
    if (status === 'confirmed' || status === 'pending') boothsTaken += booths;
    const offered = publishedProductsOf.get(cooperative.id) ?? [];
    for (const product of rng.sample(offered, Math.min(offered.length, rng.int(1, 3)))) {
      shown.push({ registrationId: id, productId: product.id });
    }
  }
  return { registrations, shown, boothsTaken: Math.min(boothsTaken, event.boothCapacity) };
}
