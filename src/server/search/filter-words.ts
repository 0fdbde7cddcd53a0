/**
 * Filters read from a search's words ("hà giang", "vietgap", "5 sao"), as the product list
 * (products/product-list.ts) and the cooperative directory (cooperatives/directory.ts) read them:
 * the words naming a filter are taken out of those to match and listed beside the filters chosen.
 */
import type { CertificationKind } from '../products/vocabulary';
import { provinceByCode } from '../provinces/reference';
import { findCertification } from './certification-words';
import { provinceCodes } from './facets';
import { MAX_QUERY_TOKENS } from './fold';
import { findPlace, type Place } from './places';
import { type PhraseFound, withoutPhrase } from './query-phrases';
import { findRating } from './rating-words';
import { queryWords, type QueryWords } from './ranking';

/** How many words of a query are read for filters; those left to match are then cut to MAX_QUERY_TOKENS. */
const MAX_WORDS_READ = 3 * MAX_QUERY_TOKENS;

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
  /** Of a province, the pre-2025 one the words named ("Hà Giang"), which the page says it is now part of. */
  formerly?: string;
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
export function filterWordsReader(query: string) {
  const typed = queryWords(query, MAX_WORDS_READ);
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
    note(
      filter: FilterFromQuery['filter'],
      value: string,
      taken: readonly number[],
      chosen: Chosen,
      formerly?: string | null,
    ): void {
      if (chosen === 'same') return;
      const inside = typed.typed.filter((_, i) => taken.includes(i));
      const outside = typed.typed.filter((_, i) => !taken.includes(i));
      read.push({
        filter,
        value,
        words: inside.join(' '),
        q: outside.join(' '),
        applied: chosen === 'none',
        ...(formerly ? { formerly } : {}),
      });
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

export type FilterWordsReader = ReturnType<typeof filterWordsReader>;

/**
 * A province (search/places.ts), then the certifications (search/certification-words.ts) named in
 * the words, each taken out and noted against the values `chosen` of its filter; neither is looked
 * for when `read` says so (a cooperative chosen is in one place; a certification needs a day to be
 * checked, or was found to answer nothing). `placeChosen` says how the place stands to the
 * provinces chosen. Several certifications ("hữu cơ vietgap") are each read, as ticking both boxes
 * would be (any of them); matched as words, the second found nothing. A kind named twice counts once.
 */
export function readPlaceAndCertification(
  reader: FilterWordsReader,
  chosen: { province?: readonly string[] | undefined; certification?: readonly string[] | undefined },
  read: { place: boolean; certification: boolean },
): {
  place: PhraseFound<Place> | null;
  placeChosen: Chosen;
  certifications: CertificationKind[];
} {
  const place = read.place ? findPlace(reader.words.folded) : null;
  const placeChosen = place ? chosenAs(provinceCodes(chosen.province), place.value.provinceCode) : 'none';
  if (place) {
    const slug = provinceByCode(place.value.provinceCode).slug;
    reader.note('province', slug, reader.strip(place), placeChosen, place.value.formerly);
  }
  const certifications: CertificationKind[] = [];
  for (let found = read.certification ? findCertification(reader.words.folded) : null; found;) {
    const taken = reader.strip(found);
    if (!certifications.includes(found.value)) {
      certifications.push(found.value);
      reader.note('certification', found.value, taken, chosenAs(chosen.certification, found.value));
    }
    found = findCertification(reader.words.folded);
  }
  return { place, placeChosen, certifications };
}

/**
 * A rating named in the words ("5 sao", "4 sao trở lên", "5*": search/rating-words.ts), taken out
 * with every rating after it: a second one repeats or contradicts the first, which holds, and
 * neither is matched as words. The caller notes it against its own filter (`taken`: the places of
 * all their words in the query).
 */
export function takeRatings(reader: FilterWordsReader): { value: number; taken: number[] } | null {
  const rating = findRating(reader.words.folded);
  if (!rating) return null;
  const taken = reader.strip(rating);
  for (let more = findRating(reader.words.folded); more; more = findRating(reader.words.folded)) {
    taken.push(...reader.strip(more));
  }
  return { value: rating.value, taken };
}
