/**
 * How the demo's claims (OCOP ratings, certificates) stand with the trade
 * department: nearly all verified by the demo officer some days after they
 * were declared, a few revoked, and a handful still waiting, sent back or
 * rejected, so the officers' queue and the cooperative's dashboard have
 * something to show.
 */
import type { ClaimState } from '../../claims/vocabulary';
import { CERTIFICATION_BODIES } from './content/cooperatives';
import { addDays, addDaysIso, isoDate, vnInstant } from './time';
import type { BatchRow, CertificationRow, LabReportRow, OcopRatingRow, ProductRow } from './types';

/** The demo trade officer (./accounts.ts), who verified the demo's claims. */
export const DEMO_VERIFIER_ID = 'demo-user-officer';

type Review = Required<
  Pick<
    OcopRatingRow,
    | 'verification'
    | 'submittedAt'
    | 'verifiedBy'
    | 'verifiedAt'
    | 'decidedBy'
    | 'decidedAt'
    | 'decisionReason'
    | 'revokedAt'
    | 'revokedReason'
  >
>;

/** Declared the day after `date`, verified `days` later at 09:00 in Viet Nam, never after `now`. */
export function verifiedReview(date: string, now: Date, days = 12): Review {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const submittedAt = earlier(vnInstant(year, month, day + 1, 9), now);
  const verifiedAt = earlier(addDays(submittedAt, days), now);
  return {
    verification: 'verified',
    submittedAt,
    verifiedBy: DEMO_VERIFIER_ID,
    verifiedAt,
    decidedBy: DEMO_VERIFIER_ID,
    decidedAt: verifiedAt,
    decisionReason: null,
    revokedAt: null,
    revokedReason: null,
  };
}

/** A verified rating revoked `days` after its verification, with `reason`. */
export function revokedReview(date: string, now: Date, reason: string, days = 400): Review {
  const verified = verifiedReview(date, now);
  const revokedAt = earlier(addDays(verified.verifiedAt ?? now, days), now);
  return {
    ...verified,
    verification: 'revoked',
    decidedAt: revokedAt,
    decisionReason: reason,
    revokedAt,
    revokedReason: reason,
  };
}

/** Demo decisions all date from before the current month. */
function firstOfLastMonth(today: string): string {
  const lastDayOfLastMonth = addDaysIso(`${today.slice(0, 8)}01`, -1);
  return `${lastDayOfLastMonth.slice(0, 8)}01`;
}

function earlier(a: Date, b: Date): Date {
  return a.getTime() < b.getTime() ? a : b;
}

function awaiting(state: ClaimState, submittedAt: Date, reason: string | null, now: Date): Review {
  const decided = state !== 'pending';
  return {
    verification: state,
    submittedAt,
    verifiedBy: null,
    verifiedAt: null,
    decidedBy: decided ? DEMO_VERIFIER_ID : null,
    decidedAt: decided ? earlier(addDays(submittedAt, 2), now) : null,
    decisionReason: reason,
    revokedAt: null,
    revokedReason: null,
  };
}

/** Food, drink and medicinal herbs: what farm and food-safety certificates apply to. */
const FOOD_GROUPS: ReadonlySet<string> = new Set(['thuc_pham', 'do_uong', 'duoc_lieu']);

type CertificateFields = Pick<CertificationRow, 'kind' | 'number' | 'issuer'>;

/**
 * The three certificates in review, by what the products are: farm and
 * food-safety ones for food, trademark and origin ones for crafts and the
 * rest, whose rejected claim is food safety asked of something that is not
 * food, as officers do see.
 */
function certificatesInReview(
  food: boolean,
  today: string,
  provinceCode: string,
): {
  pending: CertificateFields;
  needsEvidence: CertificateFields;
  rejected: CertificateFields;
  reasons: [string, string];
} {
  const year = today.slice(0, 4);
  if (food) {
    return {
      pending: { kind: 'organic', number: `TCVN 11041-2:2017/0427/${year}`, issuer: CERTIFICATION_BODIES[0] },
      needsEvidence: {
        kind: 'vietgap',
        number: `VietGAP-TT-21-${provinceCode}-${today.slice(2, 4)}-0815`,
        issuer: CERTIFICATION_BODIES[0],
      },
      rejected: { kind: 'haccp', number: `HACCP 7731/${year}`, issuer: 'Công ty TNHH Chứng nhận Sao Vàng' },
      reasons: [
        'Bản chụp giấy chứng nhận bị mờ, không đọc được số hiệu. Xin gửi lại bản rõ hơn.',
        'Tổ chức chứng nhận không có trong danh sách được công nhận; số hiệu không tra cứu được.',
      ],
    };
  }
  return {
    pending: { kind: 'collective_trademark', number: `4-0${provinceCode}5127-000`, issuer: 'Cục Sở hữu trí tuệ' },
    needsEvidence: { kind: 'geographic_indication', number: `số 00${provinceCode}3`, issuer: 'Cục Sở hữu trí tuệ' },
    rejected: { kind: 'haccp', number: `HACCP 7731/${year}`, issuer: 'Công ty TNHH Chứng nhận Sao Vàng' },
    reasons: [
      'Bản chụp văn bằng bảo hộ bị mờ, không đọc được số văn bằng và vùng địa lý. Xin gửi lại bản rõ hơn.',
      'HACCP chứng nhận an toàn cho cơ sở chế biến thực phẩm; sản phẩm này không phải thực phẩm. Tổ chức chứng nhận cũng không có trong danh sách được công nhận.',
    ],
  };
}

/**
 * Claims still in review on the first published products of `products`
 * (the demo members' cooperatives', so they see them on their dashboard): a
 * newer OCOP rating and a certificate waiting, one sent back for better
 * evidence, one rejected; the certificates fit what the products are
 * (certificatesInReview). None of them may show publicly.
 */
export function claimsInReview(
  products: readonly ProductRow[],
  now: Date,
  nextId: (n: number) => string,
): { ratings: OcopRatingRow[]; certifications: CertificationRow[] } {
  const published = products.filter((p) => p.status === 'published').slice(0, 4);
  if (published.length < 4) return { ratings: [], certifications: [] };
  const [a, b, c, d] = published as [ProductRow, ProductRow, ProductRow, ProductRow];
  const today = isoDate(now);
  const fitting = (product: ProductRow) =>
    certificatesInReview(FOOD_GROUPS.has(product.ocopGroup), today, product.provinceCode);
  const certificate = (
    product: ProductRow,
    n: number,
    fields: CertificateFields,
    review: Review,
  ): CertificationRow => ({
    id: nextId(n),
    productId: product.id,
    cooperativeId: product.cooperativeId,
    ...fields,
    validFrom: addDaysIso(today, -20),
    // A geographical indication is protected without end; the others run about two years.
    validUntil: fields.kind === 'geographic_indication' ? null : addDaysIso(today, 710),
    evidenceUrl: null,
    ...review,
  });
  return {
    ratings: [
      {
        id: nextId(0),
        productId: a.id,
        stars: 5,
        level: 'national',
        decisionNumber: '1234/QĐ-BNN-KTHT',
        decisionDate: firstOfLastMonth(today),
        status: 'active',
        ...awaiting('pending', addDays(now, -6), null, now),
      },
    ],
    certifications: [
      certificate(b, 1, fitting(b).pending, awaiting('pending', addDays(now, -3), null, now)),
      certificate(
        c,
        2,
        fitting(c).needsEvidence,
        awaiting('needs_evidence', addDays(now, -10), fitting(c).reasons[0], now),
      ),
      certificate(d, 3, fitting(d).rejected, awaiting('rejected', addDays(now, -15), fitting(d).reasons[1], now)),
    ],
  };
}

type LabTests = Pick<LabReportRow, 'tests' | 'result' | 'summary'>;

/** A food's tests: residues, microbes and metals verified, mycotoxins waiting. */
const FOOD_LAB_TESTS: readonly [LabTests, LabTests] = [
  {
    tests: ['pesticide_residues', 'microbiology', 'heavy_metals'],
    result: 'pass',
    summary:
      'Không phát hiện dư lượng trong 52 hoạt chất bảo vệ thực vật; vi sinh vật và kim loại nặng (Pb, Cd, As) trong giới hạn QCVN 8-2:2011/BYT, QCVN 8-3:2012/BYT.',
  },
  { tests: ['mycotoxins'], result: 'pass', summary: 'Aflatoxin B1 dưới giới hạn phát hiện.' },
];

/** Tableware, baskets and the like touch food: what leaches from them, and how they hold up. */
const CONTACT_LAB_TESTS: readonly [LabTests, LabTests] = [
  {
    tests: ['heavy_metals'],
    result: 'pass',
    summary:
      'Thôi nhiễm chì và cadimi từ bề mặt tiếp xúc thực phẩm dưới giới hạn QCVN 12-4:2015/BYT (dụng cụ, vật liệu bao gói tiếp xúc trực tiếp với thực phẩm).',
  },
  {
    tests: ['other'],
    result: 'pass',
    summary: 'Không nứt, không bong men sau ba chu kỳ sốc nhiệt; không phát hiện nấm mốc trên bề mặt.',
  },
];

/**
 * Lab reports of the first batch of the first published product of
 * `products` that has one (a demo member's, so the dashboard shows them): one
 * verified by the demo officer, which the batch's trace page shows, and a
 * newer one still waiting, which it must not.
 */
export function demoLabReports(
  products: readonly ProductRow[],
  batches: readonly BatchRow[],
  now: Date,
  nextId: (n: number) => string,
): LabReportRow[] {
  const published = new Map(products.filter((p) => p.status === 'published').map((p) => [p.id, p]));
  const batch = batches.find((b) => published.has(b.productId));
  const product = batch && published.get(batch.productId);
  if (!batch?.id || !product?.cooperativeId) return [];
  const today = isoDate(now);
  // Results a week after production, never in the future.
  const reportedOn = [addDaysIso(batch.productionDate, 7), today].sort()[0] as string;
  const report = (n: number, fields: Pick<LabReportRow, 'reportNumber' | 'tests' | 'result' | 'summary'>) => ({
    id: nextId(n),
    batchId: batch.id as string,
    cooperativeId: product.cooperativeId,
    lab: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 1 (Quatest 1)',
    reportedOn,
    evidencePublic: true,
    ...fields,
  });
  const [verified, waiting] = FOOD_GROUPS.has(product.ocopGroup) ? FOOD_LAB_TESTS : CONTACT_LAB_TESTS;
  return [
    {
      ...report(0, { reportNumber: `KQ-${reportedOn.slice(0, 4)}/0${reportedOn.slice(5, 7)}17`, ...verified }),
      ...verifiedReview(reportedOn, now, 3),
    },
    {
      ...report(1, { reportNumber: `KQ-${reportedOn.slice(0, 4)}/0${reportedOn.slice(5, 7)}42`, ...waiting }),
      ...awaiting('pending', addDays(now, -1), null, now),
    },
  ];
}
