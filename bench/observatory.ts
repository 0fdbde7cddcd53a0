/**
 * `npm run bench:observatory`: the Mozilla HTTP Observatory's own scanner
 * (@mdn/mdn-http-observatory, the code behind developer.mozilla.org/observatory)
 * against the built worker on the demo dataset, behind a local TLS front
 * (bench/lib/tls-front.ts) whose certificate this process alone trusts. Prints
 * each test's result, pass or fail, and the score and grade.
 *
 * Options: --gate N (exit 1 when the score is below N; A+ is 100), --no-build.
 * Set OBSERVATORY_HOST to scan on another loopback address (default 127.0.80.1).
 */
import * as tls from 'node:tls';
import { parseArgs } from 'node:util';
import { main, SetupError } from '../scripts/lib/fail';
import { ensureHstsPreloadList } from '../scripts/lib/observatory';
import { describeMachine, markdownRow, serveDemo } from './lib/demo-worker';
import { startTlsFront } from './lib/tls-front';

const SCAN_HOST = process.env.OBSERVATORY_HOST || '127.0.80.1';

await main(async () => {
  const { values } = parseArgs({ options: { gate: { type: 'string' }, 'no-build': { type: 'boolean' } } });
  const gate = values.gate === undefined ? undefined : Number(values.gate);
  if (gate !== undefined && !Number.isFinite(gate)) throw new SetupError('--gate takes a score (A+ is 100).');

  if (typeof tls.setDefaultCACertificates !== 'function') {
    throw new SetupError(
      `Node ${process.versions.node} cannot trust a certificate at run time (needs 22.19+): run it with npm run.`,
    );
  }
  ensureHstsPreloadList();
  const { scan } = await import('@mdn/mdn-http-observatory');
  const server = await serveDemo({ build: !values['no-build'], vars: { PUBLIC_ORIGIN: `https://${SCAN_HOST}` } });
  let result: Awaited<ReturnType<typeof scan>>;
  try {
    const front = await startTlsFront(SCAN_HOST, server.url);
    try {
      // Trusted here only, so the scanner verifies the front as it would a real certificate.
      tls.setDefaultCACertificates([...tls.getCACertificates('default'), front.certificate]);
      result = await scan(SCAN_HOST);
    } finally {
      await front.close();
    }
  } finally {
    await server.stop();
  }

  console.log(`\nMozilla HTTP Observatory (scanner ${result.scan.algorithmVersion}) — ${new Date().toISOString()}`);
  console.log(`Machine: ${describeMachine()}`);
  console.log(
    `Scanned https://${SCAN_HOST}/ (the worker behind a local TLS front; http:// answered by its stand-in for "Always Use HTTPS")\n`,
  );
  console.log(markdownRow(['test', 'pass', 'score modifier', 'result']));
  console.log(markdownRow(['---', '---', '---', '---']));
  for (const [name, test] of Object.entries(result.tests)) {
    console.log(markdownRow([name, test.pass ? 'pass' : 'FAIL', test.scoreModifier ?? 0, test.result ?? '']));
  }
  const { score, grade, testsPassed, testsQuantity } = result.scan;
  console.log(`\nScore ${score}, grade ${grade}: ${testsPassed} of ${testsQuantity} tests pass.`);
  if (gate !== undefined && (score ?? 0) < gate) throw new SetupError(`Score ${score} is below the gate of ${gate}.`);
});
