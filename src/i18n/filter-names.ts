/**
 * The filters a notice of ignored values names ("Đã bỏ qua …: tỉnh, thành phố
 * và hạng sao OCOP"): query keys are the same in both languages and mean
 * nothing to a reader, so each is named in words, joined as a sentence would.
 */
import { dictionary, formatList, type Locale } from './index';

export type FilterNameKey = keyof ReturnType<typeof dictionary>['lists']['filterNames'];

/**
 * `keys` in words. `renamed` says which name a key takes on a list where it
 * means something else (an event's `kind` is its kind of event); a key no list
 * names (none today) is shown as it is rather than dropped.
 */
export function ignoredFilterNames(
  keys: readonly string[],
  locale: Locale,
  renamed: Partial<Record<string, FilterNameKey>> = {},
): string {
  const names: Record<string, string> = dictionary(locale).lists.filterNames;
  return formatList(
    keys.map((key) => names[renamed[key] ?? key] ?? key),
    locale,
  );
}

/** On the events calendar and its widget, `kind` is the kind of event. */
export const EVENT_FILTER_NAMES: Partial<Record<string, FilterNameKey>> = { kind: 'eventKind' };
