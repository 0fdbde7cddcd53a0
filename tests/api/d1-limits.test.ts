/**
 * Realistic input against the limits of the platform, on the bindings as
 * workerd runs them (wrangler's platform proxy): D1 refuses LIKE patterns
 * over 50 bytes, and photos go to the local R2 bucket through the Images
 * binding before the write that may fail.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import { mediaImages } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { createEvent } from '../../src/server/events/event-admin/create-event';
import { discardAddedImages, type MediaStore, storeImageFiles } from '../../src/server/media/uploads';
import { createProduct, duplicateProduct } from '../../src/server/products/product-writes';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { file, png } from '../support/images';
import { freshLocalD1, type TestLocalD1 } from '../support/local-d1';

describe('on D1 and R2 as workerd runs them', () => {
  let local: TestLocalD1;
  let cooperativeId: string;
  let member: SessionUser;

  beforeAll(async () => {
    local = await freshLocalD1('limits');
    await seedReferenceData(local.db);
    cooperativeId = await createTestCooperative(local.db);
    const row = await createTestUser(local.db, { role: 'member', cooperativeId });
    member = {
      id: row.id,
      email: row.email,
      displayName: 'Thành viên',
      role: 'member',
      cooperativeId,
      isManager: false,
    };
  });

  afterAll(async () => {
    await local?.remove();
  });

  it('gives long Vietnamese names short, readable, unique slugs (D1 refuses LIKE patterns over 50 bytes)', async () => {
    const product = {
      nameVi: 'Nước mắm truyền thống Cát Hải loại đặc biệt thượng hạng bốn mươi độ đạm',
      nameEn: 'Cat Hai traditional fish sauce, special grade',
      descriptionVi: 'Nước mắm cốt ủ chượp 18 tháng.',
      descriptionEn: '',
      ocopGroup: 'thuc_pham',
      provinceCode: '01',
      commune: 'xã Bát Tràng',
      originFormerly: null,
      gtin: null,
      priceVnd: 250000,
      unitVi: 'chai 500 ml',
      unitEn: '500 ml bottle',
      minOrder: 10,
      seasonVi: null,
      seasonEn: null,
    };
    const first = await createProduct(local.db, member, product);
    const second = await createProduct(local.db, member, product);
    const copy = await duplicateProduct(local.db, member, first.slug, '(bản sao)');
    expect(first.slug).toBe('nuoc-mam-truyen-thong-cat-hai-loai-dac-biet');
    expect([second.slug, copy.slug]).toEqual([`${first.slug}-2`, `${first.slug}-3`]);

    const officerRow = await createTestUser(local.db, { role: 'officer' });
    const officer: SessionUser = {
      id: officerRow.id,
      email: officerRow.email,
      displayName: 'Cán bộ',
      role: 'officer',
      cooperativeId: null,
      isManager: false,
    };
    const event = await createEvent(
      local.db,
      officer,
      {
        kind: 'fair',
        titleVi: 'Hội chợ xúc tiến thương mại sản phẩm OCOP và đặc sản vùng miền khu vực đồng bằng sông Cửu Long',
        titleEn: 'Mekong Delta OCOP trade fair',
        descriptionVi: 'Gian hàng sản phẩm OCOP.',
        allDay: true,
        startDate: '2027-03-10',
        endDate: '2027-03-12',
        venue: 'Trung tâm Hội chợ Triển lãm Cần Thơ',
        address: '2 Hòa Bình, Cần Thơ',
        provinceCode: '92',
        organiser: 'Sở Công Thương Cần Thơ',
      },
      { now: new Date('2026-11-24T03:00:00Z') },
    );
    expect(event.slug).toBe('hoi-cho-xuc-tien-thuong-mai-san-pham-ocop-va-dac');
  });

  it('deletes the photos a failed request added, and only those', async () => {
    const owner = { cooperativeId, userId: member.id };
    const request = (): MediaStore => ({ bucket: local.media, images: local.images, added: [] });
    const keys = async () => (await local.media.list()).objects.map((object) => object.key).sort();
    const rows = async () =>
      (
        await local.db
          .select({ id: mediaImages.id })
          .from(mediaImages)
          .where(eq(mediaImages.cooperativeId, cooperativeId))
      ).map((row) => row.id);

    // An earlier request stored a photo that a product may show.
    const earlier = await storeImageFiles(local.db, request(), owner, [
      file(await png(301, 201), 'kept.png', 'image/png'),
    ]);
    const keptId = earlier.stored[0]?.id;
    const keptKeys = await keys();
    expect(keptKeys).toHaveLength(3);

    // This request uploads the same file again (a new random id, so a photo of its own) and a new one,
    // then its save fails: both are deleted, the earlier request's photo is not.
    const failing = request();
    const upload = await storeImageFiles(local.db, failing, owner, [
      file(await png(301, 201), 'again.png', 'image/png'),
      file(await png(302, 202), 'new.png', 'image/png'),
    ]);
    expect(upload.stored).toHaveLength(2);
    expect(await keys()).toHaveLength(9);
    await discardAddedImages(local.db, failing);

    expect(await keys()).toEqual(keptKeys);
    expect(await rows()).toEqual([keptId]);
  });
});
