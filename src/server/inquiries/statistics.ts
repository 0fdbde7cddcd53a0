/**
 * What the trade department sees of inquiries: counts and response times per
 * cooperative and per province, never an inquiry's content or a buyer's
 * details. Response time is from arrival to the first reply; the median is
 * reported (a few inquiries answered months later would swamp a mean).
 */
import { and, eq, gte } from 'drizzle-orm';
import { requireOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import type { Database } from '../db/client';
import { cooperatives, inquiries, provinces } from '../db/schema';

const DAY_MS = 24 * 60 * 60 * 1000;
export const STATISTICS_DAYS = 365;

export interface InquiryFigures {
  total: number;
  replied: number;
  /** new and read: still waiting for an answer. */
  open: number;
  closed: number;
  spam: number;
  /** Median hours from arrival to first reply, one decimal; null before any reply. */
  medianResponseHours: number | null;
}

export interface CooperativeFigures extends InquiryFigures {
  slug: string;
  name: string;
  provinceNameVi: string;
  provinceNameEn: string;
}

export interface ProvinceFigures extends InquiryFigures {
  slug: string;
  nameVi: string;
  nameEn: string;
}

export interface InquiryStatistics {
  since: Date;
  overall: InquiryFigures;
  byProvince: ProvinceFigures[];
  byCooperative: CooperativeFigures[];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

interface Tally {
  total: number;
  replied: number;
  open: number;
  closed: number;
  spam: number;
  responses: number[];
}

const emptyTally = (): Tally => ({ total: 0, replied: 0, open: 0, closed: 0, spam: 0, responses: [] });

function figures(tally: Tally): InquiryFigures {
  const hours = median(tally.responses);
  const { responses: _r, ...counts } = tally;
  return { ...counts, medianResponseHours: hours === null ? null : Math.round((hours / 3_600_000) * 10) / 10 };
}

export async function inquiryStatistics(
  db: Database,
  user: SessionUser | null | undefined,
  now: Date,
): Promise<InquiryStatistics> {
  requireOfficer(user);
  const since = new Date(now.getTime() - STATISTICS_DAYS * DAY_MS);
  // Only what the figures need: ids, status and two instants per inquiry (the index on created_at bounds the scan).
  const rows = await db
    .select({
      status: inquiries.status,
      createdAt: inquiries.createdAt,
      firstRepliedAt: inquiries.firstRepliedAt,
      cooperativeSlug: cooperatives.slug,
      cooperativeName: cooperatives.name,
      provinceSlug: provinces.slug,
      provinceNameVi: provinces.nameVi,
      provinceNameEn: provinces.nameEn,
    })
    .from(inquiries)
    .innerJoin(cooperatives, eq(cooperatives.id, inquiries.cooperativeId))
    .innerJoin(provinces, eq(provinces.code, cooperatives.provinceCode))
    .where(and(gte(inquiries.createdAt, since)));
  const overall = emptyTally();
  const byCooperative = new Map<
    string,
    { tally: Tally; name: string; provinceNameVi: string; provinceNameEn: string }
  >();
  const byProvince = new Map<string, { tally: Tally; nameVi: string; nameEn: string }>();
  for (const row of rows) {
    const coop = byCooperative.get(row.cooperativeSlug) ?? {
      tally: emptyTally(),
      name: row.cooperativeName,
      provinceNameVi: row.provinceNameVi,
      provinceNameEn: row.provinceNameEn,
    };
    byCooperative.set(row.cooperativeSlug, coop);
    const province = byProvince.get(row.provinceSlug) ?? {
      tally: emptyTally(),
      nameVi: row.provinceNameVi,
      nameEn: row.provinceNameEn,
    };
    byProvince.set(row.provinceSlug, province);
    for (const tally of [overall, coop.tally, province.tally]) {
      tally.total += 1;
      if (row.status === 'spam') tally.spam += 1;
      else if (row.status === 'closed') tally.closed += 1;
      else if (row.status === 'replied') tally.replied += 1;
      else tally.open += 1;
      if (row.firstRepliedAt) tally.responses.push(row.firstRepliedAt.getTime() - row.createdAt.getTime());
    }
  }
  return {
    since,
    overall: figures(overall),
    byProvince: [...byProvince]
      .map(([slug, p]) => ({ slug, nameVi: p.nameVi, nameEn: p.nameEn, ...figures(p.tally) }))
      .sort((a, b) => b.total - a.total),
    byCooperative: [...byCooperative]
      .map(([slug, c]) => ({
        slug,
        name: c.name,
        provinceNameVi: c.provinceNameVi,
        provinceNameEn: c.provinceNameEn,
        ...figures(c.tally),
      }))
      .sort((a, b) => b.total - a.total),
  };
}
