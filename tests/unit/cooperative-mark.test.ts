import { describe, expect, it } from 'vitest';
import { cooperativeMark, MARK_SHAPES } from '../../src/server/cooperatives/mark';
import { DEMO_COOPERATIVES } from '../../src/server/db/seed/content/cooperatives';

describe('cooperativeMark', () => {
  it('takes one letter of the name without its kind, never two syllables', () => {
    expect(cooperativeMark('HTX Nước mắm Cát Hải').letter).toBe('N');
    expect(cooperativeMark('Hợp tác xã Gốm sứ Bát Tràng').letter).toBe('G');
    expect(cooperativeMark('Tổ hợp tác Mây tre đan Phú Vinh').letter).toBe('M');
    expect(cooperativeMark('Liên hiệp HTX Vải thiều Lục Ngạn').letter).toBe('V');
    expect(cooperativeMark('đồng xanh').letter).toBe('Đ');
    expect(cooperativeMark('HTX').letter).toBe('H');
  });

  it('is the same for the same name and varies across the demo cooperatives', () => {
    expect(cooperativeMark('HTX Chè Tân Cương')).toEqual(cooperativeMark('HTX Chè Tân Cương'));
    const marks = DEMO_COOPERATIVES.map((seed) => cooperativeMark(seed.name));
    expect(new Set(marks.map((mark) => mark.shape))).toEqual(new Set(MARK_SHAPES));
    expect(new Set(marks.map((mark) => mark.colour)).size).toBeGreaterThan(DEMO_COOPERATIVES.length / 2);
  });
});
