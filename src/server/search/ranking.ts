/**
 * How search results are ordered: rules people agree with, applied to a
 * candidate window that the full-text index found and roughly ordered (bm25,
 * see list-query.ts). Pure functions, tested on their own (tests/unit/ranking.test.ts)
 * and through the ranking table on the demo catalogue (tests/api/search-ranking.test.ts).
 *
 * A candidate's score adds, for each query word, the best place it is found:
 * - where: the name (either language) weighs FIELD_WEIGHT.name, the
 *   description FIELD_WEIGHT.description, anything else (cooperative, commune,
 *   province, former province) FIELD_WEIGHT.other, so a name match beats any
 *   description match, which beats any cooperative or place match;
 * - how: a word typed with its diacritics and found as typed counts MATCH.typed;
 *   the last word, which may be unfinished, found only as the start of a longer word
 *   counts a step less ("tra": "Trà …" before "Tour trải nghiệm");
 *   found only after folding, MATCH.folded ("mật" finds honey, "Mật ong", before
 *   a sedge mat, "Sedge mat"); found as two joined syllables ("caphe" in "cà
 *   phê") or as a synonym ("cafe" in "cà phê": synonyms.ts) MATCH.folded; found
 *   within one wrong, missing, extra or swapped letter
 *   (words of four letters or more) MATCH.near.
 * Then the whole query as a phrase in the name adds PHRASE_IN_NAME, and more at
 * the start of the name (the thing the product is, "Mật ong …", before a
 * coffee "… chế biến mật ong").
 * Before all of that, each word typed with its marks found so somewhere adds
 * TYPED_SOMEWHERE: marks tell Vietnamese words apart, so "chè" (tea) found in a
 * tea's description beats "Chẽ" (Ba Chẽ, a place) or "chế" (processing) found
 * in another's name, which are other words that fold alike.
 * Equal scores: verified OCOP stars, then completeness (a photo, a price),
 * then the most recently published.
 */
import { foldVietnamese, MAX_QUERY_TOKENS, NEAR_MIN_LETTERS, spellStarSymbols } from './fold';
import { isNeighbourSwap } from './edit-distance';
import { pluralsOf, synonymsOf } from './synonyms';

const MAX_TOKEN_LENGTH = 40;

export const FIELD_WEIGHT = { name: 100, description: 10, other: 1 } as const;
export const MATCH = { typed: 3, folded: 2, near: 1 } as const;
export const PHRASE_IN_NAME = 1_000;
export const PHRASE_STARTS_NAME = 500;
/** More than every field, match and phrase weight together (eight words found as typed in a name, both phrase bonuses). */
export const TYPED_SOMEWHERE = 10_000;

/** Words of a query as typed (lower case, marks kept) and folded, index for index. */
export interface QueryWords {
  typed: string[];
  folded: string[];
}

/** A text's words, composed and in lower case: a candidate's field, or a query spelled out (queryWords). */
function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * The query's words both ways; the same words, in the same order, as searchTokens. `max` words
 * are kept: more where words that name a filter are read out first (products/product-list.ts).
 */
export function queryWords(query: string, max = MAX_QUERY_TOKENS): QueryWords {
  // Full-width letters as plain ones and stars as "sao" (spellStarSymbols), as searchTokens reads them:
  // the query's alone, as a candidate's fields are many and long.
  const typed = words(spellStarSymbols(query))
    .filter((word) => foldVietnamese(word).length > 0)
    .slice(0, max)
    .map((word) => word.slice(0, MAX_TOKEN_LENGTH));
  return { typed, folded: typed.map((word) => foldVietnamese(word).slice(0, MAX_TOKEN_LENGTH)) };
}

/** True when a and b differ by at most one letter inserted, deleted, replaced, or two neighbours swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    // One letter replaced (the rest alike after the first difference), or two neighbours swapped.
    let i = 0;
    while (a[i] === b[i]) i++;
    return a.slice(i + 1) === b.slice(i + 1) || isNeighbourSwap(a, b);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

interface FieldWords {
  readonly typed: string[];
  readonly folded: string[];
}

/**
 * A field's words both ways, each split when first read. The folded ones are
 * the folded text's words (one fold per field, not per word: folding was most
 * of the ranking's time); the two lists are searched apart, never index by
 * index. Most fields are never read as typed (wordMatch), and most English
 * names not at all: splitting every candidate's names both ways was most of
 * ranking a window (0.6 of 1.1 ms for 200 candidates of "mat ong").
 */
function fieldWords(text: string): FieldWords {
  let typed: string[] | undefined;
  let folded: string[] | undefined;
  return {
    get typed() {
      return (typed ??= words(text));
    },
    get folded() {
      return (folded ??= words(foldVietnamese(text)));
    },
  };
}

/** Each candidate's names as words, split once for needsOtherFields and relevanceScore alike. */
const namesSplit = new WeakMap<Pick<RankCandidate, 'nameVi' | 'nameEn'>, FieldWords[]>();

function nameWords(candidate: Pick<RankCandidate, 'nameVi' | 'nameEn'>): FieldWords[] {
  let names = namesSplit.get(candidate);
  if (!names) {
    names = [fieldWords(candidate.nameVi), fieldWords(candidate.nameEn)];
    namesSplit.set(candidate, names);
  }
  return names;
}

const sameOrPrefix = (word: string, token: string, prefix: boolean) =>
  word === token || (prefix && token.length > 1 && word.startsWith(token));

/**
 * How well one query word is found in a field: a MATCH value, or 0. The last word may be
 * unfinished (`prefix`): found only as the start of a longer word, it counts a step less than
 * found whole ("tra" finds "Trà xanh" before "Tour trải nghiệm"), never less than MATCH.near;
 * an English plural ("cashews" for "cashew") counts as whole.
 */
function wordMatch(field: FieldWords, typed: string, folded: string, prefix: boolean): number {
  const whole = matchOf(field, typed, folded, false);
  if (!prefix || whole === MATCH.typed) return whole;
  const start = matchOf(field, typed, folded, true);
  if (start <= whole) return whole;
  // An English plural is the word itself ("cashew" in "cashews"); no Vietnamese syllable ends so.
  const plurals = pluralsOf(folded);
  const plural = field.folded.some((word) => plurals.includes(word));
  return Math.max(whole, plural ? start : start - 1);
}

/**
 * wordMatch for the word whole, or also as a prefix. A word typed without marks
 * is found as typed exactly where it is found folded (folding keeps every unmarked letter and
 * every prefix), so only a marked one is looked for among the words as typed.
 */
function matchOf(field: FieldWords, typed: string, folded: string, prefix: boolean): number {
  const marked = typed !== folded;
  if (marked && field.typed.some((word) => sameOrPrefix(word, typed, prefix))) return MATCH.typed;
  if (field.folded.some((word) => sameOrPrefix(word, folded, prefix))) return marked ? MATCH.folded : MATCH.typed;
  for (let i = 0; i + 1 < field.folded.length; i++) {
    if (sameOrPrefix(`${field.folded[i]}${field.folded[i + 1]}`, folded, prefix)) return MATCH.folded;
  }
  if (synonymsOf(folded).some((synonym) => phraseAt(field, synonym.split(' ')) >= 0)) return MATCH.folded;
  if (folded.length >= NEAR_MIN_LETTERS && field.folded.some((word) => withinOneEdit(word, folded))) return MATCH.near;
  return 0;
}

/**
 * Where the folded query words stand together, in their order, in the field's
 * folded words: their first index, or -1. A word of four letters or more may
 * be one letter off, as it may be on its own ("thanh lnog" is the phrase of
 * "Thanh long", not of "… Long Thành", whose words are the other way round).
 */
function phraseAt(field: FieldWords, folded: readonly string[]): number {
  const fits = (word: string, token: string, prefix: boolean) =>
    sameOrPrefix(word, token, prefix) || (token.length >= NEAR_MIN_LETTERS && withinOneEdit(word, token));
  for (let at = 0; at + folded.length <= field.folded.length; at++) {
    const all = folded.every((token, i) => fits(field.folded[at + i] as string, token, i === folded.length - 1));
    if (all) return at;
  }
  return -1;
}

export interface RankCandidate {
  id: string;
  nameVi: string;
  nameEn: string;
  description: string;
  /** Cooperative, commune, province, former province: where it comes from and who makes it. */
  other: string;
  ocopStars: number | null;
  hasPhoto: boolean;
  hasPrice: boolean;
  publishedAt: number;
}

/** The relevance score of one candidate for the query (higher is better). */
export function relevanceScore(query: QueryWords, candidate: RankCandidate): number {
  // Each language's name on its own, so neither two joined syllables ("thanhlong") nor a phrase
  // runs from the end of one into the start of the other ("… Long Thành" + "Long Thanh …").
  const names = nameWords(candidate);
  // The description and the rest are split and folded only for a word the fields above leave
  // short of what they could give: most candidates hold every word in their name, and folding
  // 1,600 letters of description was most of the ranking's time (6–20 ms for 200 candidates).
  const lazy = (text: string) => {
    let split: FieldWords | undefined;
    return () => [(split ??= fieldWords(text))];
  };
  const fields = { name: () => names, description: lazy(candidate.description), other: lazy(candidate.other) };
  const last = query.folded.length - 1;
  let score = 0;
  query.folded.forEach((folded, i) => {
    const typed = query.typed[i] as string;
    if (
      typed !== folded &&
      (['name', 'description', 'other'] as const).some((field) => hasAsTyped(fields[field](), typed, i === last))
    ) {
      score += TYPED_SOMEWHERE;
    }
    let best = 0;
    for (const field of ['name', 'description', 'other'] as const) {
      // Nothing in this field or after it can beat `best`: weights fall by ten from field to field.
      if (best >= FIELD_WEIGHT[field] * MATCH.typed) break;
      for (const part of fields[field]()) {
        best = Math.max(best, FIELD_WEIGHT[field] * wordMatch(part, typed, folded, i === last));
        // Found as typed in one name: the other cannot give more.
        if (best >= FIELD_WEIGHT[field] * MATCH.typed) break;
      }
    }
    score += best;
  });
  if (query.folded.length > 1) {
    let found = false;
    for (const name of names) {
      const at = phraseAt(name, query.folded);
      found ||= at >= 0;
      // At the start of one name: both bonuses, whatever the other name holds.
      if (at === 0) {
        score += PHRASE_STARTS_NAME;
        break;
      }
    }
    if (found) score += PHRASE_IN_NAME;
  }
  return score;
}

/** Whether a word typed with its marks is in one of the fields as typed (whole, or its start for the last word). */
const hasAsTyped = (fields: readonly FieldWords[], typed: string, prefix: boolean) =>
  fields.some((field) => field.typed.some((word) => sameOrPrefix(word, typed, prefix)));

/**
 * Whether a candidate's description or the rest (cooperative, places) can
 * change its score: only when some query word is not in either name, or a word
 * typed with its marks is there only with other marks (TYPED_SOMEWHERE), since a
 * word found in a name outweighs it found anywhere else. A search can then read
 * those longer fields for the few candidates that need them.
 */
export function needsOtherFields(query: QueryWords, candidate: Pick<RankCandidate, 'nameVi' | 'nameEn'>): boolean {
  const names = nameWords(candidate);
  const last = query.folded.length - 1;
  return query.folded.some((folded, i) => {
    const typed = query.typed[i] as string;
    if (typed !== folded && !hasAsTyped(names, typed, i === last)) return true;
    return !names.some((name) => wordMatch(name, typed, folded, i === last) > 0);
  });
}

/** Candidates in relevance order: score, then stars, completeness, recency. */
export function rankCandidates<T extends RankCandidate>(query: QueryWords, candidates: readonly T[]): T[] {
  const scored = candidates.map((candidate) => ({ candidate, score: relevanceScore(query, candidate) }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (b.candidate.ocopStars ?? 0) - (a.candidate.ocopStars ?? 0) ||
      completeness(b.candidate) - completeness(a.candidate) ||
      b.candidate.publishedAt - a.candidate.publishedAt ||
      (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
  );
  return scored.map((entry) => entry.candidate);
}

function completeness(candidate: RankCandidate): number {
  return Number(candidate.hasPhoto) + Number(candidate.hasPrice);
}
