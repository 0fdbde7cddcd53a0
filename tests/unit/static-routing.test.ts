import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** wrangler.toml's [assets] run_worker_first: the paths the worker answers before the static files are asked. */
function runWorkerFirst(): string[] {
  const toml = readFileSync(new URL('../../wrangler.toml', import.meta.url), 'utf8');
  const line = /^run_worker_first\s*=\s*(\[.*\])\s*$/m.exec(toml);
  if (!line?.[1]) throw new Error('wrangler.toml: no run_worker_first line under [assets]');
  // A TOML array of double-quoted strings without escapes is also JSON.
  return JSON.parse(line[1]) as string[];
}

describe('which requests reach the worker first', () => {
  it('sends every page to the worker, without asking the static files first', () => {
    expect(runWorkerFirst()[0]).toBe('/*');
  });

  it('leaves every static file to the static layer, so it is served with public/_headers and no worker run', () => {
    const excluded = new Set(
      runWorkerFirst()
        .filter((pattern) => pattern.startsWith('!'))
        .map((pattern) => pattern.slice(1)),
    );
    const publicDir = new URL('../../public/', import.meta.url);
    // The build adds its own files under /_astro/; `_headers` is configuration, never served.
    const served = ['_astro', ...readdirSync(publicDir).filter((name) => name !== '_headers')];
    for (const name of served) {
      const isDir = name === '_astro' || statSync(new URL(name, publicDir)).isDirectory();
      expect(excluded, `public/${name}`).toContain(isDir ? `/${name}/*` : `/${name}`);
    }
  });
});
