/**
 * iCalendar output, read back by Mozilla's ical.js (an independent, strict
 * RFC 5545 parser), plus the byte-level rules a parser forgives: line length
 * in octets, CRLF endings, folds that never split a UTF-8 character.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { EventFeedEntry } from '../../src/server/events/calendar';
import { googleCalendarUrl, outlookCalendarUrl } from '../../src/server/events/calendar-links';
import { eventsToAtom } from '../../src/server/events/atom';
import { eventsToIcs, eventUid } from '../../src/server/events/ics';
import { eventLd } from '../../src/server/seo/json-ld';
import { vietnamDateTime, vietnamMidnight } from '../../src/server/time/vietnam';

const ORIGIN = 'https://cho-htx.example.vn';

const fair: EventFeedEntry = {
  id: 'evt-fair-1',
  slug: 'hoi-cho-ocop-ha-noi-2026',
  kind: 'fair',
  titleVi:
    'Hội chợ OCOP, đặc sản; “vùng miền” \\ Hà Nội 2026 — gian hàng của các hợp tác xã khắp ba miền Bắc, Trung, Nam',
  titleEn: 'Hà Nội OCOP Fair 2026',
  descriptionVi: 'Dòng đầu.\nDòng hai, có dấu phẩy; và chấm phẩy.\n\nĐoạn mới 🐝.',
  descriptionEn: '',
  startsAt: vietnamMidnight('2026-12-12'),
  endsAt: vietnamMidnight('2026-12-16'),
  allDay: true,
  venue: 'Trung tâm Triển lãm Giảng Võ',
  address: '148 Giảng Võ, phường Giảng Võ, Hà Nội',
  provinceNameVi: 'Hà Nội',
  provinceNameEn: 'Hanoi',
  onlineUrl: null,
  organiser: 'Sở Công Thương Hà Nội',
  status: 'published',
  cancelReason: null,
  revision: 3,
  publishedAt: new Date('2026-10-01T02:00:00Z'),
  createdAt: new Date('2026-09-30T02:00:00Z'),
  updatedAt: new Date('2026-11-20T02:00:00Z'),
};

const training: EventFeedEntry = {
  ...fair,
  id: 'evt-training-2',
  slug: 'tap-huan-livestream',
  kind: 'ecommerce_training',
  titleVi: 'Tập huấn livestream',
  titleEn: 'Livestream workshop',
  descriptionVi: '',
  // 06:30–11:00 in Viet Nam: it starts on the 11th in UTC.
  startsAt: vietnamDateTime('2026-12-12', '06:30'),
  endsAt: vietnamDateTime('2026-12-12', '11:00'),
  allDay: false,
  venue: null,
  address: null,
  provinceNameVi: null,
  provinceNameEn: null,
  onlineUrl: 'https://hoc-truc-tuyen.example.vn/livestream',
  status: 'cancelled',
  cancelReason: 'Hoãn vì bão',
  revision: 1,
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => ({ vevent, event: new ICAL.Event(vevent) }));
}

describe('iCalendar output', () => {
  const ics = eventsToIcs([fair, training], { origin: ORIGIN, locale: 'vi' });

  it('parses back with ical.js: UIDs, SEQUENCE, STATUS, texts unescaped', () => {
    const [a, b] = parse(ics);
    expect(a?.event.uid).toBe('evt-fair-1@cho-htx.example.vn');
    expect(a?.event.uid).toBe(eventUid(fair.id, ORIGIN));
    expect(a?.event.sequence).toBe(3);
    expect(a?.vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(a?.event.summary).toBe(fair.titleVi);
    expect(a?.event.description).toContain('Dòng hai, có dấu phẩy; và chấm phẩy.\n\nĐoạn mới 🐝.');
    expect(a?.event.description).toContain('Đơn vị tổ chức: Sở Công Thương Hà Nội');
    expect(a?.event.location).toBe('Trung tâm Triển lãm Giảng Võ, 148 Giảng Võ, phường Giảng Võ, Hà Nội');
    expect(a?.vevent.getFirstPropertyValue('url')).toBe(`${ORIGIN}/su-kien/${fair.slug}`);
    expect(b?.event.uid).toBe('evt-training-2@cho-htx.example.vn');
    expect(b?.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(b?.event.summary).toBe('[Đã hủy] Tập huấn livestream');
    expect(b?.event.description).toContain('Lý do: Hoãn vì bão');
    expect(b?.event.location).toBe('https://hoc-truc-tuyen.example.vn/livestream');
  });

  it('writes all-day events as VALUE=DATE with Viet Nam’s days and an exclusive end', () => {
    const [a] = parse(ics);
    expect(a?.event.startDate.isDate).toBe(true);
    expect(a?.event.startDate.toString()).toBe('2026-12-12');
    expect(a?.event.endDate.toString()).toBe('2026-12-16');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261212\r\n');
  });

  it('writes timed events in UTC, which is the Viet Nam time minus seven hours', () => {
    const [, b] = parse(ics);
    expect(b?.event.startDate.isDate).toBe(false);
    expect(b?.event.startDate.toJSDate().toISOString()).toBe('2026-12-11T23:30:00.000Z');
    expect(b?.event.endDate.toJSDate().toISOString()).toBe('2026-12-12T04:00:00.000Z');
    expect(ics).toContain('DTSTART:20261211T233000Z\r\n');
    expect(ics).toContain('X-WR-TIMEZONE:Asia/Ho_Chi_Minh\r\n');
  });

  it('stamps each event with its last revision', () => {
    const [a] = parse(ics);
    expect(a?.vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-20T02:00:00Z');
    expect(a?.vevent.getFirstPropertyValue('last-modified')?.toString()).toBe('2026-11-20T02:00:00Z');
  });

  it('ends every line with CRLF, keeps lines within 75 octets, and never folds inside a UTF-8 character', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = ics.split('\r\n');
    expect(lines.every((line) => !line.includes('\n') && !line.includes('\r'))).toBe(true);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    // A long Vietnamese summary had to be folded; each piece is valid UTF-8 on its own.
    const folded = lines.filter((line) => line.startsWith(' '));
    expect(folded.length).toBeGreaterThan(0);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const line of lines) expect(() => decoder.decode(new TextEncoder().encode(line))).not.toThrow();
    // Unfolding gives the escaped value back: commas, semicolons and backslashes escaped (RFC 5545 §3.3.11).
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Hội chợ OCOP\\, đặc sản\\; “vùng miền” \\\\ Hà Nội 2026');
    expect(unfolded).toContain('Dòng đầu.\\nDòng hai\\, có dấu phẩy\\; và chấm phẩy.\\n\\nĐoạn mới 🐝.');
  });

  it('speaks English when asked, with English links', () => {
    const [a, b] = parse(eventsToIcs([fair, training], { origin: ORIGIN, locale: 'en' }));
    // No English title: the Vietnamese one rather than nothing.
    expect(a?.event.summary).toBe('Hà Nội OCOP Fair 2026');
    expect(b?.event.summary).toBe('[Cancelled] Livestream workshop');
    expect(a?.vevent.getFirstPropertyValue('url')).toBe(`${ORIGIN}/en/events/${fair.slug}`);
  });
});

describe('add-to-calendar links', () => {
  const base = { title: 'Hội chợ & triển lãm', details: 'Chi tiết', location: 'Giảng Võ, Hà Nội' };

  it('gives Google Calendar UTC times, or dates with an exclusive end for all-day events', () => {
    const timed = new URL(
      googleCalendarUrl({ ...base, startsAt: training.startsAt, endsAt: training.endsAt, allDay: false }),
    );
    expect(timed.origin).toBe('https://calendar.google.com');
    expect(timed.searchParams.get('dates')).toBe('20261211T233000Z/20261212T040000Z');
    expect(timed.searchParams.get('text')).toBe('Hội chợ & triển lãm');
    const allDay = new URL(googleCalendarUrl({ ...base, startsAt: fair.startsAt, endsAt: fair.endsAt, allDay: true }));
    expect(allDay.searchParams.get('dates')).toBe('20261212/20261216');
  });

  it('gives Outlook local times with their offset', () => {
    const timed = new URL(
      outlookCalendarUrl({ ...base, startsAt: training.startsAt, endsAt: training.endsAt, allDay: false }),
    );
    expect(timed.searchParams.get('startdt')).toBe('2026-12-12T06:30:00+07:00');
    expect(timed.searchParams.get('allday')).toBe('false');
    const allDay = new URL(outlookCalendarUrl({ ...base, startsAt: fair.startsAt, endsAt: fair.endsAt, allDay: true }));
    expect([allDay.searchParams.get('startdt'), allDay.searchParams.get('enddt')]).toEqual([
      '2026-12-12',
      '2026-12-16',
    ]);
  });
});

describe('Event JSON-LD', () => {
  it('marks a cancelled online event as such', () => {
    const ld = eventLd({
      name: 'Tập huấn',
      description: '',
      url: `${ORIGIN}/su-kien/x`,
      startDate: '2026-12-12T06:30:00+07:00',
      endDate: '2026-12-12T11:00:00+07:00',
      cancelled: true,
      place: null,
      onlineUrl: 'https://hoc.example.vn',
      organiser: 'Liên minh HTX',
      inLanguage: 'vi',
    });
    expect(ld).toMatchObject({
      '@type': 'Event',
      eventStatus: 'https://schema.org/EventCancelled',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url: 'https://hoc.example.vn' },
      organizer: { '@type': 'Organization', name: 'Liên minh HTX' },
    });
    expect(ld).not.toHaveProperty('description');
  });

  it('gives an in-person event a Place with its address', () => {
    const ld = eventLd({
      name: 'Hội chợ',
      description: 'Mô tả',
      url: `${ORIGIN}/su-kien/y`,
      startDate: '2026-12-12',
      endDate: '2026-12-15',
      cancelled: false,
      place: { name: 'Giảng Võ', street: '148 Giảng Võ', region: 'Hà Nội' },
      onlineUrl: null,
      organiser: 'Sở Công Thương',
      inLanguage: 'vi',
    });
    expect(ld).toMatchObject({
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: 'Giảng Võ',
        address: { streetAddress: '148 Giảng Võ', addressRegion: 'Hà Nội', addressCountry: 'VN' },
      },
    });
  });
});

describe('Atom feed', () => {
  it('escapes plain text for its type="html" fields, so markup in a title stays text', () => {
    const hostile = { ...fair, titleVi: '<b>Hội chợ</b> & ]]> <script>alert(1)</script>' };
    const xml = eventsToAtom([hostile], { origin: ORIGIN, locale: 'vi', selfUrl: `${ORIGIN}/api/v1/events.atom` });
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<b>');
    expect(xml).toContain('&lt;b&gt;Hội chợ&lt;/b&gt; &amp; ]]&gt;');
    expect(xml).toContain(`<id>${ORIGIN}/su-kien/${fair.slug}</id>`);
    expect(xml).toContain(`<link rel="self" href="${ORIGIN}/api/v1/events.atom"/>`);
  });
});
