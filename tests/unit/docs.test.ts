/**
 * Docs that cannot drift: every repository path README.md and docs/ name must
 * exist in today's tree, so a moved or renamed file fails here instead of
 * misleading the next reader.
 *
 * What counts as a path (docs/adr/README.md explains how to write them):
 * - anywhere in the text, a word that starts with a top-level folder
 *   (`src/`, `functions/`, `tests/`, …) or names a top-level file;
 * - in `code`, also a file name or a partial path with a source file's
 *   extension (`validity.ts`, `pages/gate.ts`): some file in the tree
 *   must end with it;
 * - a Markdown link's target, resolved from the document's folder.
 * Placeholders stand for one path segment (`<area>`, `{slug}`, `*`), `…` for
 * any number, and `{a,b}` for either; `#symbol` must occur in the file (a
 * lone `#symbol` in the file last named in its paragraph or list item) and a
 * `:line` suffix is ignored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Not part of the tree the docs describe: dependencies, build output, local data. */
const OUTSIDE_THE_TREE = new Set(['node_modules', '.git', 'dist', '.astro', '.data', '.wrangler']);
const TOP_FOLDERS = ['src', 'functions', 'tests', 'scripts', 'bench', 'migrations', 'public', 'docs'];
const TOP_FILES = [
  'README.md',
  'package.json',
  'package-lock.json',
  'wrangler.toml',
  'astro.config.mjs',
  'tsconfig.json',
];
const SOURCE_FILE = /\.(ts|astro|mjs|js|sql|md|css|toml|json)$/;

/** Every file and folder of the repository, relative and '/'-separated (folders end with '/'). */
function treeEntries(folder = ''): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true })
    .filter((entry) => !OUTSIDE_THE_TREE.has(entry.name))
    .flatMap((entry) => {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      return entry.isDirectory() ? [`${path}/`, ...treeEntries(path)] : [path];
    });
}

function documents(): string[] {
  return ['README.md', ...treeEntries('docs').filter((path) => path.endsWith('.md'))];
}

/** Package names look like file names (`ical.js`); a doc naming one means the package. */
function packageNames(): Set<string> {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >;
  return new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
}

interface Reference {
  document: string;
  /** As written, for the failure message. */
  written: string;
  path: string;
  symbol?: string;
  /** A partial path: some entry must end with it, rather than be it. */
  partial: boolean;
}

const TOP_LEVEL_WORD = new RegExp(
  `(?<![\\w./@:-])(?:${TOP_FOLDERS.join('|')})/[^\\s\`'"(),;]*|(?<![\\w./@:-])(?:${TOP_FILES.map((file) => file.replace('.', '\\.')).join('|')})(?![\\w.-])`,
  'g',
);
const FENCE = /^```[^\n]*\n[\s\S]*?^```/gm;
const INLINE_CODE = /`([^`\n]+)`/g;
const LINK = /\]\(([^)\s]+)\)/g;
/** Where a paragraph or a list item begins. */
const BLOCK_START = /\n(?=[ \t]*\n|[ \t]*(?:[-*]|\d+\.) )/;

function reference(document: string, written: string, partial: boolean): Reference | undefined {
  const trimmed = written.replace(/[.,;:!?)]+$/, '');
  // A path ending a link's text (`[src/](…)`) keeps the bracket; `[slug]` in a file name is the name.
  const cleaned = trimmed.includes('[') ? trimmed : trimmed.replace(/\]+$/, '');
  if (!cleaned || cleaned.startsWith('/') || cleaned.includes('://')) return undefined;
  const [withoutSymbol, symbol] = cleaned.split('#', 2) as [string, string | undefined];
  const path = withoutSymbol.replace(/:\d+(-\d+)?$/, '');
  return { document, written: cleaned, path, symbol: symbol || undefined, partial };
}

function referencesIn(document: string, text: string, packages: Set<string>): Reference[] {
  const found: Reference[] = [];
  for (const [, target] of text.matchAll(LINK)) {
    if (/^(https?:|mailto:|#)/.test(target!)) continue;
    const path = relative(root, resolve(root, dirname(document), target!.split('#')[0]!));
    found.push({ document, written: target!, path, partial: false });
  }
  const prose = text.replace(LINK, '](link)');
  for (const [word] of prose.matchAll(TOP_LEVEL_WORD)) {
    const found1 = reference(document, word, false);
    if (found1) found.push(found1);
  }
  // A span with spaces is a command or a phrase: the files it writes (`> provinces.sql`) are not the tree's.
  // A lone `#symbol` is looked up in the file last named in the same paragraph or list item.
  for (const block of prose.replace(FENCE, '').split(BLOCK_START)) {
    let lastFile: Reference | undefined;
    for (const [, code] of block.matchAll(INLINE_CODE)) {
      const word = code!.trim();
      if (/^#\w+$/.test(word)) {
        if (lastFile) found.push({ ...lastFile, written: `${lastFile.path} ${word}`, symbol: word.slice(1) });
        continue;
      }
      if (/\s/.test(word) || /^[./]/.test(word) || word.includes('@') || packages.has(word)) continue;
      const topLevel = TOP_FOLDERS.some((folder) => word.startsWith(`${folder}/`)) || TOP_FILES.includes(word);
      const candidate = reference(document, word, !topLevel);
      if (!candidate || !SOURCE_FILE.test(candidate.path) || candidate.path.startsWith('dist/')) continue;
      lastFile = { ...candidate, symbol: undefined };
      // Paths from the top were taken above, with the rest of the text.
      if (!topLevel) found.push(candidate);
    }
  }
  return found;
}

/** A path as a pattern over tree entries: placeholders stand for a segment, `…` for any run of them. */
function patternOf(ref: Reference): RegExp {
  let source = '';
  for (const piece of ref.path.split(/(<[^>/]+>|\{[^}/]+\}|\*\*|\*|…|\.\.\.)/)) {
    if (!piece) continue;
    if (piece === '**' || piece === '…' || piece === '...') source += '.*';
    else if (piece === '*' || /^<.+>$/.test(piece)) source += '[^/]+';
    else if (/^\{.+\}$/.test(piece)) {
      const options = piece.slice(1, -1).split(',');
      source += options.length > 1 ? `(?:${options.map(escape).join('|')})` : '[^/]+';
    } else source += escape(piece);
  }
  return new RegExp(`${ref.partial ? '(?:^|/)' : '^'}${source}/?$`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function problemWith(ref: Reference, tree: string[]): string | undefined {
  const pattern = patternOf(ref);
  const matches = tree.filter((entry) => pattern.test(entry));
  const where = `${ref.document}: \`${ref.written}\``;
  if (matches.length === 0) return `${where} names nothing in the tree`;
  if (
    ref.symbol &&
    !matches.some((entry) => !entry.endsWith('/') && readFileSync(join(root, entry), 'utf8').includes(ref.symbol!))
  ) {
    return `${where}: no ${ref.symbol} in ${matches.join(', ')}`;
  }
  return undefined;
}

describe('docs name only what exists', () => {
  const tree = treeEntries();
  const packages = packageNames();
  const references = documents().flatMap((document) =>
    referencesIn(document, readFileSync(join(root, document), 'utf8'), packages),
  );

  it('finds the references it checks (a broken pattern would pass everything)', () => {
    const architecture = references.filter((ref) => ref.document === 'docs/ARCHITECTURE.md');
    expect(architecture.map((ref) => ref.path)).toEqual(
      expect.arrayContaining(['src/worker.ts', 'src/server/errors.ts', 'wrangler.toml']),
    );
    expect(references.some((ref) => ref.document === 'README.md' && ref.path === 'docs/ARCHITECTURE.md')).toBe(true);
  });

  it('tells a missing path, a missing symbol and a placeholder apart', () => {
    const check = (written: string, partial = false) => problemWith(reference('x.md', written, partial)!, tree);
    expect(check('src/server/no-such-file.ts')).toMatch(/names nothing/);
    expect(check('src/worker.ts#noSuchSymbolAnywhere')).toMatch(/no noSuchSymbolAnywhere/);
    expect(check('src/worker.ts#publicCache')).toBeUndefined();
    expect(check('functions/pages/<area>/')).toBeUndefined();
    expect(check('src/server/{products,moderation}/vocabulary.ts')).toBeUndefined();
    expect(check('pages/dashboard/handle-page.ts', true)).toMatch(/names nothing/);
    expect(check('pages/handle-page.ts', true)).toBeUndefined();
    const lone = (text: string) => referencesIn('x.md', text, packages).map((ref) => problemWith(ref, tree));
    expect(lone('In `src/worker.ts`, `#publicCache` and `#noSuchSymbolAnywhere`.')).toEqual([
      undefined,
      undefined,
      expect.stringMatching(/no noSuchSymbolAnywhere/),
    ]);
    expect(lone('In `src/worker.ts`.\n\n- Then `#noSuchSymbolAnywhere`, in another item.')).toEqual([undefined]);
  });

  it('every path README.md and docs/ name exists', () => {
    const problems = references.map((ref) => problemWith(ref, tree)).filter((problem) => problem !== undefined);
    expect([...new Set(problems)]).toEqual([]);
  });
});
