/**
 * Evidence files of certificates over the API: recognised by content, at most
 * MAX_EVIDENCE_MEGABYTES, never a PDF that can act (script, launch, attached
 * files, markup); a refusal names the field in the asked language and leaves
 * nothing in the bucket or the table. Served only to whom may see it, PDFs
 * as downloads with headers that let nothing run. Changing what an officer
 * verified (number, dates, file) sends the certificate back to the queue.
 */
import { recordVerifiedVersions } from '../../src/server/claims/verified-version';
import { deflateSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evidenceFiles } from '../../functions/evidence-files';
import { evidencePath } from '../../src/server/claims/evidence-access';
import {
  type EvidenceRefusal,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_MEGABYTES,
} from '../../src/server/claims/evidence-file';
import { dictionary, format, type Locale } from '../../src/i18n';
import type { Database } from '../../src/server/db/client';
import { certifications } from '../../src/server/db/schema';
import { apiOn, call, TEST_ENV } from '../support/api';
import { demoDatabase } from '../support/demo';
import { dashboardMembers } from '../support/dashboard-members';
import { multipart, pdf } from '../support/evidence';
import { readJson } from '../support/http';
import { png } from '../support/images';
import { type MemoryBucket, memoryBucket } from '../support/memory-bucket';

const ORIGIN = 'http://localhost';

/** A PDF whose object stream (compressed, as real writers make them) hides an action. */
function pdfWithCompressedScript(): Uint8Array {
  const hidden = deflateSync(Buffer.from('<< /S /JavaScript /JS (app.alert(1)) >>'));
  const head = new TextEncoder().encode(
    `%PDF-1.7\n4 0 obj << /Type /ObjStm /Filter /FlateDecode /Length ${hidden.length} >>\nstream\n`,
  );
  const tail = new TextEncoder().encode('\nendstream\nendobj\n%%EOF');
  return new Uint8Array([...head, ...hidden, ...tail]);
}

let db: Database;
let media: MemoryBucket;
let api: ReturnType<typeof apiOn>;
let own: { id: string; slug: string; cooperativeId: string };
let member: string;
let otherMember: string;
let officer: string;

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
  ({ own, member, otherMember, officer } = await dashboardMembers(db));
});

beforeEach(() => {
  media = memoryBucket();
});

let numberSeq = 0;
const fields = (extra: Record<string, string> = {}) => ({
  kind: 'organic',
  number: `HC-${++numberSeq}/2026`,
  issuer: 'Tổ chức chứng nhận thử',
  validFrom: '2026-01-01',
  validUntil: '2028-12-31',
  ...extra,
});

function send(method: string, path: string, body: FormData | unknown, lang = 'vi', cookie = member) {
  const headers: Record<string, string> = { origin: ORIGIN, cookie };
  const isForm = body instanceof FormData;
  if (!isForm) headers['content-type'] = 'application/json';
  return call(api, `${path}?lang=${lang}`, { method, headers, body: isForm ? body : JSON.stringify(body) }, {
    ...TEST_ENV,
    MEDIA: media.bucket,
  } as Env);
}

const certificates = () => `/products/${own.slug}/certificates`;
const rowsNumbered = (number: string) => db.select().from(certifications).where(eq(certifications.number, number));

describe('evidence files on certificates (API)', () => {
  it('stores a PDF recognised by its content with the certificate', async () => {
    const values = fields();
    const res = await send('POST', `${certificates()}`, multipart(values, { bytes: pdf(), name: 'giay.jpg' }));
    expect(res.status).toBe(201);
    const [row] = await rowsNumbered(values.number);
    expect(row?.evidenceType).toBe('application/pdf');
    expect(row?.verification).toBe('pending');
    expect([...media.objects.keys()]).toEqual([row?.evidenceKey]);
    expect(media.objects.get(row?.evidenceKey ?? '')?.contentType).toBe('application/pdf');
  });

  it('takes a scan as PNG, and the JSON body without a file as before', async () => {
    const scan = fields();
    expect(
      (await send('POST', `${certificates()}`, multipart(scan, { bytes: await png(), name: 'scan.png' }))).status,
    ).toBe(201);
    expect((await rowsNumbered(scan.number))[0]?.evidenceType).toBe('image/png');
    const plain = fields();
    expect((await send('POST', `${certificates()}`, plain)).status).toBe(201);
    expect((await rowsNumbered(plain.number))[0]?.evidenceKey).toBeNull();
  });

  const refused: [string, () => Uint8Array | string, EvidenceRefusal][] = [
    ['an empty file', () => '', 'evidence_empty'],
    ['HTML named .pdf', () => '<!doctype html><script>alert(1)</script>', 'evidence_type'],
    [
      'a PDF behind an HTML prefix',
      () => `<html><body>hi</body></html>\n${new TextDecoder().decode(pdf())}`,
      'evidence_type',
    ],
    [
      'a PDF with /JavaScript',
      () => pdf('5 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj'),
      'evidence_active_content',
    ],
    [
      'a PDF with an /OpenAction script spelled in hex',
      () => pdf('<< /OpenAction << /S /J#61vaScript /J#53 (x) >> >>'),
      'evidence_active_content',
    ],
    ['a PDF with /Launch', () => pdf('5 0 obj << /S /Launch /F (cmd.exe) >> endobj'), 'evidence_active_content'],
    ['a PDF with an /EmbeddedFile', () => pdf('5 0 obj << /Type /EmbeddedFile >> endobj'), 'evidence_active_content'],
    ['a PDF with script in a compressed object stream', pdfWithCompressedScript, 'evidence_active_content'],
    ['a PDF/HTML polyglot', () => pdf('% <script>fetch("/api/v1/me")</script>'), 'evidence_active_content'],
    ['a file over the limit', () => new Uint8Array(MAX_EVIDENCE_BYTES + 1).fill(0x25), 'evidence_too_large'],
  ];

  it.each(refused)('refuses %s on field evidence, in vi and en, storing nothing', async (_, bytes, code) => {
    for (const lang of ['vi', 'en']) {
      const values = fields();
      const res = await send(
        'POST',
        `${certificates()}`,
        multipart(values, { bytes: bytes(), name: 'quyet-dinh.pdf' }),
        lang,
      );
      expect(res.status).toBe(422);
      const body = await readJson(res);
      const template = dictionary(lang as Locale).validation[code];
      expect(body.error.fields.evidence).toBe(
        format(template, { file: 'quyet-dinh.pdf', max: MAX_EVIDENCE_MEGABYTES }),
      );
      expect(await rowsNumbered(values.number)).toEqual([]);
    }
    expect(media.objects.size).toBe(0);
  });

  it('names every field at fault with the file and stores nothing when only a date is wrong', async () => {
    const wrongFile = fields({ validUntil: '2025-01-01' });
    const both = await readJson(
      await send('POST', `${certificates()}`, multipart(wrongFile, { bytes: 'GIF89a', name: 'a.gif' }), 'en'),
    );
    expect(Object.keys(both.error.fields).sort()).toEqual(['evidence', 'validUntil']);
    expect(both.error.fields.evidence).toMatch(/not a PDF, JPEG, PNG or WebP/);
    const res = await send(
      'POST',
      `${certificates()}`,
      multipart(fields({ validUntil: '2025-01-01' }), { bytes: pdf(), name: 'ok.pdf' }),
    );
    expect(res.status).toBe(422);
    expect(media.objects.size).toBe(0);
  });

  it('refuses a member of another cooperative (no such product for them) before storing anything', async () => {
    const res = await send(
      'POST',
      `${certificates()}`,
      multipart(fields(), { bytes: pdf(), name: 'a.pdf' }),
      'vi',
      otherMember,
    );
    expect(res.status).toBe(404);
    expect(media.objects.size).toBe(0);
  });
});

describe('who may download evidence', () => {
  const files = evidenceFiles({ database: async () => db, driver: () => 'libsql' });
  const download = (path: string, cookie?: string) =>
    files.request(path.replace(/^\/media\/evidence/, ''), { headers: cookie ? { cookie } : {} }, {
      MEDIA: media.bucket,
    } as Env);

  async function declared(extra: Record<string, string> = {}) {
    const values = fields(extra);
    const res = await send('POST', `${certificates()}`, multipart(values, { bytes: pdf(), name: 'a.pdf' }));
    const { id } = await readJson(res);
    return { id: id as string, path: evidencePath('certificate', id) };
  }

  // As an officer's verification writes it, with the verified version the public reads.
  const verify = async (id: string) => {
    await db.update(certifications).set({ verification: 'verified' }).where(eq(certifications.id, id));
    await recordVerifiedVersions(db);
  };

  it('serves a pending claim to its cooperative and the officers only, as a download that cannot run', async () => {
    const { path } = await declared({ evidencePublic: 'true' });
    const mine = await download(path, member);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(mine.headers.get('content-disposition')).toMatch(/^attachment; filename="certificate-.+\.pdf"$/);
    expect(mine.headers.get('x-content-type-options')).toBe('nosniff');
    expect(mine.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
    expect(mine.headers.get('cache-control')).toBe('private, no-store');
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(pdf());
    expect((await download(path, officer)).status).toBe(200);
    expect((await download(path)).status).toBe(404);
    expect((await download(path, otherMember)).status).toBe(404);
  });

  it('serves a verified claim to the public only when the cooperative allows it', async () => {
    const hidden = await declared();
    await verify(hidden.id);
    expect((await download(hidden.path)).status).toBe(404);
    expect((await download(hidden.path, member)).status).toBe(200);

    const shown = await declared({ evidencePublic: 'on' });
    expect((await download(shown.path)).status).toBe(404);
    await verify(shown.id);
    const open = await download(shown.path);
    expect(open.status).toBe(200);
    expect(open.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(open.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it("links the file in the officers' queue, beside the entered fields", async () => {
    const { id, path } = await declared();
    const res = await call(api, '/admin/claims', { headers: { cookie: officer } });
    const queued = (await readJson(res)).items.find((claim: { id: string }) => claim.id === id);
    expect(queued.evidenceUrl).toBe(path);
  });

  it('answers 404 for a claim without evidence, an unknown claim or kind', async () => {
    expect((await download(evidencePath('certificate', 'nope'), officer)).status).toBe(404);
    expect((await download('/media/evidence/batch/x', officer)).status).toBe(404);
  });
});

describe('editing a verified certificate', () => {
  async function verifiedCertificate() {
    const values = fields();
    const res = await send('POST', `${certificates()}`, multipart(values, { bytes: pdf(), name: 'a.pdf' }));
    const { id } = await readJson(res);
    await db.update(certifications).set({ verification: 'verified' }).where(eq(certifications.id, id));
    await recordVerifiedVersions(db);
    return { id: id as string, values };
  }
  const stateOf = async (id: string) => (await db.select().from(certifications).where(eq(certifications.id, id)))[0];

  it('keeps it verified when only the public download changes', async () => {
    const { id, values } = await verifiedCertificate();
    const res = await send('PUT', `${certificates()}/${id}`, multipart({ ...values, evidencePublic: 'true' }));
    expect(res.status).toBe(200);
    expect((await readJson(res)).verification).toBe('verified');
    expect((await stateOf(id))?.evidencePublic).toBe(true);
  });

  it('sends it back to the queue when its number or dates change', async () => {
    for (const change of [{ number: 'HC-changed/2026' }, { validUntil: '2029-12-31' }]) {
      const { id, values } = await verifiedCertificate();
      const res = await send('PUT', `${certificates()}/${id}`, multipart({ ...values, ...change }));
      expect((await readJson(res)).verification).toBe('pending');
      expect((await stateOf(id))?.verification).toBe('pending');
    }
  });

  it('sends it back when its evidence changes, keeping the verified file until an officer decides', async () => {
    const { id, values } = await verifiedCertificate();
    const before = await stateOf(id);
    const res = await send(
      'PUT',
      `${certificates()}/${id}`,
      multipart(values, { bytes: await png(), name: 'new.png' }),
    );
    expect((await readJson(res)).verification).toBe('pending');
    const after = await stateOf(id);
    expect(after?.evidenceType).toBe('image/png');
    expect(after?.evidenceKey).not.toBe(before?.evidenceKey);
    // The verified version's file is what the public still downloads (src/server/claims/verified-version.ts).
    expect(after?.lastVerified?.evidenceKey).toBe(before?.evidenceKey);
    expect(new Set(media.objects.keys())).toEqual(new Set([before?.evidenceKey, after?.evidenceKey]));

    // A second change while it waits replaces the waiting file only.
    await send('PUT', `${certificates()}/${id}`, multipart(values, { bytes: pdf(), name: 'again.pdf' }));
    const again = await stateOf(id);
    expect(new Set(media.objects.keys())).toEqual(new Set([before?.evidenceKey, again?.evidenceKey]));
  });

  it('keeps the verified certificate and its file as they were when the new file is refused', async () => {
    const { id, values } = await verifiedCertificate();
    const before = await stateOf(id);
    const res = await send(
      'PUT',
      `${certificates()}/${id}`,
      multipart(values, { bytes: pdf('/Launch'), name: 'x.pdf' }),
    );
    expect(res.status).toBe(422);
    expect(await stateOf(id)).toEqual(before);
    expect([...media.objects.keys()]).toEqual([before?.evidenceKey]);
    const again = await db
      .select()
      .from(certifications)
      .where(and(eq(certifications.id, id), eq(certifications.verification, 'verified')));
    expect(again).toHaveLength(1);
  });
});
