// The server half's cost as it scales: confirms per second and latency for 1 and 2 confirm-server
// processes, over libsql (one file the processes share) and over Postgres, and the bare vendor
// call they are compared with. A benchmark that prints figures; it asserts nothing.
// Usage: node bench/server-confirms.mjs (part of `npm run bench`). Needs the PostgreSQL server
// binaries (/usr/lib/postgresql/<version>/bin).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { nodeBundleOptions } from '../scripts/node-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// Three interleaved rounds, so a burst of other work on the machine lands on every row alike:
// confirms/s is the median round, p50 and p99 are over all rounds' requests.
const ROUNDS = 3;
const CONFIRMS = 300;
// Untimed confirms before each timed run, so the figures measure warm processes, not the JIT.
const WARMUP = 150;
const CONCURRENCY = 16;

// A production server's build of the sources (scripts/node-bundle.mjs), as examples/shop builds its own.
const bundleOptions = nodeBundleOptions({ dev: false });

if (!existsSync(join(root, 'packages/sandbox/src/generated/standins.ts'))) {
  const result = spawnSync(process.execPath, [join(root, 'packages/sandbox/build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const dir = mkdtempSync(join(tmpdir(), 'kcheckout-bench-server-'));
// The external pg and libsql resolve from next to the bundles: the server package's own.
symlinkSync(join(root, 'packages/server/node_modules'), join(dir, 'node_modules'), 'dir');
const worker = join(dir, 'confirm-worker.mjs');
await build({ ...bundleOptions, entryPoints: [join(root, 'packages/server/src/test-utils/confirm-worker.ts')], outfile: worker });
await build({
  ...bundleOptions,
  stdin: {
    contents: `
      export { startPostgres, createDatabase } from './packages/server/src/test-utils/postgres-server.ts';
      export { openPostgresOrderStore } from './packages/server/src/store/postgres.ts';
      export { openLibsqlOrderStore } from './packages/server/src/store/libsql.ts';
      export { startSandboxServer } from './packages/sandbox/src/rest/node.ts';
      export { sandboxSecrets } from './packages/sandbox/src/rest/secrets.ts';
    `,
    resolveDir: root,
    loader: 'ts',
  },
  outfile: join(dir, 'helpers.mjs'),
});
const { startPostgres, createDatabase, openPostgresOrderStore, openLibsqlOrderStore, startSandboxServer, sandboxSecrets } = await import(pathToFileURL(join(dir, 'helpers.mjs')).href);

// Other work on the machine moves these figures; the 1-minute load average is printed with them.
const loadBefore = loadavg()[0];
const postgres = await startPostgres();
const sandbox = await startSandboxServer();
const secretKey = sandboxSecrets.toss.widgetSecretKey;
let databases = 0;
let orders = 0;

try {
  const scenarios = [{ kind: 'bare', processes: 0 }, ...['libsql', 'postgres'].flatMap((kind) => [1, 2].map((processes) => ({ kind, processes })))];
  const rounds = scenarios.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, { kind, processes }] of scenarios.entries()) rounds[i].push(kind === 'bare' ? await measureBareVendor() : await measureConfirms(kind, processes));
  }
  const [bare, ...rows] = scenarios.map(({ kind, processes }, i) => summarize(kind === 'bare' ? 'bare vendor' : kind, processes, rounds[i]));
  const table = render(bare, rows);
  console.log(`\nServer: confirms as they scale (${ROUNDS} × ${CONFIRMS} confirms of distinct Toss orders, concurrency ${CONCURRENCY}, ${availableParallelism()} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after)\n`);
  console.log(table);
  // The store alone: what a confirm adds to the vendor call when nothing else competes for the CPU.
  const alone = [];
  for (const kind of ['libsql', 'postgres']) alone.push(await measureStoreAlone(kind));
  console.log(`\nThe store alone: claim + complete of one order, one at a time (${CONFIRMS} orders, in this process)\n`);
  console.log(alone.map(({ kind, p50, p99 }) => `${kind.padEnd(8)} | p50 ${p50.toFixed(2)} ms | p99 ${p99.toFixed(2)} ms`).join('\n'));
} finally {
  await sandbox.close();
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** `count` orders whose Toss window opened, each with the payment the window answered with. */
async function seed(store, count) {
  const seeded = [];
  for (let i = 0; i < count; i++) {
    const orderId = `bench-${process.pid}-${++orders}`;
    const amount = 1_000 + (orders % 50_000);
    await store.create({ orderId, provider: 'toss', amount });
    await store.open(orderId, { amount });
    const { paymentKey } = sandbox.api.recordPayment({ sdk: 'toss-v2', orderId, amount });
    seeded.push({ orderId, paymentKey, amount });
  }
  return seeded;
}

async function measureStoreAlone(kind) {
  const store = kind === 'postgres' ? await openPostgresOrderStore({ connectionString: await createDatabase(postgres.url, `bench_${++databases}`) }) : await openLibsqlOrderStore(join(dir, `orders-${++databases}.db`));
  try {
    const seeded = await seed(store, CONFIRMS);
    const times = [];
    for (const { orderId, paymentKey, amount } of seeded) {
      const started = performance.now();
      const claim = await store.claim(orderId, { vendorPaymentId: paymentKey, leaseMs: 30_000 });
      if (claim.kind !== 'claimed' || !(await store.complete(claim.lease, { status: 'paid', amount, vendorPaymentId: paymentKey }))) throw new Error(`store alone: ${orderId} was not written`);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { kind, p50: times[Math.floor(times.length * 0.5)], p99: times[Math.floor(times.length * 0.99)] };
  } finally {
    await store.close();
  }
}

async function measureConfirms(kind, processes) {
  const target = kind === 'postgres' ? { kind, url: await createDatabase(postgres.url, `bench_${++databases}`) } : { kind, path: join(dir, `orders-${++databases}.db`) };
  const store = kind === 'postgres' ? await openPostgresOrderStore({ connectionString: target.url }) : await openLibsqlOrderStore(target.path);
  const warmup = await seed(store, WARMUP);
  const timed = await seed(store, CONFIRMS);
  await store.close();

  const children = [];
  try {
    const config = JSON.stringify({ store: target, tossSecretKey: secretKey, tossBaseUrl: sandbox.url });
    const servers = await Promise.all(Array.from({ length: processes }, () => startWorker(config, children)));
    const ports = servers.map((server) => server.port);
    const cpuUsed = async () => (await Promise.all(servers.map((server) => server.cpu()))).reduce((a, b) => a + b, 0);
    const confirm = (order, i) =>
      fetch(`http://127.0.0.1:${ports[i % ports.length]}/api/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ provider: 'toss', orderId: order.orderId, paymentKey: order.paymentKey, amount: order.amount }),
      });
    await run(warmup, confirm);
    const cpuBefore = await cpuUsed();
    const result = await run(timed, confirm);
    const cpuMs = ((await cpuUsed()) - cpuBefore) / 1000 / timed.length;

    const check = kind === 'postgres' ? await openPostgresOrderStore({ connectionString: target.url }) : await openLibsqlOrderStore(target.path);
    let paid = 0;
    for (const order of timed) if ((await check.get(order.orderId))?.status === 'paid') paid++;
    await check.close();
    return { ...result, paid, cpuMs };
  } finally {
    await Promise.all(children.map(stopWorker));
  }
}

/** The same load straight at the sandbox's `POST /v1/payments/confirm`: the vendor call alone. */
async function measureBareVendor() {
  const store = await openLibsqlOrderStore(':memory:');
  const warmup = await seed(store, WARMUP);
  const timed = await seed(store, CONFIRMS);
  await store.close();
  const authorization = `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`;
  const confirm = (order) =>
    fetch(`${sandbox.url}/v1/payments/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ paymentKey: order.paymentKey, orderId: order.orderId, amount: order.amount }),
    });
  await run(warmup, confirm);
  return { ...(await run(timed, confirm)), paid: null, cpuMs: null };
}

/** Sends one request per order, `CONCURRENCY` at a time; latency is request to full body. */
async function run(list, send) {
  const latencies = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < list.length) {
        const i = next++;
        const t0 = performance.now();
        const response = await send(list[i], i);
        const text = await response.text();
        // The first few failures, to tell a broken run from a slow one.
        if (response.status !== 200 && failed < 3) console.error(`server-confirms: HTTP ${response.status} ${text.slice(0, 300)}`);
        latencies.push(performance.now() - t0);
        if (response.status !== 200) failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: list.length / seconds, latencies, failed, count: list.length };
}

/** One table row from a scenario's rounds. */
function summarize(name, processes, results) {
  const latencies = results.flatMap((result) => result.latencies).sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
  const perSecond = results.map((result) => result.perSecond).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  const sum = (field) => results.reduce((total, result) => total + result[field], 0);
  const cpuMs = results[0].cpuMs === null ? null : sum('cpuMs') / results.length;
  return { name, processes, perSecond, p50: at(0.5), p99: at(0.99), cpuMs, failed: sum('failed'), count: sum('count'), paid: results[0].paid === null ? null : sum('paid') };
}

/** Spawns a confirm worker; resolves with its port and a reader of the CPU time it has used (µs). */
function startWorker(config, children) {
  const child = spawn(process.execPath, [worker, config], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.once('exit', (code, signal) => {
    if (code && signal === null) console.error(`confirm worker exited ${code}:\n${stderr}`);
  });
  const waiting = [];
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk.toString();
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      waiting.shift()?.(Number(line.replace(/^cpu /, '')));
    }
  });
  const next = () => new Promise((resolve) => waiting.push(resolve));
  const cpu = () => {
    const answer = next();
    child.kill('SIGUSR2');
    return answer;
  };
  return new Promise((resolve, reject) => {
    next().then((port) => resolve({ port, cpu }));
    child.once('exit', (code) => reject(new Error(`confirm worker exited (${code}) before listening:\n${stderr}`)));
  });
}

function stopWorker(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function render(bare, measured) {
  const ms = (value) => value.toFixed(1);
  const header = ['store', 'processes', 'confirms/s', 'p50 ms', 'p99 ms', 'store p50 ms', 'server CPU ms', 'not 200', 'paid rows'];
  const body = [bare, ...measured].map((row) => [
    row.name,
    row.processes === 0 ? '-' : String(row.processes),
    row.perSecond.toFixed(0),
    ms(row.p50),
    ms(row.p99),
    row === bare ? '-' : ms(row.p50 - bare.p50),
    row.cpuMs === null ? '-' : row.cpuMs.toFixed(2),
    String(row.failed),
    row.paid === null ? '-' : `${row.paid}/${row.count}`,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...body.map(line)].join('\n');
}
