/** The dashboard forms' pure parts: step rows from posted fields, row moves, and typed values to domain input (the product's own code among them). */
import { describe, expect, it } from 'vitest';
import {
  applyRowAction,
  batchInputFrom,
  batchFieldsFrom,
  blankRow,
  rowAction,
  stepRowsFrom,
} from '../../functions/pages/dashboard/batch-form';
import { isoToVietnamLocal, optionalNumber, vietnamLocalToIso } from '../../functions/pages/dashboard/form-values';
import { productInputFrom, productValuesFrom } from '../../functions/pages/dashboard/product-form';
import { productInputSchema } from '../../src/server/products/product-input';

const validProduct = { nameVi: 'Mật ong', ocopGroup: 'thuc_pham', provinceCode: '33', unitVi: 'chai', minOrder: 1 };

const row = (kind: string) => ({ ...blankRow(), kind });

describe('batch form rows', () => {
  it('reads step rows in index order, skipping gaps, and ignores other names', () => {
    const rows = stepRowsFrom({
      'steps.10.kind': 'packaged',
      'steps.2.kind': 'harvested',
      'steps.2.place': 'Đồi',
      lotCode: 'A',
      'steps.x.kind': 'no',
    });
    expect(rows.map((r) => [r.kind, r.place])).toEqual([
      ['harvested', 'Đồi'],
      ['packaged', ''],
    ]);
  });

  it('moves, removes and adds rows; a move past either end changes nothing', () => {
    const rows = [row('a'), row('b'), row('c')];
    expect(applyRowAction(rows, rowAction('up:1')).map((r) => r.kind)).toEqual(['b', 'a', 'c']);
    expect(applyRowAction(rows, rowAction('down:1')).map((r) => r.kind)).toEqual(['a', 'c', 'b']);
    expect(applyRowAction(rows, rowAction('up:0')).map((r) => r.kind)).toEqual(['a', 'b', 'c']);
    expect(applyRowAction(rows, rowAction('down:2')).map((r) => r.kind)).toEqual(['a', 'b', 'c']);
    expect(applyRowAction(rows, rowAction('remove:0')).map((r) => r.kind)).toEqual(['b', 'c']);
    expect(applyRowAction(rows, rowAction('add'))).toHaveLength(4);
    expect(rowAction('anything else')).toEqual({ kind: 'save' });
    expect(rows.map((r) => r.kind)).toEqual(['a', 'b', 'c']);
  });

  it('turns typed values into the types the schema expects, leaving wrong ones for it to name', () => {
    const input = batchInputFrom(batchFieldsFrom({ lotCode: ' L1 ', quantity: '1,5', productionDate: '2026-06-01' }), [
      { ...row('harvested'), occurredAt: '2026-06-01T07:30', latitude: 'abc', longitude: '' },
    ]);
    expect(input).toMatchObject({ lotCode: 'L1', quantity: 1.5, bestBefore: null });
    expect(input.steps[0]).toMatchObject({
      occurredAt: '2026-06-01T07:30:00+07:00',
      latitude: 'abc',
      longitude: null,
      provinceCode: null,
    });
    expect(batchInputFrom(batchFieldsFrom({}), []).quantity).toBeUndefined();
  });
});

describe('form values', () => {
  it('reads Viet Nam wall-clock times and writes them back', () => {
    expect(vietnamLocalToIso('2026-06-01T07:30')).toBe('2026-06-01T07:30:00+07:00');
    expect(vietnamLocalToIso('not a time')).toBe('not a time');
    expect(isoToVietnamLocal(new Date('2026-06-01T00:30:00Z'))).toBe('2026-06-01T07:30');
    expect(optionalNumber('')).toBeNull();
    expect(optionalNumber('21,5')).toBe(21.5);
    expect(optionalNumber('65%')).toBe(65);
    expect(optionalNumber('65,5 %')).toBe(65.5);
    expect(optionalNumber('%')).toBe('%');
    expect(optionalNumber('6%5')).toBe('6%5');
  });

  it('reads prices with thousands separators as whole dong', () => {
    const price = (typed: string) => productInputFrom({ priceVnd: typed }).priceVnd;
    expect(price('120.000')).toBe(120000);
    expect(price('1 250 000')).toBe(1250000);
    expect(price('85000')).toBe(85000);
    expect(price('')).toBeNull();
    expect(price('12,5')).toBe('12,5');
  });

  it("reads the cooperative's own product code, and writes it back into the form", () => {
    const posted = productValuesFrom({ sku: ' MOHN-500 ', status: 'published' });
    expect(posted.sku).toBe(' MOHN-500 ');
    expect(posted).not.toHaveProperty('status');
    expect(productInputFrom({ ...posted }).sku).toBe('MOHN-500');
    expect(productInputFrom({ sku: '  ' }).sku).toBeNull();
    const [issue] = productInputSchema.safeParse({ ...validProduct, sku: 'MO HN' }).error?.issues ?? [];
    expect(issue).toMatchObject({ path: ['sku'], params: { code: 'product_sku' } });
    expect(productInputSchema.parse({ ...validProduct, sku: ' MOHN-500 ' }).sku).toBe('MOHN-500');
  });
});
