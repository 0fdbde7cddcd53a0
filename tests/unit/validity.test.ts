import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  certificateStatus,
  ocopRatingStatus,
  ocopValidSince,
  ocopValidUntil,
  vietnamToday,
} from '../../src/server/products/validity';

/** The status of a rating decided on `decisionDate`, seen at the instant `at`. */
function ratingAt(decisionDate: string, at: string, status: 'active' | 'revoked' = 'active') {
  return ocopRatingStatus({ decisionDate, status }, vietnamToday(new Date(at)));
}

describe('vietnamToday', () => {
  it('turns the day at 17:00 UTC, which is midnight in Viet Nam', () => {
    expect(vietnamToday(new Date('2026-12-31T16:59:59.999Z'))).toBe('2026-12-31');
    expect(vietnamToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('is already the same date at UTC midnight (07:00 in Viet Nam) as seven hours before', () => {
    expect(vietnamToday(new Date('2026-08-15T23:59:59Z'))).toBe('2026-08-16');
    expect(vietnamToday(new Date('2026-08-16T00:00:00Z'))).toBe('2026-08-16');
  });
});

describe('addMonthsClamped', () => {
  it.each([
    ['2023-08-15', 36, '2026-08-15'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-03-31', 1, '2023-04-30'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2023-12-15', 1, '2024-01-15'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });
});

describe('ocopValidUntil', () => {
  it('is the same calendar day 36 months after the decision, inclusive', () => {
    expect(ocopValidUntil('2023-08-15')).toBe('2026-08-15');
    expect(ocopValidUntil('2023-01-01')).toBe('2026-01-01');
  });

  it('keeps month ends on the month end: 31 August stays 31 August', () => {
    expect(ocopValidUntil('2023-08-31')).toBe('2026-08-31');
    expect(ocopValidUntil('2022-12-31')).toBe('2025-12-31');
  });

  it('clamps 29 February to 28 February when the year 36 months later is not a leap year', () => {
    expect(ocopValidUntil('2024-02-29')).toBe('2027-02-28');
    expect(ocopValidUntil('2021-02-28')).toBe('2024-02-28');
  });

  it('refuses what is not a calendar date instead of guessing', () => {
    for (const bad of ['2023-02-30', '2023-13-01', '15/08/2023', '2023-8-15', ''])
      expect(() => ocopValidUntil(bad), bad).toThrow(RangeError);
  });
});

describe('ocopRatingStatus on the days around expiry', () => {
  // Decided 2023-08-15: valid through 2026-08-15 (Viet Nam), expired from 2026-08-16.
  const decided = '2023-08-15';

  it('is valid the day before and on the last day', () => {
    expect(ocopRatingStatus({ decisionDate: decided, status: 'active' }, '2026-08-14')).toBe('valid');
    expect(ocopRatingStatus({ decisionDate: decided, status: 'active' }, '2026-08-15')).toBe('valid');
  });

  it('is expired the day after', () => {
    expect(ocopRatingStatus({ decisionDate: decided, status: 'active' }, '2026-08-16')).toBe('expired');
    expect(ocopRatingStatus({ decisionDate: decided, status: 'active' }, '2029-01-01')).toBe('expired');
  });

  it('expires at midnight in Viet Nam (17:00 UTC), not at midnight UTC', () => {
    expect(ratingAt(decided, '2026-08-15T00:00:00Z')).toBe('valid'); // 07:00 on the last day
    expect(ratingAt(decided, '2026-08-15T16:59:59Z')).toBe('valid'); // 23:59:59 on the last day
    expect(ratingAt(decided, '2026-08-15T17:00:00Z')).toBe('expired'); // 00:00 the day after
    expect(ratingAt(decided, '2026-08-15T23:59:59Z')).toBe('expired'); // still before midnight UTC
    expect(ratingAt(decided, '2026-08-16T00:00:00Z')).toBe('expired');
  });

  it('is valid from the day of the decision', () => {
    expect(ocopRatingStatus({ decisionDate: decided, status: 'active' }, decided)).toBe('valid');
  });

  it('shows a revocation whatever the dates', () => {
    expect(ocopRatingStatus({ decisionDate: decided, status: 'revoked' }, '2024-01-01')).toBe('revoked');
    expect(ocopRatingStatus({ decisionDate: decided, status: 'revoked' }, '2027-01-01')).toBe('revoked');
  });
});

describe('certificateStatus', () => {
  const from = '2024-03-01';
  const until = '2027-02-28';

  it('is not yet valid before the first day, valid from it', () => {
    expect(certificateStatus(from, until, '2024-02-29')).toBe('not_yet_valid');
    expect(certificateStatus(from, until, '2024-03-01')).toBe('valid');
  });

  it('is valid through its last day and expired the day after', () => {
    expect(certificateStatus(from, until, '2027-02-27')).toBe('valid');
    expect(certificateStatus(from, until, '2027-02-28')).toBe('valid');
    expect(certificateStatus(from, until, '2027-03-01')).toBe('expired');
  });

  it('never expires without an end date (a geographic indication)', () => {
    expect(certificateStatus('2010-05-01', null, '2099-12-31')).toBe('valid');
    expect(certificateStatus('2010-05-01', null, '2010-04-30')).toBe('not_yet_valid');
  });

  it('judges the day in Viet Nam: 17:00 UTC on the last day is already too late', () => {
    expect(certificateStatus(from, until, vietnamToday(new Date('2027-02-28T16:59:59Z')))).toBe('valid');
    expect(certificateStatus(from, until, vietnamToday(new Date('2027-02-28T17:00:00Z')))).toBe('expired');
  });

  it('refuses malformed dates', () => {
    expect(() => certificateStatus('2024-3-1', until, '2025-01-01')).toThrow(RangeError);
    expect(() => certificateStatus(from, until, 'today')).toThrow(RangeError);
  });
});

describe('ocopValidSince', () => {
  function* days(from: string, to: string) {
    for (const d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
      yield d.toISOString().slice(0, 10);
    }
  }

  it('agrees with ocopRatingStatus for every decision date around every tricky day', () => {
    const todays = [
      '2026-11-24',
      '2026-02-28',
      '2026-03-01',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
      '2027-02-28',
      '2026-08-31',
      '2026-12-31',
      '2027-01-01',
    ];
    for (const today of todays) {
      const since = ocopValidSince(today);
      const [year] = today.split('-').map(Number) as [number];
      for (const decisionDate of days(`${year - 4}-01-01`, `${year - 2}-12-31`)) {
        const valid = ocopRatingStatus({ decisionDate, status: 'active' }, today) === 'valid';
        expect(decisionDate >= since, `${decisionDate} on ${today}`).toBe(valid);
      }
    }
  });

  it('is the same day 36 months earlier, except where a month end was clamped', () => {
    expect(ocopValidSince('2026-11-24')).toBe('2023-11-24');
    expect(ocopValidSince('2028-02-29')).toBe('2025-03-01');
  });
});
