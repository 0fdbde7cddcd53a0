/**
 * What a buyer sends, checked the same way for the JSON API and the HTML form
 * (which first turns its strings into this shape, see inquiryFromForm). Every
 * problem is reported at once, per field, as a message key.
 *
 * Limits (also stated on the form and in the OpenAPI document): name up to
 * 120 characters, organisation 160, email 254, message 10 to 5,000, unit 40,
 * quantity above 0 and at most 1,000,000,000, wanted-by from today (in Viet
 * Nam) to two years ahead.
 */
import { z } from 'zod';
import type { Locale } from '../../i18n';
import { vietnamToday } from '../products/validity';
import { isCalendarDate } from '../time/vietnam';
import { looksLikeEmail, normaliseEmail } from '../accounts/users';
import { type FieldIssues, ValidationError } from '../errors';
import { fieldIssuesFromZod } from '../validation';
import { readTypedNumber } from '../typed-number';
import { findCountry } from './countries';
import { normalisePhone } from './phone';
import { type InquirySource, parseInquirySource } from './source';

export const INQUIRY_LIMITS = {
  nameMax: 120,
  organisationMax: 160,
  emailMax: 254,
  phoneMax: 40,
  /** Room for the longest name a country goes by ("Đặc khu Hành chính Hồng Kông, Trung Quốc"). */
  countryMax: 80,
  messageMin: 10,
  messageMax: 5000,
  unitMax: 40,
  quantityMax: 1_000_000_000,
  wantedByMaxDays: 730,
  slugMax: 200,
  /** A request from the shortlist (request.ts): the shortlist's own size, so any full shortlist can be sent at once… */
  requestProductsMax: 20,
  /** …but to no more cooperatives than a buyer can follow up with; more is a mailing, not an inquiry. */
  requestCooperativesMax: 10,
} as const;

const L = INQUIRY_LIMITS;
const custom = (code: string, params: Record<string, string | number> = {}) => ({ params: { code, ...params } });

/** Text fields: trimmed, NFC (so ế typed two ways is one letter), empty meaning absent. */
const text = (max: number) =>
  z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(z.string().max(max));
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((value) => (value ? value : null));

/**
 * The buyer's fields with their types and lengths; the rules between fields are checked
 * in parseBuyerBody. Its metadata is what the API's OpenAPI document says about
 * each field (zod's own `.meta()`, which the generator reads).
 */
const buyerShape = z.strictObject({
  name: text(L.nameMax)
    .pipe(z.string().min(1))
    .meta({ description: `Buyer’s name, 1–${L.nameMax} characters.`, example: 'Nguyễn Thị Lan' }),
  organisation: optionalText(L.organisationMax).meta({ example: 'Công ty TNHH Thực phẩm Sạch Lan Anh' }),
  email: optionalText(L.emailMax)
    .refine((value) => value === null || looksLikeEmail(value), custom('email_invalid'))
    .meta({ description: 'Email and/or phone: at least one.', example: 'lan@example.com' }),
  phone: optionalText(L.phoneMax)
    .refine((value) => value === null || normalisePhone(value) !== null, custom('phone_invalid'))
    .meta({
      description:
        'Any usual way of writing it; stored as E.164. Vietnamese numbers with or without +84 (0912 345 678); others need + and their country code.',
      example: '0912 345 678',
    }),
  country: z
    .string()
    .max(L.countryMax)
    .transform((value, ctx) => {
      const match = findCountry(value);
      if (match.status === 'found') return match.code;
      ctx.addIssue({
        code: 'custom',
        ...(match.suggestion
          ? custom('country_unknown_suggestion', { suggestion: match.suggestion })
          : custom('country_invalid')),
      });
      return z.NEVER;
    })
    .meta({
      description:
        'ISO 3166-1 alpha-2 code (VN), or the country’s name in Vietnamese or English, marks optional (Nhật Bản, Japan); stored and returned as the code.',
      example: 'VN',
    }),
  quantity: z
    .number()
    .positive()
    .max(L.quantityMax)
    .nullish()
    .meta({ description: `Above 0, at most ${L.quantityMax}; needs unit.`, example: 500 }),
  unit: optionalText(L.unitMax).meta({ example: 'kg' }),
  wantedBy: z
    .string()
    .refine(isCalendarDate, custom('calendar_date'))
    .nullish()
    .meta({
      format: 'date',
      description: `From today in Viet Nam to ${L.wantedByMaxDays} days ahead.`,
      example: '2027-02-15',
    }),
  message: text(L.messageMax)
    .pipe(z.string().min(L.messageMin))
    .meta({
      description: `${L.messageMin}–${L.messageMax} characters.`,
      example: 'Xin báo giá sỉ 500 kg, giao tại TP. Hồ Chí Minh trước Tết.',
    }),
  locale: z
    .enum(['vi', 'en'])
    .nullish()
    .meta({ description: 'Language for replies by mail; defaults to the request’s (?lang= or Accept-Language).' }),
  consent: z
    .boolean()
    .meta({ description: 'Must be true: the buyer agrees to be contacted about this inquiry.', example: true }),
  source: z.string().nullish().meta({
    description:
      'Which fair led the buyer here, as its links name it: `hoi-cho.{event}` (the fair’s page), `danh-muc.{event}` (its printed catalogue’s QR code) or `gian-hang.{event}` (an exhibitor’s booth). Any other value is ignored.',
    example: 'danh-muc.hoi-cho-ocop-quang-tri-2026',
  }),
  /** The honeypot: invisible on the form; people leave it empty, form-filling bots do not. */
  website: z.string().max(2000).nullish().meta({
    description: 'Honeypot: leave out or empty. Filled in, the inquiry is answered as accepted and discarded.',
  }),
  turnstileToken: z
    .string()
    .max(4096)
    .nullish()
    .meta({ description: 'Cloudflare Turnstile token; required only when the deployment enables Turnstile.' }),
});

export const inquiryShape = z
  .strictObject({
    product: z.string().max(L.slugMax).nullish().meta({
      description: 'Slug of a public product. Give a product, a cooperative, or both.',
      example: 'mat-ong-rung-u-minh',
    }),
    cooperative: z.string().max(L.slugMax).nullish().meta({ description: 'Slug of an active cooperative.' }),
    ...buyerShape.shape,
  })
  .meta({ id: 'InquiryRequest' });

/**
 * A request to several cooperatives at once (request.ts): the buyer's fields once, and the products it is about.
 * Limits beyond the array's length (distinct products, cooperatives) are request.ts's.
 */
export const inquiryRequestShape = z
  .strictObject({
    products: z
      .array(z.string().max(L.slugMax))
      .min(1)
      .max(L.requestProductsMax)
      .meta({
        description: `Slugs of public products, in the buyer’s order: at most ${L.requestProductsMax}, of at most ${L.requestCooperativesMax} cooperatives. A slug named twice counts once.`,
        example: ['mat-ong-rung-u-minh', 'tra-shan-tuyet-ta-xua'],
      }),
    ...buyerShape.shape,
  })
  .meta({ id: 'MultiInquiryRequest' });

export interface InquiryInput {
  productSlug: string | null;
  cooperativeSlug: string | null;
  name: string;
  organisation: string | null;
  email: string | null;
  /** E.164. */
  phone: string | null;
  country: string;
  quantity: number | null;
  unit: string | null;
  wantedBy: string | null;
  message: string;
  locale: Locale;
  /** Always true: an inquiry without consent is refused. */
  consent: true;
  honeypot: string;
  turnstileToken: string | null;
  /** The fair the buyer came from, if the value named one (unknown values are dropped, not refused). */
  source: InquirySource | null;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Rules across fields, on the raw values, so they are reported together with the shape's problems. */
function crossFieldIssues(raw: Record<string, unknown>, now: Date, found: FieldIssues): FieldIssues {
  const issues: FieldIssues = {};
  const present = (key: string) => isPresent(raw, key);
  if (!present('email') && !present('phone') && !found.email && !found.phone)
    issues.email = { code: 'contact_required' };
  if (present('quantity') && !present('unit') && !found.unit) issues.unit = { code: 'unit_required' };
  if (raw.consent === false && !found.consent) issues.consent = { code: 'consent_required' };
  if (typeof raw.wantedBy === 'string' && isCalendarDate(raw.wantedBy) && !found.wantedBy) {
    const today = vietnamToday(now);
    if (raw.wantedBy < today) issues.wantedBy = { code: 'date_in_past' };
    else if (raw.wantedBy > addDays(today, L.wantedByMaxDays))
      issues.wantedBy = { code: 'date_too_far', params: { days: L.wantedByMaxDays } };
  }
  return issues;
}

function isPresent(raw: Record<string, unknown>, key: string): boolean {
  return typeof raw[key] === 'string'
    ? (raw[key] as string).trim() !== ''
    : raw[key] !== undefined && raw[key] !== null;
}

/** The buyer's fields: what an inquiry to one cooperative and a request to several have in common. */
/** What a buyer writes about themself and their need, whichever products the inquiry is about. */
export type BuyerFields = Omit<InquiryInput, 'productSlug' | 'cooperativeSlug'>;
type BuyerShapeOutput = z.output<typeof buyerShape>;

/**
 * Parses `raw` with `shape` (the buyer's fields and what the body is about), reporting every problem at once:
 * the shape's, the rules across fields, and `targetIssues` (the rules of what the body is about).
 */
function parseBuyerBody<S extends z.ZodType<BuyerShapeOutput>>(
  shape: S,
  raw: unknown,
  now: Date,
  fallbackLocale: Locale,
  targetIssues: (record: Record<string, unknown>, found: FieldIssues) => FieldIssues,
): { data: z.output<S>; fields: BuyerFields } {
  const result = shape.safeParse(raw);
  const shapeIssues = result.success ? {} : fieldIssuesFromZod(result.error, raw);
  // A field left empty (blank after trimming) is missing, not "too short".
  for (const [field, issue] of Object.entries(shapeIssues)) {
    if (issue.code === 'too_short' && issue.params?.min === 1) shapeIssues[field] = { code: 'required' };
  }
  // A quantity the form could not read as a number says so, rather than "wrong type".
  if (shapeIssues.quantity?.code === 'invalid_type') shapeIssues.quantity = { code: 'number_invalid' };
  const record = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const issues = {
    ...shapeIssues,
    ...targetIssues(record, shapeIssues),
    ...crossFieldIssues(record, now, shapeIssues),
  };
  if (Object.keys(issues).length > 0 || !result.success) throw new ValidationError(issues);
  const data = result.data;
  return {
    data,
    fields: {
      name: data.name,
      organisation: data.organisation,
      email: data.email === null ? null : normaliseEmail(data.email),
      phone: data.phone === null ? null : normalisePhone(data.phone),
      country: data.country,
      quantity: data.quantity ?? null,
      unit: data.quantity == null ? null : data.unit,
      wantedBy: data.wantedBy ?? null,
      message: data.message,
      locale: data.locale ?? fallbackLocale,
      consent: true,
      honeypot: data.website ?? '',
      turnstileToken: data.turnstileToken ?? null,
      source: parseInquirySource(data.source),
    },
  };
}

/**
 * The inquiry in its stored form (email lower-cased, phone in E.164, country
 * upper-case), or a ValidationError naming every field that is wrong.
 * `fallbackLocale` is the language of the request when the body names none.
 */
export function parseInquiry(raw: unknown, now: Date, fallbackLocale: Locale): InquiryInput {
  const { data, fields } = parseBuyerBody(inquiryShape, raw, now, fallbackLocale, (record, found): FieldIssues =>
    !isPresent(record, 'product') && !isPresent(record, 'cooperative') && !found.product && !found.cooperative
      ? { product: { code: 'target_required' } }
      : {},
  );
  return {
    productSlug: data.product?.trim() || null,
    cooperativeSlug: data.cooperative?.trim() || null,
    ...fields,
  };
}

/** What a request to several cooperatives at once asks (request.ts): the buyer's fields and the products' slugs. */
export interface InquiryRequestInput extends BuyerFields {
  /** As given, duplicates included (request.ts reports each slug by its position). */
  productSlugs: string[];
}

export function parseInquiryRequest(raw: unknown, now: Date, fallbackLocale: Locale): InquiryRequestInput {
  try {
    const { data, fields } = parseBuyerBody(inquiryRequestShape, raw, now, fallbackLocale, () => ({}));
    return { productSlugs: data.products.map((slug) => slug.trim()), ...fields };
  } catch (error) {
    // The list's length in the buyer's words, rather than "a value of at most 20".
    if (!(error instanceof ValidationError)) throw error;
    const products = error.fields.products;
    if (products?.code === 'too_big') error.fields.products = { code: 'too_many_products', params: products.params };
    if (products?.code === 'too_small') error.fields.products = { code: 'products_required' };
    throw error;
  }
}

/** The names of the form's fields, which are the JSON body's names. */
export const INQUIRY_FORM_FIELDS = [
  'product',
  'cooperative',
  'name',
  'organisation',
  'email',
  'phone',
  'country',
  'quantity',
  'unit',
  'wantedBy',
  'message',
  'locale',
  'website',
  'source',
] as const;

/**
 * The posted form as the JSON body would say it: empty fields absent, the
 * quantity a number as typed in Viet Nam ("1.500" is 1500, "1,5" is 1.5; see
 * src/server/typed-number.ts), the consent box true when ticked.
 */
export function inquiryFromForm(form: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of INQUIRY_FORM_FIELDS) {
    const value = form[name];
    if (value !== undefined && value.trim() !== '') body[name] = value;
  }
  if (typeof body.quantity === 'string') {
    body.quantity = readTypedNumber(body.quantity) ?? body.quantity;
  }
  body.consent = form.consent === 'on' || form.consent === 'true' || form.consent === '1';
  const turnstile = form['cf-turnstile-response'];
  if (turnstile) body.turnstileToken = turnstile;
  return body;
}
