/**
 * Phrases in a search query that mean a filter rather than words to match:
 * a province (search/places.ts), a certification ("vietgap", "hữu cơ"), a
 * rating ("ocop", "5 sao": search/rating-words.ts).
 */
import { searchTokens } from './fold';

export interface PhraseFound<T> {
  value: T;
  /** Where the phrase's words are in the query: the first index and how many. */
  at: number;
  length: number;
}

export interface Phrase<T> {
  words: string[];
  value: T;
}

/** Phrases from their written forms, longest first so "ho chi minh city" wins over "ho chi minh". */
export function phrases<T>(entries: readonly { text: string; value: T }[]): Phrase<T>[] {
  return entries
    .map(({ text, value }) => ({ words: searchTokens(text), value }))
    .filter((phrase) => phrase.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);
}

/**
 * The first of `known` in the folded query words, as typed ("5 sao 4 sao" is 5 stars), the longest
 * where several start at the same word ("ho chi minh city", not "ho chi minh"); or null.
 */
export function findPhrase<T>(tokens: readonly string[], known: readonly Phrase<T>[]): PhraseFound<T> | null {
  for (let at = 0; at < tokens.length; at++) {
    for (const phrase of known) {
      if (at + phrase.words.length <= tokens.length && phrase.words.every((word, i) => tokens[at + i] === word)) {
        return { value: phrase.value, at, length: phrase.words.length };
      }
    }
  }
  return null;
}

/** The query's words (or any array parallel to them) without the phrase's. */
export function withoutPhrase<T>(words: readonly T[], found: { at: number; length: number }): T[] {
  return [...words.slice(0, found.at), ...words.slice(found.at + found.length)];
}
