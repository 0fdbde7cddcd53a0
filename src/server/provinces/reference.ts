/**
 * The 34 provincial units in force since 1 July 2025 (Resolution 202/2025/QH15),
 * with GSO codes, the pre-2025 provinces merged into each, and the seat.
 */
import { slugify, stripDiacritics } from '../search/slug';
import type { Locale } from '../../i18n';
import type { provinces } from '../db/schema';

export type ProvinceRow = typeof provinces.$inferInsert;

type Region =
  | 'northern_midlands_mountains'
  | 'red_river_delta'
  | 'north_central_coast'
  | 'central_highlands'
  | 'southeast'
  | 'mekong_delta';

function unit(
  code: string,
  kind: 'city' | 'province',
  nameVi: string,
  nameEn: string,
  region: Region,
  formedFrom: string[],
  seat: string,
): ProvinceRow {
  return { code, slug: slugify(nameVi), nameVi, nameEn, kind, region, formedFrom, seat };
}

export const PROVINCES: ProvinceRow[] = [
  unit('01', 'city', 'Hà Nội', 'Hanoi', 'red_river_delta', [], 'Hà Nội'),
  unit('46', 'city', 'Huế', 'Hue', 'north_central_coast', [], 'Huế'),
  unit('31', 'city', 'Hải Phòng', 'Hai Phong', 'red_river_delta', ['Hải Dương'], 'Hải Phòng'),
  unit('48', 'city', 'Đà Nẵng', 'Da Nang', 'north_central_coast', ['Quảng Nam'], 'Đà Nẵng'),
  unit(
    '79',
    'city',
    'Thành phố Hồ Chí Minh',
    'Ho Chi Minh City',
    'southeast',
    ['Bình Dương', 'Bà Rịa – Vũng Tàu'],
    'Thành phố Hồ Chí Minh',
  ),
  unit('92', 'city', 'Cần Thơ', 'Can Tho', 'mekong_delta', ['Sóc Trăng', 'Hậu Giang'], 'Cần Thơ'),
  unit('12', 'province', 'Lai Châu', 'Lai Chau', 'northern_midlands_mountains', [], 'Lai Châu'),
  unit('11', 'province', 'Điện Biên', 'Dien Bien', 'northern_midlands_mountains', [], 'Điện Biên Phủ'),
  unit('14', 'province', 'Sơn La', 'Son La', 'northern_midlands_mountains', [], 'Sơn La'),
  unit('20', 'province', 'Lạng Sơn', 'Lang Son', 'northern_midlands_mountains', [], 'Lạng Sơn'),
  unit('22', 'province', 'Quảng Ninh', 'Quang Ninh', 'red_river_delta', [], 'Hạ Long'),
  unit('38', 'province', 'Thanh Hóa', 'Thanh Hoa', 'north_central_coast', [], 'Thanh Hóa'),
  unit('40', 'province', 'Nghệ An', 'Nghe An', 'north_central_coast', [], 'Vinh'),
  unit('42', 'province', 'Hà Tĩnh', 'Ha Tinh', 'north_central_coast', [], 'Hà Tĩnh'),
  unit('04', 'province', 'Cao Bằng', 'Cao Bang', 'northern_midlands_mountains', [], 'Cao Bằng'),
  unit('08', 'province', 'Tuyên Quang', 'Tuyen Quang', 'northern_midlands_mountains', ['Hà Giang'], 'Tuyên Quang'),
  unit('15', 'province', 'Lào Cai', 'Lao Cai', 'northern_midlands_mountains', ['Yên Bái'], 'Yên Bái'),
  unit('19', 'province', 'Thái Nguyên', 'Thai Nguyen', 'northern_midlands_mountains', ['Bắc Kạn'], 'Thái Nguyên'),
  unit('25', 'province', 'Phú Thọ', 'Phu Tho', 'northern_midlands_mountains', ['Vĩnh Phúc', 'Hòa Bình'], 'Việt Trì'),
  unit('24', 'province', 'Bắc Ninh', 'Bac Ninh', 'red_river_delta', ['Bắc Giang'], 'Bắc Giang'),
  unit('33', 'province', 'Hưng Yên', 'Hung Yen', 'red_river_delta', ['Thái Bình'], 'Hưng Yên'),
  unit('37', 'province', 'Ninh Bình', 'Ninh Binh', 'red_river_delta', ['Hà Nam', 'Nam Định'], 'Ninh Bình'),
  unit('44', 'province', 'Quảng Trị', 'Quang Tri', 'north_central_coast', ['Quảng Bình'], 'Đồng Hới'),
  unit('51', 'province', 'Quảng Ngãi', 'Quang Ngai', 'north_central_coast', ['Kon Tum'], 'Quảng Ngãi'),
  unit('52', 'province', 'Gia Lai', 'Gia Lai', 'north_central_coast', ['Bình Định'], 'Quy Nhơn'),
  unit('56', 'province', 'Khánh Hòa', 'Khanh Hoa', 'north_central_coast', ['Ninh Thuận'], 'Nha Trang'),
  unit('68', 'province', 'Lâm Đồng', 'Lam Dong', 'central_highlands', ['Đắk Nông', 'Bình Thuận'], 'Đà Lạt'),
  unit('66', 'province', 'Đắk Lắk', 'Dak Lak', 'central_highlands', ['Phú Yên'], 'Buôn Ma Thuột'),
  unit('75', 'province', 'Đồng Nai', 'Dong Nai', 'southeast', ['Bình Phước'], 'Biên Hòa'),
  unit('80', 'province', 'Tây Ninh', 'Tay Ninh', 'southeast', ['Long An'], 'Tân An'),
  unit('86', 'province', 'Vĩnh Long', 'Vinh Long', 'mekong_delta', ['Bến Tre', 'Trà Vinh'], 'Vĩnh Long'),
  unit('82', 'province', 'Đồng Tháp', 'Dong Thap', 'mekong_delta', ['Tiền Giang'], 'Mỹ Tho'),
  unit('96', 'province', 'Cà Mau', 'Ca Mau', 'mekong_delta', ['Bạc Liêu'], 'Cà Mau'),
  unit('91', 'province', 'An Giang', 'An Giang', 'mekong_delta', ['Kiên Giang'], 'Rạch Giá'),
];

const BY_CODE = new Map(PROVINCES.map((p) => [p.code, p]));
const BY_SLUG = new Map(PROVINCES.map((p) => [p.slug, p]));

export function provinceByCode(code: string): ProvinceRow {
  const province = BY_CODE.get(code);
  if (!province) throw new Error(`unknown province code ${code}`);
  return province;
}

/** The unit a current slug names, or undefined (a pre-2025 slug: formerProvinceBySlug). */
export function provinceBySlug(slug: string): ProvinceRow | undefined {
  return BY_SLUG.get(slug);
}

/** "tỉnh Đắk Lắk", "thành phố Hà Nội", "Thành phố Hồ Chí Minh": the form used after "Liên minh HTX", "UBND". */
export function provinceLabelVi(province: ProvinceRow): string {
  if (province.kind === 'province') return `tỉnh ${province.nameVi}`;
  return province.nameVi.startsWith('Thành phố') ? province.nameVi : `thành phố ${province.nameVi}`;
}

/** A province that existed before 1 July 2025 and the unit it is part of since. */
export interface FormerProvince {
  nameVi: string;
  slug: string;
  successor: ProvinceRow;
}

/**
 * Every pre-2025 province merged into another (Resolution 202/2025/QH15): 29
 * names, from the `formedFrom` lists above. Their old addresses (/tinh/ha-giang)
 * and their names in searches lead to the unit they joined.
 */
export const FORMER_PROVINCES: readonly FormerProvince[] = PROVINCES.flatMap((successor) =>
  (successor.formedFrom ?? []).map((nameVi) => ({ nameVi, slug: slugify(nameVi), successor })),
);

/**
 * Provinces renamed rather than merged, whose old names and addresses people still use: Thừa
 * Thiên Huế became the city of Huế on 1 January 2025 (Resolution 1314/NQ-UBTVQH15). Answered as
 * the merged ones are (formerProvinceBySlug, search/places.ts).
 */
const RENAMED_PROVINCES: readonly FormerProvince[] = [
  { nameVi: 'Thừa Thiên Huế', slug: slugify('Thừa Thiên Huế'), successor: provinceByCode('46') },
];

/** Every pre-2025 province a visitor may still name: the 29 merged and the renamed. */
export const FORMER_NAMES: readonly FormerProvince[] = [...FORMER_PROVINCES, ...RENAMED_PROVINCES];

const FORMER_BY_SLUG = new Map(FORMER_NAMES.map((former) => [former.slug, former]));

/**
 * A former province's name as a page in `locale` writes it: English pages write it without
 * marks ("Ha Giang"), as the units' own English names are written ("Tuyen Quang").
 */
export function formerName(nameVi: string, locale: Locale): string {
  return locale === 'en' ? stripDiacritics(nameVi) : nameVi;
}

/** The former or renamed province whose slug this was, or undefined (a current slug or none). */
export function formerProvinceBySlug(slug: string): FormerProvince | undefined {
  return FORMER_BY_SLUG.get(slug);
}

/** The province a slug names now: a current one's own, or the unit a pre-2025 one is part of (`ha-giang`). */
export function currentProvinceBySlug(slug: string): ProvinceRow | undefined {
  return provinceBySlug(slug) ?? formerProvinceBySlug(slug)?.successor;
}
