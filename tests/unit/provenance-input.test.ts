import { describe, expect, it } from 'vitest';
import { format } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { vi } from '../../src/i18n/vi';
import { buildDemoDataset } from '../../src/server/db/seed/demo';
import { checkSeedRows } from '../../src/server/db/seed/check';
import { type FieldIssues, ValidationError } from '../../src/server/errors';
import {
  batchInputSchema,
  certificateInputSchema,
  FUTURE_TOLERANCE_MS,
  gtinField,
} from '../../src/server/provenance/batch-input';
import { batchLabelPath, productLabelPath } from '../../src/server/provenance/digital-link';
import { tracePaths } from '../../src/i18n/routes';
import { fieldIssuesFromZod, parseInput } from '../../src/server/validation';

const now = new Date('2026-11-24T03:00:00Z');

function step(occurredAt: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'harvested',
    occurredAt,
    place: 'Vùng sản xuất Lục Ngạn',
    actorName: 'HTX Vải thiều Lục Ngạn',
    actorKind: 'cooperative',
    ...overrides,
  };
}

function batch(overrides: Record<string, unknown> = {}) {
  return {
    lotCode: 'LN2026-06A',
    productionDate: '2026-06-20',
    bestBefore: '2026-12-20',
    quantity: 1200,
    quantityUnit: 'kg',
    steps: [step('2026-06-15T07:30:00+07:00'), step('2026-06-20T09:00:00+07:00', { kind: 'packaged' })],
    ...overrides,
  };
}

function issuesOf(run: () => unknown): FieldIssues {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const checkBatch = (input: unknown, at = now) => issuesOf(() => parseInput(batchInputSchema(at), input));

describe('batch input', () => {
  it('accepts a well-formed batch and reads step times as instants', () => {
    const parsed = parseInput(batchInputSchema(now), batch());
    expect(parsed.steps[0]?.occurredAt.toISOString()).toBe('2026-06-15T00:30:00.000Z');
    expect(parsed.steps[0]?.latitude).toBeNull();
  });

  it('refuses a step earlier than the one before it, naming the step', () => {
    const issues = checkBatch(
      batch({
        steps: [
          step('2026-06-15T07:30:00+07:00'),
          step('2026-06-20T09:00:00+07:00'),
          step('2026-06-19T09:00:00+07:00'),
        ],
      }),
    );
    expect(issues).toEqual({ 'steps.2.occurredAt': { code: 'out_of_order', params: { step: 3, previous: 2 } } });
    expect(format(vi.validation.out_of_order, issues['steps.2.occurredAt']?.params)).toBe(
      'Bước 3 không thể diễn ra trước bước 2.',
    );
  });

  it('names a malformed step time as such, beside its neighbours, instead of failing on it', () => {
    const issues = checkBatch(
      batch({ steps: [step('2026-06-15T07:30:00+07:00'), step('not a time'), step('2026-06-14T07:30:00+07:00')] }),
    );
    expect(issues).toEqual({ 'steps.1.occurredAt': { code: 'invalid_format' } });
  });

  it('accepts two steps at the same minute (packed as soon as processed)', () => {
    const same = '2026-06-20T09:00:00+07:00';
    expect(() => parseInput(batchInputSchema(now), batch({ steps: [step(same), step(same)] }))).not.toThrow();
  });

  it('refuses steps dated in the future, allowing a few minutes of clock skew', () => {
    const justAhead = new Date(now.getTime() + FUTURE_TOLERANCE_MS).toISOString();
    const tooFar = new Date(now.getTime() + FUTURE_TOLERANCE_MS + 60_000).toISOString();
    expect(() => parseInput(batchInputSchema(now), batch({ steps: [step(justAhead)] }))).not.toThrow();
    expect(checkBatch(batch({ steps: [step('2026-06-15T07:30:00+07:00'), step(tooFar)] }))).toEqual({
      'steps.1.occurredAt': { code: 'in_future', params: {} },
    });
  });

  it('refuses a production date after today in Viet Nam, and a best-before before production', () => {
    // 17:30 UTC on the 24th is already the 25th in Viet Nam.
    const evening = new Date('2026-11-24T17:30:00Z');
    expect(() =>
      parseInput(batchInputSchema(evening), batch({ productionDate: '2026-11-25', steps: [] })),
    ).not.toThrow();
    expect(checkBatch(batch({ productionDate: '2026-11-25', steps: [] }))).toEqual({
      productionDate: { code: 'date_in_future', params: {} },
    });
    expect(checkBatch(batch({ bestBefore: '2026-06-19' }))).toEqual({
      bestBefore: { code: 'best_before_before_production', params: {} },
    });
  });

  it('checks lot codes against GS1 character set 82 and its 20-character limit', () => {
    for (const good of ['A', 'LN2026-06A', 'x/y%z_1', '12345678901234567890']) {
      expect(() => parseInput(batchInputSchema(now), batch({ lotCode: good }))).not.toThrow();
    }
    for (const bad of ['', 'Lô 1', 'LÔ1', '123456789012345678901', 'a#b']) {
      expect(checkBatch(batch({ lotCode: bad }))).toHaveProperty('lotCode.code', 'lot_code');
    }
  });

  it('wants both coordinates or neither, within range', () => {
    expect(checkBatch(batch({ steps: [step('2026-06-15T07:30:00+07:00', { latitude: 21.3 })] }))).toEqual({
      'steps.0.longitude': { code: 'coordinates_pair', params: {} },
    });
    expect(
      checkBatch(batch({ steps: [step('2026-06-15T07:30:00+07:00', { latitude: 91, longitude: 105 })] })),
    ).toHaveProperty(['steps.0.latitude', 'code'], 'too_big');
  });

  it('reports several bad fields at once, and unknown fields by name', () => {
    const issues = checkBatch({ ...batch({ quantity: 0, productionDate: '2026-02-30' }), colour: 'red' });
    expect(issues).toMatchObject({
      quantity: { code: 'too_small' },
      productionDate: { code: 'calendar_date' },
      colour: { code: 'unknown_field' },
    });
  });
});

describe('certificate input', () => {
  const certificate = {
    kind: 'vietgap',
    number: 'VG-01',
    issuer: 'Trung tâm Chứng nhận',
    validFrom: '2026-01-01',
    validUntil: '2028-12-31',
  };

  it('refuses a valid-until before the valid-from, and accepts a one-day certificate', () => {
    const issues = issuesOf(() => parseInput(certificateInputSchema, { ...certificate, validUntil: '2025-12-31' }));
    expect(issues).toEqual({ validUntil: { code: 'until_before_from', params: {} } });
    expect(en.validation.until_before_from).toContain('valid-until');
    expect(parseInput(certificateInputSchema, { ...certificate, validUntil: '2026-01-01' }).validUntil).toBe(
      '2026-01-01',
    );
  });

  it('takes no end date as indefinite', () => {
    expect(
      parseInput(certificateInputSchema, {
        ...certificate,
        kind: 'geographic_indication',
        number: '00051',
        validUntil: null,
      }).validUntil,
    ).toBeNull();
  });

  it.each([
    ['globalgap', 'GGN 4052852000001', 'VG-01'],
    ['globalgap', '4052852000001', 'GGN 405285200000'],
    ['geographic_indication', '00051', '4-0123456-000'],
    ['collective_trademark', '4-0123456-000', '00051'],
    ['organic', 'TCVN 11041-2:2017/0123/2026', 'HC "số" {1}'],
    ['iso22000', 'ISO 22000:2018 – VN01234', '<b>1</b>'],
  ])('takes a %s number written as one (%s), and refuses one that is not (%s) with an example', (kind, good, bad) => {
    expect(parseInput(certificateInputSchema, { ...certificate, kind, number: good }).number).toBe(good);
    const issues = issuesOf(() => parseInput(certificateInputSchema, { ...certificate, kind, number: bad }));
    expect(issues).toEqual({ number: { code: 'certificate_number', params: { example: expect.any(String) } } });
    expect(format(vi.validation.certificate_number, issues.number?.params ?? {})).toMatch(/ví dụ \S/);
  });
});

describe('GTIN field', () => {
  const problem = (value: string) => {
    const result = gtinField.safeParse(value);
    return result.success ? result.data : fieldIssuesFromZod(result.error, value);
  };

  it('normalises a valid GTIN to 14 digits and names what is wrong with a bad one', () => {
    expect(problem('4006381333931')).toBe('04006381333931');
    expect(problem('036000291452')).toBe('00036000291452');
    expect(problem('4006381333932')).toEqual({ _: { code: 'gtin_check_digit', params: {} } });
    expect(problem('036000291453')).toEqual({ _: { code: 'gtin_check_digit', params: {} } });
    expect(problem('40063813339')).toEqual({ _: { code: 'gtin_length', params: {} } });
    expect(problem('40063813339a1')).toEqual({ _: { code: 'gtin_not_digits', params: {} } });
    for (const code of ['gtin_check_digit', 'gtin_length', 'gtin_not_digits'] as const)
      expect(vi.validation[code]).toBeTruthy();
  });
});

describe('the seed passes the same rules', () => {
  it('accepts the demo dataset as built', () => {
    expect(() => checkSeedRows(buildDemoDataset(now), now)).not.toThrow();
  });

  it('names the record and field of each bad row', () => {
    const data = buildDemoDataset(now);
    const [first, second] = data.provenanceSteps.filter((s) => s.batchId === data.batches[0]?.id);
    if (!first || !second) throw new Error('the first demo batch has fewer than two steps');
    second.occurredAt = new Date(first.occurredAt.getTime() - 86_400_000);
    const certificate = data.certifications[0];
    if (!certificate) throw new Error('no demo certificate');
    certificate.validUntil = '2000-01-01';
    const product = data.products.find((p) => p.gtin);
    if (!product?.gtin) throw new Error('no demo product with a GTIN');
    product.gtin = product.gtin.slice(0, -1) + ((Number(product.gtin.at(-1)) + 1) % 10);

    const issues = issuesOf(() => checkSeedRows(data, now));
    expect(issues[`batches/${data.batches[0]?.id}.steps.${second.position}.occurredAt`]?.code).toBe('out_of_order');
    expect(issues[`certifications/${certificate.id}.validUntil`]?.code).toBe('until_before_from');
    expect(issues[`products/${product.id}._`]?.code).toBe('gtin_check_digit');
  });
});

describe('label and trace addresses', () => {
  it('are GS1 Digital Link paths with a GTIN, short-code paths without', () => {
    expect(productLabelPath({ gtin: '08938505974193', traceCode: 'ABCD2345' })).toBe('/01/08938505974193');
    expect(batchLabelPath({ gtin: '08938505974193', traceCode: 'ABCD2345' }, 'LN2026-06A')).toBe(
      '/01/08938505974193/10/LN2026-06A',
    );
    expect(productLabelPath({ gtin: null, traceCode: 'ABCD2345' })).toBe('/truy-xuat/ABCD2345');
    expect(batchLabelPath({ gtin: null, traceCode: 'ABCD2345' }, 'LN2026-06A')).toBe('/truy-xuat/ABCD2345/LN2026-06A');
  });

  it('percent-encode lot codes that hold reserved characters', () => {
    expect(batchLabelPath({ gtin: '08938505974193', traceCode: 'ABCD2345' }, 'A/B%1')).toBe(
      '/01/08938505974193/10/A%2FB%251',
    );
    expect(tracePaths('ABCD2345', 'A/B%1')).toEqual({
      vi: '/truy-xuat/ABCD2345/lo/A%2FB%251',
      en: '/en/trace/ABCD2345/lot/A%2FB%251',
    });
  });

  it("leave only RFC 3986 unreserved characters unencoded, as GS1 Digital Link asks (not even !'()*)", () => {
    const lot = `"%&'()*+,-./:;<=>?_!`;
    const encoded = '%22%25%26%27%28%29%2A%2B%2C-.%2F%3A%3B%3C%3D%3E%3F_%21';
    expect(batchLabelPath({ gtin: '08938505974193', traceCode: 'ABCD2345' }, lot)).toBe(
      `/01/08938505974193/10/${encoded}`,
    );
    expect(tracePaths('ABCD2345', lot).en).toBe(`/en/trace/ABCD2345/lot/${encoded}`);
    expect(decodeURIComponent(encoded)).toBe(lot);
  });
});
