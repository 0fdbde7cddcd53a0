/**
 * The layers of docs/ARCHITECTURE.md, held by their imports: a file's folder
 * says what kind of work it does, so each folder may only lean on the layers
 * below it.
 * - src/server (domain and data) never reaches up to HTTP, rendering or routes,
 *   and never builds a Response;
 * - src/components renders: from the HTTP side it takes view-model types only;
 * - the demo seed is for seeding: nothing that serves a request imports it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function filesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|astro)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

interface Import {
  /** The imported file or folder, relative to the repository (or the bare package name). */
  target: string;
  typeOnly: boolean;
  line: string;
}

const IMPORT =
  /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[3] ?? match[4] ?? match[5] ?? '';
    const target = specifier.startsWith('.') ? relative(root, resolve(root, dirname(file), specifier)) : specifier;
    found.push({ target, typeOnly: Boolean(match[2]), line: match[0].trim() });
  }
  return found;
}

function violations(files: string[], refused: (imported: Import, file: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter((imported) => refused(imported, file))
      .map((imported) => `${file}: ${imported.line}`),
  );
}

const under = (target: string, folder: string) => target === folder || target.startsWith(`${folder}/`);
const SEEDING = ['src/server/db/seed', 'src/server/db/seeding', 'scripts', 'tests', 'bench'];

describe('layers', () => {
  const server = filesUnder('src/server');
  const components = filesUnder('src/components');
  const serving = [...filesUnder('src'), ...filesUnder('functions')];

  it('finds the imports it checks (a broken pattern would pass everything)', () => {
    const pages = importsOf('functions/pages/dashboard/product-pages.ts');
    expect(pages.some((imported) => imported.target === 'src/server/products/product-writes')).toBe(true);
    expect(importsOf('src/components/dashboard/ProductFormPage.astro').some((imported) => imported.typeOnly)).toBe(
      true,
    );
  });

  it('src/server imports neither the HTTP side, nor rendering, nor routes', () => {
    const refused = [
      'functions',
      'src/components',
      'src/pages',
      'src/layouts',
      'src/worker',
      'src/middleware',
      'astro',
      'hono',
    ];
    expect(
      violations(server, (imported) =>
        refused.some((folder) => under(imported.target, folder) || imported.target.startsWith('astro:')),
      ),
    ).toEqual([]);
  });

  it('src/server builds no Response', () => {
    const building = server.filter((file) =>
      /new Response\(|Response\.(json|redirect)\(/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(building).toEqual([]);
  });

  it('src/components takes only types from the HTTP side', () => {
    expect(violations(components, (imported) => under(imported.target, 'functions') && !imported.typeOnly)).toEqual([]);
  });

  it('nothing that serves a request imports the demo seed', () => {
    const serve = serving.filter((file) => !SEEDING.some((folder) => under(file.replace(/\.ts$/, ''), folder)));
    expect(
      violations(
        serve,
        (imported) => under(imported.target, 'src/server/db/seed') || under(imported.target, 'src/server/db/seeding'),
      ),
    ).toEqual([]);
  });
});
