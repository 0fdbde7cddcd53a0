/**
 * Vietnamese as people type it: with or without tone marks and hooks, any case,
 * in full-width letters (an East Asian keyboard's "ｍａｔ ｏｎｇ"). Both what is
 * indexed and what is searched go through foldVietnamese, so "mat ong",
 * "Mật Ong", "MẬT ONG" and "ｍａｔ ｏｎｇ" all become "mat ong".
 *
 * SQLite's own `remove_diacritics 2` folds most marks but not đ/Đ (a letter of
 * its own, not d plus a mark), so folding happens here, in one place.
 */
import { pluralsOf, synonymsOf } from './synonyms';

export function foldVietnamese(text: string): string {
  return (
    text
      // Compatibility forms (full-width letters and digits, ligatures) as their plain letters, then
      // each letter apart from its marks: Vietnamese letters have no compatibility form, so NFKD
      // splits them exactly as NFD does.
      .normalize('NFKD')
      // Combining marks: the five tones and the hooks/breves of ă â ê ô ơ ư.
      .replace(/[\u0300-\u036f]/g, '')
      // Đ/đ, and Ð (U+00D0), which keyboards sometimes produce instead of Đ.
      .replace(/[đĐÐ]/g, 'd')
      .toLowerCase()
  );
}

/** At most this many words of a query are used; the rest cannot make results better. */
export const MAX_QUERY_TOKENS = 8;
const MAX_TOKEN_LENGTH = 40;

/** Star signs people type; "*" only after the number (spellStarSymbols says why). */
const STAR_SIGNS = '★☆⭐✩✪✫✬✭✮✯✰⋆🌟';
const STARS_AFTER = new RegExp(`(\\p{N})\\s*[*${STAR_SIGNS}]+`, 'gu');
const STARS_BEFORE = new RegExp(`[${STAR_SIGNS}]+\\s*(\\p{N})`, 'gu');

/**
 * A star written after a number ("5*", "4★", "OCOP 5⭐", full-width "５＊"), or a star sign before one
 * ("★5"; not "*", FTS5's and a shell's wildcard), as the word people say,
 * "sao", so the rating it means is read like "5 sao" (rating-words.ts): as a separator the symbol
 * would leave a bare number. Full-width forms are made plain first (NFKC), as the words are.
 */
export function spellStarSymbols(query: string): string {
  return query.normalize('NFKC').replace(STARS_AFTER, '$1 sao ').replace(STARS_BEFORE, ' $1 sao');
}

/**
 * The words of a search query, folded. Everything that is not a letter or digit
 * separates words, which also strips any FTS5 syntax (quotes, NEAR, *, :, -).
 */
export function searchTokens(query: string): string[] {
  return foldVietnamese(spellStarSymbols(query))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0)
    .slice(0, MAX_QUERY_TOKENS)
    .map((token) => token.slice(0, MAX_TOKEN_LENGTH));
}

/** Syllables joined without their space are split back at most this far apart ("caphe" → "ca phe"). */
const MIN_SPLIT_PART = 2;

/**
 * An FTS5 MATCH expression requiring every word: the last as a prefix, as it
 * may be unfinished ("mat on" finds "mật ong"), unless `lastWhole` (the tiers
 * that put whole words first: list-query.ts, relevanceTiers), the others whole, as the
 * ranking rules read them (ranking.ts): a finished "ca" is not "cam" or "cao"
 * (a prefix of two letters matched 166,337 of 200,000 products, and reading
 * them was most of the time of "ca phe"). A word typed with two syllables
 * joined ("caphe", "matong") also matches them apart, as a phrase, and a word
 * with synonyms ("cafe": synonyms.ts) matches those too, each as a phrase. Tokens
 * are letters and digits only, so quoting them is always safe.
 */
export function ftsMatchExpression(tokens: readonly string[], { lastWhole = false } = {}): string {
  const last = tokens.length - 1;
  return tokens
    .map((token, i) => {
      const prefix = i === last && !lastWhole;
      // The last word whole includes its English plurals ("cashew" in "cashews"), as the ranking does.
      const plurals = i === last && lastWhole ? pluralsOf(token).map((plural) => `"${plural}"`) : [];
      return alternatives([
        term(token, prefix),
        ...plurals,
        ...splits(token, prefix),
        ...synonymsOf(token).map((s) => `"${s}"`),
      ]);
    })
    .join(' AND ');
}

// A one-letter prefix matches most of a catalogue; one letter is matched as a whole word.
const term = (token: string, prefix: boolean) => (prefix && token.length > 1 ? `"${token}"*` : `"${token}"`);

function splits(token: string, prefix: boolean): string[] {
  const found: string[] = [];
  for (let at = MIN_SPLIT_PART; at <= token.length - MIN_SPLIT_PART; at++) {
    found.push(`"${token.slice(0, at)} ${token.slice(at)}"${prefix ? '*' : ''}`);
  }
  return found;
}

/**
 * The words as one phrase, the last a prefix ("mat on" finds "mật ong …"):
 * the best tier of a search's hits (list-query.ts, relevanceTiers). Null for
 * a single word, which is its own phrase.
 */
export function phraseExpression(tokens: readonly string[], { lastWhole = false } = {}): string | null {
  return tokens.length > 1 ? `"${tokens.join(' ')}"${lastWhole ? '' : '*'}` : null;
}

const alternatives = (terms: readonly string[]) => (terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`);

/** Typos are looked for only in words this long: shorter words have too many neighbours. */
export const NEAR_MIN_LETTERS = 4;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every word one letter away from `token`: one deleted, inserted, replaced, or two neighbours swapped. */
export function oneEditAway(token: string): string[] {
  const near = new Set<string>();
  for (let i = 0; i <= token.length; i++) {
    const [head, tail] = [token.slice(0, i), token.slice(i)];
    if (tail) near.add(head + tail.slice(1));
    if (tail.length > 1) near.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      near.add(head + letter + tail);
      if (tail) near.add(head + letter + tail.slice(1));
    }
  }
  near.delete(token);
  return [...near].filter((word) => word.length > 0);
}

/**
 * The second try when the words as typed find nothing: each word of four
 * letters or more may be any word one letter away ("mat onng", "nuoc mamm").
 * Whole words only (no prefixes): a prefix of a typo matches too much. The
 * last word as typed stays a prefix, as it may be unfinished, unless
 * `lastWhole` (words followed it). One bound parameter however long; FTS5
 * looks each alternative up in its index.
 */
export function nearMatchExpression(tokens: readonly string[], { lastWhole = false } = {}): string {
  const last = lastWhole ? -1 : tokens.length - 1;
  return tokens
    .map((token, i) =>
      token.length >= NEAR_MIN_LETTERS
        ? alternatives([term(token, i === last), ...oneEditAway(token).map((word) => `"${word}"`)])
        : term(token, i === last),
    )
    .join(' AND ');
}
