/** Events written straight into a test database, for tests about what happens around them. */
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import { events } from '../../src/server/db/schema';

const DAY = 86_400_000;

/** A published event a month ahead whose registration window is open now; its slug. */
export async function insertOpenEvent(
  db: Database,
  overrides: Partial<typeof events.$inferInsert> = {},
): Promise<string> {
  const id = newId();
  const now = Date.now();
  const slug = `hoi-cho-thu-${id}`;
  await db.insert(events).values({
    id,
    slug,
    kind: 'fair',
    titleVi: 'Hội chợ thử',
    organiser: 'Sở Công Thương',
    startsAt: new Date(now + 30 * DAY),
    endsAt: new Date(now + 32 * DAY),
    venue: 'Cung Văn hoá',
    status: 'published',
    boothCapacity: 40,
    registrationOpensAt: new Date(now - DAY),
    registrationClosesAt: new Date(now + 20 * DAY),
    ...overrides,
  });
  return slug;
}
