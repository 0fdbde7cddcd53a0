/**
 * Phrases in a search query that mean a filter rather than words to match:
 * a province (search/places.ts), a certification ("vietgap", "hữu cơ"), a
 * rating ("ocop", "5 sao": search/rating-words.ts).
 */
import { MAX_QUERY_TOKENS, searchTokens } from './fold';
import type { QueryWords } from './ranking';

/** How many words of a query are read for filters; those left to match are then cut to MAX_QUERY_TOKENS. */
export const MAX_WORDS_READ = 3 * MAX_QUERY_TOKENS;

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

/**
 * A filter some words of the query were read as ("5 sao", "vietgap", "hà giang"), shown beside
 * the filters chosen: `words` are those words as typed, `q` the query without them, which is
 * where removing the filter leads. Not `applied` when the same filter was chosen with another
 * value, which wins: the words are then neither a filter nor matched, and the list says so. Words
 * naming the very value chosen are not listed.
 */
export interface FilterFromQuery {
  filter: 'province' | 'certification' | 'stars';
  /** The province's slug, the certification kind, or the fewest stars, as the words name them. */
  value: string;
  words: string;
  q: string;
  applied: boolean;
}

/** Whether the visitor chose the filter some words name: not at all, that very value, or another. */
export type Chosen = 'none' | 'same' | 'other';

/** How `value`, named in the words, stands to the values chosen of its filter (none: undefined). */
export const chosenAs = (chosen: readonly unknown[] | undefined, value: unknown): Chosen =>
  chosen === undefined ? 'none' : chosen.includes(value) ? 'same' : 'other';

/**
 * Takes the phrases that name filters out of a query's words, one after another, keeping where
 * each remaining word was in the query, so a filter's words come out alone however many were
 * taken before it, and lists each filter read (FilterFromQuery).
 */
export function filterWordsReader(typed: QueryWords) {
  let words = typed;
  let at = typed.typed.map((_, i) => i);
  const read: FilterFromQuery[] = [];
  return {
    read,
    /** The words not taken yet. */
    get words(): QueryWords {
      return words;
    },
    /** Takes a phrase's words out of those to match; returns their places in the query. */
    strip(found: { at: number; length: number }): number[] {
      const taken = at.slice(found.at, found.at + found.length);
      words = { typed: withoutPhrase(words.typed, found), folded: withoutPhrase(words.folded, found) };
      at = withoutPhrase(at, found);
      return taken;
    },
    /** A filter read, listed unless the visitor chose that very filter and value (it would say so twice). */
    note(filter: FilterFromQuery['filter'], value: string, taken: readonly number[], chosen: Chosen): void {
      if (chosen === 'same') return;
      const inside = typed.typed.filter((_, i) => taken.includes(i));
      const outside = typed.typed.filter((_, i) => !taken.includes(i));
      read.push({ filter, value, words: inside.join(' '), q: outside.join(' '), applied: chosen === 'none' });
    },
    /**
     * The words left to match, cut to MAX_QUERY_TOKENS, and whether the last of them is finished:
     * words followed it in the query (only the last word typed may be unfinished).
     */
    left(): { words: QueryWords; lastWhole: boolean } {
      const kept = at.slice(0, MAX_QUERY_TOKENS);
      return {
        words: { typed: words.typed.slice(0, MAX_QUERY_TOKENS), folded: words.folded.slice(0, MAX_QUERY_TOKENS) },
        lastWhole: kept.length > 0 && kept[kept.length - 1] !== typed.typed.length - 1,
      };
    },
  };
}
