/**
 * A lab report of a batch on the built worker: a cooperative manager attaches
 * it on the batch's dashboard page (refused without evidence or with a date
 * to come, field by field), it is not on the batch's public trace page while
 * it waits, and once an officer verified it the trace page and the trace API
 * show it with who verified it and a link to the report itself.
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
});
