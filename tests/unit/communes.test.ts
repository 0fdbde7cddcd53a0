/**
 * The communes since 1 July 2025 (generated reference), the finder that
 * reads them as people type them, and the rule the profile and product
 * forms (and so the imports) hold a commune to.
 */
import { describe, expect, it } from 'vitest';
import { VIETNAM_BOUNDS } from '../../src/server/cooperatives/location';
import { cooperativeProfileSchema } from '../../src/server/cooperatives/profile-changes';
import { productInputSchema } from '../../src/server/products/product-input';
import { fieldIssuesOf } from '../../src/server/validation';
import { COMMUNE_DATA } from '../../src/server/provinces/commune-data';
import { type CommuneMatch, communeCentre, communesOf, findCommune } from '../../src/server/provinces/communes';
import { FORMER_UNITS } from '../../src/server/provinces/former-units';
import { PROVINCES } from '../../src/server/provinces/reference';
import { PROVINCE_SEAT_COORDINATES } from '../../src/server/provinces/seats';
import { resolutionToneMarks } from '../../src/server/provinces/tone-marks';

const labelOf = (match: CommuneMatch) => (match.status === 'found' ? match.commune.label : match.status);

describe('the commune reference', () => {
  it('has every province’s units, 3,321 in all, with unique codes', () => {
    expect(Object.keys(COMMUNE_DATA).sort()).toEqual(PROVINCES.map((province) => province.code).sort());
    const all = PROVINCES.flatMap((province) => communesOf(province.code));
    expect(all).toHaveLength(3321);
    expect(new Set(all.map((commune) => commune.code)).size).toBe(3321);
    expect(communesOf('01')).toHaveLength(126);
    expect(communesOf('79')).toHaveLength(168);
    expect(all.filter((commune) => commune.kind === 'dac_khu')).toHaveLength(13);
  });

  it('places centres in Viet Nam, within a few hundred kilometres of their province’s seat', () => {
    for (const province of PROVINCES) {
      const [seatLat, seatLng] = PROVINCE_SEAT_COORDINATES[province.code]!;
      for (const { centre, label } of communesOf(province.code)) {
        if (!centre) continue;
        expect(centre.latitude, label).toBeGreaterThanOrEqual(VIETNAM_BOUNDS.south);
        expect(centre.latitude, label).toBeLessThanOrEqual(VIETNAM_BOUNDS.north);
        expect(centre.longitude, label).toBeGreaterThanOrEqual(VIETNAM_BOUNDS.west);
        expect(centre.longitude, label).toBeLessThanOrEqual(VIETNAM_BOUNDS.east);
        // Côn Đảo and Hoàng Sa are the farthest from their cities' seats (about 230 and 400 km).
        expect(Math.hypot(centre.latitude - seatLat, centre.longitude - seatLng), label).toBeLessThan(4.5);
      }
    }
    const withoutCentre = PROVINCES.flatMap((province) => communesOf(province.code)).filter((c) => !c.centre);
    expect(withoutCentre.map((commune) => commune.label)).toEqual(['đặc khu Trường Sa']);
  });

  it('writes tone marks as the resolutions do', () => {
    expect(resolutionToneMarks('Hoà Bình')).toBe('Hòa Bình');
    expect(resolutionToneMarks('Thuỷ Xuân')).toBe('Thủy Xuân');
    expect(resolutionToneMarks('Hoàng Mai')).toBe('Hoàng Mai');
    expect(resolutionToneMarks('Phú Quý')).toBe('Phú Quý');
    expect(resolutionToneMarks('Thuận Hoá')).toBe('Thuận Hóa');
    expect(communesOf('68').some((commune) => commune.name === 'Bình Thuận')).toBe(true);
  });
});

describe('findCommune', () => {
  it('reads a name with or without marks, kind, case and extra spaces', () => {
    for (const typed of [
      'xã Bát Tràng',
      'Xã Bát Tràng',
      'Bát Tràng',
      'bat trang',
      '  XA   BAT   TRANG ',
      'x. Bát Tràng',
      'Xã Bát Tràng'.normalize('NFD'),
      '00577',
    ])
      expect(labelOf(findCommune('01', typed)), typed).toBe('xã Bát Tràng');
    expect(labelOf(findCommune('31', 'Dac khu Cat Hai'))).toBe('đặc khu Cát Hải');
    expect(labelOf(findCommune('33', 'P. Hồng Châu'))).toBe('phường Hồng Châu');
    expect(labelOf(findCommune('46', 'Phường Thuận Hoá'))).toBe('phường Thuận Hóa');
  });

  it('reads a name that begins like a kind as a name ("Phượng Sơn" is not phường Sơn)', () => {
    for (const typed of ['Phượng Sơn', 'phuong son', 'Phường Phượng Sơn', 'P. Phuong Son'])
      expect(labelOf(findCommune('24', typed)), typed).toBe('phường Phượng Sơn');
  });

  it('holds the former units’ communes, which plans count by, to the reference', () => {
    for (const unit of FORMER_UNITS)
      for (const name of unit.communes) {
        const match = findCommune(unit.provinceCode, name);
        expect(match.status === 'found' && match.commune.name, `${unit.key}: ${name}`).toBe(name);
      }
  });

  it('finds the commune within its province only', () => {
    expect(findCommune('33', 'Bát Tràng')).toMatchObject({ status: 'unknown' });
    expect(findCommune('99', 'Bát Tràng')).toEqual({ status: 'unknown', suggestion: null });
  });

  it('suggests the nearest name for a misspelt one, and nothing for a name far from all', () => {
    const typo = findCommune('01', 'Bat Trangg');
    expect(typo.status).toBe('unknown');
    expect(typo.status === 'unknown' && typo.suggestion?.label).toBe('xã Bát Tràng');
    // Hồng Nam joined phường Hồng Châu in 2025: no unit of that name, none close to it.
    expect(findCommune('33', 'Xã Hồng Nam')).toEqual({ status: 'unknown', suggestion: null });
    expect(findCommune('01', 'Zzzzzz')).toEqual({ status: 'unknown', suggestion: null });
  });

  it('suggests the unit of the name when the kind typed is wrong', () => {
    const match = findCommune('33', 'xã Hồng Châu');
    expect(match.status === 'unknown' && match.suggestion?.label).toBe('phường Hồng Châu');
  });

  it('tells names that differ only in marks apart when they are typed with them, and not without', () => {
    expect(labelOf(findCommune('51', 'Ba Tơ'))).toBe('xã Ba Tơ');
    expect(labelOf(findCommune('51', 'xã Ba Tô'))).toBe('xã Ba Tô');
    const ambiguous = findCommune('51', 'Ba To');
    expect(ambiguous.status).toBe('ambiguous');
    expect(ambiguous.status === 'ambiguous' && ambiguous.candidates.map((c) => c.label).sort()).toEqual([
      'xã Ba Tô',
      'xã Ba Tơ',
    ]);
  });

  it('lets the kind choose between a phường and a xã of one folded name', () => {
    expect(findCommune('82', 'My Tho').status).toBe('ambiguous');
    expect(labelOf(findCommune('82', 'phuong My Tho'))).toBe('phường Mỹ Tho');
    expect(labelOf(findCommune('82', 'xa my tho'))).toBe('xã Mỹ Thọ');
  });

  it('gives a stored commune’s centre', () => {
    expect(communeCentre('01', 'xã Bát Tràng')).toEqual({ latitude: 20.969, longitude: 105.912 });
    expect(communeCentre('01', 'xã Không Có')).toBeNull();
    expect(communeCentre('56', 'đặc khu Trường Sa')).toBeNull();
  });
});

describe('the commune rule of the profile and product forms', () => {
  const profile = {
    name: 'HTX Gốm Bát Tràng',
    kind: 'hop_tac_xa',
    registrationCode: '0101234567',
    foundedYear: 2010,
    provinceCode: '01',
    commune: 'bat trang',
    address: 'Thôn 1, xã Bát Tràng',
    sector: 'thu_cong',
    members: 40,
    logoUrl: null,
  };
  const schema = cooperativeProfileSchema(new Date('2026-12-01T00:00:00Z'));

  it('stores the commune as the reference spells it', () => {
    expect(schema.parse(profile).commune).toBe('xã Bát Tràng');
    expect(schema.parse({ ...profile, commune: 'Lâm Viên – Đà Lạt', provinceCode: '68' }).commune).toBe(
      'phường Lâm Viên - Đà Lạt',
    );
  });

  it('refuses an unknown or ambiguous commune on the commune field, with the nearest name', () => {
    expect(fieldIssuesOf(schema, { ...profile, commune: 'Bat Trangg' })).toEqual({
      commune: { code: 'commune_unknown_suggestion', params: { suggestion: 'xã Bát Tràng' } },
    });
    expect(fieldIssuesOf(schema, { ...profile, provinceCode: '51', commune: 'Ba To' })).toEqual({
      commune: { code: 'commune_ambiguous', params: { candidates: expect.stringContaining('xã Ba Tơ') } },
    });
  });

  it('checks a product’s commune when it has one', () => {
    const product = {
      nameVi: 'Nhãn lồng Hưng Yên',
      ocopGroup: 'thuc_pham',
      provinceCode: '33',
      unitVi: 'kg',
      minOrder: 10,
    };
    expect(productInputSchema.parse({ ...product, commune: null }).commune).toBeNull();
    expect(productInputSchema.parse({ ...product, commune: 'Hong Chau' }).commune).toBe('phường Hồng Châu');
    expect(fieldIssuesOf(productInputSchema, { ...product, commune: 'Xã Hồng Nam' })).toEqual({
      commune: { code: 'commune_unknown', params: {} },
    });
  });
});
