/** The officers' event form: posted strings to the domain's inputs and back, and error names to the form's fields. */
import { describe, expect, it } from 'vitest';
import {
  eventInputFrom,
  eventValuesFrom,
  eventValuesOf,
  formErrors,
  recurrenceFrom,
} from '../../functions/pages/events/event-form';
import { validateEventInput } from '../../src/server/events/event-input';

const PROVINCES = new Set(['01', '79']);

const posted = {
  kind: 'ocop_market',
  titleVi: 'Phiên chợ OCOP',
  organiser: 'Sở Công Thương',
  startDate: '2027-01-09',
  endDate: '2027-01-09',
  startTime: '07:00',
  endTime: '11:30',
  venue: 'Quảng trường',
  address: '1 Lê Lợi',
  provinceCode: '79',
  boothCapacity: '',
  registrationOpens: '',
  status: 'published',
  revision: '9',
  repeat: 'monthly_weekday',
  repeatOrdinal: '2',
  repeatWeekday: '6',
  repeatDay: '15',
  repeatInterval: '2',
  repeatCount: '6',
  repeatUntil: '',
};

describe('the event form', () => {
  it('reads only the event’s own fields: a crafted status or revision goes nowhere', () => {
    const values = eventValuesFrom(posted);
    expect(values).not.toHaveProperty('status');
    expect(values).not.toHaveProperty('revision');
    const input = eventInputFrom(values);
    expect(input.allDay).toBe(false);
    const result = validateEventInput(input, PROVINCES);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.fields.boothCapacity).toBeNull();
  });

  it('takes only the repeat fields of the chosen kind of repeat', () => {
    const values = eventValuesFrom(posted);
    expect(recurrenceFrom(values)).toEqual({ frequency: 'monthly_weekday', ordinal: '2', weekday: '6', count: '6' });
    expect(recurrenceFrom({ ...values, repeat: 'weekly' })).toEqual({ frequency: 'weekly', interval: '2', count: '6' });
    expect(recurrenceFrom({ ...values, repeat: '' })).toBeNull();
  });

  it('gives a stored event back as the form shows it, the all-day box included', () => {
    const values = eventValuesOf({
      kind: 'fair',
      titleVi: 'Hội chợ',
      organiser: 'Sở',
      allDay: true,
      startDate: '2027-01-01',
      endDate: '2027-01-03',
      boothCapacity: 20,
    });
    expect(values).toMatchObject({ allDay: 'on', startTime: '', boothCapacity: '20', startDate: '2027-01-01' });
    expect(eventInputFrom(values).allDay).toBe(true);
  });

  it('puts the rule’s errors next to the form’s repeat fields', () => {
    expect(formErrors({ 'recurrence.count': 'a', 'recurrence.weekday': 'b', recurrence: 'c', endDate: 'd' })).toEqual({
      repeatCount: 'a',
      repeatWeekday: 'b',
      repeat: 'c',
      endDate: 'd',
    });
  });
});
