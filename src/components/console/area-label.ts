import { dictionary, format, type Locale } from '../../i18n';
import type { FormerUnit } from '../../server/provinces/former-units';
import { provinceByCode } from '../../server/provinces/reference';

/** "huyện Vĩnh Linh cũ (nay thuộc Quảng Trị)" / "former Vinh Linh district (now part of Quang Tri)". */
export function formerUnitLabel(unit: FormerUnit, locale: Locale): string {
  const t = dictionary(locale).console.targets;
  const province = provinceByCode(unit.provinceCode);
  return format(t.areaOf, {
    area: format(t.areaName[unit.kind], { name: unit.name }),
    province: locale === 'en' ? province.nameEn : province.nameVi,
  });
}
