/**
 * Rating words in a search ("ocop", "5 sao", "4 stars"): people look for the
 * OCOP rating on the label, which is a minimum of stars, not a word of a name
 * or a description (none says "ocop": the word found nothing before).
 */
import { OCOP_STARS } from '../products/vocabulary';
import { findPhrase, type PhraseFound, phrases } from './query-phrases';

/** The fewest stars an OCOP rating has: "OCOP" alone means rated at all. */
export const RATED = Math.min(...OCOP_STARS);

/** How a minimum is said around "N sao": "từ 4 sao", "4 sao trở lên", "4 stars and up" ("4*" is "4 sao": fold.ts). */
const BEFORE = ['', 'OCOP', 'từ', 'từ OCOP', 'at least'];
const AFTER = ['', 'trở lên', 'and up', 'and above', 'or more'];

const RATING_WORDS = phrases<number>([
  { text: 'OCOP', value: RATED },
  ...OCOP_STARS.flatMap((stars) =>
    ['sao', 'star', 'stars'].flatMap((word) =>
      BEFORE.flatMap((before) => AFTER.map((after) => ({ text: `${before} ${stars} ${word} ${after}`, value: stars }))),
    ),
  ),
]);

/** The first rating named in the folded query words, as the fewest stars it means, or null. */
export function findRating(tokens: readonly string[]): PhraseFound<number> | null {
  return findPhrase(tokens, RATING_WORDS);
}
