/**
 * Certification words in a search ("vietgap", "huu co", "organic"): people
 * type the label they look for on the pack, which is a certificate the
 * product (or its cooperative) holds, not a word of its description.
 */
import type { CertificationKind } from '../products/vocabulary';
import { findPhrase, type PhraseFound, phrases } from './query-phrases';

const WRITTEN: Record<CertificationKind, readonly string[]> = {
  vietgap: ['VietGAP', 'Viet GAP'],
  globalgap: ['GlobalGAP', 'Global GAP'],
  organic: ['hữu cơ', 'organic'],
  haccp: ['HACCP'],
  iso22000: ['ISO 22000', 'ISO22000'],
  geographic_indication: ['chỉ dẫn địa lý', 'geographic indication'],
  collective_trademark: ['nhãn hiệu tập thể', 'collective trademark'],
};

const CERTIFICATION_WORDS = phrases<CertificationKind>(
  Object.entries(WRITTEN).flatMap(([kind, texts]) => texts.map((text) => ({ text, value: kind as CertificationKind }))),
);

/** The first certification named in the folded query words, or null. */
export function findCertification(tokens: readonly string[]): PhraseFound<CertificationKind> | null {
  return findPhrase(tokens, CERTIFICATION_WORDS);
}
