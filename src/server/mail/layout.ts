/**
 * The HTML part of every mail: the plain text's own words in one small shared
 * layout, so the two parts never say different things. Everything is escaped
 * (the text carries buyers' and officers' words); links are the text's own
 * http(s) URLs; no remote images, no scripts, styles inline (mail clients drop
 * <style> blocks and <link>s), and `lang` set so screen readers use the
 * recipient's language.
 */
import { dictionary, format, type Locale } from '../../i18n';
import type { MailMessage } from './mailer';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A URL ends before whitespace and before punctuation that closes the sentence around it. */
const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]]/g;

/** One line of text, escaped, with its URLs as links. */
function lineHtml(line: string): string {
  let html = '';
  let at = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = match[0];
    html += `${escapeHtml(line.slice(at, match.index))}<a href="${escapeHtml(url)}" style="color:#0b5d3b">${escapeHtml(url)}</a>`;
    at = match.index + url.length;
  }
  return html + escapeHtml(line.slice(at));
}

const BODY_STYLE = 'margin:0 0 16px';
const FOOTER_STYLE = 'margin:16px 0 0;font-size:13px;color:#555555';

/** Blank lines separate paragraphs; single line breaks stay breaks (addresses, quoted messages). */
function paragraphsHtml(text: string, style = BODY_STYLE): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => `<p style="${style}">${paragraph.split('\n').map(lineHtml).join('<br>')}</p>`)
    .join('\n');
}

/** The text part's separator before a footer (RFC 3676's signature delimiter, which clients grey out). */
export const FOOTER_DELIMITER = '\n\n-- \n';

/**
 * The HTML part: the body's paragraphs, then the mail's own footer when it
 * has one (e.g. how to stop a kind of notification), in the small print
 * under the body, then the site's line.
 */
export function mailHtml(locale: Locale, subject: string, text: string, footer: string | null = null): string {
  const t = dictionary(locale);
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f6f4">
<div style="max-width:600px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">
<p style="margin:0 0 16px;font-size:20px;font-weight:bold;color:#0b5d3b">${escapeHtml(t.site.name)}</p>
${paragraphsHtml(text)}
${footer ? `${paragraphsHtml(footer, FOOTER_STYLE)}\n` : ''}<p style="margin:24px 0 0;font-size:13px;color:#555555">${escapeHtml(format(t.notifications.mail.footer, { site: t.site.name }))}</p>
</div>
</body>
</html>`;
}

/**
 * A mail in `locale`: its text, and the same text as the HTML part; a
 * footer goes under the text's signature delimiter and in the HTML's small
 * print, composed here once for both parts.
 */
export function composeMail(
  locale: Locale,
  to: string,
  subject: string,
  text: string,
  footer: string | null = null,
): MailMessage {
  return {
    to,
    subject,
    text: footer ? `${text}${FOOTER_DELIMITER}${footer}` : text,
    html: mailHtml(locale, subject, text, footer),
  };
}
