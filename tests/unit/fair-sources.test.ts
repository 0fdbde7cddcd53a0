/** From fair to sales, the pure parts: the inquiry's source as links name it, and booth labels as officers type them. */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/server/errors';
import { BOOTH_LABEL_MAX, parseBoothLabel } from '../../src/server/events/registrations/booth-labels';
import { inquiryFromForm, parseInquiry } from '../../src/server/inquiries/input';
import {
  inquirySourceValue,
  parseInquirySource,
  sourceFieldValue,
  withInquirySource,
} from '../../src/server/inquiries/source';

const NOW = new Date('2026-12-03T03:00:00Z');
const valid = {
  product: 'mat-ong-rung',
  name: 'Lan',
  email: 'lan@example.com',
  country: 'VN',
  message: 'Xin báo giá sỉ 500 kg.',
  consent: true,
};

describe('inquiry sources', () => {
  it('name the fair’s page, its catalogue’s QR codes and an exhibitor’s booth', () => {
    expect(parseInquirySource('hoi-cho.hoi-cho-ocop-2026')).toEqual({
      kind: 'event_page',
      eventSlug: 'hoi-cho-ocop-2026',
    });
    expect(parseInquirySource('danh-muc.phien-cho')).toEqual({ kind: 'catalogue', eventSlug: 'phien-cho' });
    expect(parseInquirySource(' gian-hang.phien-cho-2 ')).toEqual({ kind: 'booth', eventSlug: 'phien-cho-2' });
  });

  it('ignore anything else rather than refuse it', () => {
    for (const value of [
      undefined,
      null,
      42,
      '',
      'hoi-cho',
      'hoi-cho.',
      'google.com',
      'event_page.phien-cho',
      'danh-muc.Phien-Cho',
      'danh-muc.phien cho',
      'danh-muc.phien-cho.extra',
      'danh-muc.<script>',
      'danh-muc.-phien',
      `danh-muc.${'a'.repeat(201)}`,
    ]) {
      expect(parseInquirySource(value), String(value)).toBeNull();
    }
  });

  it('write back the value they read, in links and hidden fields', () => {
    for (const value of ['hoi-cho.a', 'danh-muc.phien-cho-2026', 'gian-hang.x-1']) {
      expect(inquirySourceValue(parseInquirySource(value)!)).toBe(value);
    }
    expect(withInquirySource('/san-pham/mat-ong', { kind: 'catalogue', eventSlug: 'phien-cho' })).toBe(
      '/san-pham/mat-ong?nguon=danh-muc.phien-cho',
    );
    expect(withInquirySource('/x?a=1', { kind: 'booth', eventSlug: 'p' })).toBe('/x?a=1&nguon=gian-hang.p');
    expect(sourceFieldValue(new URL('http://h/san-pham/x?nguon=hoi-cho.phien-cho'))).toBe('hoi-cho.phien-cho');
    expect(sourceFieldValue(new URL('http://h/san-pham/x?nguon=%22%3E%3Cscript%3E'))).toBe('');
  });

  it('ride along with an inquiry, and an unknown one leaves a valid inquiry valid', () => {
    expect(parseInquiry({ ...valid, source: 'danh-muc.phien-cho' }, NOW, 'vi').source).toEqual({
      kind: 'catalogue',
      eventSlug: 'phien-cho',
    });
    expect(parseInquiry({ ...valid, source: 'facebook-ads' }, NOW, 'vi').source).toBeNull();
    expect(parseInquiry(valid, NOW, 'vi').source).toBeNull();
    expect(inquiryFromForm({ source: 'gian-hang.phien-cho', name: 'Lan' }).source).toBe('gian-hang.phien-cho');
  });
});

describe('booth labels', () => {
  it('are stored trimmed with spaces collapsed; an empty field removes the label', () => {
    expect(parseBoothLabel('  A12 ')).toBe('A12');
    expect(parseBoothLabel('Khu  B – 3')).toBe('Khu B – 3');
    expect(parseBoothLabel('Nhà B/12#4')).toBe('Nhà B/12#4');
    expect(parseBoothLabel('   ')).toBeNull();
  });

  it('refuse markup, formulas and long text per field', () => {
    const code = (raw: string) => {
      try {
        parseBoothLabel(raw);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).fields.boothLabel?.code;
      }
    };
    expect(code('<b>A1</b>')).toBe('booth_label');
    expect(code('=HYPERLINK("x")')).toBe('booth_label');
    expect(code('-A1')).toBe('booth_label');
    expect(code('A'.repeat(BOOTH_LABEL_MAX + 1))).toBe('too_long');
    expect(code('Ấ'.repeat(BOOTH_LABEL_MAX))).toBeNull();
  });
});
