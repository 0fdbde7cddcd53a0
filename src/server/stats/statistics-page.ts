/**
 * What /thong-ke shows for a URL: the statistics for `?province=&year=`, with
 * the choices for the filter form. A value that names nothing is dropped and
 * reported (as on the list pages), so a stale link still shows figures.
 */
import { provinceOptions, type ProvinceOption } from '../products/filter-options';
import type { Database } from '../db/client';
import { vietnamDate } from '../time/vietnam';
import { type CatalogueStatistics, readCatalogueStatistics, statisticsYears } from './catalogue-statistics';
import { NATIONAL_AREA, readTrend, type TrendRow } from './snapshots';

export interface StatisticsPageData {
  statistics: CatalogueStatistics;
  province: ProvinceOption | null;
  provinces: ProvinceOption[];
  years: number[];
  /** The year shown when none is asked for (this year in Viet Nam). */
  currentYear: number;
  /** Parameter names whose values were not understood and were ignored. */
  ignored: string[];
  /** The view's monthly snapshots (the country or the province), oldest first. */
  trend: TrendRow[];
}

export async function loadStatisticsPage(
  db: Database,
  params: URLSearchParams,
  now: Date,
): Promise<StatisticsPageData> {
  const ignored: string[] = [];
  const years = statisticsYears(now);
  const yearParam = params.get('year');
  const currentYear = Number(vietnamDate(now).slice(0, 4));
  let year = currentYear;
  if (yearParam) {
    if (/^\d{4}$/.test(yearParam) && years.includes(Number(yearParam))) year = Number(yearParam);
    else ignored.push('year');
  }
  const provinces = provinceOptions();
  const slug = params.get('province') || null;
  const province = slug ? (provinces.find((p) => p.slug === slug) ?? null) : null;
  if (slug && !province) ignored.push('province');
  const [statistics, trend] = await Promise.all([
    readCatalogueStatistics(db, { provinceCode: province?.code ?? null, year }, now),
    readTrend(db, province?.code ?? NATIONAL_AREA, now),
  ]);
  return { statistics, province, provinces, years, currentYear, ignored, trend };
}
