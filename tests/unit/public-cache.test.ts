import { describe, expect, it } from 'vitest';
import { collator, dateTimeFormat, numberFormat } from '../../src/i18n/intl-cache';
import { formatVnd } from '../../src/i18n';
import { countryOptions } from '../../src/server/inquiries/countries';
import { ContentVersionWatch } from '../../src/server/cache/content-version';
import { isKeepable, keptResponse, publicCacheKey, responseFrom } from '../../functions/public-cache/public-responses';
import { ResponseStore, type StoredResponse } from '../../functions/public-cache/response-store';

function entry(bytes: number, version = 1, storedAt = 0): StoredResponse {
  return {
    status: 200,
    headers: [['content-type', 'text/html']],
    body: new Blob([new Uint8Array(bytes)]),
    version,
    storedAt,
  };
}

const LIMITS = { maxEntries: 3, maxBytes: 1000, maxEntryBytes: 600, maxAgeMs: 60_000 };

describe('ResponseStore', () => {
  it('answers for the version an entry was rendered from, and drops it once the version moved', () => {
    const store = new ResponseStore(LIMITS);
    store.put('/a', entry(10, 7));
    expect(store.get('/a', 7, 1)?.version).toBe(7);
    expect(store.get('/a', 8, 2)).toBeUndefined();
    // Dropped, not merely skipped: the old version cannot come back.
    expect(store.get('/a', 7, 3)).toBeUndefined();
    expect(store.size).toBe(0);
    expect(store.bytes).toBe(0);
  });

  it('drops entries older than the maximum age', () => {
    const store = new ResponseStore(LIMITS);
    store.put('/a', entry(10, 1, 1000));
    expect(store.get('/a', 1, 1000 + 59_999)).toBeDefined();
    expect(store.get('/a', 1, 1000 + 60_000)).toBeUndefined();
  });

  it('evicts the least recently used first, by count and by bytes', () => {
    const store = new ResponseStore(LIMITS);
    store.put('/a', entry(100));
    store.put('/b', entry(100));
    store.put('/c', entry(100));
    store.get('/a', 1, 0); // /a is now the most recently used
    store.put('/d', entry(100));
    expect(store.get('/b', 1, 0)).toBeUndefined();
    expect(store.get('/a', 1, 0)).toBeDefined();
    expect(store.size).toBe(3);

    store.put('/e', entry(500)); // 100 + 100 + 100 + 500 > 1000 bytes, and 4 > 3 entries
    expect(store.bytes).toBeLessThanOrEqual(1000);
    expect(store.size).toBeLessThanOrEqual(3);
    expect(store.get('/e', 1, 0)).toBeDefined();
  });

  it('does not keep a body larger than an entry may be, and replaces an entry under the same key', () => {
    const store = new ResponseStore(LIMITS);
    expect(store.put('/big', entry(601))).toBe(false);
    expect(store.size).toBe(0);
    store.put('/a', entry(100));
    store.put('/a', entry(200));
    expect(store.size).toBe(1);
    expect(store.bytes).toBe(200);
  });
});

describe('ContentVersionWatch', () => {
  function fakeSource() {
    const source = { version: 1, reads: 0, pending: [] as (() => void)[], hold: false };
    const read = () => {
      source.reads += 1;
      const value = source.version;
      if (!source.hold) return Promise.resolve(value);
      return new Promise<number>((resolve) => source.pending.push(() => resolve(value)));
    };
    return { source, read };
  }

  it('reads the version at most once per interval', async () => {
    let now = 0;
    const { source, read } = fakeSource();
    const watch = new ContentVersionWatch(read, 1000, () => now);
    expect(await watch.current()).toBe(1);
    source.version = 2;
    now = 999;
    expect(await watch.current()).toBe(1);
    expect(source.reads).toBe(1);
    now = 1000;
    expect(await watch.current()).toBe(2);
    expect(source.reads).toBe(2);
  });

  it('shares only the number between requests: each that finds it old reads it itself, the latest read wins', async () => {
    const { source, read } = fakeSource();
    source.hold = true;
    let now = 0;
    const watch = new ContentVersionWatch(read, 1000, () => now);
    const first = watch.current(); // begun at 0, sees version 1
    source.version = 2;
    now = 5;
    const second = watch.current(); // begun at 5, sees version 2
    expect(source.reads).toBe(2);
    const [releaseFirst, releaseSecond] = source.pending.splice(0);
    releaseSecond?.();
    releaseFirst?.(); // the older read ends last: it must not win
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    source.hold = false;
    now = 10;
    expect(await watch.current()).toBe(2);
    expect(source.reads).toBe(2);
  });

  it('after expire(), reads again at once, and a read begun before it does not count as fresh', async () => {
    let now = 0;
    const { source, read } = fakeSource();
    const watch = new ContentVersionWatch(read, 1000, () => now);
    source.hold = true;
    const before = watch.current(); // read of version 1 in flight
    source.version = 2; // a write in this isolate…
    watch.expire(); // …expires what was read
    const after = watch.current();
    expect(source.reads).toBe(2);
    for (const release of source.pending.splice(0)) release();
    expect(await before).toBe(1);
    expect(await after).toBe(2);
    source.hold = false;
    now = 10;
    expect(await watch.current()).toBe(2);
    expect(source.reads).toBe(2);
  });

  it('reports a failed read, and tries again on the next request', async () => {
    let fail = true;
    let reads = 0;
    const watch = new ContentVersionWatch(
      async () => {
        reads += 1;
        if (fail) throw new Error('no such table: content_version');
        return 5;
      },
      1000,
      () => 0,
    );
    await expect(watch.current()).rejects.toThrow('content_version');
    fail = false;
    expect(await watch.current()).toBe(5);
    expect(reads).toBe(2);
  });
});

describe('publicCacheKey', () => {
  const key = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    publicCacheKey(new Request(`https://cho-htx.vn${path}`, { method, headers }));

  it('keys public pages and catalogue API reads by their whole URL', () => {
    for (const path of [
      '/',
      '/en/',
      '/san-pham?q=mat+ong&page=2',
      '/en/products/mat-ong',
      '/hop-tac-xa/htx-a',
      '/tinh/bac-ninh',
      '/su-kien',
      '/truy-xuat/ABC/lo/1',
      '/thong-ke',
      '/en/trace/x',
    ]) {
      expect(key(path), path).toBe(`https://cho-htx.vn${path}`);
    }
    expect(key('/san-pham?q=a')).not.toBe(key('/san-pham?q=b'));
  });

  it('keys the API by the language it will answer in', () => {
    expect(key('/api/v1/products', { 'accept-language': 'en-US,en;q=0.9' })).toBe(
      'https://cho-htx.vn/api/v1/products\u0000en',
    );
    expect(key('/api/v1/products')).toBe('https://cho-htx.vn/api/v1/products\u0000vi');
    expect(key('/api/v1/cooperatives/htx-a?lang=en')).toBe(
      'https://cho-htx.vn/api/v1/cooperatives/htx-a?lang=en\u0000en',
    );
  });

  it('never keys what differs by visitor or changes state', () => {
    expect(key('/san-pham', { cookie: '__Host-session=abc.def' })).toBeNull();
    expect(key('/san-pham', { authorization: 'Bearer x' })).toBeNull();
    expect(key('/san-pham', {}, 'POST')).toBeNull();
    expect(key('/san-pham', {}, 'HEAD')).toBeNull();
    for (const path of [
      '/tai-khoan',
      '/en/account/products',
      '/quan-tri/thong-ke',
      '/dev/outbox',
      '/hoi-hang/trang-thai',
      '/dang-nhap',
      '/api/v1/me',
      '/api/v1/health',
      '/api/v1/admin/targets',
      '/api/v1/products/x/batches',
      '/api/v1/events/x/registrations',
      '/api/v1/inquiries',
      '/sitemap.xml',
      '/favicon.svg',
    ]) {
      expect(key(path), path).toBeNull();
    }
  });

  it('still keys a page when other cookies are sent', () => {
    expect(key('/san-pham', { cookie: 'theme=dark' })).toBe('https://cho-htx.vn/san-pham');
  });
});

describe('isKeepable', () => {
  const response = (status: number, headers: Record<string, string>) => new Response('x', { status, headers });

  it('keeps 200 answers in HTML or JSON only', () => {
    expect(isKeepable(response(200, { 'content-type': 'text/html; charset=utf-8' }))).toBe(true);
    expect(isKeepable(response(200, { 'content-type': 'application/json' }))).toBe(true);
    expect(isKeepable(response(200, { 'content-type': 'text/calendar' }))).toBe(false);
    expect(isKeepable(response(404, { 'content-type': 'text/html' }))).toBe(false);
    expect(isKeepable(response(503, { 'content-type': 'text/html' }))).toBe(false);
  });

  it('never keeps an answer that sets a cookie or forbids storing', () => {
    expect(isKeepable(response(200, { 'content-type': 'text/html', 'set-cookie': 'session=; Max-Age=0' }))).toBe(false);
    expect(isKeepable(response(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }))).toBe(false);
    expect(isKeepable(response(200, { 'content-type': 'text/html', 'cache-control': 'private, max-age=0' }))).toBe(
      false,
    );
  });
});

describe('kept responses', () => {
  it('answer with the same status, headers and body every time, MISS first and HIT after', async () => {
    const original = new Response('<p>Mật ong</p>', {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    const kept = await keptResponse(original, 3, 0);
    const first = responseFrom(kept, 'MISS');
    const second = responseFrom(kept, 'HIT');
    const third = responseFrom(kept, 'HIT');
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(second.headers.get('x-cache')).toBe('HIT');
    for (const answer of [first, second, third]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await answer.text()).toBe('<p>Mật ong</p>');
    }
    expect(kept.body.size).toBe(new TextEncoder().encode('<p>Mật ong</p>').byteLength);
  });
});

describe('shared Intl formatters', () => {
  it('are built once per locale and options, and format as a new one would', () => {
    expect(numberFormat('vi-VN', { style: 'currency', currency: 'VND' })).toBe(
      numberFormat('vi-VN', { style: 'currency', currency: 'VND' }),
    );
    expect(numberFormat('vi-VN')).not.toBe(numberFormat('en-GB'));
    expect(dateTimeFormat('vi-VN', { month: 'long' })).not.toBe(dateTimeFormat('vi-VN', { month: 'short' }));
    expect(collator('vi-VN')).toBe(collator('vi-VN'));
    expect(formatVnd(125000, 'vi')).toBe(
      new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(125000),
    );
  });

  it('country options are computed once per language, Viet Nam first', () => {
    const vi = countryOptions('vi');
    expect(countryOptions('vi')).toBe(vi);
    expect(vi[0]?.code).toBe('VN');
    expect(countryOptions('en')[0]?.name).toBe('Viet Nam');
    expect(vi.length).toBe(249);
  });
});
