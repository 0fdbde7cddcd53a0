// `npm run lint:check`: the lint rules, then the format check; `node scripts/lint.mjs rules`
// (npm run lint:rules): the lint rules alone. Each tool's output goes to stdout once it has finished.
//
// Prettier lists the files it would change on stderr, and a process killed for lack of
// memory prints nothing at all, so a failed lint could show an empty log. Here both tools'
// stderr goes to stdout; what is being checked is said first, each tool's end and time as it
// comes (stderr), and a failure ends with one line that names the tool and why, on stdout and
// on stderr, so a log that keeps only one of the two streams still says it. Plain Node, no
// dependency.
//
// Until 2026-12-04 the rules were ESLint's with typescript-eslint, and runs were reported cut
// short four times, each with ESLint still running: its TypeScript program of the whole project
// took it past 1.9 GB of memory 24 s in, and a clean clone's install and lint took 98 to 127 s.
// Oxlint runs the same rules (.oxlintrc.json) with tsgolint, TypeScript's own checker in Go: the
// whole project in 7 to 8 s, 1.5 GB at its peak. So:
// - the two tools run one after the other, the rules first, so the lint never holds more than
//   one tool's memory (Prettier's is 0.4 GB, 15 s, cached file by file in node_modules/.cache);
// - a line every HEARTBEAT_MS while a tool runs, and a stop from outside (SIGTERM, SIGINT,
//   SIGHUP) says which tool was still running, and stops it with everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const HEARTBEAT_MS = 10_000;
/** The folders the rules lint: every `.ts` file of the project but the migrations' (SQL) and config. */
const LINTED = ['src', 'functions', 'tests', 'scripts', 'bench'];

const seconds = (started) => `${Math.round((performance.now() - started) / 1000)} s`;
const running = new Map();

/**
 * Runs `command` with `args`, saying on stderr every HEARTBEAT_MS that it still runs and at the end
 * whether it passed and in how long. Its output (stdout and stderr as they came), and why it
 * failed, or null when it passed.
 */
function runTool(name, what, command, args) {
  const started = performance.now();
  const heartbeat = setInterval(() => console.error(`${name}: still running, ${seconds(started)}`), HEARTBEAT_MS);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    running.set(child, { name, started });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ output, failure: `could not start ${what}: ${error.message}`, code: 1 }));
    child.on('close', (code, signal) => {
      running.delete(child);
      if (signal)
        resolve({
          output,
          failure:
            `${what} was stopped by ${signal}. A process killed for lack of memory stops this way; ` +
            `the lint rules need about 1.5 GB of memory.`,
          code: 1,
        });
      else resolve({ output, failure: code === 0 ? null : `${what} exited with code ${code}.`, code: code ?? 1 });
    });
  }).then((result) => {
    clearInterval(heartbeat);
    console.error(`${name}: ${result.failure === null ? 'passed' : 'failed'} in ${seconds(started)}`);
    return result;
  });
}

const oxlint = join(dirname(createRequire(import.meta.url).resolve('oxlint/package.json')), 'bin/oxlint');

/** The lint rules (.oxlintrc.json), the type-aware ones included, over every linted folder. */
const lintRules = () =>
  runTool('the lint rules', `Oxlint over ${LINTED.join(', ')}`, process.execPath, [
    oxlint,
    '--type-aware',
    '--deny-warnings',
    ...LINTED,
  ]);

const formatCheck = () =>
  runTool('the format check', 'the format check (Prettier; `npm run format` rewrites the files it lists)', npm, [
    'run',
    '-s',
    'lint:format',
  ]);

/**
 * `pid` and every process under it, deepest first: Oxlint starts tsgolint, and the format check
 * is npm, its shell, then Prettier, and neither npm nor the shell passes a SIGTERM on. Read from
 * `ps`, which Linux and macOS have; elsewhere, `pid` alone.
 */
function processTree(pid) {
  const listed = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  if (listed.status !== 0) return [pid];
  const children = new Map();
  for (const line of listed.stdout.trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const below = (id) => (children.get(id) ?? []).flatMap((child) => [...below(child), child]);
  return [...below(pid), pid];
}

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => {
    const still = [...running.values()].map(({ name, started }) => `${name} (running for ${seconds(started)})`);
    const message = `Lint stopped from outside by ${signal}${still.length > 0 ? `; still running: ${still.join(', ')}` : ''}.`;
    console.log(message);
    console.error(message);
    for (const child of running.keys()) {
      for (const pid of processTree(child.pid)) {
        try {
          process.kill(pid, signal);
        } catch {
          // Gone already.
        }
      }
    }
    process.exit(128 + constants.signals[signal]);
  });
}

const rulesOnly = process.argv[2] === 'rules';
console.error(rulesOnly ? 'Linting: the lint rules…' : 'Linting: the lint rules, then the format check…');
const results = [await lintRules(), ...(rulesOnly ? [] : [await formatCheck()])];
let exitCode = 0;
for (const { output, failure, code } of results) {
  process.stdout.write(Buffer.concat(output));
  if (failure === null) continue;
  console.log(`Lint failed: ${failure}`);
  console.error(`Lint failed: ${failure}`);
  exitCode ||= code;
}
process.exit(exitCode);
