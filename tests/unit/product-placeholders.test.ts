import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productPlaceholderPath } from '../../src/server/media/stored-image';
import { OCOP_GROUPS } from '../../src/server/products/vocabulary';
import { placeholderSvg } from '../../scripts/lib/demo-pictures';

const publicDir = resolve(import.meta.dirname, '../../public');

describe('product placeholders', () => {
  it('has a drawing per OCOP group, as drawn by the script, with nothing that runs', () => {
    for (const group of OCOP_GROUPS) {
      const svg = readFileSync(join(publicDir, productPlaceholderPath(group)), 'utf8');
      // `npm run draw:pictures -- --placeholders` writes them again after a change to the drawing.
      expect(svg, group).toBe(placeholderSvg(group));
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="800" height="500"/);
      expect(svg).not.toMatch(/<script|on\w+=|href=/i);
    }
  });
});
