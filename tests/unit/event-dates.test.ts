import { describe, expect, it } from 'vitest';
import { formatDeadline, formatEventWhen, formatMonth, weekdayNames } from '../../src/i18n/event-dates';
import { eventCoversDay, eventDays } from '../../src/server/events/event-days';
import { monthGrid } from '../../src/server/events/month-grid';
import {
  addDaysToDate,
  addMonths,
  daysBetween,
  isCalendarDate,
  isCalendarMonth,
  isoWeekday,
  vietnamDate,
  vietnamDateTime,
  vietnamIso,
  vietnamMidnight,
  vietnamTime,
} from '../../src/server/time/vietnam';

/** An all-day event over whole Viet Nam days, stored as the seed and the input schema store it. */
function allDay(first: string, last: string) {
  return { startsAt: vietnamMidnight(first), endsAt: vietnamMidnight(addDaysToDate(last, 1)), allDay: true };
}

describe('Viet Nam calendar arithmetic', () => {
  it('puts the date line at 17:00 UTC: 16:59:59Z is still the same day in Hà Nội, 17:00Z is the next', () => {
    expect(vietnamDate(new Date('2026-12-31T16:59:59.999Z'))).toBe('2026-12-31');
    expect(vietnamDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(vietnamTime(new Date('2026-12-31T17:00:00Z'))).toBe('00:00');
  });

  it('turns local dates and times into instants and back', () => {
    expect(vietnamMidnight('2027-01-01').toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(vietnamDateTime('2026-12-12', '08:30').toISOString()).toBe('2026-12-12T01:30:00.000Z');
    expect(vietnamIso(new Date('2026-12-12T01:30:00Z'))).toBe('2026-12-12T08:30:00+07:00');
    // Early morning in Viet Nam is the previous day in UTC.
    expect(vietnamIso(vietnamDateTime('2026-12-12', '05:00'))).toBe('2026-12-12T05:00:00+07:00');
    expect(vietnamDateTime('2026-12-12', '05:00').toISOString()).toBe('2026-12-11T22:00:00.000Z');
  });

  it('knows real dates, weekdays and months', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    // Years Date cannot carry through YYYY-MM-DD and back.
    expect(isCalendarDate('0050-01-01')).toBe(false);
    expect(isCalendarDate('9999-12-31')).toBe(false);
    expect(isCalendarMonth('0000-01')).toBe(false);
    expect(isCalendarMonth('2026-12')).toBe(true);
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
  });
});

describe('the days an event covers', () => {
  it('ends an all-day event on the day before its exclusive end', () => {
    expect(eventDays(allDay('2026-12-12', '2026-12-15'))).toEqual({ first: '2026-12-12', last: '2026-12-15' });
    expect(eventDays(allDay('2026-12-12', '2026-12-12'))).toEqual({ first: '2026-12-12', last: '2026-12-12' });
  });

  it('places a timed event on its Viet Nam days, even when UTC says another day', () => {
    const early = {
      startsAt: vietnamDateTime('2026-12-12', '06:00'),
      endsAt: vietnamDateTime('2026-12-12', '09:00'),
      allDay: false,
    };
    expect(eventDays(early)).toEqual({ first: '2026-12-12', last: '2026-12-12' });
    const untilMidnight = {
      startsAt: vietnamDateTime('2026-12-12', '18:00'),
      endsAt: vietnamMidnight('2026-12-13'),
      allDay: false,
    };
    expect(eventDays(untilMidnight)).toEqual({ first: '2026-12-12', last: '2026-12-12' });
    expect(eventCoversDay(untilMidnight, '2026-12-13')).toBe(false);
  });
});

describe('formatEventWhen', () => {
  // Intl puts thin and narrow no-break spaces around range dashes; what matters here is the words.
  const when = (...args: Parameters<typeof formatEventWhen>) => formatEventWhen(...args).replace(/\s+/g, ' ');

  it('shows an all-day event’s own days, not the day after it ends', () => {
    expect(when(allDay('2026-12-12', '2026-12-15'), 'en')).toBe('12 – 15 December 2026');
    expect(when(allDay('2026-12-12', '2026-12-12'), 'en')).toBe('12 December 2026');
    expect(when(allDay('2026-12-29', '2027-01-02'), 'vi')).toBe('29 tháng 12, 2026 – 2 tháng 1, 2027');
  });

  it('shows times in Viet Nam for timed events, one day or several', () => {
    const oneDay = {
      startsAt: vietnamDateTime('2026-12-12', '08:00'),
      endsAt: vietnamDateTime('2026-12-12', '17:00'),
      allDay: false,
    };
    expect(when(oneDay, 'en')).toBe('12 December 2026, 08:00–17:00');
    expect(when(oneDay, 'vi')).toContain('08:00–17:00');
    const twoDays = {
      startsAt: vietnamDateTime('2026-12-12', '08:00'),
      endsAt: vietnamDateTime('2026-12-13', '12:00'),
      allDay: false,
    };
    expect(when(twoDays, 'en')).toBe('12 – 13 December 2026, 08:00–12:00 daily');
  });

  it('reads a fair over several days as its days and daily hours', () => {
    const fair = {
      startsAt: vietnamDateTime('2027-02-25', '08:00'),
      endsAt: vietnamDateTime('2027-02-28', '21:00'),
      allDay: false,
    };
    expect(when(fair, 'vi')).toBe('25 – 28 tháng 2, 2027, 08:00–21:00 hằng ngày');
    expect(when(fair, 'en')).toBe('25 – 28 February 2027, 08:00–21:00 daily');
    expect(when(fair, 'en', 'short')).toBe('25 – 28 Feb 2027, 08:00–21:00 daily');
  });

  it('says both ends in full when the hours run past midnight', () => {
    const night = {
      startsAt: vietnamDateTime('2027-02-25', '20:00'),
      endsAt: vietnamDateTime('2027-02-26', '02:00'),
      allDay: false,
    };
    expect(when(night, 'en')).toBe('25 February 2027 at 20:00 – 26 February 2027 at 02:00');
  });
});

describe('formatDeadline', () => {
  it('reads a midnight deadline as the end of the day before', () => {
    const midnight = vietnamMidnight('2027-01-09');
    expect(formatDeadline(midnight, 'vi')).toBe('hết ngày 8 tháng 1, 2027');
    expect(formatDeadline(midnight, 'en')).toBe('end of 8 January 2027');
  });

  it('gives the date and time of any other deadline', () => {
    expect(formatDeadline(vietnamDateTime('2027-01-08', '17:30'), 'vi')).toBe('8 tháng 1, 2027, 17:30');
    expect(formatDeadline(vietnamDateTime('2027-01-08', '17:30'), 'en')).toBe('8 January 2027, 17:30');
  });

  it('names months and weekdays in both languages, Monday first', () => {
    expect(formatMonth('2026-12', 'vi')).toBe('tháng 12 năm 2026');
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
    // As a heading, with a capital.
    expect(formatMonth('2026-12', 'vi', true)).toBe('Tháng 12 năm 2026');
    expect(formatMonth('2026-12', 'en', true)).toBe('December 2026');
    expect(weekdayNames('en', 'long')[0]).toBe('Monday');
    expect(weekdayNames('en', 'long')[6]).toBe('Sunday');
  });
});

describe('monthGrid', () => {
  it('lays a month out in Monday-first weeks and puts a multi-day event on each of its days', () => {
    const fair = { id: 'fair', ...allDay('2026-11-30', '2026-12-02') };
    const late = {
      id: 'late',
      startsAt: vietnamDateTime('2026-12-31', '20:00'),
      endsAt: vietnamDateTime('2026-12-31', '23:00'),
      allDay: false,
    };
    const weeks = monthGrid('2026-12', [fair, late]);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks[0]?.[0]?.date).toBe('2026-11-30');
    expect(weeks[0]?.[0]?.inMonth).toBe(false);
    const days = weeks.flat();
    const on = (date: string) => days.find((d) => d.date === date)?.events.map((e) => e.id);
    expect(on('2026-11-30')).toEqual(['fair']);
    expect(on('2026-12-02')).toEqual(['fair']);
    expect(on('2026-12-03')).toEqual([]);
    // 20:00 on the 31st in Hà Nội is 13:00 UTC; it belongs to the 31st, not the 1st.
    expect(on('2026-12-31')).toEqual(['late']);
    expect(days.at(-1)?.date).toBe('2027-01-03');
  });
});
