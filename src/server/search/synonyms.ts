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
]);

/** The folded phrases a folded query word also stands for; none for most words. */
export function synonymsOf(token: string): readonly string[] {
  return SYNONYMS.get(token) ?? [];
}
