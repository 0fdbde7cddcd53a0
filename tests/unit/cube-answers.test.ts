/** answerOnce (src/server/search/facet-cube.ts): a cube's sums, computed once per question and cells. */
import { describe, expect, it } from 'vitest';
import { answerOnce } from '../../src/server/search/facet-cube';

const sumOf = (cells: readonly number[], min: number) => cells.filter((cell) => cell >= min).reduce((a, b) => a + b, 0);

describe('answerOnce', () => {
  it('sums once per question over the same cells, and again over cells read anew', () => {
    let sums = 0;
    const ask = (cells: readonly number[], min: number) =>
      answerOnce(cells, { min }, () => {
        sums++;
        return { total: sumOf(cells, min) };
      });
    const cells = [1, 2, 3];
    const first = ask(cells, 2);
    expect(first).toEqual({ total: 5 });
    expect(ask(cells, 2)).toBe(first);
    expect(sums).toBe(1);
    expect(ask(cells, 1)).toEqual({ total: 6 });
    expect(sums).toBe(2);
    // A new version's cells are another array, even with the same values: summed again.
    const reread = [1, 2, 3, 10];
    expect(ask(reread, 2)).toEqual({ total: 15 });
    expect(sums).toBe(3);
  });

  it('forgets the oldest question past 256 per cells', () => {
    let sums = 0;
    const cells = [5];
    const ask = (question: number) =>
      answerOnce(cells, question, () => {
        sums++;
        return question;
      });
    for (let question = 0; question < 257; question++) ask(question);
    expect(sums).toBe(257);
    ask(256);
    expect(sums).toBe(257);
    ask(0);
    expect(sums).toBe(258);
  });
});
