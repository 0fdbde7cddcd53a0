import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { executableScripts, textOf } from '../support/html';

const baseUrl = inject('baseUrl');

async function page(path: string) {
  const res = await fetch(`${baseUrl}${path}`);
  return { status: res.status, html: await res.text() };
}

/** Links of the product cards on a list page, in order. */
function productLinks(html: string): string[] {
  return [...html.matchAll(/<h2 class="card__title"[^>]*><a href="([^"]+)"/g)].map((m) => m[1] as string);
}

function resultCount(html: string): string {
  return textOf(/<p class="result-count"[\s\S]*?<\/p>/.exec(html)?.[0] ?? '').trim();
}

describe('product list', () => {
  it('browses /san-pham: 24 cards, a count, filters and pages, no client script', async () => {
    const { status, html } = await page('/san-pham');
    expect(status).toBe(200);
    expect(html).toContain('<html lang="vi"');
    expect(productLinks(html)).toHaveLength(24);
    expect(resultCount(html)).toMatch(/^\d+ sản phẩm$/);
    expect(html).toMatch(/<form class="list-form" method="get" action="\/san-pham" role="search"/);
    expect(html).toContain('<nav class="pagination" aria-label="Phân trang">');
    expect(html).toContain('href="/san-pham?page=2"');
    expect(executableScripts(html)).toEqual([]);
  });

  it('shows each filter option with its count, and active filters as chips that drop one value', async () => {
    const { html } = await page('/san-pham?group=do_uong&group=thuc_pham&ocop=true');
    // Counts beside the options, the chosen ones checked; the summary says how many are on.
    expect(html).toMatch(
      /<input type="checkbox" name="group" value="do_uong" checked[^>]*>\s*Đồ uống\s+<span class="count">\(\d+\)<\/span>/,
    );
    expect(html).toContain('Bộ lọc (3 đang chọn)');
    // Closed even so (a phone's results stay on its first screen); the chips name what is on.
    expect(html).toMatch(/<details class="filters"(?![^>]*\bopen\b)[^>]*>/);
    const chips = [...html.matchAll(/<ul class="chips"[\s\S]*?<\/ul>/g)][0]?.[0] ?? '';
    expect(chips).toContain('href="/san-pham?group=thuc_pham&amp;ocop=true"');
    expect(chips).toContain('href="/san-pham?group=do_uong&amp;group=thuc_pham"');
    expect(executableScripts(html)).toEqual([]);
  });

  it('chips a price as an amount in dong', async () => {
    const chips = (html: string) => textOf([...html.matchAll(/<ul class="chips"[\s\S]*?<\/ul>/g)][0]?.[0] ?? '');
    expect(chips((await page('/san-pham?minPrice=200000')).html)).toMatch(/Giá từ 200\.000\s₫/);
    expect(chips((await page('/en/products?maxPrice=50000')).html)).toMatch(/Price up to ₫50,000/);
  });

  it('chips the filters read from the words, each leading to the words without it', async () => {
    const { html } = await page(`/san-pham?q=${encodeURIComponent('chè vietgap 4 sao sơn la')}`);
    expect(html).toContain('Bộ lọc (3 đang chọn)');
    const chips = textOf([...html.matchAll(/<ul class="chips"[\s\S]*?<\/ul>/g)][0]?.[0] ?? '');
    expect(chips).toMatch(/Sơn La \(theo “sơn la”\)/);
    expect(chips).toMatch(/VietGAP \(theo “vietgap”\)/);
    expect(chips).toMatch(/Từ 4 sao \(theo “4 sao”\)/);
    const hrefs = [...html.matchAll(/<ul class="chips"[\s\S]*?<\/ul>/g)][0]?.[0].match(/href="[^"]+"/g);
    expect(hrefs).toEqual([
      `href="/san-pham?q=${encodeURIComponent('chè vietgap 4 sao').replaceAll('%20', '+')}"`,
      `href="/san-pham?q=${encodeURIComponent('chè 4 sao sơn la').replaceAll('%20', '+')}"`,
      `href="/san-pham?q=${encodeURIComponent('chè vietgap sơn la').replaceAll('%20', '+')}"`,
    ]);
    // A province chosen wins over the one in the words, and the page says the words are set aside.
    const chosen = await page('/san-pham?q=ha+giang&province=ha-noi');
    expect(textOf(chosen.html)).toContain(
      '“ha giang” trong từ khóa không được dùng: tỉnh, thành phố bạn chọn trong bộ lọc được áp dụng thay.',
    );
    expect(textOf(chosen.html)).not.toContain('nay thuộc');
    // The directory reads a province in the words too.
    const directory = await page('/hop-tac-xa?q=ha+giang');
    expect(textOf(directory.html)).toContain('Tuyên Quang (theo “ha giang”)');
    // Where the old name now is, said once, on the directory as on the product list.
    expect(textOf(directory.html).split('Hà Giang nay thuộc Tuyên Quang')).toHaveLength(2);
    expect(textOf((await page('/san-pham?q=ha+giang')).html).split('Hà Giang nay thuộc Tuyên Quang')).toHaveLength(2);
    expect(textOf((await page('/en/map?q=ha+giang')).html)).toContain('Ha Giang is now part of Tuyen Quang');
    // A rating in the directory's words is its products': chipped, not matched.
    const rated = textOf((await page(`/hop-tac-xa?q=${encodeURIComponent('chè 4 sao trở lên')}`)).html);
    expect(rated).toContain('Có sản phẩm từ 4 sao (theo “4 sao trở lên”)');
    // Said under "has OCOP products" too, without offering a choice the directory does not have.
    expect(rated).toContain('Đang lọc theo “4 sao trở lên” trong ô tìm kiếm.');
    expect(rated).not.toContain('“4 sao trở lên” trong ô tìm kiếm; chọn ở đây để thay.');
    expect(rated).not.toContain('0 hợp tác xã');
    expect(textOf((await page('/en/cooperatives?q=tea+5+stars')).html)).toContain('A 5-star product (from “5 stars”)');
    expect(directory.html).toMatch(/<ul class="chips"[\s\S]*?href="\/hop-tac-xa"[\s\S]*?<\/ul>/);
    const english = await page(`/en/products?q=${encodeURIComponent('honey 5 stars')}`);
    expect(textOf(english.html)).toMatch(/5 stars \(from “5 stars”\)/);
    // A rating typed as a sign is read from words nobody typed ("5 sao"): not quoted, in either language.
    const sign = textOf((await page(`/en/products?q=${encodeURIComponent('honey ★5')}`)).html);
    expect(sign).toContain('5 stars (from your search)');
    expect(sign).toContain('Filtering from your search; a choice here replaces it.');
    expect(sign).not.toContain('5 sao');
    const star = textOf((await page(`/hop-tac-xa?q=${encodeURIComponent('Mật ong 5*')}`)).html);
    expect(star).toContain('Có sản phẩm 5 sao (theo ô tìm kiếm)');
    expect(star).toContain('Đang lọc theo ô tìm kiếm.');
  });

  it('says under each control what the words chose for it, the control left as chosen', async () => {
    const { html } = await page(`/san-pham?q=${encodeURIComponent('chè vietgap 4 sao sơn la')}`);
    // The select still offers "all" (a value chosen there would win over the words), described by the hint.
    expect(html).toMatch(/<select id="filter-stars" name="stars" aria-describedby="filter-stars-hint">/);
    expect(html).toMatch(/<option value="" selected>/);
    const hint = (name: string) =>
      textOf(html.match(new RegExp(`<p[^>]*id="filter-${name}-hint"[^>]*>([^<]*)<`))?.[1] ?? '');
    expect(hint('stars')).toBe('Đang lọc theo “4 sao” trong ô tìm kiếm; chọn ở đây để thay.');
    expect(hint('certification')).toBe('Đang lọc theo “vietgap” trong ô tìm kiếm; chọn ở đây để thay.');
    expect(html).toMatch(/<fieldset class="checks" aria-describedby="filter-province-hint">/);
    expect(hint('province')).toContain('“sơn la”');
    // Two certifications read, one hint quoting both.
    const two = (await page(`/san-pham?q=${encodeURIComponent('mật ong hữu cơ vietgap')}`)).html;
    expect(textOf(two.match(/<p[^>]*id="filter-certification-hint"[^>]*>([^<]*)</)?.[1] ?? '')).toBe(
      'Đang lọc theo “hữu cơ”, “vietgap” trong ô tìm kiếm; chọn ở đây để thay.',
    );
    // Nothing read, nothing said; the map and the directory say it too, in English as well.
    expect((await page('/san-pham?q=ch%C3%A8&stars=4')).html).not.toContain('-hint"');
    const map = await page('/en/map?q=ha+giang');
    expect(map.html).toMatch(/id="filter-province-hint">Filtering by “ha giang” from your search/);
    expect(textOf(map.html)).toContain('Tuyen Quang (from “ha giang”)');
    expect((await page('/hop-tac-xa?q=vietgap')).html).toContain('id="filter-certification-hint"');
  });

  it('fits HTML and CSS in the first 14 KB round trip, compressed, filters and counts included', async () => {
    const { html } = await page('/san-pham?group=thuc_pham');
    const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"(?! media="print")/g)].map(
      (m) => m[1] ?? '',
    );
    const css = await Promise.all(styles.map(async (href) => (await fetch(`${baseUrl}${href}`)).text()));
    const bytes = gzipSync(html).length + css.reduce((sum, sheet) => sum + gzipSync(sheet).length, 0);
    expect(bytes).toBeLessThan(14 * 1024);
  });

  it('searches without diacritics and lands on "Mật ong" products first', async () => {
    const { html } = await page('/san-pham?q=mat+ong');
    const links = productLinks(html);
    expect(links.length).toBeGreaterThan(0);
    expect(links[0]).toMatch(/^\/san-pham\/mat-ong/);
    expect(html).toContain('value="mat ong"');
  });

  it('filters and keeps the filters in the page links', async () => {
    const { html } = await page('/san-pham?province=bac-ninh&group=thuc_pham&sort=price_asc&limit=5');
    const text = textOf(html);
    expect(productLinks(html).length).toBeGreaterThan(0);
    expect(html).toMatch(/<input type="checkbox" name="province" value="bac-ninh" checked>/);
    expect(html).toMatch(/<input type="checkbox" name="group" value="thuc_pham" checked>/);
    expect(text).toContain('Bắc Ninh');
    if (html.includes('rel="next"')) {
      expect(html).toMatch(
        /href="\/san-pham\?province=bac-ninh&amp;group=thuc_pham&amp;sort=price_asc&amp;limit=5&amp;page=2"/,
      );
    }
  });

  it('opens a product from the list in both languages', async () => {
    const [first] = productLinks((await page('/san-pham?q=mat+ong')).html);
    expect(first).toBeDefined();
    const vi = await page(first as string);
    expect(vi.status).toBe(200);
    const [firstEn] = productLinks((await page('/en/products?q=mat+ong')).html);
    expect(firstEn).toBe(`/en/products/${(first as string).split('/').pop()}`);
    const en = await page(firstEn as string);
    expect(en.status).toBe(200);
    expect(en.html).toContain('<html lang="en"');
  });

  it('serves English at /en/products with English labels and the same results', async () => {
    const vi = await page('/san-pham?group=do_uong');
    const en = await page('/en/products?group=do_uong');
    expect(en.status).toBe(200);
    expect(textOf(en.html)).toContain('OCOP products');
    expect(resultCount(en.html)).toBe(resultCount(vi.html).replace('sản phẩm', 'products'));
  });

  it('explains instead of failing on nonsense filters, and never echoes markup', async () => {
    const hostile = encodeURIComponent('<script>alert(1)</script>');
    const { status, html } = await page(`/san-pham?stars=9&page=-1&province=atlantis&certification=halal&q=${hostile}`);
    expect(status).toBe(200);
    expect(textOf(html)).toContain(
      'Đã bỏ qua giá trị lọc không hợp lệ: hạng sao OCOP, chứng nhận, số trang và tỉnh, thành phố.',
    );
    expect(executableScripts(html)).toEqual([]);
    const long = await page(`/san-pham?q=${'a'.repeat(5000)}`);
    expect(long.status).toBe(200);
    expect(textOf(long.html)).toContain('Từ khóa dài hơn 200 ký tự nên chưa được dùng: hãy rút gọn rồi tìm lại.');
    expect(textOf(long.html)).not.toContain('không hợp lệ');
    const longEn = await page(`/en/cooperatives?q=${'a'.repeat(201)}&kind=company`);
    expect(textOf(longEn.html)).toContain('The search is longer than 200 characters');
    expect(textOf(longEn.html)).toContain('Ignored filter values that are not valid: type.');
  });

  it('shows an empty state with suggestions when nothing matches', async () => {
    const { status, html } = await page('/san-pham?q=khongcosanphamnaynhu');
    expect(status).toBe(200);
    expect(productLinks(html)).toEqual([]);
    const text = textOf(html);
    expect(text).toContain('Không tìm thấy sản phẩm phù hợp');
    expect(text).toContain('Gõ có dấu hay không dấu đều được');
    expect(html).toContain('href="/san-pham?group=do_uong"');
  });
});

describe('near-empty results', () => {
  it('offer the query in the index’s own words, as a link with its count, on both lists', async () => {
    // textOf turns every tag into a space, so the linked words read "mat ong ?" there.
    for (const [path, said, href] of [
      ['/san-pham?q=mta+ong', /Có phải bạn muốn tìm: mat ong \? \(\d+ sản phẩm\)/, '/san-pham?q=mat+ong'],
      [
        '/en/cooperatives?q=tan+cuongg',
        /Did you mean: tan cuong \? \(\d+ cooperatives?\)/,
        '/en/cooperatives?q=tan+cuong',
      ],
    ] as const) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      expect(textOf(html), path).toMatch(said);
      // Scoped styles add a data-astro-cid-* attribute after the href.
      expect(html, path).toMatch(
        new RegExp(`<a href="${href.replaceAll('?', '\\?').replaceAll('+', '\\+')}"[^>]*>[^<]+</a>\\?`),
      );
    }
  });

  it('offer the same search without the filter named last', async () => {
    const { html } = await page('/san-pham?q=mat+ong&minPrice=999999999');
    expect(productLinks(html)).toEqual([]);
    expect(textOf(html)).toMatch(/Bỏ bộ lọc “Giá từ”: \d+ sản phẩm/);
    expect(html).toMatch(/<li[^>]*>Bỏ bộ lọc “Giá từ”: <a href="\/san-pham\?q=mat\+ong"[^>]*>\d+ sản phẩm<\/a>/);
    expect(textOf(html)).toContain('Bỏ bớt bộ lọc hoặc');
  });

  it('say that words with no letter or digit search for nothing, and title the list without them', async () => {
    const { html } = await page(`/san-pham?q=${encodeURIComponent('!!!?')}`);
    expect(textOf(html)).toContain('Từ khóa “!!!?” không có chữ hay số nào để tìm');
    expect(html).not.toContain('Kết quả tìm');
    expect(productLinks(html)).toHaveLength(24);
    const en = await page(`/en/cooperatives?q=${encodeURIComponent('...')}`);
    expect(textOf(en.html)).toContain('The search “...” has no letter or digit to look for');
  });

  it('tip removing filters only when a filter is on, not for words alone', async () => {
    const { html } = await page('/san-pham?q=xyzqqw');
    expect(productLinks(html)).toEqual([]);
    expect(textOf(html)).not.toContain('Bỏ bớt bộ lọc');
    // Nor a "clear filters" link: the words are cleared in their box.
    expect(textOf(html)).not.toContain('Xóa bộ lọc');
    expect(textOf((await page('/san-pham?q=xyzqqw&group=do_uong')).html)).toContain('Xóa bộ lọc');
  });
});

describe('nearby provinces for a list narrowed to a province that finds little', () => {
  it('are offered, with their counts, on the product list and the cooperative directory, empty or few', async () => {
    for (const [path, said, href] of [
      // Empty: no honey in Cao Bằng; its neighbours have some.
      [
        '/san-pham?province=cao-bang&q=mat+ong',
        /Tỉnh lân cận: Tuyên Quang \(\d+\)/,
        '/san-pham?q=mat+ong&amp;province=tuyen-quang',
      ],
      [
        '/hop-tac-xa?province=cao-bang&q=mat+ong',
        /Tỉnh lân cận: Tuyên Quang \(\d+\)/,
        '/hop-tac-xa?q=mat+ong&amp;province=tuyen-quang',
      ],
      // Few: Cao Bằng's one cooperative.
      [
        '/en/cooperatives?province=cao-bang',
        /Nearby provinces: Lang Son \(\d+\)/,
        '/en/cooperatives?province=lang-son',
      ],
    ] as const) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      expect(textOf(html), path).toMatch(said);
      expect(html, path).toContain(`<a href="${href}"`);
    }
    // A list that finds enough offers none.
    expect(textOf((await page('/hop-tac-xa?province=ha-noi')).html)).not.toContain('Tỉnh lân cận');
  });
});

describe('cooperative directory', () => {
  it('lists cooperatives with filters in both languages', async () => {
    for (const [path, lang, heading] of [
      ['/hop-tac-xa', 'vi', 'Hợp tác xã'],
      ['/en/cooperatives', 'en', 'Cooperatives'],
    ] as const) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      expect(html, path).toContain(`<html lang="${lang}"`);
      expect(html, path).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`));
      expect(productLinks(html).length, path).toBeGreaterThan(0);
    }
  });

  it('searches cooperatives without diacritics and filters by province', async () => {
    const { html } = await page('/hop-tac-xa?q=dak+lak');
    expect(productLinks(html).length).toBeGreaterThan(0);
    const byProvince = await page('/hop-tac-xa?province=dak-lak');
    const text = textOf(byProvince.html);
    expect(productLinks(byProvince.html).length).toBeGreaterThan(0);
    expect(text).toContain('Đắk Lắk');
    expect(byProvince.html).toMatch(/<input type="checkbox" name="province" value="dak-lak" checked/);
  });

  it('shows each filter option with its count, several values at once, and chips that drop one', async () => {
    for (const [path, summary, kindLabel] of [
      ['/hop-tac-xa?kind=hop_tac_xa&kind=to_hop_tac&hasOcop=true', 'Bộ lọc (3 đang chọn)', 'Hợp tác xã'],
      ['/en/cooperatives?kind=hop_tac_xa&kind=to_hop_tac&hasOcop=true', 'Filters (3 on)', 'Cooperative'],
    ] as const) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      expect(html, path).toMatch(
        new RegExp(
          `<input type="checkbox" name="kind" value="hop_tac_xa" checked[^>]*>\\s*${kindLabel}\\s*<span class="count">\\(\\d+\\)</span>`,
        ),
      );
      expect(html, path).toMatch(/<input type="checkbox" name="sector" value="\w+"[^>]*>[^<]*<span class="count">/);
      expect(textOf(html), path).toContain(summary);
      const chips = [...html.matchAll(/<ul class="chips"[\s\S]*?<\/ul>/g)][0]?.[0] ?? '';
      const base = path.split('?')[0];
      expect(chips, path).toContain(`href="${base}?kind=to_hop_tac&amp;hasOcop=true"`);
      expect(chips, path).toContain(`href="${base}?kind=hop_tac_xa&amp;kind=to_hop_tac"`);
      expect(executableScripts(html)).toEqual([]);
    }
  });
});

describe('cooperatives as GeoJSON', () => {
  it('serves the filtered map layer from the worker, in its media type', async () => {
    const all = await fetch(`${baseUrl}/api/v1/cooperatives.geojson`);
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const everyone = (await all.json()) as { type: string; features: { properties: Record<string, unknown> }[] };
    expect(everyone.type).toBe('FeatureCollection');
    const filtered = (await (
      await fetch(`${baseUrl}/api/v1/cooperatives.geojson?province=ha-noi&kind=hop_tac_xa`)
    ).json()) as typeof everyone;
    expect(filtered.features.length).toBeGreaterThan(0);
    expect(filtered.features.length).toBeLessThan(everyone.features.length);
    for (const { properties } of filtered.features)
      expect(properties).toMatchObject({ province: 'Hà Nội', kind: 'hop_tac_xa' });
    expect((await fetch(`${baseUrl}/api/v1/cooperatives.geojson?province=atlantis`)).status).toBe(400);
  });
});

describe('map of cooperatives', () => {
  it('works without script: a list of the cooperatives with links and places, and the one map script', async () => {
    const { status, html } = await page('/ban-do');
    expect(status).toBe(200);
    const items = [
      ...html.matchAll(
        /<li data-lat="([\d.]+)" data-lng="([\d.]+)" data-approximate="(true|false)"[^>]*>\s*<a href="([^"]+)"/g,
      ),
    ];
    expect(items.length).toBeGreaterThan(50);
    for (const [, , , , href] of items) expect(href).toMatch(/^\/hop-tac-xa\/[a-z0-9-]+$/);
    const approximate = items.filter((item) => item[3] === 'true');
    expect(approximate.length).toBeGreaterThan(0);
    // Every demo cooperative's commune is known and has a centre: an approximate place is the commune's.
    expect(html.match(/Vị trí gần đúng: giữa xã, phường của hợp tác xã/g)).toHaveLength(approximate.length);
    expect(html).not.toContain('Vị trí gần đúng: trung tâm tỉnh');
    expect(executableScripts(html)).toHaveLength(1);
    expect(html).toMatch(
      /<script type="module" src="\/_astro\/MapPage\.astro_astro_type_script_index_0_lang\.[\w-]+\.js">/,
    );
    // No tiles configured here: the page says so (shown once the script draws the map).
    expect(html).toContain('Chưa cấu hình nền bản đồ');
  });

  it('filters like the directory, in both languages, and links to the list and back with the filters', async () => {
    const { html } = await page('/en/map?province=ha-noi&kind=hop_tac_xa');
    expect(html).toContain('<html lang="en"');
    const links = [...html.matchAll(/<li data-lat[^>]*>\s*<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^\/en\/cooperatives\//);
    expect(html).toContain('href="/en/cooperatives?province=ha-noi&amp;kind=hop_tac_xa"');
    const directory = (await page('/hop-tac-xa?province=ha-noi&sort=newest')).html;
    expect(directory).toContain('href="/ban-do?province=ha-noi"');
    const all = (await page('/en/map')).html;
    expect([...all.matchAll(/<li data-lat/g)].length).toBeGreaterThan(links.length);
  });
});
