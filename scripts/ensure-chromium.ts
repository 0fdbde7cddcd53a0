/**
 * The browser tests drive Debian's Chromium (never a test tool's own download).
 * Installs it with apt when missing and running as root; otherwise says what to do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { main, SetupError } from './lib/fail';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

await main(async () => {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new SetupError(
      `Chromium is not at ${CHROMIUM}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  console.log('→ Installing Chromium from Debian packages (apt-get install chromium)');
  const apt = (args: string[]) =>
    execFileSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  } catch {
    throw new SetupError('Installing Chromium with apt-get failed; see the lines above.');
  }
  if (!existsSync(CHROMIUM)) throw new SetupError(`apt-get installed chromium but ${CHROMIUM} is still missing.`);
});
