/** The pure rules of inquiries: reference codes, phone numbers, spam score, the signed fill-time token, medians, inputs from the form. */
import { describe, expect, it } from 'vitest';
import { checkFormToken, issueFormToken, MAX_AGE_MS, MIN_FILL_MS } from '../../src/server/inquiries/form-token';
import { inquiryFromForm, parseInquiry } from '../../src/server/inquiries/input';
import { normalisePhone } from '../../src/server/inquiries/phone';
import { newReference, normaliseReference } from '../../src/server/inquiries/reference';
import { looksLikeSpam, spamScore } from '../../src/server/inquiries/spam';
import { median } from '../../src/server/inquiries/statistics';
import { publicStatus } from '../../src/server/inquiries/status';
import { countryOptions, findCountry, isCountryCode } from '../../src/server/inquiries/countries';
import { ValidationError } from '../../src/server/errors';

describe('reference codes', () => {
  it('look like HTX-XXXX-XXXX in Crockford base32 and rarely repeat', () => {
    const codes = new Set(Array.from({ length: 2000 }, newReference));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^HTX-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('are read back however people type them', () => {
    expect(normaliseReference('htx-7k3m-q9pd')).toBe('HTX-7K3M-Q9PD');
    expect(normaliseReference(' HTX 7K3M Q9PD ')).toBe('HTX-7K3M-Q9PD');
    expect(normaliseReference('7K3MQ9PD')).toBe('HTX-7K3M-Q9PD');
    expect(normaliseReference('HTX-7K3M-Q9PO')).toBe('HTX-7K3M-Q9P0');
    expect(normaliseReference('HTX-IL00-0000')).toBe('HTX-1100-0000');
    expect(normaliseReference('HTX-7K3M-Q9P')).toBeNull();
    expect(normaliseReference("HTX-7K3M-Q9PD' OR 1=1")).toBeNull();
    expect(normaliseReference('HTX-UUUU-UUUU')).toBeNull();
  });
});

describe('phone numbers', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['912.345.678', '+84912345678'],
    ['(028) 3822 1234', '+842838221234'],
    ['+33 6 12 34 56 78', '+33612345678'],
  ])('%s is %s', (typed, e164) => expect(normalisePhone(typed)).toBe(e164));

  it.each(['12345', '0000000000', 'call me', '+999 123'])('%s is not a number', (typed) =>
    expect(normalisePhone(typed)).toBeNull(),
  );
});

describe('spam score', () => {
  const inquiry = (message: string, name = 'Trần Văn Minh') => ({ name, organisation: null, message });

  it('lets an ordinary inquiry through, even with one link', () => {
    expect(looksLikeSpam(inquiry('Xin báo giá 200 hộp trà, giao Hà Nội trong tháng 12.'))).toBe(false);
    expect(looksLikeSpam(inquiry('Our catalogue: https://shop.example.com — could you quote 2 tonnes?'))).toBe(false);
  });

  it('holds link farms, spam words and shouting', () => {
    expect(looksLikeSpam(inquiry('visit http://a.example http://b.example http://c.example now'))).toBe(true);
    expect(looksLikeSpam(inquiry('Best casino bonus, bitcoin loan today'))).toBe(true);
    expect(looksLikeSpam(inquiry('Nhà cái uy tín, cá cược bóng đá'))).toBe(true);
    expect(spamScore(inquiry('BUY NOW CHEAP PRICES FOR EVERYONE TODAY ONLY'))).toBeGreaterThan(0);
    expect(looksLikeSpam(inquiry('hello', 'www.cheap-seo.example'))).toBe(false);
    expect(spamScore(inquiry('hello', 'www.cheap-seo.example'))).toBeGreaterThan(spamScore(inquiry('hello')));
  });
});

describe('form fill-time token', () => {
  const secret = 'test-secret';
  const t0 = new Date('2026-11-24T03:00:00Z');

  it('accepts a form filled in after the minimum time and before it expires', async () => {
    const token = await issueFormToken(secret, t0);
    expect(await checkFormToken(secret, token, new Date(t0.getTime() + MIN_FILL_MS))).toBeNull();
    expect(await checkFormToken(secret, token, new Date(t0.getTime() + MIN_FILL_MS - 1))).toBe('too_fast');
    expect(await checkFormToken(secret, token, new Date(t0.getTime() + MAX_AGE_MS + 1))).toBe('expired');
  });

  it('refuses a backdated, altered or foreign token', async () => {
    const token = await issueFormToken(secret, t0);
    const [, mac] = token.split('.');
    const backdated = `${t0.getTime() - 60_000}.${mac}`;
    const later = new Date(t0.getTime() + 10_000);
    expect(await checkFormToken(secret, backdated, later)).toBe('invalid');
    expect(await checkFormToken('another-secret', token, later)).toBe('invalid');
    expect(await checkFormToken(secret, '', later)).toBe('invalid');
    expect(await checkFormToken(secret, `${token}x`, later)).toBe('invalid');
  });
});

describe('inquiry input', () => {
  const now = new Date('2026-11-24T03:00:00Z');

  it('reads the posted form as the JSON body would say it', () => {
    const body = inquiryFromForm({
      cooperative: 'htx-a',
      name: ' Lan ',
      email: '',
      phone: '0912345678',
      country: 'vn',
      quantity: '2,5',
      unit: 'tấn',
      message: 'Xin báo giá sỉ.',
      consent: 'on',
      wantedBy: '',
    });
    expect(body).toEqual({
      cooperative: 'htx-a',
      name: ' Lan ',
      phone: '0912345678',
      country: 'vn',
      quantity: 2.5,
      unit: 'tấn',
      message: 'Xin báo giá sỉ.',
      consent: true,
    });
    const parsed = parseInquiry(body, now, 'vi');
    expect(parsed).toMatchObject({
      name: 'Lan',
      phone: '+84912345678',
      country: 'VN',
      quantity: 2.5,
      email: null,
      locale: 'vi',
    });
  });

  it('accepts today as wanted-by in Viet Nam, even when it is still yesterday in UTC', () => {
    const lateEvening = new Date('2026-11-24T18:00:00Z'); // 01:00 on 25 November in Viet Nam
    const body = {
      cooperative: 'htx-a',
      name: 'Lan',
      email: 'lan@example.com',
      country: 'VN',
      message: 'Xin báo giá sỉ.',
      consent: true,
    };
    expect(parseInquiry({ ...body, wantedBy: '2026-11-25' }, lateEvening, 'en').wantedBy).toBe('2026-11-25');
    expect(() => parseInquiry({ ...body, wantedBy: '2026-11-24' }, lateEvening, 'en')).toThrow(ValidationError);
  });

  it('knows assigned country codes only', () => {
    expect(isCountryCode('VN')).toBe(true);
    expect(isCountryCode('DE')).toBe(true);
    expect(isCountryCode('EU')).toBe(false);
    expect(isCountryCode('XK')).toBe(false);
  });
});

describe('figures', () => {
  it('median of odd and even counts, none for nothing', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('buyers see spam as merely received', () => {
    expect(publicStatus('spam')).toBe('received');
    expect(publicStatus('new')).toBe('received');
    expect(publicStatus('replied')).toBe('replied');
  });
});

describe('country choices', () => {
  it('lists Viet Nam first, written as the rest of the site writes it', () => {
    expect(countryOptions('en')[0]).toEqual({ code: 'VN', name: 'Viet Nam' });
    expect(countryOptions('vi')[0]).toEqual({ code: 'VN', name: 'Việt Nam' });
    expect(countryOptions('en').find((c) => c.code === 'DE')?.name).toBe('Germany');
  });

  it.each([
    ['JP', 'JP'],
    ['jp', 'JP'],
    ['Nhật Bản', 'JP'],
    ['nhat ban', 'JP'],
    ['  NHẬT   BẢN ', 'JP'],
    ['Japan', 'JP'],
    ['Nhật', 'JP'],
    ['Hàn Quốc', 'KR'],
    ['South Korea', 'KR'],
    ['Đặc khu Hành chính Hồng Kông, Trung Quốc', 'HK'],
    ['Hồng Kông', 'HK'],
    ['hong kong', 'HK'],
    ['Côte d’Ivoire', 'CI'],
    ['cote d ivoire', 'CI'],
    ['Việt Nam', 'VN'],
    ['Viet Nam', 'VN'],
    ['Vietnam', 'VN'],
    ['Mỹ', 'US'],
    ['USA', 'US'],
    ['UK', 'GB'],
    ['Đức', 'DE'],
  ])('reads “%s” as %s', (typed, code) => {
    expect(findCountry(typed)).toEqual({ status: 'found', code });
  });

  it('reads a code in capitals as the code, and the same letters otherwise as a name first', () => {
    expect(findCountry('MY')).toEqual({ status: 'found', code: 'MY' });
    // "My" is Mỹ typed without its marks: the United States, not Malaysia.
    expect(findCountry('My')).toEqual({ status: 'found', code: 'US' });
  });

  it('suggests the nearest name after a slip, in the language it was typed in, and nothing when none is near', () => {
    expect(findCountry('Japn')).toEqual({ status: 'unknown', suggestion: 'Japan' });
    expect(findCountry('Nhat Bam')).toEqual({ status: 'unknown', suggestion: 'Nhật Bản' });
    expect(findCountry('Germny')).toEqual({ status: 'unknown', suggestion: 'Germany' });
    expect(findCountry('Xyzzy')).toEqual({ status: 'unknown', suggestion: null });
    expect(findCountry('EU')).toEqual({ status: 'unknown', suggestion: null });
    expect(findCountry('  ')).toEqual({ status: 'unknown', suggestion: null });
  });

  it('does not take the start of several names for one of them', () => {
    // "Mal" begins Malaysia, Mali, Malta, Malawi and the Maldives.
    expect(findCountry('Mal').status).toBe('unknown');
    expect(findCountry('Malay')).toEqual({ status: 'found', code: 'MY' });
    expect(findCountry('Cộng hòa').status).toBe('unknown');
  });
});
