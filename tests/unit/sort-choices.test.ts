import { describe, expect, it } from 'vitest';
import { sortChoices } from '../../src/components/lists/sort-choices';
import { en } from '../../src/i18n/en';
import { PRODUCT_SORTS } from '../../src/server/products/product-filters';

describe('a list’s sort menu', () => {
  const menu = (searching: boolean) =>
    sortChoices(PRODUCT_SORTS, en.lists.sorts, { searching, unsearched: 'newest', relevance: 'relevance' });

  it('names each order once: the default first, best match only for a search', () => {
    const searched = menu(true);
    expect(searched.allLabel).toBe('Best match');
    expect(searched.options.map((option) => option.label)).toEqual([
      'Newest',
      'Most stars',
      'Price, low to high',
      'Price, high to low',
    ]);
    const browsed = menu(false);
    expect(browsed.allLabel).toBe('Newest');
    expect(browsed.options.map((option) => option.value)).toEqual(['stars', 'price_asc', 'price_desc']);
  });
});
