/**
 * The audit log as a download (CSV or XLSX, /quan-tri/nhat-ky with the
 * page's filters): one row per entry, newest first, in the same words as
 * the page (audit-wording.ts), so a file handed to an inspector reads as
 * the page does, with no codes, ids or JSON.
 */
import { dictionary, type Locale } from '../../i18n';
import type { DataTable } from '../reports/table-files';
import type { AuditRow } from './audit-search';
import { auditSentenceText, describeAuditEntry } from './audit-wording';

export function auditTable(rows: readonly AuditRow[], locale: Locale): DataTable {
  const t = dictionary(locale).audit;
  const col = t.columns;
  return {
    title: t.sheet,
    columns: [
      { header: col.when, width: 18 },
      { header: col.sentence, width: 80 },
      { header: col.actor, width: 28 },
      { header: col.email, width: 30 },
      { header: col.record, width: 40 },
      { header: col.details, width: 60 },
    ],
    rows: rows.map((row) => {
      const sentence = describeAuditEntry(row, locale);
      return [
        { kind: 'instant', value: row.at },
        { kind: 'text', value: auditSentenceText(sentence) },
        { kind: 'text', value: row.actor?.displayName ?? t.actors.system },
        { kind: 'text', value: row.actor?.email ?? '' },
        { kind: 'text', value: sentence.record },
        { kind: 'text', value: sentence.details.map((line) => `${line.label}: ${line.value}`).join('\n') },
      ];
    }),
  };
}
