import { describe, expect, it } from 'vitest';
import { dictionary, LOCALES } from '../../src/i18n';
import { EVENT_FILTER_NAMES, ignoredFilterNames } from '../../src/i18n/filter-names';
import { directoryFilterShape } from '../../src/server/cooperatives/directory-filters';
import { mapFilterShape } from '../../src/server/cooperatives/map-features';
import { calendarPageShape } from '../../src/server/events/calendar-filters';
import { embedShape } from '../../src/server/events/embed';
import { productFilterShape } from '../../src/server/products/product-filters';

/** Every list's query keys, as a notice of ignored filters may name them; the statistics page reads year and province. */
const LIST_KEYS = {
  products: Object.keys(productFilterShape),
  cooperatives: Object.keys(directoryFilterShape),
  map: Object.keys(mapFilterShape),
  events: Object.keys(calendarPageShape),
  embed: Object.keys(embedShape),
  statistics: ['year', 'province'],
};

describe('the names of ignored filters', () => {
  it.each(LOCALES)('names every query key of every list in words (%s)', (locale) => {
    for (const [list, keys] of Object.entries(LIST_KEYS)) {
      const renamed = list === 'events' || list === 'embed' ? EVENT_FILTER_NAMES : {};
      for (const key of keys) {
        const named: Record<string, string> = dictionary(locale).lists.filterNames;
        expect(named[renamed[key] ?? key]?.trim(), `${list}: ${key}`).toBeTruthy();
      }
    }
  });

  it('joins names as a sentence would, in each language', () => {
    expect(ignoredFilterNames(['stars', 'page'], 'vi')).toBe('hạng sao OCOP và số trang');
    expect(ignoredFilterNames(['stars', 'page', 'q'], 'en')).toBe('OCOP rating, page number and search words');
  });

  it("calls an event's kind its kind of event, and a cooperative's its type", () => {
    expect(ignoredFilterNames(['kind'], 'en', EVENT_FILTER_NAMES)).toBe('kind of event');
    expect(ignoredFilterNames(['kind'], 'en')).toBe('type');
    expect(ignoredFilterNames(['stars'], 'vi')).not.toContain('stars');
  });
});
