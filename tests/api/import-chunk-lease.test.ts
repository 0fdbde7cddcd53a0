/**
 * A queued import's chunk has one writer at a time (src/server/imports/chunk-lease.ts), on libSQL
 * and on D1 as workerd runs it: two deliveries of the same message at once write its rows once
 * (the other finds the chunk taken, asks to be delivered again later, and then finds the run past
 * it); a consumer that died mid-chunk holds it until its lease runs out, then the chunk is taken
 * over and the rows it wrote are unchanged; a run is not continued while its chunk's lease is
 * live, nor failed under its chunk's holder by another delivery giving up; and a late copy of a
 * stopped chunk's message meeting the one sent on continuing writes nothing twice. Products with
 * neither GTIN nor own code are the rows two writers would duplicate (each plans them as new);
 * cooperatives are guarded the same way.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { auditLog, cooperatives, importRuns, products } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { CHUNK_LEASE_MS } from '../../src/server/imports/chunk-lease';
import { COOPERATIVE_COLUMNS, COOPERATIVE_IMPORTER } from '../../src/server/imports/cooperative-import';
import {
  BUSY_RETRY_SECONDS,
  consumeImportChunk,
  IMPORT_QUEUE_MAX_RETRIES,
  type ImportChunkMessage,
  importChunk,
  queueImport,
} from '../../src/server/imports/import-queue';
import { type Importer, loadImportRun, previewUpload } from '../../src/server/imports/import-runs';
import { PRODUCT_COLUMNS, PRODUCT_IMPORTER } from '../../src/server/imports/product-import';
import { createTestCooperative, createTestOfficer, createTestUser, sessionUserOf } from '../support/accounts';
import { templateFiles } from '../support/import-files';
import { memoryBucket } from '../support/memory-bucket';
import { bothStores } from '../support/stores';

const NOW = new Date('2026-11-24T03:00:00Z');
const ORIGIN = 'https://cho.test';
const productFiles = templateFiles(PRODUCT_COLUMNS);
const cooperativeFiles = templateFiles(COOPERATIVE_COLUMNS);

describe.each(bothStores('import chunk leases'))('import chunk leases on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let cooperativeId: string;
  let member: SessionUser;
  let officer: SessionUser;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db);
    member = sessionUserOf(
      await createTestUser(db, { role: 'member', cooperativeId, iterations: 1000 }),
      'member',
      cooperativeId,
    );
    officer = await createTestOfficer(db);
    // A fresh local D1 is migrated by wrangler through its platform proxy: minutes on a busy machine.
  }, 300_000);
  afterAll(async () => dispose?.());

  const productsNamed = async (prefix: string) =>
    (
      await db
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.cooperativeId, cooperativeId), like(products.nameVi, `${prefix}%`)))
    ).length;

  /** A run queued from a file of `bytes` (its first chunk's message sent), and the messages it sends. */
  async function queued(importer: Importer, user: SessionUser, bytes: Uint8Array) {
    const { bucket } = memoryBucket();
    const { run } = await previewUpload(db, bucket, importer, user, { name: 'lon.csv', bytes });
    const sent: ImportChunkMessage[] = [];
    const queue = { send: async (message: ImportChunkMessage) => void sent.push(message) };
    await queueImport(db, bucket, queue, importer, user, run.id, 'all', false, NOW);
    return { run, bucket, queue, sent };
  }

  /** Products with neither GTIN nor own code: until written, each plans as new. */
  const productRun = (prefix: string, count: number) =>
    queued(
      PRODUCT_IMPORTER,
      member,
      productFiles.csvFile(Array.from({ length: count }, (_, i) => productFiles.row({ nameVi: `${prefix} ${i}` }))),
    );

  /** A delivery of `body`, and what the consumer answered the queue. */
  function delivered(body: ImportChunkMessage, attempts = 1) {
    const answers: string[] = [];
    return {
      answers,
      delivery: {
        body,
        attempts,
        ack: () => void answers.push('ack'),
        retry: (options?: { delaySeconds?: number }) =>
          void answers.push(options?.delaySeconds ? `retry after ${options.delaySeconds}s` : 'retry'),
      },
    };
  }

  /**
   * Databases for two consumers at once whose first batches wait for each other (or for `open`,
   * when one of them finishes without writing): each has planned before either writes, as two
   * deliveries of one message running side by side can.
   */
  function meetingBatches() {
    let arrived = 0;
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const store = () =>
      new Proxy(db, {
        get(target, key, receiver) {
          if (key === 'batch')
            return async (statements: Parameters<Database['batch']>[0]) => {
              if (++arrived >= 2) open();
              await opened;
              return target.batch(statements);
            };
          return Reflect.get(target, key, receiver);
        },
      });
    return { store, open: () => open() };
  }

  /** Two deliveries of `bodies` consumed at once; their outcomes, sorted, and each one's answers to the queue. */
  async function atOnce(
    bucket: R2Bucket,
    queue: { send(message: ImportChunkMessage): Promise<unknown> },
    ...deliveries: ReturnType<typeof delivered>[]
  ) {
    const meeting = meetingBatches();
    const outcomes = await Promise.all(
      deliveries.map(({ delivery }) =>
        consumeImportChunk(meeting.store(), bucket, queue, delivery, ORIGIN, NOW).finally(meeting.open),
      ),
    );
    return outcomes;
  }

  /** A database whose batches fail, as a consumer cut off mid-chunk leaves it. */
  const failingBatches = () =>
    new Proxy(db, {
      get(target, key, receiver) {
        if (key === 'batch') return () => Promise.reject(new Error('cut off'));
        return Reflect.get(target, key, receiver);
      },
    });

  /**
   * A consumer that takes `body`'s chunk, writes `batches` batches (a product row each) and is
   * never heard of again, its lease still held; resolves once it has stopped.
   */
  async function dyingConsumer(body: ImportChunkMessage, bucket: R2Bucket, batches: number) {
    let written = 0;
    let died!: () => void;
    const dead = new Promise<void>((resolve) => (died = resolve));
    const dying = new Proxy(db, {
      get(target, key, receiver) {
        if (key === 'batch')
          return (statements: Parameters<Database['batch']>[0]) => {
            if (++written <= batches) return target.batch(statements);
            died();
            return new Promise(() => undefined);
          };
        return Reflect.get(target, key, receiver);
      },
    });
    void importChunk(dying, bucket, { send: async () => undefined }, body, ORIGIN, NOW);
    await dead;
  }

  it('writes a chunk delivered twice at once once: the other delivery finds it taken, then the run past it', async () => {
    const { run, bucket, queue, sent } = await productRun('Cùng lúc', 4);
    const [first, second] = [delivered(sent[0]!), delivered(sent[0]!)];
    const outcomes = await atOnce(bucket, queue, first, second);
    expect([...outcomes].sort()).toEqual(['busy', 'finished']);
    expect([...first.answers, ...second.answers].sort()).toEqual(['ack', `retry after ${BUSY_RETRY_SECONDS}s`]);
    expect(await productsNamed('Cùng lúc')).toBe(4);
    expect(await loadImportRun(db, PRODUCT_IMPORTER, member, run.id)).toMatchObject({
      status: 'done',
      rowsDone: 4,
      counts: { create: 4, unchanged: 0 },
    });
    // Delivered again after the holder's lease: the run is done, nothing happens.
    const again = delivered(sent[0]!, 2);
    expect(await consumeImportChunk(db, bucket, queue, again.delivery, ORIGIN, NOW)).toBe('stale');
    expect(again.answers).toEqual(['ack']);
    expect(await productsNamed('Cùng lúc')).toBe(4);
  });

  it('holds a dead consumer’s chunk until its lease runs out, refuses to continue it meanwhile, then takes it over', async () => {
    const { run, bucket, queue, sent } = await productRun('Bỏ dở', 5);
    // The consumer writes two rows and is never heard of again, its lease still held.
    await dyingConsumer(sent[0]!, bucket, 2);
    expect(await productsNamed('Bỏ dở')).toBe(2);

    // Its message delivered again while the lease is live: taken, to be delivered again a lease later.
    const soon = new Date(NOW.getTime() + 60_000);
    const redelivered = delivered(sent[0]!, 2);
    expect(await consumeImportChunk(db, bucket, queue, redelivered.delivery, ORIGIN, soon)).toBe('busy');
    expect(redelivered.answers).toEqual([`retry after ${BUSY_RETRY_SECONDS}s`]);
    expect(BUSY_RETRY_SECONDS * 1000).toBeGreaterThanOrEqual(CHUNK_LEASE_MS);
    expect(await productsNamed('Bỏ dở')).toBe(2);

    // Whatever marks the run failed meanwhile, it is not continued while the chunk's writer may still write.
    await db.update(importRuns).set({ status: 'failed' }).where(eq(importRuns.id, run.id));
    await expect(
      queueImport(db, bucket, queue, PRODUCT_IMPORTER, member, run.id, 'all', false, soon),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(sent).toHaveLength(1);

    // Once the lease has run out it is continued; the two rows written before are unchanged, the rest created.
    const later = new Date(NOW.getTime() + CHUNK_LEASE_MS + 1000);
    await queueImport(db, bucket, queue, PRODUCT_IMPORTER, member, run.id, 'all', false, later);
    expect(sent).toEqual([
      { runId: run.id, from: 0 },
      { runId: run.id, from: 0 },
    ]);
    expect(await importChunk(db, bucket, queue, sent[1]!, ORIGIN, later)).toBe('finished');
    expect(await productsNamed('Bỏ dở')).toBe(5);
    expect(await loadImportRun(db, PRODUCT_IMPORTER, member, run.id)).toMatchObject({
      status: 'done',
      counts: { create: 3, unchanged: 2 },
    });
    // The old message, delivered late, finds the run done.
    expect(await importChunk(db, bucket, queue, sent[0]!, ORIGIN, later)).toBe('stale');
    expect(await productsNamed('Bỏ dở')).toBe(5);
  });

  /**
   * A consumer of `body`'s chunk on `clock` that stalls once its `batches`th batch (a product row)
   * is written: resolves with its outcome promise once it stalls, and a function that lets it go on.
   */
  async function stallingConsumer(body: ImportChunkMessage, bucket: R2Bucket, batches: number, clock: () => Date) {
    let written = 0;
    let stalled!: () => void;
    let goOn!: () => void;
    const stalling = new Promise<void>((resolve) => (stalled = resolve));
    const released = new Promise<void>((resolve) => (goOn = resolve));
    const slow = new Proxy(db, {
      get(target, key, receiver) {
        if (key === 'batch')
          return async (statements: Parameters<Database['batch']>[0]) => {
            const result = await target.batch(statements);
            if (++written === batches) {
              stalled();
              await released;
            }
            return result;
          };
        return Reflect.get(target, key, receiver);
      },
    });
    const outcome = importChunk(slow, bucket, { send: async () => undefined }, body, ORIGIN, NOW, clock);
    await Promise.race([stalling, outcome]);
    return { outcome, goOn };
  }

  it('stops a consumer that stalled past its lease and was taken over before its next row', async () => {
    const { run, bucket, queue, sent } = await productRun('Chậm quá', 5);
    const slow = await stallingConsumer(sent[0]!, bucket, 2, () => NOW);
    expect(await productsNamed('Chậm quá')).toBe(2);
    // Its lease runs out while it stalls: the message, delivered again, takes the chunk over and writes the rest.
    const later = new Date(NOW.getTime() + CHUNK_LEASE_MS + 1000);
    expect(await importChunk(db, bucket, queue, sent[0]!, ORIGIN, later)).toBe('finished');
    expect(await productsNamed('Chậm quá')).toBe(5);
    // The stalled one wakes: its chunk is no longer its own, and it writes none of the rows again.
    slow.goOn();
    expect(await slow.outcome).toBe('stale');
    expect(await productsNamed('Chậm quá')).toBe(5);
    expect(await loadImportRun(db, PRODUCT_IMPORTER, member, run.id)).toMatchObject({
      status: 'done',
      counts: { create: 3, unchanged: 2 },
    });
  });

  it('keeps a slow consumer’s chunk its own: each write renews the lease', async () => {
    const { run, bucket, queue, sent } = await productRun('Chậm mà chắc', 3);
    // Four minutes into its lease it writes a row, which renews the lease from then; then it stalls.
    const renewedAt = new Date(NOW.getTime() + CHUNK_LEASE_MS - 60_000);
    const slow = await stallingConsumer(sent[0]!, bucket, 1, () => renewedAt);
    // Past the lease as taken, within it as renewed: a second delivery finds the chunk held.
    const past = new Date(NOW.getTime() + CHUNK_LEASE_MS + 1000);
    expect(await importChunk(db, bucket, queue, sent[0]!, ORIGIN, past)).toBe('busy');
    slow.goOn();
    expect(await slow.outcome).toBe('finished');
    expect(await productsNamed('Chậm mà chắc')).toBe(3);
    expect(await loadImportRun(db, PRODUCT_IMPORTER, member, run.id)).toMatchObject({
      status: 'done',
      counts: { create: 3 },
    });
  });

  it('takes over a chunk whose lease ran out when its own message is delivered again', async () => {
    const { bucket, queue, sent } = await productRun('Hết hạn', 3);
    // A consumer took the chunk and died before writing.
    await dyingConsumer(sent[0]!, bucket, 0);
    expect(
      await importChunk(db, bucket, queue, sent[0]!, ORIGIN, new Date(NOW.getTime() + CHUNK_LEASE_MS - 1000)),
    ).toBe('busy');
    expect(
      await importChunk(db, bucket, queue, sent[0]!, ORIGIN, new Date(NOW.getTime() + CHUNK_LEASE_MS + 1000)),
    ).toBe('finished');
    expect(await productsNamed('Hết hạn')).toBe(3);
  });

  it('does not fail a run for a delivery that gave up while another holds its chunk', async () => {
    const { run, bucket, queue, sent } = await productRun('Đang viết', 2);
    await dyingConsumer(sent[0]!, bucket, 0);
    // A copy of the message fails before it could even try the chunk, on its last delivery: it gives up.
    let updates = 0;
    const flaky = new Proxy(db, {
      get(target, key, receiver) {
        if (key === 'update' && ++updates === 1)
          return () => {
            throw new Error('cut off');
          };
        return Reflect.get(target, key, receiver);
      },
    });
    const last = delivered(sent[0]!, IMPORT_QUEUE_MAX_RETRIES + 1);
    expect(await consumeImportChunk(flaky, bucket, queue, last.delivery, ORIGIN, NOW)).toBe('given-up');
    expect(last.answers).toEqual(['ack']);
    // The run is the holder's to finish or fail, not failed under it; once its lease has run out, it is taken over.
    expect(await loadImportRun(db, PRODUCT_IMPORTER, member, run.id)).toMatchObject({ status: 'running', rowsDone: 0 });
    const later = new Date(NOW.getTime() + CHUNK_LEASE_MS + 1000);
    expect(await importChunk(db, bucket, queue, sent[0]!, ORIGIN, later)).toBe('finished');
    expect(await productsNamed('Đang viết')).toBe(2);
  });

  it('writes nothing twice when a late copy of a stopped chunk’s message meets the one sent on continuing', async () => {
    const { run, bucket, queue, sent } = await productRun('Tiếp tục', 4);
    // The chunk fails on every delivery: the run is left failed where it stopped.
    for (let attempts = 1; attempts <= IMPORT_QUEUE_MAX_RETRIES; attempts++)
      expect(
        await consumeImportChunk(failingBatches(), bucket, queue, delivered(sent[0]!, attempts).delivery, ORIGIN, NOW),
      ).toBe('retried');
    expect(
      await consumeImportChunk(
        failingBatches(),
        bucket,
        queue,
        delivered(sent[0]!, IMPORT_QUEUE_MAX_RETRIES + 1).delivery,
        ORIGIN,
        NOW,
      ),
    ).toBe('given-up');
    expect(await loadImportRun(db, PRODUCT_IMPORTER, member, run.id)).toMatchObject({ status: 'failed', rowsDone: 0 });

    // Continued from its page, which sends the chunk's message again, while a copy of the old one arrives.
    await queueImport(db, bucket, queue, PRODUCT_IMPORTER, member, run.id, 'all', false, NOW);
    expect(sent).toEqual([
      { runId: run.id, from: 0 },
      { runId: run.id, from: 0 },
    ]);
    const outcomes = await atOnce(bucket, queue, delivered(sent[0]!, 2), delivered(sent[1]!));
    expect([...outcomes].sort()).toEqual(['busy', 'finished']);
    expect(await productsNamed('Tiếp tục')).toBe(4);
    expect(await loadImportRun(db, PRODUCT_IMPORTER, member, run.id)).toMatchObject({
      status: 'done',
      counts: { create: 4, unchanged: 0 },
    });
  });

  it('guards a cooperatives’ chunk the same way: each cooperative and its audit entry once', async () => {
    const codes = ['LE-000001', 'LE-000002', 'LE-000003'];
    const { run, bucket, queue, sent } = await queued(
      COOPERATIVE_IMPORTER,
      officer,
      cooperativeFiles.csvFile(
        codes.map((registrationCode, i) =>
          cooperativeFiles.row({ registrationCode, name: `HTX Hai Lần ${i}`, managerEmail: '' }),
        ),
      ),
    );
    const outcomes = await atOnce(bucket, queue, delivered(sent[0]!), delivered(sent[0]!));
    expect([...outcomes].sort()).toEqual(['busy', 'finished']);
    const imported = await db
      .select({ id: cooperatives.id })
      .from(cooperatives)
      .where(like(cooperatives.registrationCode, 'LE-%'));
    expect(imported).toHaveLength(3);
    for (const { id } of imported)
      expect(await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.entityId, id))).toHaveLength(1);
    expect(await loadImportRun(db, COOPERATIVE_IMPORTER, officer, run.id)).toMatchObject({
      status: 'done',
      counts: { create: 3, refused: 0 },
    });
  });
});
