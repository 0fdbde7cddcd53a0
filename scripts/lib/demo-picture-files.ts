/**
 * Where the demo's rendered pictures live (scripts/draw-demo-pictures.ts
 * writes them, seeding reads them), one file per product type, per
 * cooperative and per event kind that has a cover.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { slugify } from '../../src/server/search/slug';
import type { DemoPictureSource } from '../../src/server/db/seed/pictures';
import { ROOT } from './config';

export const DEMO_PICTURES_DIR = join(ROOT, 'scripts', 'demo-pictures');

export const productPictureFileName = (typeKey: string) => `product-${typeKey.replaceAll('_', '-')}.webp`;
export const logoFileName = (cooperativeName: string) => `logo-${slugify(cooperativeName)}.webp`;
export const eventCoverFileName = (kind: string) => `cover-${kind.replaceAll('_', '-')}.webp`;

async function readPicture(name: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return new Uint8Array(await readFile(join(DEMO_PICTURES_DIR, name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The committed pictures; a missing file leaves that product or cooperative without one (and its placeholder shows). */
export const demoPictureFiles: DemoPictureSource = {
  product: (typeKey) => readPicture(productPictureFileName(typeKey)),
  logo: (cooperativeName) => readPicture(logoFileName(cooperativeName)),
  eventCover: (kind) => readPicture(eventCoverFileName(kind)),
};
