/**
 * What an officer writes down with an oversight decision: the evidence
 * checked, or the reason for a suspension, withdrawal or takedown. The same
 * rule everywhere (10-1000 characters), read from whatever a form or JSON
 * body carries; only the named field is read, so a body may carry the other too.
 */
import { z } from 'zod';
import { parseInput } from '../validation';

export type OfficerNoteField = 'evidence' | 'reason';

const noteText = z.string().trim().min(10).max(1000);

/** The note in `input[field]`, or a ValidationError naming that field. */
export function officerNote(input: unknown, field: OfficerNoteField): string {
  const given = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[field] : undefined;
  // Keyed by the field, so an error names the field the person filled in.
  const parsed = parseInput(z.strictObject({ [field]: noteText }), { [field]: given }) as Record<string, string>;
  return parsed[field] as string;
}
