/**
 * Reading registers (src/server/imports): Vietnamese numbers and dates, text
 * that would run in a spreadsheet, and files that are not what they say.
 */
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { parseVietnameseDate, parseWholeNumber, textCellProblem } from '../../src/server/imports/cells';
import { locateColumns } from '../../src/server/imports/columns';
import { PRODUCT_COLUMNS } from '../../src/server/imports/product-import';
import { MAX_IMPORT_BYTES, readSpreadsheet } from '../../src/server/imports/spreadsheet-file';
import { importTemplate } from '../../src/server/imports/templates';
import { MAX_XLSX_INFLATED_BYTES, zipProblem } from '../../src/server/imports/zip-guard';
import { ValidationError } from '../../src/server/errors';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(bytes: Uint8Array): Promise<string | undefined> {
  try {
    await readSpreadsheet(bytes);
  } catch (error) {
    if (error instanceof ValidationError) return error.fields.file?.code;
    throw error;
  }
  return undefined;
}

describe('Vietnamese cells', () => {
  it('reads whole numbers with or without thousands dots', () => {
    for (const [text, value] of [
      ['1250000', 1_250_000],
      ['1.250.000', 1_250_000],
      ['1 250 000', 1_250_000],
      ['150.000 đ', 150_000],
      ['1,250,000', 1_250_000],
    ] as const)
      expect(parseWholeNumber(text)).toEqual({ ok: true, value });
    for (const text of ['1,5', '12.5', 'abc', '1.25.000', '-3', ''])
      expect(parseWholeNumber(text)).toEqual({ ok: false, code: 'number_invalid' });
  });

  it('reads dd/mm/yyyy and refuses dates that do not exist', () => {
    expect(parseVietnameseDate('05/03/2025')).toEqual({ ok: true, value: '2025-03-05' });
    expect(parseVietnameseDate('5.3.2025')).toEqual({ ok: true, value: '2025-03-05' });
    expect(parseVietnameseDate('2025-03-05')).toEqual({ ok: true, value: '2025-03-05' });
    expect(parseVietnameseDate('31/02/2025')).toEqual({ ok: false, code: 'calendar_date' });
    expect(parseVietnameseDate('03/2025')).toEqual({ ok: false, code: 'calendar_date' });
  });

  it('refuses formulas and markup, but not phones or negative-looking numbers', () => {
    expect(textCellProblem('=HYPERLINK("http://x","y")')).toBe('import_formula');
    expect(textCellProblem('@SUM(A1)')).toBe('import_formula');
    expect(textCellProblem('-cmd|calc')).toBe('import_formula');
    expect(textCellProblem('<script>alert(1)</script>')).toBe('import_markup');
    expect(textCellProblem('+84912345678')).toBeNull();
    expect(textCellProblem('Mật ong < 500 ml')).toBeNull();
  });
});

describe('register files', () => {
  it('reads CSV with or without a byte order mark, with commas or semicolons', async () => {
    const expected = [
      ['Tên sản phẩm', 'Giá (đồng)'],
      ['Mật ong', '1.250.000'],
    ];
    expect((await readSpreadsheet(utf8('Tên sản phẩm,Giá (đồng)\r\nMật ong,1.250.000\r\n'))).rows).toEqual(expected);
    expect((await readSpreadsheet(utf8('\uFEFFTên sản phẩm;Giá (đồng)\nMật ong;1.250.000\n'))).rows).toEqual(expected);
  });

  it('refuses a CSV in a legacy encoding, UTF-16, a binary file, an empty or oversized one', async () => {
    // "Mật ong" in Windows-1258 (Vietnamese ANSI): the bytes are not UTF-8.
    expect(await refusal(new Uint8Array([0x4d, 0xe2, 0xf2, 0x74, 0x20, 0x6f, 0x6e, 0x67, 0x0a, 0x61, 0x0a]))).toBe(
      'import_encoding',
    );
    expect(await refusal(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBe('import_encoding');
    expect(await refusal(utf8('%PDF-1.7\n\u0001\u0002binary'))).toBe('import_file_type');
    expect(await refusal(new Uint8Array())).toBe('import_file_empty');
    expect(await refusal(utf8('Tên sản phẩm\n'))).toBe('import_file_empty');
    expect(await refusal(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41))).toBe('import_file_too_large');
  });

  it('reads the XLSX template back as its CSV twin', async () => {
    const xlsx = await importTemplate(PRODUCT_COLUMNS, 'vi', 'xlsx', 'mau');
    const csv = await importTemplate(PRODUCT_COLUMNS, 'vi', 'csv', 'mau');
    const fromXlsx = await readSpreadsheet(xlsx.bytes);
    expect(fromXlsx.format).toBe('xlsx');
    expect(fromXlsx.rows).toEqual((await readSpreadsheet(csv.bytes)).rows);
    expect(locateColumns(PRODUCT_COLUMNS, fromXlsx.rows[0]!).missing).toEqual([]);
    const english = await readSpreadsheet((await importTemplate(PRODUCT_COLUMNS, 'en', 'csv', 'template')).bytes);
    expect(locateColumns(PRODUCT_COLUMNS, english.rows[0]!).missing).toEqual([]);
  });

  it('refuses a zip bomb before inflating it, and a zip that is no workbook', async () => {
    // A bomb's directory states the sizes it inflates to (deflate shrinks zeros a thousandfold): here 60 MB
    // stated over a small entry, as compressing 60 MB in a test would take seconds.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(1024) });
    const directory = new DataView(bomb.buffer);
    for (let at = 0; at < bomb.length - 4; at++)
      if (directory.getUint32(at, true) === 0x02014b50) directory.setUint32(at + 24, MAX_XLSX_INFLATED_BYTES + 1, true);
    expect(zipProblem(bomb)).toBe('too_large');
    expect(await refusal(bomb)).toBe('import_xlsx_too_large');
    expect(await refusal(zipSync({ 'hello.txt': utf8('hello') }))).toBe('import_file_type');
  });
});
