import { describe, expect, it } from 'vitest';
import { batches, events, eventRegistrations } from '../../src/server/db/schema';
import { isUniqueViolation } from '../../src/server/db/unique-violation';

// The shapes the drivers throw, as captured from D1 under workerd and from
// libSQL (tests/api/d1-parity.test.ts throws the real ones).
const d1Query = new Error('Failed query: insert into "events" ("id", "slug") values (?, ?)\nparams: a,hoi-cho', {
  cause: new Error(
    'D1_ERROR: UNIQUE constraint failed: events.slug: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)',
    {
      cause: new Error('UNIQUE constraint failed: events.slug: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)'),
    },
  ),
});
const d1Batch = new Error(
  'D1_ERROR: UNIQUE constraint failed: batches.product_id, batches.lot_code: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)',
);
const libsqlBatch = Object.assign(
  new Error(
    'SQLITE_CONSTRAINT: SQLITE_CONSTRAINT: UNIQUE constraint failed: event_registrations.event_id, event_registrations.cooperative_id',
  ),
  { name: 'LibsqlBatchError', code: 'SQLITE_CONSTRAINT', extendedCode: 'SQLITE_CONSTRAINT_UNIQUE' },
);

describe('isUniqueViolation', () => {
  it('finds the violation on the cause chain, in the D1 and the libSQL shapes', () => {
    expect(isUniqueViolation(d1Query)).toBe(true);
    expect(isUniqueViolation(d1Batch)).toBe(true);
    expect(isUniqueViolation(libsqlBatch)).toBe(true);
  });

  it('with an index, answers only for that index, whatever order its columns are given in', () => {
    expect(isUniqueViolation(d1Query, [events.slug])).toBe(true);
    expect(isUniqueViolation(d1Batch, [batches.lotCode, batches.productId])).toBe(true);
    expect(isUniqueViolation(libsqlBatch, [eventRegistrations.eventId, eventRegistrations.cooperativeId])).toBe(true);
    expect(isUniqueViolation(d1Query, [eventRegistrations.eventId, eventRegistrations.cooperativeId])).toBe(false);
    // One column of a two-column index is another index.
    expect(isUniqueViolation(d1Batch, [batches.lotCode])).toBe(false);
  });

  it('is not fooled by other failures', () => {
    expect(
      isUniqueViolation(
        new Error('D1_ERROR: CHECK constraint failed: booths_taken <= booth_capacity: SQLITE_CONSTRAINT'),
      ),
    ).toBe(false);
    expect(
      isUniqueViolation(new Error('Failed query', { cause: new Error('NOT NULL constraint failed: events.slug') })),
    ).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
    expect(isUniqueViolation('UNIQUE constraint failed: events.slug')).toBe(true);
  });

  it('ends on a cyclic cause chain', () => {
    const loop = new Error('outer');
    loop.cause = loop;
    expect(isUniqueViolation(loop)).toBe(false);
  });
});
