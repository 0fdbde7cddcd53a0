// `npm run lint:check`: the format check, then the lint rules, each one's output on stdout once it has
// finished.
//
// Prettier lists the files it would change on stderr, and a process killed for lack of
// memory prints nothing at all, so a failed lint could show an empty log. Here both tools'
// stderr goes to stdout; what is being checked is said first, each tool's end and time as it
// comes (stderr), and a failure ends with one line that names the tool and why, on stdout and
// on stderr, so a log that keeps only one of the two streams still says it. Plain Node, no
// dependency.
//
// One tool at a time, and a line every HEARTBEAT_MS while one runs: twice a run was reported
// cut short with nothing after a tool's first line, the lint rules still running. Side by side,
// the type-aware rules (about 2.2 GB with lint:rules' heap limit) and Prettier (0.3 GB) added
// up, and the rules run for most of a minute without a word; a limit on memory or on a silent
// process would stop either.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const steps = [
  { script: 'lint:format', what: 'the format check (Prettier; `npm run format` rewrites the files it lists)' },
  { script: 'lint:rules', what: 'the lint rules (ESLint)' },
];
const HEARTBEAT_MS = 10_000;

const seconds = (started) => `${Math.round((performance.now() - started) / 1000)} s`;

/**
 * The step's output (stdout and stderr as they came) and why it failed, or null when it passed. Each step says
 * on stderr when it is done and how long it took, so a run stopped from outside (a time or memory limit on the
 * whole process group, which leaves no failure line) still shows which step was running.
 */
function run(step) {
  const started = performance.now();
  const name = step.what.replace(/ \(.*$/, '');
  const heartbeat = setInterval(() => console.error(`${name}: still running, ${seconds(started)}`), HEARTBEAT_MS);
  return runStep(step).then((result) => {
    clearInterval(heartbeat);
    console.error(`${name}: ${result.failure === null ? 'passed' : 'failed'} in ${seconds(started)}`);
    return result;
  });
}

function runStep({ script, what }) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ output, failure: `could not start ${what}: ${error.message}`, code: 1 }));
    child.on('close', (code, signal) => {
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

console.error(`Linting: ${steps.map((step) => step.what.replace(/ \(.*$/, '')).join(' and ')}…`);
const results = [];
for (const step of steps) results.push(await run(step));
let exitCode = 0;
for (const { output, failure, code } of results) {
  process.stdout.write(Buffer.concat(output));
  if (failure === null) continue;
  console.log(`Lint failed: ${failure}`);
  console.error(`Lint failed: ${failure}`);
  exitCode ||= code;
}
process.exit(exitCode);
