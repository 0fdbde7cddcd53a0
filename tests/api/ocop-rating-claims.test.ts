/**
 * OCOP ratings as claims over the API, on libSQL and on D1 as workerd runs
 * it: declared with the decision's evidence file (multipart), pending until
 * an officer verifies it; bad input refused field by field in vi and en with
 * nothing stored in the table or the bucket; a change of what an officer
 * verified sends the rating back to the queue and takes its stars off; an
 * edit racing a verification never lets the officer verify what they did not
 * see. Certificates share the rules on a lapsed claim and a suspended cooperative.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decideClaim } from '../../src/server/claims/claim-decisions';
import { MAX_EVIDENCE_MEGABYTES } from '../../src/server/claims/evidence-file';
import { dictionary, format, type Locale } from '../../src/i18n';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { auditLog, certifications, cooperatives, ocopRatings, products } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { ConflictError } from '../../src/server/errors';
import { createProduct } from '../../src/server/products/product-writes';
import { ocopValidUntil, vietnamToday } from '../../src/server/products/validity';
import { createTestCooperative, createTestUser, sessionCookieFor } from '../support/accounts';
import { apiOn, call, TEST_ENV } from '../support/api';
import { multipart, pdf } from '../support/evidence';
import { readJson } from '../support/http';
import { type MemoryBucket, memoryBucket } from '../support/memory-bucket';
import { bothStores } from '../support/stores';

const ORIGIN = 'http://localhost';
const DAY = 86_400_000;
/** A day in Viet Nam relative to today, as the API judges dates (new Date()). */
const daysFromToday = (days: number) => vietnamToday(new Date(Date.now() + days * DAY));

let seq = 0;
const rating = (extra: Record<string, string> = {}) => ({
  stars: '4',
  level: 'province',
  decisionNumber: `${++seq}/QĐ-UBND`,
  decisionDate: daysFromToday(-40),
  ...extra,
});

describe.each(bothStores('ocop-ratings'))('OCOP ratings as claims on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let api: ReturnType<typeof apiOn>;
  let media: MemoryBucket;
  let cooperativeId: string;
  let slug: string;
  let productId: string;
  let member: string;
  let officer: SessionUser;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db);
    const user = await createTestUser(db, { role: 'member', cooperativeId, iterations: 1000 });
    member = await sessionCookieFor(db, user.id);
    const memberUser = {
      id: user.id,
      email: user.email,
      displayName: 'Thành viên',
      role: 'member' as const,
      cooperativeId,
      isManager: false,
    };
    const created = await createProduct(db, memberUser, {
      nameVi: 'Mật ong hoa nhãn thử nghiệm',
      ocopGroup: 'thuc_pham',
      provinceCode: '01',
      unitVi: 'chai',
      minOrder: 1,
    });
    ({ slug } = created);
    productId = created.id;
    const officerRow = await createTestUser(db, { role: 'officer', iterations: 1000 });
    officer = { ...memberUser, id: officerRow.id, email: officerRow.email, role: 'officer', cooperativeId: null };
    api = apiOn(db);
  }, 120_000);
  afterAll(async () => dispose?.());
  beforeEach(() => {
    media = memoryBucket();
  });

  const send = (method: string, path: string, body: FormData | unknown, lang = 'vi') => {
    const headers: Record<string, string> = { origin: ORIGIN, cookie: member };
    const isForm = body instanceof FormData;
    if (!isForm) headers['content-type'] = 'application/json';
    return call(api, `${path}?lang=${lang}`, { method, headers, body: isForm ? body : JSON.stringify(body) }, {
      ...TEST_ENV,
      MEDIA: media.bucket,
    } as Env);
  };
  const ratings = () => `/products/${slug}/ocop-ratings`;
  const rowOf = async (id: string) => (await db.select().from(ocopRatings).where(eq(ocopRatings.id, id)))[0];
  const numbered = (number: string) => db.select().from(ocopRatings).where(eq(ocopRatings.decisionNumber, number));

  async function declared(extra: Record<string, string> = {}) {
    const values = rating(extra);
    const res = await send('POST', ratings(), multipart(values, { bytes: pdf(), name: 'quyet-dinh.pdf' }));
    expect(res.status).toBe(201);
    const { id } = await readJson(res);
    return { id: id as string, values };
  }

  async function verified(extra: Record<string, string> = {}) {
    const claim = await declared(extra);
    const version = (await rowOf(claim.id))?.revision;
    await decideClaim(db, officer, { kind: 'ocop_rating', id: claim.id }, 'verify', { version }, new Date());
    return claim;
  }

  it('declares a rating with its decision as evidence: pending, stored once, audited, listed with its state', async () => {
    const { id, values } = await declared({ evidencePublic: 'true' });
    const row = await rowOf(id);
    expect(row).toMatchObject({
      stars: 4,
      decisionNumber: values.decisionNumber,
      verification: 'pending',
      evidenceType: 'application/pdf',
      evidencePublic: true,
    });
    expect([...media.objects.keys()]).toEqual([row?.evidenceKey]);
    const entries = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, productId), eq(auditLog.action, 'product.ocop_rating_added')));
    expect(entries.length).toBeGreaterThan(0);
    // Not counted as stars before an officer verified it.
    expect((await db.select().from(products).where(eq(products.id, productId)))[0]?.ocopStars).toBeNull();

    const listed = await readJson(await call(api, ratings(), { headers: { cookie: member } }));
    expect(listed.items.find((item: { id: string }) => item.id === id)).toMatchObject({
      verification: 'pending',
      decisionReason: null,
      verifiedAt: null,
      evidenceUrl: `/media/evidence/ocop_rating/${id}`,
      // Who decided it (a 4-star rating: the provincial committee of the cooperative's province), and until when.
      issuer: { authority: 'province_committee', provinceVi: expect.any(String), provinceEn: expect.any(String) },
      validUntil: ocopValidUntil(values.decisionDate),
    });
  });

  it('lists a rejected rating with the reason, and a verified one with when', async () => {
    const rejected = await declared();
    const reason = 'Bản chụp không đọc được số quyết định.';
    const version = (await rowOf(rejected.id))?.revision;
    await decideClaim(db, officer, { kind: 'ocop_rating', id: rejected.id }, 'reject', { reason, version }, new Date());
    const good = await verified();
    const { items } = await readJson(await call(api, ratings(), { headers: { cookie: member } }));
    const byId = new Map(items.map((item: { id: string }) => [item.id, item]));
    expect(byId.get(rejected.id)).toMatchObject({ verification: 'rejected', decisionReason: reason });
    expect(byId.get(good.id)).toMatchObject({ verification: 'verified' });
    expect(Date.parse((byId.get(good.id) as { verifiedAt: string }).verifiedAt)).toBeGreaterThan(Date.now() - DAY);
    await db.delete(ocopRatings).where(eq(ocopRatings.id, good.id));
  });

  const refusals: [string, Record<string, string>, string, Record<string, string | number>][] = [
    ['a decision dated in the future', { decisionDate: daysFromToday(2) }, 'decisionDate', {}],
    ['a decision more than 36 months old', { decisionDate: daysFromToday(-3 * 366 - 2) }, 'decisionDate', {}],
    ['a decision number of the wrong shape', { decisionNumber: 'số 12 năm 2026' }, 'decisionNumber', {}],
    ['5 stars recognised by the province', { stars: '5' }, 'level', {}],
  ];
  const codes: Record<string, string> = {
    'a decision dated in the future': 'date_in_future',
    'a decision more than 36 months old': 'ocop_expired',
    'a decision number of the wrong shape': 'ocop_decision_number',
    '5 stars recognised by the province': 'ocop_level_mismatch',
  };

  it.each(refusals)('refuses %s on its field, in vi and en, storing nothing', async (what, change, field) => {
    for (const lang of ['vi', 'en'] as Locale[]) {
      const values = rating(change);
      const res = await send('POST', ratings(), multipart(values, { bytes: pdf(), name: 'a.pdf' }), lang);
      expect(res.status).toBe(422);
      const body = await readJson(res);
      expect(body.error.fields[field]).toBe(dictionary(lang).validation[codes[what] as 'ocop_expired']);
      expect(await numbered(values.decisionNumber)).toEqual([]);
    }
    expect(media.objects.size).toBe(0);
  });

  it('refuses a file that is no document, or a PDF with script, with the fields at fault, storing nothing', async () => {
    for (const lang of ['vi', 'en'] as Locale[]) {
      for (const [bytes, code] of [
        ['<!doctype html><script>alert(1)</script>', 'evidence_type'],
        [pdf('5 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj'), 'evidence_active_content'],
      ] as const) {
        const values = rating({ decisionDate: daysFromToday(3) });
        const res = await send('POST', ratings(), multipart(values, { bytes, name: 'qd.pdf' }), lang);
        expect(res.status).toBe(422);
        const { error } = await readJson(res);
        expect(Object.keys(error.fields).sort()).toEqual(['decisionDate', 'evidence']);
        expect(error.fields.evidence).toBe(
          format(dictionary(lang).validation[code], { file: 'qd.pdf', max: MAX_EVIDENCE_MEGABYTES }),
        );
        expect(await numbered(values.decisionNumber)).toEqual([]);
      }
    }
    expect(media.objects.size).toBe(0);
  });

  it('takes the JSON body without a file, stars as a number', async () => {
    const values = { ...rating(), stars: 3 };
    const res = await send('POST', ratings(), values);
    expect(res.status).toBe(201);
    expect((await numbered(values.decisionNumber))[0]).toMatchObject({ stars: 3, evidenceKey: null });
  });

  it('sends a verified rating back to the queue when its number, date or file changes, the public keeping the verified one', async () => {
    const changes: [string, (values: Record<string, string>) => Record<string, string>, boolean][] = [
      ['number', (values) => ({ ...values, decisionNumber: `${++seq}/QĐ-UBND` }), false],
      ['date', (values) => ({ ...values, decisionDate: daysFromToday(-41) }), false],
      ['file', (values) => values, true],
    ];
    for (const [, change, newFile] of changes) {
      const { id, values } = await verified();
      expect((await db.select().from(products).where(eq(products.id, productId)))[0]?.ocopStars).toBe(4);
      const before = await rowOf(id);
      const res = await send(
        'PUT',
        `${ratings()}/${id}`,
        multipart(change(values), newFile ? { bytes: pdf('% new scan'), name: 'b.pdf' } : undefined),
      );
      expect(res.status).toBe(200);
      expect((await readJson(res)).verification).toBe('pending');
      const after = await rowOf(id);
      expect(after?.verification).toBe('pending');
      expect(after?.submittedAt?.getTime()).toBeGreaterThan(before?.submittedAt?.getTime() ?? 0);
      if (newFile) {
        expect(after?.evidenceKey).not.toBe(before?.evidenceKey);
        // The verified version's file stays: the public downloads it until an officer decides.
        expect(media.objects.has(before?.evidenceKey ?? '')).toBe(true);
      }
      // The public keeps the last verified version while the change waits: its stars still count.
      expect((await db.select().from(products).where(eq(products.id, productId)))[0]?.ocopStars).toBe(4);
      await db.delete(ocopRatings).where(eq(ocopRatings.id, id));
    }
  });

  it('keeps a verified rating verified when only the public download changes; refuses to change a revoked one', async () => {
    const { id, values } = await verified();
    const res = await send('PUT', `${ratings()}/${id}`, multipart({ ...values, evidencePublic: 'true' }));
    expect((await readJson(res)).verification).toBe('verified');
    await decideClaim(
      db,
      officer,
      { kind: 'ocop_rating', id },
      'revoke',
      { reason: 'Quyết định công nhận đã bị thu hồi.' },
      new Date(),
    );
    const revoked = await rowOf(id);
    const refused = await send('PUT', `${ratings()}/${id}`, multipart(values, { bytes: pdf(), name: 'c.pdf' }));
    expect(refused.status).toBe(409);
    expect(await rowOf(id)).toEqual(revoked);
    // Only the file it was declared with; the refused one left the bucket again.
    expect([...media.objects.keys()]).toEqual([revoked?.evidenceKey]);
    await db.delete(ocopRatings).where(eq(ocopRatings.id, id));
  });

  it('lets one of an edit and a verification of the same version win, whichever comes first; the other is a 409', async () => {
    const attempt = async (id: string, values: Record<string, string>, seen: number, number: string) =>
      send('PUT', `${ratings()}/${id}`, multipart({ ...values, decisionNumber: number, version: String(seen) }));
    const verify = (id: string, seen: number) =>
      decideClaim(db, officer, { kind: 'ocop_rating', id }, 'verify', { version: seen }, new Date());

    // The officer verifies first: the member's edit of the version both saw is refused, not queued again.
    const first = await declared();
    const seenFirst = (await rowOf(first.id))?.revision ?? -1;
    await verify(first.id, seenFirst);
    const late = await attempt(first.id, first.values, seenFirst, `${++seq}/QĐ-UBND`);
    expect(late.status).toBe(409);
    expect((await readJson(late)).error.fields.verification).toBe(dictionary('vi').validation.claim_changed);
    expect(await rowOf(first.id)).toMatchObject({
      verification: 'verified',
      decisionNumber: first.values.decisionNumber,
    });

    // The member edits first: the officer's verification of the version before the edit is refused.
    const second = await declared();
    const seenSecond = (await rowOf(second.id))?.revision ?? -1;
    const changed = `${++seq}/QĐ-UBND`;
    expect((await attempt(second.id, second.values, seenSecond, changed)).status).toBe(200);
    await expect(verify(second.id, seenSecond)).rejects.toBeInstanceOf(ConflictError);
    expect(await rowOf(second.id)).toMatchObject({
      verification: 'pending',
      decisionNumber: changed,
      lastVerified: null,
    });

    // At once: exactly one lands.
    for (let round = 0; round < 3; round++) {
      const { id, values } = await declared();
      const seen = (await rowOf(id))?.revision ?? -1;
      const number = `${++seq}/QĐ-UBND`;
      const [edit, decided] = await Promise.allSettled([attempt(id, values, seen, number), verify(id, seen)]);
      const editWon = edit.status === 'fulfilled' && edit.value.status === 200;
      expect(editWon, 'one of the two wins').toBe(decided.status === 'rejected');
      if (decided.status === 'rejected') expect(decided.reason).toBeInstanceOf(ConflictError);
      else expect(edit.status === 'fulfilled' && edit.value.status).toBe(409);
      expect(await rowOf(id)).toMatchObject(
        editWon
          ? { decisionNumber: number, verification: 'pending' }
          : { decisionNumber: values.decisionNumber, verification: 'verified' },
      );
      await db.delete(ocopRatings).where(eq(ocopRatings.id, id));
    }
    await db.delete(ocopRatings).where(eq(ocopRatings.id, first.id));
    await db.delete(ocopRatings).where(eq(ocopRatings.id, second.id));
  });

  it('refuses a certificate that already ran out, and any claim of a suspended cooperative, storing nothing', async () => {
    const certificate = {
      kind: 'organic',
      number: 'HC-1/2020',
      issuer: 'Tổ chức chứng nhận thử',
      validFrom: '2020-01-01',
      validUntil: daysFromToday(-1),
    };
    for (const lang of ['vi', 'en'] as Locale[]) {
      const res = await send(
        'POST',
        `/products/${slug}/certificates`,
        multipart(certificate, { bytes: pdf(), name: 'a.pdf' }),
        lang,
      );
      expect(res.status).toBe(422);
      expect((await readJson(res)).error.fields).toEqual({ validUntil: dictionary(lang).validation.claim_expired });
    }
    await db.update(cooperatives).set({ status: 'suspended' }).where(eq(cooperatives.id, cooperativeId));
    try {
      for (const lang of ['vi', 'en'] as Locale[]) {
        const values = rating();
        const res = await send('POST', ratings(), multipart(values, { bytes: pdf(), name: 'a.pdf' }), lang);
        expect(res.status).toBe(422);
        expect((await readJson(res)).error.fields).toEqual({
          cooperative: dictionary(lang).validation.claimant_suspended,
        });
        const cert = await send(
          'POST',
          `/products/${slug}/certificates`,
          multipart({ ...certificate, validUntil: daysFromToday(400) }, { bytes: pdf(), name: 'a.pdf' }),
          lang,
        );
        expect(cert.status).toBe(422);
        expect(Object.keys((await readJson(cert)).error.fields)).toEqual(['cooperative']);
      }
      expect(await db.select().from(certifications).where(eq(certifications.cooperativeId, cooperativeId))).toEqual([]);
      expect(media.objects.size).toBe(0);
    } finally {
      await db.update(cooperatives).set({ status: 'active' }).where(eq(cooperatives.id, cooperativeId));
    }
  });
});
