/**
 * Words people type for a thing the catalogue names otherwise: an informal or
 * foreign spelling ("cafe", "coffee") of the words the names use ("cà phê").
 * Folded, as search tokens are. A query word also matches its synonyms, in the
 * index (fold.ts, ftsMatchExpression) and in the ranking rules (ranking.ts,
 * as a match after folding), so a name holding the word as typed still comes
 * first. Every product has an English name too, so an English word is listed
 * only where those names vary: four of the demo's nine coffees are "green
 * robusta beans", "drip bags" or "honey-process arabica", never "coffee".
 */
const SYNONYMS = new Map<string, readonly string[]>([
  ['cafe', ['ca phe']],
  ['caffe', ['ca phe']],
  ['coffee', ['ca phe']],
  // "Essential oil": the English names say "cinnamon oil", "cajeput oil".
  ['essential', ['tinh dau']],
]);

/**
 * An English plural's singular, by the spelling rules ("berries" → "berry", "peaches" → "peach",
 * "mangoes" → "mango", "teas" → "tea"): the names use the singular as often as not. No Vietnamese
 * syllable ends in s, so no Vietnamese word is touched; words of three letters or fewer are left
 * alone ("bus", "gas").
 */
function singular(token: string): string | null {
  if (token.length < 4 || !token.endsWith('s') || token.endsWith('ss')) return null;
  if (token.endsWith('ies') && token.length >= 5) return `${token.slice(0, -3)}y`;
  if (/(s|x|z|ch|sh|o)es$/.test(token)) return token.slice(0, -2);
  return token.slice(0, -1);
}

/** The English plurals of a word, as the index and the ranking count them as the word itself ("cashews"). */
export function pluralsOf(token: string): [string, string] {
  return [`${token}s`, `${token}es`];
}

/** The folded phrases a folded query word also stands for: its synonyms and, for an English plural, its singular. */
export function synonymsOf(token: string): readonly string[] {
  const listed = SYNONYMS.get(token) ?? [];
  const one = singular(token);
  return one === null ? listed : [...listed, one];
}
