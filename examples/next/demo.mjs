#!/usr/bin/env node
// `npm run demo:next`: builds the packages this app resolves through their `exports` (their dist/),
// then `next build`, then `next start` on the sandbox, and prints the address.
import { spawnSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = dirname(fileURLToPath(import.meta.url));
const root = join(appDir, '../..');
const port = process.env.PORT ?? '3100';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
// pnpm as this script was started (npm_execpath), else through npx, as scripts/test.mjs does.
const execpath = process.env.npm_execpath ?? '';
const [pnpm, ...pnpmArgs] = /pnpm/.test(execpath) ? [process.execPath, execpath] : ['npx', '-y', 'pnpm@10'];
const next = join(appDir, 'node_modules/next/dist/bin/next');

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// `...` after the name: the app and every workspace package it depends on, in dependency order.
run(pnpm, [...pnpmArgs, '--filter', '@kcheckout/example-next...', 'run', 'build'], root);
console.log(`\nkcheckout × Next.js on the offline sandbox: http://127.0.0.1:${port}\n`);
const server = spawn(process.execPath, [next, 'start', '--port', port, '--hostname', '127.0.0.1'], { cwd: appDir, env, stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
