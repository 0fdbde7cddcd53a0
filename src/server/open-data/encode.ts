/**
 * Streams of an export: CSV (as ../csv.ts writes it) or one JSON document
 * whose `items` array is written page by page.
 */
import { CSV_BYTE_ORDER_MARK, csvRecords } from '../csv';
import { type Cell, type Row, OPEN_DATA_LICENCE } from './datasets';

const encoder = new TextEncoder();
/** Booleans as true/false and nulls as empty cells, the way CSV readers expect them. */
function csvCell(value: Cell): string | number {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

function streamOf(parts: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
}

export function csvStream(columns: readonly string[], pages: AsyncGenerator<Row[]>): ReadableStream<Uint8Array> {
  async function* parts() {
    yield `${CSV_BYTE_ORDER_MARK}${csvRecords([columns])}`;
    for await (const rows of pages)
      yield csvRecords(rows.map((row) => columns.map((column) => csvCell(row[column] ?? null))));
  }
  return streamOf(parts());
}

export function jsonStream(
  meta: { dataset: string; generatedAt: string; columns: readonly string[] },
  pages: AsyncGenerator<Row[]>,
): ReadableStream<Uint8Array> {
  async function* parts() {
    const head = { ...meta, licence: OPEN_DATA_LICENCE };
    yield `${JSON.stringify(head).slice(0, -1)},"items":[`;
    let written = 0;
    // One chunk per page of rows, not per row: 200,000 tiny chunks would cost more than the data.
    for await (const rows of pages) {
      yield rows.map((row, i) => `${written + i === 0 ? '' : ','}\n${JSON.stringify(row)}`).join('');
      written += rows.length;
    }
    yield '\n]}\n';
  }
  return streamOf(parts());
}
