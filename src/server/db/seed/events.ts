/**
 * Event rows from templates. Dates are Vietnam wall-clock times stored as UTC
 * instants; all-day events run from local midnight to the local midnight
 * after their last day.
 */
import { type EventFields, eventInputFromFields, parseEventInput } from '../../events/event-input';
import { fill } from './cooperative';
import { type EventTemplate, REGION_NAMES, VENUES } from './content/events';
import { PROVINCES, provinceByCode, provinceLabelVi } from '../../provinces/reference';
import type { Rng } from './random';
import { addDays, addHours, localDay, VN_MONTHS_EN, vnInstant, vnMidnight } from './time';
import type { EventRow } from './types';

export interface EventPlan {
  template: EventTemplate;
  /** Ignored for online templates. */
  provinceCode: string;
  /** Local midnight of the first day. */
  firstDay: Date;
  seriesId?: string;
  cancelled?: boolean;
}

export interface EventIdentity {
  id: string;
  /** Turns the title into a unique slug. */
  slug: (title: string) => string;
}

const CANCEL_REASONS = [
  'Hoãn tổ chức do ảnh hưởng của bão; ban tổ chức sẽ thông báo thời gian mới.',
  'Tạm dừng để sắp xếp lại địa điểm sau khi sắp xếp đơn vị hành chính.',
] as const;

/**
 * Spring fairs and flower shows belong in the weeks before Tết: move them to
 * January of the planned year, never later than planned, so they stay in the window.
 */
function seasonal(template: EventTemplate, firstDay: Date, rng: Rng): Date {
  if (!/Xuân/.test(template.titleVi)) return firstDay;
  const day = rng.int(10, 24);
  const moved = vnInstant(localDay(firstDay).year, 1, day);
  return moved.getTime() <= firstDay.getTime() ? moved : firstDay;
}

function eventTitles(plan: EventPlan, firstDay: Date): { vi: string; en: string; values: Record<string, string> } {
  const province = provinceByCode(plan.provinceCode);
  const { year, month } = localDay(firstDay);
  const [rv, re] = REGION_NAMES[province.region] ?? [province.nameVi, province.nameEn];
  const values = {
    pv: province.nameVi,
    pe: province.nameEn,
    pvl: provinceLabelVi(province),
    rv,
    re,
    year: String(year),
    month: String(month),
    monthEn: VN_MONTHS_EN[month - 1] ?? '',
  };
  return { vi: fill(plan.template.titleVi, values), en: fill(plan.template.titleEn, values), values };
}

const PROVINCE_CODES: ReadonlySet<string> = new Set(PROVINCES.map((p) => p.code));

/**
 * Demo events keep the rules officers' events keep: the fields go through the
 * event input schema as a form would send them, and the row stores what it gives back.
 */
function validated(fields: EventFields): EventFields {
  return parseEventInput(eventInputFromFields(fields), PROVINCE_CODES);
}

export function buildEvent(rng: Rng, plan: EventPlan, identity: EventIdentity, now: Date): EventRow {
  const { template } = plan;
  const province = provinceByCode(plan.provinceCode);
  const firstDay = seasonal(template, plan.firstDay, rng);
  const titles = eventTitles(plan, firstDay);
  const slug = identity.slug(titles.vi);
  const days = rng.int(template.days[0], template.days[1]);
  const startMinute = rng.pick([0, 30]);
  const allDay = template.hours === undefined;
  const startsAt = allDay ? firstDay : addHours(firstDay, (template.hours?.[0] ?? 8) + startMinute / 60);
  const endsAt = allDay ? vnMidnight(firstDay, days) : addHours(firstDay, (template.hours?.[1] ?? 17) + 0.5);
  const venues = VENUES[province.code];
  // A series keeps its venue month after month; one-off events take any known venue.
  const picked = venues ? rng.pick(venues) : undefined;
  const fallback = [
    `Trung tâm Hội nghị ${provinceLabelVi(province)}`,
    `${province.seat === province.nameVi ? '' : `${province.seat}, `}${province.nameVi}`,
  ] as const;
  const [venue, address] = (plan.seriesId ? venues?.[0] : picked) ?? fallback;
  const online = template.online === true;
  const opensAt = addHours(addDays(startsAt, -rng.int(30, 75)), allDay ? 8 : 0);
  const closesAt = online ? addDays(startsAt, -1) : addDays(startsAt, -rng.int(3, 10));
  const capacity = template.booths ? rng.int(template.booths[0] / 10, template.booths[1] / 10) * 10 : null;
  const revision = plan.cancelled ? rng.int(1, 2) : rng.chance(0.25) ? rng.int(1, 3) : 0;
  const publishedAt = new Date(
    Math.min(addDays(opensAt, -rng.int(0, 10)).getTime(), addDays(now, -rng.int(1, 20)).getTime()),
  );
  const createdAt = addDays(publishedAt, -rng.int(1, 7));
  const updatedAt =
    revision > 0 ? new Date(Math.min(now.getTime(), addDays(publishedAt, rng.int(1, 20)).getTime())) : publishedAt;
  const cancelReason = rng.pick(CANCEL_REASONS);

  const fields = validated({
    kind: template.kind,
    titleVi: titles.vi,
    titleEn: titles.en,
    descriptionVi: fill(template.descVi, titles.values),
    descriptionEn: fill(template.descEn, titles.values),
    startsAt,
    endsAt,
    allDay,
    venue: online ? null : venue,
    address: online ? null : address,
    provinceCode: online ? null : province.code,
    onlineUrl: online ? `https://hoc-truc-tuyen.example.vn/${slug}` : null,
    organiser: fill(template.organiser, titles.values),
    registrationOpensAt: opensAt,
    registrationClosesAt: closesAt,
    boothCapacity: capacity,
  });

  return {
    id: identity.id,
    slug,
    ...fields,
    boothsTaken: 0,
    status: plan.cancelled ? 'cancelled' : 'published',
    cancelReason: plan.cancelled ? cancelReason : null,
    revision,
    seriesId: plan.seriesId ?? null,
    publishedAt,
    isDemo: true,
    createdAt,
    updatedAt,
  };
}
