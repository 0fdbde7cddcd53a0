/**
 * Evidence files for the demo's verified claims: a one-page PDF that looks
 * like the scan an officer checks (an OCOP recognition decision, a
 * certificate, a lab report), drawn with pdf-lib in DejaVu Sans (every
 * Vietnamese letter) and marked "MẪU / DEMO" across the page and in its
 * footer, so nobody takes it for a real document. Each file goes through the
 * upload's own path: checked by checkEvidence, stored by putEvidence, and the
 * claim (and its verified version, which the public reads) then points at it.
 * Every other claim lets the public download its file, so product and trace
 * pages show evidence links. Safe to repeat: only verified demo claims
 * without a file are touched.
 */
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { degrees, grayscale, PDFDocument, type PDFFont, rgb } from 'pdf-lib';
import { checkEvidence, deleteEvidence, putEvidence } from '../../claims/evidence-file';
import { embedDejaVu } from '../../print/pdf-fonts';
import type { Database } from '../client';
import { certifications, labReports, ocopRatings } from '../schema';
import { buildDemoDataset } from './demo';

/** What the document says: its heading, its title and its lines (label, value). */
export interface DemoDocument {
  heading: string;
  title: string;
  lines: [string, string][];
}

const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = 56;

/** Lines cut to what fits `width` at `size` (no hyphenation: the demo's texts are short). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The document as a one-page A4 PDF, marked as a demo sample. */
export async function demoEvidencePdf(document: DemoDocument): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  doc.setTitle(`MẪU / DEMO – ${document.title}`);
  doc.setCreator('Chợ HTX (dữ liệu trình diễn)');
  doc.setProducer('Chợ HTX');
  doc.setLanguage('vi');
  const { regular, bold } = await embedDejaVu(doc);
  const page = doc.addPage([A4.width, A4.height]);
  const centre = (text: string, y: number, font: PDFFont, size: number) =>
    page.drawText(text, { x: (A4.width - font.widthOfTextAtSize(text, size)) / 2, y, size, font });

  // Across the page first, so the text is drawn over it.
  page.drawText('MẪU / DEMO', {
    x: 120,
    y: 260,
    size: 84,
    font: bold,
    rotate: degrees(40),
    color: rgb(0.85, 0.2, 0.2),
    opacity: 0.18,
  });
  page.drawRectangle({
    x: MARGIN / 2,
    y: MARGIN / 2,
    width: A4.width - MARGIN,
    height: A4.height - MARGIN,
    borderColor: grayscale(0.3),
    borderWidth: 1.5,
  });
  let y = A4.height - MARGIN - 20;
  centre('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', y, bold, 12);
  centre('Độc lập - Tự do - Hạnh phúc', (y -= 16), bold, 11);
  centre(document.heading, (y -= 40), regular, 11);
  y -= 36;
  for (const line of wrap(document.title.toUpperCase(), bold, 16, A4.width - 2 * MARGIN))
    centre(line, (y -= 22), bold, 16);
  y -= 24;
  for (const [label, value] of document.lines) {
    page.drawText(`${label}:`, { x: MARGIN, y: (y -= 22), size: 11, font: bold });
    for (const line of wrap(value, regular, 11, A4.width - 2 * MARGIN - 150)) {
      page.drawText(line, { x: MARGIN + 150, y, size: 11, font: regular });
      y -= 15;
    }
    y += 15;
  }
  page.drawCircle({ x: A4.width - 150, y: 190, size: 48, borderColor: rgb(0.8, 0.1, 0.1), borderWidth: 2 });
  centre('(Dấu và chữ ký – bản mẫu)', 120, regular, 9);
  centre('MẪU / DEMO – Tài liệu mẫu do Chợ HTX tạo cho dữ liệu trình diễn, không có giá trị pháp lý.', 60, regular, 8);
  return (await doc.save()) as Uint8Array<ArrayBuffer>;
}

/** A verified demo claim still without its file, and what its document says. */
interface ClaimWithoutFile {
  table: typeof ocopRatings | typeof certifications | typeof labReports;
  id: string;
  cooperativeId: string;
  document: DemoDocument;
}

/** D1 binds at most 100 parameters per statement. */
const IDS_PER_QUERY = 90;

async function claimsWithoutFiles(db: Database, now: Date): Promise<ClaimWithoutFile[]> {
  const data = buildDemoDataset(now);
  const productNames = new Map(data.products.map((p) => [p.id, { name: p.nameVi, cooperativeId: p.cooperativeId }]));
  const cooperativeNames = new Map(data.cooperatives.map((c) => [c.id, c.name]));
  const lots = new Map(data.batches.map((b) => [b.id, b.lotCode]));
  const waiting = (table: ClaimWithoutFile['table'], ids: string[]): SQL =>
    and(inArray(table.id, ids), inArray(table.verification, ['verified', 'revoked']), isNull(table.evidenceKey)) as SQL;
  const found: ClaimWithoutFile[] = [];
  const ids = (rows: readonly { id?: string }[]) => rows.flatMap((row) => (row.id ? [row.id] : []));
  for (const part of chunks(ids(data.ocopRatings), IDS_PER_QUERY)) {
    const rows = await db.select().from(ocopRatings).where(waiting(ocopRatings, part));
    for (const row of rows) {
      const product = productNames.get(row.productId);
      if (!product) continue;
      found.push({
        table: ocopRatings,
        id: row.id,
        cooperativeId: product.cooperativeId,
        document: {
          heading: row.level === 'national' ? 'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG' : 'ỦY BAN NHÂN DÂN TỈNH',
          title: 'Quyết định công nhận sản phẩm OCOP',
          lines: [
            ['Số', row.decisionNumber],
            ['Ngày quyết định', row.decisionDate],
            ['Sản phẩm', product.name],
            ['Chủ thể', cooperativeNames.get(product.cooperativeId) ?? ''],
            ['Hạng', `${row.stars} sao`],
            ['Hiệu lực', '36 tháng kể từ ngày ký'],
          ],
        },
      });
    }
  }
  for (const part of chunks(ids(data.certifications), IDS_PER_QUERY)) {
    const rows = await db.select().from(certifications).where(waiting(certifications, part));
    for (const row of rows) {
      found.push({
        table: certifications,
        id: row.id,
        cooperativeId: row.cooperativeId,
        document: {
          heading: row.issuer.toUpperCase(),
          title: `Giấy chứng nhận ${row.kind.toUpperCase().replaceAll('_', ' ')}`,
          lines: [
            ['Số', row.number],
            ['Cấp cho', cooperativeNames.get(row.cooperativeId) ?? ''],
            ['Sản phẩm', row.productId ? (productNames.get(row.productId)?.name ?? '') : 'Toàn hợp tác xã'],
            ['Hiệu lực', `${row.validFrom} – ${row.validUntil ?? 'không thời hạn'}`],
          ],
        },
      });
    }
  }
  const reports = await db
    .select()
    .from(labReports)
    .where(waiting(labReports, ids(data.labReports)));
  for (const row of reports) {
    found.push({
      table: labReports,
      id: row.id,
      cooperativeId: row.cooperativeId,
      document: {
        heading: row.lab.toUpperCase(),
        title: 'Phiếu kết quả thử nghiệm',
        lines: [
          ['Số phiếu', row.reportNumber],
          ['Ngày trả kết quả', row.reportedOn],
          ['Mẫu', `Lô ${lots.get(row.batchId) ?? ''}`],
          ['Kết luận', row.result === 'pass' ? 'Đạt' : 'Không đạt'],
          ['Tóm tắt', row.summary],
        ],
      },
    });
  }
  return found;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Stores a file for each verified demo claim that has none; returns how many were stored. */
export async function seedDemoEvidence(db: Database, bucket: R2Bucket, now: Date): Promise<number> {
  const claims = await claimsWithoutFiles(db, now);
  let stored = 0;
  for (const [i, claim] of claims.entries()) {
    const bytes = await demoEvidencePdf(claim.document);
    const checked = await checkEvidence(bytes);
    // A drawing the upload would refuse is a bug here, not a file to store.
    if (!checked.ok) throw new Error(`demo evidence of ${claim.id} refused: ${checked.refusal}`);
    const key = await putEvidence(bucket, claim.cooperativeId, { type: checked.type, bytes });
    try {
      // The verified version is what the public downloads (verified-version.ts): it gets the same file.
      await db
        .update(claim.table)
        .set({
          evidenceKey: key,
          evidenceType: checked.type,
          // The lab report is shown with its file on the demo batch's trace page.
          evidencePublic: claim.table === labReports || i % 2 === 0,
          lastVerified: sql`json_set(${claim.table.lastVerified}, '$.evidenceKey', ${key}, '$.evidenceType', ${checked.type})`,
        })
        .where(and(eq(claim.table.id, claim.id), isNull(claim.table.evidenceKey)));
    } catch (error) {
      await deleteEvidence(bucket, key);
      throw error;
    }
    stored++;
  }
  return stored;
}
