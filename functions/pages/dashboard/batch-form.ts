/**
 * The batch form without JavaScript. Steps are repeated groups of fields
 * named like the domain's error paths (`steps.2.occurredAt`), so an error
 * lands next to its field. Adding, moving and removing a step are buttons of
 * the same form: the server re-renders it with the rows changed, keeping
 * everything typed, and nothing is saved until "save".
 */
import type { StoredBatch } from '../../../src/server/provenance/batches';
import {
  field,
  isoToVietnamLocal,
  optionalCoordinate,
  optionalText,
  requiredNumber,
  text,
  vietnamLocalToIso,
} from './form-values';

export const STEP_FIELDS = [
  'kind',
  'occurredAt',
  'provinceCode',
  'place',
  'latitude',
  'longitude',
  'actorName',
  'actorKind',
  'evidenceNumber',
  'evidenceUrl',
  'noteVi',
  'noteEn',
] as const;
export type StepField = (typeof STEP_FIELDS)[number];
export type StepRow = Record<StepField, string>;

export const BATCH_FIELDS = ['lotCode', 'productionDate', 'bestBefore', 'quantity', 'quantityUnit'] as const;
export type BatchFields = Record<(typeof BATCH_FIELDS)[number], string>;

/** How many empty step rows a new batch's form offers. */
export const BLANK_ROWS_NEW = 3;
/** A hard stop for rows a crafted form can ask for (the schema allows 30 steps). */
const MAX_ROWS = 40;

export const blankRow = (): StepRow => Object.fromEntries(STEP_FIELDS.map((name) => [name, ''])) as StepRow;

export const isBlankRow = (row: StepRow): boolean => STEP_FIELDS.every((name) => row[name].trim() === '');

export function batchFieldsFrom(form: Record<string, string>): BatchFields {
  return Object.fromEntries(BATCH_FIELDS.map((name) => [name, form[name] ?? ''])) as BatchFields;
}

/** The step rows of a posted form, in index order (gaps skipped). */
export function stepRowsFrom(form: Record<string, string>): StepRow[] {
  const indices = new Set<number>();
  for (const name of Object.keys(form)) {
    const match = /^steps\.(\d{1,2})\./.exec(name);
    if (match) indices.add(Number(match[1]));
  }
  return [...indices]
    .sort((a, b) => a - b)
    .slice(0, MAX_ROWS)
    .map((i) => Object.fromEntries(STEP_FIELDS.map((name) => [name, form[`steps.${i}.${name}`] ?? ''])) as StepRow);
}

export type RowAction = { kind: 'save' } | { kind: 'add' } | { kind: 'up' | 'down' | 'remove'; index: number };

/** The button pressed: `action=save|add|up:2|down:2|remove:2`; anything else saves. */
export function rowAction(value: string | undefined): RowAction {
  if (value === 'add') return { kind: 'add' };
  const match = /^(up|down|remove):(\d{1,2})$/.exec(value ?? '');
  if (match) return { kind: match[1] as 'up' | 'down' | 'remove', index: Number(match[2]) };
  return { kind: 'save' };
}

/** The rows after an add, move or remove (a new array; out-of-range moves change nothing). */
export function applyRowAction(rows: readonly StepRow[], action: RowAction): StepRow[] {
  const next = [...rows];
  switch (action.kind) {
    case 'add':
      if (next.length < MAX_ROWS) next.push(blankRow());
      return next;
    case 'remove':
      if (action.index < next.length) next.splice(action.index, 1);
      return next;
    case 'up':
    case 'down': {
      const other = action.kind === 'up' ? action.index - 1 : action.index + 1;
      const a = next[action.index];
      const b = next[other];
      if (a && b) [next[action.index], next[other]] = [b, a];
      return next;
    }
    case 'save':
      return next;
  }
}

/** What recordBatch/updateBatch parse: blank rows left out, strings turned into the types the schema expects. */
export function batchInputFrom(batch: BatchFields, rows: readonly StepRow[]) {
  return {
    lotCode: text(batch.lotCode),
    productionDate: text(batch.productionDate),
    bestBefore: optionalText(batch.bestBefore),
    quantity: requiredNumber(batch.quantity),
    quantityUnit: text(batch.quantityUnit),
    steps: rows.map((row) => ({
      kind: text(row.kind),
      occurredAt: vietnamLocalToIso(row.occurredAt),
      provinceCode: optionalText(row.provinceCode),
      place: text(row.place),
      latitude: optionalCoordinate(row.latitude),
      longitude: optionalCoordinate(row.longitude),
      actorName: text(row.actorName),
      actorKind: text(row.actorKind),
      evidenceNumber: optionalText(row.evidenceNumber),
      evidenceUrl: optionalText(row.evidenceUrl),
      noteVi: optionalText(row.noteVi),
      noteEn: optionalText(row.noteEn),
    })),
  };
}

/** A stored batch as the form's fields and rows. */
export function formFromBatch(batch: StoredBatch): { batch: BatchFields; rows: StepRow[] } {
  return {
    batch: {
      lotCode: batch.lotCode,
      productionDate: batch.productionDate,
      bestBefore: field(batch.bestBefore),
      quantity: field(batch.quantity),
      quantityUnit: batch.quantityUnit,
    },
    rows: batch.steps.map((step) => ({
      kind: step.kind,
      occurredAt: isoToVietnamLocal(step.occurredAt),
      provinceCode: field(step.provinceCode),
      place: step.place,
      latitude: field(step.latitude),
      longitude: field(step.longitude),
      actorName: step.actorName,
      actorKind: step.actorKind,
      evidenceNumber: field(step.evidenceNumber),
      evidenceUrl: field(step.evidenceUrl),
      noteVi: field(step.noteVi),
      noteEn: field(step.noteEn),
    })),
  };
}
