// One payment, two server processes, one Postgres: the store's lease is what keeps the vendor
// confirm single across processes (the handler's in-process sharing cannot see the other one).
// The workers are test-utils/confirm-worker.ts bundled with esbuild and run with `node`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandboxApi, sandboxSecrets, type SandboxApi } from '@kcheckout/sandbox';
import { startSandboxServer, type SandboxServer } from '@kcheckout/sandbox/node';
import { build } from 'esbuild';
import { nodeBundleOptions } from '../../../../scripts/node-bundle.mjs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfirmWorkerConfig } from '../test-utils/confirm-worker.js';
import { startPostgres, type PostgresServer } from '../test-utils/postgres-server.js';
import type { OrderStore } from './order-store.js';
import { openPostgresOrderStore } from './postgres.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const serverNodeModules = join(root, 'packages/server/node_modules');


const CONFIRMS = 20;
const MAX_TRIES = 15;

let postgres: PostgresServer;
let sandbox: SandboxServer;
let store: OrderStore;
let dir: string;
let ports: number[] = [];
const workers: ChildProcess[] = [];
/** How long the sandbox holds each `POST /v1/payments/confirm` before answering. */
let vendorDelayMs = 0;

/** The sandbox's API with a slow confirm route, to make one attempt's lease outlive the other process's claim. */
function slowConfirms(api: SandboxApi): SandboxApi {
  return {
    ...api,
    async handle(request) {
      if (vendorDelayMs > 0 && request.method === 'POST' && new URL(request.url).pathname === '/v1/payments/confirm') {
        await new Promise((resolve) => setTimeout(resolve, vendorDelayMs));
      }
      return api.handle(request);
    },
  };
}

async function bundleWorker(outdir: string): Promise<string> {
  const outfile = join(outdir, 'confirm-worker.mjs');
  // The development build of the sources, as the tests run them (scripts/node-bundle.mjs).
  await build({ entryPoints: [join(root, 'packages/server/src/test-utils/confirm-worker.ts')], outfile, ...nodeBundleOptions({ dev: true }) });

  // The external pg and libsql resolve from next to the bundle: point there at the server package's own.
  symlinkSync(serverNodeModules, join(outdir, 'node_modules'), 'dir');
  return outfile;
}

function startWorker(bundle: string, config: ConfirmWorkerConfig): Promise<number> {
  const child = spawn(process.execPath, [bundle, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
  workers.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0]!;
      if (stdout.includes('\n')) resolve(Number(line));
    });
    child.once('exit', (code) => reject(new Error(`confirm worker exited (${code}) before listening:\n${stderr}`)));
  });
}

function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

beforeAll(async () => {
  postgres = await startPostgres();
  sandbox = await startSandboxServer({ api: slowConfirms(createSandboxApi()) });
  // Opened before the workers: it creates the tables, and it seeds the orders.
  store = await openPostgresOrderStore({ connectionString: postgres.url });
  dir = mkdtempSync(join(tmpdir(), 'kcheckout-workers-'));
  const bundle = await bundleWorker(dir);
  const config: ConfirmWorkerConfig = { store: { kind: 'postgres', url: postgres.url }, tossSecretKey: sandboxSecrets.toss.widgetSecretKey, tossBaseUrl: sandbox.url };
  ports = await Promise.all([startWorker(bundle, config), startWorker(bundle, config)]);
}, 90_000);

afterAll(async () => {
  await Promise.all(workers.map(stopWorker));
  await store?.close();
  await sandbox?.close();
  await postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let counter = 0;

/** An order whose Toss window opened, and the payment the window answered with. */
async function paidAtToss(amount: number): Promise<{ orderId: string; paymentKey: string }> {
  const orderId = `multi-${process.pid}-${++counter}`;
  await store.create({ orderId, provider: 'toss', amount });
  await store.open(orderId, { amount });
  const { paymentKey } = sandbox.api.recordPayment({ sdk: 'toss-v2', orderId, amount }) as { paymentKey: string };
  return { orderId, paymentKey };
}

/** A buyer's confirm, retried as the answer says while another attempt holds the order. */
async function confirm(port: number, body: unknown): Promise<{ status: number; code: string | undefined; waited: number }> {
  for (let tries = 1, waited = 0; ; tries++) {
    const response = await fetch(`http://127.0.0.1:${port}/api/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = (await response.json()) as { ok: boolean; error?: { code: string } };
    const inProgress = (response.status === 409 && answer.error?.code === 'CONFIRM_IN_PROGRESS') || response.status === 503;
    if (!inProgress || tries === MAX_TRIES) return { status: response.status, code: answer.error?.code, waited };
    waited++;
    // retry-after is in whole seconds (at least 1); the test waits at most 1 s per try.
    await new Promise((resolve) => setTimeout(resolve, Math.min(Number(response.headers.get('retry-after') ?? 1) * 1000, 1000)));
  }
}

async function confirmEverywhere(amount: number) {
  const { orderId, paymentKey } = await paidAtToss(amount);
  sandbox.api.calls.length = 0;
  const answers = await Promise.all(Array.from({ length: CONFIRMS }, (_, i) => confirm(ports[i % ports.length]!, { provider: 'toss', orderId, paymentKey, amount })));
  const vendorConfirms = sandbox.api.calls.filter((call) => call.method === 'POST' && call.path === '/v1/payments/confirm');
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  const { rows } = await client.query('SELECT status, paid_with, paid_amount FROM kcheckout_orders WHERE order_id = $1', [orderId]);
  const paidRows = await client.query("SELECT count(*)::int AS paid FROM kcheckout_orders WHERE order_id = $1 AND status = 'paid'", [orderId]);
  await client.end();
  return { paymentKey, answers, vendorConfirms, rows, paid: paidRows.rows[0]!.paid as number };
}

describe('given two server processes sharing one Postgres and 20 concurrent confirms of one Toss payment', () => {
  it('sends exactly one vendor confirm, writes one paid row, and answers every request 200', async () => {
    vendorDelayMs = 0;
    const { paymentKey, answers, vendorConfirms, rows, paid } = await confirmEverywhere(15_000);

    expect(vendorConfirms).toHaveLength(1);
    expect(vendorConfirms[0]!.status).toBe(200);
    expect(paid).toBe(1);
    expect(rows).toEqual([{ status: 'paid', paid_with: paymentKey, paid_amount: '15000' }]);
    expect(answers.map((answer) => answer.status)).toEqual(Array(CONFIRMS).fill(200));
  });

  it('given a slow vendor, the other process meets the lease, answers 409 CONFIRM_IN_PROGRESS, and its retries get the one outcome', async () => {
    // 300 ms at the vendor: both processes claim while the first attempt is still out, so the
    // second one's claim must meet the live lease (the race the first case may win by timing).
    vendorDelayMs = 300;
    try {
      const { paymentKey, answers, vendorConfirms, rows, paid } = await confirmEverywhere(27_500);

      expect(vendorConfirms).toHaveLength(1);
      expect(paid).toBe(1);
      expect(rows).toEqual([{ status: 'paid', paid_with: paymentKey, paid_amount: '27500' }]);
      expect(answers.map((answer) => answer.status)).toEqual(Array(CONFIRMS).fill(200));
      // The requests that reached the losing process waited for the lease at least once.
      expect(answers.filter((answer) => answer.waited > 0).length).toBeGreaterThan(0);
    } finally {
      vendorDelayMs = 0;
    }
  });
});
