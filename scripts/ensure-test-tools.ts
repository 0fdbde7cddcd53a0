/**
 * The programs the end-to-end tests run beside Node, from Debian's packages
 * (never a test tool's own download): Chromium for the browser tests, and a
 * Java runtime for the Nu HTML Checker (vnu.jar, from the vnu-jar package,
 * whose postinstall would otherwise try to download a Java of its own).
 * Installs what is missing with apt when running as root; otherwise says what to do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { main, SetupError } from './lib/fail';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const JAVA = process.env.JAVA_PATH || '/usr/bin/java';

interface Tool {
  name: string;
  path: string;
  /** The Debian package that provides it. */
  debianPackage: string;
  /** The variable that points at another copy. */
  variable: string;
}

const TOOLS: Tool[] = [
  { name: 'Chromium', path: CHROMIUM, debianPackage: 'chromium', variable: 'CHROMIUM_PATH' },
  { name: 'Java (for the Nu HTML Checker)', path: JAVA, debianPackage: 'default-jre-headless', variable: 'JAVA_PATH' },
];

await main(async () => {
  const missing = TOOLS.filter((tool) => !existsSync(tool.path));
  if (missing.length === 0) return;
  const packages = missing.map((tool) => tool.debianPackage);
  if (process.getuid?.() !== 0) {
    const where = missing.map((tool) => `${tool.name} is not at ${tool.path} (or set ${tool.variable})`).join('; ');
    throw new SetupError(`${where}. Install Debian's packages: sudo apt-get install -y ${packages.join(' ')}`);
  }
  console.log(
    `→ Installing ${missing.map((tool) => tool.name).join(' and ')} from Debian packages (apt-get install ${packages.join(' ')})`,
  );
  const apt = (args: string[]) =>
    execFileSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
  } catch {
    throw new SetupError('Installing with apt-get failed; see the lines above.');
  }
  for (const tool of missing) {
    if (!existsSync(tool.path))
      throw new SetupError(`apt-get installed ${tool.debianPackage} but ${tool.path} is still missing.`);
  }
});
