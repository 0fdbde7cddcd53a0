/**
 * A cooperative's place: inside Viet Nam's extent (islands included), both
 * coordinates or neither, and the commune's centre or else the province's
 * seat, marked approximate, when none is given.
 */
import { describe, expect, it } from 'vitest';
import { cooperativeProfileSchema } from '../../src/server/cooperatives/profile-changes';
import { cooperativeLocation, VIETNAM_BOUNDS } from '../../src/server/cooperatives/location';
import { PROVINCES } from '../../src/server/provinces/reference';
import { PROVINCE_SEAT_COORDINATES } from '../../src/server/provinces/seats';
import { fieldIssuesOf } from '../../src/server/validation';

const NOW = new Date('2026-12-01T00:00:00Z');
const profile = {
  name: 'HTX Chè Tân Cương',
  kind: 'hop_tac_xa',
  registrationCode: '4600123456',
  foundedYear: 2010,
  provinceCode: '19',
  commune: 'xã Tân Cương',
  address: 'Xóm Guộc, xã Tân Cương',
  sector: 'trong_trot',
  members: 40,
  logoUrl: null,
};
const issuesOf = (place: Record<string, unknown>) =>
  fieldIssuesOf(cooperativeProfileSchema(NOW), { ...profile, ...place });

describe('cooperative coordinates', () => {
  it('accepts places on the mainland and the islands, and none at all', () => {
    const places = [
      { latitude: 21.5942, longitude: 105.8482 }, // Thái Nguyên
      { latitude: 23.3636, longitude: 105.3156 }, // Lũng Cú, the northern tip
      { latitude: 8.6833, longitude: 106.6 }, // Côn Đảo
      { latitude: 10.3833, longitude: 114.3667 }, // Trường Sa (Spratly Islands)
      { latitude: 16.5333, longitude: 111.6 }, // Hoàng Sa (Paracel Islands)
      { latitude: 22.4, longitude: 102.14 }, // A Pa Chải, the western tip
      {},
      { latitude: null, longitude: null },
    ];
    for (const place of places) expect(issuesOf(place), JSON.stringify(place)).toEqual({});
  });

  it('refuses each coordinate outside Viet Nam by its own field', () => {
    expect(issuesOf({ latitude: 105.8, longitude: 21.5 })).toEqual({
      latitude: { code: 'latitude_outside', params: { min: VIETNAM_BOUNDS.south, max: VIETNAM_BOUNDS.north } },
      longitude: { code: 'longitude_outside', params: { min: VIETNAM_BOUNDS.west, max: VIETNAM_BOUNDS.east } },
    });
    expect(Object.keys(issuesOf({ latitude: -21.5, longitude: 105.8 }))).toEqual(['latitude']);
    expect(Object.keys(issuesOf({ latitude: 21.5, longitude: 1058 }))).toEqual(['longitude']);
    expect(Object.keys(issuesOf({ latitude: 48.85, longitude: 2.35 })).sort()).toEqual(['latitude', 'longitude']);
    expect(issuesOf({ latitude: 'abc', longitude: 105.8 }).latitude?.code).toBe('number_invalid');
  });

  it('wants both or neither', () => {
    expect(issuesOf({ latitude: 21.5 })).toEqual({ longitude: { code: 'coordinates_pair', params: {} } });
    expect(issuesOf({ longitude: 105.8 })).toEqual({ latitude: { code: 'coordinates_pair', params: {} } });
  });

  it('stores a copy-pasted coordinate without its noise', () => {
    const parsed = cooperativeProfileSchema(NOW).parse({
      ...profile,
      latitude: 21.594212345678,
      longitude: 105.84829999999,
    });
    expect([parsed.latitude, parsed.longitude]).toEqual([21.5942123, 105.8483]);
  });

  it('falls back to the commune’s centre, else the province seat, marked approximate', () => {
    const unplaced = { latitude: null, longitude: null, provinceCode: '19' };
    expect(cooperativeLocation({ ...unplaced, latitude: 21.6, longitude: 105.8, commune: 'xã Tân Cương' })).toEqual({
      latitude: 21.6,
      longitude: 105.8,
      placedAt: 'own',
      approximate: false,
    });
    expect(cooperativeLocation({ ...unplaced, commune: 'xã Tân Cương' })).toEqual({
      latitude: 21.519,
      longitude: 105.787,
      placedAt: 'commune_centre',
      approximate: true,
    });
    expect(cooperativeLocation({ ...unplaced, commune: 'xã Không Có' })).toEqual({
      latitude: 21.594,
      longitude: 105.848,
      placedAt: 'province_seat',
      approximate: true,
    });
    expect(cooperativeLocation({ ...unplaced, provinceCode: '99', commune: 'xã Tân Cương' })).toBeNull();
  });

  it('knows a seat inside Viet Nam for every province', () => {
    for (const province of PROVINCES) {
      const seat = PROVINCE_SEAT_COORDINATES[province.code];
      expect(seat, province.nameVi).toBeDefined();
      const [lat, lng] = seat ?? [0, 0];
      expect(lat >= VIETNAM_BOUNDS.south && lat <= VIETNAM_BOUNDS.north, province.nameVi).toBe(true);
      expect(lng >= VIETNAM_BOUNDS.west && lng <= VIETNAM_BOUNDS.east, province.nameVi).toBe(true);
    }
  });
});
