/** The HTML part of mail: the text's words, escaped, with its links and nothing remote. */
import { describe, expect, it } from 'vitest';
import { composeMail, mailHtml } from '../../src/server/mail/layout';

describe('mailHtml', () => {
  it('escapes the text and turns only its http(s) URLs into links', () => {
    const html = mailHtml(
      'vi',
      'A <subject>',
      'Hello <script>alert(1)</script> & "you"\nSee https://cho.example/a?x=1&y=2.',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;you&quot;<br>');
    expect(html).toContain(
      '<a href="https://cho.example/a?x=1&amp;y=2" style="color:#0b5d3b">https://cho.example/a?x=1&amp;y=2</a>.',
    );
    expect(html).toContain('<title>A &lt;subject&gt;</title>');
  });

  it('makes paragraphs of blank-line separated text, in the recipient’s language, with no remote image', () => {
    const html = mailHtml('en', 'S', 'One\n\nTwo\r\n\r\nThree');
    expect(html.match(/<p style="margin:0 0 16px">/g)).toHaveLength(3);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Sent by Chợ HTX');
    expect(mailHtml('vi', 'S', 'x')).toContain('Thư gửi từ Chợ HTX');
    expect(html).not.toMatch(/<img|<link|<script|javascript:/i);
  });

  it('composeMail keeps the text as written and adds the HTML part', () => {
    const mail = composeMail('vi', 'a@example.test', 'S', 'T');
    expect(mail).toEqual({ to: 'a@example.test', subject: 'S', text: 'T', html: mailHtml('vi', 'S', 'T') });
  });

  it('composeMail puts a footer under the text’s signature delimiter and in the HTML’s small print, once', () => {
    const link = 'https://cho-htx.example/huy-dang-ky/abc';
    const mail = composeMail('en', 'a@example.test', 'S', 'Body', `Stop: ${link}`);
    expect(mail.text).toBe(`Body\n\n-- \nStop: ${link}`);
    expect(mail.html?.split(`href="${link}"`)).toHaveLength(2);
    expect(mail.html).not.toContain('-- ');
    expect(mail.html?.indexOf('Body')).toBeLessThan(mail.html?.indexOf('Stop:') ?? 0);
  });
});
