// examples/next end to end, in Debian's Chromium. Under `next build && next start`: every provider's
// happy path with the server's confirm (Toss through the result page's Server Action, PortOne and
// iamport through the createConfirmHandler route), decline, cancel, a tampered amount, a reload
// that confirms nothing twice, and no hydration warnings. Under `next dev` (React StrictMode): one
// script tag per SDK, one vendor widget render across ten amount changes, one vendor request per
// double click. The build runs once per run (reused when its inputs have not changed); each server
// starts once per suite. Timings print at the end.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { PHONE_CONTEXT } from './helpers.mjs';

const appDir = fileURLToPath(new URL('../examples/next/', import.meta.url));
const root = fileURLToPath(new URL('../', import.meta.url));
const nextBin = join(appDir, 'node_modules/next/dist/bin/next');
const requireFromApp = createRequire(join(appDir, 'package.json'));
const Database = requireFromApp('libsql');
// The sandbox's Playwright kit, resolved as the app's own dependency (needs the built package).
const { sandboxPage } = requireFromApp('@kcheckout/sandbox/playwright');
const UNIT = 12_000;
const won = (amount) => `${amount.toLocaleString('ko-KR')}원`;
const timings = [];
const started = Date.now();
const lap = (label, since) => timings.push(`${label}: ${((Date.now() - since) / 1000).toFixed(1)} s`);

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
after(async () => {
  await browser?.close();
  lap('whole file', started);
  console.log(`examples/next e2e timings\n  ${timings.join('\n  ')}`);
});

/** Every file under `dir`, skipping what builds and installs write. */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', '.next', 'data', 'next-env.d.ts', 'tsconfig.tsbuildinfo'].includes(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

/**
 * `next build`, once per run: skipped when the build on disk was made from the same inputs (the
 * app's files and the packages' dist it bundles, by content: a rebuild that writes the same bytes,
 * as the Storybook step's sandbox build does, keeps it).
 */
function buildOnce() {
  const stamp = join(appDir, '.next/kcheckout-e2e-inputs');
  const hash = createHash('sha256');
  for (const file of [...files(appDir), ...['core', 'react', 'sandbox', 'server'].flatMap((name) => files(join(root, 'packages', name, 'dist')))].sort()) {
    hash.update(`${file}\0`).update(readFileSync(file));
  }
  const inputs = hash.digest('hex');
  if (existsSync(join(appDir, '.next/BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs) {
    timings.push('next build: the build on disk has the same inputs, reused');
    return;
  }
  const since = Date.now();
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: appDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  assert.equal(result.status, 0, `next build failed:\n${result.stdout}\n${result.stderr}`);
  writeFileSync(stamp, inputs);
  lap('next build', since);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts `next <mode>` on a free port with its own order database; resolves once it answers. */
async function startNext(mode) {
  const since = Date.now();
  const port = await freePort();
  const tmp = mkdtempSync(join(tmpdir(), 'kcheckout-next-'));
  const dbPath = join(tmp, 'orders.db');
  const child = spawn(process.execPath, [nextBin, mode, '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: appDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', KCHECKOUT_NEXT_DB: dbPath, NODE_ENV: mode === 'dev' ? 'development' : 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  // Next prints "Ready" once it listens; in dev, pages compile on their first request.
  for (let tries = 0; !/Ready in/.test(output); tries++) {
    if (child.exitCode !== null) throw new Error(`next ${mode} exited:\n${output}`);
    if (tries > 1200) throw new Error(`next ${mode} was not ready in 120 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  lap(`next ${mode}: started`, since);
  let db;
  return {
    url,
    output: () => output,
    /** The order as the server's libsql file has it. */
    row: (orderId) => {
      db ??= new Database(dbPath, { readonly: true });
      const row = db.prepare('SELECT status, amount, provider FROM kcheckout_orders WHERE order_id = ?').get(orderId);
      return row && { status: row.status, amount: row.amount, provider: row.provider };
    },
    /** Requests the server made to the REST stand-ins (its vendors), e.g. Toss confirms. */
    vendorCalls: async (match) => (await (await fetch(`${url}/kcheckout-sandbox/api/__calls`)).json()).filter(match),
    async stop() {
      db?.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** A fresh page (a PC, or a phone told by its user agent) that records failed requests, page errors and console errors and warnings. */
async function open({ phone = false } = {}) {
  const context = await browser.newContext(phone ? PHONE_CONTEXT : { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // A page compiles on its first request under next dev, which can take a while on a busy machine.
  page.setDefaultNavigationTimeout(120_000);
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  return { page, problems, sandbox: sandboxPage(page), close: () => context.close() };
}

/** Opens a checkout page and readies it as a buyer would: method (PortOne, iamport) and terms. */
async function checkout(page, sandbox, url, path) {
  await page.goto(`${url}${path}`);
  await sandbox.waitForWidget();
  if (path === '/toss') {
    await page.locator('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]').check();
  } else {
    await page.locator('[data-method="card"] input').check();
    await page.locator('[data-kcheckout="agreement-checkbox"] input').check();
  }
  await page.waitForFunction(() => !document.querySelector('button[data-kcheckout="checkout-button"]')?.disabled);
}

/** The order id of the last answered payment window. */
const lastOrderId = async (sandbox) => {
  const payment = await sandbox.lastPayment();
  return payment.orderId ?? payment.paymentId ?? payment.merchantUid;
};

describe('examples/next under next build && next start', () => {
  let app;
  before(async () => {
    buildOnce();
    app = await startNext('start');
  });
  after(() => app?.stop());

  const tossConfirms = () => app.vendorCalls((call) => call.provider === 'toss' && call.method === 'POST' && call.path === '/v1/payments/confirm');

  it('Toss v2: approve → the result page Server Action confirms once; a reload confirms nothing again; no hydration warnings', async () => {
    const { page, problems, sandbox, close } = await open();
    const confirmsBefore = (await tossConfirms()).length;
    await checkout(page, sandbox, app.url, '/toss');
    await sandbox.approveNext();
    await page.locator('[data-kcheckout="checkout-button"]').click();
    await page.waitForURL(/\/toss\/success\?/);
    await page.locator('[data-kcheckout="redirect-result"][data-state="success"]').waitFor({ timeout: 15_000 });
    const orderId = new URL(page.url()).searchParams.get('orderId');
    assert.match(orderId, /^next_/);
    assert.deepEqual(app.row(orderId), { status: 'paid', amount: UNIT, provider: 'toss' });
    assert.equal((await tossConfirms()).length - confirmsBefore, 1, 'one confirm at the vendor');

    await page.reload();
    await page.locator('[data-kcheckout="redirect-result"][data-state="success"]').waitFor({ timeout: 15_000 });
    assert.equal((await tossConfirms()).length - confirmsBefore, 1, 'the reload confirmed nothing again');
    assert.equal(app.row(orderId).status, 'paid');
    assert.deepEqual(problems.filter((line) => /hydrat|did not match|server rendered/i.test(line)), []);
    assert.deepEqual(problems, []);
    await close();
  });

  it('Toss v2: an amount tampered with in the redirect URL is refused and nothing is confirmed', async () => {
    const { page, problems, sandbox, close } = await open();
    const confirmsBefore = (await tossConfirms()).length;
    await checkout(page, sandbox, app.url, '/toss');
    // Catch the stand-in's redirect instead of following it, then follow it with another amount.
    await page.evaluate(() => (window.kcheckoutSandbox.navigate = (to) => (window.__redirectTo = to)));
    await sandbox.approveNext();
    await page.locator('[data-kcheckout="checkout-button"]').click();
    const redirect = new URL(await (await page.waitForFunction(() => window.__redirectTo)).jsonValue());
    assert.equal(redirect.searchParams.get('amount'), String(UNIT));
    redirect.searchParams.set('amount', '100');
    await page.goto(redirect.href);
    const result = page.locator('[data-kcheckout="redirect-result"]');
    await page.locator('[data-kcheckout="redirect-result"][data-state="invalid"]').waitFor({ timeout: 15_000 });
    assert.equal(await result.getAttribute('data-code'), 'AMOUNT_MISMATCH');
    const orderId = redirect.searchParams.get('orderId');
    assert.equal(app.row(orderId).status, 'pending');
    assert.equal((await tossConfirms()).length, confirmsBefore, 'no confirm reached the vendor');
    assert.deepEqual(problems, []);
    await close();
  });

  for (const [outcome, state] of [
    ['decline', 'fail'],
    ['cancel', 'cancel'],
  ]) {
    it(`Toss v2: ${outcome} → the fail page says ${state}; the order stays pending`, async () => {
      const { page, problems, sandbox, close } = await open();
      await checkout(page, sandbox, app.url, '/toss');
      await (outcome === 'decline' ? sandbox.declineNext() : sandbox.cancelNext());
      await page.locator('[data-kcheckout="checkout-button"]').click();
      await page.waitForURL(/\/toss\/fail\?/);
      await page.locator(`[data-kcheckout="redirect-result"][data-state="${state}"]`).waitFor({ timeout: 15_000 });
      const orderId = new URL(page.url()).searchParams.get('orderId');
      assert.equal(app.row(orderId).status, 'pending');
      assert.deepEqual(problems, []);
      await close();
    });
  }

  for (const { path, provider, sdk } of [
    { path: '/portone', provider: 'portone', sdk: 'portone-v2' },
    { path: '/iamport', provider: 'iamport', sdk: 'iamport-v1' },
  ]) {
    it(`${provider}: approve → the /api/confirm route handler verifies at the vendor; decline; cancel`, async () => {
      const { page, problems, sandbox, close } = await open();
      await checkout(page, sandbox, app.url, path);
      const outcome = page.getByTestId('outcome');
      const button = page.locator('[data-kcheckout="checkout-button"]');

      await sandbox.declineNext();
      await button.click();
      await page.locator('[data-testid="outcome"][data-state="failed"]').waitFor();
      await sandbox.cancelNext();
      await page.waitForFunction(() => !document.querySelector('button[data-kcheckout="checkout-button"]')?.disabled);
      await button.click();
      await page.locator('[data-testid="outcome"][data-state="cancelled"]').waitFor();
      const orderId = await lastOrderId(sandbox);
      assert.equal(app.row(orderId).status, 'pending');

      const lookups = (await app.vendorCalls((call) => call.provider === provider)).length;
      await sandbox.approveNext();
      await page.waitForFunction(() => !document.querySelector('button[data-kcheckout="checkout-button"]')?.disabled);
      await button.click();
      await page.locator('[data-testid="outcome"][data-state="paid"]').waitFor({ timeout: 15_000 });
      assert.equal(await outcome.textContent(), `결제 완료: ${won(UNIT)}`);
      assert.deepEqual(app.row(orderId), { status: 'paid', amount: UNIT, provider });
      assert.equal((await sandbox.lastPayment()).sdk, sdk);
      assert.ok((await app.vendorCalls((call) => call.provider === provider)).length > lookups, 'the server looked the payment up');
      assert.deepEqual(problems, []);
      await close();
    });
  }

  it('PortOne V2 on a phone: the window leaves for /payment/result, whose Server Action confirms', async () => {
    const { page, problems, sandbox, close } = await open({ phone: true });
    await checkout(page, sandbox, app.url, '/portone');
    await sandbox.approveNext();
    await page.locator('[data-kcheckout="checkout-button"]').click();
    await page.waitForURL(/\/payment\/result\?/);
    await page.locator('[data-kcheckout="redirect-result"][data-state="success"]').waitFor({ timeout: 15_000 });
    const orderId = new URL(page.url()).searchParams.get('paymentId');
    assert.deepEqual(app.row(orderId), { status: 'paid', amount: UNIT, provider: 'portone' });
    assert.deepEqual(problems, []);
    await close();
  });
});

describe('examples/next under next dev (React StrictMode)', () => {
  let app;
  before(async () => {
    app = await startNext('dev');
  });
  after(() => app?.stop());

  it('Toss v2: one script tag, one widget render across ten amount changes, one request per double click', async () => {
    const since = Date.now();
    const { page, problems, sandbox, close } = await open();
    await page.goto(`${app.url}/toss`);
    await sandbox.waitForWidget(120_000);
    assert.equal(await sandbox.scriptCount('toss-v2'), 1);
    for (let quantity = 2; quantity <= 11; quantity++) {
      await page.getByRole('button', { name: '수량 늘리기' }).click();
      await page.getByRole('button', { name: `${won(UNIT * quantity)} 결제하기` }).waitFor();
    }
    await page.waitForFunction(
      (amount) => (window.kcheckoutSandbox.log.filter((entry) => entry.method === 'setAmount').at(-1)?.args[0]?.value ?? 0) === amount,
      UNIT * 11,
    );
    assert.equal(await sandbox.vendorCalls('toss-v2', 'renderPaymentMethods'), 1);
    assert.equal(await sandbox.vendorCalls('toss-v2', 'renderAgreement'), 1);
    assert.equal(await sandbox.scriptCount('toss-v2'), 1);

    await page.locator('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]').check();
    await page.waitForFunction(() => !document.querySelector('button[data-kcheckout="checkout-button"]')?.disabled);
    await page.locator('[data-kcheckout="checkout-button"]').dblclick();
    await page.getByRole('dialog').waitFor();
    assert.equal(await sandbox.vendorCalls('toss-v2', 'requestPayment'), 1);
    // Development React words hydration mismatches in full.
    assert.deepEqual(problems.filter((line) => /hydrat/i.test(line)), []);
    await close();
    lap('dev: Toss page', since);
  });

  for (const { path, sdk, method } of [
    { path: '/portone', sdk: 'portone-v2', method: 'requestPayment' },
    { path: '/iamport', sdk: 'iamport-v1', method: 'request_pay' },
  ]) {
    it(`${sdk}: one script tag, one request per double click`, async () => {
      const since = Date.now();
      const { page, problems, sandbox, close } = await open();
      await page.goto(`${app.url}${path}`);
      await sandbox.waitForWidget(120_000);
      await page.locator('[data-method="card"] input').check();
      await page.locator('[data-kcheckout="agreement-checkbox"] input').check();
      await page.waitForFunction(() => !document.querySelector('button[data-kcheckout="checkout-button"]')?.disabled);
      assert.equal(await sandbox.scriptCount(sdk), 1);
      await page.locator('[data-kcheckout="checkout-button"]').dblclick();
      await page.getByRole('dialog').waitFor();
      assert.equal(await sandbox.vendorCalls(sdk, method), 1);
      assert.equal(await sandbox.scriptCount(sdk), 1);
      assert.deepEqual(problems.filter((line) => /hydrat/i.test(line)), []);
      await close();
      lap(`dev: ${sdk} page`, since);
    });
  }
});
