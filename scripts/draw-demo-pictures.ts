/**
 * `npm run draw:pictures`: draws the demo's pictures (scripts/lib/demo-pictures.ts)
 * and renders them to the WebP files in scripts/demo-pictures/, which are
 * committed: seeding then needs no renderer, only the upload path. Run it
 * again after changing a drawing or the demo's product types or cooperatives.
 * It also writes the placeholders of products without photos (public/placeholders/).
 * sharp (a devDependency the tests already use to make images) renders SVG
 * through librsvg.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { DEMO_COOPERATIVES } from '../src/server/db/seed/content/cooperatives';
import { PRODUCT_TYPES } from '../src/server/db/seed/content/products';
import { ROOT } from './lib/config';
import { DEMO_PICTURES_DIR, eventCoverFileName, logoFileName, productPictureFileName } from './lib/demo-picture-files';
import { OCOP_GROUPS } from '../src/server/products/vocabulary';
import { COVERED_EVENT_KINDS, eventCoverSvg, logoSvg, placeholderSvg, productPictureSvg } from './lib/demo-pictures';
import { main } from './lib/fail';

/** Flat colours and few shapes: this quality keeps a 960 × 720 picture near 20 KB with clean edges. */
const WEBP = { quality: 80, effort: 6 } as const;

async function render(svg: string, file: string): Promise<number> {
  const bytes = await sharp(Buffer.from(svg)).webp(WEBP).toBuffer();
  await writeFile(file, bytes);
  return bytes.length;
}

/** The placeholders of products without photos: small SVG files the pages load as images (cached, no HTML weight). */
const PLACEHOLDERS_DIR = join(ROOT, 'public', 'placeholders');

await main(async () => {
  await mkdir(PLACEHOLDERS_DIR, { recursive: true });
  for (const group of OCOP_GROUPS) await writeFile(join(PLACEHOLDERS_DIR, `${group}.svg`), placeholderSvg(group));
  // `-- --placeholders`: only those, without re-rendering the demo's WebP files (minutes of CPU).
  if (process.argv.includes('--placeholders')) return;
  let total = 0;
  let largest = 0;
  let count = 0;
  const note = (bytes: number) => {
    total += bytes;
    largest = Math.max(largest, bytes);
    count++;
  };
  const drawCovers = async () => {
    for (const kind of COVERED_EVENT_KINDS)
      note(await render(eventCoverSvg(kind), join(DEMO_PICTURES_DIR, eventCoverFileName(kind))));
  };
  // `-- --covers`: only the few events' covers.
  if (process.argv.includes('--covers')) {
    await drawCovers();
    console.log(`${count} covers, ${Math.round(total / 1024)} KB in all`);
    return;
  }
  await rm(DEMO_PICTURES_DIR, { recursive: true, force: true });
  await mkdir(DEMO_PICTURES_DIR, { recursive: true });
  await drawCovers();
  for (const type of PRODUCT_TYPES)
    note(await render(productPictureSvg(type.key), join(DEMO_PICTURES_DIR, productPictureFileName(type.key))));
  for (const seed of DEMO_COOPERATIVES) {
    const main = seed.types[0];
    if (!main) throw new Error(`${seed.name} makes nothing`);
    note(await render(logoSvg(seed.name, main), join(DEMO_PICTURES_DIR, logoFileName(seed.name))));
  }
  console.log(`${count} pictures, ${Math.round(total / 1024)} KB in all, the largest ${Math.round(largest / 1024)} KB`);
});
