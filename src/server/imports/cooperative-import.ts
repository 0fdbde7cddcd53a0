/**
 * The trade department's register of cooperatives (CSV or XLSX), imported by
 * an officer: the columns, the preview (every row checked by the profile
 * form's own rules and matched to the directory by registration code,
 * nothing written) and the import.
 *
 * A row is the cooperative with the same registration code. A new one is
 * created, active and not verified, and its manager (the row's email) is
 * invited by mail when the officer asks for it: the cooperative, its audit
 * entry, the invitation and its mail in the outbox are one db.batch. An
 * existing one is updated in the register's fields only (what the register
 * is the authority for: name, kind, year, sector, members, place,
 * coordinates, phone); its description, links, logo and classification are
 * the cooperative's own, and a change of name, kind or province clears the
 * verified mark as an approved profile change does. An empty cell keeps the
 * stored value. A row equal to the directory is unchanged: importing the
 * same file again writes nothing.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { dictionary } from '../../i18n';
import { requireOfficer } from '../accounts/guards';
import { queueInvitationIf } from '../accounts/invitation-mail';
import { looksLikeEmail, normaliseEmail, type SessionUser } from '../accounts/users';
import { auditEntryExists, auditInsertIf } from '../audit/audit-log';
import {
  type CooperativeProfile,
  cooperativeProfileSchema,
  productSearchUpdates,
  VERIFIED_FIELDS,
} from '../cooperatives/profile-changes';
import { COOPERATIVE_KINDS, COOPERATIVE_SECTORS } from '../cooperatives/vocabulary';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { auditLog, cooperatives, provinces, users } from '../db/schema';
import { changeLog, diffFields } from '../moderation/revision-diff';
import { cooperativeSearchText } from '../search/search-text';
import { slugBase, slugify } from '../search/slug';
import { NO_RENAME, slugAfterRename, withFreeSlug } from '../slug-history/slug-history';
import { parseDecimal } from './cells';
import {
  choiceCell,
  type ColumnIssue,
  type ImportColumn,
  readRow,
  requireColumns,
  schemaIssues,
  textCell,
  wholeNumberCell,
} from './columns';
import type { Importer, ImportContext } from './import-runs';
import { communeColumn, PROVINCE_COLUMN, provinceFinder } from './places';
import { countActions, type ImportPlan, type PlannedRow, refusedRow } from './plan';

/** The register's fields: the profile's that the department keeps, and the manager to invite. */
export const REGISTER_FIELDS = [
  'name',
  'registrationCode',
  'kind',
  'foundedYear',
  'sector',
  'members',
  'provinceCode',
  'commune',
  'address',
  'latitude',
  'longitude',
  'phone',
] as const;
type RegisterField = (typeof REGISTER_FIELDS)[number];
type CooperativeField = RegisterField | 'managerName' | 'managerEmail';

const t = { vi: dictionary('vi').cooperative, en: dictionary('en').cooperative };

/** The cooperative importer's columns, in the template's order. */
export const COOPERATIVE_COLUMNS: readonly ImportColumn<CooperativeField>[] = [
  {
    field: 'name',
    headers: { vi: 'Tên hợp tác xã', en: 'Cooperative name' },
    required: true,
    example: 'Hợp tác xã Nông nghiệp Hồng Nam',
    read: textCell,
  },
  {
    field: 'registrationCode',
    headers: { vi: 'Mã số HTX', en: 'Registration code' },
    required: true,
    example: '0901234567',
    read: textCell,
  },
  {
    field: 'kind',
    headers: { vi: 'Loại hình', en: 'Kind' },
    required: true,
    example: 'Hợp tác xã',
    read: choiceCell(COOPERATIVE_KINDS, [t.vi.kinds, t.en.kinds], 'import_cooperative_kind'),
  },
  {
    field: 'foundedYear',
    headers: { vi: 'Năm thành lập', en: 'Year founded' },
    required: true,
    example: '2015',
    read: wholeNumberCell,
  },
  {
    field: 'sector',
    headers: { vi: 'Lĩnh vực', en: 'Sector' },
    required: true,
    example: 'Trồng trọt',
    read: choiceCell(COOPERATIVE_SECTORS, [t.vi.sectors, t.en.sectors], 'import_cooperative_sector'),
  },
  {
    field: 'members',
    headers: { vi: 'Số thành viên', en: 'Members' },
    required: false,
    example: '25',
    read: wholeNumberCell,
  },
  PROVINCE_COLUMN,
  communeColumn(true),
  {
    field: 'address',
    headers: { vi: 'Địa chỉ', en: 'Address' },
    required: true,
    example: 'Thôn Điện Biên, phường Hồng Châu',
    read: textCell,
  },
  {
    field: 'latitude',
    headers: { vi: 'Vĩ độ', en: 'Latitude' },
    required: false,
    example: '20.6612',
    read: parseDecimal,
  },
  {
    field: 'longitude',
    headers: { vi: 'Kinh độ', en: 'Longitude' },
    required: false,
    example: '106.0517',
    read: parseDecimal,
  },
  {
    field: 'managerName',
    headers: { vi: 'Người quản lý', en: 'Manager' },
    required: false,
    example: 'Nguyễn Văn An',
    read: textCell,
  },
  {
    field: 'managerEmail',
    headers: { vi: 'Email người quản lý', en: "Manager's email" },
    required: false,
    example: 'quanly@htxhongnam.vn',
    read: textCell,
  },
  {
    field: 'phone',
    headers: { vi: 'Điện thoại', en: 'Phone' },
    required: false,
    example: '0221 3862 123',
    read: textCell,
  },
];

type Profile = CooperativeProfile;

/** What a row writes: the whole profile it leaves (for the rules), and for a new cooperative its slug and manager. */
export interface CooperativeRowInput {
  profile: Profile;
  provinceName: string;
  /** For a new cooperative. */
  slug?: string;
  manager?: { name: string; email: string | null };
  /** For an update: the register fields that change, as the audit log keeps them. */
  changes?: Record<string, unknown>;
  /** For an update: the stored name, to refresh the products' search text after a rename. */
  renamed?: boolean;
}

export type CooperativePlan = ImportPlan<CooperativeRowInput>;
type PlannedCooperative = PlannedRow<CooperativeRowInput>;

/** A new cooperative's profile before the row's cells: what the register does not say. */
const NEW_PROFILE: Omit<Profile, RegisterField> & Partial<Profile> = {
  members: 0,
  latitude: null,
  longitude: null,
  phone: null,
  classification: null,
  classificationYear: null,
  descriptionVi: '',
  descriptionEn: '',
  email: null,
  website: null,
  zalo: null,
  logoUrl: null,
};

const registerColumns = Object.fromEntries(REGISTER_FIELDS.map((field) => [field, cooperatives[field]])) as {
  [K in RegisterField]: (typeof cooperatives)[K];
};
const otherProfileFields = [
  'classification',
  'classificationYear',
  'descriptionVi',
  'descriptionEn',
  'email',
  'website',
  'zalo',
  'logoUrl',
] as const;

/** A stored cooperative's profile fields, without its id and mark (the profile's schema is strict). */
const storedProfile = ({ id: _id, verified: _verified, ...profile }: Profile & { id: string; verified: boolean }) =>
  profile;

/** D1 binds at most 100 parameters to a statement. */
const IN_LIST = 90;

async function inChunks<Row>(values: readonly string[], read: (chunk: string[]) => Promise<Row[]>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let at = 0; at < values.length; at += IN_LIST) rows.push(...(await read(values.slice(at, at + IN_LIST))));
  return rows;
}

/** The directory's cooperatives with these registration codes, with the profile fields the rules need. */
async function cooperativesByCode(db: Database, codes: readonly string[]) {
  const rows = await inChunks(codes, (chunk) =>
    db
      .select({
        id: cooperatives.id,
        verified: cooperatives.verified,
        ...registerColumns,
        ...Object.fromEntries(otherProfileFields.map((field) => [field, cooperatives[field]])),
      })
      .from(cooperatives)
      .where(inArray(cooperatives.registrationCode, chunk)),
  );
  return new Map(
    rows.map((row) => [row.registrationCode, row as unknown as Profile & { id: string; verified: boolean }]),
  );
}

const takenSlugs = async (db: Database, slugs: readonly string[]) =>
  new Set(
    (
      await inChunks(slugs, (chunk) =>
        db.select({ slug: cooperatives.slug }).from(cooperatives).where(inArray(cooperatives.slug, chunk)),
      )
    ).map((row) => row.slug),
  );

const emailsWithAccounts = async (db: Database, emails: readonly string[]) =>
  new Set(
    (
      await inChunks(emails, (chunk) =>
        db.select({ email: users.email }).from(users).where(inArray(users.email, chunk)),
      )
    ).map((row) => row.email),
  );

/**
 * Checks every row of the register (header first), as the officer: what
 * importing it would do, row by row. Writes nothing. ValidationError on
 * `file` when a required column is missing.
 */
export async function planCooperativeImport(
  db: Database,
  user: SessionUser | null | undefined,
  sheet: readonly (readonly string[])[],
  now: Date,
): Promise<CooperativePlan> {
  requireOfficer(user);
  const [header = [], ...body] = sheet;
  const { index, headerOf } = requireColumns(COOPERATIVE_COLUMNS, header);
  const schema = cooperativeProfileSchema(now);
  const findProvince = await provinceFinder(db);
  const read = body.map((cells, i) => ({
    rowNumber: i + 2,
    ...readRow(COOPERATIVE_COLUMNS, index, header, cells, i + 2),
  }));
  const codes = read.flatMap(({ input }) =>
    typeof input.registrationCode === 'string' ? [input.registrationCode] : [],
  );
  const managerEmails = read.flatMap(({ input }) =>
    typeof input.managerEmail === 'string' ? [normaliseEmail(input.managerEmail)] : [],
  );
  const [existing, provinceNames, withAccounts] = await Promise.all([
    cooperativesByCode(db, [...new Set(codes)]),
    db.select({ code: provinces.code, nameVi: provinces.nameVi }).from(provinces),
    emailsWithAccounts(db, [...new Set(managerEmails)]),
  ]);
  const provinceName = new Map(provinceNames.map((row) => [row.code, row.nameVi]));

  const firstRowOf = new Map<string, number>();
  const checked = read.map(({ rowNumber, input, issues }) => {
    const name = typeof input.name === 'string' ? input.name : '';
    const issue = (field: string, code: string, params?: Record<string, string | number>): ColumnIssue => ({
      row: rowNumber,
      column: headerOf(field),
      value: String(input[field as CooperativeField] ?? ''),
      code,
      params,
    });
    if (typeof input.provinceCode === 'string') {
      const code = findProvince(input.provinceCode);
      if (code) input.provinceCode = code;
      else {
        issues.push(issue('provinceCode', 'import_unknown_province'));
        delete input.provinceCode;
      }
    }
    const { managerName, managerEmail, ...register } = input;
    const email = typeof managerEmail === 'string' ? normaliseEmail(managerEmail) : null;
    const match = typeof register.registrationCode === 'string' ? existing.get(register.registrationCode) : undefined;
    if (email !== null && !looksLikeEmail(email)) issues.push(issue('managerEmail', 'email_invalid'));
    else if (email !== null && !match && withAccounts.has(email)) issues.push(issue('managerEmail', 'email_taken'));
    const stored = match ? storedProfile(match) : NEW_PROFILE;
    const parsed = schema.safeParse({ ...stored, ...register });
    if (!parsed.success) schemaIssues(parsed.error, register, rowNumber, headerOf, issues);
    return { rowNumber, name, issues, match, profile: parsed.data, managerName, email };
  });

  const rows = checked.map(({ rowNumber, name, issues, match, profile, managerName, email }): PlannedCooperative => {
    if (!profile || issues.length > 0) return { row: rowNumber, action: 'refused', name, issues };
    const earlier = firstRowOf.get(profile.registrationCode);
    if (earlier !== undefined)
      return refusedRow(rowNumber, name, {
        column: headerOf('registrationCode'),
        value: profile.registrationCode,
        code: 'import_duplicate_row',
        params: { row: earlier },
      });
    firstRowOf.set(profile.registrationCode, rowNumber);
    const place = provinceName.get(profile.provinceCode) ?? '';
    if (!match) {
      const manager = { name: typeof managerName === 'string' ? managerName : '', email };
      return { row: rowNumber, action: 'create', name, issues: [], input: { profile, provinceName: place, manager } };
    }
    const changes = changeLog(diffFields(REGISTER_FIELDS, match, profile));
    if (Object.keys(changes).length === 0) return { row: rowNumber, action: 'unchanged', name, issues: [] };
    return {
      row: rowNumber,
      action: 'update',
      name,
      issues: [],
      slug: match.id,
      input: { profile, provinceName: place, changes, renamed: 'name' in changes },
    };
  });
  await assignSlugs(db, rows);
  return { rows, counts: countActions(rows) };
}

/** New cooperatives' slugs: the name's, or with the registration code after it when the name's is taken. */
async function assignSlugs(db: Database, rows: PlannedCooperative[]) {
  const created = rows.filter((row) => row.action === 'create' && row.input);
  const bases = created.map((row) => slugBase(row.input!.profile.name, 'htx'));
  const taken = await takenSlugs(db, [...new Set(bases)]);
  created.forEach((row, i) => {
    const base = bases[i]!;
    const slug = taken.has(base) ? `${base}-${slugify(row.input!.profile.registrationCode)}` : base;
    taken.add(slug);
    row.input!.slug = slug;
  });
}

/** The slug change of a cooperative the register renames, read as it is stored now. */
async function renamedCooperativeSlug(db: Database, id: string, name: string, now: Date, claimed: Set<string>) {
  const [stored] = await db
    .select({ id: cooperatives.id, slug: cooperatives.slug, name: cooperatives.name })
    .from(cooperatives)
    .where(eq(cooperatives.id, id))
    .limit(1);
  if (!stored) return NO_RENAME;
  return slugAfterRename(db, 'cooperative', stored, { before: stored.name, after: name }, now, claimed);
}

export const COOPERATIVE_IMPORTED = 'cooperative.imported';
export const COOPERATIVE_REGISTER_UPDATED = 'cooperative.register_updated';

/** A row's statements for the chunk's batch, and the audit entry that witnesses they were written. */
async function rowStatements(
  db: Database,
  officer: SessionUser,
  row: PlannedCooperative,
  context: ImportContext,
  now: Date,
  /** The slugs the chunk's other renames take. */
  claimed: Set<string>,
): Promise<{ auditId: string; statements: BatchItem<'sqlite'>[] }> {
  const input = row.input!;
  const { profile } = input;
  const auditId = newId();
  const witnessed = auditEntryExists(auditId);
  const searchText = cooperativeSearchText(profile, { provinceName: input.provinceName });
  if (row.action === 'create') {
    const id = newId();
    const email = context.invite ? input.manager?.email : null;
    return {
      auditId,
      statements: [
        // A registration code or slug taken since the preview: nothing is inserted, so no entry, no invitation.
        db
          .insert(cooperatives)
          .values({ id, slug: input.slug!, ...profile, ...searchText, createdAt: now, updatedAt: now })
          .onConflictDoNothing(),
        auditInsertIf(
          db,
          {
            id: auditId,
            actorUserId: officer.id,
            action: COOPERATIVE_IMPORTED,
            entityType: 'cooperative',
            entityId: id,
            detail: {
              registrationCode: profile.registrationCode,
              manager: input.manager?.name || null,
              invited: email ?? null,
            },
            at: now,
          },
          sql`EXISTS (SELECT 1 FROM ${cooperatives} WHERE ${cooperatives.id} = ${id})`,
        ),
        ...(email
          ? queueInvitationIf(
              db,
              {
                cooperativeId: id,
                cooperativeName: profile.name,
                email,
                asManager: true,
                inviter: officer,
                locale: context.locale,
                linkFor: context.linkFor,
              },
              witnessed,
              now,
            )
          : []),
      ],
    };
  }
  const id = row.slug!;
  const identityChanged = VERIFIED_FIELDS.some((field) => field in input.changes!);
  const register = Object.fromEntries(REGISTER_FIELDS.map((field) => [field, profile[field]]));
  // A cooperative renamed in the register: its address follows the name (the old one answers 301).
  const rename = input.renamed ? await renamedCooperativeSlug(db, id, profile.name, now, claimed) : NO_RENAME;
  return {
    auditId,
    statements: [
      auditInsertIf(
        db,
        {
          id: auditId,
          actorUserId: officer.id,
          action: COOPERATIVE_REGISTER_UPDATED,
          entityType: 'cooperative',
          entityId: id,
          detail: { changes: input.changes },
          at: now,
        },
        // Only while no other cooperative took the code meanwhile: the update would fail on the unique index.
        sql`NOT EXISTS (SELECT 1 FROM ${cooperatives} WHERE ${cooperatives.registrationCode} = ${profile.registrationCode} AND ${cooperatives.id} <> ${id})`,
      ),
      db
        .update(cooperatives)
        .set({
          ...register,
          ...searchText,
          updatedAt: now,
          ...(identityChanged ? { verified: false, verifiedAt: null, verificationEvidence: null } : {}),
          ...rename.set,
        })
        .where(and(eq(cooperatives.id, id), witnessed)),
      ...rename.history,
      ...(input.renamed ? await productSearchUpdates(db, id, profile.name, witnessed) : []),
    ],
  };
}

/**
 * Writes a chunk of the plan's rows in one db.batch, with `also` (the run's
 * progress) in the same batch, so a chunk and its progress are written
 * together or not at all. A row the directory refuses as it is written (a
 * registration code taken meanwhile) is refused in the result; the rest are
 * written.
 */
export async function writeCooperativeRows(
  db: Database,
  user: SessionUser | null | undefined,
  rows: readonly PlannedCooperative[],
  context: ImportContext,
  now: Date,
  also: readonly BatchItem<'sqlite'>[] = [],
): Promise<PlannedCooperative[]> {
  // A rename racing another one to the same name is written again with the next free slug.
  return withFreeSlug('cooperative', async () => {
    const officer = requireOfficer(user);
    // Two rows renamed to one name take two slugs: the chunk is one batch.
    const claimed = new Set<string>();
    const writes = await Promise.all(
      rows.map(async (row) =>
        row.input && (row.action === 'create' || row.action === 'update')
          ? { row, ...(await rowStatements(db, officer, row, context, now, claimed)) }
          : { row, auditId: null, statements: [] },
      ),
    );
    const statements = [...writes.flatMap((write) => write.statements), ...also];
    await context.beforeWrite?.();
    if (statements.length > 0) await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    const auditIds = writes.flatMap((write) => (write.auditId ? [write.auditId] : []));
    const written = new Set(
      (
        await inChunks(auditIds, (chunk) =>
          db.select({ id: auditLog.id }).from(auditLog).where(inArray(auditLog.id, chunk)),
        )
      ).map((entry) => entry.id),
    );
    return writes.map(({ row, auditId }) =>
      !auditId || written.has(auditId)
        ? row
        : refusedRow(row.row, row.name, {
            column: COOPERATIVE_COLUMNS[1]!.headers.vi,
            value: row.input?.profile.registrationCode ?? '',
            code: 'registration_taken',
          }),
    );
  });
}

/** Cooperatives from the department's register, by trade officers (./import-runs.ts runs it). */
export const COOPERATIVE_IMPORTER: Importer<CooperativeRowInput> = {
  kind: 'cooperatives',
  scopeOf: (user) => ({ user: requireOfficer(user), cooperativeId: null }),
  plan: (db, user, _cooperativeId, sheet, now) => planCooperativeImport(db, user, sheet, now),
  write: (db, user, _cooperativeId, rows, context, now, progress) =>
    writeCooperativeRows(db, user, rows, context, now, progress),
};
