/**
 * Vietnamese as people type it: with or without tone marks and hooks, any case.
 * Both what is indexed and what is searched go through foldVietnamese, so
 * "mat ong", "Mật Ong" and "MẬT ONG" all become "mat ong".
 *
 * SQLite's own `remove_diacritics 2` folds most marks but not đ/Đ (a letter of
 * its own, not d plus a mark), so folding happens here, in one place.
 */
export function foldVietnamese(text: string): string {
  return (
    text
      .normalize('NFD')
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

/**
 * The words of a search query, folded. Everything that is not a letter or digit
 * separates words, which also strips any FTS5 syntax (quotes, NEAR, *, :, -).
 */
export function searchTokens(query: string): string[] {
  return foldVietnamese(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0)
    .slice(0, MAX_QUERY_TOKENS)
    .map((token) => token.slice(0, MAX_TOKEN_LENGTH));
}

/**
 * An FTS5 MATCH expression requiring every word, each as a prefix so partial
 * words match ("mat on" finds "mật ong"). Tokens are letters and digits only,
 * so quoting them is always safe.
 */
export function ftsMatchExpression(tokens: readonly string[]): string {
  // A one-letter prefix matches most of a catalogue; one letter is matched as a whole word.
  return tokens.map((token) => (token.length > 1 ? `"${token}"*` : `"${token}"`)).join(' ');
}
