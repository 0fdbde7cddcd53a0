/**
 * Page controllers of a product's batches in the dashboard (list, new, edit),
 * shared by the Vietnamese and English routes. The product is found through
 * findOwnedProduct, so only members of its cooperative get past the gate.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import { dashboardProductPaths } from '../../../src/i18n/routes';
import { type OwnedProduct, findOwnedProduct } from '../../../src/server/products/owned-product';
import { NotFoundError } from '../../../src/server/errors';
import {
  type BatchSummary,
  findProductBatch,
  listProductBatches,
  recordBatch,
  updateBatch,
} from '../../../src/server/provenance/batches';
import {
  applyRowAction,
  BLANK_ROWS_NEW,
  type BatchFields,
  batchFieldsFrom,
  batchInputFrom,
  blankRow,
  formFromBatch,
  isBlankRow,
  rowAction,
  type StepRow,
  stepRowsFrom,
} from './batch-form';
import { emptyView, type FormView, noStore, readForm, seeOther } from '../form-handling';
import { gated, runForm } from '../handle-page';

export interface BatchListData {
  product: OwnedProduct;
  batches: BatchSummary[];
  notice: string | null;
}

export async function handleBatchList(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
): Promise<BatchListData | Response> {
  noStore(page);
  const gate = await gated(page, locale, async (db, user) => {
    const product = await findOwnedProduct(db, user, slug);
    return { product, batches: await listProductBatches(db, product.id) };
  });
  if (gate instanceof Response) return gate;
  const saved = page.url.searchParams.get('saved');
  const notice = saved ? format(dictionary(locale).dashboard.batches.saved, { lot: saved }) : null;
  return { ...gate.data, notice };
}

export interface BatchFormView extends FormView {
  product: OwnedProduct;
  /** The batch being edited (its id and lot code as stored), or null for a new one. */
  editing: { id: string; lotCode: string } | null;
  batch: BatchFields;
  rows: StepRow[];
}

const withBlankRow = (rows: StepRow[]) => [...rows, blankRow()];

export async function handleBatchForm(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
  batchId: string | null,
): Promise<BatchFormView | Response> {
  noStore(page);
  const gate = await gated(page, locale, async (db, user) => {
    const product = await findOwnedProduct(db, user, slug);
    const stored = batchId === null ? null : await findProductBatch(db, product.id, { id: batchId });
    if (batchId !== null && !stored) throw new NotFoundError('batch');
    return { product, stored };
  });
  if (gate instanceof Response) return gate;
  const { product, stored } = gate.data;
  const editing = stored && { id: stored.id, lotCode: stored.lotCode };

  if (page.request.method !== 'POST') {
    if (stored) {
      const form = formFromBatch(stored);
      return { ...emptyView(), product, editing, batch: form.batch, rows: withBlankRow(form.rows) };
    }
    const rows = Array.from({ length: BLANK_ROWS_NEW }, blankRow);
    return { ...emptyView(), product, editing, batch: batchFieldsFrom({}), rows };
  }

  const form = await readForm(page.request);
  const batch = batchFieldsFrom(form);
  const posted = stepRowsFrom(form);
  const action = rowAction(form.action);
  if (action.kind !== 'save') {
    const rows = applyRowAction(posted, action);
    return {
      ...emptyView(),
      notice: dictionary(locale).dashboard.notSavedYet,
      product,
      editing,
      batch,
      rows: rows.length > 0 ? rows : [blankRow()],
    };
  }

  // Blank rows go before validation, so `steps.N` in an error is the N-th row the form shows again.
  const rows = posted.filter((row) => !isBlankRow(row));
  const input = batchInputFrom(batch, rows);
  const outcome = await runForm(page, locale, {}, (db) =>
    editing
      ? updateBatch(db, product.id, editing.id, input, new Date())
      : recordBatch(db, product.id, input, new Date()),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, product, editing, batch, rows: withBlankRow(rows) };
  const list = dashboardProductPaths(product.slug).batches[locale];
  return seeOther(`${list}?saved=${encodeURIComponent(outcome.value.lotCode)}`);
}
