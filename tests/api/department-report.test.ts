/**
 * The department report against a small dataset counted by hand, on both
 * stores: events held in the period with their confirmed exhibitors, the
 * products they showed and the inquiries they received during the event and
 * FOLLOW_UP_DAYS after; the period's inquiries and snapshots; who may read
 * it; and the XLSX opened by an independent reader (read-excel-file), whose
 * figures must be the tables' figures.
 */
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import {
  cooperatives,
  eventRegistrationProducts,
  eventRegistrations,
  events,
  inquiries,
  products,
  statisticsSnapshots,
} from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../src/server/errors';
import { provinceOptions } from '../../src/server/products/filter-options';
import { loadDepartmentReport } from '../../src/server/reports/department-report';
import { parseReportScope } from '../../src/server/reports/report-period';
import { type ReportCell, reportTables } from '../../src/server/reports/report-tables';
import { reportWorkbook } from '../../src/server/reports/report-workbook';
import { reportPdf } from '../../src/server/reports/report-pdf';
import { listRegistrations, registrationTable } from '../../src/server/reports/registration-list';
import { tableCsv, tableSheet, workbookBytes } from '../../src/server/reports/table-files';
import { openPdf, pageText } from '../support/pdf';
import type { SnapshotFigures } from '../../src/server/stats/snapshots';
import { bothStores } from '../support/stores';

const now = new Date('2026-11-24T03:00:00Z');
const HN = '01';
const HUE = '46';
const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

const officer: SessionUser = {
  id: 'officer',
  email: 'canbo@example.test',
  displayName: 'Cán bộ',
  role: 'officer',
  cooperativeId: null,
  isManager: false,
} as SessionUser;

const coop = (id: string, provinceCode: string) => ({
  id,
  slug: id,
  kind: 'hop_tac_xa' as const,
  name: `HTX ${id}`,
  registrationCode: `RC-${id}`,
  foundedYear: 2015,
  provinceCode,
  commune: 'xã Thử',
  address: 'thôn Một',
  sector: 'trong_trot' as const,
  members: 10,
});

const product = (id: string, cooperativeId: string, provinceCode: string) => ({
  id,
  slug: id,
  cooperativeId,
  nameVi: `Sản phẩm ${id}`,
  ocopGroup: 'thuc_pham' as const,
  provinceCode,
  traceCode: `TC${id.toUpperCase()}`,
  unitVi: 'kg',
  unitEn: 'kg',
  status: 'published' as const,
});

const event = (
  id: string,
  provinceCode: string | null,
  start: string,
  days: number,
  status = 'published' as const,
) => ({
  id,
  slug: id,
  kind: 'fair' as const,
  titleVi: `Hội chợ ${id}`,
  titleEn: `Fair ${id}`,
  startsAt: at(start),
  endsAt: new Date(at(start).getTime() + days * DAY),
  provinceCode,
  onlineUrl: provinceCode === null ? 'https://example.test/live' : null,
  organiser: 'Sở Công Thương',
  status,
});

const inquiry = (id: string, cooperativeId: string, created: Date, status: 'new' | 'spam' = 'new') => ({
  id,
  reference: `REF-${id}`,
  cooperativeId,
  buyerName: 'Người mua',
  email: 'mua@example.com',
  country: 'VN',
  message: 'Xin báo giá',
  locale: 'vi' as const,
  consentToContact: true,
  status,
  createdAt: created,
  firstRepliedAt: status === 'new' && id.endsWith('r') ? new Date(created.getTime() + 3600_000) : null,
});

const figures = (activeCooperatives: number, fairOrBetterPercent: number): SnapshotFigures => ({
  activeCooperatives,
  members: activeCooperatives * 10,
  fairOrBetterPercent,
  inValueChainPercent: 10,
  withPublishedProductPercent: 50,
  ocopProducts: 3,
  fiveStarProducts: 0,
});

async function seed(db: Database) {
  await seedReferenceData(db);
  await db.insert(cooperatives).values([coop('a', HN), coop('b', HN), coop('c', HUE)]);
  await db.insert(products).values([product('p1', 'a', HN), product('p2', 'a', HN), product('p3', 'b', HN)]);
  const fairStart = '2026-03-01T02:00:00Z';
  await db.insert(events).values([
    event('hn-fair', HN, fairStart, 2),
    // Held in Huế: in the national report, not in Hà Nội's.
    event('hue-fair', HUE, '2026-04-01T02:00:00Z', 1),
    // Before the period, after it, and cancelled: never counted.
    event('old', HN, '2025-12-01T02:00:00Z', 1),
    event('cancelled', HN, '2026-05-01T02:00:00Z', 1, 'cancelled' as 'published'),
    // Started in the period but not yet held when the report is made.
    event('coming', HN, '2026-12-10T02:00:00Z', 1),
  ]);
  await db.insert(eventRegistrations).values([
    { id: 'r1', eventId: 'hn-fair', cooperativeId: 'a', booths: 2, status: 'confirmed' },
    // A note that a spreadsheet would run as a formula: the CSV download keeps it text.
    { id: 'r2', eventId: 'hn-fair', cooperativeId: 'b', booths: 1, status: 'confirmed', note: '=HYPERLINK("x")' },
    // Pending and declined registrations are no exhibitors.
    { id: 'r3', eventId: 'hue-fair', cooperativeId: 'c', booths: 1, status: 'confirmed' },
    { id: 'r4', eventId: 'hue-fair', cooperativeId: 'a', booths: 1, status: 'declined' },
    { id: 'r5', eventId: 'old', cooperativeId: 'a', booths: 1, status: 'confirmed' },
  ]);
  await db.insert(eventRegistrationProducts).values([
    { registrationId: 'r1', productId: 'p1' },
    { registrationId: 'r1', productId: 'p2' },
    { registrationId: 'r2', productId: 'p3' },
  ]);
  const start = at(fairStart).getTime();
  await db.insert(inquiries).values([
    // To "a": during the fair, 59 days after its end, 61 days after (not the fair's), spam (never), and before it.
    inquiry('in-fair-r', 'a', new Date(start + DAY)),
    inquiry('follow-up', 'a', new Date(start + 2 * DAY + 59 * DAY)),
    inquiry('too-late', 'a', new Date(start + 2 * DAY + 61 * DAY)),
    inquiry('spam', 'a', new Date(start + DAY), 'spam'),
    inquiry('before', 'a', at('2026-01-10T03:00:00Z')),
    inquiry('hue', 'c', at('2026-04-01T05:00:00Z')),
    // Before the period.
    inquiry('last-year', 'b', at('2025-12-20T03:00:00Z')),
  ]);
  await db.insert(statisticsSnapshots).values([
    { month: '2026-01', area: HN, figures: figures(2, 50), takenAt: at('2026-01-01T00:00:00Z') },
    { month: '2026-06', area: HN, figures: figures(2, 60), takenAt: at('2026-06-01T00:00:00Z') },
    { month: '2025-12', area: HN, figures: figures(1, 0), takenAt: at('2025-12-01T00:00:00Z') },
  ]);
}

const numberOf = (cell: ReportCell) => (cell === null || cell.kind === 'text' ? null : cell.value);

describe.each(bothStores('department-report'))('the department report ($name)', (store) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await store.open());
    await seed(db);
  });
  afterAll(async () => dispose?.());

  async function report(params: Record<string, string>) {
    const { scope, problems } = parseReportScope(new URLSearchParams(params), provinceOptions(), now);
    expect(problems).toEqual({});
    return loadDepartmentReport(db, officer, scope, now);
  }

  it("holds a province's events, exhibitors, products shown and the inquiries of the fair's window", async () => {
    const r = await report({ province: 'ha-noi', from: '2026-01-01', to: '2026-11-24' });
    expect(r.events.map((e) => e.id)).toEqual(['hn-fair']);
    expect(r.events[0]?.exhibitors).toEqual([
      { cooperativeName: 'HTX a', provinceCode: HN, booths: 2, productsShown: 2, inquiries: 2 },
      { cooperativeName: 'HTX b', provinceCode: HN, booths: 1, productsShown: 1, inquiries: 0 },
    ]);
    // a's four inquiries of the period that are not spam (in-fair, follow-up, too-late, before); b's is of 2025.
    expect(r.activity).toEqual({ inquiries: 4, repliedInquiries: 1, eventsHeld: 1, exhibitors: 2, productsShown: 3 });
    expect(r.months.map((row) => row.month)).toEqual(['2026-01', '2026-06']);
    expect(r.start?.figures.fairOrBetterPercent).toBe(50);
    // The period ends this month: the end figures are the figures now, not a snapshot.
    expect(r.end?.month).toBe('2026-11');
    expect(r.end?.figures.activeCooperatives).toBe(2);
  });

  it('holds every province nationally, online and provincial events alike', async () => {
    const r = await report({ from: '2026-01-01', to: '2026-11-24' });
    expect(r.events.map((e) => e.id)).toEqual(['hn-fair', 'hue-fair']);
    expect(r.activity.inquiries).toBe(5);
    expect(r.activity.exhibitors).toBe(3);
  });

  it('is for officers only', async () => {
    const { scope } = parseReportScope(new URLSearchParams(), provinceOptions(), now);
    await expect(loadDepartmentReport(db, null, scope, now)).rejects.toBeInstanceOf(UnauthenticatedError);
    const member = { ...officer, role: 'member', cooperativeId: 'a' } as SessionUser;
    await expect(loadDepartmentReport(db, member, scope, now)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('writes a workbook that an independent reader opens with the tables’ figures, one sheet per table', async () => {
    const r = await report({ province: 'ha-noi', from: '2026-01-01', to: '2026-11-24' });
    const tables = reportTables(r, 'vi');
    const sheets = await readExcelFile(Buffer.from(await reportWorkbook(r, 'vi')));
    expect(sheets.map((s) => s.sheet)).toEqual(['Báo cáo', ...tables.map((t) => t.title)]);
    expect(sheets[0]?.data.flat()).toContain('SỞ CÔNG THƯƠNG');
    expect(sheets[0]?.data.flat()).toContain('UBND THÀNH PHỐ HÀ NỘI');
    for (const table of tables) {
      const sheet = sheets.find((s) => s.sheet === table.title)!;
      expect(sheet.data[0]).toEqual(table.columns.map((c) => c.header));
      expect(sheet.data.length - 1).toBe(table.rows.length);
      table.rows.forEach((row, i) =>
        row.forEach((cell, j) => {
          const read = sheet.data[i + 1]?.[j] ?? null;
          if (cell === null) expect(read).toBeNull();
          else if (cell.kind === 'text') expect(read).toBe(cell.value);
          else if (cell.kind === 'percent') expect(read as number).toBeCloseTo(cell.value / 100, 6);
          else if (cell.kind === 'date') expect((read as unknown as Date).toISOString().slice(0, 10)).toBe(cell.value);
          else expect(read).toBe(numberOf(cell));
        }),
      );
    }
    const exhibitors = sheets.find((s) => s.sheet === 'Đơn vị tham gia')!;
    expect(exhibitors.data[0]).toContain('Hợp tác xã');
    expect(exhibitors.data[1]).toEqual(['Hội chợ hn-fair', at('2026-03-01T00:00:00Z'), 'HTX a', 'Hà Nội', 2, 2, 2]);
  });

  it("writes a PDF whose text, read back, has the department's heading and the report's figures", async () => {
    const r = await report({ province: 'ha-noi', from: '2026-01-01', to: '2026-11-24' });
    const pdf = await openPdf(await reportPdf(r, 'vi'));
    const pages = await Promise.all(
      Array.from({ length: pdf.numPages }, async (_, i) => (await pageText(await pdf.getPage(i + 1))).join(' ')),
    );
    const text = pages.join(' ');
    expect(text).toContain('UBND THÀNH PHỐ HÀ NỘI');
    expect(text).toContain('SỞ CÔNG THƯƠNG');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập – Tự do – Hạnh phúc');
    // The activity table: four inquiries, one replied; the exhibitor a with its two booths.
    expect(text).toMatch(/Lượt hỏi hàng nhận được\s+4\s+Lượt hỏi hàng đã được trả lời\s+1\s/);
    expect(text).toContain('Hội chợ hn-fair');
    expect(pages[0]).toContain(`Trang 1/${pdf.numPages}`);
    const en = await openPdf(await reportPdf(r, 'en'));
    expect((await pageText(await en.getPage(1))).join(' ')).toContain('DEPARTMENT OF INDUSTRY AND TRADE');
  });

  it('lists the booth registrations of a period or of one event, every status, as CSV and XLSX', async () => {
    const { scope } = parseReportScope(
      new URLSearchParams({ province: 'ha-noi', from: '2026-01-01', to: '2026-11-24' }),
      provinceOptions(),
      now,
    );
    const inPeriod = await listRegistrations(db, officer, scope);
    expect(inPeriod.map((row) => [row.eventTitleVi, row.cooperativeName, row.status, row.products])).toEqual([
      ['Hội chợ hn-fair', 'HTX a', 'confirmed', expect.stringMatching(/^Sản phẩm p[12]; Sản phẩm p[12]$/)],
      ['Hội chợ hn-fair', 'HTX b', 'confirmed', 'Sản phẩm p3'],
    ]);
    const oneEvent = await listRegistrations(db, officer, { event: 'hue-fair' });
    expect(oneEvent.map((row) => [row.cooperativeName, row.status])).toEqual([
      ['HTX a', 'declined'],
      ['HTX c', 'confirmed'],
    ]);
    await expect(listRegistrations(db, officer, { event: 'no-such-fair' })).rejects.toBeInstanceOf(NotFoundError);
    const member = { ...officer, role: 'member', cooperativeId: 'a' } as SessionUser;
    await expect(listRegistrations(db, member, scope)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listRegistrations(db, null, scope)).rejects.toBeInstanceOf(UnauthenticatedError);

    const table = registrationTable(oneEvent, 'vi');
    const [sheet] = await readExcelFile(Buffer.from(await workbookBytes([tableSheet(table)])));
    expect(sheet!.sheet).toBe('Đăng ký gian hàng');
    expect(sheet!.data[0]?.slice(0, 7)).toEqual([
      'Sự kiện',
      'Bắt đầu',
      'Tỉnh tổ chức',
      'Hợp tác xã',
      'Tỉnh của hợp tác xã',
      'Trạng thái',
      'Gian hàng',
    ]);
    expect(sheet!.data[1]?.slice(0, 7)).toEqual([
      'Hội chợ hue-fair',
      at('2026-04-01T00:00:00Z'),
      'Huế',
      'HTX a',
      'Hà Nội',
      'Bị từ chối',
      1,
    ]);
    // Registered at: the wall-clock time in Viet Nam, as a date the spreadsheet can sort.
    expect(sheet!.data[1]?.at(-1)).toBeInstanceOf(Date);

    const csv = tableCsv(registrationTable(inPeriod, 'en'));
    expect(csv.startsWith('\uFEFFEvent,Starts,Event province,Cooperative,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});
