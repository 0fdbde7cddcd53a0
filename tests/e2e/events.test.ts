/** The events calendar, event pages and feeds, over HTTP on the built worker with the demo data. */
import ICAL from 'ical.js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readJson } from '../support/http';
import { executableScripts, hrefsOf, textOf } from '../support/html';

const baseUrl = inject('baseUrl');

async function page(path: string) {
  const res = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
  return { res, html: await res.text() };
}

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1] ?? ''),
  );
}

/** Links to event pages, in the order of the page. */
function eventLinks(html: string, prefix = '/su-kien/'): string[] {
  return hrefsOf(html, new RegExp(`href="${prefix}[a-z0-9-]+"`));
}

interface Summary {
  slug: string;
  kind: string;
  status: string;
  titleVi: string;
  titleEn: string;
  startsAt: string;
}

let upcoming: Summary[];
let cancelled: Summary;

beforeAll(async () => {
  upcoming = (await readJson(await fetch(`${baseUrl}/api/v1/events?limit=100`))).items;
  const found = upcoming.find((e) => e.status === 'cancelled');
  expect(found).toBeDefined();
  cancelled = found as Summary;
});

describe('the events calendar', () => {
  it('lists upcoming events by month at /su-kien, without client script, with its feeds', async () => {
    const { res, html } = await page('/su-kien');
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="vi"');
    expect(html).toMatch(/<h1[^>]*>Lịch sự kiện<\/h1>/);
    expect(html).toMatch(/<h2 id="month-\d{4}-\d{2}"[^>]*>Tháng \d{1,2} năm \d{4}<\/h2>/);
    // No search box here: the filters' button sits inside their disclosure, never alone under a closed one.
    const filters = /<details class="filters"[\s\S]*?<\/details>/.exec(html)?.[0] ?? '';
    expect(filters).toMatch(/<button class="button"[^>]*type="submit"[^>]*>\s*Lọc\s*<\/button>/);
    expect(eventLinks(html).slice(0, 3)).toEqual(upcoming.slice(0, 3).map((e) => `/su-kien/${e.slug}`));
    expect(textOf(html)).toContain('Đã hủy');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(html).toContain('href="/api/v1/events.ics"');
    expect(executableScripts(html)).toEqual([]);
  });

  it('speaks English at /en/events, with English links and feeds', async () => {
    const { res, html } = await page('/en/events?kind=ocop_market');
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="en"');
    const text = textOf(html);
    expect(text).toContain('Events calendar');
    expect(text).toContain('OCOP Market');
    expect(eventLinks(html, '/en/events/').length).toBeGreaterThan(0);
    expect(html).toContain('href="/api/v1/events.ics?kind=ocop_market&amp;lang=en"');
  });

  it('filters by kind, province and format, and keeps the filters in the page links', async () => {
    const { html } = await page('/su-kien?kind=fair&format=in_person&limit=2');
    expect(html).toMatch(/<option value="fair" selected>/);
    expect(html).toMatch(/<option value="in_person" selected>/);
    const results = textOf((html.match(/<ol class="event-list"[\s\S]*?<\/ol>/g) ?? []).join(' '));
    expect(results).toContain('Hội chợ');
    expect(results).not.toContain('Tập huấn');
    expect(html).toContain('href="/su-kien?kind=fair&amp;format=in_person&amp;limit=2&amp;page=2"');
    const hanoi = await page('/su-kien?province=ha-noi');
    expect(eventLinks(hanoi.html).length).toBeGreaterThan(0);
    expect(textOf(hanoi.html)).toContain('Hà Nội');
    // What is chosen shows as removable chips and in the filters' summary, as on the other lists.
    const chips = textOf(html.match(/<ul class="chips"[\s\S]*?<\/ul>/)?.[0] ?? '');
    expect(chips).toContain('Hội chợ');
    expect(chips).toContain('Trực tiếp');
    const hanoiChips = hanoi.html.match(/<ul class="chips"[\s\S]*?<\/ul>/)?.[0] ?? '';
    expect(hanoiChips).toContain('href="/su-kien"');
    expect(textOf(hanoiChips)).toContain('Hà Nội ✕');
    expect(hanoi.html).toContain('Bộ lọc (1 đang chọn)');
  });

  it('keeps an archive of past events, latest first', async () => {
    const { res, html } = await page('/su-kien?time=past');
    expect(res.status).toBe(200);
    expect(html).toMatch(/<h1[^>]*>Sự kiện đã diễn ra<\/h1>/);
    expect(eventLinks(html).length).toBeGreaterThan(0);
    expect(html).toMatch(/<a href="\/su-kien\?time=past" aria-current="page"[^>]*>/);
  });

  it('shows a month as a grid with links to the months around it, filters kept', async () => {
    const month = new Date(Date.parse(upcoming[0]?.startsAt ?? '') + 7 * 3_600_000).toISOString().slice(0, 7);
    const { res, html } = await page(`/su-kien?view=month&month=${month}&kind=${upcoming[0]?.kind}`);
    expect(res.status).toBe(200);
    expect(html).toMatch(/<table class="month-grid"/);
    expect(html).toMatch(/<caption id="month-caption"[^>]*>Lịch tháng \d{1,2} năm \d{4}<\/caption>/);
    expect((html.match(/<th scope="col"/g) ?? []).length).toBe(7);
    expect(eventLinks(html)).toContain(`/su-kien/${upcoming[0]?.slug}`);
    expect(html).toMatch(
      new RegExp(`href="/su-kien\\?kind=${upcoming[0]?.kind}&amp;view=month&amp;month=\\d{4}-\\d{2}" rel="next"`),
    );
    expect(executableScripts(html)).toEqual([]);
  });

  it('says so when nothing matches, and still lets people move between months', async () => {
    const { res, html } = await page('/su-kien?view=month&month=2001-01');
    expect(res.status).toBe(200);
    expect(textOf(html)).toContain('Không có sự kiện phù hợp');
    expect(html).toContain('href="/su-kien?view=month&amp;month=2001-02" rel="next"');
    const empty = await page('/su-kien?from=2001-01-01&to=2001-01-31');
    expect(textOf(empty.html)).toContain('Không có sự kiện phù hợp');
  });

  it('explains ignored filter values, as the other lists do, and never echoes markup', async () => {
    const hostile = encodeURIComponent('<script>alert(1)</script>');
    const { res, html } = await page(`/su-kien?kind=party&province=atlantis&from=2026-02-30&month=${hostile}`);
    expect(res.status).toBe(200);
    // Named in words, not query keys; an event's `kind` is its kind of event.
    expect(textOf(html)).toContain(
      'Đã bỏ qua giá trị lọc không hợp lệ: loại sự kiện, từ ngày, tháng và tỉnh, thành phố.',
    );
    expect(executableScripts(html)).toEqual([]);
  });
});

describe('an event page', () => {
  it('shows when, where, who, registration and ways to add it to a calendar, with Event JSON-LD', async () => {
    const event = upcoming.find((e) => e.status === 'published' && e.kind === 'fair') as Summary;
    const { res, html } = await page(`/su-kien/${event.slug}`);
    expect(res.status).toBe(200);
    const text = textOf(html);
    expect(text).toContain(event.titleVi);
    for (const words of [
      'Thời gian',
      'Địa điểm',
      'Đơn vị tổ chức',
      'Đăng ký gian hàng',
      'Thêm vào lịch',
      'Hợp tác xã tham gia',
    ]) {
      expect(text).toContain(words);
    }
    expect(html).toMatch(/<nav class="breadcrumbs"[^>]*>[\s\S]*href="\/su-kien"/);
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${baseUrl}/en/events/${event.slug}"`);
    expect(html).toContain(`<meta property="og:url" content="${baseUrl}/su-kien/${event.slug}"`);
    expect(html).toContain(`href="/api/v1/events/${event.slug}.ics"`);
    expect(hrefsOf(html, /calendar\.google\.com/)).toHaveLength(1);
    expect(hrefsOf(html, /outlook\.live\.com/)).toHaveLength(1);
    const ld = jsonLd(html).find((block) => block['@type'] === 'Event');
    expect(ld).toMatchObject({
      name: event.titleVi,
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place' },
    });
    expect(jsonLd(html).some((block) => block['@type'] === 'BreadcrumbList')).toBe(true);
    expect(executableScripts(html)).toEqual([]);
  });

  it('lists the cooperatives confirmed to take part, with the products they show', async () => {
    let found:
      | { slug: string; participants: { cooperative: { slug: string; name: string }; products: { slug: string }[] }[] }
      | undefined;
    for (const event of upcoming) {
      const detail = await readJson(await fetch(`${baseUrl}/api/v1/events/${event.slug}`));
      if (detail.participants.some((p: { products: unknown[] }) => p.products.length > 0)) {
        found = detail;
        break;
      }
    }
    expect(found, 'the demo has an upcoming event with confirmed cooperatives').toBeDefined();
    const { html } = await page(`/su-kien/${found?.slug}`);
    const participant = found?.participants.find((p) => p.products.length > 0);
    expect(html).toContain(`href="/hop-tac-xa/${participant?.cooperative.slug}"`);
    // The product link carries the fair as the inquiry's source (src/server/inquiries/source.ts).
    expect(html).toContain(`href="/san-pham/${participant?.products[0]?.slug}?nguon=hoi-cho.${found?.slug}"`);
    expect(textOf(html)).toContain('Sản phẩm trưng bày');
  });

  it('keeps a cancelled event, clearly marked with its reason', async () => {
    const { res, html } = await page(`/en/events/${cancelled.slug}`);
    expect(res.status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('This event has been cancelled');
    expect(text).toMatch(/Reason: \S+/);
    // Its registration window may still be open: the page says why it takes no one, not that time ran out.
    const detail = (await (await fetch(`${baseUrl}/api/v1/events/${cancelled.slug}`)).json()) as {
      registration: string;
    };
    expect(['none', 'cancelled']).toContain(detail.registration);
    expect(text).not.toContain('Registration has closed');
    if (detail.registration === 'cancelled')
      expect(text).toContain('The event is cancelled, so it takes no registrations');
    expect(html).toMatch(/<title>\[Cancelled\] /);
    expect(jsonLd(html).find((block) => block['@type'] === 'Event')).toMatchObject({
      eventStatus: 'https://schema.org/EventCancelled',
    });
  });

  it('is a 404 for a slug that names no public event', async () => {
    expect((await page('/su-kien/khong-co-su-kien-nay')).res.status).toBe(404);
    expect((await page('/en/events/no-such-event')).res.status).toBe(404);
  });
});

describe('event feeds', () => {
  it('serves an iCalendar feed that an independent parser reads, with the host in every UID', async () => {
    const res = await fetch(`${baseUrl}/api/v1/events.ics?format=in_person`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await res.text();
    const vevents = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent');
    expect(vevents.length).toBeGreaterThan(5);
    const host = new URL(baseUrl).hostname;
    for (const v of vevents)
      expect(String(v.getFirstPropertyValue('uid'))).toMatch(
        new RegExp(`^[A-Za-z0-9_-]+@${host.replace(/\./g, '\\.')}$`),
      );
    expect(vevents.some((v) => v.getFirstPropertyValue('status') === 'CANCELLED')).toBe(true);
  });

  it('refuses unknown filter values with a 400 that says why, not an empty calendar', async () => {
    const res = await fetch(`${baseUrl}/api/v1/events.ics?kind=concert&lang=en`);
    expect(res.status).toBe(400);
    const body = await readJson(res);
    expect(body.error.fields.kind).toBe('This value is not accepted.');
  });

  it('serves one event as a calendar file and the announcements as Atom', async () => {
    const slug = upcoming[0]?.slug;
    const one = await fetch(`${baseUrl}/api/v1/events/${slug}.ics`);
    expect(one.status).toBe(200);
    expect(one.headers.get('content-disposition')).toBe(`attachment; filename="${slug}.ics"`);
    expect(new ICAL.Component(ICAL.parse(await one.text())).getAllSubcomponents('vevent')).toHaveLength(1);
    const atom = await fetch(`${baseUrl}/api/v1/events.atom`);
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await atom.text();
    expect(xml).toContain(`<link rel="self" href="${baseUrl}/api/v1/events.atom"/>`);
    expect((xml.match(/<entry>/g) ?? []).length).toBeGreaterThan(10);
  });

  it('lists event pages in the sitemap', async () => {
    const index = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
    expect(index).toContain(`${baseUrl}/sitemaps/events-1.xml`);
    const xml = await (await fetch(`${baseUrl}/sitemaps/events-1.xml`)).text();
    expect(xml).toContain(`<loc>${baseUrl}/su-kien/${cancelled.slug}</loc>`);
    expect(xml).toContain(`<loc>${baseUrl}/en/events/${cancelled.slug}</loc>`);
  });
});
