/**
 * Place names in a search. People search for where a product comes from as
 * often as for what it is ("chè thái nguyên", "ha giang"), and often by the
 * province as it was before 1 July 2025. A query naming a province, current or
 * former, is read as that province (the unit the area belongs to now) plus the
 * rest of the words; matching the name as plain words would instead find every
 * "Giang" ("ha giang" listed pepper from An Giang first).
 */
import { FORMER_NAMES, PROVINCES } from '../provinces/reference';
import { findPhrase, type PhraseFound, phrases } from './query-phrases';

export interface Place {
  /** GSO code of the province the place belongs to now. */
  provinceCode: string;
  /** The pre-2025 province named, as written officially ("Hà Giang"); null for a current one. */
  formerly: string | null;
}

/** Names people use that are no official name: Sài Gòn and the abbreviations of the city's name. */
const COMMON_NAMES: Record<string, readonly string[]> = {
  '79': ['Sài Gòn', 'Saigon', 'HCM', 'TP HCM', 'TPHCM', 'HCMC'],
};

const PLACE_NAMES = phrases<Place>([
  ...Object.entries(COMMON_NAMES).flatMap(([provinceCode, names]) =>
    names.map((text) => ({ text, value: { provinceCode, formerly: null } })),
  ),
  ...PROVINCES.flatMap((p) =>
    [p.nameVi, p.nameEn, p.nameVi.replace(/^Thành phố /, '')].map((text) => ({
      text,
      value: { provinceCode: p.code, formerly: null },
    })),
  ),
  ...FORMER_NAMES.map((f) => ({ text: f.nameVi, value: { provinceCode: f.successor.code, formerly: f.nameVi } })),
]);

/** The first province named in the folded query words, or null. */
export function findPlace(tokens: readonly string[]): PhraseFound<Place> | null {
  return findPhrase(tokens, PLACE_NAMES);
}
