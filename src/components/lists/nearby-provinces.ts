/** The nearby provinces a near-empty list narrowed to some provinces offers (ListLayout). */
import { nearbyProvinces } from '../../server/provinces/nearby';
import type { FacetCounts } from '../../server/search/facets';

/** How many nearby provinces are offered at most. */
const NEARBY_OFFERED = 4;

/**
 * The provinces nearest the chosen ones where the same search finds
 * something, nearest first, each with how much (the list's province facet:
 * what the list gives with that province instead).
 */
export function nearbyWithResults(
  chosen: readonly string[] | undefined,
  facet: FacetCounts | undefined,
): { slug: string; total: number }[] {
  return nearbyProvinces(chosen ?? [], NEARBY_OFFERED)
    .map((slug) => ({ slug, total: facet?.counts[slug] ?? 0 }))
    .filter((near) => near.total > 0);
}
