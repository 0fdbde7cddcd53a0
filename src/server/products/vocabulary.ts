/** The six OCOP product groups of Decision 148/QĐ-TTg (2023). */
export const OCOP_GROUPS = [
  'thuc_pham',
  'do_uong',
  'duoc_lieu',
  'thu_cong_my_nghe',
  'sinh_vat_canh',
  'du_lich_cong_dong',
] as const;
export type OcopGroup = (typeof OCOP_GROUPS)[number];

export const OCOP_STARS = [3, 4, 5] as const;
export type OcopStars = (typeof OCOP_STARS)[number];

/** 3-4 stars are recognised by the province, 5 stars by the national council. */
export const OCOP_LEVELS = ['province', 'national'] as const;
export type OcopLevel = (typeof OCOP_LEVELS)[number];

/** A rating may be revoked before its 36 months run out; expiry itself is computed, not stored. */
export const OCOP_RATING_STATUSES = ['active', 'revoked'] as const;

export const CERTIFICATION_KINDS = [
  'vietgap',
  'globalgap',
  'organic',
  'haccp',
  'iso22000',
  'geographic_indication',
  'collective_trademark',
] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

/** draft -> submitted -> published | rejected (reason) -> unpublished */
export const PRODUCT_STATUSES = ['draft', 'submitted', 'published', 'rejected', 'unpublished'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
