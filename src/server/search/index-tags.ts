/**
 * The tags of products_fts (migrations/0050_search_tags.sql): beside a product's words, the index
 * holds `0<kind>` for each kind of certificate the product holds (product_certificates, whatever
 * the dates), so a certified search matches its words and its kinds in one pass of the index and
 * joins only the rows that hold one. Triggers keep the tags, a bulk load included: rebuilding
 * product_certificates after one tags the index as it goes (10 s at 200,000 products).
 */
import { CERTIFICATION_KINDS } from '../products/vocabulary';

/** What fills a row's empty places: every row has seven tags (migration 0050 says why). */
const NO_TAG = '0';

/** A kind of certificate's tag (vocabulary.ts): one token, as the tokenizer would split a kind at its underscore. */
const certificationTag = (kind: string) => `0${kind.replaceAll('_', '')}`;

/** The FTS5 condition on the tags (list-query.ts, ftsQuery): a certificate of one of `kinds`. */
export function certifiedTags(kinds: readonly string[]): string {
  return `search_tags : (${kinds.map((kind) => `"${certificationTag(kind)}"`).join(' OR ')})`;
}

const TAGS = new Set([NO_TAG, ...CERTIFICATION_KINDS.map(certificationTag)]);

/** Whether a word of products_fts's vocabulary is a tag, which no search should offer as a word. */
export const isSearchTag = (term: string) => TAGS.has(term);
