/**
 * A department report as tables, in the reader's language: the one shape
 * that both the printable page and the XLSX file are drawn from, so the
 * file's figures are the page's figures. Each table becomes a sheet.
 */
import {
  dictionary,
  format,
  formatCalendarDate,
  formatDateTime,
  formatNumber,
  formatShortDate,
  type Locale,
} from '../../i18n';
import { formatMonth } from '../../i18n/event-dates';
import type { FormerUnit } from '../provinces/former-units';
import { provinceByCode, provinceLabelVi } from '../provinces/reference';
import type { TrendFigure } from '../stats/snapshots';
import type { TargetMetric } from '../targets/vocabulary';
import { targetUnit } from '../targets/vocabulary';
import { vietnamDate } from '../time/vietnam';
import { type DepartmentReport, FOLLOW_UP_DAYS } from './department-report';

/**
 * One cell. Percentages are kept as the portal states them (65.5 for
 * 65.5 %); dates as 'YYYY-MM-DD' calendar days in Viet Nam. The downloads
 * (table-files.ts) and the PDF (report-pdf.ts) write the same cells.
 */
export type ReportCell =
  | { kind: 'text'; value: string }
  | { kind: 'count'; value: number }
  | { kind: 'percent'; value: number }
  | { kind: 'date'; value: string }
  /** A moment (an audit entry, a registration), shown in Viet Nam's time. */
  | { kind: 'instant'; value: Date }
  | null;

/** A cell as people read it on the page and in the PDF: figures grouped, dates and times in Viet Nam; '–' for none. */
export function cellText(cell: ReportCell, locale: Locale): string {
  if (cell === null) return '–';
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'count':
      return formatNumber(cell.value, locale);
    case 'percent':
      return `${formatNumber(cell.value, locale)} %`;
    case 'date':
      return formatShortDate(new Date(`${cell.value}T00:00:00+07:00`), locale);
    case 'instant':
      return formatDateTime(cell.value, locale);
  }
}

export interface ReportColumn {
  header: string;
  /** In characters, for the spreadsheet. */
  width: number;
}

export const REPORT_TABLES = ['figures', 'activity', 'months', 'targets', 'events', 'exhibitors'] as const;
export type ReportTableKey = (typeof REPORT_TABLES)[number];

export interface ReportTable {
  key: ReportTableKey;
  /** The section heading and the sheet's name (at most 31 characters, as spreadsheets allow). */
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
}

/** The snapshot figures in the order the report lists them, with the target metric that names each. */
const FIGURES: readonly { figure: TrendFigure; metric: TargetMetric }[] = [
  { figure: 'activeCooperatives', metric: 'active_cooperatives' },
  { figure: 'members', metric: 'cooperative_members' },
  { figure: 'fairOrBetterPercent', metric: 'fair_or_better_share' },
  { figure: 'inValueChainPercent', metric: 'value_chain_share' },
  { figure: 'withPublishedProductPercent', metric: 'selling_online_share' },
  { figure: 'ocopProducts', metric: 'ocop_products' },
  { figure: 'fiveStarProducts', metric: 'five_star_products' },
];

const text = (value: string): ReportCell => ({ kind: 'text', value });
const count = (value: number): ReportCell => ({ kind: 'count', value });
const date = (value: string): ReportCell => ({ kind: 'date', value });
const figure = (metric: TargetMetric, value: number | null | undefined): ReportCell =>
  value === null || value === undefined
    ? null
    : { kind: targetUnit(metric) === 'percent' ? 'percent' : 'count', value };

export function provinceName(code: string, locale: Locale): string {
  const province = provinceByCode(code);
  return locale === 'en' ? province.nameEn : province.nameVi;
}

/** "huyện Vĩnh Linh cũ" / "former Vinh Linh district". */
function areaName(area: FormerUnit | null, locale: Locale): string {
  const t = dictionary(locale);
  return area === null ? t.reports.wholeProvince : format(t.console.targets.areaName[area.kind], { name: area.name });
}

export function reportTables(report: DepartmentReport, locale: Locale): ReportTable[] {
  const t = dictionary(locale);
  const r = t.reports;
  const col = r.columns;
  const metrics = t.console.targets.metrics;
  const targetWords = t.console.targets;
  const month = (value: string) => formatMonth(value, locale);
  const exhibitors = report.events.flatMap((event) => event.exhibitors.map((exhibitor) => ({ event, exhibitor })));
  const eventTitle = (event: DepartmentReport['events'][number]) => (locale === 'en' ? event.titleEn : event.titleVi);
  const inquiriesHeader = format(col.inquiries, { days: FOLLOW_UP_DAYS });
  const { start, end } = report;

  return [
    {
      key: 'figures',
      title: r.sections.figures,
      columns: [
        { header: col.indicator, width: 48 },
        { header: format(col.start, { month: month(start?.month ?? report.scope.from.slice(0, 7)) }), width: 20 },
        { header: format(col.end, { month: month(end?.month ?? report.scope.to.slice(0, 7)) }), width: 20 },
      ],
      rows: FIGURES.map(({ figure: key, metric }) => [
        text(metrics[metric]),
        figure(metric, start?.figures[key]),
        figure(metric, end?.figures[key]),
      ]),
    },
    {
      key: 'activity',
      title: r.sections.activity,
      columns: [
        { header: col.indicator, width: 48 },
        { header: col.value, width: 14 },
      ],
      rows: (['inquiries', 'repliedInquiries', 'eventsHeld', 'exhibitors', 'productsShown'] as const).map((key) => [
        text(r.activity[key]),
        count(report.activity[key]),
      ]),
    },
    {
      key: 'months',
      title: r.sections.months,
      columns: [
        { header: col.month, width: 18 },
        ...FIGURES.map(({ metric }) => ({ header: metrics[metric], width: 18 })),
      ],
      rows: report.months.map((row) => [
        text(month(row.month)),
        ...FIGURES.map(({ figure: key, metric }) => figure(metric, row.figures[key])),
      ]),
    },
    {
      key: 'targets',
      title: r.sections.targets,
      columns: [
        { header: col.province, width: 18 },
        { header: col.metric, width: 44 },
        { header: col.area, width: 22 },
        { header: col.source, width: 26 },
        { header: col.minimum, width: 12 },
        { header: col.maximum, width: 12 },
        { header: col.due, width: 12 },
        { header: col.current, width: 12 },
        { header: col.progress, width: 10 },
        { header: col.state, width: 18 },
        { header: col.pace, width: 24 },
      ],
      rows: report.targets.map(({ target, progress, trajectory }) => [
        text(locale === 'en' ? target.province.nameEn : target.province.nameVi),
        text(metrics[target.metric]),
        text(areaName(target.area, locale)),
        text(target.source),
        figure(target.metric, target.minimum),
        figure(target.metric, target.maximum),
        date(target.dueDate),
        figure(target.metric, progress.current),
        progress.fraction === null ? null : { kind: 'percent', value: Math.round(progress.fraction * 1000) / 10 },
        text(targetWords.states[progress.state]),
        text(
          format(targetWords.trajectories[trajectory.kind], {
            year:
              trajectory.kind === 'on_pace'
                ? trajectory.year
                : trajectory.kind === 'not_by_due'
                  ? trajectory.dueYear
                  : '',
          }),
        ),
      ]),
    },
    {
      key: 'events',
      title: r.sections.events,
      columns: [
        { header: col.starts, width: 12 },
        { header: col.ends, width: 12 },
        { header: col.event, width: 48 },
        { header: col.kind, width: 24 },
        { header: col.province, width: 18 },
        { header: col.exhibitors, width: 12 },
        { header: col.booths, width: 10 },
        { header: col.productsShown, width: 12 },
        { header: inquiriesHeader, width: 16 },
      ],
      rows: report.events.map((event) => {
        const sum = (key: 'booths' | 'productsShown' | 'inquiries') =>
          event.exhibitors.reduce((total, row) => total + row[key], 0);
        return [
          date(vietnamDate(event.startsAt)),
          date(vietnamDate(event.endsAt)),
          text(eventTitle(event)),
          text(t.events.kinds[event.kind]),
          text(event.provinceCode === null ? r.online : provinceName(event.provinceCode, locale)),
          count(event.exhibitors.length),
          count(sum('booths')),
          count(sum('productsShown')),
          count(sum('inquiries')),
        ];
      }),
    },
    {
      key: 'exhibitors',
      title: r.sections.exhibitors,
      columns: [
        { header: col.event, width: 40 },
        { header: col.starts, width: 12 },
        { header: col.cooperative, width: 40 },
        { header: col.province, width: 18 },
        { header: col.booths, width: 10 },
        { header: col.productsShown, width: 12 },
        { header: inquiriesHeader, width: 16 },
      ],
      rows: exhibitors.map(({ event, exhibitor }) => [
        text(eventTitle(event)),
        date(vietnamDate(event.startsAt)),
        text(exhibitor.cooperativeName),
        text(exhibitor.provinceCode ? provinceName(exhibitor.provinceCode, locale) : ''),
        count(exhibitor.booths),
        count(exhibitor.productsShown),
        count(exhibitor.inquiries),
      ]),
    },
  ];
}

export interface ReportHeading {
  /** The issuing body's superior and the body, as on an administrative document's top left. */
  superior: string;
  department: string;
  title: string;
  /** "Quảng Trị, từ ngày 1 tháng 1, 2026 đến ngày 3 tháng 12, 2026". */
  scope: string;
  generated: string;
}

export function reportHeading(report: DepartmentReport, locale: Locale): ReportHeading {
  const t = dictionary(locale);
  const h = t.reports.heading;
  const province = report.scope.province;
  const row = province ? provinceByCode(province.code) : null;
  return {
    superior: row
      ? format(h.superior, { province: locale === 'en' ? row.nameEn : provinceLabelVi(row) }).toLocaleUpperCase(
          locale === 'en' ? 'en' : 'vi',
        )
      : h.national,
    department: row ? h.department : h.nationalSub,
    title: h.title,
    scope: format(h.scope, {
      area: row ? (locale === 'en' ? row.nameEn : row.nameVi) : t.reports.allProvinces,
      from: formatCalendarDate(report.scope.from, locale),
      to: formatCalendarDate(report.scope.to, locale),
    }),
    generated: format(h.generated, { time: formatDateTime(report.generatedAt, locale) }),
  };
}
