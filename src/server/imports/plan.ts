/**
 * What every importer's preview says, row by row, and how an import's mode
 * treats it: shared by the product import (./product-import.ts) and the
 * trade department's import of cooperatives (./cooperative-import.ts), so
 * the runs (./import-runs.ts) and the pages handle either alike.
 */
import { ValidationError } from '../errors';
import type { ColumnIssue } from './columns';

/** What importing a row does. */
export type RowAction = 'create' | 'update' | 'unchanged' | 'refused';
export const ROW_ACTIONS: readonly RowAction[] = ['create', 'update', 'unchanged', 'refused'];

export interface PlannedRow<Input = unknown> {
  row: number;
  action: RowAction;
  /** The record's name as the row gives it, to recognise the row by. */
  name: string;
  issues: ColumnIssue[];
  /** For create and update: the checked input. */
  input?: Input;
  /** For update: which record (a product's slug, a cooperative's id). */
  slug?: string;
}

export interface ImportPlan<Input = unknown> {
  rows: PlannedRow<Input>[];
  counts: Record<RowAction, number>;
}

export function countActions(rows: readonly { action: RowAction }[]): Record<RowAction, number> {
  const counts = { create: 0, update: 0, unchanged: 0, refused: 0 };
  for (const row of rows) counts[row.action]++;
  return counts;
}

/** Whether an import writes only the valid rows, or nothing unless every row is valid. */
export type ImportMode = 'all' | 'valid';

/** An all-or-nothing import of a file with refused rows writes nothing: ValidationError on `file`. */
export function refuseIncompleteFile(plan: ImportPlan, mode: ImportMode): void {
  if (mode === 'all' && plan.counts.refused > 0)
    throw new ValidationError({ file: { code: 'import_refused_rows', params: { count: plan.counts.refused } } });
}

/** A refusal of one row, for one cell. */
export function refusedRow(row: number, name: string, issue: Omit<ColumnIssue, 'row'>): PlannedRow<never> {
  return { row, action: 'refused', name, issues: [{ row, ...issue }] };
}
