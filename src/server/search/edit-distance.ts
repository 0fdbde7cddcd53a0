/**
 * How far a typed word is from a known one, for suggestions ("did you mean",
 * a commune or a country typed with a slip): Levenshtein distance with
 * adjacent swaps counted as one edit (what a typing slip is), capped at
 * `max + 1`. Words are at most 40 letters and candidates a few hundred, so
 * the full table is cheap; words whose lengths alone differ by more than
 * `max` are not compared at all.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
    }
    [before, previous] = [previous, current];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** Whether `b` is `a` with one pair of neighbouring letters swapped ("ogn" for "ong"): the commonest slip. */
export function isNeighbourSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Whether `b` is `a` with a letter typed twice once ("onng" for "ong"): a slip as common as a swap. */
export function isDoubledLetter(a: string, b: string): boolean {
  if (a.length !== b.length + 1) return false;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  return i > 0 && a[i] === a[i - 1] && a.slice(i + 1) === b.slice(i);
}

/**
 * How far a typed name may be from a known one to be offered as a suggestion:
 * one edit of the folded name per five letters (at least one, at most three),
 * a typo or a missing letter, not another place that shares a word ("Hồng
 * Nam" is not "Sơn Nam").
 */
export const suggestionLimit = (name: string): number => Math.min(3, Math.max(1, Math.floor(name.length / 5)));
