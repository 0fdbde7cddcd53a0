import { dictionary, format, formatList, type Locale } from '../../i18n';
import { formerName } from '../../server/provinces/reference';

/** "Merged with Ha Giang on 1 July 2025": the provinces a unit was formed from, named as a page in `locale` names them. */
export function mergedWith(formedFrom: readonly string[], locale: Locale): string {
  return format(dictionary(locale).details.province.mergedWith, {
    names: formatList(
      formedFrom.map((name) => formerName(name, locale)),
      locale,
    ),
  });
}
