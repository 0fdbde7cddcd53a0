/**
 * A cooperative's own directory profile, edited by its manager: every field
 * of the directory page except what the trade department decides (verified,
 * status). Changes apply at once and are written with an audit row that
 * keeps each changed field's old and new value; a change to what the
 * department verified (name, registration code, legal form, province) clears
 * the verified mark until an officer checks it again.
 */
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { requireCooperativeMember } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { COOPERATIVE_CLASSIFICATIONS, COOPERATIVE_KINDS, COOPERATIVE_SECTORS } from '../cooperatives/vocabulary';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { auditLog, cooperatives, products, provinces } from '../db/schema';
import { ForbiddenError, NotFoundError, type FieldIssues, ValidationError } from '../errors';
import { UPLOADED_LOGO_PATH } from '../media/stored-image';
import { cooperativeSearchText, productSearchText } from '../search/search-text';
import { vietnamDate } from '../time/vietnam';
import { parseInput } from '../validation';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));
const optionalMatching = (pattern: RegExp, code: string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || pattern.test(value), { params: { code } });
const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .nullish()
  .or(z.literal(''))
  .transform((value) => (value ? value : null));

export function cooperativeProfileSchema(now: Date) {
  const year = Number(vietnamDate(now).slice(0, 4));
  return z
    .strictObject({
      name: z.string().trim().min(2).max(200),
      kind: z.enum(COOPERATIVE_KINDS),
      registrationCode: z.string().trim().regex(/^[0-9A-Za-z-]{6,20}$/),
      foundedYear: z.number().int().min(1945).max(year),
      provinceCode: z.string().regex(/^\d{2}$/),
      commune: z.string().trim().min(2).max(200),
      address: z.string().trim().min(2).max(300),
      sector: z.enum(COOPERATIVE_SECTORS),
      members: z.number().int().min(0).max(10_000_000),
      classification: z.enum(COOPERATIVE_CLASSIFICATIONS).nullish().transform((value) => value ?? null),
      classificationYear: z.number().int().min(1945).max(year).nullish().transform((value) => value ?? null),
      descriptionVi: optionalText(5000).transform((value) => value ?? ''),
      descriptionEn: optionalText(5000).transform((value) => value ?? ''),
      // People type spaces, dots and dashes; what is stored must still dial (contact.ts reads it).
      phone: optionalMatching(/^\+?[0-9\s.()-]{8,20}$/, 'phone'),
      email: optionalMatching(/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/, 'email_invalid'),
      website: httpUrl,
      zalo: optionalMatching(/^\+?[0-9\s.-]{8,20}$/, 'phone'),
      // An uploaded logo (a path of ours, which the page sets from the upload, never from a typed field) or an older https address.
      logoUrl: z.string().regex(UPLOADED_LOGO_PATH).or(httpUrl),
    })
    .superRefine((profile, ctx) => {
      if ((profile.classification === null) !== (profile.classificationYear === null)) {
        const path = profile.classification === null ? 'classification' : 'classificationYear';
        ctx.addIssue({ code: 'custom', params: { code: 'classification_pair' }, path: [path] });
      }
      if (profile.classificationYear !== null && profile.classificationYear < profile.foundedYear) {
        ctx.addIssue({ code: 'custom', params: { code: 'before_founded' }, path: ['classificationYear'] });
      }
    });
}

export type CooperativeProfile = z.output<ReturnType<typeof cooperativeProfileSchema>>;
export const PROFILE_FIELDS = [
  'name',
  'kind',
  'registrationCode',
  'foundedYear',
  'provinceCode',
  'commune',
  'address',
  'sector',
  'members',
  'classification',
  'classificationYear',
  'descriptionVi',
  'descriptionEn',
  'phone',
  'email',
  'website',
  'zalo',
  'logoUrl',
] as const satisfies readonly (keyof CooperativeProfile)[];

/** What the trade department checked when it verified a cooperative. */
const VERIFIED_FIELDS: readonly (keyof CooperativeProfile)[] = ['name', 'registrationCode', 'kind', 'provinceCode'];

/** The manager of this cooperative (officers and admins moderate; they do not write a cooperative's profile). */
function requireProfileEditor(user: SessionUser | null | undefined, cooperativeId: string) {
  const member = requireCooperativeMember(user, cooperativeId);
  if (!member.isManager) throw new ForbiddenError('only the manager edits the profile');
  return member;
}

const profileColumns = Object.fromEntries(PROFILE_FIELDS.map((field) => [field, cooperatives[field]])) as {
  [K in (typeof PROFILE_FIELDS)[number]]: (typeof cooperatives)[K];
};

export interface StoredProfile {
  id: string;
  slug: string;
  verified: boolean;
  fields: CooperativeProfile;
}

export async function loadCooperativeProfile(db: Database, user: SessionUser | null | undefined): Promise<StoredProfile> {
  const manager = requireProfileEditor(user, user?.cooperativeId ?? '');
  const [row] = await db
    .select({ id: cooperatives.id, slug: cooperatives.slug, verified: cooperatives.verified, ...profileColumns })
    .from(cooperatives)
    .where(eq(cooperatives.id, manager.cooperativeId))
    .limit(1);
  if (!row) throw new NotFoundError('cooperative');
  const { id, slug, verified, ...fields } = row;
  return { id, slug, verified, fields: fields as CooperativeProfile };
}

export async function updateCooperativeProfile(
  db: Database,
  user: SessionUser | null | undefined,
  input: unknown,
  now: Date,
): Promise<{ changed: string[]; unverified: boolean }> {
  const current = await loadCooperativeProfile(db, user);
  const manager = requireProfileEditor(user, current.id);
  const profile = parseInput(cooperativeProfileSchema(now), input);

  const [province, registrationClash] = await Promise.all([
    db.select({ nameVi: provinces.nameVi }).from(provinces).where(eq(provinces.code, profile.provinceCode)).limit(1),
    db
      .select({ id: cooperatives.id })
      .from(cooperatives)
      .where(and(eq(cooperatives.registrationCode, profile.registrationCode), ne(cooperatives.id, current.id)))
      .limit(1),
  ]);
  const problems: FieldIssues = {};
  if (province.length === 0) problems.provinceCode = { code: 'unknown_value' };
  if (registrationClash.length > 0) problems.registrationCode = { code: 'registration_taken' };
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);

  const changes = Object.fromEntries(
    PROFILE_FIELDS.filter((field) => current.fields[field] !== profile[field]).map((field) => [field, [current.fields[field], profile[field]]]),
  );
  const changed = Object.keys(changes);
  if (changed.length === 0) return { changed, unverified: false };
  const unverified = current.verified && VERIFIED_FIELDS.some((field) => field in changes);
  const search = cooperativeSearchText(profile, { provinceName: province[0]?.nameVi });
  // Products' search text holds their cooperative's name (as the seed writes it): renamed, they are found by the new one.
  const productUpdates = 'name' in changes ? await productSearchUpdates(db, current.id, profile.name) : [];
  await db.batch([
    db
      .update(cooperatives)
      .set({
        ...profile,
        ...search,
        updatedAt: now,
        ...(unverified ? { verified: false, verifiedAt: null, verificationEvidence: null } : {}),
      })
      .where(eq(cooperatives.id, current.id)),
    db.insert(auditLog).values({
      id: newId(),
      actorUserId: manager.id,
      action: 'cooperative.updated',
      entityType: 'cooperative',
      entityId: current.id,
      detail: { changes, unverified },
    }),
    ...productUpdates,
  ]);
  return { changed, unverified };
}

async function productSearchUpdates(db: Database, cooperativeId: string, cooperativeName: string) {
  const rows = await db
    .select({
      id: products.id,
      nameVi: products.nameVi,
      nameEn: products.nameEn,
      descriptionVi: products.descriptionVi,
      descriptionEn: products.descriptionEn,
      commune: products.commune,
      originFormerly: products.originFormerly,
      provinceName: provinces.nameVi,
    })
    .from(products)
    .innerJoin(provinces, eq(provinces.code, products.provinceCode))
    .where(eq(products.cooperativeId, cooperativeId));
  return rows.map(({ id, provinceName, ...product }) =>
    db.update(products).set(productSearchText(product, { provinceName, cooperativeName })).where(eq(products.id, id)),
  );
}
