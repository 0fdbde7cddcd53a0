/**
 * Phone numbers as buyers type them, to E.164. Vietnamese numbers may come
 * with +84, 84 or the trunk 0 ("0912 345 678"), with spaces, dots or
 * brackets; other countries need their + and country code.
 *
 * libphonenumber-js with its "min" metadata (about 80 KB, no dependencies, no
 * Node APIs, so it runs in the worker): Google's rules for every country's
 * lengths and prefixes, which a regular expression of ours would get wrong for
 * someone.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** The number in E.164 (+84912345678), or null when it cannot be a valid number. */
export function normalisePhone(typed: string): string | null {
  const parsed = parsePhoneNumberFromString(typed.trim(), 'VN');
  return parsed?.isValid() ? parsed.number : null;
}
