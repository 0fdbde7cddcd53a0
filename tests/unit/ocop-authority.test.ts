import { describe, expect, it } from 'vitest';
import { ocopDecidingAuthority, ocopIssuer } from '../../src/server/products/ocop-authority';

describe('ocopDecidingAuthority', () => {
  it('is the provincial People’s Committee for a provincial (3- or 4-star) decision, whatever its date', () => {
    expect(ocopDecidingAuthority('province', '2020-05-01')).toBe('province_committee');
    expect(ocopDecidingAuthority('province', '2026-05-01')).toBe('province_committee');
  });

  it('is the ministry of agriculture of the decision’s day for a national (5-star) one', () => {
    expect(ocopDecidingAuthority('national', '2023-06-30')).toBe('agriculture_ministry');
    // The last day of the Ministry of Agriculture and Rural Development, then the first of the merged ministry.
    expect(ocopDecidingAuthority('national', '2025-02-28')).toBe('agriculture_ministry');
    expect(ocopDecidingAuthority('national', '2025-03-01')).toBe('agriculture_environment_ministry');
  });

  it('carries the cooperative’s province with the authority', () => {
    expect(
      ocopIssuer({ level: 'province', decisionDate: '2026-01-10' }, { provinceVi: 'Bắc Ninh', provinceEn: 'Bac Ninh' }),
    ).toEqual({ authority: 'province_committee', provinceVi: 'Bắc Ninh', provinceEn: 'Bac Ninh' });
  });
});
