/**
 * The ranking table: queries as shoppers type them, the product expected
 * first on the demo catalogue, and words every one of the first `n` names
 * holds (folded). tests/api/search-ranking.test.ts runs it on the demo
 * catalogue, tests/api/search-ranking-scale.test.ts (the words only, since
 * the slugs differ) on the national-scale generator.
 */
/** [query, the slug expected first, and words every one of the first `n` names holds (folded)] */
export const RANKING_TABLE: [query: string, first: string, topNamesHold?: [n: number, words: string]][] = [
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
  // Every coffee, the four whose English name says "beans", "drip bags" or "arabica" too (synonyms.ts)
  ['coffee', 'ca-phe-arabica-cau-dat-rang-xay', [9, 'ca phe']],
  // The informal spellings of cà phê
  ['cafe', 'ca-phe-arabica-cau-dat-rang-xay', [9, 'ca phe']],
  ['fish sauce', 'nuoc-mam-phu-quoc-40-do-dam', [6, 'nuoc mam']],
  ['pepper', 'tieu-so-chu-se', [6, 'tieu']],
  ['cinnamon', 'que-thanh-van-yen', [6, 'que']],
  ['cashew', 'hat-dieu-bu-dang-con-vo-lua', [3, 'dieu']],
  ['ginseng', 'ruou-sam-ngoc-linh', [4, 'sam ngoc linh']],
  ['lacquer', 'binh-son-mai-tuong-binh-hiep', [3, 'son mai']],
  // No name says "essential": the English names say "cinnamon oil" (synonyms.ts)
  ['essential oil', 'tinh-dau-que-van-yen-chai-50-ml', [4, 'tinh dau']],
  // Full-width letters, as an East Asian keyboard types them
  ['ｍａｔ ｏｎｇ', 'mat-ong-bac-ha-meo-vac', [6, 'mat ong']],
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
