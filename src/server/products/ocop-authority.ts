/**
 * Who decided an OCOP rating, read from what the rating says: Decision
 * 148/QĐ-TTg (2023), like Decision 1048/QĐ-TTg (2019) before it, has the
 * chair of the provincial People's Committee recognise 3- and 4-star products
 * (level `province`) and the Minister of Agriculture 5-star ones (level
 * `national`, after the central council's assessment; product-input.ts keeps
 * 5 stars and `national` together). The ministry's name depends on the
 * decision's date: the Ministry of Agriculture and Rural Development merged
 * into the Ministry of Agriculture and Environment on 1 March 2025
 * (Resolution 176/2025/QH15, Decree 35/2025/NĐ-CP).
 *
 * The province of a provincial decision is the cooperative's province of
 * today: for a decision of before the provincial mergers of 1 July 2025 the
 * committee was that of a former province, which the page cannot name, so the
 * words say "provincial People's Committee" and the province as it is now.
 */
import type { OcopLevel } from './vocabulary';

export const OCOP_AUTHORITIES = [
  'province_committee',
  'agriculture_ministry',
  'agriculture_environment_ministry',
] as const;
export type OcopAuthority = (typeof OCOP_AUTHORITIES)[number];

/** First day of the Ministry of Agriculture and Environment. */
export const AGRICULTURE_ENVIRONMENT_MINISTRY_SINCE = '2025-03-01';

/** The authority that decided a rating of this level on `decisionDate` ('YYYY-MM-DD'). */
export function ocopDecidingAuthority(level: OcopLevel, decisionDate: string): OcopAuthority {
  if (level === 'province') return 'province_committee';
  return decisionDate < AGRICULTURE_ENVIRONMENT_MINISTRY_SINCE
    ? 'agriculture_ministry'
    : 'agriculture_environment_ministry';
}

/** A rating's issuer as pages and the API show it: the authority, and for a provincial one its province. */
export interface OcopIssuer {
  authority: OcopAuthority;
  /** The cooperative's province (see above); pages name it only for `province_committee`. */
  provinceVi: string;
  provinceEn: string;
}

export function ocopIssuer(
  rating: { level: OcopLevel; decisionDate: string },
  province: { provinceVi: string; provinceEn: string },
): OcopIssuer {
  return { authority: ocopDecidingAuthority(rating.level, rating.decisionDate), ...province };
}
