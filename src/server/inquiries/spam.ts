/**
 * A plain score for how much an inquiry looks like spam. Inquiries at or over
 * SPAM_THRESHOLD are stored with status 'spam': kept for the cooperative to
 * review (and mark "not spam", which delivers them), never mailed out.
 *
 * Deliberately simple and explainable: links (a buyer asking about dried
 * longan rarely needs three), words of the usual spam trades, text in
 * capitals, repeated characters. A cooperative can always rescue a false
 * positive; a spam run that slips through is bounded by the rate limits.
 */
export const SPAM_THRESHOLD = 5;

const LINK =
  /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|info|biz|xyz|top|ru|cn|io|link|click|site|online)\b/gi;
const ONE_LINK = new RegExp(LINK.source, 'i');
const SPAM_WORDS = [
  'viagra',
  'cialis',
  'casino',
  'porn',
  'xxx',
  'crypto',
  'bitcoin',
  'forex',
  'loan',
  'seo service',
  'backlink',
  'payday',
  'betting',
  'lottery',
  'cá cược',
  'nhà cái',
  'cờ bạc',
  'vay tiền',
  'lô đề',
  'tài xỉu',
  'bán dâm',
];

export interface SpamInput {
  name: string;
  organisation: string | null;
  message: string;
}

export function spamScore(input: SpamInput): number {
  const text = `${input.name}\n${input.organisation ?? ''}\n${input.message}`;
  const lower = text.toLowerCase();
  let score = 0;
  const links = text.match(LINK)?.length ?? 0;
  score += links === 0 ? 0 : links === 1 ? 1 : links * 2;
  if (ONE_LINK.test(input.name)) score += 3;
  for (const word of SPAM_WORDS) if (lower.includes(word)) score += 3;
  if (/<a\s|\[url=|\[\/url\]/i.test(text)) score += 5;
  const letters = input.message.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 20 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) score += 2;
  if (/(.)\1{9,}/u.test(input.message)) score += 1;
  return score;
}

export function looksLikeSpam(input: SpamInput): boolean {
  return spamScore(input) >= SPAM_THRESHOLD;
}
