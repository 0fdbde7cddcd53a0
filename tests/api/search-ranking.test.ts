/**
 * The ranking table: queries as shoppers type them, and what they expect on
 * top, on the demo catalogue. The rules behind it are in
 * src/server/search/ranking.ts and tested one by one in tests/unit/ranking.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { listProducts, type ProductListPage } from '../../src/server/products/product-list';
import { foldVietnamese } from '../../src/server/search/fold';
import { vietnamDate } from '../../src/server/time/vietnam';
import { DEMO_NOW, demoDatabase } from '../support/demo';

let db: Database;

beforeAll(async () => {
  db = await demoDatabase();
});

function search(q: string, limit = 10): Promise<ProductListPage> {
  return listProducts(db, { q, limit }, { today: vietnamDate(DEMO_NOW) });
}

/** [query, the slug expected first, and words every one of the first `n` names holds (folded)] */
const TABLE: [query: string, first: string, topNamesHold?: [n: number, words: string]][] = [
  // Vietnamese, with and without diacritics, any case
  ['mat ong', 'mat-ong-bac-ha-meo-vac', [6, 'mat ong']],
  ['mật ong', 'mat-ong-bac-ha-meo-vac', [6, 'mat ong']],
  ['MẬT ONG', 'mat-ong-bac-ha-meo-vac', [6, 'mat ong']],
  ['mật', 'mat-ong-bac-ha-meo-vac', [10, 'mat ong']],
  ['mật ong rừng', 'mat-ong-rung-ba-che', [4, 'mat ong rung']],
  ['cà phê', 'ca-phe-arabica-cau-dat-rang-xay', [6, 'ca phe']],
  ['ca phe', 'ca-phe-arabica-cau-dat-rang-xay', [6, 'ca phe']],
  ['nước mắm', 'nuoc-mam-phu-quoc-40-do-dam', [6, 'nuoc mam']],
  ['nuoc mam phu quoc', 'nuoc-mam-phu-quoc-40-do-dam', [3, 'phu quoc']],
  ['chè', 'che-shan-tuyet-hoang-su-phi', [6, 'che']],
  ['shan tuyet', 'che-shan-tuyet-hoang-su-phi', [6, 'shan tuyet']],
  ['bưởi', 'buoi-phuc-trach-loai-1', [6, 'buoi']],
  ['buoi da xanh', 'buoi-da-xanh-ben-tre-loai-1', [3, 'buoi da xanh']],
  ['xoai hoa loc', 'xoai-cat-hoa-loc-hop-qua-3-kg', [3, 'xoai cat hoa loc']],
  ['chieu coi', 'chieu-coi-nga-son', [2, 'chieu coi']],
  ['gao st25', 'gao-st25-soc-trang', [3, 'gao st25']],
  ['tinh dau que', 'tinh-dau-que-van-yen-chai-50-ml', [4, 'tinh dau que']],
  ['sâm ngọc linh', 'sam-ngoc-linh-tuoi', [4, 'ngoc linh']],
  ['vải thiều', 'vai-thieu-luc-ngan-say-kho', [6, 'vai thieu']],
  ['mien dong', 'mien-dong-na-ri-hop-qua', [6, 'mien dong']],
  ['yến sào', 'yen-sao-tinh-che-khanh-hoa', [2, 'yen sao']],
  ['kẹo dừa', 'keo-dua-ben-tre', [2, 'keo dua']],
  ['gom bat trang', 'binh-gom-bat-trang-men-lam', [3, 'gom bat trang']],
  ['thanh long', 'thanh-long-cho-dao-say-deo', [6, 'thanh long']],
  ['hạt điều', 'hat-dieu-bu-dang-con-vo-lua'],
  ['homestay', 'homestay-ta-van-2-ngay-1-dem', [6, 'homestay']],
  ['lụa', 'lua-to-tam-van-phuc'],
  // English
  ['honey', 'mat-ong-bac-ha-meo-vac', [6, 'mat ong']],
  ['coffee', 'ca-phe-arabica-cau-dat-rang-xay', [5, 'ca phe']],
  ['fish sauce', 'nuoc-mam-phu-quoc-40-do-dam', [6, 'nuoc mam']],
  ['pepper', 'tieu-so-chu-se', [6, 'tieu']],
  ['cinnamon', 'que-thanh-van-yen', [6, 'que']],
  ['cashew', 'hat-dieu-bu-dang-con-vo-lua', [3, 'dieu']],
  ['ginseng', 'ruou-sam-ngoc-linh', [4, 'sam ngoc linh']],
  ['lacquer', 'binh-son-mai-tuong-binh-hiep', [3, 'son mai']],
  // Joined syllables
  ['caphe', 'ca-phe-arabica-cau-dat-rang-xay', [6, 'ca phe']],
  ['matong', 'mat-ong-bac-ha-meo-vac', [6, 'mat ong']],
  ['nuocmam', 'nuoc-mam-phu-quoc-40-do-dam', [6, 'nuoc mam']],
  ['thanhlong', 'thanh-long-cho-dao-say-deo', [6, 'thanh long']],
  // One wrong, missing, extra or swapped letter, or a wrong tone mark
  ['mat onng', 'mat-ong-bac-ha-meo-vac', [6, 'mat ong']],
  ['nuoc mamm', 'nuoc-mam-phu-quoc-40-do-dam', [6, 'nuoc mam']],
  ['mạt ong', 'mat-ong-bac-ha-meo-vac', [6, 'mat ong']],
  ['tinhh dau que', 'tinh-dau-que-van-yen-chai-50-ml', [4, 'tinh dau que']],
  ['homstay', 'homestay-ta-van-2-ngay-1-dem', [6, 'homestay']],
  ['thanh lnog', 'thanh-long-cho-dao-say-deo', [6, 'thanh long']],
  // Places, current and before 1 July 2025
  ['ha giang', 'mat-ong-bac-ha-meo-vac'],
  ['hà giang', 'mat-ong-bac-ha-meo-vac'],
  ['bắc giang', 'vai-thieu-luc-ngan-say-kho'],
  ['tien giang', 'xoai-cat-hoa-loc-hop-qua-3-kg'],
  ['kon tum', 'ruou-sam-ngoc-linh'],
  ['che thai nguyen', 'che-moc-cau-tan-cuong', [3, 'che']],
  ['da lat', 'dao-canh-da-lat', [6, 'da lat']],
  // Certifications
  ['vietgap', 'xoai-cat-hoa-loc-hop-qua-3-kg'],
  ['huu co', 'que-thanh-van-yen'],
  ['organic', 'que-thanh-van-yen'],
];

describe('the ranking table on the demo catalogue', () => {
  it('has at least 40 queries', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(TABLE)('%s → %s first', async (query, first, hold) => {
    const { items } = await search(query);
    expect(items[0]?.slug, query).toBe(first);
    if (hold) {
      const [n, words] = hold;
      for (const item of items.slice(0, n)) expect(foldVietnamese(item.nameVi), query).toContain(words);
    }
  });
});

describe('ranking rules on the demo catalogue', () => {
  it('"mật" with its diacritics lists honey before the sedge mat; "mat ong" puts the 5-star honey first', async () => {
    const items = (await search('mật', 50)).items;
    expect(items[0]?.slug).toBe('mat-ong-bac-ha-meo-vac');
    const asTyped = items.filter((item) => item.nameVi.toLowerCase().includes('mật'));
    expect(asTyped.length).toBeGreaterThan(20);
    // Every name holding "mật" as typed comes before any that only folds to "mat" ("Sedge mat").
    expect(items.slice(0, asTyped.length)).toEqual(asTyped);
    expect(items.findIndex((item) => item.slug === 'chieu-coi-nga-son')).toBeGreaterThanOrEqual(asTyped.length);
    const coffee = (await search('mat ong', 50)).items.map((item) => item.slug);
    expect(coffee.indexOf('ca-phe-arabica-cau-dat-che-bien-mat-ong')).toBeGreaterThan(
      coffee.indexOf('mat-ong-rung-u-minh'),
    );
  });

  it('reads a former province as the province it joined, says so, and lists its own products first', async () => {
    const page = await search('hà giang', 50);
    expect(page.place).toEqual({
      province: { code: '08', slug: 'tuyen-quang', nameVi: 'Tuyên Quang', nameEn: 'Tuyen Quang' },
      formerly: 'Hà Giang',
    });
    expect(page.items.every((item) => item.provinceNameVi === 'Tuyên Quang')).toBe(true);
    // Hà Giang's own (origin "…, Hà Giang") before the rest of Tuyên Quang (Hàm Yên oranges).
    const firstOther = page.items.findIndex((item) => item.slug.includes('ham-yen'));
    const lastOwn = page.items.findLastIndex((item) => /meo-vac|hoang-su-phi/.test(item.slug));
    expect(firstOther).toBeGreaterThan(lastOwn);
    expect((await search('bac giang')).place?.province.slug).toBe('bac-ninh');
    expect((await search('tiền giang')).place?.province.slug).toBe('dong-thap');
  });

  it('keeps a province the visitor chose over one named in the words', async () => {
    const page = await listProducts(db, { q: 'mat ong ha giang', province: ['ca-mau'] }, { today: '2026-11-24' });
    expect(page.place).toBeNull();
  });

  it('finds nothing rather than anything for words that match nothing, even forgiving one letter', async () => {
    expect((await search('xyzzyqwert')).items).toEqual([]);
  });
});
