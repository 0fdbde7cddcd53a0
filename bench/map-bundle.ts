/**
 * The JavaScript of the pages with a map, as built: the map page's script
 * (Leaflet, the cluster plugin, src/components/map/cooperative-map.ts) and
 * the profile form's place picker (Leaflet,
 * src/components/dashboard/location-picker.ts), each with every chunk it
 * imports, raw, gzip and brotli, against issue 21's budget of 60 KB
 * compressed. The stylesheets are printed beside them (not part of the
 * budget). Fails when a budget is exceeded, so a heavier map library cannot
 * slip in unnoticed.
 *
 *   npm run -s build && npm run bench:map-bundle
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { main, SetupError } from '../scripts/lib/fail';

const ASSETS = join(import.meta.dirname, '..', 'dist', 'client', '_astro');
const BUDGET_BYTES = 60 * 1024;

interface Weight {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

function weigh(file: string): Weight {
  const body = readFileSync(join(ASSETS, file));
  return {
    file,
    raw: body.byteLength,
    gzip: gzipSync(body, { level: 9 }).byteLength,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

/** The entry and the chunks it imports, transitively (Vite writes them as "./name.hash.js"). */
function withImports(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(ASSETS, file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) visit(match[1] as string);
  };
  visit(entry);
  return [...seen];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

await main(async () => {
  if (!existsSync(ASSETS)) throw new SetupError('no build: run `npm run -s build` first');
  const files = readdirSync(ASSETS);
  for (const page of ['MapPage', 'ProfilePage']) {
    const entry = files.find((file) =>
      new RegExp(`^${page}\\.astro_astro_type_script_index_\\d+_lang\\..+\\.js$`).test(file),
    );
    if (!entry) throw new SetupError(`the build has no script of ${page}.astro`);
    const scripts = withImports(entry).map(weigh);
    const styles = files.filter((file) => new RegExp(`^${page}\\..+\\.css$`).test(file)).map(weigh);
    const total = scripts.reduce(
      (sum, w) => ({ ...sum, raw: sum.raw + w.raw, gzip: sum.gzip + w.gzip, brotli: sum.brotli + w.brotli }),
      { file: 'JavaScript, total', raw: 0, gzip: 0, brotli: 0 },
    );
    console.table(
      [...scripts, total, ...styles].map((w) => ({
        file: w.file,
        raw: kb(w.raw),
        gzip: kb(w.gzip),
        brotli: kb(w.brotli),
      })),
    );
    const verdict = total.gzip <= BUDGET_BYTES ? '✓ within' : '✗ over';
    console.log(`${verdict} the budget: ${kb(total.gzip)} of ${kb(BUDGET_BYTES)} gzip for ${page}'s JavaScript`);
    if (total.gzip > BUDGET_BYTES) process.exitCode = 1;
  }
});
