/**
 * Pending revisions on a real migrated SQLite: a member edits a published
 * product and the public keeps the published version until an officer
 * approves (fields, search text and audit entry written, the revision gone,
 * OCOP stars as they were); rejected with a reason, edited again, discarded;
 * unpublishing folds a revision in; stale versions, other cooperatives and
 * the wrong roles are refused; invalid proposals are never stored; and an
 * approval that fails half-way (a trigger aborts it) leaves both the
 * published record and the revision as they were. Audit entries are ordered
 * by time, so the verbs here run on the real clock, as status moves do.
 */
import { addOcopRating } from '../../src/server/products/ocop-ratings';
import { storedPhoto } from '../support/images';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import { decideClaim } from '../../src/server/claims/claim-decisions';
import type { Database } from '../../src/server/db/client';
import { auditLog, cooperatives, pendingRevisions, products } from '../../src/server/db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/server/errors';
import {
  loadProfileRevision,
  proposeProfileChange,
  withdrawProfileChange,
  loadCooperativeProfile,
} from '../../src/server/cooperatives/profile-changes';
import {
  approveProduct,
  approveRevision,
  listModerationQueue,
  loadReview,
  loadRevisionReview,
  rejectRevision,
} from '../../src/server/moderation/moderation';
import { discardProductRevision, loadProductRevision } from '../../src/server/products/product-revisions';
import {
  createProduct,
  submitProduct,
  unpublishProduct,
  updateProduct,
} from '../../src/server/products/product-writes';
import { slugify } from '../../src/server/search/slug';
import { currentSlug } from '../../src/server/slug-history/slug-history';
import { DEMO_NOW, demoDatabase } from '../support/demo';
import { searchProducts } from '../support/search';

let db: Database;
let member: SessionUser;
let manager: SessionUser;
let outsider: SessionUser;
let officer: SessionUser;

const user = (id: string, role: SessionUser['role'], cooperativeId: string | null, isManager = false): SessionUser => ({
  id,
  email: `${id}@example.test`,
  displayName: id,
  role,
  cooperativeId,
  isManager,
});

beforeAll(async () => {
  db = await demoDatabase();
  const [first, second] = await db.select({ id: cooperatives.id }).from(cooperatives).orderBy(cooperatives.id).limit(2);
  if (!first || !second) throw new Error('demo has fewer than two cooperatives');
  member = user('rev-member', 'member', first.id);
  manager = user('rev-manager', 'member', first.id, true);
  outsider = user('rev-outsider', 'member', second.id, true);
  officer = user('rev-officer', 'officer', null);
  for (const u of [member, manager, outsider, officer]) {
    await db.run(
      sql`INSERT INTO users (id, email, display_name, password_hash, role, cooperative_id, is_manager) VALUES (${u.id}, ${u.email}, ${u.displayName}, 'x', ${u.role}, ${u.cooperativeId}, ${u.isManager ? 1 : 0})`,
    );
  }
});

let n = 0;
const input = (extra: Record<string, unknown> = {}) => ({
  nameVi: `Chè Thái Nguyên sửa đổi ${++n}`,
  nameEn: 'Thai Nguyen tea',
  descriptionVi: 'Chè búp sao tay.',
  descriptionEn: '',
  ocopGroup: 'do_uong',
  provinceCode: '19',
  commune: 'Xã Tân Cương',
  originFormerly: null,
  gtin: null,
  priceVnd: 300000,
  unitVi: 'gói 200 g',
  unitEn: '200 g pack',
  minOrder: 5,
  seasonVi: null,
  seasonEn: null,
  ...extra,
});

const refusal = (run: () => Promise<unknown>) =>
  run().then(
    () => null,
    (error: unknown) => error,
  );

async function productRow(id: string) {
  const [row] = await db.select().from(products).where(eq(products.id, id));
  if (!row) throw new Error('no product');
  return row;
}

/** A product of the member's cooperative, published through the real flow, with a verified 4-star OCOP rating. */
async function publishedProduct(extra: Record<string, unknown> = {}) {
  const fields = input(extra);
  const { id, slug } = await createProduct(db, member, fields, [storedPhoto()]);
  const rating = await addOcopRating(
    db,
    member,
    slug,
    { stars: 4, level: 'province', decisionNumber: `${n}/QĐ-UBND`, decisionDate: '2025-05-01' },
    DEMO_NOW,
  );
  await decideClaim(db, officer, { kind: 'ocop_rating', id: rating.id }, 'verify', {}, DEMO_NOW);
  await submitProduct(db, member, slug);
  await approveProduct(db, officer, id, (await loadReview(db, officer, id)).submittedAt.getTime(), DEMO_NOW);
  return { id, slug, fields };
}

async function auditActions(entityId: string) {
  const rows = await db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.entityId, entityId))
    .orderBy(auditLog.createdAt);
  return rows.map((row) => row.action);
}

describe('changes to a published product', () => {
  it('wait for review while the public sees the published version; approved, they are public with their search text', async () => {
    const { id, slug, fields } = await publishedProduct();
    const newName = `Chè móc câu đặc biệt thử nghiệm ${n}`;
    expect(await updateProduct(db, member, slug, { ...fields, nameVi: newName, priceVnd: 320000 }, new Date())).toBe(
      'proposed',
    );

    const published = await productRow(id);
    expect(published).toMatchObject({ status: 'published', nameVi: fields.nameVi, priceVnd: 300000, ocopStars: 4 });
    expect(await searchProducts(db, newName)).not.toContain(slug);
    const state = await loadProductRevision(db, id);
    expect(state?.revision).toMatchObject({ status: 'pending', version: 1 });
    expect(state?.changes.filter((c) => c.changed).map((c) => [c.field, c.before, c.after])).toEqual([
      ['nameVi', fields.nameVi, newName],
      ['priceVnd', 300000, 320000],
    ]);

    // The member edits the pending change again: same revision, next version.
    expect(await updateProduct(db, member, slug, { ...fields, nameVi: newName, priceVnd: 330000 }, new Date())).toBe(
      'proposed',
    );
    const again = await loadProductRevision(db, id);
    expect(again?.revision).toMatchObject({ id: state?.revision.id, version: 2 });

    const queued = (await listModerationQueue(db, officer)).find((entry) => entry.id === again?.revision.id);
    expect(queued).toMatchObject({ kind: 'product_change', nameVi: fields.nameVi });
    const review = await loadRevisionReview(db, officer, again?.revision.id ?? '');
    expect(review.changes.filter((c) => c.changed).map((c) => c.field)).toEqual(['nameVi', 'priceVnd']);

    // The version the officer saw first is not the one waiting now.
    expect(await refusal(() => approveRevision(db, officer, review.id, 1, new Date()))).toBeInstanceOf(ConflictError);
    await approveRevision(db, officer, review.id, review.version, new Date());

    const applied = await productRow(id);
    // Renamed, its address follows the name; the old one leads there (src/server/slug-history).
    const renamed = slugify(newName);
    expect(applied).toMatchObject({
      status: 'published',
      nameVi: newName,
      priceVnd: 330000,
      ocopStars: 4,
      slug: renamed,
    });
    expect(await currentSlug(db, 'product', slug)).toBe(renamed);
    expect(applied.searchName).toContain('che moc cau dac biet');
    expect(await searchProducts(db, newName)).toContain(renamed);
    expect(await loadProductRevision(db, id)).toBeNull();
    expect(await auditActions(id)).toEqual([
      'product.created',
      'product.ocop_rating_added',
      'product.submitted',
      'product.approved',
      'product.change_proposed',
      'product.change_proposed',
      'product.change_approved',
    ]);
    // Approving twice is a conflict (the revision is gone), not a second write.
    expect(await refusal(() => approveRevision(db, officer, review.id, review.version, new Date()))).toBeInstanceOf(
      Error,
    );

    // The next full review (unpublished, then submitted) diffs against the version the change made public.
    await unpublishProduct(db, member, slug);
    await updateProduct(db, member, slug, { ...fields, nameVi: newName, priceVnd: 350000 }, new Date());
    await submitProduct(db, member, slug);
    const next = await loadReview(db, officer, id);
    expect(next.changes.filter((c) => c.changed).map((c) => [c.field, c.before, c.after])).toEqual([
      ['priceVnd', 330000, 350000],
    ]);
  });

  it('rejected with a reason the member reads, edited again (pending, reason gone), then discarded', async () => {
    const { id, slug, fields } = await publishedProduct();
    await updateProduct(db, member, slug, { ...fields, descriptionVi: 'Mô tả mới chưa có chứng từ.' }, new Date());
    const state = await loadProductRevision(db, id);
    const revisionId = state?.revision.id ?? '';

    expect(await refusal(() => rejectRevision(db, officer, revisionId, 1, 'no', new Date()))).toBeInstanceOf(
      ValidationError,
    );
    expect(await refusal(() => rejectRevision(db, officer, revisionId, 7, 'Cần chứng từ.', new Date()))).toBeInstanceOf(
      ConflictError,
    );
    await rejectRevision(db, officer, revisionId, 1, 'Mô tả cần chứng từ kèm theo.', new Date());
    expect((await loadProductRevision(db, id))?.revision).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Mô tả cần chứng từ kèm theo.',
    });
    expect((await productRow(id)).descriptionVi).toBe(fields.descriptionVi);
    // Not in the queue while rejected.
    expect((await listModerationQueue(db, officer)).some((entry) => entry.id === revisionId)).toBe(false);
    // A rejected change cannot be approved.
    expect(await refusal(() => approveRevision(db, officer, revisionId, 1, new Date()))).toBeInstanceOf(ConflictError);

    await updateProduct(db, member, slug, { ...fields, descriptionVi: 'Mô tả mới, có chứng từ số 12.' }, new Date());
    expect((await loadProductRevision(db, id))?.revision).toMatchObject({
      id: revisionId,
      status: 'pending',
      rejectionReason: null,
      version: 2,
    });

    expect(await refusal(() => discardProductRevision(db, outsider, slug, new Date()))).toBeInstanceOf(NotFoundError);
    await discardProductRevision(db, member, slug, new Date());
    expect(await loadProductRevision(db, id)).toBeNull();
    expect((await productRow(id)).descriptionVi).toBe(fields.descriptionVi);
    expect((await auditActions(id)).slice(-4)).toEqual([
      'product.change_proposed',
      'product.change_rejected',
      'product.change_proposed',
      'product.change_discarded',
    ]);
  });

  it('an edit back to the published version withdraws the change; drafts are still edited in place', async () => {
    const { id, slug, fields } = await publishedProduct();
    await updateProduct(db, member, slug, { ...fields, minOrder: 50 }, new Date());
    expect(await loadProductRevision(db, id)).not.toBeNull();
    expect(await updateProduct(db, member, slug, fields, new Date())).toBe('unchanged');
    expect(await loadProductRevision(db, id)).toBeNull();

    const draft = await createProduct(db, member, input());
    expect(await updateProduct(db, member, draft.slug, input({ priceVnd: 1000 }), new Date())).toBe('saved');
    expect((await productRow(draft.id)).priceVnd).toBe(1000);
    expect(await loadProductRevision(db, draft.id)).toBeNull();
  });

  it('never stores an invalid proposal, nor one from another cooperative, an officer or with crafted fields', async () => {
    const { id, slug, fields } = await publishedProduct();
    const invalid = await refusal(() =>
      updateProduct(db, member, slug, { ...fields, nameVi: 'X', gtin: '8934567890124', minOrder: 0 }, new Date()),
    );
    expect(Object.keys((invalid as ValidationError).fields).sort()).toEqual(['gtin', 'minOrder', 'nameVi']);
    const crafted = await refusal(() =>
      updateProduct(db, member, slug, { ...fields, status: 'draft', ocopStars: 5 }, new Date()),
    );
    expect(crafted).toBeInstanceOf(ValidationError);
    const [taken] = await db
      .select({ gtin: products.gtin })
      .from(products)
      .where(sql`${products.gtin} IS NOT NULL`)
      .limit(1);
    const clash = await refusal(() => updateProduct(db, member, slug, { ...fields, gtin: taken?.gtin }, new Date()));
    expect((clash as ValidationError).fields.gtin?.code).toBe('gtin_taken');
    expect(
      await refusal(() => updateProduct(db, outsider, slug, { ...fields, priceVnd: 1 }, new Date())),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await refusal(() => updateProduct(db, officer, slug, { ...fields, priceVnd: 1 }, new Date())),
    ).toBeInstanceOf(ForbiddenError);
    expect(await loadProductRevision(db, id)).toBeNull();

    await updateProduct(db, member, slug, { ...fields, priceVnd: 1 }, new Date());
    const revision = (await loadProductRevision(db, id))?.revision;
    for (const who of [member, manager, outsider]) {
      expect(await refusal(() => approveRevision(db, who, revision?.id ?? '', 1, new Date()))).toBeInstanceOf(
        ForbiddenError,
      );
      expect(
        await refusal(() => rejectRevision(db, who, revision?.id ?? '', 1, 'Không được phép.', new Date())),
      ).toBeInstanceOf(ForbiddenError);
      expect(await refusal(() => loadRevisionReview(db, who, revision?.id ?? ''))).toBeInstanceOf(ForbiddenError);
    }
    expect((await productRow(id)).priceVnd).toBe(300000);
  });

  it('a GTIN another product took meanwhile is a conflict at approval, and nothing is written', async () => {
    const { id, slug, fields } = await publishedProduct();
    await updateProduct(db, member, slug, { ...fields, gtin: '96385074' }, new Date());
    const revision = (await loadProductRevision(db, id))?.revision;
    await createProduct(db, outsider, input({ gtin: '96385074' }));
    const conflict = await refusal(() => approveRevision(db, officer, revision?.id ?? '', 1, new Date()));
    expect((conflict as ConflictError).fields?.gtin?.code).toBe('gtin_taken');
    expect((await productRow(id)).gtin).toBeNull();
    expect((await loadProductRevision(db, id))?.revision.status).toBe('pending');
  });

  it('unpublishing folds the change into the product, which is then edited in place', async () => {
    const { id, slug, fields } = await publishedProduct();
    await updateProduct(db, member, slug, { ...fields, seasonVi: 'Tháng 3 đến tháng 10' }, new Date());
    await unpublishProduct(db, member, slug);
    expect(await productRow(id)).toMatchObject({ status: 'unpublished', seasonVi: 'Tháng 3 đến tháng 10' });
    expect(await loadProductRevision(db, id)).toBeNull();
    expect(await updateProduct(db, member, slug, { ...fields, seasonVi: 'Quanh năm' }, new Date())).toBe('saved');
  });

  it('an approval that fails half-way leaves the published product and the revision as they were', async () => {
    const { id, slug, fields } = await publishedProduct();
    await updateProduct(db, member, slug, { ...fields, priceVnd: 999000 }, new Date());
    const revision = (await loadProductRevision(db, id))?.revision;
    const before = await productRow(id);
    await db.run(
      sql.raw(
        `CREATE TRIGGER fail_product_update BEFORE UPDATE ON products WHEN NEW.price_vnd = 999000 BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`,
      ),
    );
    try {
      await expect(approveRevision(db, officer, revision?.id ?? '', 1, new Date())).rejects.toThrow();
    } finally {
      await db.run(sql.raw('DROP TRIGGER fail_product_update'));
    }
    expect(await productRow(id)).toEqual(before);
    const [kept] = await db
      .select()
      .from(pendingRevisions)
      .where(eq(pendingRevisions.id, revision?.id ?? ''));
    expect(kept).toMatchObject({
      status: 'pending',
      version: 1,
      proposed: expect.objectContaining({ priceVnd: 999000 }),
    });
    expect(await auditActions(id)).not.toContain('product.change_approved');
    // Once the store works again, the same decision goes through.
    await approveRevision(db, officer, revision?.id ?? '', 1, new Date());
    expect((await productRow(id)).priceVnd).toBe(999000);
  });
});

describe('changes to a cooperative profile', () => {
  it('only its manager proposes and withdraws; an officer rejects with a reason the manager reads', async () => {
    const { fields } = await loadCooperativeProfile(db, manager);
    expect(
      await refusal(() => proposeProfileChange(db, member, { ...fields, phone: '0912345678' }, new Date())),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await refusal(() => proposeProfileChange(db, officer, { ...fields, phone: '0912345678' }, new Date())),
    ).toBeInstanceOf(ForbiddenError);
    const invalid = await refusal(() =>
      proposeProfileChange(db, manager, { ...fields, foundedYear: 1800, website: 'javascript:alert(1)' }, new Date()),
    );
    expect(Object.keys((invalid as ValidationError).fields).sort()).toEqual(['foundedYear', 'website']);
    expect(await loadProfileRevision(db, manager.cooperativeId ?? '')).toBeNull();

    expect((await proposeProfileChange(db, manager, { ...fields, phone: '0912 345 678' }, new Date())).outcome).toBe(
      'proposed',
    );
    const state = await loadProfileRevision(db, manager.cooperativeId ?? '');
    expect(state?.changes.filter((c) => c.changed).map((c) => c.field)).toEqual(['phone']);
    // The other cooperative's manager sees only their own cooperative's (no) change.
    expect(await loadProfileRevision(db, outsider.cooperativeId ?? '')).toBeNull();

    await rejectRevision(db, officer, state?.revision.id ?? '', 1, 'Số điện thoại không liên lạc được.', new Date());
    expect((await loadProfileRevision(db, manager.cooperativeId ?? ''))?.revision).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Số điện thoại không liên lạc được.',
    });
    const [row] = await db
      .select({ phone: cooperatives.phone })
      .from(cooperatives)
      .where(eq(cooperatives.id, manager.cooperativeId ?? ''));
    expect(row?.phone).toBe(fields.phone);

    expect(await refusal(() => withdrawProfileChange(db, member, new Date()))).toBeInstanceOf(ForbiddenError);
    await withdrawProfileChange(db, manager, new Date());
    expect(await loadProfileRevision(db, manager.cooperativeId ?? '')).toBeNull();
    expect(await refusal(() => withdrawProfileChange(db, manager, new Date()))).toBeInstanceOf(ConflictError);
  });

  it('a change of contacts only keeps the verified mark; an approval that fails half-way changes nothing', async () => {
    const cooperativeId = manager.cooperativeId ?? '';
    await db.update(cooperatives).set({ verified: true }).where(eq(cooperatives.id, cooperativeId));
    const { fields } = await loadCooperativeProfile(db, manager);
    await proposeProfileChange(
      db,
      manager,
      { ...fields, email: 'lienhe@htx-thu.example', descriptionVi: 'Giới thiệu mới.' },
      new Date(),
    );
    const revision = (await loadProfileRevision(db, cooperativeId))?.revision;
    const [before] = await db.select().from(cooperatives).where(eq(cooperatives.id, cooperativeId));

    await db.run(
      sql.raw(
        `CREATE TRIGGER fail_cooperative_update BEFORE UPDATE ON cooperatives BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`,
      ),
    );
    try {
      await expect(approveRevision(db, officer, revision?.id ?? '', 1, new Date())).rejects.toThrow();
    } finally {
      await db.run(sql.raw('DROP TRIGGER fail_cooperative_update'));
    }
    const [after] = await db.select().from(cooperatives).where(eq(cooperatives.id, cooperativeId));
    expect(after).toEqual(before);
    expect((await loadProfileRevision(db, cooperativeId))?.revision).toMatchObject({
      id: revision?.id,
      status: 'pending',
      version: 1,
    });
    const approvals = await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, cooperativeId), eq(auditLog.action, 'cooperative.change_approved')));
    expect(approvals).toEqual([]);

    await approveRevision(db, officer, revision?.id ?? '', 1, new Date());
    const [applied] = await db
      .select({ email: cooperatives.email, verified: cooperatives.verified, searchBody: cooperatives.searchBody })
      .from(cooperatives)
      .where(eq(cooperatives.id, cooperativeId));
    expect(applied).toMatchObject({ email: 'lienhe@htx-thu.example', verified: true });
    expect(applied?.searchBody).toContain('gioi thieu moi');
  });
});
