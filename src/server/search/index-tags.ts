/**
 * The tags of products_fts (migrations/0050_search_tags.sql): beside a product's words, the index
 * holds `0<kind>` for each kind of certificate the product holds (product_certificates, whatever
 * the dates) and `0hidden` when the product is not public, so a search matches its words, its
 * kinds and public products in one pass of the index, and joins only the rows it may show.
 * Triggers keep the tags, a bulk load included: rebuilding product_certificates after one tags
 * the index as it goes (10 s at 200,000 products).
 */
import { CERTIFICATION_KINDS } from '../products/vocabulary';

/** A product not public: not published, or of a cooperative not active. */
const HIDDEN_TAG = '0hidden';
/** What fills a row's empty places: every row has eight tags (migration 0050 says why). */
const NO_TAG = '0';

/** A kind of certificate's tag (vocabulary.ts): one token, as the tokenizer would split a kind at its underscore. */
const certificationTag = (kind: string) => `0${kind.replaceAll('_', '')}`;

/** Narrows a MATCH of words (list-query.ts, ftsQuery) by tags. */
export type IndexScope = (words: string) => string;

/**
 * Public products, holding a certificate of one of `kinds` when given. Hidden is left out after the
 * rest (`NOT`): few rows hold it, where every public row would hold a "public" tag, and FTS5 steps
 * through a long list far slower than it leaves out a short one.
 */
export function publicProducts(kinds?: readonly string[]): IndexScope {
  const held =
    kinds && kinds.length > 0
      ? ` AND search_tags : (${kinds.map((kind) => `"${certificationTag(kind)}"`).join(' OR ')})`
      : '';
  return (words) => `(${words}${held}) NOT search_tags : "${HIDDEN_TAG}"`;
}

const TAGS = new Set([NO_TAG, HIDDEN_TAG, ...CERTIFICATION_KINDS.map(certificationTag)]);

/** Whether a word of products_fts's vocabulary is a tag, which no search should offer as a word. */
export const isSearchTag = (term: string) => TAGS.has(term);
