/**
 * The product verbs of the dashboard and the officers' moderation on a real
 * migrated SQLite: create (search text written, GTIN checked), edit only
 * while editable, duplicate, submit, approve with a diff and an audit row,
 * reject with a reason, unpublish; who may do each, and what a crafted input
 * cannot do.
 */
import { addOcopRating } from '../../src/server/products/ocop-ratings';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import { auditLog, cooperatives, products } from '../../src/server/db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/server/errors';
import { approveProduct, listModerationQueue, loadReview, rejectProduct } from '../../src/server/moderation/moderation';
import {
  createProduct,
  duplicateProduct,
  submissionIssues,
  submitProduct,
  unpublishProduct,
  updateProduct,
} from '../../src/server/products/product-writes';
import { storedPhoto } from '../support/images';
import { searchProducts } from '../support/search';
import { DEMO_NOW, demoDatabase } from '../support/demo';

let db: Database;
let member: SessionUser;
let outsider: SessionUser;
let officer: SessionUser;

const user = (role: SessionUser['role'], cooperativeId: string | null): SessionUser => ({
  id: `test-${role}-${cooperativeId ?? 'none'}`,
  email: `${role}-${cooperativeId ?? 'none'}@example.test`,
  displayName: `Test ${role}`,
  role,
  cooperativeId,
  isManager: false,
});

beforeAll(async () => {
  db = await demoDatabase();
  const [first, second] = await db.select({ id: cooperatives.id }).from(cooperatives).limit(2);
  if (!first || !second) throw new Error('demo has fewer than two cooperatives');
  member = user('member', first.id);
  outsider = user('member', second.id);
  officer = user('officer', null);
  // Audit rows name their actor: the test users must exist.
  for (const u of [member, outsider, officer]) {
    await db.run(
      sql`INSERT INTO users (id, email, display_name, password_hash, role, cooperative_id) VALUES (${u.id}, ${u.email}, ${u.displayName}, 'x', ${u.role}, ${u.cooperativeId})`,
    );
  }
});

let n = 0;
const input = (extra: Record<string, unknown> = {}) => ({
  nameVi: `Mật ong hoa nhãn thử nghiệm ${++n}`,
  nameEn: 'Test longan honey',
  descriptionVi: 'Mật ong nguyên chất từ vườn nhãn.',
  descriptionEn: '',
  ocopGroup: 'thuc_pham',
  provinceCode: '33',
  commune: 'phường Hồng Châu',
  originFormerly: null,
  gtin: null,
  priceVnd: 180000,
  unitVi: 'chai 500 ml',
  unitEn: '500 ml bottle',
  minOrder: 10,
  seasonVi: null,
  seasonEn: null,
  ...extra,
});

async function productRow(id: string) {
  const [row] = await db.select().from(products).where(eq(products.id, id));
  if (!row) throw new Error('no product');
  return row;
}

async function refusal(run: () => Promise<unknown>) {
  return run().then(
    () => null,
    (error: unknown) => error,
  );
}

describe('products of a cooperative', () => {
  it('creates a draft of the member’s own cooperative, with search text and a trace code', async () => {
    const created = await createProduct(db, member, input({ nameVi: 'Trà shan tuyết cổ thụ thử nghiệm' }));
    const row = await productRow(created.id);
    expect(row).toMatchObject({
      status: 'draft',
      cooperativeId: member.cooperativeId,
      slug: 'tra-shan-tuyet-co-thu-thu-nghiem',
    });
    expect(row.searchName).toContain('tra shan tuyet');
    expect(row.searchBody).toContain('hung yen');
    expect(row.traceCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    // Drafts are not public: the catalogue search does not find them.
    expect(await searchProducts(db, 'shan tuyet co thu thu nghiem')).not.toContain(created.slug);
  });

  it('refuses crafted fields (status, cooperativeId) and a GTIN with a wrong check digit or of another product', async () => {
    const crafted = await refusal(() =>
      createProduct(db, member, { ...input(), status: 'published', cooperativeId: outsider.cooperativeId }),
    );
    expect(crafted).toBeInstanceOf(ValidationError);
    expect(Object.keys((crafted as ValidationError).fields).sort()).toEqual(['cooperativeId', 'status']);
    const badGtin = await refusal(() => createProduct(db, member, input({ gtin: '8934567890124' })));
    expect((badGtin as ValidationError).fields.gtin?.code).toBe('gtin_check_digit');
    const [taken] = await db
      .select({ gtin: products.gtin })
      .from(products)
      .where(sql`${products.gtin} IS NOT NULL`)
      .limit(1);
    const clash = await refusal(() => createProduct(db, member, input({ gtin: taken?.gtin })));
    expect((clash as ValidationError).fields.gtin?.code).toBe('gtin_taken');
  });

  it('refuses officers, and answers members of other cooperatives as for no product', async () => {
    expect(await refusal(() => createProduct(db, officer, input()))).toBeInstanceOf(ForbiddenError);
    const { slug } = await createProduct(db, member, input());
    expect(await refusal(() => updateProduct(db, outsider, slug, input()))).toBeInstanceOf(NotFoundError);
    expect(await refusal(() => submitProduct(db, outsider, slug))).toBeInstanceOf(NotFoundError);
    expect(await refusal(() => duplicateProduct(db, outsider, slug, '(copy)'))).toBeInstanceOf(NotFoundError);
  });

  it('duplicates as a new draft without the GTIN', async () => {
    const original = await createProduct(db, member, input({ gtin: '96385074' }));
    const copy = await duplicateProduct(db, member, original.slug, '(bản sao)');
    const row = await productRow(copy.id);
    expect(row.nameVi).toMatch(/\(bản sao\)$/);
    expect(row).toMatchObject({ status: 'draft', gtin: null, priceVnd: 180000 });
    expect(copy.slug).not.toBe(original.slug);
  });
});

describe('review: submit, approve, reject, unpublish', () => {
  it('refuses to send a product without a photo, naming the photo field', async () => {
    const { id, slug } = await createProduct(db, member, input());
    const refused = await refusal(() => submitProduct(db, member, slug));
    expect((refused as ValidationError).fields).toEqual({ images: { code: 'photo_required' } });
    expect((await productRow(id)).status).toBe('draft');
    expect(submissionIssues({ images: [storedPhoto()] })).toEqual({});
  });

  it('goes through the whole flow with a diff against the approved version and an audit row per decision', async () => {
    const { id, slug } = await createProduct(db, member, input(), [storedPhoto()]);
    await addOcopRating(
      db,
      member,
      slug,
      { stars: 4, level: 'province', decisionNumber: '123/QĐ-UBND', decisionDate: '2025-03-01' },
      DEMO_NOW,
    );
    await submitProduct(db, member, slug);
    expect(await refusal(() => updateProduct(db, member, slug, input()))).toBeInstanceOf(ConflictError);
    expect(await refusal(() => submitProduct(db, member, slug))).toBeInstanceOf(ConflictError);
    expect((await listModerationQueue(db, officer)).map((entry) => entry.id)).toContain(id);
    expect(await refusal(() => listModerationQueue(db, member))).toBeInstanceOf(ForbiddenError);

    let review = await loadReview(db, officer, id);
    expect(review.approvedAt).toBeNull();
    await expect(approveProduct(db, member, id, review.submittedAt.getTime(), DEMO_NOW)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(approveProduct(db, officer, id, review.submittedAt.getTime() - 1, DEMO_NOW)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await approveProduct(db, officer, id, review.submittedAt.getTime(), DEMO_NOW);
    // Published, but its OCOP rating still waits for an officer's verification: no stars yet.
    expect(await productRow(id)).toMatchObject({ status: 'published', ocopStars: null });
    // Published: the catalogue search finds it by the search text written with it.
    expect(await searchProducts(db, (await productRow(id)).nameVi)).toContain(slug);

    // A change to the published product: unpublish, edit, submit; the review shows what changed.
    await unpublishProduct(db, member, slug);
    await updateProduct(db, member, slug, input({ nameVi: (await productRow(id)).nameVi, priceVnd: 200000 }));
    await submitProduct(db, member, slug);
    review = await loadReview(db, officer, id);
    expect(review.approvedAt).not.toBeNull();
    expect(
      review.changes.filter((change) => change.changed).map((change) => [change.field, change.before, change.after]),
    ).toEqual([['priceVnd', 180000, 200000]]);

    await expect(rejectProduct(db, officer, id, 'no')).rejects.toBeInstanceOf(ValidationError);
    await rejectProduct(db, officer, id, 'Giá mới cần có chứng từ.');
    expect(await productRow(id)).toMatchObject({ status: 'rejected', rejectionReason: 'Giá mới cần có chứng từ.' });

    const actions = await db
      .select({ action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'product'), eq(auditLog.entityId, id)))
      .orderBy(auditLog.createdAt);
    expect(actions.map((a) => a.action)).toEqual([
      'product.created',
      'product.ocop_rating_added',
      'product.submitted',
      'product.approved',
      'product.unpublished',
      'product.submitted',
      'product.rejected',
    ]);
    expect(actions.find((a) => a.action === 'product.approved')?.actor).toBe(officer.id);
  });

  it('refuses an OCOP rating whose level does not match its stars, or dated in the future', async () => {
    const { slug } = await createProduct(db, member, input());
    const wrong = await refusal(() =>
      addOcopRating(
        db,
        member,
        slug,
        { stars: 5, level: 'province', decisionNumber: '1', decisionDate: '2025-01-01' },
        DEMO_NOW,
      ),
    );
    expect((wrong as ValidationError).fields.level?.code).toBe('ocop_level_mismatch');
    const future = await refusal(() =>
      addOcopRating(
        db,
        member,
        slug,
        { stars: 3, level: 'province', decisionNumber: '1', decisionDate: '2027-01-01' },
        DEMO_NOW,
      ),
    );
    expect((future as ValidationError).fields.decisionDate?.code).toBe('date_in_future');
  });
});
