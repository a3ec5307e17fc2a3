// @kcheckout/sandbox/playwright, the test kit for users, on the BUILT package in Debian's Chromium:
// pages served by a plain Node server whose only sandbox code is handleSandboxScript (so the
// serving helper is exercised too), driven by sandboxPage(page) alone. Also type-checks the kit and
// configureSandbox the way an app does: a Playwright Page fits sandboxPage, and a global
// declaration of window.kcheckoutSandbox with the exported SandboxControl agrees with ours.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright';
import { root } from './helpers.mjs';

const fromShop = createRequire(join(root, 'examples/shop/package.json'));
const { handleSandboxScript, sandboxClientKeys, sandboxScriptPath } = await import(fromShop.resolve('@kcheckout/sandbox'));
const { sandboxPage } = await import(fromShop.resolve('@kcheckout/sandbox/playwright'));

const html = (body) => `<!doctype html><html lang="ko"><meta charset="utf-8"><title>kit</title><body>${body}</body></html>`;
const payButton = '<button id="pay" type="button">결제하기</button><output id="result"></output>';
const pages = {
  '/toss': html(`<div id="methods"></div>${payButton}
<script src="${sandboxScriptPath('toss-v2')}"></script>
<script>
  const widgets = TossPayments('${sandboxClientKeys.toss}').widgets({ customerKey: 'buyer_1' });
  widgets.setAmount({ value: 15000, currency: 'KRW' }).then(() => widgets.renderPaymentMethods({ selector: '#methods' }));
  let n = 0;
  document.getElementById('pay').onclick = () => widgets.requestPayment({ orderId: 'order_kit_' + ++n, orderName: '생수' })
    .then(() => 'approved', (error) => error.code).then((text) => (document.getElementById('result').textContent = text));
</script>`),
  '/iamport': html(`${payButton}
<script src="${sandboxScriptPath('iamport-v1')}"></script>
<script>
  IMP.init('${sandboxClientKeys.iamport.impCode}');
  document.getElementById('pay').onclick = () => IMP.request_pay(
    { channelKey: '${sandboxClientKeys.iamport.channelKey}', pay_method: 'card', merchant_uid: 'order_kit_' + Date.now(), name: '원두', amount: 39000 },
    (response) => (document.getElementById('result').textContent = JSON.stringify(response)),
  );
</script>`),
  // No stand-in until the test adds it: settings made before any script must survive it.
  '/late': html('<div id="methods"></div>'),
  // A kcheckout <PaymentMethods> as it renders: loading, then ready (or error) once its vendor widget is.
  '/states': html(`<div data-kcheckout="payment-methods" data-state="loading"></div><button data-kcheckout="checkout-button" data-state="ready">결제하기</button>
<script src="${sandboxScriptPath('portone-v2')}"></script>
<script>
  const state = new URLSearchParams(location.search).get('to');
  setTimeout(() => {
    const part = document.querySelector('[data-kcheckout]');
    part.dataset.state = state;
    if (state === 'error') part.textContent = '결제 수단을 불러오지 못했습니다';
  }, 1500);
</script>`),
};

let server;
let origin;
let browser;

before(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname in pages) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(pages[url.pathname]);
      return;
    }
    // Everything else goes to the sandbox's route handler, as a framework's catch-all would.
    const response = handleSandboxScript(new Request(new URL(req.url, origin), { method: req.method }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

async function open(path) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}${path}`);
  return { page, errors, sandbox: sandboxPage(page) };
}

const result = (page) => page.locator('#result').textContent();

describe('given sandboxPage(page) on a Toss v2 page served by handleSandboxScript', () => {
  it('waits for the widget, then counts one script tag and the vendor calls', async () => {
    const { page, errors, sandbox } = await open('/toss');
    try {
      await sandbox.waitForWidget('toss-v2');
      assert.equal(await page.locator('[data-kcheckout-sandbox="payment-methods"]').count(), 1);
      assert.equal(await sandbox.scriptCount('toss-v2'), 1);
      assert.equal(await sandbox.scriptCount('portone-v2'), 0);
      assert.equal(await sandbox.vendorCalls('toss-v2', 'renderPaymentMethods'), 1);
      assert.equal(await sandbox.vendorCalls('toss-v2'), 4); // TossPayments, widgets, setAmount, renderPaymentMethods
      assert.equal(await sandbox.vendorCalls('iamport-v1'), 0);
      // A second tag for the same URL is counted: the count is what a loader that fails to dedupe would show.
      await page.evaluate((src) => document.head.append(Object.assign(document.createElement('script'), { src })), sandboxScriptPath('toss-v2'));
      assert.equal(await sandbox.scriptCount('toss-v2'), 2);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('approveNext, declineNext and cancelNext answer the next window each; payments and lastPayment read them', async () => {
    const { page, sandbox } = await open('/toss');
    try {
      await sandbox.waitForWidget('toss-v2');
      assert.equal(await sandbox.lastPayment(), undefined);
      for (const [next, shown, status] of [
        [sandbox.approveNext, 'approved', 'approved'],
        [sandbox.declineNext, 'REJECT_CARD_COMPANY', 'declined'],
        [sandbox.cancelNext, 'USER_CANCEL', 'canceled'],
      ]) {
        await next();
        await page.locator('#pay').click();
        await page.locator('#result', { hasText: shown }).waitFor();
        const last = await sandbox.lastPayment();
        assert.equal(last.status, status);
        assert.equal(last.amount, 15000);
        assert.equal(last.sdk, 'toss-v2');
      }
      assert.deepEqual((await sandbox.payments()).map((payment) => payment.orderId), ['order_kit_1', 'order_kit_2', 'order_kit_3']);
      assert.equal(await sandbox.vendorCalls('toss-v2', 'requestPayment'), 3);
    } finally {
      await page.close();
    }
  });

  it('refuses what it cannot do, saying what it takes', async () => {
    const { page, sandbox } = await open('/toss');
    try {
      // A number alone is the timeout, for any stand-in.
      await sandbox.waitForWidget(5_000);
      assert.throws(() => sandboxPage({}), /takes a Playwright Page/);
      assert.throws(() => sandbox.vendorCalls('toss-v3'), /unknown sdk "toss-v3"\. Use one of: 'toss-v1', 'toss-v2'/);
      await assert.rejects(sandbox.configure({ nextOutcome: 'approved' }), /nextOutcome must be 'approve', 'decline' or 'cancel'/);
      await assert.rejects(sandbox.configure({ navigate: () => {} }), /navigate is a function/);
      await assert.rejects(sandbox.failNext({ fields: {} }, 'approve'), /'decline' or 'cancel'/);
    } finally {
      await page.close();
    }
  });
});

describe('given sandboxPage(page) on other pages', () => {
  it('failNext makes the next iamport window fail with the given fields', async () => {
    const { page, sandbox } = await open('/iamport');
    try {
      await sandbox.waitForWidget('iamport-v1');
      await sandbox.failNext({ fields: { error_code: 'F1001', error_msg: '[한도초과] 카드 한도를 초과했습니다.' } });
      await page.locator('#pay').click();
      await page.locator('#result', { hasText: 'F1001' }).waitFor();
      const response = JSON.parse(await result(page));
      assert.equal(response.error_msg, '[한도초과] 카드 한도를 초과했습니다.');
      assert.equal(response.success, false);
      assert.equal((await sandbox.lastPayment()).status, 'declined');
    } finally {
      await page.close();
    }
  });

  it('configure before any stand-in has loaded: the first script keeps the settings', async () => {
    const { page, sandbox } = await open('/late');
    try {
      await sandbox.configure({ locale: 'en', latencyMs: 0, device: 'pc' });
      await page.addScriptTag({ url: sandboxScriptPath('toss-v1') });
      // The script has run, but no widget is rendered yet.
      await assert.rejects(sandbox.waitForWidget('toss-v1', { timeout: 300 }), /Timeout 300ms exceeded/);
      await page.evaluate(() => PaymentWidget('test_gck_kcheckout_sandbox', 'buyer_1').renderPaymentMethods('#methods', { value: 1000 }));
      await sandbox.waitForWidget('toss-v1');
      assert.match(await page.locator('[data-kcheckout-sandbox="payment-methods"] legend').textContent(), /Payment method/);
      assert.equal(await page.evaluate(() => window.kcheckoutSandbox.latencyMs), 0);
      assert.equal(await sandbox.scriptCount('toss-v1'), 1);
    } finally {
      await page.close();
    }
  });

  it("waitForWidget waits for kcheckout's <PaymentMethods> to be ready", async () => {
    const { page, sandbox } = await open('/states?to=ready');
    try {
      assert.equal(await page.locator('[data-kcheckout="payment-methods"]').getAttribute('data-state'), 'loading');
      await sandbox.waitForWidget('portone-v2');
      assert.equal(await page.locator('[data-kcheckout="payment-methods"]').getAttribute('data-state'), 'ready');
    } finally {
      await page.close();
    }
  });

  it('waitForWidget rejects with the text of a <PaymentMethods> that shows an error', async () => {
    const { page, sandbox } = await open('/states?to=error');
    try {
      await assert.rejects(sandbox.waitForWidget(), /shows an error instead of the widget \(결제 수단을 불러오지 못했습니다\)/);
    } finally {
      await page.close();
    }
  });
});

describe('given an app type-checking the kit and the sandbox globals (skipLibCheck: false, exactOptionalPropertyTypes)', () => {
  const work = mkdtempSync(join(tmpdir(), 'kcheckout-sandbox-types-'));
  after(() => rmSync(work, { recursive: true, force: true }));

  it('accepts a Playwright Page, configureSandbox with possibly-undefined values, and a matching global declaration', () => {
    const link = (target, name) => {
      mkdirSync(dirname(join(work, 'node_modules', name)), { recursive: true });
      symlinkSync(target, join(work, 'node_modules', name), 'dir');
    };
    link(join(root, 'packages/sandbox'), '@kcheckout/sandbox');
    link(join(root, 'node_modules/playwright'), 'playwright');
    link(join(root, 'node_modules/@types/node'), '@types/node');
    writeFileSync(join(work, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
    writeFileSync(
      join(work, 'app.ts'),
      `import type { Page } from 'playwright';
import { sandboxPage } from '@kcheckout/sandbox/playwright';
import { configureSandbox, getSandbox, scriptPath, type SandboxControl } from '@kcheckout/sandbox/toss-v2';

// An app that declares the global itself, with the exported type, agrees with the package's declaration.
declare global {
  interface Window {
    kcheckoutSandbox?: SandboxControl;
  }
}
declare const page: Page;
declare const env: Record<string, string | undefined>;
export async function run(): Promise<number> {
  const sandbox = sandboxPage(page);
  await sandbox.waitForWidget(60_000);
  await sandbox.waitForWidget('toss-v2', { timeout: 60_000 });
  await sandbox.approveNext();
  await sandbox.configure({ latencyMs: 0, apiBase: env.SANDBOX_API });
  const last = await sandbox.lastPayment();
  return (last?.amount ?? 0) + (await sandbox.vendorCalls('toss-v2', 'requestPayment'));
}
configureSandbox({ apiBase: env.SANDBOX_API, nextOutcome: 'approve', device: 'mobile' });
export const calls: number | undefined = getSandbox()?.log.length;
export const src: string = scriptPath;
// @ts-expect-error a typo is a type error, not a silently ignored setting
configureSandbox({ nextOutcome: 'approved' });
`,
    );
    const options = { strict: true, noEmit: true, skipLibCheck: false, exactOptionalPropertyTypes: true, target: 'ES2022', lib: ['ES2022', 'DOM'], module: 'nodenext', moduleResolution: 'nodenext', types: ['node'] };
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['app.ts'] }));
    const run = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: work, encoding: 'utf8' });
    assert.equal(`${run.stdout}${run.stderr}`.trim(), '');
    assert.equal(run.status, 0);
  });
});
