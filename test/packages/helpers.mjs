// Shared by the package checks: paths, and running a command with its output kept for the failure message.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const packageNames = ['core', 'react', 'sandbox', 'server'];
export const reactEntries = ['index.js', 'toss.js', 'portone.js', 'iamport.js'];

/** Runs a command; throws with its output when it exits non-zero. Returns stdout. */
export function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(' ')} exited ${result.status ?? result.signal}\n${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  }
  return result.stdout;
}

/** pnpm the way scripts/test.mjs runs it: the one that started us, else through npx. */
export function pnpm(args, options) {
  const execpath = process.env.npm_execpath ?? '';
  return /pnpm/.test(execpath) ? sh(process.execPath, [execpath, ...args], options) : sh('npx', ['-y', 'pnpm@10', ...args], options);
}
