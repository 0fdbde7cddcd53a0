/** The ranking rules one by one (src/server/search/ranking.ts); the table on real data is tests/api/search-ranking.test.ts. */
import { describe, expect, it } from 'vitest';
import { FORMER_PROVINCES, formerProvinceBySlug, PROVINCES } from '../../src/server/provinces/reference';
import { findCertification } from '../../src/server/search/certification-words';
import { findPlace } from '../../src/server/search/places';
import { findRating } from '../../src/server/search/rating-words';
import {
  FIELD_WEIGHT,
  needsOtherFields,
  queryWords,
  rankCandidates,
  type RankCandidate,
  relevanceScore,
  withinOneEdit,
} from '../../src/server/search/ranking';

function candidate(id: string, fields: Partial<RankCandidate> = {}): RankCandidate {
  return {
    id,
    nameVi: '',
    nameEn: '',
    description: '',
    other: '',
    ocopStars: null,
    hasPhoto: false,
    hasPrice: false,
    publishedAt: 0,
    ...fields,
  };
}

const order = (query: string, candidates: RankCandidate[]) =>
  rankCandidates(queryWords(query), candidates).map((c) => c.id);

describe('ranking rules', () => {
  it('words as typed, with their diacritics, beat words found only after folding', () => {
    const honey = candidate('honey', { nameVi: 'Mật ong rừng', nameEn: 'Forest honey' });
    const mat = candidate('mat', { nameVi: 'Chiếu cói', nameEn: 'Sedge mat', ocopStars: 5 });
    expect(order('mật', [mat, honey])).toEqual(['honey', 'mat']);
    // Without diacritics both are as good a match; the stars decide.
    expect(order('mat', [honey, mat])).toEqual(['mat', 'honey']);
  });

  it('a word typed with its marks, found so anywhere, beats it found with other marks in a name', () => {
    // "chè" (tea) is neither "Chẽ" (Ba Chẽ, a place) nor "chế" (processing), which fold alike.
    const place = candidate('place', { nameVi: 'Mật ong rừng Ba Chẽ', ocopStars: 5 });
    const processing = candidate('processing', { nameVi: 'Cà phê chế biến mật ong', ocopStars: 5 });
    const tea = candidate('tea', { nameVi: 'Bạch trà shan tuyết', description: 'Chè shan tuyết cổ thụ' });
    const named = candidate('named', { nameVi: 'Chè shan tuyết' });
    expect(order('chè', [place, processing, tea, named])).toEqual(['named', 'tea', 'place', 'processing']);
    // Typed without marks, the name holds it as well as any: the name first, then the stars.
    expect(order('che', [tea, place, named])).toEqual(['place', 'named', 'tea']);
    // Marks typed that no candidate has: the rules as before.
    expect(order('chê', [tea, named, place])).toEqual(['place', 'named', 'tea']);
    // The description is read for a name holding the word only with other marks.
    expect(needsOtherFields(queryWords('chè'), place)).toBe(true);
    expect(needsOtherFields(queryWords('chè'), named)).toBe(false);
  });

  it('the whole query as a phrase in the name beats the words scattered, more so at its start', () => {
    const scattered = candidate('scattered', { nameVi: 'Ong mật', ocopStars: 5 });
    const inside = candidate('inside', { nameVi: 'Cà phê chế biến mật ong', ocopStars: 5 });
    const starts = candidate('starts', { nameVi: 'Mật ong bạc hà' });
    expect(order('mat ong', [scattered, inside, starts])).toEqual(['starts', 'inside', 'scattered']);
  });

  it('the last word found whole beats it found only as the start of a word; an English plural is whole', () => {
    const tour = candidate('tour', { nameVi: 'Tour trải nghiệm làng nghề', ocopStars: 5 });
    const moon = candidate('moon', { nameVi: 'Gạo ST25 Sóc Trăng', ocopStars: 5 });
    const tea = candidate('tea', { nameVi: 'Trà xanh Thái Nguyên', ocopStars: 3 });
    expect(order('tra', [tour, moon, tea])[0]).toBe('tea');
    // Typed with its mark: "trà" whole before "tràm", which it only starts.
    const oil = candidate('oil', { nameVi: 'Tinh dầu tràm Huế', ocopStars: 5 });
    expect(order('trà', [oil, tea])).toEqual(['tea', 'oil']);
    // "mat on" is still being typed: its last word starting "ong" is the phrase it means.
    const honey = candidate('honey', { nameVi: 'Mật ong rừng' });
    expect(order('mat on', [moon, honey])).toEqual(['honey', 'moon']);
    const kernels = candidate('kernels', { nameEn: 'Cashew kernels' });
    const roasted = candidate('roasted', { nameEn: 'Roasted cashews', hasPhoto: true });
    expect(order('cashew', [kernels, roasted])).toEqual(['roasted', 'kernels']);
  });

  it('name beats description beats cooperative or place, whatever the stars', () => {
    const inName = candidate('name', { nameVi: 'Nước mắm Phú Quốc' });
    const inDescription = candidate('description', { description: 'Ướp với nước mắm', ocopStars: 5 });
    const inPlace = candidate('place', { other: 'HTX Nước mắm Cát Hải', ocopStars: 5 });
    expect(order('nuoc mam', [inPlace, inDescription, inName])).toEqual(['name', 'description', 'place']);
  });

  it('among equals: verified stars, then a photo and a price, then the most recent', () => {
    const base = { nameVi: 'Chè búp' };
    const stars = candidate('stars', { ...base, ocopStars: 4 });
    const complete = candidate('complete', { ...base, hasPhoto: true, hasPrice: true });
    const photo = candidate('photo', { ...base, hasPhoto: true, publishedAt: 1 });
    const recent = candidate('recent', { ...base, publishedAt: 2 });
    expect(order('che', [recent, photo, complete, stars])).toEqual(['stars', 'complete', 'photo', 'recent']);
  });

  it('joined syllables find the name written apart', () => {
    const coffee = candidate('coffee', { nameVi: 'Cà phê rang xay' });
    expect(relevanceScore(queryWords('caphe'), coffee)).toBeGreaterThan(0);
    expect(relevanceScore(queryWords('matong'), candidate('honey', { nameVi: 'Mật ong' }))).toBeGreaterThan(0);
  });

  it('a synonym finds the name that uses the other word, after a name holding the word as typed', () => {
    const beans = candidate('beans', { nameVi: 'Cà phê nhân xanh robusta', nameEn: 'Green robusta beans' });
    const named = candidate('named', { nameVi: 'Cà phê rang xay', nameEn: 'Ground robusta coffee' });
    expect(relevanceScore(queryWords('coffee'), beans)).toBeGreaterThan(0);
    expect(relevanceScore(queryWords('cafe'), beans)).toBe(relevanceScore(queryWords('coffee'), beans));
    expect(order('coffee', [beans, named])).toEqual(['named', 'beans']);
    const pomelo = candidate('pomelo', { nameVi: 'Bưởi Phúc Trạch', nameEn: 'Phuc Trach pomelo' });
    expect(relevanceScore(queryWords('cafe'), pomelo)).toBe(0);
  });

  it('joined syllables and phrases stay within one language’s name, in the words’ order', () => {
    // The scale generator's fault: "… Long Thành" then "Long Thanh …" read as "thanh long" across the two names.
    const dragonFruit = candidate('fruit', { nameVi: 'Thanh long ruột đỏ', nameEn: 'Red dragon fruit' });
    const honey = candidate('honey', {
      nameVi: 'Mật ong rừng Long Thành',
      nameEn: 'Long Thanh forest honey',
      ocopStars: 5,
      hasPhoto: true,
      hasPrice: true,
    });
    expect(relevanceScore(queryWords('thanhlong'), honey)).toBeLessThan(FIELD_WEIGHT.name);
    expect(order('thanhlong', [honey, dragonFruit])).toEqual(['fruit', 'honey']);
    // One swapped letter: still the phrase of the name that has the words in this order.
    expect(order('thanh lnog', [honey, dragonFruit])).toEqual(['fruit', 'honey']);
  });

  it('one wrong, missing, extra or swapped letter in a word of four letters or more still matches', () => {
    const sauce = candidate('sauce', { nameVi: 'Nước mắm' });
    for (const typo of ['nuoc mamm', 'nuc mam', 'nouc mam', 'nươc mắm']) {
      expect(relevanceScore(queryWords(typo), sauce), typo).toBeGreaterThan(0);
    }
    // Three letters: too many neighbours to guess.
    expect(relevanceScore(queryWords('mem'), sauce)).toBe(0);
  });

  it('withinOneEdit', () => {
    expect(withinOneEdit('homestay', 'homstay')).toBe(true);
    expect(withinOneEdit('long', 'lnog')).toBe(true);
    expect(withinOneEdit('long', 'lgon')).toBe(false);
    expect(withinOneEdit('long', 'lang')).toBe(true);
    expect(withinOneEdit('long', 'lagn')).toBe(false);
    expect(withinOneEdit('mam', 'mamma')).toBe(false);
  });

  it('needs a description or place only for a word in neither name, which they alone can then score', () => {
    const honey = candidate('h', { nameVi: 'Mật ong bạc hà', nameEn: 'Mint honey' });
    // Every word in a name, as typed, folded, joined, as the start of the last word, or one letter off.
    for (const query of ['mật ong', 'mat ong', 'matong', 'mint hon', 'mint honye', 'honey']) {
      expect(needsOtherFields(queryWords(query), honey), query).toBe(false);
    }
    // A word in no name: only the description or the rest can score it.
    expect(needsOtherFields(queryWords('mật ong mèo vạc'), honey)).toBe(true);
    const inDescription = { ...honey, description: 'Thu hoạch ở Mèo Vạc' };
    const withOther = { ...honey, other: 'Hà Giang Mèo Vạc' };
    const query = queryWords('mật ong mèo vạc');
    expect(relevanceScore(query, inDescription)).toBeGreaterThan(relevanceScore(query, honey));
    expect(relevanceScore(query, withOther)).toBeGreaterThan(relevanceScore(query, honey));
    // And for a word a name holds, nothing else changes the score.
    const named = queryWords('mật ong');
    expect(relevanceScore(named, { ...honey, description: 'mật ong mật ong', other: 'mật ong' })).toBe(
      relevanceScore(named, honey),
    );
  });
});

describe('place names in a query', () => {
  it('knows the 29 provinces merged on 1 July 2025, each into one of the 34 units', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(FORMER_PROVINCES).toHaveLength(29);
    expect(formerProvinceBySlug('ha-giang')?.successor.slug).toBe('tuyen-quang');
    expect(formerProvinceBySlug('tien-giang')?.successor.slug).toBe('dong-thap');
    expect(formerProvinceBySlug('ba-ria-vung-tau')?.successor.slug).toBe('thanh-pho-ho-chi-minh');
    expect(formerProvinceBySlug('tuyen-quang')).toBeUndefined();
    // Renamed, not merged: Thừa Thiên Huế is the city of Huế since 1 January 2025.
    expect(formerProvinceBySlug('thua-thien-hue')?.successor.slug).toBe('hue');
    expect(findPlace(queryWords('thừa thiên huế').folded)?.value).toEqual({
      provinceCode: '46',
      formerly: 'Thừa Thiên Huế',
    });
  });

  it('reads a current or former province out of the words, longest name first', () => {
    expect(findPlace(queryWords('mật ong hà giang').folded)).toEqual({
      value: { provinceCode: '08', formerly: 'Hà Giang' },
      at: 2,
      length: 2,
    });
    expect(findPlace(queryWords('Ho Chi Minh City').folded)?.length).toBe(4);
    expect(findPlace(queryWords('che thai nguyen').folded)?.value).toEqual({ provinceCode: '19', formerly: null });
    expect(findPlace(queryWords('mat ong').folded)).toBeNull();
    // Names in use that are no official name.
    for (const query of ['ca phe sài gòn', 'saigon coffee', 'hcm', 'TP.HCM', 'tphcm']) {
      expect(findPlace(queryWords(query).folded)?.value, query).toEqual({ provinceCode: '79', formerly: null });
    }
  });

  it('reads certification words', () => {
    expect(findCertification(queryWords('gao VietGAP').folded)?.value).toBe('vietgap');
    expect(findCertification(queryWords('hữu cơ').folded)?.value).toBe('organic');
    expect(findCertification(queryWords('chỉ dẫn địa lý').folded)?.value).toBe('geographic_indication');
  });

  it('reads a rating however the minimum is said, and the words it takes', () => {
    for (const [query, stars, words] of [
      ['ocop', 3, 1],
      ['mat ong 5 sao', 5, 2],
      ['chè 4 sao trở lên', 4, 4],
      ['che tu 4 sao', 4, 3],
      ['honey 4 stars and up', 4, 4],
      ['at least 4 stars tea', 4, 4],
      ['OCOP 5*', 5, 3],
      ['mật ong 4★', 4, 2],
      ['tra OCOP 3 sao tro len', 3, 5],
      ['mat ong 5sao', 5, 1],
      ['mật ong năm sao', 5, 2],
      ['honey at least four stars', 4, 4],
      ['mat ong ★5', 5, 2],
    ] as const) {
      const found = findRating(queryWords(query).folded);
      expect(found?.value, query).toBe(stars);
      expect(found?.length, query).toBe(words);
    }
    expect(findRating(queryWords('yến sào').folded)).toBeNull();
    expect(findRating(queryWords('gao st25').folded)).toBeNull();
  });

  it('keeps the typed words of full-width letters as plain ones', () => {
    expect(queryWords('ｍậｔ ｏｎｇ')).toEqual({ typed: ['mật', 'ong'], folded: ['mat', 'ong'] });
  });
});
