/**
 * "Did you mean": the nearest words of the full-text index's own vocabulary
 * (an fts5vocab table over it, migrations/0027_search_vocabulary.sql) to the
 * words of a query that found nothing or almost nothing.
 *
 * Cheap by construction: per word, at most three short ranges of the
 * vocabulary (candidatePrefixes, VOCABULARY_CANDIDATES words each) are read,
 * never the whole vocabulary, and only when the results are near-empty.
 * The index holds folded words, so a suggestion is folded too ("mat ong"),
 * which the search treats exactly as "mật ong".
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { editDistance, isDoubledLetter, isNeighbourSwap } from './edit-distance';
import { isSearchTag } from './index-tags';
import type { FtsTable } from './list-query';

/** Words of the vocabulary read per range: a two-letter range of a national vocabulary fits with room. */
export const VOCABULARY_CANDIDATES = 300;

/** Shorter words have too many neighbours for a guess to be useful ("ca" is one letter from dozens). */
const MIN_SUGGESTED_LETTERS = 3;

export interface VocabularyTerm {
  term: string;
  /** Rows the term occurs in. */
  doc: number;
}

interface Near extends VocabularyTerm {
  distance: number;
  /** Whether the word keeps the first letter typed, which a slip seldom touches. */
  sameStart: boolean;
  /** SLIP: two neighbouring letters swapped (isNeighbourSwap), a letter typed twice (isDoubledLetter), or other. */
  slip: number;
}

/** The commonest slips first, likelier than any other edit of the same count. */
const SLIP = { swapped: 0, doubled: 1, other: 2 } as const;

const slipOf = (word: string, term: string): number =>
  isNeighbourSwap(word, term) ? SLIP.swapped : isDoubledLetter(word, term) ? SLIP.doubled : SLIP.other;

const nearerFirst = (a: Near, b: Near): number =>
  a.distance - b.distance ||
  Number(b.sameStart) - Number(a.sameStart) ||
  a.slip - b.slip ||
  b.doc - a.doc ||
  (a.term < b.term ? -1 : 1);

/** One slip in a short word, two in a word of six letters or more. */
export function maxEdits(word: string): number {
  return word.length >= 6 ? 2 : 1;
}

/**
 * The word of the vocabulary to suggest for `word`: `word` itself when the
 * index has it; otherwise the nearest within maxEdits; of equals, a word that
 * starts with the letter `word` starts with ("onng" is "ong" before the more
 * frequent "nong"), then one that is `word` with two neighbouring letters
 * swapped ("ogn" is "ong" before the more frequent "on", one letter dropped;
 * "mma" is "mam" before "ma"), then with a letter typed twice, then the more
 * frequent, then the first alphabetically; null when nothing is near enough.
 */
export function nearestTerm(word: string, candidates: readonly VocabularyTerm[]): string | null {
  if (candidates.some((candidate) => candidate.term === word && candidate.doc > 0)) return word;
  if (word.length < MIN_SUGGESTED_LETTERS) return null;
  const max = maxEdits(word);
  let best: Near | null = null;
  for (const { term, doc } of candidates) {
    if (doc <= 0 || !/^[\p{L}\p{N}]+$/u.test(term)) continue;
    const distance = editDistance(word, term, max);
    if (distance > max) continue;
    const near = { term, distance, sameStart: term[0] === word[0], slip: slipOf(word, term), doc };
    if (!best || nearerFirst(near, best) < 0) best = near;
  }
  return best?.term ?? null;
}

/**
 * The query with each word replaced by its nearest word of the index, or
 * null when no word changes (nothing better to offer). `words` are folded
 * search tokens (searchTokens).
 */
export function suggestFromCandidates(
  words: readonly string[],
  candidatesOf: (word: string) => readonly VocabularyTerm[],
): string | null {
  if (words.length === 0) return null;
  const nearest = words.map((word) => nearestTerm(word, candidatesOf(word)) ?? word);
  return nearest.some((term, i) => term !== words[i]) ? nearest.join(' ') : null;
}

const VOCABULARY: Record<FtsTable, string> = {
  products_fts: 'products_fts_vocab',
  cooperatives_fts: 'cooperatives_fts_vocab',
};

/**
 * The ranges of the vocabulary a slip in `word` may hide its word in: the
 * words sharing its first two letters, and those a slip in the second letter
 * would have changed them from ("mta" for "mat": "ma"; "amt": "ma" too).
 * A slip in the first letter alone is not looked for.
 */
export function candidatePrefixes(word: string): string[] {
  const [first, second, third] = [...word];
  if (!first || !second) return [];
  return [...new Set([first + second, ...(third ? [first + third] : []), second + first])];
}

/** The words of `table`'s index that `word` might have meant: itself, and the words of its candidate ranges. */
async function vocabularyNear(db: Database, table: FtsTable, word: string): Promise<VocabularyTerm[]> {
  const prefixes = candidatePrefixes(word);
  if (prefixes.length === 0) return [];
  const vocabulary = sql.raw(VOCABULARY[table]);
  // A range's upper end: the prefix with its last character raised by one, so every word starting with it sorts below.
  const end = (prefix: string) =>
    prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
  const ranges = prefixes.map(
    (prefix) => sql`SELECT term, doc FROM (SELECT term, doc FROM ${vocabulary}
      WHERE term >= ${prefix} AND term < ${end(prefix)} LIMIT ${VOCABULARY_CANDIDATES})`,
  );
  const rows = await db.all<{ term: string; doc: number }>(sql`
    SELECT term, doc FROM ${vocabulary} WHERE term = ${word}
    UNION ALL ${sql.join(ranges, sql` UNION ALL `)}`);
  return rows
    .map((row) => ({ term: String(row.term), doc: Number(row.doc) }))
    .filter((found) => table !== 'products_fts' || !isSearchTag(found.term));
}

/** A better query from the index's own words, or null (see suggestFromCandidates). */
export async function suggestQuery(db: Database, table: FtsTable, words: readonly string[]): Promise<string | null> {
  const candidates = await Promise.all(words.map((word) => vocabularyNear(db, table, word)));
  const byWord = new Map(words.map((word, i) => [word, candidates[i] ?? []]));
  return suggestFromCandidates(words, (word) => byWord.get(word) ?? []);
}
