/**
 * Pre-2025 districts and provinces that plans still name as their area: a
 * plan adopted before the 2025 reorganisation (no districts since 1 July
 * 2025; 63 provinces merged into 34) keeps its targets for the area it was
 * written for. Each unit lists today's communes and wards formed from it,
 * by name without "xã"/"phường", as cooperatives record them.
 *
 * Sources: Resolution 1680/NQ-UBTVQH15 (Quảng Trị's communes, 2025) and
 * Resolution 1658/NQ-UBTVQH15 (Bắc Ninh's communes, 2025). Check a list
 * against its resolution before adding targets for it.
 */
export type FormerUnitKind = 'district' | 'province';

export interface FormerUnit {
  /** Stable key, stored with targets and snapshots. */
  key: string;
  kind: FormerUnitKind;
  name: string;
  /** Today's province (GSO code). */
  provinceCode: string;
  communes: readonly string[];
}

export const FORMER_UNITS: readonly FormerUnit[] = [
  {
    key: 'huyen-vinh-linh',
    kind: 'district',
    name: 'Vĩnh Linh',
    provinceCode: '44',
    communes: ['Vĩnh Linh', 'Cửa Tùng', 'Vĩnh Hoàng', 'Vĩnh Thủy', 'Bến Quan'],
  },
  {
    key: 'tinh-bac-giang',
    kind: 'province',
    name: 'Bắc Giang',
    provinceCode: '24',
    communes: [
      // Wards
      'Bắc Giang',
      'Đa Mai',
      'Tiền Phong',
      'Tân An',
      'Yên Dũng',
      'Tân Tiến',
      'Cảnh Thụy',
      'Chũ',
      'Phượng Sơn',
      'Việt Yên',
      'Nếnh',
      'Vân Hà',
      'Tự Lạn',
      // Communes
      'Lục Ngạn',
      'Đèo Gia',
      'Sơn Hải',
      'Tân Sơn',
      'Biển Động',
      'Nam Dương',
      'Kiên Lao',
      'Sa Lý',
      'Sơn Động',
      'Tây Yên Tử',
      'Vân Sơn',
      'Yên Định',
      'An Lạc',
      'Dương Hưu',
      'Tuấn Đạo',
      'Đại Sơn',
      'Lục Nam',
      'Bắc Lũng',
      'Bảo Đài',
      'Cẩm Lý',
      'Đông Phú',
      'Nghĩa Phương',
      'Trường Sơn',
      'Lục Sơn',
      'Lạng Giang',
      'Kép',
      'Tân Dĩnh',
      'Tiên Lục',
      'Mỹ Thái',
      'Yên Thế',
      'Bố Hạ',
      'Đồng Kỳ',
      'Xuân Lương',
      'Tam Tiến',
      'Tân Yên',
      'Ngọc Thiện',
      'Nhã Nam',
      'Phúc Hòa',
      'Quang Trung',
      'Hiệp Hòa',
      'Hoàng Vân',
      'Hợp Thịnh',
      'Xuân Cẩm',
      'Đồng Việt',
    ],
  },
];

const BY_KEY = new Map(FORMER_UNITS.map((unit) => [unit.key, unit]));

export function findFormerUnit(key: string): FormerUnit | null {
  return BY_KEY.get(key) ?? null;
}

export function formerUnitsOf(provinceCode: string): FormerUnit[] {
  return FORMER_UNITS.filter((unit) => unit.provinceCode === provinceCode);
}

/** The rows of former_unit_communes. */
export function formerUnitCommuneRows() {
  return FORMER_UNITS.flatMap((unit) =>
    unit.communes.map((commune) => ({ unit: unit.key, provinceCode: unit.provinceCode, commune })),
  );
}
