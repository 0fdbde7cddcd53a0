// `npm run lint:check`: the format check and the lint rules, side by side, each one's output on stdout
// once it has finished.
//
// Prettier lists the files it would change on stderr, and a process killed for lack of
// memory prints nothing at all, so a failed lint could show an empty log. Here both tools'
// stderr goes to stdout; what is being checked is said first, each tool's end and time as it
// comes (stderr), and a failure ends with one line that names the tool and why, on stdout and
// on stderr, so a log that keeps only one of the two streams still says it. Plain Node, no
// dependency.
//
// Three times a run was reported cut short, each time with a tool still running: `npm run lint`
// on a clean clone, install included, took 98 s here (install 41 s, format check 15 s, lint
// rules 41 s, one after the other), and a slower machine's time limit ends it first. So:
// - the tools run side by side, each on a core: ESLint is one thread, and Prettier's 15 s pass
//   beside its 41 (memory: 2.2 GB for the rules, 0.4 GB for the format check);
// - a run of the lint rules whose every input (the linted folders, whose files make the type
//   program, and the configs and lockfile that fix the rest of it) is byte for byte that of the
//   last run that passed is not run again: its answer cannot differ. The format check keeps
//   Prettier's own cache (`--cache` in lint:format), file by file. Both live in
//   node_modules/.cache, which a fresh install does not have;
// - a line every HEARTBEAT_MS while a tool runs, and a stop from outside (SIGTERM, SIGINT,
//   SIGHUP) says which tools were still running and for how long.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const HEARTBEAT_MS = 10_000;
const PASSED_RECORD = join(root, 'node_modules/.cache/cho-htx/lint-rules-passed');

/** What the lint rules read: every file of the folders ESLint lints (the TypeScript program is made of them), and the rest of that program's definition. */
function rulesInputs() {
  const folders = ['src', 'functions', 'tests', 'scripts', 'bench'];
  const files = folders.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(root.length))
      .filter((path) => !path.split(/[\\/]/).includes('node_modules')),
  );
  return [
    ...files.sort(),
    'tsconfig.json',
    'eslint.config.js',
    'package.json',
    'package-lock.json',
    '.astro/types.d.ts',
  ];
}

/** One hash of the inputs' names and contents (a missing file counts as missing). */
function fingerprint(paths) {
  const hash = createHash('sha256');
  for (const path of paths) {
    const file = join(root, path);
    hash.update(`${path}\0`);
    hash.update(existsSync(file) ? readFileSync(file) : '\0missing\0');
  }
  return hash.digest('hex');
}

const steps = [
  { script: 'lint:format', what: 'the format check (Prettier; `npm run format` rewrites the files it lists)' },
  { script: 'lint:rules', what: 'the lint rules (ESLint)', inputs: rulesInputs },
];

const seconds = (started) => `${Math.round((performance.now() - started) / 1000)} s`;
const nameOf = (step) => step.what.replace(/ \(.*$/, '');
const running = new Map();

/**
 * The step's output (stdout and stderr as they came) and why it failed, or null when it passed. Each step says
 * on stderr when it is done and how long it took.
 */
async function run(step) {
  const started = performance.now();
  const name = nameOf(step);
  const inputs = step.inputs ? fingerprint(step.inputs()) : null;
  if (inputs !== null && existsSync(PASSED_RECORD) && readFileSync(PASSED_RECORD, 'utf8') === inputs) {
    console.error(`${name}: passed before on these very files, not run again (remove ${PASSED_RECORD} to run it)`);
    return { output: [], failure: null, code: 0 };
  }
  const heartbeat = setInterval(() => console.error(`${name}: still running, ${seconds(started)}`), HEARTBEAT_MS);
  const result = await runStep(step, started);
  clearInterval(heartbeat);
  console.error(`${name}: ${result.failure === null ? 'passed' : 'failed'} in ${seconds(started)}`);
  if (result.failure === null && inputs !== null) {
    mkdirSync(dirname(PASSED_RECORD), { recursive: true });
    writeFileSync(PASSED_RECORD, inputs);
  }
  return result;
}

function runStep(step, started) {
  const { script, what } = step;
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    running.set(child, { name: nameOf(step), started });
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
            'the type-aware rules need about 2.2 GB of memory.',
          code: 1,
        });
      else resolve({ output, failure: code === 0 ? null : `${what} exited with code ${code}.`, code: code ?? 1 });
    });
  });
}

/**
 * `pid` and every process under it, deepest first: a step is npm, its shell, then the tool, and
 * neither npm nor the shell passes a SIGTERM on, so stopping npm alone left ESLint running.
 * Read from `ps`, which Linux and macOS have; elsewhere, `pid` alone.
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

console.error(`Linting, side by side: ${steps.map(nameOf).join(' and ')}…`);
const results = await Promise.all(steps.map(run));
let exitCode = 0;
for (const { output, failure, code } of results) {
  process.stdout.write(Buffer.concat(output));
  if (failure === null) continue;
  console.log(`Lint failed: ${failure}`);
  console.error(`Lint failed: ${failure}`);
  exitCode ||= code;
}
process.exit(exitCode);
