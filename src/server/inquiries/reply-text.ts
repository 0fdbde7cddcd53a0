/**
 * What a person wrote in a mail reply, without what their mail program added:
 * the quoted earlier messages (an "On … wrote:" / "Vào … đã viết:" line and
 * what follows, "> " lines, Outlook's "From:/Từ:" header block), and the
 * signature after "-- ". Pure functions, no MIME: inbound-mail.ts gives them
 * the text postal-mime parsed.
 *
 * Written here rather than taken from a package: email-reply-parser (npm)
 * knows no Vietnamese client's words, and a reply cut too late only shows the
 * quoted history, which the thread shows anyway; cut too early it would lose
 * what the person wrote, so each rule needs a whole line of its own.
 */

/** Lines that open the quoted earlier message in Gmail, Apple Mail, Thunderbird (vi and en), on one line or two. */
const ATTRIBUTION_LINES = [
  /^on\b.{0,300}\bwrote:$/i,
  /^vào\s.{0,300}\sđã viết:$/i,
  /^le\b.{0,300}\ba écrit\s?:$/i,
  /^am\b.{0,300}\bschrieb\b.{0,300}:$/i,
];

/** A separator line after which the rest is the earlier message (Outlook, Yahoo, forwarding). */
const SEPARATOR_LINES = [
  /^-{2,}\s*(original message|forwarded message|thư gốc|thư chuyển tiếp)\s*-{2,}$/i,
  /^_{10,}$/,
  /^-{10,}$/,
];

/**
 * Outlook's quoted header block: "From:", then within the next lines "Sent:" (or "Date:") and "Subject:" (or
 * "To:"), in English or the Vietnamese Outlook's words. All three, so a buyer's own "Từ: Hà Nội / Đến: TP HCM"
 * (shipping from, to) is not taken for one.
 */
const OUTLOOK_FROM = /^\*?(from|từ)\s*:/i;
const OUTLOOK_SENT = /^\*?(sent|date|đã gửi)\s*:/i;
const OUTLOOK_SUBJECT = /^\*?(subject|to|chủ đề|đến)\s*:/i;

/** The usual signature delimiter "-- " (clients often drop its trailing space), and the phones' default lines. */
const SIGNATURE_LINES = [/^--\s?$/, /^(sent from my|get outlook for|gửi từ (iphone|điện thoại|ipad)|được gửi từ)\b/i];

function opensQuote(lines: string[], index: number): boolean {
  const line = (lines[index] ?? '').trim();
  const withNext = `${line} ${(lines[index + 1] ?? '').trim()}`.trim();
  if (ATTRIBUTION_LINES.some((re) => re.test(line) || re.test(withNext))) return true;
  if (SEPARATOR_LINES.some((re) => re.test(line))) return true;
  if (OUTLOOK_FROM.test(line)) {
    const next = lines.slice(index + 1, index + 5).map((l) => l.trim());
    return next.some((l) => OUTLOOK_SENT.test(l)) && next.some((l) => OUTLOOK_SUBJECT.test(l));
  }
  return SIGNATURE_LINES.some((re) => re.test(line));
}

/** The newest part of a reply: everything before the first line that opens a quote or a signature, without "> " lines. */
export function latestReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (opensQuote(lines, i)) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line.trimEnd());
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The text of an HTML-only reply: scripts, styles and quoted blocks (Gmail's
 * gmail_quote, blockquote) dropped, block ends made line breaks, every tag
 * removed and entities decoded. The result is stored and shown as text, so
 * nothing in it is ever markup again.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<blockquote\b[\s\S]*?<\/blockquote\s*>/gi, '')
    .replace(/<div[^>]*class="[^"]*gmail_quote[\s\S]*$/i, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|table|ul|ol)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
