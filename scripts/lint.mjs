// `npm run lint:check`: the format check and the lint rules; `node scripts/lint.mjs rules` (npm run
// lint:rules): the lint rules alone. Each tool's output goes to stdout once it has finished.
//
// Prettier lists the files it would change on stderr, and a process killed for lack of
// memory prints nothing at all, so a failed lint could show an empty log. Here both tools'
// stderr goes to stdout; what is being checked is said first, each tool's end and time as it
// comes (stderr), and a failure ends with one line that names the tool and why, on stdout and
// on stderr, so a log that keeps only one of the two streams still says it. Plain Node, no
// dependency.
//
// Three times a run was reported cut short, each time with ESLint still running, the last time
// 20 to 30 s in: one ESLint over the whole project held one TypeScript program of every file
// (2,780 with their libraries), and its memory passed 1.9 GB 24 s in and 2.2 GB at the end.
// A machine with about 2 GB for the command stops it there, and a time limit on a clean clone's
// install and lint (98 s here) can too. So:
// - the rules run part by part (PARTS), one ESLint process after the other, each with the
//   TypeScript program of its own files and what they import (scripts/lint-programs) and a
//   heap of RULES_HEAP_MB: 1.5 GB at most, against 2.2 (68 s in all instead of 41);
// - a part whose every input (the linted folders, whose files make the programs, the configs
//   and the lockfile) is byte for byte that of its last pass is not run again: its answer cannot
//   differ, and a run cut short keeps the parts it finished. The format check keeps Prettier's
//   own cache (`--cache` in lint:format), file by file. Both live in node_modules/.cache, which
//   a fresh install does not have;
// - the format check (0.4 GB, 15 s) runs beside the rules;
// - a line every HEARTBEAT_MS while a tool runs, and a stop from outside (SIGTERM, SIGINT,
//   SIGHUP) says which tools were still running, and stops them.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const HEARTBEAT_MS = 10_000;
const PASSED_RECORD = join(root, 'node_modules/.cache/cho-htx/lint-passed.json');
/** The folders ESLint lints (eslint.config.js, `files`). */
const LINTED = ['src', 'functions', 'tests', 'scripts', 'bench'];
/**
 * The ESLint heap of one part: the largest (src and functions) then peaks at 1.5 GB in 29 s; with
 * 2,304 MB at 1.7 GB in 24 s, with 1,280 MB at 1.4 GB in 30 s (the garbage collector lets the
 * heap grow toward its limit, and works harder close to what the program needs).
 */
const RULES_HEAP_MB = 1536;

/**
 * The lint rules' parts, each a program of scripts/lint-programs: a part lints the files its
 * tsconfig includes. Server code is the largest; tests that drive a browser and the tools each
 * bring their own libraries' declarations (Playwright, axe, Lighthouse), which no other part loads.
 */
const PARTS = ['app', 'server-tests', 'page-tests', 'tools'].map((name) => {
  const tsconfig = `scripts/lint-programs/tsconfig.${name}.json`;
  const { include } = JSON.parse(readFileSync(join(root, tsconfig), 'utf8'));
  const paths = include
    .map((path) => relative(root, join(root, dirname(tsconfig), path)))
    .filter((path) => path !== '.astro/types.d.ts');
  return { name, tsconfig, paths };
});

/** Every file of the linted folders, as paths from the root, in order. */
function lintedFiles() {
  return LINTED.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)))
      .filter((path) => !path.split(/[\\/]/).includes('node_modules')),
  ).sort();
}

/** One hash of the rules' inputs, names and contents: the same for every part, as a program reaches into others' files. */
function rulesFingerprint(files) {
  const hash = createHash('sha256');
  for (const path of [
    ...files,
    'tsconfig.json',
    'eslint.config.js',
    'package.json',
    'package-lock.json',
    '.astro/types.d.ts',
  ]) {
    const file = join(root, path);
    hash.update(`${path}\0`);
    hash.update(existsSync(file) ? readFileSync(file) : '\0missing\0');
  }
  return hash.digest('hex');
}

const readPassed = () => (existsSync(PASSED_RECORD) ? JSON.parse(readFileSync(PASSED_RECORD, 'utf8')) : {});

function recordPassed(name, fingerprint) {
  mkdirSync(dirname(PASSED_RECORD), { recursive: true });
  writeFileSync(PASSED_RECORD, JSON.stringify({ ...readPassed(), [name]: fingerprint }));
}

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
            `a part of the lint rules needs about 1.5 GB of memory.`,
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

const eslint = join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin/eslint.js');

/** The lint rules, part after part; a part that passed on these very inputs is not run again. */
async function lintRules() {
  const files = lintedFiles();
  const unassigned = files.filter(
    (file) =>
      file.endsWith('.ts') &&
      !PARTS.some(({ paths }) => paths.some((path) => file === path || file.startsWith(`${path}/`))),
  );
  if (unassigned.length > 0) {
    const failure = `the lint rules have no part for ${unassigned.slice(0, 3).join(', ')}${unassigned.length > 3 ? ', …' : ''}: add its folder to a tsconfig of scripts/lint-programs.`;
    return [{ output: [], failure, code: 1 }];
  }
  const fingerprint = rulesFingerprint(files);
  const results = [];
  for (const part of PARTS) {
    const name = `the lint rules (${part.paths.join(', ')})`;
    if (readPassed()[part.name] === fingerprint) {
      console.error(`${name}: passed before on these very files, not run again (${relative(root, PASSED_RECORD)})`);
      continue;
    }
    // The part's own program in place of eslint.config.js's project service, which would load every file.
    const result = await runTool(name, `ESLint over ${part.paths.join(', ')}`, process.execPath, [
      `--max-old-space-size=${RULES_HEAP_MB}`,
      eslint,
      '--max-warnings',
      '0',
      '--parser-options',
      'projectService:false',
      '--parser-options',
      `project:${part.tsconfig}`,
      ...part.paths,
    ]);
    if (result.failure === null) recordPassed(part.name, fingerprint);
    results.push(result);
  }
  return results;
}

const formatCheck = () =>
  runTool('the format check', 'the format check (Prettier; `npm run format` rewrites the files it lists)', npm, [
    'run',
    '-s',
    'lint:format',
  ]).then((result) => [result]);

/**
 * `pid` and every process under it, deepest first: the format check is npm, its shell, then
 * Prettier, and neither npm nor the shell passes a SIGTERM on. Read from `ps`, which Linux and
 * macOS have; elsewhere, `pid` alone.
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
console.error(
  rulesOnly
    ? `Linting: the lint rules, in ${PARTS.length} parts…`
    : `Linting: the format check, and beside it the lint rules in ${PARTS.length} parts…`,
);
const results = (await Promise.all(rulesOnly ? [lintRules()] : [formatCheck(), lintRules()])).flat();
let exitCode = 0;
for (const { output, failure, code } of results) {
  process.stdout.write(Buffer.concat(output));
  if (failure === null) continue;
  console.log(`Lint failed: ${failure}`);
  console.error(`Lint failed: ${failure}`);
  exitCode ||= code;
}
process.exit(exitCode);
