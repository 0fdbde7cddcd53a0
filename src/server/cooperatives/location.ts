/**
 * Where a cooperative is: the place its manager gave (moderated with the rest
 * of the profile), or else its commune's centre, or else its province's seat;
 * the map and the GeoJSON say which, and mark the last two approximate so
 * nobody drives to a commune's middle looking for a tea cooperative.
 */
import { z } from 'zod';
import { communeCentre } from '../provinces/communes';
import { PROVINCE_SEAT_COORDINATES } from '../provinces/seats';

/**
 * Viet Nam's extent with its islands, WGS 84 degrees: from Cà Mau's cape and
 * Côn Đảo (about 8.4° N, a margin for Hòn Khoai) to Lũng Cú (23.39° N), and
 * from A Pa Chải (102.14° E) to the Spratly Islands (about 117.8° E). A
 * rectangle, so it also takes some sea and a strip of Laos and Cambodia: it
 * catches swapped or mistyped numbers (a latitude in the longitude field, a
 * sign lost, 1,057 for 105.7), which are the mistakes people make.
 */
export const VIETNAM_BOUNDS = { south: 8.1, north: 23.4, west: 102.1, east: 117.9 } as const;

/** Seven decimals are about a centimetre: more is noise from a copy-paste, not precision. */
const roundCoordinate = (value: number) => Math.round(value * 1e7) / 1e7;

function coordinateWithin(min: number, max: number, code: string) {
  return z
    .number()
    .refine((value) => value >= min && value <= max, { params: { code, min, max } })
    .transform(roundCoordinate)
    .nullish()
    .transform((value) => value ?? null);
}

export const latitudeInVietnam = coordinateWithin(VIETNAM_BOUNDS.south, VIETNAM_BOUNDS.north, 'latitude_outside');
export const longitudeInVietnam = coordinateWithin(VIETNAM_BOUNDS.west, VIETNAM_BOUNDS.east, 'longitude_outside');

/** Both or neither: one coordinate alone places nothing. For a schema's superRefine. */
export function checkCoordinatePair(
  place: { latitude: number | null; longitude: number | null },
  ctx: z.RefinementCtx,
): void {
  if ((place.latitude === null) !== (place.longitude === null)) {
    ctx.addIssue({
      code: 'custom',
      params: { code: 'coordinates_pair' },
      path: [place.latitude === null ? 'latitude' : 'longitude'],
    });
  }
}

/** How a cooperative's point was found: its own place, its commune's centre, its province's seat. */
export const PLACEMENTS = ['own', 'commune_centre', 'province_seat'] as const;
export type Placement = (typeof PLACEMENTS)[number];

export interface CooperativeLocation {
  latitude: number;
  longitude: number;
  placedAt: Placement;
  /** True unless the place is the cooperative's own. */
  approximate: boolean;
}

/**
 * The cooperative's own place, else its commune's centre (a commune the
 * reference knows, with a centre), else its province's seat; null only for a
 * province code the reference lacks.
 */
export function cooperativeLocation(cooperative: {
  latitude: number | null;
  longitude: number | null;
  provinceCode: string;
  commune: string;
}): CooperativeLocation | null {
  if (cooperative.latitude !== null && cooperative.longitude !== null)
    return { latitude: cooperative.latitude, longitude: cooperative.longitude, placedAt: 'own', approximate: false };
  const centre = communeCentre(cooperative.provinceCode, cooperative.commune);
  if (centre) return { ...centre, placedAt: 'commune_centre', approximate: true };
  const seat = PROVINCE_SEAT_COORDINATES[cooperative.provinceCode];
  return seat ? { latitude: seat[0], longitude: seat[1], placedAt: 'province_seat', approximate: true } : null;
}
