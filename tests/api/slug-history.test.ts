/**
 * Slug history (src/server/slug-history) on libSQL and on D1 as workerd runs
 * it: a product, a cooperative and an event renamed where renames happen (the
 * dashboard's in-place save and the API's, an approved change of a published
 * product or of a cooperative's profile, an officer's event edit) get a slug
 * from the new name, written in the rename's batch with the old slug's
 * history; every old slug leads to the current one in one hop (renamed
 * twice); a rename folded in when a product goes offline moves the address
 * too; a slug another record takes later is that record's; a rename whose
 * slug reads the same (a tone mark) changes nothing; the dashboard still
 * finds a product by its old slug. An old slug leads on only to whom may see
 * the record (a renamed draft's old slug is a 404 on the public API, as its
 * current one is). Two renames racing to the same name both succeed, the
 * later with the next free slug.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCooperativeStanding, cooperativeForOfficer } from '../../src/server/cooperatives/oversight';
import { createSession } from '../../src/server/accounts/sessions';
import type { SessionUser } from '../../src/server/accounts/users';
import {
  loadCooperativeProfile,
  loadProfileRevision,
  proposeProfileChange,
} from '../../src/server/cooperatives/profile-changes';
import type { Database } from '../../src/server/db/client';
import { cooperatives, products, slugHistory } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { createEvent } from '../../src/server/events/event-admin/create-event';
import { updateEvent } from '../../src/server/events/event-admin/edit-event';
import { findManagedEvent } from '../../src/server/events/event-admin/managed-event';
import { approveProduct, approveRevision, loadReview } from '../../src/server/moderation/moderation';
import { findOwnedProduct } from '../../src/server/products/owned-product';
import { loadProductRevision } from '../../src/server/products/product-revisions';
import {
  createProduct,
  submitProduct,
  unpublishProduct,
  updateProduct,
} from '../../src/server/products/product-writes';
import { currentSlug, openableCurrentSlug, slugReadsAs } from '../../src/server/slug-history/slug-history';
import { createTestCooperative, createTestOfficer, createTestUser, sessionUserOf } from '../support/accounts';
import { storedPhoto } from '../support/images';
import { apiOn, call } from '../support/api';
import { bothStores } from '../support/stores';
import { validEvent } from '../support/valid-input';

const NOW = new Date('2026-11-24T03:00:00Z');

const productInput = (nameVi: string) => ({
  nameVi,
  nameEn: 'Honey',
  descriptionVi: 'Mật ong nguyên chất.',
  descriptionEn: '',
  ocopGroup: 'thuc_pham',
  provinceCode: '01',
  commune: null,
  originFormerly: null,
  gtin: null,
  priceVnd: 250000,
  unitVi: 'chai 500 ml',
  unitEn: '500 ml bottle',
  minOrder: 5,
  seasonVi: null,
  seasonEn: null,
});

describe('a slug reads as a name', () => {
  it('when it is the name’s slug, or that slug with the number that told it from a namesake', () => {
    expect(slugReadsAs('mat-ong', 'mat-ong')).toBe(true);
    expect(slugReadsAs('mat-ong-3', 'mat-ong')).toBe(true);
    expect(slugReadsAs('mat-ong-rung', 'mat-ong')).toBe(false);
    expect(slugReadsAs('mat', 'mat-ong')).toBe(false);
  });
});

describe.each(bothStores('slug history'))('slug history on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let member: SessionUser;
  let manager: SessionUser;
  let officer: SessionUser;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    officer = await createTestOfficer(db);
    const cooperativeId = await createTestCooperative(db);
    member = sessionUserOf(
      await createTestUser(db, { role: 'member', cooperativeId, iterations: 1000 }),
      'member',
      cooperativeId,
    );
    manager = {
      ...sessionUserOf(
        await createTestUser(db, { role: 'member', cooperativeId, iterations: 1000 }),
        'member',
        cooperativeId,
      ),
      isManager: true,
    };
    // A fresh local D1 is migrated by wrangler through its platform proxy: minutes on a busy machine.
  }, 300_000);
  afterAll(async () => dispose?.());

  const slugOf = async (id: string) =>
    (await db.select({ slug: products.slug }).from(products).where(eq(products.id, id)))[0]?.slug;

  it('a draft renamed twice: each old slug leads to the current one in one hop', async () => {
    const { id, slug } = await createProduct(db, member, productInput('Mật ong bạc hà'));
    expect(slug).toBe('mat-ong-bac-ha');
    await updateProduct(db, member, slug, productInput('Mật ong hoa nhãn'), NOW);
    expect(await slugOf(id)).toBe('mat-ong-hoa-nhan');
    // The dashboard's page the save came from (the old slug) still finds the product.
    expect((await findOwnedProduct(db, member, 'mat-ong-bac-ha')).id).toBe(id);
    await updateProduct(db, member, 'mat-ong-bac-ha', productInput('Mật ong rừng'), NOW);
    expect(await slugOf(id)).toBe('mat-ong-rung');
    expect(await currentSlug(db, 'product', 'mat-ong-bac-ha')).toBe('mat-ong-rung');
    expect(await currentSlug(db, 'product', 'mat-ong-hoa-nhan')).toBe('mat-ong-rung');
    expect(await currentSlug(db, 'product', 'mat-ong-rung')).toBeNull();
    expect(await currentSlug(db, 'product', 'mat-ong-chua-tung-co')).toBeNull();
    const history = await db.select().from(slugHistory).where(eq(slugHistory.recordId, id));
    expect(history.map((row) => row.slug).sort()).toEqual(['mat-ong-bac-ha', 'mat-ong-hoa-nhan']);
  });

  it('an old slug another product takes later is that product’s', async () => {
    const { slug } = await createProduct(db, member, productInput('Mật ong bạc hà'));
    expect(slug).toBe('mat-ong-bac-ha');
    expect(await currentSlug(db, 'product', 'mat-ong-bac-ha')).toBeNull();
    // Still the older product's other old slug.
    expect(await currentSlug(db, 'product', 'mat-ong-hoa-nhan')).toBe('mat-ong-rung');
  });

  it('a change of tone marks or other fields keeps the slug', async () => {
    const { id, slug } = await createProduct(db, member, productInput('Trà sen Tây Hồ'));
    await updateProduct(db, member, slug, { ...productInput('Trà Sen Tây Hồ'), priceVnd: 300000 }, NOW);
    expect(await slugOf(id)).toBe('tra-sen-tay-ho');
    expect(await db.select().from(slugHistory).where(eq(slugHistory.recordId, id))).toEqual([]);
  });

  it('a published product renamed through review changes slug when the officer approves', async () => {
    const { id, slug } = await createProduct(db, member, productInput('Gạo nếp cái hoa vàng'), [storedPhoto()]);
    await submitProduct(db, member, slug);
    await approveProduct(db, officer, id, (await loadReview(db, officer, id)).submittedAt.getTime(), NOW);
    expect(await updateProduct(db, member, slug, productInput('Gạo nếp Tú Lệ'), NOW)).toBe('proposed');
    expect(await slugOf(id)).toBe(slug);
    const revision = await loadProductRevision(db, id);
    await approveRevision(db, officer, revision?.revision.id ?? '', revision?.revision.version ?? 0, NOW);
    expect(await slugOf(id)).toBe('gao-nep-tu-le');
    expect(await currentSlug(db, 'product', slug)).toBe('gao-nep-tu-le');
  });

  it('a rename waiting for review folded in when the product goes offline moves the address too', async () => {
    const { id, slug } = await createProduct(db, member, productInput('Miến dong Na Rì'), [storedPhoto()]);
    await submitProduct(db, member, slug);
    await approveProduct(db, officer, id, (await loadReview(db, officer, id)).submittedAt.getTime(), NOW);
    expect(await updateProduct(db, member, slug, productInput('Miến dong Bắc Kạn'), NOW)).toBe('proposed');
    await unpublishProduct(db, member, slug);
    expect(await slugOf(id)).toBe('mien-dong-bac-kan');
    expect(await currentSlug(db, 'product', slug)).toBe('mien-dong-bac-kan');
  });

  it('a cooperative renamed through an approved profile change', async () => {
    const cooperativeId = manager.cooperativeId ?? '';
    const [before] = await db.select().from(cooperatives).where(eq(cooperatives.id, cooperativeId));
    const { fields } = await loadCooperativeProfile(db, manager);
    await proposeProfileChange(db, manager, { ...fields, name: 'HTX Nông sản Sóc Sơn' }, NOW);
    const state = await loadProfileRevision(db, cooperativeId);
    await approveRevision(db, officer, state?.revision.id ?? '', state?.revision.version ?? 0, NOW);
    const [after] = await db.select().from(cooperatives).where(eq(cooperatives.id, cooperativeId));
    expect(after?.slug).toBe('htx-nong-san-soc-son');
    expect(await currentSlug(db, 'cooperative', before?.slug ?? '')).toBe('htx-nong-san-soc-son');
    // The public JSON API (mounted at /api/v1 by the worker) answers the old address with 301 to the current one; the current one as it is.
    const api = apiOn(db);
    const moved = await call(api, `/cooperatives/${before?.slug}?lang=en`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/cooperatives/htx-nong-san-soc-son?lang=en');
    expect((await call(api, '/cooperatives/htx-nong-san-soc-son')).status).toBe(200);
    expect((await call(api, '/cooperatives/htx-chua-tung-co')).status).toBe(404);
    // An officer's stored old slug still acts on it (the admin API's standing change, the console's import), and says the current one.
    expect((await cooperativeForOfficer(db, officer, before?.slug ?? '')).id).toBe(cooperativeId);
    const evidence = { evidence: 'Giấy chứng nhận đăng ký HTX đã đối chiếu' };
    expect(await changeCooperativeStanding(db, officer, before?.slug ?? '', 'verify', evidence, NOW)).toBe(
      'htx-nong-san-soc-son',
    );
    expect((await db.select().from(cooperatives).where(eq(cooperatives.id, cooperativeId)))[0]?.verified).toBe(true);
  });

  it('an event an officer renames', async () => {
    const created = await createEvent(db, officer, validEvent({ titleVi: 'Phiên chợ OCOP mùa xuân' }), { now: NOW });
    expect(created.slug).toBe('phien-cho-ocop-mua-xuan');
    const saved = await updateEvent(
      db,
      officer,
      'phien-cho-ocop-mua-xuan',
      validEvent({ titleVi: 'Phiên chợ OCOP Tết' }),
      {
        now: NOW,
      },
    );
    expect(saved.slug).toBe('phien-cho-ocop-tet');
    expect(await currentSlug(db, 'event', 'phien-cho-ocop-mua-xuan')).toBe('phien-cho-ocop-tet');
    expect((await findManagedEvent(db, officer, 'phien-cho-ocop-mua-xuan')).id).toBe(saved.id);
  });

  it('an event’s registrations and their CSV files answer 301 from its old slug, to whom the current one shows them', async () => {
    const created = await createEvent(db, officer, validEvent({ titleVi: 'Hội chợ trái cây Nam Bộ' }), {
      now: NOW,
      publish: true,
    });
    const saved = await updateEvent(db, officer, created.slug, validEvent({ titleVi: 'Hội chợ trái cây Tiền Giang' }), {
      now: NOW,
    });
    expect(saved.slug).toBe('hoi-cho-trai-cay-tien-giang');
    const api = apiOn(db);
    const as = async (user: SessionUser) => `session=${(await createSession(db, user.id, new Date())).token}`;
    const [officers, members] = [await as(officer), await as(member)];
    for (const route of ['/registrations', '/registrations.csv', '/report.csv']) {
      const moved = await call(api, `/events/${created.slug}${route}?lang=en`, {
        headers: { cookie: officers },
        redirect: 'manual',
      });
      expect(moved.status, route).toBe(301);
      expect(moved.headers.get('location'), route).toBe(`/events/${saved.slug}${route}?lang=en`);
      expect((await call(api, `/events/${saved.slug}${route}`, { headers: { cookie: officers } })).status, route).toBe(
        200,
      );
    }
    // A cooperative that did not exhibit has no report at the current slug (404): nor at the old one.
    const report = await call(api, `/events/${created.slug}/report.csv`, {
      headers: { cookie: members },
      redirect: 'manual',
    });
    expect(report.status).toBe(404);
    expect(report.headers.get('location')).toBeNull();
  });

  it('an old slug leads on only to whom the target shows the record', async () => {
    const { slug } = await createProduct(db, member, productInput('Nấm hương Sa Pa'));
    await updateProduct(db, member, slug, productInput('Nấm hương rừng Sa Pa'), NOW);
    const otherCooperative = await createTestCooperative(db);
    const outsider = sessionUserOf(
      await createTestUser(db, { role: 'member', cooperativeId: otherCooperative, iterations: 1000 }),
      'member',
      otherCooperative,
    );
    const ownedBy = (user: SessionUser) => (held: string) => findOwnedProduct(db, user, held);
    expect(await openableCurrentSlug(db, 'product', slug, ownedBy(member))).toBe('nam-huong-rung-sa-pa');
    expect(await openableCurrentSlug(db, 'product', slug, ownedBy(outsider))).toBeNull();
    expect(await openableCurrentSlug(db, 'product', slug, ownedBy(officer))).toBeNull();
  });

  it('a renamed draft’s old slug is a 404 on the public API, as its current one is, without its new name', async () => {
    const { slug } = await createProduct(db, member, productInput('Măng khô Bắc Kạn'));
    await updateProduct(db, member, slug, productInput('Măng khô Na Rì'), NOW);
    expect(await currentSlug(db, 'product', slug)).toBe('mang-kho-na-ri');
    // A draft is not on the public API: its old slug answers as its current one does, without its new name.
    const api = apiOn(db);
    for (const path of [`/products/${slug}`, '/products/mang-kho-na-ri']) {
      const answer = await call(api, path, { redirect: 'manual' });
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get('location'), path).toBeNull();
    }
  });

  it('two products renamed at once to the same name both get it, the later with the next free slug', async () => {
    const first = await createProduct(db, member, productInput('Chè Shan tuyết Hoàng Su Phì'));
    const second = await createProduct(db, member, productInput('Chè Shan tuyết Bắc Mê'));
    const renames = [first, second].map((product) =>
      updateProduct(db, member, product.slug, productInput('Chè Shan tuyết cổ thụ'), NOW),
    );
    expect(await Promise.all(renames)).toEqual(['saved', 'saved']);
    const slugs = [await slugOf(first.id), await slugOf(second.id)];
    expect([...slugs].sort()).toEqual(['che-shan-tuyet-co-thu', 'che-shan-tuyet-co-thu-2']);
    expect(await currentSlug(db, 'product', first.slug)).toBe(slugs[0]);
    expect(await currentSlug(db, 'product', second.slug)).toBe(slugs[1]);
  });

  it('two events renamed at once to the same title both get it, the later with the next free slug', async () => {
    const titles = ['Hội chợ nông sản Mộc Châu', 'Hội chợ nông sản Sơn La'];
    const created = await Promise.all(
      titles.map((titleVi) => createEvent(db, officer, validEvent({ titleVi }), { now: NOW })),
    );
    const saved = await Promise.all(
      created.map((event) =>
        updateEvent(db, officer, event.slug, validEvent({ titleVi: 'Hội chợ nông sản Tây Bắc' }), { now: NOW }),
      ),
    );
    expect(saved.map((event) => event.slug).sort()).toEqual(['hoi-cho-nong-san-tay-bac', 'hoi-cho-nong-san-tay-bac-2']);
    for (const [i, event] of created.entries()) expect(await currentSlug(db, 'event', event.slug)).toBe(saved[i]?.slug);
  });
});
