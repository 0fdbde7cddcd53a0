/**
 * The label sheet page of a product in the dashboard: a GET form (which label,
 * which sheets, how many) whose submission answers with the PDF as a download.
 * A GET, because asking for a file changes nothing: the URL can be bookmarked
 * to print the same sheets again. Members of the owning cooperative and trade
 * officers only (src/server/print/label-sheets.ts).
 */
import type { AstroGlobal } from 'astro';
import type { Locale } from '../../../src/i18n';
import { DEFAULT_LABEL_LAYOUT } from '../../../src/server/print/label-layouts';
import {
  type LabelSheetForm,
  labelSheetFile,
  loadLabelSheetForm,
  parseLabelSheetChoice,
} from '../../../src/server/print/label-sheets';
import { siteOrigin } from '../../../src/server/seo/origin';
import { emptyView, type FormView, noStore } from '../form-handling';
import { gated, runForm } from '../handle-page';

/** Officers reach the page from the cooperative's page in the console (`cooperative`), members from the batches. */
export type LabelSheetView = FormView & LabelSheetForm;

/** The fields the form sends; anything else in the query is ignored. */
const FIELDS = ['batch', 'layout', 'sheets'] as const;

export async function handleLabelSheets(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
): Promise<LabelSheetView | Response> {
  noStore(page);
  const gate = await gated(page, locale, (db, user) => loadLabelSheetForm(db, user, slug));
  if (gate instanceof Response) return gate;
  const { product } = gate.data;
  const shown = gate.data;
  const query = page.url.searchParams;
  const values = Object.fromEntries(FIELDS.flatMap((name) => (query.has(name) ? [[name, query.get(name)!]] : [])));
  // Arriving from a batch's "Print labels" link names only the batch: show the form for it.
  if (!query.has('layout') && !query.has('sheets')) {
    return { ...emptyView({ layout: DEFAULT_LABEL_LAYOUT, sheets: '1', batch: values.batch ?? '' }), ...shown };
  }

  const origin = siteOrigin(page.locals.services.env, page.url);
  const outcome = await runForm(page, locale, values, (db) =>
    labelSheetFile(db, product, parseLabelSheetChoice(values), origin, locale),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, ...shown };
  const { bytes, fileName } = outcome.value;
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
