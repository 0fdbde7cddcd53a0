/**
 * CPU time, memory and size of a fair's catalogue PDF for 60 exhibitors
 * showing 4 products each (240 products, every one with its own photo and
 * QR code), the catalogue of a provincial fair. Runs the worker's own code
 * (src/server/print/catalogue-pdf.ts) in Node on photos as the Images binding
 * returns them (300 px JPEGs, made here with sharp, each different so none is
 * shared); the photos' re-encoding itself happens in the Images service, not
 * in the worker's CPU. The first run includes loading the fonts and the JIT
 * warming up, as a fresh isolate would. Run with --expose-gc for steadier
 * heap figures:
 *
 *   npm run bench:catalogue [-- --runs 5 --exhibitors 60 --products 4]
 */
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { main } from '../scripts/lib/fail';
import { type CataloguePdfRequest, cataloguePdf, type PrintPhoto } from '../src/server/print/catalogue-pdf';
import { PRINT_PHOTO_PIXELS } from '../src/server/print/catalogue-photos';

const MB = 1024 * 1024;
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const heapNow = () => {
  collect();
  return process.memoryUsage().heapUsed;
};

/** A photo-like JPEG: a gradient with noise, so it compresses like a photo rather than a flat colour. */
async function photo(n: number): Promise<PrintPhoto> {
  const width = PRINT_PHOTO_PIXELS;
  const height = Math.round(PRINT_PHOTO_PIXELS * 0.75);
  const raw = Buffer.alloc(width * height * 3);
  let seed = n * 7919 + 1;
  for (let i = 0; i < raw.length; i += 3) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const x = (i / 3) % width;
    raw[i] = (x + n * 13 + (seed & 31)) & 255;
    raw[i + 1] = (120 + (seed & 63)) & 255;
    raw[i + 2] = (((i / 3 / width) | 0) * 2 + (seed & 15)) & 255;
  }
  const bytes = await sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
  return { bytes: new Uint8Array(bytes), type: 'image/jpeg' };
}

async function request(exhibitors: number, productsEach: number): Promise<CataloguePdfRequest> {
  const photos = await Promise.all(Array.from({ length: exhibitors * productsEach }, (_, n) => photo(n)));
  return {
    title: 'Danh mục gian hàng: Hội chợ Thương mại và Sản phẩm OCOP tỉnh Quảng Trị 2026',
    when: '12 – 15 tháng 12, 2026, 08:00–21:00 hằng ngày · Quảng trường Đông Hà, 1 Hùng Vương',
    lead: 'Các hợp tác xã đã được xác nhận tham gia, gian hàng và sản phẩm của họ. Quét mã QR bên mỗi sản phẩm để xem trang sản phẩm và gửi hỏi hàng.',
    note: null,
    language: 'vi-VN',
    words: {
      noProducts: 'Hợp tác xã chưa chọn sản phẩm trưng bày.',
      continued: '(tiếp)',
      page: 'Trang {page}/{pages}',
    },
    exhibitors: Array.from({ length: exhibitors }, (_, e) => ({
      name: `Hợp tác xã Nông nghiệp và Dịch vụ Hữu cơ Vĩnh Linh số ${e + 1}`,
      detail: `Quảng Trị · 2 gian hàng · Gian ${String.fromCharCode(65 + (e % 6))}${e + 1}`,
      products: Array.from({ length: productsEach }, (_, p) => ({
        name: `Hồ tiêu Vĩnh Linh hữu cơ đóng hũ thuỷ tinh ${p + 1}`,
        rating: p % 2 === 0 ? 'OCOP 4 sao' : null,
        address: `https://cho-htx.vn/san-pham/ho-tieu-vinh-linh-huu-co-${e + 1}-${p + 1}?nguon=danh-muc.hoi-cho-ocop-quang-tri-2026`,
        photo: photos[e * productsEach + p]!,
      })),
    })),
  };
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

await main(async () => {
  const { values } = parseArgs({
    options: { runs: { type: 'string' }, exhibitors: { type: 'string' }, products: { type: 'string' } },
  });
  const runs = Number(values.runs ?? 5);
  const exhibitors = Number(values.exhibitors ?? 60);
  const productsEach = Number(values.products ?? 4);
  if (!(globalThis as { gc?: unknown }).gc) console.log('(run with --expose-gc for steadier heap figures)');
  const input = await request(exhibitors, productsEach);
  const photoBytes = input.exhibitors
    .flatMap((e) => e.products)
    .reduce((sum, p) => sum + (p.photo?.bytes.length ?? 0), 0);
  console.log(
    `Fair catalogue PDF — ${new Date().toISOString()} — ${exhibitors} exhibitors × ${productsEach} products, ` +
      `photos ${(photoBytes / 1024).toFixed(0)} KB in all, ${runs} runs`,
  );
  console.log('| run | CPU ms | wall ms | heap growth MB | PDF KB |');
  console.log('| --- | --- | --- | --- | --- |');
  const cpu: number[] = [];
  let peak = 0;
  for (let run = 1; run <= runs; run++) {
    const base = heapNow();
    const wall = performance.now();
    const since = process.cpuUsage();
    const pdf = await cataloguePdf(input);
    const used = cpuMs(since);
    const wallMs = performance.now() - wall;
    // Measured with the PDF still held, as the worker holds it while it answers.
    const growth = (process.memoryUsage().heapUsed + pdf.length - base) / MB;
    peak = Math.max(peak, growth);
    cpu.push(used);
    const row = [run === 1 ? '1 (cold)' : run, used.toFixed(0), wallMs.toFixed(0), growth.toFixed(1)];
    console.log(`| ${[...row, (pdf.length / 1024).toFixed(0)].join(' | ')} |`);
  }
  const warm = cpu.slice(1).sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)] ?? cpu[0]!;
  console.log(
    `\ncold ${cpu[0]!.toFixed(0)} ms CPU, warm median ${median.toFixed(0)} ms CPU; heap growth up to ${peak.toFixed(1)} MB`,
  );
});
