/**
 * Provinces' plan targets, kept by trade officers and admins. Every write
 * goes in one db.batch with its audit entry (the old and new values), so the
 * log and the table cannot disagree.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import { requireOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { auditInsert } from '../audit/audit-log';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { isUniqueViolation } from '../db/unique-violation';
import { provinces, provinceTargets } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { type FormerUnit, findFormerUnit } from '../provinces/former-units';
import { parseInput } from '../validation';
import { type TargetInput, targetInputSchema } from './target-input';
import type { TargetMetric } from './vocabulary';

export const TARGET_ENTITY = 'province_target';

export interface Target {
  id: string;
  province: { code: string; slug: string; nameVi: string; nameEn: string };
  metric: TargetMetric;
  minimum: number;
  maximum: number | null;
  dueDate: string;
  source: string;
  /** The former district or province the plan covers; null for the whole province. */
  area: FormerUnit | null;
  reportedValue: number | null;
  reportedOn: string | null;
  updatedAt: Date;
}

const targetColumns = {
  id: provinceTargets.id,
  metric: provinceTargets.metric,
  minimum: provinceTargets.minimum,
  maximum: provinceTargets.maximum,
  dueDate: provinceTargets.dueDate,
  source: provinceTargets.source,
  formerUnit: provinceTargets.formerUnit,
  reportedValue: provinceTargets.reportedValue,
  reportedOn: provinceTargets.reportedOn,
  updatedAt: provinceTargets.updatedAt,
  province: { code: provinces.code, slug: provinces.slug, nameVi: provinces.nameVi, nameEn: provinces.nameEn },
};

/** Targets of one province (by code) or of all, by province, then metric, then due date. */
export async function listTargets(
  db: Database,
  user: SessionUser | null,
  provinceCode: string | null = null,
): Promise<Target[]> {
  requireOfficer(user);
  const rows = await db
    .select(targetColumns)
    .from(provinceTargets)
    .innerJoin(provinces, eq(provinces.code, provinceTargets.provinceCode))
    .where(provinceCode === null ? undefined : eq(provinceTargets.provinceCode, provinceCode))
    .orderBy(
      asc(provinces.slug),
      asc(provinceTargets.formerUnit),
      asc(provinceTargets.metric),
      asc(provinceTargets.dueDate),
    );
  return rows.map(withArea);
}

function withArea({ formerUnit, ...row }: Omit<Target, 'area'> & { formerUnit: string }): Target {
  return { ...row, area: formerUnit === '' ? null : findFormerUnit(formerUnit) };
}

export async function findTarget(db: Database, user: SessionUser | null, id: string): Promise<Target> {
  requireOfficer(user);
  const [row] = await db
    .select(targetColumns)
    .from(provinceTargets)
    .innerJoin(provinces, eq(provinces.code, provinceTargets.provinceCode))
    .where(eq(provinceTargets.id, id))
    .limit(1);
  if (!row) throw new NotFoundError('province_target');
  return withArea(row);
}

/** The same area, metric and due date twice would make two answers to one question. */
const isDuplicateTarget = (error: unknown) =>
  isUniqueViolation(error, [
    provinceTargets.provinceCode,
    provinceTargets.formerUnit,
    provinceTargets.metric,
    provinceTargets.dueDate,
  ]);

const duplicate = () => new ValidationError({ dueDate: { code: 'target_exists' } });

/** Checks the input and finds its province, or says which field is wrong. */
async function readInput(
  db: Database,
  input: unknown,
  now: Date,
): Promise<{ target: TargetInput; provinceCode: string }> {
  const target = parseInput(targetInputSchema(now), input);
  const [province] = await db
    .select({ code: provinces.code })
    .from(provinces)
    .where(eq(provinces.slug, target.province))
    .limit(1);
  if (!province) throw new ValidationError({ province: { code: 'unknown_value' } });
  // A former unit belongs to one province: Vĩnh Linh's plan cannot be filed under Hà Nội.
  if (target.area !== '' && findFormerUnit(target.area)?.provinceCode !== province.code)
    throw new ValidationError({ area: { code: 'unknown_value' } });
  return { target, provinceCode: province.code };
}

const stored = (target: TargetInput) => ({
  metric: target.metric,
  minimum: target.minimum,
  maximum: target.maximum,
  dueDate: target.dueDate,
  source: target.source,
  formerUnit: target.area,
  reportedValue: target.reportedValue,
  reportedOn: target.reportedOn,
});

export async function createTarget(db: Database, user: SessionUser | null, input: unknown, now: Date): Promise<Target> {
  const officer = requireOfficer(user);
  const { target, provinceCode } = await readInput(db, input, now);
  const [taken] = await db
    .select({ id: provinceTargets.id })
    .from(provinceTargets)
    .where(
      and(
        eq(provinceTargets.provinceCode, provinceCode),
        eq(provinceTargets.formerUnit, target.area),
        eq(provinceTargets.metric, target.metric),
        eq(provinceTargets.dueDate, target.dueDate),
      ),
    )
    .limit(1);
  if (taken) throw duplicate();
  const id = newId();
  const values = stored(target);
  try {
    await db.batch([
      db
        .insert(provinceTargets)
        .values({ id, provinceCode, ...values, createdBy: officer.id, createdAt: now, updatedAt: now }),
      auditInsert(db, {
        actorUserId: officer.id,
        action: 'province_target.created',
        entityType: TARGET_ENTITY,
        entityId: id,
        detail: { provinceCode, ...values },
        at: now,
      }),
    ]);
  } catch (error) {
    // Another officer saved the same target meanwhile.
    if (isDuplicateTarget(error)) throw duplicate();
    throw error;
  }
  return findTarget(db, officer, id);
}

export async function updateTarget(
  db: Database,
  user: SessionUser | null,
  id: string,
  input: unknown,
  now: Date,
): Promise<Target> {
  const officer = requireOfficer(user);
  const before = await findTarget(db, officer, id);
  const { target, provinceCode } = await readInput(db, input, now);
  const [taken] = await db
    .select({ id: provinceTargets.id })
    .from(provinceTargets)
    .where(
      and(
        eq(provinceTargets.provinceCode, provinceCode),
        eq(provinceTargets.formerUnit, target.area),
        eq(provinceTargets.metric, target.metric),
        eq(provinceTargets.dueDate, target.dueDate),
        ne(provinceTargets.id, id),
      ),
    )
    .limit(1);
  if (taken) throw duplicate();
  const values = stored(target);
  const was = {
    provinceCode: before.province.code,
    metric: before.metric,
    minimum: before.minimum,
    maximum: before.maximum,
    dueDate: before.dueDate,
    source: before.source,
    formerUnit: before.area?.key ?? '',
    reportedValue: before.reportedValue,
    reportedOn: before.reportedOn,
  };
  try {
    await db.batch([
      db
        .update(provinceTargets)
        .set({ provinceCode, ...values, updatedAt: now })
        .where(eq(provinceTargets.id, id)),
      auditInsert(db, {
        actorUserId: officer.id,
        action: 'province_target.updated',
        entityType: TARGET_ENTITY,
        entityId: id,
        detail: { before: was, after: { provinceCode, ...values } },
        at: now,
      }),
    ]);
  } catch (error) {
    if (isDuplicateTarget(error)) throw duplicate();
    throw error;
  }
  return findTarget(db, officer, id);
}

export async function deleteTarget(db: Database, user: SessionUser | null, id: string, now: Date): Promise<void> {
  const officer = requireOfficer(user);
  const before = await findTarget(db, officer, id);
  await db.batch([
    db.delete(provinceTargets).where(eq(provinceTargets.id, id)),
    auditInsert(db, {
      actorUserId: officer.id,
      action: 'province_target.deleted',
      entityType: TARGET_ENTITY,
      entityId: id,
      detail: {
        provinceCode: before.province.code,
        metric: before.metric,
        minimum: before.minimum,
        maximum: before.maximum,
        dueDate: before.dueDate,
        source: before.source,
        formerUnit: before.area?.key ?? '',
      },
      at: now,
    }),
  ]);
}
