/**
 * A lab report of a batch on the built worker: a cooperative manager attaches
 * it on the batch's dashboard page (refused without evidence or with a date
 * to come, field by field), it is not on the batch's public trace page while
 * it waits, and once an officer verified it the trace page and the trace API
 * show it with who verified it and a link to the report itself. An edit of
 * a verified report waits while the trace page keeps the verified version;
 * once revoked, the trace page says when and why, in both languages.
 */
import { describe, expect, inject, it } from 'vitest';
import { pdf } from '../support/evidence';
import { textOf } from '../support/html';
import { readJson } from '../support/http';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, postMultipart, signIn } = site(baseUrl);
const origin = new URL(baseUrl).origin;

/** A batch of one of the manager's published products: its dashboard page and its public trace page. */
async function publishedBatchOf(manager: string): Promise<{ labPage: string; trace: string }> {
  const products = await (await get('/tai-khoan/san-pham', manager)).text();
  const slugs = [...new Set([...products.matchAll(/href="\/tai-khoan\/san-pham\/([a-z0-9-]+)"/g)].map((m) => m[1]))];
  for (const slug of slugs) {
    const list = await (await get(`/tai-khoan/san-pham/${slug}/lo-hang`, manager)).text();
    for (const row of list.split('<tr').slice(1)) {
      const trace = /href="(\/truy-xuat\/[^"]+)"/.exec(row)?.[1];
      const labPage = /href="(\/tai-khoan\/san-pham\/[^"]+\/kiem-nghiem)"/.exec(row)?.[1];
      if (trace && labPage) return { labPage, trace: trace.replaceAll('&amp;', '&') };
    }
  }
  throw new Error('the manager has no batch of a published product');
}

function reportForm(fields: Record<string, string>, evidence: Uint8Array | null) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (evidence)
    form.append('evidence', new File([evidence as BlobPart], 'phieu-ket-qua.pdf', { type: 'application/pdf' }));
  return form;
}

describe('a lab report of a batch', () => {
  it('is refused field by field, waits unseen, and shows on the trace page once verified', async () => {
    const manager = await signIn('quanly1@cho-htx.test');
    const { labPage, trace } = await publishedBatchOf(manager);
    const number = `KQ-E2E/${Date.now().toString(36)}`;
    const fields = {
      lab: 'Trung tâm Kiểm nghiệm E2E',
      reportNumber: number,
      reportedOn: '2026-01-15',
      'tests.pesticide_residues': 'on',
      'tests.heavy_metals': 'on',
      result: 'pass',
      summary: 'Không phát hiện dư lượng; Pb, Cd dưới giới hạn.',
      evidencePublic: 'on',
    };

    const refused = await postMultipart(labPage, reportForm({ ...fields, reportedOn: '2099-01-01' }, null), manager);
    expect(refused.status).toBe(422);
    const refusedText = textOf(await refused.text());
    expect(refusedText).toContain('Hãy đính kèm bản chụp hoặc tệp PDF của phiếu kết quả');
    expect(refusedText).toContain('Ngày này chưa tới.');

    const saved = await postMultipart(labPage, reportForm(fields, pdf()), manager);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${labPage}?saved=1`);
    expect(textOf(await (await get(labPage, manager)).text())).toContain(number);
    expect(textOf(await (await get(trace)).text())).not.toContain(number);

    const officer = await signIn('canbo@cho-htx.test');
    const queue = await readJson(await get('/api/v1/admin/claims', officer));
    const queued = queue.items.find((item: { number: string }) => item.number === number);
    expect(queued).toMatchObject({ kind: 'lab_report', lab: { tests: ['pesticide_residues', 'heavy_metals'] } });
    const verified = await fetch(`${baseUrl}/api/v1/admin/claims/lab_report/${queued.id}/verify`, {
      method: 'POST',
      headers: { origin, cookie: officer, 'content-type': 'application/json' },
      body: JSON.stringify({ version: queued.version }),
    });
    expect(verified.status).toBe(200);

    const page = await (await get(trace)).text();
    const text = textOf(page);
    expect(text).toContain(number);
    // Counted in the trust summary above the timeline.
    expect(text).toMatch(/Kiểm nghiệm lô này Phiếu kết quả đã xác minh: [1-9]\d*,/);
    expect(text).toMatch(/Xác minh bởi Sở Công Thương [^\d]+ ngày \d{1,2}\/\d{1,2}\/20\d\d/);
    const evidence = `/media/evidence/lab_report/${queued.id}`;
    expect(page).toContain(`href="${evidence}"`);
    const file = await get(evidence);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment/);

    const [, code, lot] = /\/truy-xuat\/([^/]+)\/lo\/(.+)$/.exec(trace) ?? [];
    const json = await readJson(await get(`/api/v1/trace/codes/${code}/${lot}`));
    expect(json.labReports.map((r: { reportNumber: string }) => r.reportNumber)).toContain(number);
    const english = textOf(
      await (await get(trace.replace('/truy-xuat/', '/en/trace/').replace('/lo/', '/lot/'))).text(),
    );
    expect(english).toContain('Lab results of this batch');
    expect(english).toMatch(/Verified by the .+ Department of Industry and Trade on/);
  });

  it('keeps the verified version on the trace while an edit waits, and shows a revocation with its reason', async () => {
    const manager = await signIn('quanly1@cho-htx.test');
    const { labPage, trace } = await publishedBatchOf(manager);
    const number = `KQ-SUA/${Date.now().toString(36)}`;
    const fields = {
      lab: 'Trung tâm Kiểm nghiệm E2E',
      reportNumber: number,
      reportedOn: '2026-02-01',
      'tests.microbiology': 'on',
      result: 'pass',
      summary: 'Vi sinh vật đạt giới hạn cho phép.',
    };
    expect((await postMultipart(labPage, reportForm(fields, pdf()), manager)).status).toBe(303);
    const officer = await signIn('canbo@cho-htx.test');
    const decide = async (decision: string, body: Record<string, unknown>) => {
      const queue = await readJson(await get('/api/v1/admin/claims', officer));
      const queued = queue.items.find((item: { number: string }) => item.number === number);
      const id = queued?.id ?? body.id;
      return fetch(`${baseUrl}/api/v1/admin/claims/lab_report/${id}/${decision}`, {
        method: 'POST',
        headers: { origin, cookie: officer, 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, ...(queued ? { version: queued.version } : {}) }),
      });
    };
    expect((await decide('verify', {})).status).toBe(200);

    // The edit form of the report, reached from the batch's list.
    const list = await (await get(labPage, manager)).text();
    const editPage = new RegExp(`href="(${labPage}/[a-z0-9]+)"[^>]*aria-label="[^"]*${number}`).exec(list)?.[1];
    expect(editPage).toBeTruthy();
    const id = editPage?.split('/').pop() ?? '';
    const form = await (await get(editPage ?? '', manager)).text();
    const version = /name="version" value="(\d+)"/.exec(form)?.[1];
    expect(version).toBe('1');
    const edited = await postMultipart(
      editPage ?? '',
      reportForm({ ...fields, summary: 'Đã sửa: vi sinh vật đạt.', version: version ?? '' }, null),
      manager,
    );
    expect(edited.status).toBe(303);
    const stale = await postMultipart(
      editPage ?? '',
      reportForm({ ...fields, summary: 'Sửa lần nữa trên bản cũ.', version: version ?? '' }, null),
      manager,
    );
    expect(stale.status).toBe(409);
    const listed = textOf(await (await get(labPage, manager)).text());
    expect(listed).toContain('Trang công khai vẫn hiện bản đã xác minh trước đó.');
    const waiting = textOf(await (await get(trace)).text());
    expect(waiting).toContain(number);
    expect(waiting).toContain('Vi sinh vật đạt giới hạn cho phép.');
    expect(waiting).not.toContain('Đã sửa: vi sinh vật đạt.');

    const reason = 'Phòng thử nghiệm thông báo phiếu bị thu hồi.';
    expect((await decide('revoke', { id, reason })).status).toBe(200);
    const revoked = textOf(await (await get(trace)).text());
    expect(revoked).toMatch(new RegExp(`${number}.*Thu hồi ngày [^:]+ 20\\d\\d: ${reason}`));
    const english = textOf(
      await (await get(trace.replace('/truy-xuat/', '/en/trace/').replace('/lo/', '/lot/'))).text(),
    );
    expect(english).toMatch(new RegExp(`${number}.*Revoked on [^:]+ 20\\d\\d: ${reason}`));
  });
});
