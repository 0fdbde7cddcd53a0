/**
 * Everything /su-kien (/en/events) shows for a URL: the list, or one month as
 * a grid, with the filters read leniently as on the other list pages.
 */
import { provinceOptions } from '../products/filter-options';
import type { Database } from '../db/client';
import { readListPage } from '../search/list-page';
import { addMonths, monthOf, vietnamDate } from '../time/vietnam';
import { listCalendarEvents, listMonthEvents, type EventListPage } from './calendar';
import { type CalendarPageFilters, calendarPageShape, checkEventFilters, effectiveTime } from './calendar-filters';
import { type GridDay, monthGrid } from './month-grid';
import type { EventSummary } from './upcoming';

export interface MonthView {
  month: string;
  previous: string;
  next: string;
  weeks: GridDay<EventSummary>[][];
}

export async function loadCalendarPage(db: Database, params: URLSearchParams, now: Date) {
  let monthView: MonthView | null = null;
  const read = await readListPage(
    calendarPageShape,
    params,
    async (filters: CalendarPageFilters): Promise<EventListPage> => {
      if (filters.view !== 'month') return listCalendarEvents(db, filters, now);
      const month = filters.month ?? monthOf(filters.from ?? vietnamDate(now));
      const items = await listMonthEvents(db, filters, month);
      monthView = {
        month,
        previous: addMonths(month, -1),
        next: addMonths(month, 1),
        weeks: monthGrid(month, items),
      };
      return {
        items,
        total: items.length,
        totalIsCapped: false,
        page: 1,
        limit: Math.max(1, items.length),
        sort: 'soonest',
      };
    },
    checkEventFilters,
  );
  const provinces = provinceOptions();
  return { ...read, provinces, monthView: monthView as MonthView | null, time: effectiveTime(read.filters) };
}

export type CalendarPageData = Awaited<ReturnType<typeof loadCalendarPage>>;
