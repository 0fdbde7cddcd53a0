/**
 * Importing products from a register (src/server/imports) on libSQL and on
 * D1 as workerd runs it: template → preview → import → the same file again
 * changes nothing; refused rows with their row, column and reason; all or
 * nothing; a published product's change through review; an import cut short
 * finished without a row twice; rows matched by the cooperative's own
 * product code; who may import.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { auditLog, importRuns, pendingRevisions, products } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/server/errors';
import { loadImportRun, previewUpload, refusedRowsFile, runImport } from '../../src/server/imports/import-runs';
import {
  applyProductImport,
  planProductImport,
  PRODUCT_COLUMNS,
  PRODUCT_IMPORTER,
} from '../../src/server/imports/product-import';
import { readSpreadsheet } from '../../src/server/imports/spreadsheet-file';
import { importTemplate } from '../../src/server/imports/templates';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { memoryBucket } from '../support/memory-bucket';
import { templateFiles } from '../support/import-files';
import { bothStores } from '../support/stores';

const NOW = new Date('2026-11-24T03:00:00Z');
const context = (locale: 'vi' | 'en') => ({ invite: false, locale, linkFor: (token: string) => token });

async function personOn(db: Database, role: SessionUser['role'], cooperativeId: string | null): Promise<SessionUser> {
  const created = await createTestUser(db, { role, cooperativeId, iterations: 1000 });
  return { id: created.id, email: created.email, displayName: 'Người thử', role, cooperativeId, isManager: false };
}

const { header: HEADER, row, csvFile } = templateFiles(PRODUCT_COLUMNS);

describe.each(bothStores('imports'))('product import on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let cooperativeId: string;
  let member: SessionUser;
  let otherMember: SessionUser;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db);
    member = await personOn(db, 'member', cooperativeId);
    otherMember = await personOn(db, 'member', await createTestCooperative(db));
    // A fresh local D1 is migrated by wrangler through its platform proxy: minutes on a busy machine.
  }, 300_000);
  afterAll(async () => dispose?.());

  const productsOf = (id: string) => db.select().from(products).where(eq(products.cooperativeId, id));
  const auditCount = async () => (await db.select({ id: auditLog.id }).from(auditLog)).length;

  it('imports the template as it is, and the same file again changes nothing', async () => {
    const { bucket, objects } = memoryBucket();
    const template = await importTemplate(PRODUCT_COLUMNS, 'vi', 'xlsx', 'mau');
    const { run, plan } = await previewUpload(db, bucket, PRODUCT_IMPORTER, member, {
      name: 'mau.xlsx',
      bytes: template.bytes,
    });
    expect(plan.counts).toEqual({ create: 1, update: 0, unchanged: 0, refused: 0 });
    expect(await productsOf(cooperativeId)).toHaveLength(0);
    expect(objects.size).toBe(1);

    const done = await runImport(db, bucket, PRODUCT_IMPORTER, member, run.id, 'all', context('vi'), NOW);
    expect(done).toMatchObject({ status: 'done', counts: { create: 1, refused: 0 }, rowsDone: 1, resultKey: null });
    const [created] = await productsOf(cooperativeId);
    expect(created).toMatchObject({
      nameVi: 'Mật ong hoa nhãn',
      status: 'draft',
      priceVnd: 150_000,
      provinceCode: '33',
    });
    const entries = await db.select().from(auditLog).where(eq(auditLog.entityId, created!.id));
    expect(entries.map((entry) => entry.action)).toEqual(['product.created']);
    expect(objects.size).toBe(0);

    const audits = await auditCount();
    const again = await previewUpload(db, bucket, PRODUCT_IMPORTER, member, {
      name: 'mau.xlsx',
      bytes: template.bytes,
    });
    expect(again.plan.counts).toEqual({ create: 0, update: 0, unchanged: 1, refused: 0 });
    expect(
      await runImport(db, bucket, PRODUCT_IMPORTER, member, again.run.id, 'all', context('vi'), NOW),
    ).toMatchObject({
      counts: { unchanged: 1, create: 0, update: 0 },
    });
    expect(await productsOf(cooperativeId)).toHaveLength(1);
    expect(await auditCount()).toBe(audits);
    await expect(
      runImport(db, bucket, PRODUCT_IMPORTER, member, again.run.id, 'all', context('vi'), NOW),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('keeps what the file has no column for, such as wholesale terms, when it updates a product', async () => {
    const { bucket } = memoryBucket();
    const [honey] = (await productsOf(cooperativeId)).filter((p) => p.nameVi === 'Mật ong hoa nhãn');
    const terms = {
      wholesaleMinOrder: 50,
      priceTiers: [{ minQuantity: 100, priceVnd: 120_000 }],
      exportMarkets: ['JP'],
    };
    await db.update(products).set(terms).where(eq(products.id, honey!.id));
    // The template's own row again: the terms are not in the file, so nothing changed.
    const same = await previewUpload(db, bucket, PRODUCT_IMPORTER, member, {
      name: 'mau.csv',
      bytes: csvFile([row({})]),
    });
    expect(same.plan.counts).toEqual({ create: 0, update: 0, unchanged: 1, refused: 0 });
    const { run, plan } = await previewUpload(db, bucket, PRODUCT_IMPORTER, member, {
      name: 'gia.csv',
      bytes: csvFile([row({ priceVnd: '160.000' })]),
    });
    expect(plan.counts.update).toBe(1);
    await runImport(db, bucket, PRODUCT_IMPORTER, member, run.id, 'all', context('vi'), NOW);
    const [after] = await db.select().from(products).where(eq(products.id, honey!.id));
    expect(after).toMatchObject({ priceVnd: 160_000, ...terms });
    await db.update(products).set({ priceVnd: 150_000 }).where(eq(products.id, honey!.id));
  });

  it('reports each refused row with its row, column, value and reason; all or nothing, or the valid rows', async () => {
    const { bucket } = memoryBucket();
    const file = csvFile(
      [
        row({ nameVi: 'Trà shan tuyết', priceVnd: '1.250.000', gtin: '8934567890120' }),
        row({ nameVi: 'Miến dong', provinceCode: 'Tỉnh Hà Tây' }),
        row({ nameVi: 'Gạo nếp', gtin: '8934567890129' }),
        row({ nameVi: 'Trà shan tuyết' }),
        row({ nameVi: '=HYPERLINK("http://evil","x")' }),
        row({ nameVi: 'Nấm hương', priceVnd: 'liên hệ', ocopGroup: 'Rau củ' }),
      ],
      ';',
    );
    const { run, plan } = await previewUpload(db, bucket, PRODUCT_IMPORTER, member, { name: 'so.csv', bytes: file });
    expect(plan.counts).toEqual({ create: 1, update: 0, unchanged: 0, refused: 5 });
    const issues = plan.rows.flatMap((planned) => planned.issues).map(({ row, column, code }) => [row, column, code]);
    expect(issues).toEqual([
      [3, 'Tỉnh/thành phố', 'import_unknown_province'],
      [4, 'Mã GTIN', 'gtin_check_digit'],
      [5, 'Tên sản phẩm', 'import_duplicate_row'],
      [6, 'Tên sản phẩm', 'import_formula'],
      [7, 'Nhóm sản phẩm', 'import_ocop_group'],
      [7, 'Giá (đồng)', 'number_invalid'],
    ]);
    const refused = new TextDecoder().decode(await refusedRowsFile(db, bucket, PRODUCT_IMPORTER, member, run.id, 'en'));
    expect(refused).toContain('Duplicates row 2 of the file.');
    // The refused formula comes back as text, never as a formula the spreadsheet would run.
    expect(refused).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(refused).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(refused.split('\r\n').filter(Boolean)).toHaveLength(6);

    const before = (await productsOf(cooperativeId)).length;
    await expect(
      runImport(db, bucket, PRODUCT_IMPORTER, member, run.id, 'all', context('vi'), NOW),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await productsOf(cooperativeId)).toHaveLength(before);
    expect((await loadImportRun(db, PRODUCT_IMPORTER, member, run.id)).status).toBe('previewed');

    const done = await runImport(db, bucket, PRODUCT_IMPORTER, member, run.id, 'valid', context('vi'), NOW);
    expect(done.counts).toEqual({ create: 1, update: 0, unchanged: 0, refused: 5 });
    const [tea] = (await productsOf(cooperativeId)).filter((p) => p.nameVi === 'Trà shan tuyết');
    expect(tea).toMatchObject({ priceVnd: 1_250_000, gtin: '08934567890120' });
    const kept = new TextDecoder().decode(await refusedRowsFile(db, bucket, PRODUCT_IMPORTER, member, run.id, 'vi'));
    expect(kept).toContain('Trùng với dòng 2 của tệp.');
  });

  it('sends a changed published product to review instead of changing it', async () => {
    const { bucket } = memoryBucket();
    const [honey] = (await productsOf(cooperativeId)).filter((p) => p.nameVi === 'Mật ong hoa nhãn');
    await db.update(products).set({ status: 'published' }).where(eq(products.id, honey!.id));
    const file = csvFile([row({ priceVnd: '175.000' })]);
    const { run, plan } = await previewUpload(db, bucket, PRODUCT_IMPORTER, member, { name: 'gia.csv', bytes: file });
    expect(plan.counts.update).toBe(1);
    await runImport(db, bucket, PRODUCT_IMPORTER, member, run.id, 'all', context('vi'), NOW);
    const [after] = await db.select().from(products).where(eq(products.id, honey!.id));
    expect(after!.priceVnd).toBe(150_000);
    const [revision] = await db
      .select()
      .from(pendingRevisions)
      .where(and(eq(pendingRevisions.entityType, 'product'), eq(pendingRevisions.entityId, honey!.id)));
    expect(revision!.proposed).toMatchObject({ priceVnd: 175_000 });
    // The change waiting for review is what the file says: importing it again is no change.
    const again = await previewUpload(db, bucket, PRODUCT_IMPORTER, member, { name: 'gia.csv', bytes: file });
    expect(again.plan.counts).toEqual({ create: 0, update: 0, unchanged: 1, refused: 0 });
  });

  it('finishes an import cut short without writing a row twice', async () => {
    const names = ['Bánh gai', 'Bánh cốm', 'Chè lam', 'Kẹo lạc', 'Mứt gừng'];
    const sheet = (await readSpreadsheet(csvFile(names.map((nameVi) => row({ nameVi }))))).rows;
    const plan = await planProductImport(db, member, cooperativeId, sheet);
    expect(plan.counts.create).toBe(5);
    await expect(
      applyProductImport(db, member, cooperativeId, plan, 'all', NOW, (done) => {
        if (done === 3) throw new Error('the worker was stopped');
      }),
    ).rejects.toThrow('stopped');
    const resumed = await planProductImport(db, member, cooperativeId, sheet);
    expect(resumed.counts).toEqual({ create: 2, update: 0, unchanged: 3, refused: 0 });
    await applyProductImport(db, member, cooperativeId, resumed, 'all', NOW);
    const written = (await productsOf(cooperativeId)).filter((p) => names.includes(p.nameVi));
    expect(written.map((p) => p.nameVi).sort()).toEqual([...names].sort());
  });

  it("matches rows by the cooperative's own product code, and keeps it when the file has no such column", async () => {
    const { bucket } = memoryBucket();
    const ownId = await createTestCooperative(db);
    const owner = await personOn(db, 'member', ownId);
    const importFile = async (bytes: Uint8Array) => {
      const { run, plan } = await previewUpload(db, bucket, PRODUCT_IMPORTER, owner, { name: 'ma.csv', bytes });
      if (plan.counts.create + plan.counts.update > 0)
        await runImport(db, bucket, PRODUCT_IMPORTER, owner, run.id, 'valid', context('vi'), NOW);
      return plan;
    };
    const skuOf = async (nameVi: string) => (await productsOf(ownId)).find((p) => p.nameVi === nameVi)?.sku;

    expect(
      (
        await importFile(
          csvFile([
            row({ nameVi: 'Mật ong rừng', sku: 'MO-1', gtin: '8936000123451' }),
            row({ nameVi: 'Trà móc câu', sku: 'TR/2' }),
          ]),
        )
      ).counts,
    ).toEqual({ create: 2, update: 0, unchanged: 0, refused: 0 });
    expect(await skuOf('Trà móc câu')).toBe('TR/2');
    const [honey] = (await productsOf(ownId)).filter((p) => p.sku === 'MO-1');

    // Renamed in the books: the code finds the product, which is renamed, not created again.
    const renamed = csvFile([row({ nameVi: 'Mật ong rừng U Minh', sku: 'MO-1', gtin: '8936000123451' })]);
    expect((await importFile(renamed)).counts).toEqual({ create: 0, update: 1, unchanged: 0, refused: 0 });
    expect(await productsOf(ownId)).toHaveLength(2);
    expect((await db.select().from(products).where(eq(products.id, honey!.id)))[0]!.nameVi).toBe('Mật ong rừng U Minh');
    expect((await importFile(renamed)).counts).toEqual({ create: 0, update: 0, unchanged: 1, refused: 0 });

    // An older file without the code's column: matched by name, and the code stays.
    const skuAt = PRODUCT_COLUMNS.findIndex((column) => column.field === 'sku');
    const withoutCode = (rows: string[][]) =>
      new TextEncoder().encode(
        [HEADER, ...rows]
          .map((cells) =>
            cells
              .filter((_, i) => i !== skuAt)
              .map((cell) => `"${cell}"`)
              .join(','),
          )
          .join('\r\n'),
      );
    expect((await importFile(withoutCode([row({ nameVi: 'Trà móc câu' })]))).counts).toEqual({
      create: 0,
      update: 0,
      unchanged: 1,
      refused: 0,
    });
    expect(await skuOf('Trà móc câu')).toBe('TR/2');

    // A code twice in the file, a malformed one, and one of another product than the GTIN's.
    const { plan } = await previewUpload(db, bucket, PRODUCT_IMPORTER, owner, {
      name: 'sai.csv',
      bytes: csvFile([
        row({ nameVi: 'Nấm linh chi', sku: 'NM-7' }),
        row({ nameVi: 'Nấm hương rừng', sku: 'NM-7' }),
        row({ nameVi: 'Nấm mỡ', sku: 'NM 8' }),
        row({ nameVi: 'Mật ong rừng U Minh', sku: 'TR/2', gtin: '8936000123451' }),
      ]),
    });
    expect(plan.rows.flatMap((planned) => planned.issues).map(({ row, column, code }) => [row, column, code])).toEqual([
      [3, 'Mã sản phẩm của HTX', 'import_duplicate_row'],
      [4, 'Mã sản phẩm của HTX', 'product_sku'],
      [5, 'Mã sản phẩm của HTX', 'sku_taken'],
    ]);
    // Another cooperative may use the same code for its own product.
    const other = await previewUpload(db, bucket, PRODUCT_IMPORTER, otherMember, {
      name: 'ma.csv',
      bytes: csvFile([row({ nameVi: 'Mật ong rừng', sku: 'MO-1' })]),
    });
    expect(other.plan.counts.create).toBe(1);
  });

  it('lets only members of the cooperative preview, see and run its imports', async () => {
    const { bucket, objects } = memoryBucket();
    const file = csvFile([row({ nameVi: 'Nước mắm' })]);
    const { run } = await previewUpload(db, bucket, PRODUCT_IMPORTER, member, { name: 'a.csv', bytes: file });
    await expect(loadImportRun(db, PRODUCT_IMPORTER, otherMember, run.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      runImport(db, bucket, PRODUCT_IMPORTER, otherMember, run.id, 'valid', context('vi'), NOW),
    ).rejects.toBeInstanceOf(NotFoundError);
    const officer = await personOn(db, 'officer', null);
    await expect(
      previewUpload(db, bucket, PRODUCT_IMPORTER, officer, { name: 'a.csv', bytes: file }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      previewUpload(db, bucket, PRODUCT_IMPORTER, null, { name: 'a.csv', bytes: file }),
    ).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    // A refused upload keeps nothing: no run, nothing in the bucket.
    const runs = (await db.select().from(importRuns)).length;
    const kept = objects.size;
    await expect(
      previewUpload(db, bucket, PRODUCT_IMPORTER, member, {
        name: 'x.csv',
        bytes: new Uint8Array([0x4d, 0xe2, 0xf2, 0x74]),
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await db.select().from(importRuns)).length).toBe(runs);
    expect(objects.size).toBe(kept);
  });
});
