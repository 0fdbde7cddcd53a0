/**
 * A cooperative's own directory profile, edited by its manager: every field
 * of the directory page except what the trade department decides (verified,
 * status).
 *
 * Every one of these fields goes through moderation. The issue's rule is
 * that the department decides what goes public, and each field here is shown
 * publicly on the directory page or feeds its search: the legal identity
 * (name, registration code, legal form, province) is what verification
 * vouches for, and the rest (members, classification, description, contacts,
 * logo) are claims and addresses buyers act on — a wrong phone number or a
 * hijacked website link does as much harm as a wrong name. So the manager's
 * save is a pending revision (pending-revisions.ts), the directory keeps the
 * published profile, and an officer approves (applied with its audit entry in
 * one batch) or rejects with a reason the manager reads.
 *
 * Approving a change of the legal identity fields clears the verified mark:
 * approving checks that the change is plausible, verification checks it
 * against the registration documents (with evidence), which is a separate
 * step of the department.
 */
import { and, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { z } from 'zod';
import { requireCooperativeMember } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { checkCoordinatePair, latitudeInVietnam, longitudeInVietnam } from './location';
import { COOPERATIVE_CLASSIFICATIONS, COOPERATIVE_KINDS, COOPERATIVE_SECTORS } from './vocabulary';
import type { Database } from '../db/client';
import { auditEntryExists, auditEntryWritten, auditInsertIf } from '../audit/audit-log';
import { newId } from '../db/ids';
import { cooperatives, products, provinces } from '../db/schema';
import { ConflictError, ForbiddenError, NotFoundError, type FieldIssues, ValidationError } from '../errors';
import { UPLOADED_LOGO_PATH } from '../media/stored-image';
import { cooperativeSearchText, productSearchText } from '../search/search-text';
import { vietnamDate } from '../time/vietnam';
import { optionalText, parseInput } from '../validation';
import { slugAfterRename, withFreeSlug } from '../slug-history/slug-history';
import { checkCommune, withOfficialCommune } from '../provinces/communes';
import {
  deleteAppliedRevision,
  dropRevision,
  findRevision,
  type PendingRevision,
  revisionStill,
  storeProposal,
} from '../moderation/pending-revisions';
import {
  changedFieldNames,
  changeLog,
  diffFields,
  type FieldChange,
  proposedColumns,
} from '../moderation/revision-diff';

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
      registrationCode: z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z-]{6,20}$/),
      foundedYear: z.number().int().min(1945).max(year),
      provinceCode: z.string().regex(/^\d{2}$/),
      commune: z.string().trim().min(2).max(200),
      address: z.string().trim().min(2).max(300),
      latitude: latitudeInVietnam,
      longitude: longitudeInVietnam,
      sector: z.enum(COOPERATIVE_SECTORS),
      members: z.number().int().min(0).max(10_000_000),
      classification: z
        .enum(COOPERATIVE_CLASSIFICATIONS)
        .nullish()
        .transform((value) => value ?? null),
      classificationYear: z
        .number()
        .int()
        .min(1945)
        .max(year)
        .nullish()
        .transform((value) => value ?? null),
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
      checkCoordinatePair(profile, ctx);
      if ((profile.classification === null) !== (profile.classificationYear === null)) {
        const path = profile.classification === null ? 'classification' : 'classificationYear';
        ctx.addIssue({ code: 'custom', params: { code: 'classification_pair' }, path: [path] });
      }
      if (profile.classificationYear !== null && profile.classificationYear < profile.foundedYear) {
        ctx.addIssue({ code: 'custom', params: { code: 'before_founded' }, path: ['classificationYear'] });
      }
      checkCommune(profile, ctx);
    })
    .transform(withOfficialCommune);
}

export type CooperativeProfile = z.output<ReturnType<typeof cooperativeProfileSchema>>;
/** The profile form's logo file input and its companions (the logo is not a typed field: it comes from the upload). */
export const LOGO_FIELD = 'logo';
export const REMOVE_LOGO_FIELD = 'removeLogo';
export const PENDING_LOGO_FIELD = 'pendingLogo';

export const PROFILE_FIELDS = [
  'name',
  'kind',
  'registrationCode',
  'foundedYear',
  'provinceCode',
  'commune',
  'address',
  'latitude',
  'longitude',
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
export const VERIFIED_FIELDS: readonly (keyof CooperativeProfile)[] = [
  'name',
  'registrationCode',
  'kind',
  'provinceCode',
];

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

export async function loadCooperativeProfile(
  db: Database,
  user: SessionUser | null | undefined,
): Promise<StoredProfile> {
  const manager = requireProfileEditor(user, user?.cooperativeId ?? '');
  return publishedProfile(db, manager.cooperativeId);
}

/** The rules that need the database: the province exists, the registration code is no other cooperative's. */
async function checkProfileAgainstStore(db: Database, profile: CooperativeProfile, cooperativeId: string) {
  const [province, registrationClash] = await Promise.all([
    db.select({ nameVi: provinces.nameVi }).from(provinces).where(eq(provinces.code, profile.provinceCode)).limit(1),
    db
      .select({ id: cooperatives.id })
      .from(cooperatives)
      .where(and(eq(cooperatives.registrationCode, profile.registrationCode), ne(cooperatives.id, cooperativeId)))
      .limit(1),
  ]);
  const problems: FieldIssues = {};
  if (province.length === 0) problems.provinceCode = { code: 'unknown_value' };
  if (registrationClash.length > 0) problems.registrationCode = { code: 'registration_taken' };
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return { provinceName: province[0]?.nameVi ?? '' };
}

/**
 * Stores the manager's edit as the cooperative's pending change. An edit
 * equal to the published profile is no change: a pending one is then
 * withdrawn. The directory shows the published profile until an officer
 * approves.
 */
export async function proposeProfileChange(
  db: Database,
  user: SessionUser | null | undefined,
  input: unknown,
  now: Date,
): Promise<{ outcome: 'proposed' | 'unchanged'; changed: string[] }> {
  const current = await loadCooperativeProfile(db, user);
  const manager = requireProfileEditor(user, current.id);
  const profile = parseInput(cooperativeProfileSchema(now), input);
  await checkProfileAgainstStore(db, profile, current.id);
  const changes = diffFields(PROFILE_FIELDS, current.fields, profile);
  const changed = changedFieldNames(changes);
  const existing = await findRevision(db, 'cooperative', current.id);
  if (changed.length === 0) {
    if (existing) await dropRevision(db, existing, manager, 'withdrawn', now);
    return { outcome: 'unchanged', changed };
  }
  await storeProposal(db, {
    entityType: 'cooperative',
    entityId: current.id,
    cooperativeId: current.id,
    proposed: profile,
    author: manager,
    changes: changeLog(changes),
    condition: sql`EXISTS (SELECT 1 FROM ${cooperatives} WHERE ${cooperatives.id} = ${current.id})`,
    at: now,
  });
  return { outcome: 'proposed', changed };
}

/** The manager takes the pending (or rejected) change back; the published profile stays. */
export async function withdrawProfileChange(
  db: Database,
  user: SessionUser | null | undefined,
  now: Date,
): Promise<void> {
  const current = await loadCooperativeProfile(db, user);
  const manager = requireProfileEditor(user, current.id);
  const revision = await findRevision(db, 'cooperative', current.id);
  if (!revision) throw new ConflictError('no change to withdraw');
  await dropRevision(db, revision, manager, 'withdrawn', now);
}

export interface ProfileRevisionState {
  revision: PendingRevision;
  /** The proposal's fields, for the form. */
  fields: CooperativeProfile;
  changes: FieldChange<(typeof PROFILE_FIELDS)[number]>[];
}

/** The cooperative's change with its diff against the published profile, or null. The caller checked who may see it. */
export async function loadProfileRevision(db: Database, cooperativeId: string): Promise<ProfileRevisionState | null> {
  const revision = await findRevision(db, 'cooperative', cooperativeId);
  if (!revision) return null;
  const published = await publishedProfile(db, cooperativeId);
  const fields = proposedColumns(PROFILE_FIELDS, { ...published.fields, ...revision.proposed } as CooperativeProfile);
  return { revision, fields, changes: diffFields(PROFILE_FIELDS, published.fields, fields) };
}

async function publishedProfile(db: Database, cooperativeId: string): Promise<StoredProfile> {
  const [row] = await db
    .select({ id: cooperatives.id, slug: cooperatives.slug, verified: cooperatives.verified, ...profileColumns })
    .from(cooperatives)
    .where(eq(cooperatives.id, cooperativeId))
    .limit(1);
  if (!row) throw new NotFoundError('cooperative');
  const { id, slug, verified, ...fields } = row;
  return { id, slug, verified, fields: fields as CooperativeProfile };
}

export const PROFILE_CHANGE_APPROVED = 'cooperative.change_approved';

/**
 * Writes an approved change into the directory profile: the fields, their
 * search text, the verified mark cleared when the legal identity changed, the
 * search text of the cooperative's products after a rename, the audit entry
 * with each changed field's old and new value, and the revision's deletion —
 * in one batch, and only if the change is still pending at the version the
 * officer saw. The proposal is read through today's rules again, and a
 * registration code taken meanwhile is a conflict, never written.
 */
export async function applyProfileChange(
  db: Database,
  officer: SessionUser,
  revision: PendingRevision,
  seenVersion: number,
  now: Date,
  /** Statements for the same batch, written only with the approval's audit entry (its notifications). */
  also: (witnessed: SQL, auditId: string, unverified: boolean) => BatchItem<'sqlite'>[] = () => [],
): Promise<{ unverified: boolean }> {
  // A rename racing another one to the same name is written again with the next free slug.
  return withFreeSlug('cooperative', async () => {
    let profile: CooperativeProfile;
    let provinceName: string;
    try {
      profile = parseInput(cooperativeProfileSchema(now), revision.proposed);
      ({ provinceName } = await checkProfileAgainstStore(db, profile, revision.entityId));
    } catch (error) {
      if (error instanceof ValidationError)
        throw new ConflictError('the change no longer passes the rules', error.fields);
      throw error;
    }
    const current = await publishedProfile(db, revision.entityId);
    const changes = diffFields(PROFILE_FIELDS, current.fields, profile);
    const log = changeLog(changes);
    const identityChanged = VERIFIED_FIELDS.some((field) => field in log);
    const unverified = current.verified && identityChanged;
    const auditId = newId();
    const witnessed = auditEntryExists(auditId);
    // Products' search text holds their cooperative's name (as the seed writes it): renamed, they are found by the new one.
    const productUpdates =
      'name' in log ? await productSearchUpdates(db, revision.entityId, profile.name, witnessed) : [];
    // A renamed cooperative's address follows its name (the old one answers 301).
    const rename = await slugAfterRename(
      db,
      'cooperative',
      current,
      { before: current.fields.name, after: profile.name },
      now,
    );
    await db.batch([
      auditInsertIf(
        db,
        {
          id: auditId,
          actorUserId: officer.id,
          action: PROFILE_CHANGE_APPROVED,
          entityType: 'cooperative',
          entityId: revision.entityId,
          detail: { revision: revision.id, version: seenVersion, changes: log, unverified },
          at: now,
        },
        revisionStill(revision.id, seenVersion, 'pending'),
      ),
      db
        .update(cooperatives)
        .set({
          ...proposedColumns(PROFILE_FIELDS, profile),
          ...cooperativeSearchText(profile, { provinceName }),
          updatedAt: now,
          ...(identityChanged ? { verified: false, verifiedAt: null, verificationEvidence: null } : {}),
          ...rename.set,
        })
        .where(and(eq(cooperatives.id, revision.entityId), witnessed)),
      ...rename.history,
      ...productUpdates,
      deleteAppliedRevision(db, revision.id, auditId),
      ...also(witnessed, auditId, unverified),
    ]);
    if (!(await auditEntryWritten(db, auditId))) throw new ConflictError('changed since it was reviewed');
    return { unverified };
  });
}

/** The search text of the cooperative's products after a rename, each written only if `witnessed` holds. */
export async function productSearchUpdates(
  db: Database,
  cooperativeId: string,
  cooperativeName: string,
  witnessed: SQL,
) {
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
    db
      .update(products)
      .set(productSearchText(product, { provinceName, cooperativeName }))
      .where(and(eq(products.id, id), witnessed)),
  );
}
