import { describe, expect, it } from 'vitest';
import { htmlToText, latestReply } from '../../src/server/inquiries/reply-text';

describe('latestReply: what the person wrote, without the quoted thread or signature', () => {
  it('cuts Gmail in English at "On … wrote:", also when the client wrapped it over two lines', () => {
    expect(
      latestReply(
        'Yes, 200 kg please.\n\nOn Thu, 3 Dec 2026 at 10:02, HTX Mận <no-reply@cho-htx.vn> wrote:\n> Dear buyer',
      ),
    ).toBe('Yes, 200 kg please.');
    expect(
      latestReply(
        'Yes, 200 kg.\r\n\r\nOn Thu, 3 Dec 2026 at 10:02, HTX Mận Mộc Châu\r\n<reply+abc@cho-htx.vn> wrote:\r\n\r\n> Hi',
      ),
    ).toBe('Yes, 200 kg.');
  });

  it('cuts Gmail in Vietnamese at "Vào … đã viết:"', () => {
    const mail = [
      'Dạ, em lấy 200 kg ạ.',
      'Cảm ơn anh chị.',
      '',
      'Vào Th 5, 3 thg 12, 2026 vào lúc 10:02 HTX Mận Mộc Châu <reply+abc@cho-htx.vn> đã viết:',
      '> Chào chị Lan,',
      '> Giá 35.000 đ/kg.',
    ].join('\n');
    expect(latestReply(mail)).toBe('Dạ, em lấy 200 kg ạ.\nCảm ơn anh chị.');
  });

  it('cuts Outlook header blocks in English and Vietnamese, and its separator line', () => {
    const en =
      'Confirmed.\n\n________________________________\nFrom: Chợ HTX <no-reply@cho-htx.vn>\nSent: Thursday\nTo: lan@example.vn\nSubject: Re: HTX-7K3M';
    expect(latestReply(en)).toBe('Confirmed.');
    const vi =
      'Đồng ý ạ.\n\nTừ: Chợ HTX <no-reply@cho-htx.vn>\nĐã gửi: Thứ Năm, 3 tháng 12, 2026 10:02\nĐến: lan@example.vn\nChủ đề: Re: HTX-7K3M';
    expect(latestReply(vi)).toBe('Đồng ý ạ.');
    expect(latestReply('OK\n-----Original Message-----\nFrom: a@b.vn')).toBe('OK');
  });

  it('keeps a buyer\'s own "Từ: … / Đến: …" lines (shipping from, to)', () => {
    const text = 'Giao hàng:\nTừ: Mộc Châu\nĐến: TP HCM\nNgày: 20/12';
    expect(latestReply(text)).toBe(text);
  });

  it('drops the signature after "-- " (with or without its space) and phone footers', () => {
    expect(latestReply('Thanks, 200 kg.\n-- \nNguyen Thi Lan\nBuyer, ACME')).toBe('Thanks, 200 kg.');
    expect(latestReply('Thanks.\n--\nLan')).toBe('Thanks.');
    expect(latestReply('Ok ạ\n\nGửi từ iPhone của tôi')).toBe('Ok ạ');
    expect(latestReply('Ok\n\nSent from my iPhone')).toBe('Ok');
  });

  it('drops "> " lines interleaved with the answer and keeps the answer', () => {
    expect(latestReply('> Price?\n35.000 đ/kg is fine.\n> When?\nBy 20 December.')).toBe(
      '35.000 đ/kg is fine.\nBy 20 December.',
    );
  });

  it('leaves a mail with nothing quoted as it is, and a mail that is only a quote empty', () => {
    expect(latestReply('  Just this line.  \n')).toBe('Just this line.');
    expect(latestReply('On Mon, 1 Dec 2026, A <a@b.vn> wrote:\n> x')).toBe('');
  });
});

describe('htmlToText: an HTML-only reply as text', () => {
  it('keeps the words, makes block ends line breaks, drops scripts, styles and quoted blocks', () => {
    const html =
      '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>' +
      '<p>Dạ, 200&nbsp;kg &amp; giao <b>trước</b> 20/12.</p><div>Cảm ơn<br>Lan</div>' +
      '<div class="gmail_quote">Vào Th 5 … đã viết:<blockquote>old</blockquote></div></body></html>';
    expect(htmlToText(html)).toBe('Dạ, 200 kg & giao trước 20/12.\nCảm ơn\nLan');
  });

  it('turns markup and entities into text that is only text', () => {
    const text = htmlToText(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &#39;x&#39; &#x1F600;</p><img src=x onerror=alert(1)>',
    );
    expect(text).toBe("<script>alert(1)</script> 'x' 😀");
    expect(htmlToText('<script>alert(1)</script>Hi')).toBe('Hi');
  });
});
