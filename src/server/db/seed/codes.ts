/**
 * Unique public codes. The demo draws them at random and re-draws on a clash;
 * the scale generator maps a counter through a bijection, so codes stay unique
 * at any size without remembering the ones already issued. The two use
 * disjoint spaces so a scale run never collides with the demo.
 */
import { ID_ALPHABET, type Rng } from './random';

/** Trace-code characters: no 0/O or 1/I, which people misread from a label. */
const TRACE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const TRACE_LETTERS = TRACE_ALPHABET.slice(0, 24);
const TRACE_DIGITS = TRACE_ALPHABET.slice(24);

/** Demo trace codes start with a letter; scale ones (below) with a digit. */
export function demoTraceCode(rng: Rng): string {
  let out = TRACE_LETTERS[rng.int(0, TRACE_LETTERS.length - 1)] ?? 'A';
  for (let i = 0; i < 7; i++) out += TRACE_ALPHABET[rng.int(0, TRACE_ALPHABET.length - 1)];
  return out;
}

/** Keeps drawing until the value is new for its kind. */
export class UniqueDraws {
  private readonly seen = new Map<string, Set<string>>();

  draw(kind: string, make: () => string): string {
    const seen = this.seen.get(kind) ?? new Set<string>();
    this.seen.set(kind, seen);
    for (let attempt = 0; attempt < 1000; attempt++) {
      const value = make();
      if (!seen.has(value)) {
        seen.add(value);
        return value;
      }
    }
    throw new Error(`could not draw a unique ${kind}`);
  }

  /** The slug itself, or slug-2, slug-3… when taken: demo suffixes are plain numbers. */
  slug(kind: string, base: string): string {
    let n = 1;
    return this.draw(`slug:${kind}`, () => (n++ === 1 ? base : `${base}-${n - 1}`));
  }
}

/**
 * An invertible scramble of `bits`-bit integers: multiplying by an odd number
 * and xor-shifting right are both bijections modulo 2^bits.
 */
function scramble(x: bigint, bits: bigint): bigint {
  const mask = (1n << bits) - 1n;
  let v = x & mask;
  v = (v * 0x9e3779b97f4a7c15n) & mask;
  v ^= v >> (bits / 2n);
  v = (v * 0xbf58476d1ce4e5b9n) & mask;
  v ^= v >> (bits / 3n);
  return v;
}

function encode(value: bigint, alphabet: string, length: number): string {
  const base = BigInt(alphabet.length);
  let out = '';
  let v = value;
  for (let i = 0; i < length; i++) {
    out = (alphabet[Number(v % base)] ?? '') + out;
    v /= base;
  }
  return out;
}

/**
 * 'u' and 15 Crockford characters. Demo ids never contain 'u' (it is not in
 * ID_ALPHABET), so the spaces are disjoint; (seed, table, n) -> id is injective
 * for seeds below 2^23 and n below 2^44.
 */
export function scaleId(seed: number, table: number, n: number): string {
  const x = (BigInt(seed & 0x7fffff) << 52n) | (BigInt(table & 0xff) << 44n) | BigInt(n);
  return `u${encode(scramble(x, 75n), ID_ALPHABET, 15)}`;
}

/** A digit (2-9) then 7 characters: 2^38 codes. */
export function scaleTraceCode(n: number): string {
  const v = scramble(BigInt(n), 38n);
  return (TRACE_DIGITS[Number(v >> 35n)] ?? '2') + encode(v & ((1n << 35n) - 1n), TRACE_ALPHABET, 7);
}

/** Affine map n -> (a·n + c) mod m, a bijection on [0, m) when gcd(a, m) = 1. */
function affine(n: number, a: bigint, c: bigint, m: bigint): bigint {
  return (BigInt(n) * a + c) % m;
}

/** GTIN-13 body: 893, then 5-9 (the demo uses 0-4 here), then 8 digits: room for 5·10^8 products. */
export function scaleGtinBody(n: number): string {
  const v = affine(n, 387_420_489n, 123_456_789n, 500_000_000n);
  return `893${5n + v / 100_000_000n}${String(v % 100_000_000n).padStart(8, '0')}`;
}

/** Province code, 9 (the demo uses 0-8 here), then 7 digits: room for 10^7 cooperatives. */
export function scaleRegistrationCode(provinceCode: string, n: number): string {
  return `${provinceCode}9${String(affine(n, 7_654_321n, 1_234_567n, 10_000_000n)).padStart(7, '0')}`;
}
