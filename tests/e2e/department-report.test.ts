/**
 * The department report on the built worker: officers only (the page and
 * its XLSX), a wrong scope answered 422 with a message next to the field,
 * and the workbook, opened by an independent reader (read-excel-file),
 * holding the very figures the printable page shows.
 */
import readExcelFile from 'read-excel-file/node';
import { describe, expect, inject, it } from 'vitest';
import { textOf } from '../support/html';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, signIn } = site(baseUrl);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('who may read a report', () => {
  it.each([
    '/quan-tri/bao-cao',
    '/en/admin/report?province=ha-noi',
    '/quan-tri/bao-cao?format=xlsx',
    '/quan-tri/bao-cao?format=pdf',
    '/en/admin/report?format=registrations-csv',
    '/quan-tri/bao-cao?format=registrations-xlsx&from=2024-01-01',
  ])('%s: sign-in for strangers, 403 for a cooperative manager, open to officers and admins', async (path) => {
    const anonymous = await get(path);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/(en\/sign-in|dang-nhap)\?next=/);
    const refused = await get(path, await signIn('quanly1@cho-htx.test'));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('text/html');
    expect((await get(path, await signIn('canbo@cho-htx.test'))).status).toBe(200);
    expect((await get(path, await signIn('admin@cho-htx.test'))).status).toBe(200);
  });
});

describe('a wrong scope', () => {
  it.each([
    ['?from=2026-06-01&to=2026-05-01', 'Ngày kết thúc không thể trước ngày bắt đầu.'],
    ['?to=2999-01-01', 'Ngày này chưa tới.'],
    ['?from=2001-01-01&to=2020-01-01', 'Một kỳ báo cáo dài tối đa 10 năm.'],
    ['?province=atlantis', 'Không có giá trị này.'],
    ['?province=%3Cscript%3Ealert(1)%3C%2Fscript%3E&format=xlsx', 'Không có giá trị này.'],
    ['?from=2026-02-30', 'Cần một ngày có thật, dạng NNNN-TT-NN.'],
  ])('%s is answered 422 with the form, the message next to the field, and no file', async (query, message) => {
    const res = await get(`/quan-tri/bao-cao${query}`, await signIn('canbo@cho-htx.test'));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(textOf(html)).toContain(message);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('data-table=');
  });
});

/** The raw values (data-value) of one section of the page, in reading order. */
function pageValues(html: string, table: string): string[] {
  const section = html.split(`data-table="${table}"`)[1]?.split('</section>')[0] ?? '';
  return [...section.matchAll(/<t[hd][^>]*data-value="([^"]*)"/g)].map((match) => match[1] ?? '');
}

/** The same from a sheet: numbers as the page writes them (percentages back to "65.5"), dates as YYYY-MM-DD. */
function sheetValues(rows: unknown[][]): string[] {
  return rows.slice(1).flatMap((row) =>
    row.flatMap((cell) => {
      if (cell instanceof Date) return [cell.toISOString().slice(0, 10)];
      return typeof cell === 'number' ? [String(cell)] : [];
    }),
  );
}

describe("the report's workbook", () => {
  it.each([
    ['/quan-tri/bao-cao?province=ha-noi&from=2024-01-01', 'SỞ CÔNG THƯƠNG'],
    ['/en/admin/report?from=2025-01-01', 'National summary'],
  ])('%s: the XLSX holds the figures of the printable page', async (path, heading) => {
    const officer = await signIn('canbo@cho-htx.test');
    const page = await get(path, officer);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(heading);

    const file = await get(`${path}&format=xlsx`, officer);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(XLSX);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9-]+\.xlsx"$/);
    const sheets = await readExcelFile(Buffer.from(await file.arrayBuffer()));
    const tables = [...html.matchAll(/data-table="([a-z]+)"/g)].map((match) => match[1] ?? '');
    expect(tables).toEqual(['figures', 'activity', 'months', 'targets', 'events', 'exhibitors']);
    expect(sheets).toHaveLength(tables.length + 1);
    let compared = 0;
    tables.forEach((table, i) => {
      const sheet = sheets[i + 1]!;
      const fromPage = pageValues(html, table);
      // Percentages: the page says 65.5, the spreadsheet holds 0.655.
      const fromSheet = sheetValues(sheet.data);
      expect(fromSheet.length, table).toBe(fromPage.length);
      fromSheet.forEach((value, j) => {
        const shown = fromPage[j]!;
        if (value === shown || /^\d{4}-/.test(shown)) expect(value).toBe(shown);
        else expect(Number(value) * 100).toBeCloseTo(Number(shown), 6);
      });
      compared += fromPage.length;
    });
    // The demo has events, exhibitors and snapshots: an empty report would compare nothing.
    expect(compared).toBeGreaterThan(20);
  });
});

describe("the report's other files", () => {
  it('answers the PDF and the registrations as attachments, a wrong scope with the form, an unknown event 404', async () => {
    const officer = await signIn('canbo@cho-htx.test');
    const pdf = await get('/quan-tri/bao-cao?province=ha-noi&from=2025-01-01&format=pdf', officer);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(
      /^attachment; filename="bao-cao-ha-noi-2025-01-01-[0-9-]+\.pdf"$/,
    );
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');

    const csv = await get('/en/admin/report?from=2024-01-01&format=registrations-csv', officer);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).split('\r\n');
    // (fetch's text() drops the byte order mark the file starts with.)
    expect(lines[0]).toMatch(/^Event,Starts,Event province,Cooperative,/);
    // The demo has registrations since 2024.
    expect(lines.length).toBeGreaterThan(3);

    const xlsx = await get('/quan-tri/bao-cao?from=2024-01-01&format=registrations-xlsx', officer);
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    const [sheet] = await readExcelFile(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheet!.data[0]?.[0]).toBe('Sự kiện');
    expect(sheet!.data.length).toBeGreaterThan(2);

    const wrong = await get('/quan-tri/bao-cao?from=2026-06-01&to=2026-05-01&format=registrations-xlsx', officer);
    expect(wrong.status).toBe(422);
    expect(wrong.headers.get('content-type')).toContain('text/html');
    const unknown = await get('/quan-tri/bao-cao?format=registrations-csv&event=%3Cscript%3E', officer);
    expect(unknown.status).toBe(404);
  });

  it("is linked from an event's management page as that event's registrations in Excel", async () => {
    const officer = await signIn('canbo@cho-htx.test');
    const list = await (await get('/tai-khoan/su-kien-quan-ly', officer)).text();
    const managed = /href="(\/tai-khoan\/su-kien-quan-ly\/(?!moi")[a-z0-9-]+)"/.exec(list)?.[1];
    expect(managed).toBeTruthy();
    const page = (await (await get(managed!, officer)).text()).replaceAll('&amp;', '&');
    const link = /href="(\/quan-tri\/bao-cao\?format=registrations-xlsx&event=[a-z0-9-]+)"/.exec(page)?.[1];
    expect(link).toBe(`/quan-tri/bao-cao?format=registrations-xlsx&event=${managed!.split('/').pop()}`);
    const xlsx = await get(link!, officer);
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    const [sheet] = await readExcelFile(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheet!.data[0]?.[0]).toBe('Sự kiện');
  });
});
