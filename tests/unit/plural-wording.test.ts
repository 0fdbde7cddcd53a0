/**
 * English counts agree with their noun ("1 booth", "2 booths"): every
 * message that counts booths, products, days or items says it with the
 * dictionary's plural form, so none reads "1 booths" (issue 18's wording list).
 */
import { describe, expect, it } from 'vitest';
import { dictionary, format } from '../../src/i18n';

const en = dictionary('en');

describe('English counts', () => {
  it.each([
    [
      en.accountHome.member.registrationLine,
      { status: 'Confirmed', booths: 1, starts: '2 May' },
      '1 booth ·',
      '2 booths',
    ],
    [en.accountHome.member.gapProductPhotos, { count: 1 }, '1 product without', '2 products without'],
    [en.accountHome.age.days, { count: 1 }, '1 day', '2 days'],
    [en.calendar.event.boothsLeft, { left: 0, capacity: 1 }, 'of 1 booth left', 'of 2 booths left'],
    [en.calendar.event.boothsFull, { capacity: 1 }, 'All 1 booth is', 'All 2 booths are'],
    [en.registrations.register.boothsHint, { max: 1, left: 1, capacity: 1 }, '1 of 1 booth is free', 'booths are free'],
    [en.notificationSettings.mail.officerSubject, { province: 'Hà Nội', count: 1 }, ': 1 item', ': 2 items'],
  ])('%s', (template, params, one, more) => {
    expect(format(template, params)).toContain(one);
    const plural = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? 2 : v]));
    expect(format(template, plural)).toContain(more);
  });
});
