/**
 * A zip bomb guard for XLSX uploads. An XLSX file is a zip archive, and a
 * few kilobytes of it can inflate to gigabytes: a Worker has 128 MB. Before
 * read-excel-file inflates anything, the archive's central directory (which
 * states each entry's sizes) is read here, and the file is refused when its
 * entries would take more than MAX_XLSX_INFLATED_BYTES, when there are too
 * many of them, or when the directory cannot be read at all. The sizes a
 * directory states can lie: fflate (under read-excel-file) then stops at the
 * stated size, so a lying archive fails to read rather than inflating further.
 */

/** Uncompressed sheets of 5,000 product rows with shared strings take about 5 MB: ten times that is room enough. */
export const MAX_XLSX_INFLATED_BYTES = 50 * 1024 * 1024;
/** A workbook with one sheet has about a dozen entries. */
export const MAX_XLSX_ENTRIES = 200;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end-of-directory record is 22 bytes plus a comment of at most 65,535. */
const MAX_END_RECORD_SEARCH = 22 + 0xffff;

export type ZipProblem = 'unreadable' | 'too_large';

/** Whether the bytes start like a zip archive (a local file header), as XLSX files do. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** null when the archive's stated sizes are within the limits; otherwise why it is refused. */
export function zipProblem(bytes: Uint8Array): ZipProblem | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - MAX_END_RECORD_SEARCH); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return 'unreadable';
  const entries = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  // ZIP64 (0xFFFF entries or 0xFFFFFFFF offsets) is for archives far past our limits.
  if (entries === 0xffff || directoryOffset === 0xffffffff) return 'too_large';
  if (entries > MAX_XLSX_ENTRIES) return 'too_large';
  let at = directoryOffset;
  let inflated = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return 'unreadable';
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return 'too_large';
    inflated += size;
    if (inflated > MAX_XLSX_INFLATED_BYTES) return 'too_large';
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return null;
}
