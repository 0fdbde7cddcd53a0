/**
 * fflate in the worker bundle: its browser build's asynchronous zip needs a
 * Web Worker for any file of 160 kB or more, which the Workers runtime (like
 * Node without a global Worker) lacks; the module astro.config.mjs puts in
 * its place zips and unzips the same data without one.
 */
import { strFromU8, unzipSync, zip as browserZip } from 'fflate/browser';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { unzip, zip } from '../../src/server/fflate-in-workers';

// A worksheet of some 2,000 rows is this large.
const big = new TextEncoder().encode('<row>…</row>'.repeat(20_000));

describe('fflate without Web Workers', () => {
  it("fails in fflate's own browser build (the reason for the module)", () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    expect(() => browserZip({ 'sheet1.xml': big }, () => undefined)).toThrow(/Worker/);
  });

  it('zips and unzips a file over 160 kB through the callbacks', async () => {
    const zipped = await new Promise<Uint8Array>((resolve, reject) =>
      zip({ 'sheet1.xml': big, 'small.xml': new Uint8Array([60, 97, 47, 62]) }, (err, data) =>
        err ? reject(err) : resolve(data),
      ),
    );
    expect(strFromU8(unzipSync(zipped)['sheet1.xml']!)).toBe(strFromU8(big));
    const files = await new Promise<Record<string, Uint8Array>>((resolve, reject) =>
      unzip(zipped, {}, (err, data) => (err ? reject(err) : resolve(data))),
    );
    expect(Object.keys(files).sort()).toEqual(['sheet1.xml', 'small.xml']);
  });

  it('is what the worker bundle gets for `fflate`', () => {
    const aliases = config.vite?.resolve?.alias as { find: RegExp; replacement: string }[];
    const alias = aliases.find((entry) => entry.find.test('fflate'));
    expect(alias?.replacement).toMatch(/src\/server\/fflate-in-workers\.ts$/);
    expect(alias?.find.test('fflate/browser')).toBe(false);
  });
});
