/**
 * A trade officer importing a cooperative's products from the console
 * (officerProductImporter, src/server/imports/product-import.ts), and
 * imports that stop part way being continued (src/server/imports/import-runs.ts),
 * on libSQL and on D1 as workerd runs it: the officer's rows become the
 * cooperative's drafts, a published product's change a revision for review,
 * each with an audit entry naming the officer and the cooperative; members
 * cannot import for another cooperative; a failure mid-import, or a run whose
 * worker died (running with no progress), is continued from where it stopped
 * without a row twice, in the request and through the queue; files left
 * undecided for a week are deleted with their runs.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import { searchAuditLog } from '../../src/server/audit/audit-search';
import { describeAuditEntry } from '../../src/server/audit/audit-wording';
import type { Database } from '../../src/server/db/client';
import { auditLog, importRuns, pendingRevisions, products } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { ForbiddenError, NotFoundError } from '../../src/server/errors';
import { type ImportChunkMessage, importChunk, queueImport } from '../../src/server/imports/import-queue';
import {
  ABANDONED_PREVIEW_MS,
  CHUNK_ROWS,
  deleteAbandonedImports,
  isInterrupted,
  loadImportRun,
  previewUpload,
  runImport,
  STALE_RUN_MS,
} from '../../src/server/imports/import-runs';
import { officerProductImporter, PRODUCT_COLUMNS, PRODUCT_IMPORTER } from '../../src/server/imports/product-import';
import { createTestCooperative, createTestOfficer, createTestUser, sessionUserOf } from '../support/accounts';
import { memoryBucket } from '../support/memory-bucket';
import { templateFiles } from '../support/import-files';
import { bothStores } from '../support/stores';

const context = { invite: false, locale: 'vi' as const, linkFor: (token: string) => token };

const { row, csvFile } = templateFiles(PRODUCT_COLUMNS);

describe.each(bothStores('officer product imports'))('officer product import on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let cooperativeId: string;
  let officer: SessionUser;
  let member: SessionUser;
  let otherMember: SessionUser;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db);
    officer = await createTestOfficer(db);
    member = sessionUserOf(
      await createTestUser(db, { role: 'member', cooperativeId, iterations: 1000 }),
      'member',
      cooperativeId,
    );
    const otherId = await createTestCooperative(db);
    otherMember = sessionUserOf(
      await createTestUser(db, { role: 'member', cooperativeId: otherId, iterations: 1000 }),
      'member',
      otherId,
    );
    // A fresh local D1 is migrated by wrangler through its platform proxy: minutes on a busy machine.
  }, 300_000);
  afterAll(async () => dispose?.());

  const productsNamed = (prefix: string) =>
    db
      .select()
      .from(products)
      .where(and(eq(products.cooperativeId, cooperativeId), like(products.nameVi, `${prefix}%`)));
  const entriesOf = (productId: string) =>
    db.select().from(auditLog).where(eq(auditLog.entityId, productId)).orderBy(auditLog.createdAt);

  it("imports a cooperative's products as its drafts, naming the officer and the cooperative; again changes nothing", async () => {
    const { bucket, objects } = memoryBucket();
    const importer = officerProductImporter(cooperativeId);
    const file = csvFile([row({ nameVi: 'Cán bộ nhập: mật ong', sku: 'CB-1' })]);
    const { run, plan } = await previewUpload(db, bucket, importer, officer, { name: 'so.csv', bytes: file });
    expect(run.cooperativeId).toBe(cooperativeId);
    expect(plan.counts).toEqual({ create: 1, update: 0, unchanged: 0, refused: 0 });
    expect(await runImport(db, bucket, importer, officer, run.id, 'all', context)).toMatchObject({
      status: 'done',
      counts: { create: 1 },
    });
    const [honey] = await productsNamed('Cán bộ nhập');
    expect(honey).toMatchObject({ cooperativeId, status: 'draft', sku: 'CB-1' });
    const [created] = await entriesOf(honey!.id);
    expect(created).toMatchObject({
      action: 'product.created',
      actorUserId: officer.id,
      detail: { cooperative: cooperativeId },
    });
    // The console's audit log says who did it and for which cooperative.
    const logged = await searchAuditLog(db, officer, {
      actor: null,
      record: honey!.slug,
      type: null,
      from: null,
      to: null,
      before: null,
    });
    const sentence = describeAuditEntry(logged.rows[0]!, 'vi');
    expect(sentence.before).toMatch(/^Cán bộ /);
    expect(sentence.details).toContainEqual({ label: 'Cho hợp tác xã', value: expect.stringMatching(/\S/) });

    const again = await previewUpload(db, bucket, importer, officer, { name: 'so.csv', bytes: file });
    expect(again.plan.counts).toEqual({ create: 0, update: 0, unchanged: 1, refused: 0 });
    expect(objects.size).toBe(1);

    // A draft changed in place, with its entry (the changed field); published, a revision for review.
    const priced = csvFile([row({ nameVi: 'Cán bộ nhập: mật ong', sku: 'CB-1', priceVnd: '99.000' })]);
    const draft = await previewUpload(db, bucket, importer, officer, { name: 'gia.csv', bytes: priced });
    await runImport(db, bucket, importer, officer, draft.run.id, 'all', context);
    expect((await productsNamed('Cán bộ nhập'))[0]!.priceVnd).toBe(99_000);
    expect((await entriesOf(honey!.id)).map((entry) => [entry.action, entry.actorUserId, entry.detail])).toContainEqual(
      ['product.updated', officer.id, { changes: { priceVnd: [150_000, 99_000] }, cooperative: cooperativeId }],
    );

    await db.update(products).set({ status: 'published' }).where(eq(products.id, honey!.id));
    const dearer = csvFile([row({ nameVi: 'Cán bộ nhập: mật ong', sku: 'CB-1', priceVnd: '120.000' })]);
    const published = await previewUpload(db, bucket, importer, officer, { name: 'gia2.csv', bytes: dearer });
    await runImport(db, bucket, importer, officer, published.run.id, 'all', context);
    expect((await productsNamed('Cán bộ nhập'))[0]!.priceVnd).toBe(99_000);
    const [revision] = await db
      .select()
      .from(pendingRevisions)
      .where(and(eq(pendingRevisions.entityType, 'product'), eq(pendingRevisions.entityId, honey!.id)));
    expect(revision).toMatchObject({ status: 'pending', authorUserId: officer.id, proposed: { priceVnd: 120_000 } });
    expect((await entriesOf(honey!.id)).at(-1)).toMatchObject({
      action: 'product.change_proposed',
      actorUserId: officer.id,
      detail: { cooperative: cooperativeId },
    });
  });

  it("lets members import only their own cooperative's products, and see only its runs", async () => {
    const { bucket } = memoryBucket();
    const file = csvFile([row({ nameVi: 'Cán bộ nhập: trà' })]);
    // The console's importer is officers' only, whichever cooperative: a member of another one is refused.
    for (const person of [otherMember, member])
      await expect(
        previewUpload(db, bucket, officerProductImporter(cooperativeId), person, { name: 'a.csv', bytes: file }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    const { run } = await previewUpload(db, bucket, officerProductImporter(cooperativeId), officer, {
      name: 'a.csv',
      bytes: file,
    });
    await expect(loadImportRun(db, PRODUCT_IMPORTER, otherMember, run.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(runImport(db, bucket, PRODUCT_IMPORTER, otherMember, run.id, 'all', context)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // Another cooperative's run is not reached through this cooperative's console page either.
    const theirs = await previewUpload(db, bucket, PRODUCT_IMPORTER, otherMember, { name: 'b.csv', bytes: file });
    await expect(
      loadImportRun(db, officerProductImporter(cooperativeId), officer, theirs.run.id),
    ).rejects.toBeInstanceOf(NotFoundError);
    // The dashboard's importer is members' only.
    await expect(
      previewUpload(db, bucket, PRODUCT_IMPORTER, officer, { name: 'a.csv', bytes: file }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.select().from(importRuns).where(eq(importRuns.id, run.id)))[0]?.status).toBe('previewed');
  });

  it('continues an import that failed mid-way from where it stopped, without a row twice', async () => {
    const { bucket, objects } = memoryBucket();
    const total = CHUNK_ROWS + 10;
    const names = Array.from({ length: total }, (_, i) => `Cắt ngang ${String(i).padStart(3, '0')}`);
    const { run } = await previewUpload(db, bucket, PRODUCT_IMPORTER, member, {
      name: 'lon.csv',
      bytes: csvFile(names.map((nameVi) => row({ nameVi }))),
    });
    // The worker dies in the second chunk, after two of its rows were written (each row is its own batch).
    let batches = 0;
    const failing = new Proxy(db, {
      get(target, key, receiver) {
        if (key === 'batch')
          return (statements: never) =>
            ++batches === CHUNK_ROWS + 1 + 3 ? Promise.reject(new Error('cut off')) : target.batch(statements);
        return Reflect.get(target, key, receiver);
      },
    });
    await expect(runImport(failing, bucket, PRODUCT_IMPORTER, member, run.id, 'all', context)).rejects.toThrow(
      'cut off',
    );
    expect(await loadImportRun(db, PRODUCT_IMPORTER, member, run.id)).toMatchObject({
      status: 'failed',
      rowsDone: CHUNK_ROWS,
      counts: { create: CHUNK_ROWS },
    });
    expect(await productsNamed('Cắt ngang')).toHaveLength(CHUNK_ROWS + 2);

    // Continued (the page posts the run alone): from row CHUNK_ROWS, the two rows written before the stop unchanged.
    const done = await runImport(db, bucket, PRODUCT_IMPORTER, member, run.id, 'all', context);
    expect(done).toMatchObject({
      status: 'done',
      rowsDone: total,
      counts: { create: total - 2, unchanged: 2, update: 0, refused: 0 },
    });
    const written = await productsNamed('Cắt ngang');
    expect(written).toHaveLength(total);
    expect(new Set(written.map((p) => p.nameVi)).size).toBe(total);
    expect(objects.size).toBe(0);
  });

  it('shows a running import with no progress as interrupted, and continues it from its progress', async () => {
    const { bucket } = memoryBucket();
    const importer = officerProductImporter(cooperativeId);
    const names = ['Bỏ dở 1', 'Bỏ dở 2', 'Bỏ dở 3'];
    const { run } = await previewUpload(db, bucket, importer, officer, {
      name: 'do.csv',
      bytes: csvFile(names.map((nameVi) => row({ nameVi }))),
    });
    // A request killed after its first row: the row is written, the run says running at 1 of 3 and nothing moves.
    const started = new Date(Date.now() - STALE_RUN_MS - 60_000);
    const first = await previewUpload(db, bucket, importer, officer, {
      name: 'mot.csv',
      bytes: csvFile([row({ nameVi: names[0]! })]),
    });
    await runImport(db, bucket, importer, officer, first.run.id, 'all', context);
    await db
      .update(importRuns)
      .set({ status: 'running', mode: 'all', rowsDone: 1, counts: { create: 1 }, updatedAt: started })
      .where(eq(importRuns.id, run.id));
    const stopped = await loadImportRun(db, importer, officer, run.id);
    expect(isInterrupted(stopped)).toBe(true);
    // Not yet stale, it is at work: nobody else may start it.
    expect(isInterrupted(stopped, new Date(started.getTime() + STALE_RUN_MS - 1000))).toBe(false);
    await expect(
      runImport(db, bucket, importer, officer, run.id, 'all', context, new Date(started.getTime() + 1000)),
    ).rejects.toMatchObject({ code: 'conflict' });

    // Meanwhile the third row's product was made and sent for review: continuing refuses that row alone, even
    // all or nothing (the file passed when it started and is partly written), and writes the second.
    const third = await previewUpload(db, bucket, importer, officer, {
      name: 'ba.csv',
      bytes: csvFile([row({ nameVi: names[2]! })]),
    });
    await runImport(db, bucket, importer, officer, third.run.id, 'all', context);
    await db.update(products).set({ status: 'submitted' }).where(eq(products.nameVi, names[2]!));
    const done = await runImport(db, bucket, importer, officer, run.id, 'all', context);
    expect(done).toMatchObject({ status: 'done', counts: { create: 2, unchanged: 0, refused: 1 } });
    expect(done.resultKey).not.toBeNull();
    expect((await productsNamed('Bỏ dở')).map((p) => p.nameVi).sort()).toEqual(names);
    // Done, it is not continued again.
    await expect(runImport(db, bucket, importer, officer, run.id, 'all', context)).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it("runs an officer's queued import as the officer, and continues a queued run whose consumer died", async () => {
    const { bucket } = memoryBucket();
    const importer = officerProductImporter(cooperativeId);
    const names = ['Hàng đợi A', 'Hàng đợi B'];
    const { run } = await previewUpload(db, bucket, importer, officer, {
      name: 'q.csv',
      bytes: csvFile(names.map((nameVi) => row({ nameVi }))),
    });
    const sent: ImportChunkMessage[] = [];
    const queue = { send: async (message: ImportChunkMessage) => void sent.push(message) };
    await queueImport(db, bucket, queue, importer, officer, run.id, 'all', false);
    expect(sent).toEqual([{ runId: run.id, from: 0 }]);
    // The consumer died before writing anything: after a while the run is interrupted, and continued from row 0.
    await db
      .update(importRuns)
      .set({ updatedAt: new Date(Date.now() - STALE_RUN_MS - 60_000) })
      .where(eq(importRuns.id, run.id));
    await queueImport(db, bucket, queue, importer, officer, run.id, 'all', false);
    expect(sent).toEqual([
      { runId: run.id, from: 0 },
      { runId: run.id, from: 0 },
    ]);
    expect(await importChunk(db, bucket, queue, sent[1]!, 'https://cho.test')).toBe('finished');
    // The first message, delivered late, finds the run done.
    expect(await importChunk(db, bucket, queue, sent[0]!, 'https://cho.test')).toBe('stale');
    const written = await productsNamed('Hàng đợi');
    expect(written).toHaveLength(2);
    for (const product of written)
      expect((await entriesOf(product.id))[0]).toMatchObject({ action: 'product.created', actorUserId: officer.id });
  });

  it('deletes the files of imports left undecided for a week, with their runs, and only those', async () => {
    const { bucket, objects } = memoryBucket();
    const file = csvFile([row({ nameVi: 'Bỏ quên' })]);
    const upload = () => previewUpload(db, bucket, PRODUCT_IMPORTER, member, { name: 'quen.csv', bytes: file });
    const [left, recent, stopped] = [(await upload()).run, (await upload()).run, (await upload()).run];
    const longAgo = new Date(Date.now() - ABANDONED_PREVIEW_MS - 60_000);
    await db.update(importRuns).set({ updatedAt: longAgo }).where(eq(importRuns.id, left.id));
    // A run that stopped part way waits to be continued, however old.
    await db.update(importRuns).set({ status: 'failed', updatedAt: longAgo }).where(eq(importRuns.id, stopped.id));
    expect(objects.size).toBe(3);
    expect(await deleteAbandonedImports(db, bucket, new Date())).toBeGreaterThanOrEqual(1);
    expect([...objects.keys()].sort()).toEqual([`imports/${recent.id}/upload`, `imports/${stopped.id}/upload`].sort());
    await expect(loadImportRun(db, PRODUCT_IMPORTER, member, left.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await loadImportRun(db, PRODUCT_IMPORTER, member, recent.id)).status).toBe('previewed');
    expect(await deleteAbandonedImports(db, bucket, new Date())).toBe(0);
  });
});
