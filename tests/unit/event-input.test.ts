import fc from 'fast-check';
import { RRule } from 'rrule';
import { describe, expect, it } from 'vitest';
import { fieldMessages } from '../../src/i18n/field-messages';
import { ValidationError } from '../../src/server/errors';
import {
  type EventInput,
  eventInputFromFields,
  parseEventInput,
  validateEventInput,
} from '../../src/server/events/event-input';
import { expandRecurrence, occurrenceDates, recurrenceRuleSchema } from '../../src/server/events/recurrence';
import { PROVINCES } from '../../src/server/provinces/reference';
import { isoWeekday } from '../../src/server/time/vietnam';

const PROVINCE_CODES = new Set(PROVINCES.map((p) => p.code));

const market: EventInput = {
  kind: 'ocop_market',
  titleVi: 'Phiên chợ OCOP Hà Nội',
  titleEn: 'Hà Nội OCOP market',
  allDay: true,
  startDate: '2026-12-11',
  endDate: '2026-12-13',
  venue: 'Trung tâm Triển lãm Giảng Võ',
  address: '148 Giảng Võ, phường Giảng Võ, Hà Nội',
  provinceCode: '01',
  organiser: 'Sở Công Thương Hà Nội',
  registrationOpens: '2026-11-01T08:00',
  registrationCloses: '2026-12-04T17:00',
  boothCapacity: 60,
};

const training: EventInput = {
  kind: 'ecommerce_training',
  titleVi: 'Tập huấn bán hàng trực tuyến',
  allDay: false,
  startDate: '2026-12-12',
  endDate: '2026-12-12',
  startTime: '06:30',
  endTime: '11:00',
  onlineUrl: 'https://hoc-truc-tuyen.example.vn/tap-huan',
  organiser: 'Liên minh Hợp tác xã Việt Nam',
};

function issuesOf(input: unknown) {
  const result = validateEventInput(input, PROVINCE_CODES);
  if (result.ok) throw new Error('expected the input to be refused');
  return result.issues;
}

/** Field → message key, for rules whose issues carry no parameters. */
function codesOf(input: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(issuesOf(input)).map(([field, issue]) => [field, issue.code]));
}

describe('event input', () => {
  it('stores an all-day event from local midnight to the midnight after its last day', () => {
    const fields = parseEventInput(market, PROVINCE_CODES);
    expect(fields.startsAt.toISOString()).toBe('2026-12-10T17:00:00.000Z');
    expect(fields.endsAt.toISOString()).toBe('2026-12-13T17:00:00.000Z');
    expect(fields.registrationOpensAt?.toISOString()).toBe('2026-11-01T01:00:00.000Z');
    expect(fields.onlineUrl).toBeNull();
  });

  it('reads times as Viet Nam wall-clock times (06:30 there is 23:30 UTC the day before)', () => {
    const fields = parseEventInput(training, PROVINCE_CODES);
    expect(fields.startsAt.toISOString()).toBe('2026-12-11T23:30:00.000Z');
    expect(fields.endsAt.toISOString()).toBe('2026-12-12T04:00:00.000Z');
    expect(fields.venue).toBeNull();
    expect(fields.provinceCode).toBeNull();
  });

  it('accepts what an HTML form sends: strings, a ticked checkbox, empty optional fields', () => {
    const form = { ...market, allDay: 'on', boothCapacity: '60', titleEn: '', descriptionVi: '', onlineUrl: '' };
    expect(parseEventInput(form, PROVINCE_CODES).boothCapacity).toBe(60);
  });

  it('round-trips stored fields through the form shape', () => {
    for (const input of [market, training]) {
      const fields = parseEventInput(input, PROVINCE_CODES);
      expect(parseEventInput(eventInputFromFields(fields), PROVINCE_CODES)).toEqual(fields);
    }
  });

  it('refuses an end before the start, on the field to correct', () => {
    expect(codesOf({ ...market, endDate: '2026-12-10' })).toEqual({ endDate: 'ends_before_start' });
    expect(codesOf({ ...training, endTime: '06:30' })).toEqual({ endTime: 'ends_before_start' });
  });

  it('refuses a registration deadline after the event starts, and one before registration opens', () => {
    expect(codesOf({ ...market, registrationCloses: '2026-12-11T09:00' })).toEqual({
      registrationCloses: 'registration_after_start',
    });
    expect(codesOf({ ...market, registrationCloses: '2026-10-30T09:00' })).toEqual({
      registrationCloses: 'closes_before_opens',
    });
  });

  it('refuses zero, negative and fractional capacity', () => {
    for (const boothCapacity of [0, -5, '0', '-1']) {
      expect(issuesOf({ ...market, boothCapacity })).toEqual({
        boothCapacity: { code: 'too_small', params: { min: 1 } },
      });
    }
    expect(issuesOf({ ...market, boothCapacity: 2.5 })).toHaveProperty('boothCapacity');
  });

  it('refuses an unknown province or kind, and a place that is neither a venue nor a link', () => {
    expect(codesOf({ ...market, provinceCode: '99' })).toEqual({ provinceCode: 'unknown_value' });
    expect(codesOf({ ...market, kind: 'party' })).toEqual({ kind: 'invalid_value' });
    expect(codesOf({ ...training, onlineUrl: undefined })).toEqual({ venue: 'venue_or_online' });
    expect(issuesOf({ ...training, onlineUrl: 'javascript:alert(1)' })).toHaveProperty('onlineUrl');
  });

  it('wants times for a timed event and real dates', () => {
    expect(codesOf({ ...training, startTime: undefined })).toEqual({ startTime: 'required' });
    expect(codesOf({ ...market, startDate: '2026-02-30' })).toEqual({ startDate: 'invalid_format' });
    expect(codesOf({ ...training, startTime: '25:00' })).toEqual({ startTime: 'invalid_format' });
  });

  it('says what is wrong in the reader’s language', () => {
    const issues = issuesOf({ ...market, endDate: '2026-12-01', boothCapacity: 0, provinceCode: '99' });
    // Every problem at once, so nobody fixes one field only to be told of the next.
    expect(fieldMessages(issues, 'vi')).toEqual({
      boothCapacity: 'Giá trị phải từ 1 trở lên.',
      endDate: 'Thời điểm kết thúc phải sau thời điểm bắt đầu.',
      provinceCode: 'Không có giá trị này.',
    });
    const rules = issuesOf({
      ...market,
      endDate: '2026-12-01',
      provinceCode: '99',
      registrationCloses: '2026-12-20T08:00',
    });
    expect(fieldMessages(rules, 'vi')).toEqual({
      endDate: 'Thời điểm kết thúc phải sau thời điểm bắt đầu.',
      provinceCode: 'Không có giá trị này.',
      registrationCloses: 'Hạn đăng ký phải trước khi sự kiện bắt đầu.',
    });
    expect(fieldMessages(rules, 'en').registrationCloses).toBe('Registration must close before the event starts.');
  });

  it('throws a ValidationError (a 422 for the API) naming the fields', () => {
    expect(() => parseEventInput({ ...market, boothCapacity: -1 }, PROVINCE_CODES)).toThrow(ValidationError);
  });
});

describe('recurrence', () => {
  it('expands "monthly on the 2nd Saturday, 4 times" into separate dated events', () => {
    const rule = recurrenceRuleSchema.parse({ frequency: 'monthly_weekday', ordinal: 2, weekday: 6, count: 4 });
    const series = expandRecurrence(
      {
        ...market,
        startDate: '2026-12-01',
        endDate: '2026-12-02',
        registrationOpens: '2026-11-01T08:00',
        registrationCloses: '2026-11-25T17:00',
      },
      rule,
    );
    expect(series.map((e) => e.startDate)).toEqual(['2026-12-12', '2027-01-09', '2027-02-13', '2027-03-13']);
    // Two days each, and registration moves with the event.
    expect(series.map((e) => e.endDate)).toEqual(['2026-12-13', '2027-01-10', '2027-02-14', '2027-03-14']);
    expect(series[0]?.registrationCloses).toBe('2026-12-06T17:00');
    for (const input of series) expect(validateEventInput(input, PROVINCE_CODES).ok).toBe(true);
  });

  it('handles the last weekday of a month, a day some months lack, and weeks', () => {
    expect(occurrenceDates({ frequency: 'monthly_weekday', ordinal: -1, weekday: 5, count: 3 }, '2026-11-01')).toEqual([
      '2026-11-27',
      '2026-12-25',
      '2027-01-29',
    ]);
    expect(occurrenceDates({ frequency: 'monthly_day', day: 31, count: 3 }, '2026-12-01')).toEqual([
      '2026-12-31',
      '2027-01-31',
      '2027-03-31',
    ]);
    expect(occurrenceDates({ frequency: 'weekly', interval: 2, count: 3 }, '2026-12-28')).toEqual([
      '2026-12-28',
      '2027-01-11',
      '2027-01-25',
    ]);
  });

  it('ends a series on a date (inclusive) instead of after a count, and gives one date past the cap to tell it ran over', () => {
    expect(occurrenceDates({ frequency: 'weekly', interval: 1, until: '2027-01-22' }, '2027-01-01')).toEqual([
      '2027-01-01',
      '2027-01-08',
      '2027-01-15',
      '2027-01-22',
    ]);
    expect(occurrenceDates({ frequency: 'monthly_day', day: 31, until: '2027-05-30' }, '2027-01-01')).toEqual([
      '2027-01-31',
      '2027-03-31',
    ]);
    expect(occurrenceDates({ frequency: 'weekly', interval: 1, until: '2026-12-31' }, '2027-01-01')).toEqual([]);
    expect(occurrenceDates({ frequency: 'weekly', interval: 1, until: '2030-01-01' }, '2027-01-01')).toHaveLength(53);
  });

  it('takes a count or an until date, not both and not neither', () => {
    expect(recurrenceRuleSchema.safeParse({ frequency: 'weekly', until: '2027-02-01' }).success).toBe(true);
    const both = recurrenceRuleSchema.safeParse({ frequency: 'weekly', count: 3, until: '2027-02-01' });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0]?.path).toEqual(['count']);
    expect(recurrenceRuleSchema.safeParse({ frequency: 'weekly' }).success).toBe(false);
    expect(recurrenceRuleSchema.safeParse({ frequency: 'weekly', until: '2027-02-30' }).success).toBe(false);
  });

  it('refuses rules that make no sense', () => {
    expect(
      recurrenceRuleSchema.safeParse({ frequency: 'monthly_weekday', ordinal: 5, weekday: 6, count: 3 }).success,
    ).toBe(false);
    expect(recurrenceRuleSchema.safeParse({ frequency: 'monthly_day', day: 32, count: 3 }).success).toBe(false);
    expect(recurrenceRuleSchema.safeParse({ frequency: 'weekly', count: 0 }).success).toBe(false);
    expect(recurrenceRuleSchema.safeParse({ frequency: 'weekly', count: 53 }).success).toBe(false);
  });

  // rrule (a widely used RFC 5545 implementation) as an independent oracle, on dates in UTC where it has no zone to get wrong.
  const RRULE_DAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const firstDates = fc
    .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    .map(day);

  it('agrees with rrule on monthly n-th and last weekdays', () => {
    fc.assert(
      fc.property(
        firstDates,
        fc.constantFrom(1, 2, 3, 4, -1),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 24 }),
        (first, ordinal, weekday, count) => {
          const ours = occurrenceDates({ frequency: 'monthly_weekday', ordinal, weekday, count }, first);
          const theirs = new RRule({
            freq: RRule.MONTHLY,
            byweekday: [(RRULE_DAYS[weekday - 1] as (typeof RRULE_DAYS)[number]).nth(ordinal)],
            count,
            dtstart: new Date(`${first}T00:00:00Z`),
          })
            .all()
            .map(day);
          expect(ours).toEqual(theirs);
          for (const date of ours) expect(isoWeekday(date)).toBe(weekday);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with rrule on monthly days and weekly series', () => {
    fc.assert(
      fc.property(
        firstDates,
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 24 }),
        (first, monthDay, interval, count) => {
          const dtstart = new Date(`${first}T00:00:00Z`);
          expect(occurrenceDates({ frequency: 'monthly_day', day: monthDay, count }, first)).toEqual(
            new RRule({ freq: RRule.MONTHLY, bymonthday: [monthDay], count, dtstart }).all().map(day),
          );
          expect(occurrenceDates({ frequency: 'weekly', interval, count }, first)).toEqual(
            new RRule({ freq: RRule.WEEKLY, interval, count, dtstart }).all().map(day),
          );
          // The same series ended by the date of its last event instead of a count.
          const last = day(
            new RRule({ freq: RRule.MONTHLY, bymonthday: [monthDay], count, dtstart }).all().at(-1) as Date,
          );
          expect(occurrenceDates({ frequency: 'monthly_day', day: monthDay, until: last }, first)).toEqual(
            new RRule({ freq: RRule.MONTHLY, bymonthday: [monthDay], until: new Date(`${last}T00:00:00Z`), dtstart })
              .all()
              .map(day),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
