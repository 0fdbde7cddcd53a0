/**
 * The field-by-field diff of a proposed version against the published one:
 * what an officer reviews, what an approval writes and what the audit log
 * keeps; and its rows in the reader's language.
 */
import { describe, expect, it } from 'vitest';
import { changedLabels, diffRows } from '../../src/components/dashboard/diff-rows';
import { changedFieldNames, changeLog, diffFields, proposedColumns } from '../../src/server/moderation/revision-diff';

const FIELDS = ['nameVi', 'descriptionVi', 'priceVnd', 'commune', 'provinceCode'] as const;
const published = { nameVi: 'Chè Tân Cương', descriptionVi: '', priceVnd: 300000, commune: null, provinceCode: '19' };

describe('diffFields', () => {
  it('marks exactly the fields whose value differs, in the given order', () => {
    const changes = diffFields(FIELDS, published, { ...published, priceVnd: 320000, commune: 'Xã Tân Cương' });
    expect(changes.map((c) => [c.field, c.changed])).toEqual([
      ['nameVi', false],
      ['descriptionVi', false],
      ['priceVnd', true],
      ['commune', true],
      ['provinceCode', false],
    ]);
    expect(changedFieldNames(changes)).toEqual(['priceVnd', 'commune']);
    expect(changeLog(changes)).toEqual({ priceVnd: [300000, 320000], commune: [null, 'Xã Tân Cương'] });
  });

  it('reads blank text and a missing value as the same (no change the public could see)', () => {
    const changes = diffFields(FIELDS, published, { ...published, descriptionVi: null, commune: '' });
    expect(changedFieldNames(changes)).toEqual([]);
  });

  it('tells 0 from blank and a number from its text only by value', () => {
    expect(changedFieldNames(diffFields(['priceVnd'], { priceVnd: null }, { priceVnd: 0 }))).toEqual(['priceVnd']);
    expect(changedFieldNames(diffFields(['priceVnd'], { priceVnd: 5 }, { priceVnd: 6 }))).toEqual(['priceVnd']);
  });

  it('with nothing published, counts every filled field as changed', () => {
    const changes = diffFields(FIELDS, null, { ...published });
    expect(changes.every((c) => c.before === null)).toBe(true);
    expect(changedFieldNames(changes)).toEqual(['nameVi', 'priceVnd', 'provinceCode']);
  });
});

describe('proposedColumns', () => {
  it('keeps only the record’s own fields, so a stored proposal cannot reach other columns', () => {
    const stored = { ...published, status: 'draft', cooperativeId: 'someone-else', ocopStars: 5 };
    expect(proposedColumns(FIELDS, stored)).toEqual(published);
    expect(Object.keys(proposedColumns(FIELDS, stored))).toEqual([...FIELDS]);
  });
});

describe('diff rows in the reader’s language', () => {
  it('shows products’ provinces by name, prices in đồng and blanks as such', () => {
    const changes = diffFields(FIELDS, published, { ...published, priceVnd: 320000, provinceCode: '01' });
    const vi = diffRows('product', changes, 'vi');
    expect(vi.find((row) => row.label === 'Tỉnh, thành phố')).toMatchObject({
      before: 'Thái Nguyên',
      after: 'Hà Nội',
      changed: true,
    });
    expect(vi.find((row) => row.label.startsWith('Giá'))?.after).toMatch(/320\.000\s*₫/);
    expect(diffRows('product', changes, 'en').find((row) => row.label.startsWith('Description'))?.after).toBe(
      '(empty)',
    );
    expect(changedLabels('product', changes, 'en')).toEqual(['Price (VND)', 'Province or city']);
  });

  it('shows a cooperative’s legal form and sector in words', () => {
    const changes = diffFields(
      ['kind', 'sector'],
      { kind: 'to_hop_tac', sector: 'trong_trot' },
      { kind: 'hop_tac_xa', sector: 'trong_trot' },
    );
    const rows = diffRows('cooperative', changes, 'en');
    expect(rows[0]).toMatchObject({ label: 'Legal form', changed: true });
    expect(rows[0]?.after).not.toBe('hop_tac_xa');
    expect(rows[1]?.before).not.toBe('trong_trot');
    expect(rows[1]?.changed).toBe(false);
  });
});
