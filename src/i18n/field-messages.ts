import type { FieldIssues } from '../server/errors';
import { dictionary, format, type Locale } from './index';

/** Field issues (message keys under `validation.`) as sentences in the reader's language, field by field. */
export function fieldMessages(issues: FieldIssues, locale: Locale): Record<string, string> {
  const messages = dictionary(locale).validation as Record<string, string>;
  return Object.fromEntries(
    Object.entries(issues).map(([field, issue]) => [
      field,
      format(messages[issue.code] ?? messages.invalid ?? '', issue.params),
    ]),
  );
}
