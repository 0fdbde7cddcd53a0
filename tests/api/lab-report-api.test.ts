/**
 * A batch's lab reports over the API (/products/{slug}/batches/{lot}/lab-reports),
 * on libSQL: a member attaches one with its report file (multipart, one part
 * per test), reads where each stands (`pending`, `verified`, `rejected`,
 * `revoked`, with the officer's reason), and changes one; a change of a
 * verified report waits for an officer while the trace keeps the verified
 * version, and a change made on a revision an officer moved on from is a 409.
 * Refusals name their fields in the asked language and leave nothing in the
 * table or the bucket.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dictionary, format, type Locale } from '../../src/i18n';
import type { SessionUser } from '../../src/server/accounts/users';
import { decideClaim } from '../../src/server/claims/claim-decisions';
import { evidencePath } from '../../src/server/claims/evidence-access';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import { batches, labReports } from '../../src/server/db/schema';
import { publicLabReportsOfBatch } from '../../src/server/provenance/lab-reports';
import { createTestOfficer } from '../support/accounts';
import { apiOn, call, TEST_ENV } from '../support/api';
import { dashboardMembers, type OwnedProductRow } from '../support/dashboard-members';
import { demoDatabase } from '../support/demo';
import { pdf } from '../support/evidence';
import { readJson } from '../support/http';
import { type MemoryBucket, memoryBucket } from '../support/memory-bucket';

const ORIGIN = 'http://localhost';
const TODAY = '2026-12-31';
const REASON = 'Số phiếu trên bản chụp không khớp với số đã khai.';

let db: Database;
let media: MemoryBucket;
let api: ReturnType<typeof apiOn>;
let own: OwnedProductRow;
let member: string;
let otherMember: string;
let officer: SessionUser;
let batchId: string;
let lot: string;

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
  ({ own, member, otherMember } = await dashboardMembers(db));
  batchId = newId();
  lot = `KN-${batchId.slice(0, 6)}`;
  await db.insert(batches).values({
    id: batchId,
    productId: own.id,
    lotCode: lot,
    productionDate: '2026-06-01',
    quantity: 100,
    quantityUnit: 'kg',
  });
  officer = await createTestOfficer(db);
});

beforeEach(() => {
  media = memoryBucket();
});

let seq = 0;
const fields = (extra: Record<string, unknown> = {}) => ({
  lab: 'Trung tâm Kiểm nghiệm thử',
  reportNumber: `KQ-${++seq}/2026`,
  reportedOn: '2026-06-10',
  tests: ['pesticide_residues', 'microbiology'],
  result: 'pass',
  summary: 'Không phát hiện dư lượng trong 52 hoạt chất.',
  ...extra,
});

/** The report as a form: a list is one part per item, as a form's checkboxes send it. */
function form(values: Record<string, unknown>, file: { bytes: Uint8Array | string; name: string } | null = null) {
  const body = new FormData();
  for (const [name, value] of Object.entries(values))
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, String(item));
  if (file) body.append('evidence', new File([file.bytes as BlobPart], file.name, { type: 'application/pdf' }));
  return body;
}
const report = (values: Record<string, unknown>) => form(values, { bytes: pdf(), name: 'phieu.pdf' });

function send(method: string, path: string, body?: FormData | unknown, lang = 'vi', cookie = member) {
  const headers: Record<string, string> = { origin: ORIGIN, cookie };
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  return call(
    api,
    `${path}?lang=${lang}`,
    { method, headers, body: body === undefined || isForm ? (body as FormData | undefined) : JSON.stringify(body) },
    { ...TEST_ENV, MEDIA: media.bucket } as Env,
  );
}

const reportsPath = () => `/products/${own.slug}/batches/${encodeURIComponent(lot)}/lab-reports`;

async function declared(values = fields()) {
  const res = await send('POST', reportsPath(), report(values));
  expect(res.status).toBe(201);
  return (await readJson(res)) as { id: string; verification: string };
}

async function listed(id: string) {
  const res = await send('GET', reportsPath());
  expect(res.status).toBe(200);
  return (await readJson(res)).items.find((item: { id: string }) => item.id === id);
}

const decide = (id: string, decision: 'verify' | 'reject' | 'revoke', extra: Record<string, unknown> = {}) =>
  decideClaim(db, officer, { kind: 'lab_report', id }, decision, extra, new Date());

const shownOnTrace = async () => publicLabReportsOfBatch(db, batchId, TODAY);

describe('lab reports over the API', () => {
  it('attaches a report with its file and its tests as parts, pending, and lists it with its state', async () => {
    const values = fields({ tests: ['heavy_metals', 'mycotoxins'], evidencePublic: 'on' });
    const { id, verification } = await declared(values);
    expect(verification).toBe('pending');
    const [row] = await db.select().from(labReports).where(eq(labReports.id, id));
    expect(row).toMatchObject({ tests: ['heavy_metals', 'mycotoxins'], evidencePublic: true, batchId });
    expect([...media.objects.keys()]).toEqual([row?.evidenceKey]);
    expect(await listed(id)).toMatchObject({
      reportNumber: values.reportNumber,
      tests: ['heavy_metals', 'mycotoxins'],
      verification: 'pending',
      decisionReason: null,
      verifiedAt: null,
      verifiedVersionShown: false,
      evidenceUrl: evidencePath('lab_report', id),
      version: 0,
    });
    expect((await shownOnTrace()).labReports.map((r) => r.reportNumber)).not.toContain(values.reportNumber);
  });

  it('keeps the verified version on the trace while a change waits, and says so to the cooperative', async () => {
    const values = fields();
    const { id } = await declared(values);
    await decide(id, 'verify', { version: 0 });
    const verified = await listed(id);
    expect(verified).toMatchObject({ verification: 'verified', verifiedVersionShown: true, version: 1 });

    const res = await send('PUT', `${reportsPath()}/${id}`, {
      ...values,
      summary: 'Sửa: không phát hiện dư lượng trong 60 hoạt chất.',
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ id, verification: 'pending' });
    expect(await listed(id)).toMatchObject({
      verification: 'pending',
      summary: 'Sửa: không phát hiện dư lượng trong 60 hoạt chất.',
      verifiedVersionShown: true,
      version: 2,
    });
    const onTrace = (await shownOnTrace()).labReports.find((r) => r.reportNumber === values.reportNumber);
    expect(onTrace?.summary).toBe(values.summary);

    // Turned down: the cooperative reads why, the trace keeps the version verified before.
    await decide(id, 'reject', { reason: REASON, version: 2 });
    expect(await listed(id)).toMatchObject({
      verification: 'rejected',
      decisionReason: REASON,
      verifiedVersionShown: true,
    });
    expect((await shownOnTrace()).labReports.find((r) => r.reportNumber === values.reportNumber)?.summary).toBe(
      values.summary,
    );
  });

  it('keeps a verified report verified when only the public download changes', async () => {
    const values = fields();
    const { id } = await declared(values);
    await decide(id, 'verify');
    const res = await send('PUT', `${reportsPath()}/${id}`, { ...values, evidencePublic: true });
    expect((await readJson(res)).verification).toBe('verified');
    expect((await listed(id)).evidencePublic).toBe(true);
  });

  it('answers 409 to a change made on a revision an officer moved on from, storing nothing', async () => {
    const values = fields();
    const { id } = await declared(values);
    const stored = [...media.objects.keys()];
    await decide(id, 'verify', { version: 0 });
    const stale = await send(
      'PUT',
      `${reportsPath()}/${id}`,
      form({ ...values, summary: 'Một thay đổi cũ.', version: '0' }, { bytes: pdf(), name: 'moi.pdf' }),
    );
    expect(stale.status).toBe(409);
    expect((await readJson(stale)).error.fields.verification).toBeTruthy();
    expect([...media.objects.keys()]).toEqual(stored);
    expect(await listed(id)).toMatchObject({ verification: 'verified', summary: values.summary, version: 1 });
  });

  it('replaces the file of a pending report and drops the old one, keeping a verified version’s file', async () => {
    const { id } = await declared();
    const [first] = await db.select().from(labReports).where(eq(labReports.id, id));
    const res = await send('PUT', `${reportsPath()}/${id}`, form(fields(), { bytes: pdf('% v2'), name: 'v2.pdf' }));
    expect(res.status).toBe(200);
    const [second] = await db.select().from(labReports).where(eq(labReports.id, id));
    expect(second?.evidenceKey).not.toBe(first?.evidenceKey);
    expect([...media.objects.keys()]).toEqual([second?.evidenceKey]);
  });

  it('reads a revoked report as revoked with the reason, which the trace shows', async () => {
    const values = fields();
    const { id } = await declared(values);
    await decide(id, 'verify');
    await decide(id, 'revoke', { reason: REASON });
    expect(await listed(id)).toMatchObject({
      verification: 'revoked',
      decisionReason: REASON,
      verifiedVersionShown: false,
    });
    const trace = await shownOnTrace();
    expect(trace.labReports.map((r) => r.reportNumber)).not.toContain(values.reportNumber);
    expect(trace.revokedLabReports.find((r) => r.id === id)).toMatchObject({
      kind: 'lab_report',
      number: values.reportNumber,
      issuer: values.lab,
      reason: REASON,
    });
  });

  it.each(['vi', 'en'] as Locale[])(
    'refuses bad fields and a bad file field by field in %s, storing nothing',
    async (lang) => {
      const before = (await db.select({ id: labReports.id }).from(labReports)).length;
      const t = dictionary(lang).validation;
      const res = await send(
        'POST',
        reportsPath(),
        form(fields({ tests: [], result: 'maybe' }), { bytes: 'GIF89a', name: 'a.gif' }),
        lang,
      );
      expect(res.status).toBe(422);
      const { error } = await readJson(res);
      expect(Object.keys(error.fields).sort()).toEqual(['evidence', 'result', 'tests']);
      expect(error.fields.evidence).toBe(format(t.evidence_type, { file: 'a.gif' }));
      // No part named `tests` at all: the field is missing.
      expect(error.fields.tests).toBe(t.required);

      const future = await send('POST', reportsPath(), report(fields({ reportedOn: '2099-01-01' })), lang);
      expect(future.status).toBe(422);
      expect((await readJson(future)).error.fields).toEqual({ reportedOn: t.date_in_future });

      // JSON has no file: a new report needs one.
      const json = await send('POST', reportsPath(), fields(), lang);
      expect(json.status).toBe(422);
      expect((await readJson(json)).error.fields).toEqual({ evidence: t.evidence_required });
      const none = await send('POST', reportsPath(), { ...fields(), tests: [] }, lang);
      expect((await readJson(none)).error.fields.tests).toBe(t.lab_tests_required);

      expect(media.objects.size).toBe(0);
      expect(await db.select({ id: labReports.id }).from(labReports)).toHaveLength(before);
    },
  );

  it('answers 404 for another cooperative’s member, an unknown lot or report, storing nothing', async () => {
    expect((await send('POST', reportsPath(), report(fields()), 'vi', otherMember)).status).toBe(404);
    expect((await send('GET', reportsPath(), undefined, 'vi', otherMember)).status).toBe(404);
    const unknownLot = await send('POST', `/products/${own.slug}/batches/NO-SUCH-LOT/lab-reports`, report(fields()));
    expect(unknownLot.status).toBe(404);
    expect((await readJson(unknownLot)).error.fields.lot).toBeTruthy();
    expect((await send('PUT', `${reportsPath()}/nope`, report(fields()))).status).toBe(404);
    expect(media.objects.size).toBe(0);
  });

  it('refuses another content type (415) and a body that does not parse (400)', async () => {
    const text = await call(
      api,
      reportsPath(),
      { method: 'POST', headers: { origin: ORIGIN, cookie: member, 'content-type': 'text/plain' }, body: 'x' },
      { ...TEST_ENV, MEDIA: media.bucket } as Env,
    );
    expect(text.status).toBe(415);
    const broken = await call(
      api,
      reportsPath(),
      { method: 'POST', headers: { origin: ORIGIN, cookie: member, 'content-type': 'application/json' }, body: '{' },
      { ...TEST_ENV, MEDIA: media.bucket } as Env,
    );
    expect(broken.status).toBe(400);
  });
});
