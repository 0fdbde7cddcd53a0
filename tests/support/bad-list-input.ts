/**
 * The bad input a list's URL can carry (issue 23), shared by the API and page
 * tests of both lists: each row is [what, query string, the parameters a
 * strict reader refuses]. Pages drop those and name them in a notice; the API
 * answers 400 naming them. Nothing here may cause a 500.
 */
const long = 'mật ong '.repeat(40);

export const BAD_LIST_INPUT: [what: string, query: string, refused: string[]][] = [
  ['words at the length limit', `q=${encodeURIComponent('a'.repeat(200))}`, []],
  ['words past the length limit', `q=${encodeURIComponent(long)}`, ['q']],
  ['punctuation only', `q=${encodeURIComponent('?!…"\'--- ,.;:()[]{}')}`, []],
  ['FTS5 syntax', `q=${encodeURIComponent('mat* OR "ong" NEAR(a b, 2) -x ^c search_name:y AND NOT')}`, []],
  ['an unbalanced quote', `q=${encodeURIComponent('"mat ong')}`, []],
  ['emoji', `q=${encodeURIComponent('🍯 mật ong 🐝')}`, []],
  ['mixed scripts', `q=${encodeURIComponent('mật ong 蜂蜜 мёд عسل')}`, []],
  ['combining marks and invisible characters', `q=${encodeURIComponent('ma\u0323\u0302t\u200b o\u0301ng\u00ad')}`, []],
  ['markup', `q=${encodeURIComponent('<script>alert(1)</script>"><b>')}`, []],
  ['SQL', `q=${encodeURIComponent("' OR 1=1; DROP TABLE products; --")}`, []],
  ['a province repeated', 'province=ha-noi&province=ha-noi', []],
  ['an unknown province', 'province=atlantis', ['province']],
  ['an unknown province among known ones', 'province=ha-noi&province=atlantis', ['province']],
  ['a pre-2025 province', 'province=ha-giang', []],
  ['an unknown sort', 'sort=age', ['sort']],
  ['a page out of range', 'page=0', ['page']],
  ['a page that is not a number', 'page=two', ['page']],
  ['an unknown parameter', 'colour=red', []],
];

/** Rows for one list only: [what, query, refused]. */
export const BAD_PRODUCT_INPUT: [string, string, string[]][] = [
  ['an unknown group', 'group=banh_keo', ['group']],
  ['contradictory prices', 'minPrice=100000&maxPrice=10', ['maxPrice']],
  ['a negative price', 'minPrice=-5', ['minPrice']],
  ['OCOP only, on and off', 'ocop=true&ocop=false', ['ocop']],
  ['stars out of range', 'stars=9', ['stars']],
];

export const BAD_COOPERATIVE_INPUT: [string, string, string[]][] = [
  ['an unknown kind', 'kind=company', ['kind']],
  ['an unknown kind among known ones', 'kind=hop_tac_xa&kind=company', ['kind']],
  ['a kind repeated', 'kind=hop_tac_xa&kind=hop_tac_xa', []],
  ['OCOP products, yes and no', 'hasOcop=true&hasOcop=false', ['hasOcop']],
  ['OCOP products, maybe', 'hasOcop=maybe', ['hasOcop']],
];
