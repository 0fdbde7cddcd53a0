/**
 * A cooperative's products from a register (CSV or XLSX), imported by its
 * members from the dashboard or by a trade officer for it from the console:
 * the columns, the preview (every row checked by the product form's own
 * rules and matched to the catalogue, nothing written) and the import, which
 * writes through the product form's verbs (createProductFor, saveProductFor),
 * so new products are the cooperative's drafts and a published product's
 * change becomes a pending revision for review exactly as from the form,
 * whoever imports (an officer's change is moderated like a member's), and
 * every created or changed product has its audit entry, naming the officer
 * and the cooperative when an officer imported it.
 *
 * A row is the cooperative's product with the same GTIN, else the one with
 * the same own product code (SKU), else the one with the same Vietnamese
 * name (compared without marks or case) unless that product carries another
 * GTIN or code than the row. A row equal to its product (or to the change
 * already waiting for review) is unchanged: importing the same file again
 * writes nothing. A column the file does not have leaves its field as it is.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { dictionary } from '../../i18n';
import type { SessionUser } from '../accounts/users';
import { isOfficer, requireCooperativeMember, requireOfficer } from '../accounts/guards';
import type { Database } from '../db/client';
import { pendingRevisions, products } from '../db/schema';
import { asDomainError } from '../errors';
import { productFieldColumns } from '../products/owner-list';
import { productInputSchema, type ProductInput } from '../products/product-input';
import { findProductBySlug } from '../products/owned-product';
import { createProductFor, type ProductAuthor, saveProductFor } from '../products/product-writes';
import { PRODUCT_FIELD_NAMES } from '../products/product-revisions';
import { OCOP_GROUPS, type ProductStatus } from '../products/vocabulary';
import { foldVietnamese } from '../search/fold';
import {
  choiceCell,
  type ImportColumn,
  readRow,
  requireColumns,
  schemaIssues,
  textCell,
  wholeNumberCell,
} from './columns';
import type { Importer } from './import-runs';
import { communeColumn, PROVINCE_COLUMN, provinceFinder } from './places';
import {
  countActions,
  type ImportMode,
  type ImportPlan,
  type PlannedRow,
  refusedRow,
  refuseIncompleteFile,
} from './plan';

type ProductField = keyof ProductInput;

const ocopGroupCell = choiceCell(
  OCOP_GROUPS,
  [dictionary('vi').ocop.groups, dictionary('en').ocop.groups],
  'import_ocop_group',
);

/** The product importer's columns, in the template's order. */
export const PRODUCT_COLUMNS: readonly ImportColumn<ProductField>[] = [
  {
    field: 'nameVi',
    headers: { vi: 'Tên sản phẩm', en: 'Product name' },
    required: true,
    example: 'Mật ong hoa nhãn',
    read: textCell,
  },
  {
    field: 'nameEn',
    headers: { vi: 'Tên tiếng Anh', en: 'English name' },
    required: false,
    example: 'Longan blossom honey',
    read: textCell,
  },
  {
    field: 'ocopGroup',
    headers: { vi: 'Nhóm sản phẩm', en: 'Product group' },
    required: true,
    example: 'Thực phẩm',
    read: ocopGroupCell,
  },
  PROVINCE_COLUMN,
  communeColumn(false),
  { field: 'gtin', headers: { vi: 'Mã GTIN', en: 'GTIN' }, required: false, example: '', read: textCell },
  {
    field: 'sku',
    headers: { vi: 'Mã sản phẩm của HTX', en: 'Own product code' },
    required: false,
    // Empty like the GTIN's: a code in the example would be every copied row's, refused as a duplicate.
    example: '',
    read: textCell,
  },
  {
    field: 'priceVnd',
    headers: { vi: 'Giá (đồng)', en: 'Price (VND)' },
    required: false,
    example: '150.000',
    read: wholeNumberCell,
  },
  {
    field: 'unitVi',
    headers: { vi: 'Đơn vị tính', en: 'Unit' },
    required: true,
    example: 'chai 500 ml',
    read: textCell,
  },
  {
    field: 'unitEn',
    headers: { vi: 'Đơn vị tính (tiếng Anh)', en: 'Unit (English)' },
    required: false,
    example: '500 ml bottle',
    read: textCell,
  },
  {
    field: 'minOrder',
    headers: { vi: 'Đặt tối thiểu', en: 'Minimum order' },
    required: false,
    example: '10',
    read: wholeNumberCell,
  },
  {
    field: 'descriptionVi',
    headers: { vi: 'Mô tả', en: 'Description' },
    required: false,
    example: 'Mật ong nguyên chất từ vườn nhãn lồng.',
    read: textCell,
  },
  {
    field: 'descriptionEn',
    headers: { vi: 'Mô tả tiếng Anh', en: 'English description' },
    required: false,
    example: 'Pure honey from longan orchards.',
    read: textCell,
  },
  {
    field: 'seasonVi',
    headers: { vi: 'Mùa vụ', en: 'Season' },
    required: false,
    example: 'Tháng 3 – tháng 5',
    read: textCell,
  },
  {
    field: 'seasonEn',
    headers: { vi: 'Mùa vụ (tiếng Anh)', en: 'Season (English)' },
    required: false,
    example: 'March to May',
    read: textCell,
  },
  {
    field: 'originFormerly',
    headers: { vi: 'Địa danh cũ', en: 'Former place name' },
    required: false,
    example: '',
    read: textCell,
  },
];

/**
 * Who imports a cooperative's products: one of its members, or a trade
 * officer (who reaches this only through the console's importer for the
 * cooperative, officerProductImporter, the page having found it).
 */
function importingFor(user: SessionUser | null | undefined, cooperativeId: string): ProductAuthor {
  if (user && isOfficer(user)) return { actor: user, cooperativeId };
  return { actor: requireCooperativeMember(user, cooperativeId), cooperativeId };
}

type ProductPlan = ImportPlan<ProductInput>;
type PlannedProduct = PlannedRow<ProductInput>;

interface ExistingProduct {
  id: string;
  slug: string;
  status: ProductStatus;
  fields: Record<string, unknown>;
}

async function cooperativeProducts(db: Database, cooperativeId: string): Promise<ExistingProduct[]> {
  const [rows, revisions] = await Promise.all([
    db
      .select({ id: products.id, slug: products.slug, status: products.status, ...productFieldColumns })
      .from(products)
      .where(eq(products.cooperativeId, cooperativeId)),
    db
      .select({ entityId: pendingRevisions.entityId, proposed: pendingRevisions.proposed })
      .from(pendingRevisions)
      .where(and(eq(pendingRevisions.entityType, 'product'), eq(pendingRevisions.cooperativeId, cooperativeId))),
  ]);
  const proposed = new Map(revisions.map((revision) => [revision.entityId, revision.proposed]));
  return rows.map(({ id, slug, status, ...fields }) => ({
    id,
    slug,
    status,
    // A published product's change waiting for review is what the row is compared with: importing it again is no change.
    fields: { ...fields, ...(status === 'published' ? (proposed.get(id) ?? {}) : {}) },
  }));
}

/** GTINs among `gtins` that belong to another cooperative's product (D1 binds at most 100 parameters). */
async function gtinsOfOthers(db: Database, cooperativeId: string, gtins: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let at = 0; at < gtins.length; at += 90) {
    const rows = await db
      .select({ gtin: products.gtin })
      .from(products)
      .where(and(inArray(products.gtin, gtins.slice(at, at + 90)), ne(products.cooperativeId, cooperativeId)));
    for (const row of rows) if (row.gtin) taken.add(row.gtin);
  }
  return taken;
}

const blankToNull = (value: unknown) => (value === '' || value === undefined ? null : value);
// Lists and objects (price tiers, export markets) compare by content, not by identity.
const sameValue = (a: unknown, b: unknown) => JSON.stringify(blankToNull(a)) === JSON.stringify(blankToNull(b));

/**
 * The row's input for an existing product: what the file has no column for (wholesale terms,
 * which no register carries, or a column left out of an older template) stays as it is.
 */
function withUnimportedFields(
  existing: ExistingProduct,
  input: ProductInput,
  imported: ReadonlySet<string>,
): ProductInput {
  const kept = Object.fromEntries(
    PRODUCT_FIELD_NAMES.filter((field) => !imported.has(field)).map((field) => [field, existing.fields[field]]),
  );
  return { ...input, ...kept } as ProductInput;
}

function isUnchanged(existing: ExistingProduct, input: ProductInput): boolean {
  return PRODUCT_FIELD_NAMES.every((field) => sameValue(existing.fields[field], input[field]));
}

const nameKey = (name: string) => `name:${foldVietnamese(name).replace(/\s+/g, ' ').trim()}`;
const gtinKey = (gtin: string) => `gtin:${gtin}`;
const skuKey = (sku: string) => `sku:${sku}`;

/** The keys a row or product is known by: its GTIN, its own code, its name. */
const keysOf = (fields: { gtin?: unknown; sku?: unknown; nameVi?: unknown }) => [
  ...(fields.gtin ? [gtinKey(String(fields.gtin))] : []),
  ...(fields.sku ? [skuKey(String(fields.sku))] : []),
  nameKey(String(fields.nameVi ?? '')),
];

/** Whether a product found by name may be the row's: it has no other GTIN or code than the row gives. */
const fitsCodes = (product: ExistingProduct, input: ProductInput) =>
  (!input.gtin || !product.fields.gtin || product.fields.gtin === input.gtin) &&
  (!input.sku || !product.fields.sku || product.fields.sku === input.sku);

/**
 * Checks every row of the register (header first) for the cooperative, as
 * the user: what importing it would do, row by row. Writes nothing.
 * ValidationError on `file` when a required column is missing.
 */
export async function planProductImport(
  db: Database,
  user: SessionUser | null | undefined,
  cooperativeId: string,
  sheet: readonly (readonly string[])[],
): Promise<ProductPlan> {
  importingFor(user, cooperativeId);
  const [header = [], ...body] = sheet;
  const { index, headerOf } = requireColumns(PRODUCT_COLUMNS, header);
  const imported: ReadonlySet<string> = new Set(index.keys());
  const [findProvince, existing] = await Promise.all([provinceFinder(db), cooperativeProducts(db, cooperativeId)]);
  const byKey = new Map<string, ExistingProduct>();
  for (const product of existing) for (const key of keysOf(product.fields)) byKey.set(key, product);

  const checked = body.map((cells, i) => {
    const rowNumber = i + 2;
    const { input, issues } = readRow(PRODUCT_COLUMNS, index, header, cells, rowNumber);
    if (typeof input.provinceCode === 'string') {
      const code = findProvince(input.provinceCode);
      if (code) input.provinceCode = code;
      else {
        issues.push({
          row: rowNumber,
          column: headerOf('provinceCode'),
          value: input.provinceCode,
          code: 'import_unknown_province',
        });
        delete input.provinceCode;
      }
    }
    input.minOrder ??= 1;
    const parsed = productInputSchema.safeParse(input);
    if (!parsed.success) schemaIssues(parsed.error, input, rowNumber, headerOf, issues);
    const name = typeof input.nameVi === 'string' ? input.nameVi : '';
    return { rowNumber, name, issues, input: parsed.success ? parsed.data : undefined };
  });

  const otherGtins = await gtinsOfOthers(
    db,
    cooperativeId,
    checked.flatMap((row) => (row.input?.gtin ? [row.input.gtin] : [])),
  );
  const firstRowOf = new Map<string, number>();
  const rows = checked.map(({ rowNumber, name, issues, input }): PlannedProduct => {
    if (!input || issues.length > 0) return { row: rowNumber, action: 'refused', name, issues };
    const refuse = (column: string, value: string, code: string, params?: Record<string, string | number>) =>
      refusedRow(rowNumber, name, { column, value, code, params });
    // A GTIN, a code or a name an earlier row already has: the same product twice.
    const keys = keysOf(input);
    const repeated = keys.find((key) => firstRowOf.has(key));
    if (repeated !== undefined) {
      const field = repeated.startsWith('gtin:') ? 'gtin' : repeated.startsWith('sku:') ? 'sku' : 'nameVi';
      return refuse(headerOf(field), String(input[field]), 'import_duplicate_row', { row: firstRowOf.get(repeated)! });
    }
    for (const key of keys) firstRowOf.set(key, rowNumber);
    if (input.gtin && otherGtins.has(input.gtin)) return refuse(headerOf('gtin'), input.gtin, 'gtin_taken');
    const byGtin = input.gtin ? byKey.get(gtinKey(input.gtin)) : undefined;
    const bySku = input.sku ? byKey.get(skuKey(input.sku)) : undefined;
    const byName = byKey.get(nameKey(input.nameVi));
    const match = byGtin ?? bySku ?? (byName && fitsCodes(byName, input) ? byName : undefined);
    // The row's code is another of the cooperative's products' than the one its GTIN names.
    if (bySku && bySku !== match) return refuse(headerOf('sku'), input.sku!, 'sku_taken');
    if (!match) return { row: rowNumber, action: 'create', name, issues: [], input };
    if (match.status === 'submitted') return refuse(headerOf('nameVi'), input.nameVi, 'import_product_in_review');
    const update = withUnimportedFields(match, input, imported);
    if (isUnchanged(match, update)) return { row: rowNumber, action: 'unchanged', name, issues: [] };
    return { row: rowNumber, action: 'update', name, issues: [], input: update, slug: match.slug };
  });
  return { rows, counts: countActions(rows) };
}

/**
 * Writes the plan's created and changed rows, each through the product
 * form's verb (its own batch with its audit entry). In `all` mode a plan
 * with a refused row writes nothing (ValidationError on `file`). A row the
 * catalogue refuses as it is written (a GTIN taken meanwhile, a product
 * sent for review in another tab) is refused in the result, and the rest go
 * on; importing the file again then finds the written rows unchanged, so an
 * import cut short is finished by running it again, without a row twice.
 */
export async function applyProductImport(
  db: Database,
  user: SessionUser | null | undefined,
  cooperativeId: string,
  plan: ProductPlan,
  mode: ImportMode,
  now = new Date(),
  onRow: (done: number) => Promise<void> | void = () => {},
): Promise<ProductPlan> {
  const author = importingFor(user, cooperativeId);
  refuseIncompleteFile(plan, mode);
  const rows: PlannedProduct[] = [];
  for (const [done, row] of plan.rows.entries()) {
    rows.push(await writeRow(db, author, row, now));
    await onRow(done + 1);
  }
  return { rows, counts: countActions(rows) };
}

async function writeRow(db: Database, author: ProductAuthor, row: PlannedProduct, now: Date): Promise<PlannedProduct> {
  if (!row.input || (row.action !== 'create' && row.action !== 'update')) return row;
  try {
    if (row.action === 'create') await createProductFor(db, author, row.input);
    else {
      const product = await findProductBySlug(db, row.slug!);
      const saved = await saveProductFor(db, author, product, row.input, now, { audited: true });
      if (saved === 'unchanged') return { ...row, action: 'unchanged' };
    }
    return row;
  } catch (error) {
    const refusal = asDomainError(error);
    if (!refusal || (refusal.code !== 'validation_failed' && refusal.code !== 'conflict')) throw error;
    const fields = refusal.fields ?? { nameVi: { code: 'import_product_in_review' } };
    return {
      ...row,
      action: 'refused',
      issues: Object.entries(fields).map(([field, issue]) => ({
        row: row.row,
        column: PRODUCT_COLUMNS.find((column) => column.field === field)?.headers.vi ?? field,
        value: String(row.input?.[field as ProductField] ?? ''),
        ...issue,
      })),
    };
  }
}

/** Products from a register, by the members of their cooperative (./import-runs.ts runs it). */
export const PRODUCT_IMPORTER: Importer<ProductInput> = {
  kind: 'products',
  scopeOf(user) {
    const member = requireCooperativeMember(user, user?.cooperativeId ?? '');
    return { user: member, cooperativeId: member.cooperativeId };
  },
  plan: (db, user, cooperativeId, sheet) => planProductImport(db, user, cooperativeId ?? '', sheet),
  async write(db, user, cooperativeId, rows, context, now, progress) {
    const author = importingFor(user, cooperativeId ?? '');
    const written: PlannedProduct[] = [];
    for (const row of rows) {
      await context.beforeWrite?.();
      written.push(await writeRow(db, author, row, now));
    }
    // Each row goes through the product form's verbs, in a batch of its own with its audit entry; the progress follows.
    if (progress.length > 0) await db.batch(progress as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    return written;
  },
};

/**
 * The same import of one cooperative's products, by a trade officer from the
 * console (the cooperative's oversight page). Its runs are the cooperative's
 * like its members' (kind `products`, its id), so the queue's consumer and
 * the refused rows' download treat them alike.
 */
export function officerProductImporter(cooperativeId: string): Importer<ProductInput> {
  return { ...PRODUCT_IMPORTER, scopeOf: (user) => ({ user: requireOfficer(user), cooperativeId }) };
}
