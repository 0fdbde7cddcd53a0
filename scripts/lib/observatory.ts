/**
 * The Mozilla HTTP Observatory's scanner (@mdn/mdn-http-observatory), for
 * `npm run bench:observatory` (a scan over the network) and the security
 * header unit test (its analyzers on the headers we send).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The package's install script downloads Chromium's HSTS preload list, which
 * needs the network at install time, so package.json's allowScripts denies it;
 * the analyzers still read the list. Our scans are of loopback addresses and
 * made-up test names, which are on no preload list: an empty list gives the
 * same answers.
 */
export function ensureHstsPreloadList(): void {
  const packageRoot = dirname(dirname(createRequire(import.meta.url).resolve('@mdn/mdn-http-observatory')));
  const list = join(packageRoot, 'conf', 'hsts-preload.json');
  if (!existsSync(list)) writeFileSync(list, '{}\n');
}

/** Its analyzers, by test name, except redirection (a zone setting, not a header), and its test fixture. */
export async function loadObservatoryAnalyzers() {
  ensureHstsPreloadList();
  const [{ ALL_TESTS }, { emptyRequests }] = await Promise.all([
    import('@mdn/mdn-http-observatory/src/constants.js'),
    import('@mdn/mdn-http-observatory/test/helpers.js'),
  ]);
  const headerTests: Record<string, (typeof ALL_TESTS)[number]> = {};
  for (const test of ALL_TESTS) {
    const name = test(emptyRequests()).constructor.name;
    if (name !== 'redirection') headerTests[name] = test;
  }
  return { headerTests, emptyRequests };
}
