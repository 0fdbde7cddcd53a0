// `npm run lint:check`: the lint rules and the format check, side by side, each one's output
// on stdout once it has finished (rules first).
//
// Prettier lists the files it would change on stderr, and a process killed for lack of
// memory prints nothing at all, so a failed lint could show an empty log. Here both tools'
// stderr goes to stdout; what is being checked is said first, each tool's end and time as it
// comes (stderr), and a failure ends with one line that names the tool and why, on stdout and
// on stderr, so a log that keeps only one of the two streams still says it. Plain Node, no
// dependency.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const steps = [
  { script: 'lint:rules', what: 'the lint rules (ESLint)' },
  { script: 'lint:format', what: 'the format check (Prettier; `npm run format` rewrites the files it lists)' },
];

const seconds = (started) => `${Math.round((performance.now() - started) / 1000)} s`;

/**
 * The step's output (stdout and stderr as they came) and why it failed, or null when it passed. Each step says
 * on stderr when it is done and how long it took, so a run stopped from outside (a time or memory limit on the
 * whole process group, which leaves no failure line) still shows which step was running.
 */
function run(step) {
  const started = performance.now();
  return runStep(step).then((result) => {
    console.error(
      `${step.what.replace(/ \(.*$/, '')}: ${result.failure === null ? 'passed' : 'failed'} in ${seconds(started)}`,
    );
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
            'the type-aware rules need about 2.7 GB of memory.',
          code: 1,
        });
      else resolve({ output, failure: code === 0 ? null : `${what} exited with code ${code}.`, code: code ?? 1 });
    });
  });
}

console.error(`Linting: ${steps.map((step) => step.what.replace(/ \(.*$/, '')).join(' and ')}…`);
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
