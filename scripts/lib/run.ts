import { spawn } from 'node:child_process';
import { ROOT, WRANGLER_ENV } from './config';
import { SetupError } from './fail';

/**
 * Runs a tool from node_modules/.bin and resolves with its output; on failure
 * throws a SetupError naming the step, with the tool's last lines.
 */
export function runTool(
  step: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; echo?: boolean } = {},
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...WRANGLER_ENV, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => reject(new SetupError(`${step} failed: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) return resolvePromise(output);
      const tail = output.trim().split('\n').slice(-8).join('\n');
      reject(new SetupError(`${step} failed (exit ${code}):\n${tail}`));
    });
  });
}
