/**
 * Photo uploads over HTTP on the built worker (workerd, the local R2 bucket
 * and Miniflare's Images binding): a product's photos from the form (order,
 * text alternatives, removal), the cooperative's logo, the /media/… answers
 * and their headers, and every refusal — too large, not an image whatever its
 * name and type say, another cooperative's product, no session, another
 * origin — with nothing written to the bucket.
 */
import { describe, expect, inject, it } from 'vitest';
import { file, gif, jpegWithGps, mediaObjectCount, png, webp, webpChunks } from '../support/images';
import { readJson } from '../support/http';
import { site } from '../support/site';
import { validProductForm } from '../support/valid-input';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const { get, post, postMultipart, signIn, freshMember } = site(baseUrl);

const productFields = (nameVi: string) =>
  validProductForm({
    nameVi,
    nameEn: 'Photo test product',
    descriptionVi: 'Sản phẩm thử ảnh.',
    priceVnd: '90000',
    unitVi: 'hộp',
    unitEn: 'box',
    minOrder: '1',
  });

function form(fields: Record<string, string>, files: File[] = [], field = 'newImages'): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const upload of files) data.append(field, upload);
  return data;
}

const uniqueName = (label: string) => `Ảnh thử ${label} ${Date.now() % 1_000_000}`;
const mediaPaths = (html: string) => [
  ...new Set([...html.matchAll(/\/media\/([a-z2-7]{32})\/(160|640|1600)\.webp/g)].map((m) => m[1] as string)),
];

/** A tiny valid JPEG with an HTML/script tail: the "polyglot" a browser might sniff as HTML. */
async function jpegWithHtmlTail(): Promise<Uint8Array> {
  const jpeg = await jpegWithGps(64, 48);
  return new Uint8Array([...jpeg, ...new TextEncoder().encode('<html><script>alert(document.cookie)</script></html>')]);
}

describe('photo uploads', async () => {
  const manager = await signIn('quanly1@cho-htx.test');
  const otherManager = await signIn('quanly2@cho-htx.test');
  const officer = await signIn('canbo@cho-htx.test');

  it('creates a draft with a photo; the variants are WebP without the camera data, served with strict headers', async () => {
    const before = mediaObjectCount(dataDir);
    const res = await postMultipart(
      '/tai-khoan/san-pham/moi',
      form(productFields(uniqueName('GPS')), [file(await jpegWithGps(1203, 902), 'IMG_0001.JPG')]),
      manager,
    );
    expect(res.status).toBe(303);
    const path = (res.headers.get('location') ?? '').replace(/\?.*$/, '');
    // Three variants (160, 640, 1600) of one photo.
    expect(mediaObjectCount(dataDir)).toBe(before + 3);
    const html = await (await get(path, manager)).text();
    const [id] = mediaPaths(html);
    expect(id).toBeTruthy();
    expect(html).toContain('enctype="multipart/form-data"');

    const large = await get(`/media/${id}/1600.webp`);
    expect(large.status).toBe(200);
    expect(large.headers.get('content-type')).toBe('image/webp');
    expect(large.headers.get('x-content-type-options')).toBe('nosniff');
    expect(large.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(large.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(large.headers.get('set-cookie')).toBeNull();
    const bytes = new Uint8Array(await large.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('RIFF');
    expect(new TextDecoder().decode(bytes.subarray(8, 12))).toBe('WEBP');
    const chunks = webpChunks(bytes);
    expect(chunks).not.toContain('EXIF');
    expect(chunks).not.toContain('XMP ');
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).not.toContain('TestCam');
    expect(text).not.toContain('GPS');

    // Never enlarged, and each smaller variant is smaller.
    const small = new Uint8Array(await (await get(`/media/${id}/160.webp`)).arrayBuffer());
    expect(small.length).toBeLessThan(bytes.length);

    const etag = large.headers.get('etag') ?? '';
    const again = await fetch(`${baseUrl}/media/${id}/1600.webp`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it("keeps a published product's photos out of its change for review: the form says how to change them and a posted photo is not stored", async () => {
    const list = await (await get('/tai-khoan/san-pham', manager)).text();
    const published = [...list.matchAll(/href="(\/tai-khoan\/san-pham\/[a-z0-9-]+)"/g)].map((m) => m[1] as string);
    let path: string | undefined;
    for (const candidate of published) {
      const html = await (await get(candidate, manager)).text();
      if (html.includes('Ảnh của sản phẩm đang công khai')) {
        path = candidate;
        expect(html).toMatch(/<fieldset[^>]*disabled[^>]*>\s*<legend[^>]*>Ảnh sản phẩm<\/legend>/);
        break;
      }
    }
    expect(path).toBeDefined();
    const before = mediaObjectCount(dataDir);
    // Even a crafted post with a file stores nothing: the save of a published product does not read photos.
    const res = await postMultipart(
      path as string,
      form({ intent: 'save' }, [file(await png(321, 123), 'x.png', 'image/png')], 'newImages'),
      manager,
    );
    expect(res.status).toBe(422);
    expect(mediaObjectCount(dataDir)).toBe(before);
  });

  it('creates a product with a long Vietnamese name and a photo (D1 refuses LIKE patterns over 50 bytes)', async () => {
    const before = mediaObjectCount(dataDir);
    const name = `Nước mắm truyền thống Cát Hải loại đặc biệt thượng hạng bốn mươi độ đạm ${Date.now() % 1_000_000}`;
    const res = await postMultipart(
      '/tai-khoan/san-pham/moi',
      form(productFields(name), [file(await png(333, 222), 'nuoc-mam.png', 'image/png')]),
      manager,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(
      /^\/tai-khoan\/san-pham\/nuoc-mam-truyen-thong-cat-hai-loai-dac-biet(-\d+)?\?done=created$/,
    );
    expect(mediaObjectCount(dataDir)).toBe(before + 3);
  });

  it('gives the same photo uploaded twice two ids, so no one can compute an id from the file', async () => {
    const photo = await png(233, 144);
    const ids: string[] = [];
    for (const label of ['một', 'hai']) {
      const res = await postMultipart(
        '/tai-khoan/san-pham/moi',
        form(productFields(uniqueName(label)), [file(photo, 'same.png', 'image/png')]),
        manager,
      );
      expect(res.status).toBe(303);
      ids.push(
        ...mediaPaths(await (await get((res.headers.get('location') ?? '').replace(/\?.*$/, ''), manager)).text()),
      );
    }
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('answers 404 for anything but an exact variant path', async () => {
    const upload = await postMultipart(
      '/tai-khoan/san-pham/moi',
      form(productFields(uniqueName('đường dẫn')), [file(await png(111, 77), 'p.png', 'image/png')]),
      manager,
    );
    const [id] = mediaPaths(
      await (await get((upload.headers.get('location') ?? '').replace(/\?.*$/, ''), manager)).text(),
    );
    expect((await get(`/media/${id}/160.webp`)).status).toBe(200);
    for (const path of [
      `/media/${id}/0160.webp`,
      `/media/${id}/160.0.webp`,
      `/media/${id}/+160.webp`,
      '/media/x',
      '/media/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/999.webp',
      '/media/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/160.webp',
      '/media/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/160.webp',
      '/media/..%2Fwrangler.toml/160.webp',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });

  it('refuses a photo over 8 MB next to the field, keeping the other values, and writes nothing', async () => {
    const before = mediaObjectCount(dataDir);
    const big = new Uint8Array(8 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const name = uniqueName('lớn');
    const res = await postMultipart(
      '/en/account/products/new',
      form(productFields(name), [file(big, 'huge.jpg')]),
      manager,
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="field-newImages-error"[^>]*>huge\.jpg: larger than 8 MB/);
    expect(html).toContain(`value="${name}"`);
    expect(mediaObjectCount(dataDir)).toBe(before);
  });

  it('refuses a post over the request limit (413) without keeping it, saying so in Vietnamese', async () => {
    const before = mediaObjectCount(dataDir);
    const parts = Array.from({ length: 4 }, (_, i) => file(new Uint8Array(7 * 1024 * 1024), `part-${i}.jpg`));
    const res = await postMultipart('/tai-khoan/san-pham/moi', form(productFields(uniqueName('413')), parts), manager);
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(html).toContain('Ảnh gửi lên quá lớn nên chưa lưu gì cả.');
    expect(html).toMatch(/id="field-newImages-error"[^>]*>Tổng dung lượng vượt 25 MB/);
    expect(mediaObjectCount(dataDir)).toBe(before);
  });

  it('refuses files that are not JPEG, PNG or WebP by their content, whatever their name and type say', async () => {
    const disguised: [string, Uint8Array | string][] = [
      ['page.jpg', '<!doctype html><html><body><script>alert(1)</script></body></html>'],
      ['vector.jpg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'],
      ['script.jpg', 'alert(document.cookie)'],
      ['moving.png', await gif()],
      ['empty.jpg', ''],
      // JPEG magic bytes followed by HTML: passes the first look, not the decoder.
      [
        'header-only.jpg',
        new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('<html><script>alert(1)</script>')]),
      ],
    ];
    const before = mediaObjectCount(dataDir);
    for (const [name, content] of disguised) {
      const res = await postMultipart(
        '/tai-khoan/san-pham/moi',
        form(productFields(uniqueName('giả')), [file(content, name, 'image/jpeg')]),
        manager,
      );
      expect(res.status, name).toBe(422);
      const html = await res.text();
      expect(html, name).toMatch(new RegExp(`id="field-newImages-error"[^>]*>${name.replace('.', '\\.')}: `));
    }
    expect(mediaObjectCount(dataDir)).toBe(before);
  });

  it('keeps only the re-encoded pixels of a JPEG with an HTML tail', async () => {
    const res = await postMultipart(
      '/tai-khoan/san-pham/moi',
      form(productFields(uniqueName('polyglot')), [file(await jpegWithHtmlTail(), 'tail.jpg')]),
      manager,
    );
    expect(res.status).toBe(303);
    const html = await (await get((res.headers.get('location') ?? '').replace(/\?.*$/, ''), manager)).text();
    const [id] = mediaPaths(html);
    for (const size of [160, 640, 1600]) {
      const served = await get(`/media/${id}/${size}.webp`);
      expect(served.headers.get('content-type')).toBe('image/webp');
      expect(new TextDecoder('latin1').decode(await served.arrayBuffer())).not.toMatch(/<script|<html/i);
    }
  });

  it('orders, describes and removes photos; a new upload after a refused save is kept', async () => {
    const name = uniqueName('thứ tự');
    const created = await postMultipart(
      '/tai-khoan/san-pham/moi',
      form(productFields(name), [file(await png(), 'a.png', 'image/png'), file(await webp(), 'b.webp', 'image/webp')]),
      manager,
    );
    expect(created.status).toBe(303);
    const path = (created.headers.get('location') ?? '').replace(/\?.*$/, '');
    const [first, second] = mediaPaths(await (await get(path, manager)).text());
    expect(first && second).toBeTruthy();

    // Second to the front, with descriptions.
    const reordered = form({
      ...productFields(name),
      [`image.${first}.position`]: '2',
      [`image.${first}.altVi`]: 'Hộp màu xanh lá',
      [`image.${first}.altEn`]: '',
      [`image.${second}.position`]: '1',
      [`image.${second}.altVi`]: 'Ảnh vuông màu xanh dương',
      [`image.${second}.altEn`]: 'A blue square photo',
    });
    expect((await postMultipart(path, reordered, manager)).status).toBe(303);
    let html = await (await get(path, manager)).text();
    expect(mediaPaths(html)).toEqual([second, first]);
    expect(html).toContain('value="Ảnh vuông màu xanh dương"');

    // A refused save (a field error) keeps the photo chosen with it, so it need not be chosen again.
    const refused = form(
      { ...productFields(name), nameVi: 'X', [`image.${second}.position`]: '1', [`image.${first}.position`]: '2' },
      [file(await jpegWithGps(320, 240), 'c.jpg')],
    );
    const refusedRes = await postMultipart(path, refused, manager);
    expect(refusedRes.status).toBe(422);
    html = await refusedRes.text();
    const third = mediaPaths(html).find((id) => id !== first && id !== second);
    expect(third).toBeTruthy();
    expect(html).toContain(`name="image.${third}.position"`);

    // Removing one, keeping the new one.
    const removal = form({
      ...productFields(name),
      [`image.${second}.position`]: '1',
      [`image.${first}.position`]: '2',
      [`image.${first}.remove`]: '1',
      [`image.${third}.position`]: '3',
    });
    expect((await postMultipart(path, removal, manager)).status).toBe(303);
    expect(mediaPaths(await (await get(path, manager)).text())).toEqual([second, third]);

    // A description longer than 300 characters is an error next to it.
    const long = form({
      ...productFields(name),
      [`image.${second}.position`]: '1',
      [`image.${second}.altVi`]: 'x'.repeat(301),
      [`image.${third}.position`]: '2',
    });
    const longRes = await postMultipart(path, long, manager);
    expect(longRes.status).toBe(422);
    expect(await longRes.text()).toMatch(new RegExp(`id="photo-${second}-altVi-error"[^>]*>Tối đa 300 ký tự`));
  });

  it("attaches no other cooperative's photo, and refuses uploads to another cooperative's product (404, as for none) writing nothing", async () => {
    const mine = await postMultipart(
      '/tai-khoan/san-pham/moi',
      form(productFields(uniqueName('của tôi')), [file(await png(200, 100), 'mine.png', 'image/png')]),
      manager,
    );
    const minePath = (mine.headers.get('location') ?? '').replace(/\?.*$/, '');
    const [myImage] = mediaPaths(await (await get(minePath, manager)).text());

    // The other cooperative names our image id in its own form: it is not attached.
    const theirs = await postMultipart(
      '/tai-khoan/san-pham/moi',
      form({ ...productFields(uniqueName('của họ')), [`image.${myImage}.position`]: '1' }),
      otherManager,
    );
    expect(theirs.status).toBe(303);
    const theirPage = await (
      await get((theirs.headers.get('location') ?? '').replace(/\?.*$/, ''), otherManager)
    ).text();
    expect(mediaPaths(theirPage)).toEqual([]);

    const before = mediaObjectCount(dataDir);
    const forged = await postMultipart(
      minePath,
      form(productFields('Đổi trái phép'), [file(await webp(64, 64), 'x.webp', 'image/webp')]),
      otherManager,
    );
    expect(forged.status).toBe(404);
    // An officer moderates; it does not upload to a cooperative's product either.
    expect(
      (
        await postMultipart(
          minePath,
          form(productFields('Cán bộ sửa'), [file(await webp(65, 65), 'y.webp', 'image/webp')]),
          officer,
        )
      ).status,
    ).toBe(403);
    expect(mediaObjectCount(dataDir)).toBe(before);
  });

  it('sends visitors without a session to sign in, and refuses posts from another origin, before reading any photo', async () => {
    const before = mediaObjectCount(dataDir);
    const anonymous = await postMultipart(
      '/tai-khoan/san-pham/moi',
      form(productFields('Ẩn danh'), [file(await png(), 'anon.png', 'image/png')]),
    );
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/dang-nhap\?next=/);
    const crossSite = await postMultipart(
      '/tai-khoan/san-pham/moi',
      form(productFields('Trang lạ'), [file(await png(), 'csrf.png', 'image/png')]),
      manager,
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    const crossProfile = await postMultipart(
      '/tai-khoan/ho-so-hop-tac-xa',
      form({}, [file(await png(), 'logo.png', 'image/png')], 'logo'),
      manager,
      { origin: 'https://evil.example' },
    );
    expect(crossProfile.status).toBe(403);
    expect(mediaObjectCount(dataDir)).toBe(before);
  });

  it('shows a published product’s photos in the catalogue with srcset, size and text alternative', async () => {
    const name = uniqueName('công khai');
    const created = await postMultipart(
      '/tai-khoan/san-pham/moi',
      form(productFields(name), [file(await jpegWithGps(1000, 750), 'pub.jpg')]),
      manager,
    );
    const path = (created.headers.get('location') ?? '').replace(/\?.*$/, '');
    const [id] = mediaPaths(await (await get(path, manager)).text());
    const described = form({
      ...productFields(name),
      [`image.${id}.position`]: '1',
      [`image.${id}.altVi`]: 'Hộp quà đỏ',
      [`image.${id}.altEn`]: 'Red gift box',
    });
    expect((await postMultipart(path, described, manager)).status).toBe(303);
    expect((await post(path, { intent: 'submit' }, manager)).status).toBe(303);
    const queue = await (await get('/tai-khoan/kiem-duyet', officer)).text();
    const review = new RegExp(`href="(/tai-khoan/kiem-duyet/[a-z0-9]+)"[^>]*>${name}<`).exec(queue)?.[1] ?? '';
    const version = /name="version" value="(\d+)"/.exec(await (await get(review, officer)).text())?.[1] ?? '';
    expect((await post(review, { decision: 'approve', version }, officer)).status).toBe(303);
    const slug = path.split('/').pop();

    const page = await (await get(`/san-pham/${slug}`)).text();
    expect(page).toMatch(
      new RegExp(
        `<img src="/media/${id}/1600\\.webp" srcset="/media/${id}/640\\.webp 640w, /media/${id}/1600\\.webp 1000w"[^>]*alt="Hộp quà đỏ" width="1000" height="750" loading="eager"`,
      ),
    );
    expect(page).toContain(`<meta property="og:image" content="${baseUrl}/media/${id}/1600.webp"`);
    // The photo opens large and closes again by links alone (CSS :target), its large view lazy until then.
    expect(page).toMatch(/<a href="#photo-1" title="Xem ảnh 1 cỡ lớn"[^>]*><img src=/);
    expect(page).toMatch(
      new RegExp(
        `<figure class="lightbox[^"]*" id="photo-1"[^>]*><img src="/media/${id}/1600\\.webp"[^>]*loading="lazy"`,
      ),
    );
    expect(page).toMatch(/Ảnh 1\/1/);
    expect(page).toMatch(/<a href="#gallery"[^>]*>✕ Đóng ảnh lớn<\/a>/);
    expect(await (await get(`/en/products/${slug}`)).text()).toContain('alt="Red gift box"');
    const json = await readJson(await get(`/api/v1/products/${slug}`));
    expect(json.images).toEqual([`/media/${id}/1600.webp`]);

    const list = await (await get(`/san-pham?q=${encodeURIComponent(name)}`)).text();
    expect(list).toMatch(
      new RegExp(
        `<img class="product-card__image" src="/media/${id}/640\\.webp" srcset="/media/${id}/160\\.webp 160w, /media/${id}/640\\.webp 640w"[^>]*width="640" height="480" loading="lazy"`,
      ),
    );

    // The demo catalogue is shared with the other tests: take it down again.
    expect((await post(path, { intent: 'unpublish' }, manager)).status).toBe(303);
  });

  it("the manager uploads and removes the cooperative's logo; members and other origins cannot", async () => {
    const profile = await (await get('/tai-khoan/ho-so-hop-tac-xa', manager)).text();
    const fields = Object.fromEntries(
      [...profile.matchAll(/<input[^>]*>/g)].flatMap((m) => {
        const name = /name="([^"]+)"/.exec(m[0])?.[1];
        return name ? [[name, (/value="([^"]*)"/.exec(m[0])?.[1] ?? '').replaceAll('&amp;', '&')]] : [];
      }),
    );
    // Selects and textareas carry their values elsewhere: take them from the stored profile instead.
    const selects = Object.fromEntries(
      [...profile.matchAll(/<select[^>]*name="([^"]+)"[\s\S]*?<option value="([^"]*)" selected/g)].map((m) => [
        m[1] as string,
        m[2] as string,
      ]),
    );
    const textareas = Object.fromEntries(
      [...profile.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [
        m[1] as string,
        m[2] as string,
      ]),
    );
    const values: Record<string, string> = { ...fields, ...selects, ...textareas };
    delete values.logo;
    delete values.removeLogo;

    const officer = await signIn('canbo@cho-htx.test');
    /** Approves the cooperative's profile change waiting in the moderation queue (profile changes are reviewed, the logo with them). */
    async function approveProfileChange(name: string) {
      const queue = await (await get('/tai-khoan/kiem-duyet', officer)).text();
      const review = new RegExp(`href="(/tai-khoan/kiem-duyet/thay-doi/[a-z0-9]+)"[^>]*>${name}<`).exec(queue)?.[1];
      expect(review).toBeDefined();
      const version =
        /name="version" value="(\d+)"/.exec(await (await get(review as string, officer)).text())?.[1] ?? '';
      expect((await post(review as string, { decision: 'approve', version }, officer)).status).toBe(303);
    }

    const uploaded = await postMultipart(
      '/tai-khoan/ho-so-hop-tac-xa',
      form(values, [file(await png(400, 400), 'logo.png', 'image/png')], 'logo'),
      manager,
    );
    expect(uploaded.status).toBe(303);
    const after = await (await get('/tai-khoan/ho-so-hop-tac-xa', manager)).text();
    // The manager's form shows the proposed logo; the public page waits for an officer.
    const [logo] = mediaPaths(after);
    expect(logo).toBeTruthy();
    const slug = /href="\/hop-tac-xa\/([^"]+)"/.exec(after)?.[1];
    const waiting = await (await get(`/hop-tac-xa/${slug}`)).text();
    expect(waiting).not.toContain(`/media/${logo}/`);
    const name = /<h1[^>]*>([^<]+)</.exec(waiting)?.[1] ?? '';
    await approveProfileChange(name);
    const publicPage = await (await get(`/hop-tac-xa/${slug}`)).text();
    expect(publicPage).toContain(
      `class="profile__logo" src="/media/${logo}/160.webp" srcset="/media/${logo}/160.webp 160w, /media/${logo}/640.webp 640w" sizes="96px"`,
    );
    const directory = await (await get(`/hop-tac-xa?q=${encodeURIComponent(name)}`)).text();
    expect(directory).toContain(`src="/media/${logo}/160.webp"`);

    // A disguised logo is refused next to its field.
    const svg = await postMultipart(
      '/tai-khoan/ho-so-hop-tac-xa',
      form(
        values,
        [file('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'logo.png', 'image/png')],
        'logo',
      ),
      manager,
    );
    expect(svg.status).toBe(422);
    expect(await svg.text()).toMatch(/id="field-logo-error"[^>]*>logo\.png: không phải ảnh JPEG, PNG hoặc WebP/);

    // A plain member of the cooperative does not edit its profile.
    const member = await freshMember('quanly1@cho-htx.test');
    const before = mediaObjectCount(dataDir);
    expect(
      (
        await postMultipart(
          '/tai-khoan/ho-so-hop-tac-xa',
          form(values, [file(await png(123, 45), 'm.png', 'image/png')], 'logo'),
          member,
        )
      ).status,
    ).toBe(403);
    expect(mediaObjectCount(dataDir)).toBe(before);

    expect(
      (await postMultipart('/tai-khoan/ho-so-hop-tac-xa', form({ ...values, removeLogo: '1' }), manager)).status,
    ).toBe(303);
    expect(await (await get(`/hop-tac-xa/${slug}`)).text()).toContain('class="profile__logo"');
    await approveProfileChange(name);
    expect(await (await get(`/hop-tac-xa/${slug}`)).text()).not.toContain('class="profile__logo"');
  });
});
