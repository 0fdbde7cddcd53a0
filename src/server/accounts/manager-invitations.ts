/**
 * Trade officers (and admins) name a cooperative's manager: they find the
 * cooperative, type an email, and the invitation (invitations.ts, as
 * manager) lets that person create their account as its manager. A
 * cooperative that already has a manager is refused unless the officer says
 * explicitly that the new one replaces them; the current manager then stays
 * a member once the invitation is accepted (acceptInvitation hands the role
 * over in its batch). Each invitation and acceptance is in the audit log.
 */
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Locale } from '../../i18n';
import { listCooperatives } from '../cooperatives/directory';
import type { Database } from '../db/client';
import { invitations, users } from '../db/schema';
import { type FieldIssues, NotFoundError, ValidationError } from '../errors';
import type { Mailer } from '../mail/mailer';
import { requireOfficer } from './guards';
import { inviteToCooperative } from './invitations';
import { looksLikeEmail, normaliseEmail, type SessionUser } from './users';

/** How many cooperatives one search shows: enough to pick from, with a search to narrow it. */
export const CANDIDATES_SHOWN = 20;

export interface ManagerCandidate {
  id: string;
  slug: string;
  name: string;
  provinceNameVi: string;
  provinceNameEn: string;
  /** Its manager, if it has one. */
  manager: { displayName: string; email: string } | null;
  /** Manager invitations still open for it. */
  pending: { email: string; expiresAt: Date }[];
}

type CooperativeRow = Omit<ManagerCandidate, 'manager' | 'pending'>;

async function withManagers(db: Database, rows: CooperativeRow[], now: Date): Promise<ManagerCandidate[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [managers, pending] = await Promise.all([
    db
      .select({ cooperativeId: users.cooperativeId, displayName: users.displayName, email: users.email })
      .from(users)
      .where(and(inArray(users.cooperativeId, ids), eq(users.isManager, true))),
    db
      .select({ cooperativeId: invitations.cooperativeId, email: invitations.email, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(
        and(
          inArray(invitations.cooperativeId, ids),
          eq(invitations.asManager, true),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .orderBy(asc(invitations.createdAt)),
  ]);
  return rows.map((row) => {
    const manager = managers.find((m) => m.cooperativeId === row.id);
    return {
      ...row,
      manager: manager ? { displayName: manager.displayName, email: manager.email } : null,
      pending: pending.filter((p) => p.cooperativeId === row.id).map(({ email, expiresAt }) => ({ email, expiresAt })),
    };
  });
}

/**
 * Cooperatives to pick from: those matching `query` (the directory's search,
 * with or without diacritics), or, without one, active cooperatives that
 * have no manager yet, by name.
 */
export async function findManagerCandidates(
  db: Database,
  user: SessionUser | null | undefined,
  query: string,
  now: Date,
): Promise<ManagerCandidate[]> {
  requireOfficer(user);
  const q = query.trim().slice(0, 100);
  if (q) {
    const found = await listCooperatives(db, { q, limit: CANDIDATES_SHOWN });
    return withManagers(
      db,
      found.items.map(({ id, slug, name, provinceNameVi, provinceNameEn }) => ({
        id,
        slug,
        name,
        provinceNameVi,
        provinceNameEn,
      })),
      now,
    );
  }
  // The directory's name index in order, probing each cooperative's users on users_cooperative_idx.
  const rows = await db.all<{
    id: string;
    slug: string;
    name: string;
    province_name_vi: string;
    province_name_en: string;
  }>(sql`
    SELECT c.id, c.slug, c.name, pr.name_vi AS province_name_vi, pr.name_en AS province_name_en
    FROM cooperatives c JOIN provinces pr ON pr.code = c.province_code
    WHERE c.status = 'active'
      AND NOT EXISTS (SELECT 1 FROM users u WHERE u.cooperative_id = c.id AND u.is_manager = 1)
    ORDER BY c.search_name, c.id
    LIMIT ${CANDIDATES_SHOWN}`);
  return withManagers(
    db,
    rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      provinceNameVi: r.province_name_vi,
      provinceNameEn: r.province_name_en,
    })),
    now,
  );
}

/** One cooperative, for the invitation form. NotFoundError when there is none with this id. */
export async function loadManagerCandidate(
  db: Database,
  user: SessionUser | null | undefined,
  cooperativeId: string,
  now: Date,
): Promise<ManagerCandidate> {
  requireOfficer(user);
  const rows = await db.all<{
    id: string;
    slug: string;
    name: string;
    province_name_vi: string;
    province_name_en: string;
  }>(sql`
    SELECT c.id, c.slug, c.name, pr.name_vi AS province_name_vi, pr.name_en AS province_name_en
    FROM cooperatives c JOIN provinces pr ON pr.code = c.province_code
    WHERE c.id = ${cooperativeId}`);
  const [candidate] = await withManagers(
    db,
    rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      provinceNameVi: r.province_name_vi,
      provinceNameEn: r.province_name_en,
    })),
    now,
  );
  if (!candidate) throw new NotFoundError('cooperative');
  return candidate;
}

export interface ManagerInvitationRequest {
  cooperativeId: string;
  email: string;
  /** Ticked by the officer when the cooperative has a manager: the invitee replaces them. */
  replaceManager: boolean;
  locale: Locale;
  linkFor: (token: string) => string;
}

export async function inviteManager(
  db: Database,
  mailer: Mailer,
  user: SessionUser | null | undefined,
  request: ManagerInvitationRequest,
  now: Date,
): Promise<{ invitationId: string; email: string; cooperativeName: string }> {
  const officer = requireOfficer(user);
  const candidate = await loadManagerCandidate(db, officer, request.cooperativeId, now);
  const issues: FieldIssues = {};
  const email = normaliseEmail(request.email);
  if (!email) issues.email = { code: 'required' };
  else if (!looksLikeEmail(email)) issues.email = { code: 'email_invalid' };
  if (candidate.manager && !request.replaceManager) {
    issues.replaceManager = { code: 'cooperative_has_manager', params: { name: candidate.manager.displayName } };
  }
  if (Object.keys(issues).length > 0) throw new ValidationError(issues);
  const sent = await inviteToCooperative(
    db,
    mailer,
    officer,
    {
      cooperativeId: candidate.id,
      email,
      asManager: true,
      replacesManager: candidate.manager?.email ?? null,
      locale: request.locale,
      linkFor: request.linkFor,
    },
    now,
  );
  return { ...sent, cooperativeName: candidate.name };
}
