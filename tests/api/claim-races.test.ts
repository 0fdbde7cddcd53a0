/**
 * Issue #17: every write to a claim is made at the revision its author saw
 * (src/server/claims/claim-version.ts). An edit and a verification of the
 * same version, or a verification and a revocation, never both land: the
 * first wins, the other is a ConflictError and writes nothing, whichever
 * comes first. And the evidence file of a version no claim points at any
 * longer leaves the bucket once the verification replacing it is written.
 * On libSQL and on D1 as workerd runs it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/server/accounts/users';
import { decideClaim } from '../../src/server/claims/claim-decisions';
import { listClaimQueue } from '../../src/server/claims/claim-queue';
import { certificatesOfProduct } from '../../src/server/products/certificates';
import type { Database } from '../../src/server/db/client';
import { auditLog, certifications, products } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { ConflictError } from '../../src/server/errors';
import { recordCertificate, updateCertificate } from '../../src/server/provenance/batches';
import { createTestCooperative, createTestOfficer } from '../support/accounts';
import { pdf } from '../support/evidence';
import { memoryBucket } from '../support/memory-bucket';
import { bothStores } from '../support/stores';

const NOW = new Date('2026-11-20T03:00:00Z');
const REASON = 'Giấy chứng nhận đã bị tổ chức cấp thu hồi.';
let seq = 0;

const certificate = (number = `HC-RACE-${++seq}`) => ({
  kind: 'organic',
  number,
  issuer: 'Tổ chức chứng nhận thử',
  validFrom: '2026-01-01',
  validUntil: '2028-12-31',
});

describe.each(bothStores('claim-races'))('claim races on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let officer: SessionUser;
  let other: SessionUser;
  const owner = { cooperativeId: '', productId: 'p-claim-races' };

  const rowOf = async (id: string) => (await db.select().from(certifications).where(eq(certifications.id, id)))[0];
  const entries = async (id: string) => db.select().from(auditLog).where(eq(auditLog.entityId, id));
  const declare = async () => (await recordCertificate(db, owner, certificate(), NOW)).id;
  const edit = (id: string, seen: number, number: string, upload = null as Parameters<typeof updateCertificate>[5]) =>
    updateCertificate(db, owner, id, { ...certificate(number), version: seen }, NOW, upload);
  const decide = (who: SessionUser, id: string, decision: 'verify' | 'revoke', seen: number, bucket?: R2Bucket) =>
    decideClaim(db, who, { kind: 'certificate', id }, decision, { reason: REASON, version: seen }, NOW, null, bucket);

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    owner.cooperativeId = await createTestCooperative(db);
    officer = await createTestOfficer(db);
    other = await createTestOfficer(db);
    await db.insert(products).values({
      id: owner.productId,
      slug: 'san-pham-thu-tranh-chap',
      cooperativeId: owner.cooperativeId,
      nameVi: 'Sản phẩm thử tranh chấp',
      ocopGroup: 'thuc_pham',
      provinceCode: '01',
      traceCode: 'TCRACES',
      unitVi: 'kg',
      unitEn: 'kg',
      status: 'published',
      publishedAt: NOW,
    });
  }, 120_000);
  afterAll(async () => dispose?.());

  it('refuses the edit of a version an officer verified meanwhile, and the verification of a version edited meanwhile', async () => {
    // Verified first: the member's edit of the version both saw is refused, the claim stays verified.
    const first = await declare();
    const seen = (await rowOf(first))?.revision ?? -1;
    await decide(officer, first, 'verify', seen);
    const verified = await rowOf(first);
    await expect(edit(first, seen, 'HC-RACE-LATE')).rejects.toBeInstanceOf(ConflictError);
    expect(await rowOf(first)).toEqual(verified);

    // Edited first: the officer's verification of the version before the edit is refused, the edit waits.
    const second = await declare();
    const before = (await rowOf(second))?.revision ?? -1;
    await edit(second, before, 'HC-RACE-EDITED');
    await expect(decide(officer, second, 'verify', before)).rejects.toBeInstanceOf(ConflictError);
    expect(await rowOf(second)).toMatchObject({
      number: 'HC-RACE-EDITED',
      verification: 'pending',
      lastVerified: null,
    });
    expect(await entries(second)).toEqual([]);

    // At once: exactly one lands.
    for (let round = 0; round < 3; round++) {
      const id = await declare();
      const at = (await rowOf(id))?.revision ?? -1;
      const [edited, decided] = await Promise.allSettled([
        edit(id, at, `HC-RACE-AT-ONCE-${round}`),
        decide(officer, id, 'verify', at),
      ]);
      expect([edited.status, decided.status].sort()).toEqual(['fulfilled', 'rejected']);
      const lost = edited.status === 'rejected' ? edited : decided;
      expect(lost.status === 'rejected' && lost.reason).toBeInstanceOf(ConflictError);
      expect((await rowOf(id))?.verification).toBe(edited.status === 'fulfilled' ? 'pending' : 'verified');
    }
  });

  it('lets one of a verification and a revocation of the same version win, either way round', async () => {
    // A verified certificate edited by its cooperative: one officer verifies the edit, another revokes
    // the certificate as they saw it verified (its revision before the edit).
    const setUp = async () => {
      const id = await declare();
      await decide(officer, id, 'verify', 0);
      const verifiedAt = (await rowOf(id))?.revision ?? -1;
      await edit(id, verifiedAt, `HC-RACE-RENEWED-${++seq}`);
      return { id, verifiedAt, editedAt: verifiedAt + 1 };
    };

    const a = await setUp();
    await decide(officer, a.id, 'verify', a.editedAt);
    // Without the revision the revocation would now revoke a version its officer never saw.
    await expect(decide(other, a.id, 'revoke', a.editedAt)).rejects.toBeInstanceOf(ConflictError);
    expect((await rowOf(a.id))?.verification).toBe('verified');

    const verifiedAgain = await setUp();
    await decide(officer, verifiedAgain.id, 'verify', verifiedAgain.editedAt);
    // The revocation comes first, of the verified version: the verification of that same revision loses.
    const seen = (await rowOf(verifiedAgain.id))?.revision ?? -1;
    await decide(other, verifiedAgain.id, 'revoke', seen);
    await expect(decide(officer, verifiedAgain.id, 'verify', seen)).rejects.toBeInstanceOf(ConflictError);
    expect((await rowOf(verifiedAgain.id))?.verification).toBe('revoked');

    // At once, on the same revision (the edit's: a revocation of the verified version may come while an
    // edit waits): one decision, one audit entry, whichever lands first.
    const b = await setUp();
    const [verified, revoked] = await Promise.allSettled([
      decide(officer, b.id, 'verify', b.editedAt),
      decide(other, b.id, 'revoke', b.editedAt),
    ]);
    expect([verified.status, revoked.status].sort()).toEqual(['fulfilled', 'rejected']);
    const lost = verified.status === 'rejected' ? verified : revoked;
    expect(lost.status === 'rejected' && lost.reason).toBeInstanceOf(ConflictError);
    const actions = (await entries(b.id)).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'certificate.revoked')).toHaveLength(
      revoked.status === 'fulfilled' ? 1 : 0,
    );
  });

  it('revokes the verified version while an edit waits: the edit stays queued, and its verification republishes', async () => {
    const id = await declare();
    await decide(officer, id, 'verify', 0);
    const verifiedAt = (await rowOf(id))?.revision ?? -1;
    await edit(id, verifiedAt, 'HC-RACE-EDIT-WAITING');
    const editedAt = verifiedAt + 1;
    const publicOf = () =>
      certificatesOfProduct(db, { id: owner.productId, cooperativeId: owner.cooperativeId }, '2026-11-20');

    // The revocation of the version public pages show: the edit keeps its place in the queue.
    expect((await decide(other, id, 'revoke', editedAt)).verification).toBe('pending');
    expect(await rowOf(id)).toMatchObject({
      verification: 'pending',
      revokedReason: REASON,
      number: 'HC-RACE-EDIT-WAITING',
    });
    // The queue tells the officer deciding the edit that its verified version was revoked, when and why.
    const queued = (await listClaimQueue(db, officer, NOW)).find((claim) => claim.id === id);
    expect(queued?.revokedVersion).toEqual({ on: '2026-11-20', reason: REASON });
    const revoked = await publicOf();
    expect(revoked.certificates.map((c) => c.id)).not.toContain(id);
    expect(revoked.revokedCertificates.find((c) => c.id === id)).toMatchObject({
      reason: REASON,
      revokedOn: '2026-11-20',
    });
    // Not twice.
    await expect(decide(other, id, 'revoke', editedAt + 1)).rejects.toBeInstanceOf(ConflictError);

    // The officer who loaded the edit before the revocation is refused; verifying it knowingly republishes it.
    await expect(decide(officer, id, 'verify', editedAt)).rejects.toBeInstanceOf(ConflictError);
    await decide(officer, id, 'verify', editedAt + 1);
    expect(await rowOf(id)).toMatchObject({ verification: 'verified', revokedAt: null, revokedReason: null });
    // Edited again: queued with nothing revoked to tell.
    await edit(id, editedAt + 2, 'HC-RACE-EDIT-AFTER');
    expect((await listClaimQueue(db, officer, NOW)).find((claim) => claim.id === id)?.revokedVersion).toBeNull();
    await decide(officer, id, 'verify', editedAt + 3);
    const republished = await publicOf();
    expect(republished.certificates.find((c) => c.id === id)?.number).toBe('HC-RACE-EDIT-AFTER');
    expect(republished.revokedCertificates.map((c) => c.id)).not.toContain(id);

    // A revocation and a verification of the same waiting edit at once: one lands, one audit entry.
    const racing = await declare();
    await decide(officer, racing, 'verify', 0);
    await edit(racing, 1, 'HC-RACE-EDIT-RACING');
    const [revokedNow, verifiedNow] = await Promise.allSettled([
      decide(other, racing, 'revoke', 2),
      decide(officer, racing, 'verify', 2),
    ]);
    expect([revokedNow.status, verifiedNow.status].sort()).toEqual(['fulfilled', 'rejected']);
    const row = await rowOf(racing);
    expect(row?.revokedAt === null).toBe(verifiedNow.status === 'fulfilled');
    expect((await entries(racing)).filter((entry) => /revoked|verified/.test(entry.action))).toHaveLength(2);
  });

  it('deletes the file of the version a verification replaces, and leaves nothing for a refused edit', async () => {
    const media = memoryBucket();
    const upload = (marker: string) => ({
      bucket: media.bucket,
      file: new File([pdf(`% ${marker}`) as BlobPart], `${marker}.pdf`, { type: 'application/pdf' }),
    });
    const { id } = await recordCertificate(db, owner, certificate(), NOW, upload('first'));
    const firstFile = (await rowOf(id))?.evidenceKey ?? '';
    await decide(officer, id, 'verify', 0, media.bucket);
    expect([...media.objects.keys()]).toEqual([firstFile]);

    // A new file waits for an officer: the verified one stays, the public still downloads it.
    await edit(id, 1, 'HC-RACE-NEW-FILE', upload('second'));
    const secondFile = (await rowOf(id))?.evidenceKey ?? '';
    expect(new Set(media.objects.keys())).toEqual(new Set([firstFile, secondFile]));

    // An edit of a stale version is refused: its file does not stay in the bucket.
    await expect(edit(id, 1, 'HC-RACE-STALE', upload('stale'))).rejects.toBeInstanceOf(ConflictError);
    expect(new Set(media.objects.keys())).toEqual(new Set([firstFile, secondFile]));

    // Verified: the first file belongs to no version any longer.
    await decide(officer, id, 'verify', 2, media.bucket);
    expect([...media.objects.keys()]).toEqual([secondFile]);
    expect((await rowOf(id))?.lastVerified?.evidenceKey).toBe(secondFile);
  });
});
