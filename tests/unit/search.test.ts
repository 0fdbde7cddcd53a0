import { describe, expect, it } from 'vitest';
import {
  foldVietnamese,
  ftsMatchExpression,
  MAX_QUERY_TOKENS,
  nearMatchExpression,
  oneEditAway,
  searchTokens,
} from '../../src/server/search/fold';
import { productSearchText } from '../../src/server/search/search-text';
import { firstFreeSlug, SLUG_BASE_MAX_BYTES, slugBase } from '../../src/server/search/slug';
import { synonymsOf } from '../../src/server/search/synonyms';

describe('foldVietnamese', () => {
  it.each([
    ['Mật ong bạc hà', 'mat ong bac ha'],
    ['ĐẶC SẢN Đồng Tháp', 'dac san dong thap'],
    ['Chè Thái Nguyên', 'che thai nguyen'],
    ['Nước mắm Phú Quốc', 'nuoc mam phu quoc'],
    ['Bưởi da xanh', 'buoi da xanh'],
    ['Gốm Bát Tràng', 'gom bat trang'],
    ['Yến sào Khánh Hòa', 'yen sao khanh hoa'],
    ['Rượu ngô Bắc Hà', 'ruou ngo bac ha'],
    ['ơ ư ă â ê ô', 'o u a a e o'],
    ['Ðặc sản (U+00D0)', 'dac san (u+00d0)'],
    ['ｍａｔ ｏｎｇ ＳＴ２５', 'mat ong st25'],
    ['ＭẬＴ ONG', 'mat ong'],
  ])('%s -> %s', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('folds precomposed and decomposed input alike', () => {
    const composed = 'Hòa Lộc';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(foldVietnamese(decomposed)).toBe(foldVietnamese(composed));
  });
});

describe('searchTokens', () => {
  it('splits on anything that is not a letter or digit, folded', () => {
    expect(searchTokens('  Mật-ong, "bạc hà" 500g ')).toEqual(['mat', 'ong', 'bac', 'ha', '500g']);
  });

  it('drops FTS5 and SQL syntax instead of passing it on', () => {
    expect(searchTokens('mat* OR ong NEAR(a b) "x" -y ^z {name}: \'; DROP TABLE products; --')).toEqual(
      ['mat', 'or', 'ong', 'near', 'a', 'b', 'x', 'y', 'z', 'name', 'drop', 'table', 'products'].slice(
        0,
        MAX_QUERY_TOKENS,
      ),
    );
  });

  it('keeps at most a few words, each of bounded length, from a huge query', () => {
    const tokens = searchTokens(`${'a'.repeat(5000)} ${'b '.repeat(2000)}`);
    expect(tokens.length).toBe(MAX_QUERY_TOKENS);
    expect(tokens[0]?.length).toBe(40);
  });

  it('reads a star after a number as "sao", the word a rating is said with', () => {
    expect(searchTokens('mat ong 5*')).toEqual(['mat', 'ong', '5', 'sao']);
    expect(searchTokens('OCOP 4★ che')).toEqual(['ocop', '4', 'sao', 'che']);
    expect(searchTokens('tra 3 ⭐️')).toEqual(['tra', '3', 'sao']);
    expect(searchTokens('mat ong ５＊')).toEqual(['mat', 'ong', '5', 'sao']);
    expect(searchTokens('mat ong 5 ✰')).toEqual(['mat', 'ong', '5', 'sao']);
    expect(searchTokens('mat ong ★5')).toEqual(['mat', 'ong', '5', 'sao']);
    // Not after a number: a separator, as any other symbol.
    expect(searchTokens('mat* ong')).toEqual(['mat', 'ong']);
  });

  it('returns nothing for a query without words', () => {
    expect(searchTokens(' <>!@#$%^&*() ')).toEqual([]);
  });
});

describe('ftsMatchExpression', () => {
  it('requires every word, the last as a prefix, and a one-letter word whole', () => {
    expect(ftsMatchExpression(['mat', 'on'])).toBe('"mat" AND "on"*');
    expect(ftsMatchExpression(['a', 'mat'])).toBe('"a" AND "mat"*');
    expect(ftsMatchExpression(['mat', 'a'])).toBe('"mat" AND "a"');
    expect(ftsMatchExpression(['ca', 'phe', 'sua'])).toBe('"ca" AND "phe" AND "sua"*');
  });

  it('also matches a word of joined syllables as the syllables apart', () => {
    expect(ftsMatchExpression(['caphe'])).toBe('("caphe"* OR "ca phe"* OR "cap he"*)');
    // A word with synonyms (synonyms.ts) matches them too, as whole phrases.
    expect(ftsMatchExpression(['cafe', 'sua'])).toBe('("cafe" OR "ca fe" OR "ca phe") AND "sua"*');
    expect(ftsMatchExpression(['coffee'])).toBe('("coffee"* OR "co ffee"* OR "cof fee"* OR "coff ee"* OR "ca phe")');
    expect(ftsMatchExpression(['matong', 'a'])).toBe('("matong" OR "ma tong" OR "mat ong" OR "mato ng") AND "a"');
  });

  it("also matches an English plural's singular, by the spelling rules, and leaves other words alone", () => {
    const singularOf = (word: string) => synonymsOf(word).at(-1);
    expect(singularOf('mangoes')).toBe('mango');
    expect(singularOf('peaches')).toBe('peach');
    expect(singularOf('berries')).toBe('berry');
    expect(singularOf('teas')).toBe('tea');
    // "dates" is "date", not the Vietnamese "đất" that "dat" would find.
    expect(singularOf('dates')).toBe('date');
    for (const word of ['bus', 'glass', 'tra', 'mang', 'ong']) expect(synonymsOf(word)).toEqual([]);
    expect(ftsMatchExpression(['mangoes'])).toContain('"mango"');
  });
});

describe('nearMatchExpression', () => {
  it('forgives one letter in words of four letters or more, whole words only', () => {
    const expression = nearMatchExpression(['mat', 'onng']);
    expect(expression.startsWith('"mat" AND ("onng"* OR ')).toBe(true);
    for (const near of ['"ong"', '"onog"', '"anng"', '"onnng"']) expect(expression).toContain(near);
  });

  it('lists every word one edit away, and not the word itself', () => {
    const near = oneEditAway('mamm');
    expect(near).toContain('mam');
    expect(near).toContain('mamn');
    expect(near).toContain('mmam');
    expect(near).not.toContain('mamm');
    expect(near.every((word) => Math.abs(word.length - 4) <= 1)).toBe(true);
  });
});

describe('productSearchText', () => {
  it('puts both names in the name column and the rest in the body, folded', () => {
    expect(
      productSearchText(
        { nameVi: 'Vải thiều', nameEn: 'Lychee', descriptionVi: 'Quả ngọt', originFormerly: 'Lục Ngạn, Bắc Giang' },
        { provinceName: 'Bắc Ninh', cooperativeName: 'HTX Đồng Tâm' },
      ),
    ).toEqual({ searchName: 'vai thieu lychee', searchBody: 'qua ngot luc ngan, bac giang bac ninh htx dong tam' });
  });
});

describe('slugBase', () => {
  it('cuts a long name after the last whole word that fits', () => {
    const slug = slugBase('Nước mắm truyền thống Cát Hải loại đặc biệt thượng hạng bốn mươi độ đạm', 'san-pham');
    expect(slug).toBe('nuoc-mam-truyen-thong-cat-hai-loai-dac-biet');
    expect(slugBase('Đặc sản', 'san-pham')).toBe('dac-san');
  });

  it('cuts one word longer than the limit inside it, and falls back when nothing is left', () => {
    expect(slugBase('a'.repeat(70), 'san-pham')).toBe('a'.repeat(SLUG_BASE_MAX_BYTES));
    expect(slugBase('— ? —', 'su-kien')).toBe('su-kien');
  });

  it('numbers a taken slug from 2', () => {
    expect(firstFreeSlug('che', new Set(['che', 'che-2']))).toBe('che-3');
    expect(firstFreeSlug('che', new Set(['che-2']))).toBe('che');
  });
});
