/**
 * How a claim form (an OCOP rating, a certificate) says a refusal: the
 * cooperative's own standing (claimantIssues: suspended) is no field of the
 * form, so it becomes the form's alert; the fields' issues stay by their fields.
 */
import type { Locale } from '../../../src/i18n';
import { fieldMessages } from '../../../src/i18n/field-messages';
import type { FormWords } from '../handle-page';

export function claimWords(locale: Locale): FormWords {
  return {
    invalid: ({ cooperative, ...fields }) =>
      cooperative ? { alert: fieldMessages({ cooperative }, locale).cooperative, fields } : { fields },
  };
}
