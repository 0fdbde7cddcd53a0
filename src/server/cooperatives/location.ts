/**
 * Where a cooperative is: the place its manager gave (moderated with the rest
 * of the profile), or else its province's seat, which the map and the GeoJSON
 * mark as approximate so nobody drives to a people's committee looking for a
 * tea cooperative.
 */
import { z } from 'zod';
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

export interface CooperativeLocation {
  latitude: number;
  longitude: number;
  /** True when this is the province's seat standing in for a place the cooperative has not given. */
  approximate: boolean;
}

/** The cooperative's own place, else its province's seat; null only for a province code the reference lacks. */
export function cooperativeLocation(cooperative: {
  latitude: number | null;
  longitude: number | null;
  provinceCode: string;
}): CooperativeLocation | null {
  if (cooperative.latitude !== null && cooperative.longitude !== null)
    return { latitude: cooperative.latitude, longitude: cooperative.longitude, approximate: false };
  const seat = PROVINCE_SEAT_COORDINATES[cooperative.provinceCode];
  return seat ? { latitude: seat[0], longitude: seat[1], approximate: true } : null;
}
