/**
 * A record's field by its label on the form people edit it with, for the
 * review pages, a cooperative's "what differs" line and the audit log (which
 * names changed fields, never their keys). Null for a field no form shows.
 */
import { dictionary, type Locale } from './index';

export type LabelledEntity = 'product' | 'cooperative' | 'event';

/** Stored names that differ from the form's: an event stores instants, its form asks for dates. */
const FORM_NAMES: Record<LabelledEntity, Record<string, string>> = {
  product: { provinceCode: 'province' },
  cooperative: { provinceCode: 'province' },
  event: { provinceCode: 'province', startsAt: 'startDate', endsAt: 'endDate' },
};

export function formFieldLabel(entity: LabelledEntity, field: string, locale: Locale): string | null {
  const t = dictionary(locale);
  const labels = (entity === 'product'
    ? t.dashboard.productForm
    : entity === 'cooperative'
      ? t.dashboard.profile
      : t.eventAdmin.form) as unknown as Record<string, unknown>;
  const label = labels[FORM_NAMES[entity][field] ?? field];
  return typeof label === 'string' ? label : null;
}
