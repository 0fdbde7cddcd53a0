/**
 * Batches and their provenance timelines. Steps are laid out forward from the
 * first one with realistic gaps (a rice crop takes months, packing a day),
 * then the whole timeline is anchored so its last step lies days before `now`.
 */
import type { ProvenanceStepKind } from '../../provenance/vocabulary';
import { INSPECTION_BODIES, PARTNERS } from './content/cooperatives';
import { PROVINCE_SEAT_COORDINATES } from '../../provinces/seats';
import { REGION_NAMES } from './content/events';
import type { ProcessKind, ProductType, Variant } from './content/products';
import { type CooperativeContext, fill, type NextId } from './cooperative';
import type { BundleShape } from './product';
import { provinceByCode } from '../../provinces/reference';
import type { Rng } from './random';
import { addDaysIso, isoDate, vnMidnight } from './time';
import type { BatchRow, CertificationRow, ProvenanceStepRow } from './types';

/** Every plan follows the order of PROVENANCE_STEP_KINDS; a batch may skip steps but never go back. */
const PLANS: Readonly<Record<Exclude<ProcessKind, 'service'>, readonly ProvenanceStepKind[]>> = {
  orchard: ['harvested', 'processed', 'packaged', 'inspected', 'certified', 'shipped'],
  annual: ['planted', 'harvested', 'processed', 'packaged', 'inspected', 'shipped'],
  livestock: ['raised', 'harvested', 'processed', 'packaged', 'inspected', 'shipped'],
  aquatic: ['harvested', 'processed', 'packaged', 'inspected', 'certified', 'shipped'],
  food: ['processed', 'packaged', 'inspected', 'certified', 'shipped'],
  forest: ['harvested', 'processed', 'packaged', 'inspected', 'shipped'],
  craft: ['processed', 'packaged', 'inspected', 'shipped'],
  plant: ['planted', 'raised', 'packaged', 'inspected', 'shipped'],
};

const NOTES: Readonly<Record<ProvenanceStepKind, readonly [vi: string, en: string]>> = {
  planted: [
    'Xuống giống theo lịch thời vụ, ghi nhật ký canh tác.',
    'Planted on the seasonal calendar, with a farming log kept.',
  ],
  raised: ['Chăm sóc theo quy trình chung của hợp tác xã.', 'Tended under the cooperative’s shared protocol.'],
  harvested: ['Thu hoạch, phân loại ngay tại vùng sản xuất.', 'Harvested and sorted at the production area.'],
  processed: ['Sơ chế, chế biến tại xưởng của hợp tác xã.', 'Processed in the cooperative’s workshop.'],
  packaged: ['Đóng gói, dán tem truy xuất nguồn gốc.', 'Packed and labelled with a trace code.'],
  inspected: ['Lấy mẫu kiểm nghiệm chỉ tiêu an toàn, chất lượng.', 'Sampled and tested for safety and quality.'],
  certified: [
    'Lô hàng được xác nhận phù hợp tiêu chuẩn chứng nhận.',
    'Batch confirmed as conforming to its certification.',
  ],
  shipped: ['Xuất kho giao cho đối tác phân phối.', 'Dispatched to the distribution partner.'],
};

export interface BatchSubject {
  coop: CooperativeContext;
  type: ProductType;
  variant: Variant;
  productId: string;
  certificates: readonly CertificationRow[];
}

/** Days from one step to the next. */
function gapDays(rng: Rng, from: ProvenanceStepKind, to: ProvenanceStepKind, type: ProductType): number {
  if (from === 'planted') return to === 'raised' ? rng.int(30, 60) : rng.int(90, 150);
  if (from === 'raised') return rng.int(45, 120);
  if (from === 'processed' && type.processDays) return rng.int(type.processDays[0], type.processDays[1]);
  if (from === 'processed' && type.process === 'craft') return rng.int(7, 20);
  return rng.int(1, 5);
}

/** "Lục Ngạn" -> "LN", "Buôn Ma Thuột" -> "BMT": the lot code prefix cooperatives print. */
function lotPrefix(placeEn: string): string {
  const initials = placeEn
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w.charAt(0))
    .join('')
    .slice(0, 3);
  return initials.length > 0 ? initials : 'HTX';
}

export function buildBatches(
  rng: Rng,
  subject: BatchSubject,
  now: Date,
  shape: BundleShape,
  nextId: NextId,
): { batches: BatchRow[]; steps: ProvenanceStepRow[] } {
  const { coop, type, variant } = subject;
  if (type.process === 'service') return { batches: [], steps: [] };
  const plan = PLANS[type.process];
  const province = provinceByCode(coop.provinceCode);
  const [seatLat, seatLon] = PROVINCE_SEAT_COORDINATES[province.code] ?? [16, 107];
  const seatPlace = province.seat === province.nameVi ? province.nameVi : `${province.seat}, ${province.nameVi}`;
  const region = REGION_NAMES[province.region]?.[0] ?? province.nameVi;
  const batchCount = rng.int(shape.batches[0], shape.batches[1]);
  const batches: BatchRow[] = [];
  const steps: ProvenanceStepRow[] = [];
  let ageDays = 0;

  for (let b = 0; b < batchCount; b++) {
    const count = rng.int(Math.min(shape.steps[0], plan.length), Math.min(shape.steps[1], plan.length));
    const middle = rng.sample(plan.slice(1, -1), count - 2);
    const kinds = [plan[0], ...middle, plan[plan.length - 1]] as ProvenanceStepKind[];
    const offsets = [0];
    for (let i = 1; i < kinds.length; i++) {
      offsets.push(
        (offsets[i - 1] ?? 0) + gapDays(rng, kinds[i - 1] as ProvenanceStepKind, kinds[i] as ProvenanceStepKind, type),
      );
    }
    const span = offsets[offsets.length - 1] ?? 0;
    // Older batches further back; the newest finished at least two days ago.
    ageDays += b === 0 ? rng.int(2, 45) : rng.int(60, 150);
    const batchId = nextId('batches');
    const inspector = fill(rng.pick(INSPECTION_BODIES), { region, province: province.nameVi });
    const shipper = rng.chance(0.7) ? (coop.partners[0] ?? rng.pick(PARTNERS)) : rng.pick(PARTNERS);
    const certificate = subject.certificates.find(
      (c) => c.kind !== 'geographic_indication' && c.kind !== 'collective_trademark',
    );

    const batchSteps = kinds.map((kind, position): ProvenanceStepRow => {
      const day = vnMidnight(now, -(ageDays + span - (offsets[position] ?? 0)));
      const occurredAt = new Date(day.getTime() + (rng.int(7, 16) * 60 + rng.pick([0, 15, 30, 45])) * 60_000);
      const located = rng.chance(0.6);
      const lat = seatLat + (rng.next() - 0.5) * 0.12;
      const lon = seatLon + (rng.next() - 0.5) * 0.12;
      const evidenceDigits = rng.digits(5);
      const atCooperative = kind !== 'inspected' && kind !== 'certified' && kind !== 'shipped';
      const year = isoDate(occurredAt).slice(0, 4);
      const place = atCooperative
        ? kind === 'processed' || kind === 'packaged'
          ? `Xưởng của ${coop.name}, ${coop.commune}, ${province.nameVi}`
          : `Vùng sản xuất ${coop.place}, ${coop.commune}, ${province.nameVi}`
        : kind === 'shipped'
          ? `Kho ${coop.name}, ${coop.commune}, ${province.nameVi}`
          : seatPlace;
      const [noteVi, noteEn] = NOTES[kind];
      return {
        id: nextId('provenanceSteps'),
        batchId,
        position,
        kind,
        occurredAt,
        provinceCode: province.code,
        place,
        latitude: atCooperative && located ? Math.round(lat * 1e5) / 1e5 : null,
        longitude: atCooperative && located ? Math.round(lon * 1e5) / 1e5 : null,
        actorName: atCooperative ? coop.name : kind === 'shipped' ? shipper : inspector,
        actorKind: atCooperative ? 'cooperative' : kind === 'shipped' ? 'partner' : 'inspection_body',
        evidenceNumber:
          kind === 'inspected'
            ? `PKN-${year}-${evidenceDigits}`
            : kind === 'certified'
              ? (certificate?.number ?? `XN-${year}-${evidenceDigits}`)
              : kind === 'shipped'
                ? `PXK-${isoDate(occurredAt).replace(/-/g, '')}-${evidenceDigits.slice(0, 3)}`
                : null,
        evidenceUrl: null,
        noteVi,
        noteEn,
      };
    });

    const made = batchSteps.find((s) => s.kind === 'processed' || s.kind === 'packaged') ?? batchSteps[0];
    const productionDate = isoDate(made?.occurredAt ?? now);
    const shelfDays = variant.shelfDays ?? type.shelfDays;
    const unit = variant.unitVi.split(' ')[0] ?? variant.unitVi;
    const bulk = variant.minOrder >= 50;
    batches.push({
      id: batchId,
      productId: subject.productId,
      lotCode: `${lotPrefix(coop.placeEn)}${productionDate.slice(0, 4)}-${productionDate.slice(5, 7)}${String.fromCharCode(65 + b)}`,
      productionDate,
      bestBefore: shelfDays === undefined ? null : addDaysIso(productionDate, shelfDays),
      quantity: unit === 'kg' ? (bulk ? rng.int(5, 30) * 1000 : rng.int(20, 500) * 10) : rng.int(10, 300) * 10,
      quantityUnit: unit,
    });
    steps.push(...batchSteps);
  }
  return { batches, steps };
}
