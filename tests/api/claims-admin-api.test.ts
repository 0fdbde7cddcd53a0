/** The verification queue's API: who may use it, what it lists, and its answers to decisions. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { certifications } from '../../src/server/db/schema';
import { ocopValidUntil } from '../../src/server/products/validity';
import { createTestUser, sessionCookieFor } from '../support/accounts';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';

let db: Database;
let api: ReturnType<typeof apiOn>;
let officer: string;

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
  officer = await sessionCookieFor(db, (await createTestUser(db, { role: 'officer', iterations: 1000 })).id);
});

function send(method: string, path: string, body?: unknown) {
  return call(api, path, {
    method,
    headers: { origin: 'http://localhost', cookie: officer, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

interface Queue {
  items: {
    kind: string;
    id: string;
    number: string;
    submittedAt: string;
    version: number;
    verification: string;
    authority: string | null;
    validFrom: string;
    validUntil: string | null;
    revokedVersion: { on: string; reason: string } | null;
  }[];
}

describe('GET /admin/claims', () => {
  it('lists the newest first when asked, and refuses an unknown order', async () => {
    const { items } = (await readJson(await send('GET', '/admin/claims?sort=newest'))) as Queue;
    const times = items.map((item) => Date.parse(item.submittedAt));
    expect(times.length).toBeGreaterThanOrEqual(3);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const refused = await send('GET', '/admin/claims?sort=longest');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await readJson(refused))).toContain('sort');
  });

  it("lists the demo's pending claims, oldest first, and none decided", async () => {
    const res = await send('GET', '/admin/claims');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const { items } = (await readJson(res)) as Queue;
    // The demo has a claim of each kind waiting, a batch's lab report among them.
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(items.map((item) => item.kind))).toEqual(new Set(['ocop_rating', 'certificate', 'lab_report']));
    expect(items.every((item) => item.verification === 'pending')).toBe(true);
    const times = items.map((item) => Date.parse(item.submittedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // A rating says who decided it and until when it holds (36 months); other claims carry their own issuer.
    const rating = items.find((item) => item.kind === 'ocop_rating');
    expect(rating?.authority).toMatch(/^(province_committee|agriculture_ministry|agriculture_environment_ministry)$/);
    expect(rating?.validUntil).toBe(ocopValidUntil(rating?.validFrom ?? ''));
    expect(items.filter((item) => item.kind !== 'ocop_rating').every((item) => item.authority === null)).toBe(true);
    // Nothing of the demo's waiting claims was revoked meanwhile.
    expect(items.every((item) => item.revokedVersion === null)).toBe(true);
  });
});

describe('POST /admin/claims/{kind}/{id}/{decision}', () => {
  it('verifies once, then answers 409; refuses a short reason field by field and an unknown claim with 404', async () => {
    const { items } = (await readJson(await send('GET', '/admin/claims'))) as Queue;
    const claim = items.find((item) => item.kind === 'certificate');
    if (!claim) throw new Error('the demo has a pending certificate');
    const path = `/admin/claims/certificate/${claim.id}`;

    expect((await send('POST', `${path}/verify`, {})).status, 'no version').toBeGreaterThanOrEqual(400);
    const short = await send('POST', `${path}/reject`, { reason: 'mờ', version: claim.version });
    expect(short.status).toBe(422);
    expect(((await readJson(short)) as { error: { fields: object } }).error.fields).toHaveProperty('reason');

    const stale = await send('POST', `${path}/verify`, { version: claim.version + 1 });
    expect(stale.status).toBe(409);

    const verified = await send('POST', `${path}/verify`, { version: claim.version });
    expect(verified.status).toBe(200);
    expect(await readJson(verified)).toEqual({ verification: 'verified' });
    const [row] = await db.select().from(certifications).where(eq(certifications.id, claim.id));
    expect(row?.verification).toBe('verified');

    const again = await send('POST', `${path}/reject`, {
      reason: 'Số hiệu không tra cứu được trên cổng của tổ chức.',
      version: claim.version,
    });
    expect(again.status).toBe(409);
    expect(((await readJson(again)) as { error: { fields: object } }).error.fields).toEqual({
      verification: expect.stringContaining(''),
    });

    expect((await send('POST', '/admin/claims/certificate/no-such-claim/verify', { version: 1 })).status).toBe(404);
  });
});
