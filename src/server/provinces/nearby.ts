/**
 * The provinces nearest to some chosen ones, by the distance between their
 * seats: what a list narrowed to one province suggests when it finds little.
 */
import { PROVINCES } from './reference';
import { PROVINCE_SEAT_COORDINATES } from './seats';

/** Up to `count` province slugs, nearest first, not among `slugs`; none when `slugs` names no province. */
export function nearbyProvinces(slugs: readonly string[], count: number): string[] {
  const chosen = PROVINCES.filter((province) => slugs.includes(province.slug));
  const seat = (code: string) => PROVINCE_SEAT_COORDINATES[code] ?? [0, 0];
  // Degrees squared, with longitude shrunk by the cosine of Viet Nam's latitudes (about 0.95): enough to rank.
  const distance = (a: string, b: string) => {
    const [[latA, lngA], [latB, lngB]] = [seat(a), seat(b)];
    return (latA - latB) ** 2 + ((lngA - lngB) * 0.95) ** 2;
  };
  if (chosen.length === 0) return [];
  return PROVINCES.filter((province) => !slugs.includes(province.slug))
    .map((province) => ({
      slug: province.slug,
      distance: Math.min(...chosen.map((c) => distance(c.code, province.code))),
    }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, count)
    .map((near) => near.slug);
}
