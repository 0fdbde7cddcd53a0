/**
 * A record's field changes as rows a person reads: each field's label and
 * its values in the reader's language (a province's name, not its code; a
 * price in đồng). Shared by the officers' review pages and the cooperative's
 * own "what differs" line, for products and for cooperative profiles.
 */
import { dictionary, formatNumber, formatVnd, type Locale } from '../../i18n';
import { formFieldLabel } from '../../i18n/field-labels';
import { formatHsCode, type PriceTier } from '../../server/products/wholesale';
import type { OcopGroup } from '../../server/products/vocabulary';
import type {
  CooperativeClassification,
  CooperativeKind,
  CooperativeSector,
} from '../../server/cooperatives/vocabulary';
import type { FieldChange, FieldValue } from '../../server/moderation/revision-diff';
import type { RevisionEntityType } from '../../server/moderation/vocabulary';
import { PROVINCES } from '../../server/provinces/reference';

export interface DiffRow {
  label: string;
  before: string;
  after: string;
  changed: boolean;
  /** Nothing proposed for the field (shown as "(trống)"). */
  empty: boolean;
}

function provinceName(code: string, locale: Locale): string {
  const province = PROVINCES.find((p) => p.code === code);
  return province ? (locale === 'en' ? province.nameEn : province.nameVi) : code;
}

/** A field's label on the product or profile form. */
export function fieldLabel(entityType: RevisionEntityType, field: string, locale: Locale): string {
  return formFieldLabel(entityType, field, locale) ?? field;
}

function shown(entityType: RevisionEntityType, field: string, value: FieldValue, locale: Locale): string {
  const t = dictionary(locale);
  if (value === null || value === '') return t.dashboard.moderation.empty;
  const text = String(value);
  if (field === 'provinceCode') return provinceName(text, locale);
  if (entityType === 'product') {
    if (field === 'ocopGroup') return t.ocop.groups[text as OcopGroup] ?? text;
    if (field === 'priceVnd') return formatVnd(Number(value), locale);
    // Lists compare as JSON (revision-diff.ts); people read them as tiers and codes.
    if (field === 'priceTiers')
      return (JSON.parse(text) as PriceTier[])
        .map((tier) => `≥ ${formatNumber(tier.minQuantity, locale)}: ${formatVnd(tier.priceVnd, locale)}`)
        .join('; ');
    if (field === 'exportMarkets') return (JSON.parse(text) as string[]).join(', ');
    if (field === 'hsCode') return formatHsCode(text);
    return text;
  }
  if (field === 'kind') return t.cooperative.kinds[text as CooperativeKind] ?? text;
  if (field === 'sector') return t.cooperative.sectors[text as CooperativeSector] ?? text;
  if (field === 'classification') return t.cooperative.classifications[text as CooperativeClassification] ?? text;
  return text;
}

export function diffRows(entityType: RevisionEntityType, changes: readonly FieldChange[], locale: Locale): DiffRow[] {
  return changes.map((change) => ({
    label: fieldLabel(entityType, change.field, locale),
    before: shown(entityType, change.field, change.before, locale),
    after: shown(entityType, change.field, change.after, locale),
    changed: change.changed,
    empty: change.after === null || change.after === '',
  }));
}

/** The labels of the changed fields, for "differs from the published version in: …". */
export function changedLabels(
  entityType: RevisionEntityType,
  changes: readonly FieldChange[],
  locale: Locale,
): string[] {
  return changes.filter((change) => change.changed).map((change) => fieldLabel(entityType, change.field, locale));
}
