/**
 * The trade department's import of cooperatives from its register
 * (src/server/imports/cooperative-import.ts) on libSQL and on D1 as workerd
 * runs it: template → preview → import (each new cooperative's manager
 * invited through the outbox in the same batch) → the same file again
 * changes nothing; a changed row updates the register's fields with its
 * audit entry; refused rows (coordinates outside Viet Nam among them), an
 * unknown commune with the nearest name, a commune typed without marks stored
 * as the reference spells it; an
 * import whose chunk fails is finished by running it again, without a row
 * twice; a queued chunk that fails on every delivery leaves its run failed,
 * to be run again; only officers import.
 */
import { eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueInvitationMail } from '../../src/server/accounts/invitation-mail';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { auditLog, cooperatives, importRuns, invitationMail, invitations } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { ForbiddenError, ValidationError } from '../../src/server/errors';
import {
  COOPERATIVE_COLUMNS,
  COOPERATIVE_IMPORTED,
  COOPERATIVE_IMPORTER,
  COOPERATIVE_REGISTER_UPDATED,
} from '../../src/server/imports/cooperative-import';
import { CHUNK_ROWS, loadImportRun, previewUpload, runImport } from '../../src/server/imports/import-runs';
import {
  consumeImportChunk,
  IMPORT_QUEUE_MAX_RETRIES,
  type ImportChunkMessage,
  importChunk,
  QUEUE_CHUNK_ROWS,
  queueImport,
} from '../../src/server/imports/import-queue';
import { importTemplate } from '../../src/server/imports/templates';
import { fieldMessages } from '../../src/i18n/field-messages';
import { currentSlug } from '../../src/server/slug-history/slug-history';
import { createTestCooperative, createTestUser, sessionUserOf } from '../support/accounts';
import { memoryBucket } from '../support/memory-bucket';
import { RecordingMailer } from '../support/recording-mailer';
import { templateFiles } from '../support/import-files';
import { bothStores } from '../support/stores';

const NOW = new Date('2026-11-24T03:00:00Z');
const context = {
  invite: true,
  locale: 'vi' as const,
  linkFor: (token: string) => `https://cho.test/dang-ky?code=${token}`,
};

const { row, csvFile } = templateFiles(COOPERATIVE_COLUMNS);

describe.each(bothStores('cooperative imports'))('cooperative import on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let officer: SessionUser;
  let member: SessionUser;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    officer = sessionUserOf(await createTestUser(db, { role: 'officer', iterations: 1000 }), 'officer');
    const cooperativeId = await createTestCooperative(db);
    member = sessionUserOf(
      await createTestUser(db, { role: 'member', cooperativeId, iterations: 1000 }),
      'member',
      cooperativeId,
    );
    // A fresh local D1 is migrated by wrangler through its platform proxy: minutes on a busy machine.
  }, 300_000);
  afterAll(async () => dispose?.());

  const byCode = async (code: string) =>
    (await db.select().from(cooperatives).where(eq(cooperatives.registrationCode, code)))[0];
  const count = async (table: typeof auditLog | typeof invitations | typeof invitationMail) =>
    (await db.select({ id: table.id }).from(table)).length;

  it('imports the template as it is, invites its manager through the outbox, and the same file again changes nothing', async () => {
    const { bucket, objects } = memoryBucket();
    const template = await importTemplate(COOPERATIVE_COLUMNS, 'vi', 'xlsx', 'mau');
    const { run, plan } = await previewUpload(db, bucket, COOPERATIVE_IMPORTER, officer, {
      name: 'so-dang-ky.xlsx',
      bytes: template.bytes,
    });
    expect(plan.counts).toEqual({ create: 1, update: 0, unchanged: 0, refused: 0 });
    expect(run).toMatchObject({ kind: 'cooperatives', cooperativeId: null });
    expect(await byCode('0901234567')).toBeUndefined();

    const done = await runImport(db, bucket, COOPERATIVE_IMPORTER, officer, run.id, 'all', context, NOW);
    expect(done).toMatchObject({ status: 'done', counts: { create: 1 }, rowsDone: 1, invite: true });
    const created = await byCode('0901234567');
    expect(created).toMatchObject({
      name: 'Hợp tác xã Nông nghiệp Hồng Nam',
      kind: 'hop_tac_xa',
      provinceCode: '33',
      sector: 'trong_trot',
      foundedYear: 2015,
      members: 25,
      latitude: 20.6612,
      longitude: 106.0517,
      verified: false,
      status: 'active',
      slug: 'hop-tac-xa-nong-nghiep-hong-nam',
    });
    expect(created!.searchName).toContain('hong nam');
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, created!.id));
    expect(entry).toMatchObject({ action: COOPERATIVE_IMPORTED, actorUserId: officer.id });
    expect(entry!.detail).toMatchObject({ manager: 'Nguyễn Văn An', invited: 'quanly@htxhongnam.vn' });
    const [invitation] = await db.select().from(invitations).where(eq(invitations.cooperativeId, created!.id));
    expect(invitation).toMatchObject({ email: 'quanly@htxhongnam.vn', asManager: true, invitedByUserId: officer.id });
    const [queued] = await db.select().from(invitationMail).where(eq(invitationMail.invitationId, invitation!.id));
    expect(queued).toMatchObject({ recipient: 'quanly@htxhongnam.vn', status: 'pending' });
    expect(objects.size).toBe(0);

    // The outbox sends it once: the link's token is the invitation's.
    const mailer = new RecordingMailer();
    expect(await sendDueInvitationMail(db, mailer, () => NOW)).toBe(1);
    expect(await sendDueInvitationMail(db, mailer, () => NOW)).toBe(0);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.text).toContain('https://cho.test/dang-ky?code=');

    const before = await Promise.all([count(auditLog), count(invitations), count(invitationMail)]);
    const again = await previewUpload(db, bucket, COOPERATIVE_IMPORTER, officer, {
      name: 'lai.xlsx',
      bytes: template.bytes,
    });
    expect(again.plan.counts).toEqual({ create: 0, update: 0, unchanged: 1, refused: 0 });
    await runImport(db, bucket, COOPERATIVE_IMPORTER, officer, again.run.id, 'all', context, NOW);
    expect(await Promise.all([count(auditLog), count(invitations), count(invitationMail)])).toEqual(before);
  });

  it('updates what the register says of a known cooperative, unverifying it when its name changes', async () => {
    const { bucket } = memoryBucket();
    const first = await previewUpload(db, bucket, COOPERATIVE_IMPORTER, officer, {
      name: 'a.csv',
      bytes: csvFile([row({ registrationCode: 'HN-100200', name: 'HTX Chè Tân Cương', managerEmail: '' })]),
    });
    await runImport(db, bucket, COOPERATIVE_IMPORTER, officer, first.run.id, 'all', context, NOW);
    const stored = await byCode('HN-100200');
    await db
      .update(cooperatives)
      .set({ verified: true, descriptionVi: 'Chè búp Tân Cương.' })
      .where(eq(cooperatives.id, stored!.id));

    const file = csvFile([
      row({
        registrationCode: 'HN-100200',
        name: 'HTX Chè Tân Cương Thái Nguyên',
        managerEmail: '',
        members: '',
        address: '',
      }),
    ]);
    const changed = await previewUpload(db, bucket, COOPERATIVE_IMPORTER, officer, { name: 'b.csv', bytes: file });
    expect(changed.plan.counts).toEqual({ create: 0, update: 1, unchanged: 0, refused: 0 });
    const invitationsBefore = await count(invitations);
    await runImport(db, bucket, COOPERATIVE_IMPORTER, officer, changed.run.id, 'all', context, NOW);
    const updated = await byCode('HN-100200');
    // Empty cells keep what is stored; what the register does not hold (the description) is the cooperative's own.
    expect(updated).toMatchObject({
      id: stored!.id,
      // Renamed, its address follows the name; the old one leads there (src/server/slug-history).
      slug: 'htx-che-tan-cuong-thai-nguyen',
      name: 'HTX Chè Tân Cương Thái Nguyên',
      members: 25,
      address: stored!.address,
      descriptionVi: 'Chè búp Tân Cương.',
      verified: false,
    });
    const entries = await db.select().from(auditLog).where(eq(auditLog.entityId, stored!.id));
    expect(entries.find((entry) => entry.action === COOPERATIVE_REGISTER_UPDATED)?.detail).toEqual({
      changes: { name: ['HTX Chè Tân Cương', 'HTX Chè Tân Cương Thái Nguyên'] },
    });
    expect(await count(invitations)).toBe(invitationsBefore);
    expect(await currentSlug(db, 'cooperative', stored!.slug)).toBe('htx-che-tan-cuong-thai-nguyen');
  });

  it('gives two cooperatives one import renames to the same name each its own slug', async () => {
    const { bucket } = memoryBucket();
    const importFile = async (rows: { code: string; name: string }[], name: string) => {
      const bytes = csvFile(rows.map((r) => row({ registrationCode: r.code, name: r.name, managerEmail: '' })));
      const preview = await previewUpload(db, bucket, COOPERATIVE_IMPORTER, officer, { name, bytes });
      await runImport(db, bucket, COOPERATIVE_IMPORTER, officer, preview.run.id, 'all', context, NOW);
      return preview.plan.counts;
    };
    await importFile(
      [
        { code: 'HN-300301', name: 'HTX Mây tre Phú Vinh' },
        { code: 'HN-300302', name: 'HTX Mây tre Chương Mỹ' },
      ],
      'c.csv',
    );
    const renamed = await importFile(
      [
        { code: 'HN-300301', name: 'HTX Mây tre đan Hà Nội' },
        { code: 'HN-300302', name: 'HTX Mây tre đan Hà Nội' },
      ],
      'd.csv',
    );
    expect(renamed).toMatchObject({ update: 2, refused: 0 });
    const slugs = [(await byCode('HN-300301'))?.slug, (await byCode('HN-300302'))?.slug];
    expect([...slugs].sort()).toEqual(['htx-may-tre-dan-ha-noi', 'htx-may-tre-dan-ha-noi-2']);
    expect(await currentSlug(db, 'cooperative', 'htx-may-tre-phu-vinh')).toBe(slugs[0]);
    expect(await currentSlug(db, 'cooperative', 'htx-may-tre-chuong-my')).toBe(slugs[1]);
  });

  it('refuses rows with their row, column and reason: coordinates outside Viet Nam, unknown places, duplicates', async () => {
    const { bucket } = memoryBucket();
    const taken = await createTestUser(db, { role: 'officer', iterations: 1000 });
    const file = csvFile([
      row({ registrationCode: 'RF-000001', latitude: '35.6', longitude: '139.7' }),
      row({ registrationCode: 'RF-000002', provinceCode: 'Tỉnh Hà Tây' }),
      row({ registrationCode: 'RF-000003', kind: 'Công ty' }),
      row({ registrationCode: 'RF-000004', managerEmail: taken.email }),
      row({ registrationCode: 'RF-000005', name: '=HYPERLINK("x")' }),
      row({ registrationCode: 'RF-000006', managerEmail: '' }),
      row({ registrationCode: 'RF-000006', managerEmail: '' }),
    ]);
    const { run, plan } = await previewUpload(db, bucket, COOPERATIVE_IMPORTER, officer, {
      name: 'x.csv',
      bytes: file,
    });
    expect(plan.counts).toEqual({ create: 1, update: 0, unchanged: 0, refused: 6 });
    const issues = plan.rows.flatMap((planned) =>
      planned.issues.map(({ row, column, code }) => ({ row, column, code })),
    );
    expect(issues).toEqual([
      { row: 2, column: 'Vĩ độ', code: 'latitude_outside' },
      { row: 2, column: 'Kinh độ', code: 'longitude_outside' },
      { row: 3, column: 'Tỉnh/thành phố', code: 'import_unknown_province' },
      { row: 4, column: 'Loại hình', code: 'import_cooperative_kind' },
      { row: 5, column: 'Email người quản lý', code: 'email_taken' },
      { row: 6, column: 'Tên hợp tác xã', code: 'import_formula' },
      { row: 8, column: 'Mã số HTX', code: 'import_duplicate_row' },
    ]);
    await expect(
      runImport(db, bucket, COOPERATIVE_IMPORTER, officer, run.id, 'all', context, NOW),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await byCode('RF-000006')).toBeUndefined();
    await runImport(db, bucket, COOPERATIVE_IMPORTER, officer, run.id, 'valid', context, NOW);
    expect(await byCode('RF-000006')).toBeDefined();
    expect(await byCode('RF-000001')).toBeUndefined();
  });

  it('refuses a commune its province lacks, suggests a near one, and stores the official spelling', async () => {
    const { bucket } = memoryBucket();
    const file = csvFile([
      // Hồng Nam joined phường Hồng Châu on 1 July 2025: no such unit any more, and none near its name.
      row({ registrationCode: 'CM-000001', commune: 'Xã Hồng Nam', managerEmail: '' }),
      row({ registrationCode: 'CM-000002', commune: 'Phuong Hong Chaau', managerEmail: '' }),
      // Bát Tràng is Hà Nội's, not Hưng Yên's.
      row({ registrationCode: 'CM-000003', commune: 'Xã Bát Tràng', managerEmail: '' }),
      row({ registrationCode: 'CM-000004', commune: '  phuong   HONG chau ', managerEmail: '' }),
    ]);
    const { plan } = await previewUpload(db, bucket, COOPERATIVE_IMPORTER, officer, { name: 'x.csv', bytes: file });
    expect(plan.counts).toEqual({ create: 1, update: 0, unchanged: 0, refused: 3 });
    const issues = plan.rows.flatMap((planned) => planned.issues);
    expect(issues).toEqual([
      { row: 2, column: 'Xã/phường', value: 'Xã Hồng Nam', code: 'commune_unknown', params: {} },
      {
        row: 3,
        column: 'Xã/phường',
        value: 'Phuong Hong Chaau',
        code: 'commune_unknown_suggestion',
        params: { suggestion: 'phường Hồng Châu' },
      },
      { row: 4, column: 'Xã/phường', value: 'Xã Bát Tràng', code: 'commune_unknown', params: {} },
    ]);
    // In the officer's language, as the preview shows it.
    const [, suggested] = issues;
    expect(fieldMessages({ commune: suggested! }, 'vi').commune).toContain('Có phải là “phường Hồng Châu”?');
    expect(fieldMessages({ commune: suggested! }, 'en').commune).toMatch(
      /^The province has no commune.*Did you mean “phường Hồng Châu”\?$/,
    );
    expect(plan.rows[3]).toMatchObject({ action: 'create' });

    const { run } = await previewUpload(db, bucket, COOPERATIVE_IMPORTER, officer, { name: 'y.csv', bytes: file });
    await runImport(db, bucket, COOPERATIVE_IMPORTER, officer, run.id, 'valid', context, NOW);
    expect(await byCode('CM-000004')).toMatchObject({ commune: 'phường Hồng Châu' });
    expect(await byCode('CM-000001')).toBeUndefined();
  });

  it('finishes an import whose chunk failed by running it again, without a row twice', async () => {
    const { bucket } = memoryBucket();
    const rows = Array.from({ length: CHUNK_ROWS + 10 }, (_, i) =>
      row({
        registrationCode: `CH-${String(i).padStart(6, '0')}`,
        name: `HTX Thử Chia ${i}`,
        managerEmail: `ql${i}@chia.test`,
      }),
    );
    const { run } = await previewUpload(db, bucket, COOPERATIVE_IMPORTER, officer, {
      name: 'lon.csv',
      bytes: csvFile(rows),
    });
    // The second chunk's batch fails, as a Worker cut off mid-import would leave it.
    let batches = 0;
    const failing = new Proxy(db, {
      get(target, key, receiver) {
        if (key === 'batch')
          return (statements: never) =>
            ++batches === 2 ? Promise.reject(new Error('cut off')) : target.batch(statements);
        return Reflect.get(target, key, receiver);
      },
    });
    await expect(
      runImport(failing, bucket, COOPERATIVE_IMPORTER, officer, run.id, 'all', context, NOW),
    ).rejects.toThrow('cut off');
    const failed = await loadImportRun(db, COOPERATIVE_IMPORTER, officer, run.id);
    // The first chunk and its progress were written together; the second, neither.
    expect(failed).toMatchObject({ status: 'failed', rowsDone: CHUNK_ROWS });
    // By prefix: a list of every code would pass D1's 100 bound parameters.
    const importedCount = async () =>
      (await db.select({ id: cooperatives.id }).from(cooperatives).where(like(cooperatives.registrationCode, 'CH-%')))
        .length;
    expect(await importedCount()).toBe(CHUNK_ROWS);

    // Continued from its stored progress: the second chunk only, the first chunk's counts kept.
    const done = await runImport(db, bucket, COOPERATIVE_IMPORTER, officer, run.id, 'all', context, NOW);
    expect(done).toMatchObject({ status: 'done', counts: { create: CHUNK_ROWS + 10, unchanged: 0 } });
    expect(await importedCount()).toBe(CHUNK_ROWS + 10);
    const invited = await db
      .select({ email: invitations.email })
      .from(invitations)
      .where(
        inArray(
          invitations.email,
          rows.map((cells) => cells[12]!),
        ),
      );
    expect(invited).toHaveLength(CHUNK_ROWS + 10);
  });

  /** A database whose batches fail, as a consumer cut off mid-chunk leaves it. */
  const failingBatches = () =>
    new Proxy(db, {
      get(target, key, receiver) {
        if (key === 'batch') return () => Promise.reject(new Error('cut off'));
        return Reflect.get(target, key, receiver);
      },
    });

  it('imports a large file through the queue, a chunk at a time, resuming a chunk that failed', async () => {
    const { bucket, objects } = memoryBucket();
    const total = QUEUE_CHUNK_ROWS + 30;
    const rows = Array.from({ length: total }, (_, i) =>
      row({
        registrationCode: `QU-${String(i).padStart(6, '0')}`,
        name: `HTX Hàng Đợi ${i}`,
        managerEmail: `hd${i}@queue.test`,
      }),
    );
    // By prefix: a list of every code would pass D1's 100 bound parameters.
    const importedCount = async () =>
      (await db.select({ id: cooperatives.id }).from(cooperatives).where(like(cooperatives.registrationCode, 'QU-%')))
        .length;
    const { run } = await previewUpload(db, bucket, COOPERATIVE_IMPORTER, officer, {
      name: 'lon.csv',
      bytes: csvFile(rows),
    });
    const sent: ImportChunkMessage[] = [];
    const queue = { send: async (message: ImportChunkMessage) => void sent.push(message) };
    const queued = await queueImport(db, bucket, queue, COOPERATIVE_IMPORTER, officer, run.id, 'all', true, NOW);
    expect(queued).toMatchObject({ status: 'running', rowsDone: 0 });
    expect(sent).toEqual([{ runId: run.id, from: 0 }]);
    await expect(
      queueImport(db, bucket, queue, COOPERATIVE_IMPORTER, officer, run.id, 'all', true, NOW),
    ).rejects.toMatchObject({ code: 'conflict' });

    // The first delivery dies in its batch: neither rows nor progress are written, and the queue delivers it again.
    const origin = 'https://cho.test';
    await expect(importChunk(failingBatches(), bucket, queue, sent[0]!, origin, NOW)).rejects.toThrow('cut off');
    expect(await importedCount()).toBe(0);
    expect((await loadImportRun(db, COOPERATIVE_IMPORTER, officer, run.id)).rowsDone).toBe(0);
    expect(await importChunk(db, bucket, queue, sent[0]!, origin, NOW)).toBe('written');
    expect(await importedCount()).toBe(QUEUE_CHUNK_ROWS);
    expect(sent[1]).toEqual({ runId: run.id, from: QUEUE_CHUNK_ROWS });
    expect(await loadImportRun(db, COOPERATIVE_IMPORTER, officer, run.id)).toMatchObject({
      status: 'running',
      rowsDone: QUEUE_CHUNK_ROWS,
      counts: { create: QUEUE_CHUNK_ROWS },
    });
    // Delivered once more after it was written (its acknowledgement lost): the run is past it, nothing happens.
    expect(await importChunk(db, bucket, queue, sent[0]!, origin, NOW)).toBe('stale');
    expect(sent).toHaveLength(2);

    expect(await importChunk(db, bucket, queue, sent[1]!, origin, NOW)).toBe('finished');
    expect(await loadImportRun(db, COOPERATIVE_IMPORTER, officer, run.id)).toMatchObject({
      status: 'done',
      rowsDone: total,
      counts: { create: total, refused: 0 },
    });
    expect(await importedCount()).toBe(total);
    const invited = await db
      .select({ email: invitations.email })
      .from(invitations)
      .where(like(invitations.email, '%@queue.test'));
    expect(invited).toHaveLength(total);
    expect(objects.size).toBe(0);
  });

  it('leaves a run whose chunk fails on every delivery failed, and running it again writes only the rest', async () => {
    const { bucket, objects } = memoryBucket();
    const total = QUEUE_CHUNK_ROWS + 10;
    const rows = Array.from({ length: total }, (_, i) =>
      row({ registrationCode: `QF-${String(i).padStart(6, '0')}`, name: `HTX Dừng Giữa Chừng ${i}`, managerEmail: '' }),
    );
    const importedCount = async () =>
      (await db.select({ id: cooperatives.id }).from(cooperatives).where(like(cooperatives.registrationCode, 'QF-%')))
        .length;
    const { run } = await previewUpload(db, bucket, COOPERATIVE_IMPORTER, officer, {
      name: 'dung.csv',
      bytes: csvFile(rows),
    });
    const sent: ImportChunkMessage[] = [];
    const queue = { send: async (message: ImportChunkMessage) => void sent.push(message) };
    const answers: string[] = [];
    const deliver = (store: Database, body: ImportChunkMessage, attempts: number) =>
      consumeImportChunk(
        store,
        bucket,
        queue,
        { body, attempts, ack: () => answers.push('ack'), retry: () => answers.push('retry') },
        'https://cho.test',
        NOW,
      );
    await queueImport(db, bucket, queue, COOPERATIVE_IMPORTER, officer, run.id, 'all', false, NOW);
    expect(await deliver(db, sent[0]!, 1)).toBe('written');
    expect(answers).toEqual(['ack']);

    // The second chunk fails every time: delivered again while retries remain, then given up.
    answers.length = 0;
    for (let attempts = 1; attempts <= IMPORT_QUEUE_MAX_RETRIES; attempts++)
      expect(await deliver(failingBatches(), sent[1]!, attempts)).toBe('retried');
    expect(await deliver(failingBatches(), sent[1]!, IMPORT_QUEUE_MAX_RETRIES + 1)).toBe('given-up');
    expect(answers).toEqual([...Array<string>(IMPORT_QUEUE_MAX_RETRIES).fill('retry'), 'ack']);
    expect(await loadImportRun(db, COOPERATIVE_IMPORTER, officer, run.id)).toMatchObject({
      status: 'failed',
      rowsDone: QUEUE_CHUNK_ROWS,
    });
    expect(await importedCount()).toBe(QUEUE_CHUNK_ROWS);
    expect(objects.size).toBe(1);

    // Continued from its page: from the chunk it stopped at, the first chunk's counts kept, no row twice.
    await queueImport(db, bucket, queue, COOPERATIVE_IMPORTER, officer, run.id, 'all', false, NOW);
    expect(sent.at(-1)).toEqual({ runId: run.id, from: QUEUE_CHUNK_ROWS });
    expect(await deliver(db, sent.at(-1)!, 1)).toBe('finished');
    expect(await loadImportRun(db, COOPERATIVE_IMPORTER, officer, run.id)).toMatchObject({
      status: 'done',
      rowsDone: total,
      counts: { create: total, unchanged: 0, refused: 0 },
    });
    expect(await importedCount()).toBe(total);
    // A late copy of the given-up message finds the run past it.
    expect(await deliver(db, sent[1]!, 1)).toBe('stale');
    expect(objects.size).toBe(0);
  });

  it('lets only officers import cooperatives', async () => {
    const { bucket } = memoryBucket();
    const file = csvFile([row({ registrationCode: 'AC-000001' })]);
    await expect(
      previewUpload(db, bucket, COOPERATIVE_IMPORTER, member, { name: 'a.csv', bytes: file }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const { run } = await previewUpload(db, bucket, COOPERATIVE_IMPORTER, officer, { name: 'a.csv', bytes: file });
    await expect(loadImportRun(db, COOPERATIVE_IMPORTER, member, run.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      runImport(db, bucket, COOPERATIVE_IMPORTER, member, run.id, 'all', context, NOW),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.select().from(importRuns).where(eq(importRuns.id, run.id)))[0]?.status).toBe('previewed');
  });
});
