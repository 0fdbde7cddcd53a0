/**
 * An audit entry as a sentence people read, in Vietnamese or English:
 * "Cán bộ Nguyễn Văn A đã xác minh chứng nhận VietGAP của sản phẩm Mật ong
 * bạc hà", with the record linked where it still exists and its details
 * (a reason, the fields changed by their form labels) as labelled lines.
 * Codes (`certificate.verified`), ids and JSON keys never reach the reader.
 *
 * The sentences live in the dictionaries (src/i18n/sections/audit.*.ts),
 * keyed by action code; tests/unit/audit-wording.test.ts finds every code
 * the portal writes and fails on one without a sentence. An entry whose code
 * has none (an old one, a code added without its words) still reads as a
 * sentence, the generic "{actor} changed {record}", so the page never
 * shows a code.
 */
import { dictionary, format, formatList, formatNumber, type Locale } from '../../i18n';
import { formFieldLabel, type LabelledEntity } from '../../i18n/field-labels';
import { cooperativePaths, eventPaths, type LocalizedPaths, productPaths, targetPaths } from '../../i18n/routes';
import { provinceByCode } from '../provinces/reference';
import type { TargetMetric } from '../targets/vocabulary';
import type { AuditRow } from './audit-search';

export type AuditAction = keyof ReturnType<typeof dictionary>['audit']['actions'];

/** Whether the dictionaries have a sentence for `code`. */
export function hasAuditWording(code: string): code is AuditAction {
  return Object.hasOwn(dictionary('vi').audit.actions, code) && Object.hasOwn(dictionary('en').audit.actions, code);
}

export interface AuditDetailLine {
  label: string;
  value: string;
}

export interface AuditSentence {
  /** The sentence up to the record's name, and after it. */
  before: string;
  record: string;
  after: string;
  /** Where the record can be seen, when it still exists and has a page. */
  href: string | null;
  details: AuditDetailLine[];
}

function actorName(row: AuditRow, locale: Locale): string {
  const actors = dictionary(locale).audit.actors;
  if (!row.actor) return actors.system;
  const { displayName, role } = row.actor;
  // A name that already says the role ("Cán bộ Sở Công Thương") is not prefixed with it again.
  const title = format(actors[role], { name: '' }).trim();
  return displayName.toLocaleLowerCase(locale).startsWith(title.toLocaleLowerCase(locale))
    ? displayName
    : format(actors[role], { name: displayName });
}

interface NamedRecord {
  name: string;
  paths: LocalizedPaths | null;
}

function provinceName(code: string, locale: Locale): string {
  const province = provinceByCode(code);
  return locale === 'en' ? province.nameEn : province.nameVi;
}

function certificateKind(kind: string, locale: Locale): string {
  const kinds = dictionary(locale).details.certificates.kinds as Record<string, string>;
  return kinds[kind] ?? dictionary(locale).audit.gone.certificate;
}

/** What the entry's record is called, and its page; a record that is gone is named as gone, never by its id. */
function recordOf(row: AuditRow, locale: Locale): NamedRecord {
  const t = dictionary(locale).audit;
  const { subject } = row;
  const gone = (t.gone as Record<string, string>)[row.entityType] ?? t.gone.other;
  switch (row.entityType) {
    case 'cooperative':
      return row.record
        ? { name: row.record.name, paths: cooperativePaths(row.record.slug) }
        : { name: gone, paths: null };
    case 'product':
      return row.record ? { name: row.record.name, paths: productPaths(row.record.slug) } : { name: gone, paths: null };
    case 'event':
      return row.record
        ? {
            name: locale === 'en' ? (subject.recordTitleEn ?? row.record.name) : row.record.name,
            paths: eventPaths(row.record.slug),
          }
        : { name: gone, paths: null };
    case 'ocop_rating':
      return subject.product && subject.stars !== null
        ? {
            name: format(t.records.ocopRating, { stars: subject.stars, product: subject.product.name }),
            paths: productPaths(subject.product.slug),
          }
        : { name: gone, paths: null };
    case 'certificate':
      if (subject.certificateKind === null) return { name: gone, paths: null };
      if (subject.product)
        return {
          name: format(t.records.certificateOfProduct, {
            kind: certificateKind(subject.certificateKind, locale),
            product: subject.product.name,
          }),
          paths: productPaths(subject.product.slug),
        };
      return subject.cooperative
        ? {
            name: format(t.records.certificateOfCooperative, {
              kind: certificateKind(subject.certificateKind, locale),
              cooperative: subject.cooperative.name,
            }),
            paths: cooperativePaths(subject.cooperative.slug),
          }
        : { name: gone, paths: null };
    case 'lab_report':
      return subject.product && subject.labReport
        ? {
            name: format(t.records.labReport, {
              number: subject.labReport.number,
              lot: subject.labReport.lotCode,
              product: subject.product.name,
            }),
            paths: productPaths(subject.product.slug),
          }
        : { name: gone, paths: null };
    case 'event_registration':
      return subject.cooperative && subject.event
        ? {
            name: format(t.records.registration, {
              cooperative: subject.cooperative.name,
              event: locale === 'en' ? subject.event.titleEn : subject.event.titleVi,
            }),
            paths: eventPaths(subject.event.slug),
          }
        : { name: gone, paths: null };
    case 'province_target':
      return subject.target
        ? {
            name: format(t.records.target, {
              metric: dictionary(locale).console.targets.metrics[subject.target.metric as TargetMetric] ?? '',
              province: provinceName(subject.target.provinceCode, locale),
            }),
            paths: targetPaths(row.entityId),
          }
        : { name: gone, paths: null };
    case 'inquiry':
      // An inquiry is the buyer's and the cooperative's conversation: named, never linked from the console.
      return subject.inquiryReference
        ? { name: format(t.records.inquiry, { reference: subject.inquiryReference }), paths: null }
        : { name: gone, paths: null };
    case 'user':
      return subject.accountName
        ? { name: format(t.records.account, { name: subject.accountName }), paths: null }
        : { name: gone, paths: null };
    default:
      return { name: gone, paths: null };
  }
}

/** The labels of the fields a change touched (`changes`: field → [before, after]; `changed`: field names). */
function changedFields(row: AuditRow, locale: Locale): string | null {
  const detail = row.detail ?? {};
  const source = detail.changes ?? detail.changed ?? detail.folded;
  const fields = Array.isArray(source)
    ? source.filter((field): field is string => typeof field === 'string')
    : source && typeof source === 'object'
      ? Object.keys(source)
      : [];
  if (fields.length === 0) return null;
  const entity = (['product', 'cooperative', 'event'] as const).find((type) => type === row.entityType);
  const labels = fields.map((field) => (entity ? formFieldLabel(entity as LabelledEntity, field, locale) : null));
  const known = [...new Set(labels.filter((label): label is string => label !== null))];
  const others = labels.length - labels.filter((label) => label !== null).length;
  const t = dictionary(locale).audit.details;
  return formatList(others > 0 ? [...known, format(t.otherFields, { count: others })] : known, locale);
}

/** The details a reader needs: reasons and notes as written, fields by their labels; ids, versions and slugs left out. */
function detailLines(row: AuditRow, locale: Locale): AuditDetailLine[] {
  const t = dictionary(locale).audit.details;
  const detail = row.detail ?? {};
  const lines: AuditDetailLine[] = [];
  const text = (key: string) => {
    const value = detail[key];
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  };
  const evidence = text('evidence');
  if (evidence) lines.push({ label: t.evidence, value: evidence });
  // A retention anonymisation stores `reason: 'retention'`, a code: its period is said instead.
  const reason =
    row.action === 'inquiry.anonymise' || row.action === 'privacy_request.complete' ? null : text('reason');
  if (reason) lines.push({ label: t.reason, value: reason });
  // Written by an officer for a cooperative (a product import from the console): which one.
  if (typeof detail.cooperative === 'string' && row.subject.cooperative)
    lines.push({ label: t.cooperative, value: row.subject.cooperative.name });
  const fields = changedFields(row, locale);
  if (fields) lines.push({ label: t.changes, value: fields });
  const booth = text('boothLabel');
  if (booth) lines.push({ label: t.boothLabel, value: booth });
  if (typeof detail.booths === 'number') lines.push({ label: t.booths, value: formatNumber(detail.booths, locale) });
  if (row.action === 'invitation.sent') {
    const email = text('email');
    if (email) lines.push({ label: t.email, value: email });
  }
  if (typeof detail.months === 'number')
    lines.push({ label: t.retention, value: format(t.retentionMonths, { months: detail.months }) });
  return lines;
}

export function describeAuditEntry(row: AuditRow, locale: Locale): AuditSentence {
  const t = dictionary(locale).audit;
  const template = hasAuditWording(row.action) ? t.actions[row.action] : t.changed;
  const record = recordOf(row, locale);
  const [before = '', after = ''] = format(template, { actor: actorName(row, locale) }).split('{record}');
  return {
    before,
    record: record.name,
    after,
    href: record.paths ? record.paths[locale] : null,
    details: detailLines(row, locale),
  };
}

/** The sentence as plain text, for a spreadsheet cell. */
export function auditSentenceText(sentence: AuditSentence): string {
  return `${sentence.before}${sentence.record}${sentence.after}`;
}
