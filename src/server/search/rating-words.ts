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

/**
 * "N sao" written otherwise: joined ("5sao"), or the number in words ("năm sao", "four stars"; not
 * "ba sao", a place in Hà Nam).
 */
const NUMBER_WORDS: Record<number, readonly string[]> = { 3: ['three'], 4: ['bốn', 'four'], 5: ['năm', 'five'] };
const saidAs = (stars: number) => [
  ...['sao', 'star', 'stars'].flatMap((word) =>
    [String(stars), ...(NUMBER_WORDS[stars] ?? [])].map((number) => `${number} ${word}`),
  ),
  ...['sao', 'star', 'stars'].map((word) => `${stars}${word}`),
];

const RATING_WORDS = phrases<number>([
  { text: 'OCOP', value: RATED },
  ...OCOP_STARS.flatMap((stars) =>
    saidAs(stars).flatMap((said) =>
      BEFORE.flatMap((before) => AFTER.map((after) => ({ text: `${before} ${said} ${after}`, value: stars }))),
    ),
  ),
]);

/** The first rating named in the folded query words, as the fewest stars it means, or null. */
export function findRating(tokens: readonly string[]): PhraseFound<number> | null {
  return findPhrase(tokens, RATING_WORDS);
}
