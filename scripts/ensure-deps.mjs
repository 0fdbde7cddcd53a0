// Installs what package-lock.json names, only when node_modules does not hold it
// already: `npm start`, `npm test`, `npm run lint` and `npm run format` begin here so
// that each works on a fresh clone, yet a second run neither touches node_modules nor
// prints npm's "up to date" line before the command's own output.
//
// Plain Node (no TypeScript, no dependency): it runs before anything is installed.
// The check compares the lockfile with npm's own record of the tree
// (node_modules/.package-lock.json, written by every `npm ci` and `npm install`),
// package by package and version by version, so a `git pull` that changes the
// lockfile installs again while mtimes from a fresh checkout do not matter.
// Optional packages are left out: those for other platforms are never installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not import.meta.dirname: this runs on whatever Node is on PATH before node@22 is installed,
// and that property only exists from Node 20.11.
const root = fileURLToPath(new URL('..', import.meta.url));

function readJson(path) {
  return JSON.parse(readFileSync(join(root, path), 'utf8'));
}

/** Why node_modules must be (re)installed, or null when it holds what the lockfile names. */
function reasonToInstall() {
  if (!existsSync(join(root, 'node_modules/.package-lock.json'))) return 'node_modules is missing';
  const manifest = readJson('package.json');
  const wanted = readJson('package-lock.json').packages ?? {};
  const installed = readJson('node_modules/.package-lock.json').packages ?? {};
  const named = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
  const unlocked = named.find((name) => !wanted[`node_modules/${name}`]);
  if (unlocked) return `${unlocked} is not in package-lock.json yet`;
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '' || entry.optional || entry.link) continue;
    if (installed[path]?.version !== entry.version) return `${path.replace(/^node_modules\//, '')} differs`;
  }
  return null;
}

const reason = reasonToInstall();
if (reason) {
  console.error(`Installing dependencies (${reason})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(run.status ?? 1);
}
