/**
 * `npm run test:e2e`: the end-to-end and the browser projects side by side, one Vitest
 * process each.
 *
 * Each project runs its files one after another against a worker of its own
 * (tests/e2e/global-setup.ts). In one Vitest run the two cannot overlap: Vitest puts every
 * project without file parallelism into one sequential group, so the browser files and then
 * the end-to-end files ran on one core while the other idled. Two processes give each
 * project a core, as CI's two cores allow, and start both workers at once.
 *
 * Each process's lines are shown as they come, prefixed with its project's name. Each counts
 * its tests into a file of its own; the last line counts both (and earlier runs, when
 * TEST_SUMMARY_FILE names a file, as in CI: tests/support/summary-reporter.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { carryCounts, type SummaryCounts } from '../tests/support/summary-reporter';

const PROJECTS = ['e2e', 'browser'] as const;
/** Arguments for Vitest, such as files to run: a filter may leave one project with nothing to run. */
const extraArgs = process.argv.slice(2);
const vitestArgs = extraArgs.length ? [...extraArgs, '--passWithNoTests'] : [];
const countsDir = mkdtempSync(join(tmpdir(), 'cho-htx-e2e-counts-'));

interface ProjectRun {
  project: string;
  code: number;
  counts: SummaryCounts;
}

function runProject(project: string): Promise<ProjectRun> {
  const countsFile = join(countsDir, `${project}.json`);
  const prefix = `[${project}] `;
  return new Promise((resolve) => {
    const child = spawn(
      'npx',
      ['vitest', 'run', '--config', 'tests/vitest.config.ts', '--project', project, ...vitestArgs],
      { env: { ...process.env, TEST_SUMMARY_FILE: countsFile }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // Whole lines only, so the two projects' lines never interleave mid-line.
    for (const [stream, sink] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        if (lines.length) sink.write(lines.map((line) => prefix + line + '\n').join(''));
      });
      stream.on('end', () => pending && sink.write(prefix + pending + '\n'));
    }
    const finish = (code: number) => resolve({ project, code, counts: readCounts(countsFile, code) });
    child.on('error', (error) => {
      console.error(`${prefix}could not start Vitest: ${error.message}`);
      finish(1);
    });
    child.on('close', (code, signal) => {
      if (signal) console.error(`${prefix}Vitest was stopped by ${signal}.`);
      finish(code ?? 1);
    });
  });
}

/** What the project's summary reporter counted; a run that never got to count counts as one failure. */
function readCounts(file: string, code: number): SummaryCounts {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SummaryCounts;
  } catch {
    return { passed: 0, failed: code === 0 ? 0 : 1, skipped: 0 };
  }
}

const runs = await Promise.all(PROJECTS.map(runProject));
rmSync(countsDir, { recursive: true, force: true });

const counts = runs.reduce<SummaryCounts>(
  (sum, run) => ({
    passed: sum.passed + run.counts.passed,
    failed: sum.failed + run.counts.failed,
    skipped: sum.skipped + run.counts.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
const total = process.env.TEST_SUMMARY_FILE ? carryCounts(process.env.TEST_SUMMARY_FILE, counts) : counts;
for (const run of runs) if (run.code !== 0) console.log(`The ${run.project} tests failed (exit ${run.code}).`);
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(runs.some((run) => run.code !== 0) ? 1 : 0);
