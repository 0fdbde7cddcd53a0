/**
 * Label sheets for a product or one of its batches, as the dashboard asks for
 * them: who may print them, what may be asked (a layout, a bounded number of
 * sheets, a batch of this product), and the PDF with its file name.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { dictionary, format, type Locale } from '../../i18n';
import { isOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import type { Database } from '../db/client';
import { cooperatives } from '../db/schema';
import { ValidationError } from '../errors';
import { type OwnedProduct, findOwnedProduct, findProductBySlug } from '../products/owned-product';
import { findProductBatch, listProductBatches, type BatchSummary } from '../provenance/batches';
import { labelFileName, labelPath } from '../provenance/labels';
import { absoluteUrl } from '../seo/urls';
import { parseInput } from '../validation';
import { LABEL_LAYOUT_IDS, type LabelLayoutId } from './label-layouts';
import { labelSheetPdf } from './label-sheet';

/**
 * At most 20 sheets a request: 480 labels of 70 × 37 mm, about twice the
 * 240 the CPU budget is measured on (bench/label-sheet.ts), so one request
 * stays well within a Worker's CPU and memory. More is another download.
 */
export const MAX_LABEL_SHEETS = 20;

export interface LabelSheetChoice {
  layout: LabelLayoutId;
  sheets: number;
  /** The batch's id, or null for the product's own label. */
  batch: string | null;
}

export const labelSheetChoiceSchema = z.object({
  layout: z.enum(LABEL_LAYOUT_IDS as [LabelLayoutId, ...LabelLayoutId[]]),
  sheets: z.coerce.number().int().min(1).max(MAX_LABEL_SHEETS),
  // Blank (the select's "product label" option) means the product's own label.
  batch: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((value) => value || null),
});

/** The form's fields as a choice, or a ValidationError naming each bad field. */
export function parseLabelSheetChoice(form: Record<string, string>): LabelSheetChoice {
  return parseInput(labelSheetChoiceSchema, form);
}

/**
 * The product, for a member of the cooperative that owns it or for a trade
 * officer (who prints labels for a cooperative at a fair or a training day).
 * Anyone else gets what findOwnedProduct answers: 403 for a visitor without
 * the role, 404 for another cooperative's member, as if no such product existed.
 */
export async function findProductForLabels(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
): Promise<OwnedProduct> {
  return isOfficer(user) ? findProductBySlug(db, slug) : findOwnedProduct(db, user, slug);
}

export interface LabelSheetForm {
  product: OwnedProduct;
  batches: BatchSummary[];
  /** The product's cooperative, for an officer's way back to it in the console; null for the cooperative's members. */
  cooperative: { slug: string; name: string } | null;
}

export async function loadLabelSheetForm(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
): Promise<LabelSheetForm> {
  const product = await findProductForLabels(db, user, slug);
  const [batches, cooperative] = await Promise.all([
    listProductBatches(db, product.id),
    isOfficer(user)
      ? db
          .select({ slug: cooperatives.slug, name: cooperatives.name })
          .from(cooperatives)
          .where(eq(cooperatives.id, product.cooperativeId))
          .limit(1)
          .then((rows) => rows[0] ?? null)
      : null,
  ]);
  return { product, batches, cooperative };
}

export interface LabelSheetFile {
  bytes: Uint8Array;
  fileName: string;
}

/** A best-before date as labels in Viet Nam print it, DD/MM/YYYY (from YYYY-MM-DD), whatever the label's language. */
export const printedDate = (calendarDate: string): string => calendarDate.split('-').reverse().join('/');

/**
 * The PDF for a choice already parsed: the batch must be this product's
 * (another product's batch id is a field error, not a way to print its lot).
 */
export async function labelSheetFile(
  db: Database,
  product: OwnedProduct,
  choice: LabelSheetChoice,
  origin: string,
  /** The labels' language: the dashboard page's, so a person prints in the language they work in. */
  locale: Locale,
): Promise<LabelSheetFile> {
  const batch = choice.batch === null ? null : await findProductBatch(db, product.id, { id: choice.batch });
  if (choice.batch !== null && !batch) throw new ValidationError({ batch: { code: 'unknown_lot' } });
  const lotCode = batch?.lotCode ?? null;
  const t = dictionary(locale).print;
  // An English name is optional; a label without one says the Vietnamese name, as the product page does.
  const name = (locale === 'en' && product.nameEn.trim()) || product.nameVi;
  const bytes = await labelSheetPdf({
    layout: choice.layout,
    sheets: choice.sheets,
    content: {
      name,
      lotCode,
      bestBefore: batch?.bestBefore ? printedDate(batch.bestBefore) : null,
      traceCode: product.traceCode,
      address: absoluteUrl(origin, labelPath(product, lotCode)),
    },
    words: t.onLabel,
    title:
      lotCode === null
        ? format(t.labels.fileTitle, { product: name })
        : format(t.labels.fileTitleLot, { product: name, lot: lotCode }),
    language: locale === 'vi' ? 'vi-VN' : 'en',
  });
  return { bytes, fileName: labelFileName(product, lotCode, `${choice.layout}.pdf`) };
}
