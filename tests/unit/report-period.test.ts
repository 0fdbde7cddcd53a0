/** The scope of a department report: defaults, and what is wrong said field by field. */
import { describe, expect, it } from 'vitest';
import { parseReportScope } from '../../src/server/reports/report-period';

const provinces = [{ code: '01', slug: 'ha-noi', nameVi: 'Hà Nội', nameEn: 'Hanoi' }];
// 3 December 2026, 01:00 in Viet Nam.
const now = new Date('2026-12-02T18:00:00Z');
const parse = (query: Record<string, string>) => parseReportScope(new URLSearchParams(query), provinces, now);

describe('a report scope', () => {
  it('defaults to the whole country, this year so far, in Viet Nam', () => {
    expect(parse({})).toEqual({ scope: { province: null, from: '2026-01-01', to: '2026-12-03' }, problems: {} });
  });

  it('names a province by its slug and takes a period of up to ten years', () => {
    const { scope, problems } = parse({ province: 'ha-noi', from: '2016-12-04', to: '2026-12-03' });
    expect(problems).toEqual({});
    expect(scope).toEqual({ province: provinces[0], from: '2016-12-04', to: '2026-12-03' });
  });

  it.each([
    [{ province: 'atlantis' }, { province: { code: 'unknown_value' } }],
    [{ province: '<script>' }, { province: { code: 'unknown_value' } }],
    [{ from: '2026-02-30' }, { from: { code: 'calendar_date' } }],
    [{ to: '03/12/2026' }, { to: { code: 'calendar_date' } }],
    [{ from: '2026-06-01', to: '2026-05-31' }, { to: { code: 'to_before_from' } }],
    // Today in Viet Nam is the 3rd; the 4th has not come, though it is still the 2nd in UTC.
    [{ to: '2026-12-04' }, { to: { code: 'date_in_future' } }],
    [
      { from: '2027-01-01', to: '2027-02-01' },
      { from: { code: 'date_in_future' }, to: { code: 'date_in_future' } },
    ],
    [{ from: '2016-12-03', to: '2026-12-03' }, { to: { code: 'period_too_long', params: { years: 10 } } }],
    [{ from: '2008-02-29', to: '2018-03-01' }, { to: { code: 'period_too_long', params: { years: 10 } } }],
  ])('%o is refused: %o', (query, problems) => {
    expect(parse(query as Record<string, string>).problems).toEqual(problems);
  });

  it('takes ten years from 29 February to the last day of the next February', () => {
    expect(parse({ from: '2008-02-29', to: '2018-02-28' }).problems).toEqual({});
  });
});
