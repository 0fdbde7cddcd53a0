/**
 * What every kind of claim does when its cooperative edits it: a change of
 * what an officer checked (one of the claim's verified fields, or a new
 * evidence file) sends it back to the officers' queue, whatever its state,
 * while the public keeps the verified version (verified-version.ts); only
 * saying whether the public may download the evidence leaves its state as it
 * is. A replaced evidence file leaves the bucket once the change is written,
 * unless the verified version still points at it.
 */
import { deleteEvidence, type EvidenceUpload } from './evidence-file';

/** Equal as stored: a JSON column (a lab report's tests) compares by its content. */
const same = (a: unknown, b: unknown) =>
  typeof a === 'object' && a !== null ? JSON.stringify(a) === JSON.stringify(b) : a === b;

/**
 * The columns an edit sets besides the claim's fields: `pending` again with
 * its new submission time when it changed what an officer checked, nothing
 * otherwise; and whether it did.
 */
export function requeueOnChange<R extends object>(
  current: R,
  input: Partial<R>,
  verifiedFields: readonly (keyof R)[],
  newEvidence: unknown,
  now: Date,
): { changed: boolean; requeued: { verification?: 'pending'; submittedAt?: Date } } {
  const changed = newEvidence !== null || verifiedFields.some((name) => !same(current[name], input[name]));
  return { changed, requeued: changed ? { verification: 'pending', submittedAt: now } : {} };
}

/**
 * After an edit that brought a new file: the old one goes, unless it is the
 * verified version's, which the public still downloads until an officer
 * decides the edit.
 */
export async function dropReplacedEvidence(
  upload: EvidenceUpload | null,
  current: { evidenceKey: string | null; lastVerified: { evidenceKey: string | null } | null },
  newEvidence: unknown,
): Promise<void> {
  if (!newEvidence || !upload) return;
  if (current.lastVerified?.evidenceKey === current.evidenceKey) return;
  await deleteEvidence(upload.bucket, current.evidenceKey);
}
