/** Valid API bodies for tests that need a record to exist rather than to test its rules. */

/** A batch with a one-step timeline, in the past, as POST /products/{slug}/batches takes it. */
export const validBatch = (lotCode: string) => ({
  lotCode,
  productionDate: '2026-06-20',
  bestBefore: '2027-06-20',
  quantity: 500,
  quantityUnit: 'kg',
  steps: [
    {
      kind: 'harvested',
      occurredAt: '2026-06-10T07:00:00+07:00',
      provinceCode: '24',
      place: 'Vùng sản xuất Lục Ngạn, Bắc Ninh',
      actorName: 'HTX thử nghiệm',
      actorKind: 'cooperative',
    },
  ],
});

export const validCertificate = {
  kind: 'vietgap',
  number: 'VG-TEST-1',
  issuer: 'Trung tâm thử nghiệm',
  validFrom: '2026-01-01',
  validUntil: '2028-12-31',
};

/** A lab report's fields as POST /products/{slug}/batches/{lot}/lab-reports takes them in a form (one test: one part). */
export const validLabReport = {
  lab: 'Trung tâm Kiểm nghiệm thử',
  reportNumber: 'KQ-TEST-1',
  reportedOn: '2026-06-10',
  tests: 'microbiology',
  result: 'pass',
  summary: 'Vi sinh vật đạt giới hạn cho phép.',
};

/** An OCOP rating as POST /products/{slug}/ocop-ratings takes it: decided a month ago, so valid whenever the test runs. */
export const validRating = {
  stars: 4,
  level: 'province',
  decisionNumber: '1234/QĐ-UBND',
  decisionDate: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
};

/** A province target as POST /admin/targets takes it; one per province, metric and due date. */
export const validTarget = (dueYear: number) => ({
  province: 'ha-noi',
  metric: 'ocop_products',
  minimum: 10,
  dueDate: `${dueYear}-12-31`,
});

/** A valid event in Ha Noi a few months ahead, as POST /managed-events takes it. */
export function validEvent(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'fair',
    titleVi: 'Hội chợ OCOP thử nghiệm',
    titleEn: 'Test OCOP fair',
    descriptionVi: 'Gian hàng sản phẩm OCOP.',
    allDay: false,
    startDate: '2027-03-10',
    endDate: '2027-03-12',
    startTime: '08:00',
    endTime: '17:00',
    venue: 'Cung Văn hoá Hữu nghị',
    address: '91 Trần Hưng Đạo, Hà Nội',
    provinceCode: '01',
    organiser: 'Sở Công Thương Hà Nội',
    registrationOpens: '2027-01-10T08:00',
    registrationCloses: '2027-03-01T17:00',
    boothCapacity: 40,
    ...overrides,
  };
}

/** The fields of the dashboard's product form, as a browser posts them. */
export function validProductForm(overrides: Record<string, string> = {}) {
  return {
    nameVi: 'Sản phẩm thử nghiệm',
    nameEn: 'Test product',
    descriptionVi: 'Sản phẩm thử nghiệm.',
    descriptionEn: '',
    ocopGroup: 'thuc_pham',
    provinceCode: '01',
    commune: '',
    originFormerly: '',
    gtin: '',
    priceVnd: '90.000',
    unitVi: 'gói 500 g',
    unitEn: '500 g pack',
    minOrder: '10',
    seasonVi: '',
    seasonEn: '',
    ...overrides,
  };
}
