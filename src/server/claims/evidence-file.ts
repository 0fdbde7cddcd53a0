/**
 * A claim's evidence file: a PDF of the decision or certificate, or a scan of
 * it (JPEG, PNG, WebP), recognised by its bytes and never by its name or the
 * type the sender declared. Unlike photos, the file is kept as uploaded (an
 * officer must see the document itself), so what it may carry is checked
 * here: a PDF that can run script, launch a program or carry other files is
 * refused, and so is anything with markup in it (a "polyglot" that a browser
 * or a viewer could read as HTML). It is served as a download with `nosniff`
 * and a sandboxing CSP on top of that (functions/evidence-files.ts).
 */
import { ID_BYTES, randomToken } from '../accounts/tokens';
import { type FieldIssue, type FieldIssues, ValidationError } from '../errors';
import type { EvidenceType } from './vocabulary';

/** A scanned A4 decision is 1-3 MB; a PDF with its stamps and signatures rarely more. */
export const MAX_EVIDENCE_MEGABYTES = 10;
export const MAX_EVIDENCE_BYTES = MAX_EVIDENCE_MEGABYTES * 1024 * 1024;

/** Why an evidence file was refused: keys under `validation.` in the dictionaries. */
export type EvidenceRefusal = 'evidence_empty' | 'evidence_too_large' | 'evidence_type' | 'evidence_active_content';

const startsWith = (bytes: Uint8Array, signature: string, offset = 0) =>
  bytes.length >= offset + signature.length &&
  [...signature].every((char, i) => bytes[offset + i] === char.charCodeAt(0));

/** The type of the file from its first bytes; a PDF must begin with its header (no prefix a browser could take for HTML). */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  if (startsWith(bytes, '%PDF-')) return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (startsWith(bytes, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'image/webp';
  return null;
}

/**
 * PDF names that make a document act rather than show: script (also as the
 * action of /OpenAction or /AA, which then names /JS), starting a program,
 * files carried inside, Flash/media and XFA forms (which carry script).
 */
const ACTIVE_PDF_NAMES = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'RichMedia', 'XFA']);

/** Markup that makes a file readable as a web page or an SVG image, wherever it is in the file. */
const MARKUP = /<\s*(?:script|html|body|iframe|svg|!doctype)\b/i;

/** A PDF name as the reader decodes it: `/J#61vaScript` is /JavaScript. */
const decodeName = (name: string) =>
  name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

function namesActiveContent(text: string): boolean {
  for (const match of text.matchAll(/\/([^\s/<>[\]()%{}]+)/g)) {
    if (ACTIVE_PDF_NAMES.has(decodeName(match[1] ?? ''))) return true;
  }
  return false;
}

/** Inflated stream bytes read per file at most: a compression bomb stops here and is refused. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/**
 * The Flate-compressed streams of a PDF, inflated: object streams (`/ObjStm`)
 * hide dictionaries, and with them any /JS, from a scan of the raw bytes.
 * Null when they inflate past MAX_INFLATED_BYTES.
 */
async function inflatedStreams(latin1: string, bytes: Uint8Array): Promise<string[] | null> {
  const texts: string[] = [];
  let total = 0;
  for (const match of latin1.matchAll(/\/FlateDecode[\s\S]{0,200}?stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = latin1.indexOf('endstream', start);
    if (end < 0) break;
    const stream = new Blob([bytes.slice(start, end)]).stream().pipeThrough(new DecompressionStream('deflate'));
    const reader = stream.getReader();
    const decoder = new TextDecoder('latin1');
    let text = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.length;
        if (total > MAX_INFLATED_BYTES) {
          await reader.cancel();
          return null;
        }
        text += decoder.decode(value, { stream: true });
      }
    } catch {
      // A damaged or truncated stream (often a trailing EOL before endstream): what inflated so far is scanned.
    }
    texts.push(text + decoder.decode());
  }
  return texts;
}

export type EvidenceCheck = { ok: true; type: EvidenceType } | { ok: false; refusal: EvidenceRefusal };

/** Whether the bytes are evidence we keep, and of which type; reads nothing but the bytes. */
export async function checkEvidence(bytes: Uint8Array): Promise<EvidenceCheck> {
  if (bytes.length === 0) return { ok: false, refusal: 'evidence_empty' };
  if (bytes.length > MAX_EVIDENCE_BYTES) return { ok: false, refusal: 'evidence_too_large' };
  const type = sniffEvidenceType(bytes);
  if (!type) return { ok: false, refusal: 'evidence_type' };
  const latin1 = new TextDecoder('latin1').decode(bytes);
  if (MARKUP.test(latin1)) return { ok: false, refusal: 'evidence_active_content' };
  if (type === 'application/pdf') {
    if (namesActiveContent(latin1)) return { ok: false, refusal: 'evidence_active_content' };
    const streams = await inflatedStreams(latin1, bytes);
    if (!streams || streams.some((text) => namesActiveContent(text) || MARKUP.test(text)))
      return { ok: false, refusal: 'evidence_active_content' };
  }
  return { ok: true, type };
}

/** An evidence file accepted, not yet stored. */
export interface AcceptedEvidence {
  type: EvidenceType;
  bytes: Uint8Array<ArrayBuffer>;
}

/** The issue on field `evidence` for a refused file, naming it as the sender did. */
const evidenceIssue = (refusal: EvidenceRefusal, file: File): FieldIssue => ({
  code: refusal,
  params: { file: file.name.slice(0, 80) || '—', max: MAX_EVIDENCE_MEGABYTES },
});

/**
 * The posted evidence file checked: null when none was chosen (an empty file
 * input), the accepted file, or the issue to report on field `evidence`.
 * Refused by its size before it is read.
 */
export async function readEvidenceFile(
  file: File | null | undefined,
): Promise<AcceptedEvidence | { issue: FieldIssue } | null> {
  if (!file || (file.size === 0 && file.name === '')) return null;
  if (file.size > MAX_EVIDENCE_BYTES) return { issue: evidenceIssue('evidence_too_large', file) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = await checkEvidence(bytes);
  return checked.ok ? { type: checked.type, bytes } : { issue: evidenceIssue(checked.refusal, file) };
}

/** Where evidence files live in the MEDIA bucket, apart from the photos' variants. */
export const evidenceObjectKey = (id: string) => `evidence/${id}`;

/**
 * Puts an accepted file in the bucket under a new random key (160 bits: not
 * guessable, not derived from the file) and returns the key. Callers put it
 * only once everything else of the request was checked, and delete it again
 * when their write fails (deleteEvidence).
 */
export async function putEvidence(bucket: R2Bucket, cooperativeId: string, file: AcceptedEvidence): Promise<string> {
  const key = evidenceObjectKey(randomToken(ID_BYTES));
  await bucket.put(key, file.bytes, {
    httpMetadata: { contentType: file.type },
    customMetadata: { cooperative: cooperativeId },
  });
  return key;
}

/** Best effort: a file no claim points at any longer is only wasted space, never shown. */
export async function deleteEvidence(bucket: R2Bucket, key: string | null | undefined): Promise<void> {
  if (!key) return;
  await bucket.delete(key).catch(() => undefined);
}

/** The evidence file a claim's write may carry, and the bucket it goes to. */
export interface EvidenceUpload {
  bucket: R2Bucket;
  /** The file posted in field `evidence`; null or an empty file input when none was chosen. */
  file: File | null;
}

/** What a claim row keeps of its stored evidence. */
export interface StoredEvidence {
  evidenceKey: string;
  evidenceType: AcceptedEvidence['type'];
}

/**
 * A claim's fields and its evidence file checked together, so one refusal
 * names every field at fault (the file under `evidence`), before anything is
 * written or stored.
 */
export async function checkClaimInput<T>(
  parse: () => T,
  upload: EvidenceUpload | null,
  /** Issues found elsewhere (claimantIssues), reported with the fields'. */
  more: FieldIssues = {},
): Promise<{ input: T; evidence: AcceptedEvidence | null }> {
  let input: T | undefined;
  let issues: FieldIssues = { ...more };
  try {
    input = parse();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues = { ...issues, ...error.fields };
  }
  const file = upload ? await readEvidenceFile(upload.file) : null;
  if (file && 'issue' in file) issues.evidence = file.issue;
  if (input === undefined || Object.keys(issues).length > 0) throw new ValidationError(issues);
  return { input, evidence: file && 'issue' in file ? null : file };
}

/**
 * Stores the accepted file (if any), then runs the claim's write with its
 * key; a write that fails takes the file out of the bucket again, so a
 * refused request leaves nothing there.
 */
export async function withStoredEvidence<T>(
  upload: EvidenceUpload | null,
  cooperativeId: string,
  evidence: AcceptedEvidence | null,
  write: (stored: StoredEvidence | null) => Promise<T>,
): Promise<T> {
  if (!upload || !evidence) return write(null);
  const key = await putEvidence(upload.bucket, cooperativeId, evidence);
  try {
    return await write({ evidenceKey: key, evidenceType: evidence.type });
  } catch (error) {
    await deleteEvidence(upload.bucket, key);
    throw error;
  }
}
