import { describe, expect, it } from 'vitest';
import { nearestTerm, suggestFromCandidates, type VocabularyTerm } from '../../src/server/search/did-you-mean';
import { editDistance } from '../../src/server/search/edit-distance';

const vocabulary: VocabularyTerm[] = [
  { term: 'mat', doc: 40 },
  { term: 'mam', doc: 12 },
  { term: 'mang', doc: 3 },
  { term: 'ong', doc: 30 },
  { term: 'on', doc: 50 },
  { term: 'oong', doc: 1 },
  { term: 'nong', doc: 80 },
  { term: 'nuoc', doc: 25 },
  { term: 'mien', doc: 6 },
  { term: 'banh', doc: 9 },
  { term: 'cafe', doc: 2 },
  { term: 'coffee', doc: 5 },
  { term: 'vietgap', doc: 4 },
  { term: 'ghost', doc: 0 },
];

describe('edit distance', () => {
  it.each([
    ['mat', 'mat', 0],
    ['mat', 'mta', 1], // two neighbours swapped is one slip
    ['nuoc', 'nuc', 1],
    ['nuoc', 'nuocc', 1],
    ['vietgap', 'vitegap', 1],
    ['vietgap', 'vietgp', 1],
    ['coffee', 'cofee', 1],
    ['coffee', 'kofe', 3],
    ['banh', 'xyz', 3],
  ])('%s → %s is %i (capped at 3)', (a, b, distance) => {
    expect(editDistance(a, b, 2)).toBe(Math.min(distance, 3));
    expect(editDistance(b, a, 2)).toBe(Math.min(distance, 3));
  });
});

describe('the suggestion rule', () => {
  it.each<[string, string | null, string]>([
    ['mat', 'mat', 'a word of the index stays as it is'],
    ['nuocc', 'nuoc', 'one letter too many'],
    ['nuc', 'nuoc', 'one letter missing'],
    ['ongg', 'ong', 'the more frequent of two equally near words (ong 30 over oong 1)'],
    ['mta', 'mat', 'two letters swapped'],
    ['vitgaap', 'vietgap', 'two slips in a word of six letters or more'],
    ['cofe', 'cafe', 'one slip in a short word'],
    ['cofeee', 'coffee', 'one letter wrong, one too many'],
    ['mxyz', null, 'nothing near enough'],
    ['ma', null, 'too short to guess'],
    ['ghosx', null, 'a word no row holds any more is never suggested'],
    ['mab', 'mat', 'equally near: the more frequent (mat 40 over mam 12)'],
    ['ogn', 'ong', 'equally near: two letters swapped before one dropped (ong over on 50, more frequent)'],
    ['onng', 'ong', 'equally near: the first letter kept before two swapped (ong over nong 80, more frequent)'],
  ])('%s → %s (%s)', (word, expected) => {
    expect(nearestTerm(word, vocabulary)).toBe(expected);
  });

  it('of equally near words with the first letter typed, takes a swap before a letter typed twice', () => {
    const words = [...vocabulary, { term: 'ma', doc: 90 }];
    expect(nearestTerm('mma', words)).toBe('mam');
    expect(nearestTerm('onng', words)).toBe('ong');
  });

  it('replaces only the words that need it, and offers nothing when no word changes', () => {
    expect(suggestFromCandidates(['mat', 'onng'], () => vocabulary)).toBe('mat ong');
    expect(suggestFromCandidates(['mat', 'ong'], () => vocabulary)).toBeNull();
    expect(suggestFromCandidates(['qqqq'], () => vocabulary)).toBeNull();
    expect(suggestFromCandidates([], () => vocabulary)).toBeNull();
  });
});
