/**
 * Answered inquiries for a few demo cooperatives, so the demo shows what a
 * buyer sees once a cooperative has answered before: the usual response time
 * beside the inquiry form (src/server/inquiries/response-time.ts needs at
 * least MIN_ANSWERED answered inquiries of the last year). Threads that were
 * answered and settled: they add nothing to anyone's inbox or queues.
 * Ids and references are keyed by place, not by `now`, so seeding again adds nothing.
 */
import type { inquiries, inquiryReplies } from '../schema';
import { hashSeed, Rng } from './random';
import type { CooperativeRow, ProductRow } from './types';

export type InquiryRow = typeof inquiries.$inferInsert;
export type InquiryReplyRow = typeof inquiryReplies.$inferInsert;

/**
 * The demo cooperatives (by index) that have answered buyers before. Not the
 * first two, whose inboxes the demo accounts and their tests start empty.
 */
export const ANSWERING_COOPERATIVES = [2, 3, 4, 5, 6, 7];
/** Hours each cooperative took to answer its threads, oldest first: a median of about half a day to two days. */
const ANSWER_HOURS = [
  [2, 5, 9, 30],
  [20, 26, 4, 50],
  [1, 3, 7, 2],
  [30, 44, 60, 12],
  [6, 8, 11, 70],
  [16, 22, 3, 28],
];
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const BUYERS = [
  { name: 'Lê Thị Hạnh', organisation: 'Cửa hàng Đặc sản Quê nhà', locale: 'vi', country: 'VN' },
  { name: 'Phạm Quốc Bảo', organisation: 'Siêu thị Xanh', locale: 'vi', country: 'VN' },
  { name: 'Emma Richter', organisation: 'Asia Feinkost GmbH', locale: 'en', country: 'DE' },
  { name: 'Trần Minh Khoa', organisation: null, locale: 'vi', country: 'VN' },
] as const;
const MESSAGES = {
  vi: 'Chào hợp tác xã, cho tôi xin báo giá sỉ và thời gian giao hàng về Hà Nội.',
  en: 'Hello, could you send your wholesale price and delivery time to Hamburg?',
};
const REPLY =
  'Cảm ơn anh/chị đã quan tâm. Hợp tác xã gửi kèm bảng giá sỉ; hàng giao trong 5–7 ngày làm việc. Xin liên hệ lại nếu cần mẫu thử.';

function reference(rng: Rng): string {
  const chars = Array.from({ length: 8 }, () => REFERENCE_ALPHABET[rng.int(0, 31)]).join('');
  return `HTX-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function demoAnsweredInquiries(
  cooperatives: readonly CooperativeRow[],
  products: readonly ProductRow[],
  now: Date,
): { inquiries: InquiryRow[]; replies: InquiryReplyRow[] } {
  const threads: InquiryRow[] = [];
  const replies: InquiryReplyRow[] = [];
  ANSWERING_COOPERATIVES.forEach((index, place) => {
    const cooperative = cooperatives[index];
    if (!cooperative) return;
    const offered = products.filter((row) => row.cooperativeId === cooperative.id && row.status === 'published');
    (ANSWER_HOURS[place] ?? []).forEach((hours, n) => {
      const rng = new Rng(hashSeed('cho-htx-demo-inquiries', index, n));
      const buyer = BUYERS[n % BUYERS.length]!;
      // Spread over the last ten months, oldest first: all within the response time's one-year window.
      const createdAt = new Date(now.getTime() - (300 - n * 70 - place) * DAY_MS);
      const repliedAt = new Date(createdAt.getTime() + hours * HOUR_MS);
      const id = rng.id('dq');
      threads.push({
        id,
        reference: reference(rng),
        cooperativeId: cooperative.id,
        productId: offered[n % Math.max(offered.length, 1)]?.id ?? null,
        buyerName: buyer.name,
        buyerOrganisation: buyer.organisation,
        email: `buyer${place}${n}@example.com`,
        country: buyer.country,
        quantity: 50 + 25 * n,
        quantityUnit: buyer.locale === 'en' ? 'kg' : 'hộp',
        message: MESSAGES[buyer.locale],
        locale: buyer.locale,
        consentToContact: true,
        status: 'closed',
        firstRepliedAt: repliedAt,
        createdAt,
        updatedAt: repliedAt,
      });
      replies.push({ id: rng.id('dr'), inquiryId: id, author: 'cooperative', body: REPLY, createdAt: repliedAt });
    });
  });
  return { inquiries: threads, replies };
}
