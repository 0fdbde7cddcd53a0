/**
 * Trade officers manage events through the dashboard's forms (no script), on
 * the built worker: an event is created as a draft (not public), previewed,
 * published (in /su-kien and the iCalendar feed), edited (higher SEQUENCE),
 * then cancelled with a reason (STATUS:CANCELLED, higher SEQUENCE again).
 * The feed is read back with ical.js, an independent parser.
 */
import ICAL from 'ical.js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { textOf } from '../support/html';
import { readJson } from '../support/http';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, signIn } = site(baseUrl);

let officer: string;
/** A title no demo event has, and a date no demo event is on. */
const stamp = Date.now() % 1_000_000;
const title = `Phiên chợ kiểm thử ${stamp}`;

const fields = {
  kind: 'ocop_market',
  titleVi: title,
  titleEn: `Test market ${stamp}`,
  organiser: 'Sở Công Thương Hà Nội',
  startDate: '2027-06-16',
  endDate: '2027-06-16',
  startTime: '07:30',
  endTime: '11:30',
  venue: 'Công viên Thống Nhất',
  address: '354A Lê Duẩn, Hà Nội',
  provinceCode: '01',
  onlineUrl: '',
  registrationOpens: '2027-05-01T08:00',
  registrationCloses: '2027-06-10T17:00',
  boothCapacity: '30',
};

interface CalendarEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  description: string;
}

/** The feed's events for June 2027, parsed by ical.js. */
async function feed(): Promise<CalendarEvent[]> {
  const res = await get('/api/v1/events.ics?from=2027-06-01&to=2027-06-30');
  expect(res.status).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await res.text()));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      summary: event.summary,
      description: event.description,
    };
  });
}

async function entryOf(eventId: string): Promise<CalendarEvent | undefined> {
  return (await feed()).find((event) => event.uid.startsWith(`${eventId}@`));
}

beforeAll(async () => {
  officer = await signIn('canbo@cho-htx.test');
});

describe('a trade officer manages an event without script', () => {
  let editPath = '';
  let slug = '';

  it('gets the errors next to the fields, with the values kept', async () => {
    const res = await post(
      '/tai-khoan/su-kien-quan-ly/moi',
      { ...fields, endDate: '2027-06-15', boothCapacity: '0', intent: 'create' },
      officer,
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(
      /<p class="field__error" id="field-endDate-error">Thời điểm kết thúc phải sau thời điểm bắt đầu\.<\/p>/,
    );
    expect(html).toContain('id="field-boothCapacity-error"');
    expect(html).toContain(`value="${title}"`);
    expect(html).toMatch(/<option value="01" selected>/);
  });

  it('previews the dates of a series before creating anything', async () => {
    const res = await post(
      '/en/account/manage-events/new',
      { ...fields, repeat: 'weekly', repeatInterval: '1', repeatCount: '3', intent: 'preview' },
      officer,
    );
    expect(res.status).toBe(200);
    const text = textOf(await res.text());
    expect(text).toContain('The series will have 3 events');
    expect(text).toMatch(/16 June 2027[\s\S]*23 June 2027[\s\S]*30 June 2027/);
  });

  it('creates a draft that the public does not see, but the officer can preview', async () => {
    const res = await post('/tai-khoan/su-kien-quan-ly/moi', { ...fields, intent: 'create' }, officer);
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/tai-khoan\/su-kien-quan-ly\/[a-z0-9-]+\/sua\?done=created$/);
    editPath = location.replace(/\?.*$/, '');
    slug = editPath.split('/')[3] ?? '';

    expect((await get(`/su-kien/${slug}`)).status).toBe(404);
    expect(textOf(await (await get('/su-kien?from=2027-06-16&to=2027-06-16')).text())).not.toContain(title);
    const preview = await get(`/tai-khoan/su-kien-quan-ly/${slug}/xem-truoc`, officer);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('x-robots-tag')).toBe('noindex');
    const previewText = textOf(await preview.text());
    expect(previewText).toContain(title);
    expect(previewText).toContain('bản nháp');
    expect((await get(`/tai-khoan/su-kien-quan-ly/${slug}/xem-truoc`)).status).toBe(303);
    const edit = await get(editPath, officer);
    expect(textOf(await edit.text())).toContain('Bản nháp');
  });

  it('publishes it: it is in the calendar and the iCalendar feed', async () => {
    expect((await post(editPath, { intent: 'publish' }, officer)).status).toBe(303);
    expect((await get(`/su-kien/${slug}`)).status).toBe(200);
    expect(textOf(await (await get('/su-kien?from=2027-06-16&to=2027-06-16')).text())).toContain(title);
    const api = await readJson(await get(`/api/v1/events/${slug}`));
    const entry = await entryOf(api.id);
    expect(entry).toMatchObject({ sequence: 0, status: 'CONFIRMED', summary: title });
  });

  it('an edit of the published event raises its SEQUENCE', async () => {
    const before = await get(editPath, officer);
    const version = /name="version" value="(\d+)"/.exec(await before.text())?.[1] ?? '';
    const res = await post(editPath, { ...fields, endTime: '12:00', version, intent: 'save' }, officer);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${editPath}?done=saved`);
    const api = await readJson(await get(`/api/v1/events/${slug}`));
    expect(api.revision).toBe(1);
    expect((await entryOf(api.id))?.sequence).toBe(1);
    // The same page sent again, on the version it was made from: someone else's change is not overwritten.
    const stale = await post(editPath, { ...fields, endTime: '12:30', version, intent: 'save' }, officer);
    expect(stale.status).toBe(409);
  });

  it('cancels it with a reason: kept public and marked, CANCELLED with a higher SEQUENCE', async () => {
    const noReason = await post(editPath, { intent: 'cancel', reason: '' }, officer);
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('id="cancel-reason-error"');

    const reason = 'Hoãn do mưa lớn; ban tổ chức sẽ báo ngày mới.';
    expect((await post(editPath, { intent: 'cancel', reason }, officer)).status).toBe(303);
    const page = await get(`/su-kien/${slug}`);
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain('Sự kiện đã bị hủy');
    expect(text).toContain(reason);
    const api = await readJson(await get(`/api/v1/events/${slug}`));
    const entry = await entryOf(api.id);
    expect(entry?.status).toBe('CANCELLED');
    expect(entry?.sequence).toBe(2);
    expect(entry?.description).toContain(reason);
    // A cancelled event is no longer edited.
    expect((await post(editPath, { ...fields, intent: 'save' }, officer)).status).toBe(409);
    // The edit page tells the story, newest first.
    const history = textOf(await (await get(editPath, officer)).text());
    expect(history).toMatch(
      /Hủy – Hoãn do mưa lớn[\s\S]*Sửa \(các trường: Ngày kết thúc \/ Giờ kết thúc\)[\s\S]*Công bố[\s\S]*Tạo/,
    );
  });

  it('duplicates an event into a new draft', async () => {
    const res = await post(editPath, { intent: 'duplicate' }, officer);
    expect(res.status).toBe(303);
    const copy = (res.headers.get('location') ?? '').replace(/\?.*$/, '');
    expect(copy).not.toBe(editPath);
    const html = await (await get(copy, officer)).text();
    expect(html).toContain(`value="${title} (bản sao)"`);
    expect(textOf(html)).toContain('Bản nháp');
  });

  it('deletes a draft made by mistake, once the box is ticked; a cancelled event has no such form', async () => {
    const copy =
      (await post(editPath, { intent: 'duplicate' }, officer)).headers.get('location')?.replace(/\?.*$/, '') ?? '';
    const draftPage = await (await get(copy, officer)).text();
    expect(draftPage).toContain('name="intent" value="delete"');
    expect(await (await get(editPath, officer)).text()).not.toContain('name="intent" value="delete"');

    const unconfirmed = await post(copy, { intent: 'delete' }, officer);
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toMatch(
      /<p class="field__error" id="delete-confirm-error"[^>]*>Đánh dấu ô xác nhận để xóa bản nháp\.<\/p>/,
    );
    expect((await get(copy, officer)).status).toBe(200);

    const deleted = await post(
      `/en${copy.replace('/tai-khoan/su-kien-quan-ly/', '/account/manage-events/').replace(/\/sua$/, '/edit')}`,
      { intent: 'delete', confirm: 'on' },
      officer,
    );
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe('/en/account/manage-events?done=deleted');
    expect(textOf(await (await get('/en/account/manage-events?done=deleted', officer)).text())).toContain(
      'The draft was deleted.',
    );
    expect((await get(copy, officer)).status).toBe(404);
    // The cancelled event it was copied from is untouched.
    expect((await post(editPath, { intent: 'delete', confirm: 'on' }, officer)).status).toBe(409);
    expect((await get(`/su-kien/${slug}`)).status).toBe(200);
  });
});

describe('only trade officers reach the event pages', () => {
  it('sends visitors to sign in and refuses a cooperative manager (403), creating nothing', async () => {
    const anonymous = await get('/en/account/manage-events/new');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/en/sign-in?next=');
    const manager = await signIn('quanly1@cho-htx.test');
    expect((await get('/tai-khoan/su-kien-quan-ly/moi', manager)).status).toBe(403);
    expect((await get('/tai-khoan/su-kien-quan-ly', manager)).status).toBe(403);
    const refused = await post(
      '/tai-khoan/su-kien-quan-ly/moi',
      { ...fields, titleVi: `Không được tạo ${stamp}`, intent: 'create-publish' },
      manager,
    );
    expect(refused.status).toBe(403);
    const list = await readJson(await get('/api/v1/events?from=2027-06-16&to=2027-06-16'));
    expect(list.items.map((e: { titleVi: string }) => e.titleVi)).not.toContain(`Không được tạo ${stamp}`);
  });

  it('refuses a form posted from another site', async () => {
    const res = await post('/tai-khoan/su-kien-quan-ly/moi', { ...fields, intent: 'create' }, officer, {
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
  });
});
