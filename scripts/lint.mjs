// `npm run lint:check`: the lint rules, then the format check, each one's output on stdout.
//
// Prettier lists the files it would change on stderr, and a process killed for lack of
// memory prints nothing at all, so a failed lint could show an empty log. Here both tools'
// stderr goes to stdout, and a failure ends with one line that names the tool and why.
// Plain Node, no dependency.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const steps = [
  { script: 'lint:rules', what: 'the lint rules (ESLint)' },
  { script: 'lint:format', what: 'the format check (Prettier; `npm run format` rewrites the files it lists)' },
];

for (const { script, what } of steps) {
  // The child's stderr is written to this process's stdout (file descriptor 1).
  const run = spawnSync(npm, ['run', '-s', script], { stdio: ['ignore', 'inherit', 1] });
  if (run.error) {
    console.log(`Lint failed: could not start ${what}: ${run.error.message}`);
    process.exit(1);
  }
  if (run.signal) {
    console.log(
      `Lint failed: ${what} was stopped by ${run.signal}. A process killed for lack of memory stops this way; ` +
        'the type-aware rules need about 2.7 GB of memory.',
    );
    process.exit(1);
  }
  if (run.status !== 0) {
    console.log(`Lint failed: ${what} exited with code ${run.status}.`);
    process.exit(run.status ?? 1);
  }
}
