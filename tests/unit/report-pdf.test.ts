/**
 * The department report's PDF laid out over many pages: tables break
 * between rows, never inside one, and each page a table runs onto starts
 * with its header row again; every page is numbered. Read back with pdf.js.
 */
import { describe, expect, it } from 'vitest';
import type { DepartmentReport, ReportEvent } from '../../src/server/reports/department-report';
import { reportPdf } from '../../src/server/reports/report-pdf';
import { openPdf, pageText } from '../support/pdf';

const event = (n: number): ReportEvent => ({
  id: `e${n}`,
  titleVi: `Phiên chợ OCOP số ${n}`,
  titleEn: `OCOP market no. ${n}`,
  kind: 'fair',
  startsAt: new Date(Date.UTC(2026, 0, 1 + n, 2)),
  endsAt: new Date(Date.UTC(2026, 0, 2 + n, 2)),
  provinceCode: '01',
  exhibitors: [1, 2, 3].map((k) => ({
    cooperativeName: `HTX Thử ${n}-${k}`,
    provinceCode: '01',
    booths: k,
    productsShown: 2 * k,
    inquiries: n + k,
  })),
});

const report: DepartmentReport = {
  scope: { province: null, from: '2026-01-01', to: '2026-11-30' },
  generatedAt: new Date('2026-12-01T03:00:00Z'),
  start: null,
  end: null,
  months: [],
  activity: { inquiries: 12_345, repliedInquiries: 6789, eventsHeld: 80, exhibitors: 240, productsShown: 480 },
  targets: [],
  events: Array.from({ length: 80 }, (_, i) => event(i + 1)),
};

describe('a report longer than a page', () => {
  // pdf.js reading 300 rows back takes seconds on a busy machine.
  it('repeats the header row on every page a table runs onto, and numbers the pages', { timeout: 30_000 }, async () => {
    const pdf = await openPdf(await reportPdf(report, 'vi'));
    expect(pdf.numPages).toBeGreaterThan(4);
    const pages = await Promise.all(
      Array.from({ length: pdf.numPages }, async (_, i) => (await pageText(await pdf.getPage(i + 1))).join('\n')),
    );
    // The exhibitors table's last header, wrapped onto lines in its narrow column.
    const exhibitorHeader = /Hỏi\s+hàng\s+\(trong\s+sự\s+kiện\s+và\s+60\s+ngày\s+sau\)/;
    let rows = 0;
    pages.forEach((text, i) => {
      expect(text).toContain(`Trang ${i + 1}/${pages.length}`);
      const first = text.search(/HTX Thử \d+-\d/);
      if (first === -1) return;
      // The header comes before the page's first exhibitor row.
      const header = text.search(exhibitorHeader);
      expect(header, `page ${i + 1}`).toBeGreaterThanOrEqual(0);
      expect(header).toBeLessThan(first);
      rows += text.match(/HTX Thử \d+-\d/g)?.length ?? 0;
    });
    // Every exhibitor once: no row lost or drawn twice at a break.
    expect(rows).toBe(240);
    expect(pages[0]).toContain('CHỢ HTX');
    expect(pages[0]).toMatch(/Lượt hỏi hàng nhận được\s+12\.345/);
  });
});
