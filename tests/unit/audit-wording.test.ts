/**
 * The audit log in people's words (src/server/audit/audit-wording.ts):
 * every action code the portal writes has a sentence in both languages,
 * found by reading the code that writes the log, so a new code without its
 * words fails here; and an entry reads as a sentence with no code, id or
 * JSON key in it, whatever it holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRow, AuditSubject } from '../../src/server/audit/audit-search';
import { auditSentenceText, describeAuditEntry, hasAuditWording } from '../../src/server/audit/audit-wording';
import { DECISION_RULES } from '../../src/server/claims/claim-decisions';
import { CLAIM_KINDS } from '../../src/server/claims/vocabulary';
import { REVISION_ENTITY_TYPES } from '../../src/server/moderation/vocabulary';

const root = join(import.meta.dirname, '../..');

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Files that write the audit log: they insert into it, or move a registration (which writes its entry). */
const writers = [...sources('src/server'), ...sources('functions')].filter((file) => {
  const text = readFileSync(join(root, file), 'utf8');
  return /\bauditInsert(If|Select)?\(|insert\(auditLog\)|moveRegistration\(/.test(text) && !file.includes('/db/seed');
});

/** The kinds of record the log names (audit_log.entity_type): a literal `<kind>.<verb>` in a writer is an action code. */
const KINDS = [
  'cooperative',
  'product',
  'event',
  'event_registration',
  'province_target',
  'ocop_rating',
  'certificate',
  'inquiry',
  'privacy_request',
  'invitation',
  'user',
];

/**
 * The codes written through templates, each with what it expands to, from
 * the same vocabularies the writers use. A template not listed here fails
 * the test: list it with its expansions (or as no action code at all).
 */
const TEMPLATES: Record<string, string[]> = {
  '`${proposal.entityType}.change_proposed`': REVISION_ENTITY_TYPES.map((type) => `${type}.change_proposed`),
  '`${revision.entityType}.change_${verb}`': REVISION_ENTITY_TYPES.flatMap((type) =>
    ['discarded', 'withdrawn'].map((verb) => `${type}.change_${verb}`),
  ),
  '`${revision.entityType}.change_rejected`': REVISION_ENTITY_TYPES.map((type) => `${type}.change_rejected`),
  '`${claim.kind}.${rule.to}`': CLAIM_KINDS.flatMap((kind) =>
    Object.values(DECISION_RULES).map((rule) => `${kind}.${rule.to}`),
  ),
  '`event_registration.${verb}`': ['confirm', 'waitlist', 'decline'].map((verb) => `event_registration.${verb}`),
  // Not action codes: a keyset cursor, a validation path.
  '`${last.at.getTime()}.${last.id}`': [],
  '`${prefix}.${field}`': [],
};

function codesInUse(): { codes: Set<string>; unknownTemplates: string[] } {
  const codes = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const file of writers) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const [, code] of text.matchAll(/['"`]([a-z_]+\.[a-z_]+)['"`]/g)) {
      if (KINDS.includes(code!.split('.')[0]!)) codes.add(code!);
    }
    for (const [template] of text.matchAll(/`(?:[a-z_]|\$\{[^}`]+\})+\.(?:[a-z_]|\$\{[^}`]+\})+`/g)) {
      if (!template.includes('${')) continue;
      const expansions = TEMPLATES[template];
      if (expansions === undefined) unknownTemplates.push(`${file}: ${template}`);
      else expansions.forEach((code) => codes.add(code));
    }
  }
  return { codes, unknownTemplates };
}

describe('action codes', () => {
  const { codes, unknownTemplates } = codesInUse();

  it('finds the writers and their codes (a broken pattern would pass everything)', () => {
    expect(writers).toContain('src/server/claims/claim-decisions.ts');
    expect(writers).toContain('src/server/events/registrations/officer-decisions.ts');
    expect(codes).toContain('certificate.verified');
    expect(codes).toContain('event_registration.withdraw');
    expect(codes).toContain('product.change_withdrawn');
    expect(codes.size).toBeGreaterThan(40);
  });

  it('has every templated code listed with what it expands to', () => {
    expect(unknownTemplates).toEqual([]);
  });

  it('has a sentence in Vietnamese and English for every code the portal writes', () => {
    expect([...codes].filter((code) => !hasAuditWording(code)).sort()).toEqual([]);
  });

  it('knows no code it has no sentence for (an unknown one fails)', () => {
    expect(hasAuditWording('certificate.verified')).toBe(true);
    expect(hasAuditWording('certificate.teleported')).toBe(false);
    expect(hasAuditWording('toString')).toBe(false);
  });
});

const NO_SUBJECT: AuditSubject = {
  product: null,
  cooperative: null,
  event: null,
  recordTitleEn: null,
  stars: null,
  certificateKind: null,
  labReport: null,
  target: null,
  inquiryReference: null,
  accountName: null,
};

const entry = (overrides: Partial<AuditRow>): AuditRow => ({
  id: 'a1',
  at: new Date('2026-12-03T07:02:00Z'),
  action: 'product.approved',
  entityType: 'product',
  entityId: 'p1',
  detail: null,
  actor: { displayName: 'Nguyễn Văn A', email: 'canbo@example.test', role: 'officer' },
  record: null,
  subject: NO_SUBJECT,
  ...overrides,
});

describe('an entry as a sentence', () => {
  it("names the officer, what was done and the certificate's product, linked", () => {
    const row = entry({
      action: 'certificate.verified',
      entityType: 'certificate',
      entityId: 'c1',
      detail: { decision: 'verify', from: ['pending'] },
      subject: {
        ...NO_SUBJECT,
        product: { name: 'Mật ong bạc hà', slug: 'mat-ong-bac-ha' },
        certificateKind: 'vietgap',
      },
    });
    const vi = describeAuditEntry(row, 'vi');
    expect(auditSentenceText(vi)).toBe(
      'Cán bộ Nguyễn Văn A đã xác minh chứng nhận VietGAP của sản phẩm Mật ong bạc hà',
    );
    expect(vi.href).toBe('/san-pham/mat-ong-bac-ha');
    expect(vi.details).toEqual([]);
    const en = describeAuditEntry(row, 'en');
    expect(auditSentenceText(en)).toBe(
      'Officer Nguyễn Văn A verified the certificate VietGAP of product Mật ong bạc hà',
    );
    expect(en.href).toBe('/en/products/mat-ong-bac-ha');
  });

  it('says a rating is a rating, and does not say the role twice when the name already does', () => {
    const row = entry({
      action: 'ocop_rating.verified',
      entityType: 'ocop_rating',
      entityId: 'r1',
      actor: { displayName: 'Cán bộ Sở Công Thương Hà Nội', email: 'canbo@example.test', role: 'officer' },
      subject: { ...NO_SUBJECT, product: { name: 'Mật ong bạc hà', slug: 'mat-ong-bac-ha' }, stars: 4 },
    });
    expect(auditSentenceText(describeAuditEntry(row, 'vi'))).toBe(
      'Cán bộ Sở Công Thương Hà Nội đã xác minh xếp hạng OCOP 4 sao của sản phẩm Mật ong bạc hà',
    );
    expect(auditSentenceText(describeAuditEntry(row, 'en'))).toBe(
      'Officer Cán bộ Sở Công Thương Hà Nội verified the rating OCOP 4 stars of product Mật ong bạc hà',
    );
  });

  it('names a lab report by its number, lot and product, linked to the product', () => {
    const row = entry({
      action: 'lab_report.verified',
      entityType: 'lab_report',
      entityId: 'l1',
      subject: {
        ...NO_SUBJECT,
        product: { name: 'Mật ong bạc hà', slug: 'mat-ong-bac-ha' },
        labReport: { number: 'KN-2026-0815', lotCode: 'L2611' },
      },
    });
    const vi = describeAuditEntry(row, 'vi');
    expect(auditSentenceText(vi)).toBe(
      'Cán bộ Nguyễn Văn A đã xác minh phiếu kiểm nghiệm số KN-2026-0815 (lô L2611) của sản phẩm Mật ong bạc hà',
    );
    expect(vi.href).toBe('/san-pham/mat-ong-bac-ha');
    expect(auditSentenceText(describeAuditEntry({ ...row, subject: NO_SUBJECT }, 'en'))).toBe(
      'Officer Nguyễn Văn A verified the lab report (a deleted lab report)',
    );
  });

  it('gives changed fields by their form labels and reasons as written', () => {
    const changes = describeAuditEntry(
      entry({
        action: 'product.change_approved',
        record: { name: 'Mật ong bạc hà', slug: 'mat-ong-bac-ha' },
        detail: { revision: 'r1', version: 3, changes: { nameVi: ['A', 'B'], priceVnd: [1, 2], mystery: [0, 1] } },
      }),
      'vi',
    );
    expect(changes.details).toHaveLength(1);
    expect(changes.details[0]!.label).toBe('Các mục đã đổi');
    expect(changes.details[0]!.value).not.toMatch(/nameVi|priceVnd|mystery/);
    expect(changes.details[0]!.value).toContain('1 mục khác');

    const rejected = describeAuditEntry(
      entry({ action: 'product.rejected', detail: { reason: 'Ảnh chưa rõ nhãn.' } }),
      'en',
    );
    expect(rejected.details).toEqual([{ label: 'Reason', value: 'Ảnh chưa rõ nhãn.' }]);
    expect(rejected.record).toBe('(a deleted product)');
    expect(rejected.href).toBeNull();
  });

  it('reads an unknown code, a gone record and the system as words, never as codes or ids', () => {
    const rows = [
      entry({ action: 'product.teleported', entityId: 'p-0123456789' }),
      entry({
        action: 'inquiry.anonymise',
        entityType: 'inquiry',
        entityId: 'i-1',
        actor: null,
        detail: { reason: 'retention', months: 24 },
      }),
      entry({ action: 'weird.thing', entityType: 'weird', entityId: 'w-1', detail: { secretKey: 'x' } }),
      entry({ action: 'event_registration.confirm', entityType: 'event_registration', entityId: 'r-1' }),
    ];
    for (const locale of ['vi', 'en'] as const) {
      for (const row of rows) {
        const sentence = describeAuditEntry(row, locale);
        const text = [
          auditSentenceText(sentence),
          ...sentence.details.flatMap((line) => [line.label, line.value]),
        ].join(' ');
        expect(text).not.toMatch(/[a-z_]+\.[a-z_]+|p-0123|i-1|w-1|r-1|secretKey|\{/);
        expect(sentence.details.map((line) => line.value)).not.toContain('retention');
      }
    }
    const system = describeAuditEntry(rows[1]!, 'vi');
    expect(auditSentenceText(system)).toMatch(/^Hệ thống đã ẩn danh/);
    expect(system.details).toEqual([{ label: 'Thời hạn lưu giữ', value: '24 tháng' }]);
  });
});
