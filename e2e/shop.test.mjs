// The example shop end to end, in Debian's Chromium: cart → server-side order → checkout (the real
// @kcheckout/react components, the sandbox's stand-in scripts loaded by URL) → payment window →
// confirm through the shop's @kcheckout/server handler against the sandbox's REST stand-ins →
// order paid in the shop's SQLite database (the library's `kcheckout_orders` table). Every provider, PC promise and phone redirect, and the
// ways a payment goes wrong. The figures (vendor calls per confirm, orders lost) print at the end.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { PHONE_CONTEXT } from './helpers.mjs';

const shopDir = fileURLToPath(new URL('../examples/shop/', import.meta.url));
const serverBundle = join(shopDir, 'dist/server.mjs');
const requireFromShop = createRequire(join(shopDir, 'package.json'));
const Database = requireFromShop('libsql');
// The sandbox's Playwright kit, resolved as the shop's own dependency (needs the built package).
const { sandboxPage } = requireFromShop('@kcheckout/sandbox/playwright');

const PC = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** beans 32,000 + mug 9,500 = 41,500; shipping 3,000 below 50,000. */
const AMOUNTS = { none: 44_500, WELCOME10: 40_350, SAVE3000: 41_500 };
const GATEWAYS = [
  { id: 'toss-v2', provider: 'toss', sdk: 'toss-v2', label: '토스페이먼츠 (결제위젯 v2)' },
  { id: 'toss-v1', provider: 'toss', sdk: 'toss-v1', label: '토스페이먼츠 (결제위젯 v1)' },
  { id: 'portone', provider: 'portone', sdk: 'portone-v2', label: '포트원 V2' },
  { id: 'iamport', provider: 'iamport', sdk: 'iamport-v1', label: '포트원 V1 (아임포트)' },
];
const byId = (id) => GATEWAYS.find((gateway) => gateway.id === id);

let shop;
let browser;
let db;
let tmp;
const figures = { confirms: [], repeats: [], faults: [] };

before(async () => {
  assert.ok(existsSync(serverBundle), 'examples/shop is not built: run `pnpm build` (or `node examples/shop/build.mjs`) first');
  const { startShop } = await import(serverBundle);
  tmp = mkdtempSync(join(tmpdir(), 'kcheckout-shop-'));
  // env: {} keeps every provider on the sandbox whatever keys this machine has set; a short vendor
  // timeout keeps the hanging-vendor case quick. Sandbox webhooks off: a delivery would race the
  // page's confirm and add vendor lookups, blurring the per-confirm figures and consuming the
  // injected faults; the sweep timer off, so only these scenarios touch the orders.
  shop = await startShop({ port: 0, dbPath: join(tmp, 'shop.db'), staticDir: join(shopDir, 'dist/app'), env: {}, vendorTimeoutMs: 1500, sandboxWebhooks: false, sweepEveryMs: 0 });
  db = new Database(join(tmp, 'shop.db'), { readonly: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  db?.close();
  await shop?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The order as the database has it (not the API: this reads the SQLite file the server writes). */
const row = (orderId) =>
  db.prepare("SELECT status, amount, paid_with, opened_at, json_extract(data, '$.gateway') AS gateway FROM kcheckout_orders WHERE order_id = ?").get(orderId);
const vendorCalls = () => shop.sandbox.calls.length;
const callsSince = (mark) => shop.sandbox.calls.slice(mark);

async function open(viewport) {
  // A phone is told by its user agent (vendors, sandbox and library alike), not by width.
  const context = await browser.newContext(viewport === PHONE ? { ...PHONE_CONTEXT, viewport } : { viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Cart → "주문하기" (the server prices and stores the order) → the checkout page. */
async function placeOrder(page, { gateway = 'toss-v2', coupon } = {}) {
  await page.goto(`${shop.url}/`);
  await page.getByRole('button', { name: '에티오피아 원두 1kg 담기' }).click();
  await page.getByRole('button', { name: '머그컵 350ml 담기' }).click();
  await page.getByRole('button', { name: '주문하기' }).click();
  await page.waitForURL(/\/checkout\/shop_[A-Za-z0-9]+$/);
  const orderId = page.url().split('/').pop();
  assert.equal(row(orderId).status, 'pending');
  assert.equal(row(orderId).amount, AMOUNTS.none);
  await page.getByText(`${AMOUNTS.none.toLocaleString('ko-KR')}원 결제하기`).waitFor();
  if (gateway !== 'toss-v2') {
    // A controlled radio: it turns checked once the server has stored the order's new gateway.
    await page.getByRole('radio', { name: byId(gateway).label }).click();
    await page.getByRole('radio', { name: byId(gateway).label, checked: true }).waitFor();
    assert.equal(row(orderId).gateway, gateway);
  }
  if (coupon) {
    await page.getByRole('textbox', { name: '쿠폰 코드' }).fill(coupon);
    await page.getByRole('button', { name: '적용', exact: true }).click();
    // The coupon re-prices the order on the server; the button shows the new amount.
    await page.getByRole('button', { name: `${AMOUNTS[coupon].toLocaleString('ko-KR')}원 결제하기` }).waitFor();
    assert.equal(row(orderId).amount, AMOUNTS[coupon]);
  }
  return orderId;
}

/**
 * Picks a method and agrees as a buyer would, presses pay, and answers the sandbox's payment window
 * with a click on `outcome`; with no `outcome`, the window answers as the sandbox was told beforehand
 * (`sandboxPage(page).declineNext()`, …).
 */
async function pay(page, gateway, outcome) {
  await sandboxPage(page).waitForWidget(byId(gateway).sdk);
  if (byId(gateway).provider === 'toss') {
    await page.locator('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]').check();
  } else {
    await page.locator('[data-method="card"] input').check();
    await page.locator('[data-kcheckout="agreement-checkbox"] input').check();
  }
  const button = page.locator('button[data-kcheckout="checkout-button"]');
  await page.waitForFunction(() => !document.querySelector('button[data-kcheckout="checkout-button"]')?.disabled);
  await button.click();
  if (outcome) await page.getByRole('dialog').locator(`[data-outcome="${outcome}"]`).click();
}

/** Waits for the order to be paid: the page says so, and the database agrees. */
async function expectPaid(page, orderId, amount) {
  await page.locator(`[data-order-id="${orderId}"][data-state="paid"]`).waitFor({ timeout: 15_000 });
  assert.equal(await page.getByTestId('order-status').textContent(), '결제 완료');
  const paid = row(orderId);
  assert.equal(paid.status, 'paid');
  assert.equal(paid.amount, amount);
  assert.ok(paid.paid_with, 'the vendor payment id is stored');
  return paid;
}

describe('given the example shop on the offline sandbox', () => {
  for (const gateway of GATEWAYS) {
    it(`${gateway.id}: PC promise flow, cart → coupon → approve → paid in the database`, async () => {
      const { context, page, errors } = await open(PC);
      try {
        const orderId = await placeOrder(page, { gateway: gateway.id, coupon: 'WELCOME10' });
        const mark = vendorCalls();
        await pay(page, gateway.id, 'approve');
        await page.waitForURL(`${shop.url}/orders/${orderId}`);
        await expectPaid(page, orderId, AMOUNTS.WELCOME10);
        // The shop navigates without a page load, so the sandbox still holds this page's story:
        // one script tag for the gateway (after a gateway switch and a coupon), one window, approved.
        const sandbox = sandboxPage(page);
        assert.equal(await sandbox.scriptCount(gateway.sdk), 1);
        assert.equal(await sandbox.vendorCalls(gateway.sdk, gateway.sdk === 'iamport-v1' ? 'request_pay' : 'requestPayment'), 1);
        assert.deepEqual((await sandbox.payments()).map((payment) => [payment.status, payment.amount]), [['approved', AMOUNTS.WELCOME10]]);
        figures.confirms.push({ flow: `${gateway.id} PC promise`, calls: callsSince(mark) });
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  for (const gateway of GATEWAYS) {
    it(`${gateway.id}: phone redirect flow (390×844), landing page confirms once; a reload and a second tab confirm nothing again`, async () => {
      const { context, page, errors } = await open(PHONE);
      try {
        const orderId = await placeOrder(page, { gateway: gateway.id, coupon: 'SAVE3000' });
        const mark = vendorCalls();
        await pay(page, gateway.id, 'approve');
        await page.waitForURL(new RegExp(`/payment/success/${gateway.provider}\\?`));
        const paid = await expectPaid(page, orderId, AMOUNTS.SAVE3000);
        const first = callsSince(mark);
        figures.confirms.push({ flow: `${gateway.id} phone redirect`, calls: first });
        assert.ok(first.length >= 1);

        // Reload: this tab's confirm marker says done, so the page only reads the order.
        const reload = vendorCalls();
        const confirmRequests = [];
        page.on('request', (request) => request.url().endsWith('/api/confirm') && confirmRequests.push(request));
        await page.reload();
        await expectPaid(page, orderId, AMOUNTS.SAVE3000);
        assert.equal(confirmRequests.length, 0);

        // A second tab (no marker) confirms again: the server answers from its own record.
        const second = await open(PHONE);
        try {
          const answer = second.page.waitForResponse((response) => response.url().endsWith('/api/confirm'));
          await second.page.goto(page.url());
          const body = await (await answer).json();
          assert.equal(body.ok, true);
          assert.equal(body.alreadyPaid, true);
          await expectPaid(second.page, orderId, AMOUNTS.SAVE3000);
        } finally {
          await second.context.close();
        }
        assert.deepEqual(callsSince(reload), []);
        assert.equal(row(orderId).paid_with, paid.paid_with);
        figures.repeats.push({ flow: `${gateway.id} reload + second tab`, calls: callsSince(reload).length });
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  it('toss: an amount edited in the redirect address is refused by the page and by the server; the order stays unpaid until the real redirect', async () => {
    const { context, page } = await open(PHONE);
    try {
      const orderId = await placeOrder(page, { coupon: 'WELCOME10' });
      // Catch the redirect instead of following it, as someone editing the address bar would.
      await page.evaluate(() => {
        window.kcheckoutSandbox.navigate = (url) => (window.__landing = url);
      });
      await pay(page, 'toss-v2', 'approve');
      const landing = await page.waitForFunction(() => window.__landing).then((handle) => handle.jsonValue());
      const tampered = new URL(landing);
      assert.equal(tampered.searchParams.get('amount'), String(AMOUNTS.WELCOME10));
      tampered.searchParams.set('amount', '100');
      const mark = vendorCalls();

      // This tab remembers the order's amount (rememberOrder): the page refuses before any request.
      await page.goto(tampered.href);
      await page.locator('[data-testid="payment-result"][data-state="invalid"][data-code="AMOUNT_MISMATCH"]').waitFor();
      assert.equal(row(orderId).status, 'pending');

      // Another browser remembers nothing: the server compares with its own order and refuses.
      const other = await open(PHONE);
      try {
        const answer = other.page.waitForResponse((response) => response.url().endsWith('/api/confirm'));
        await other.page.goto(tampered.href);
        assert.equal((await answer).status(), 409);
        await other.page.locator('[data-testid="payment-result"][data-state="refused"][data-code="AMOUNT_MISMATCH"]').waitFor();
      } finally {
        await other.context.close();
      }
      assert.equal(row(orderId).status, 'pending');
      assert.deepEqual(callsSince(mark), [], 'a refused amount never reaches the vendor');

      // The untouched redirect still pays the order: the refusal lost nothing.
      await page.goto(landing);
      await expectPaid(page, orderId, AMOUNTS.WELCOME10);
      assert.equal(callsSince(mark).length, 1);
    } finally {
      await context.close();
    }
  });

  it('toss: a double confirm (the success page reloaded, then opened in a second tab) makes one vendor call', async () => {
    const { context, page } = await open(PHONE);
    try {
      const orderId = await placeOrder(page);
      const mark = vendorCalls();
      await pay(page, 'toss-v2', 'approve');
      await page.waitForURL(/\/payment\/success\/toss\?/);
      await expectPaid(page, orderId, AMOUNTS.none);
      await page.reload();
      await expectPaid(page, orderId, AMOUNTS.none);
      const other = await open(PHONE);
      try {
        await other.page.goto(page.url());
        await expectPaid(other.page, orderId, AMOUNTS.none);
        // Two confirms at once from the second tab's console: still no vendor call.
        const answers = await other.page.evaluate((body) =>
          Promise.all([1, 2].map(() => fetch('/api/confirm', { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.json()))),
        JSON.stringify({ provider: 'toss', orderId, paymentKey: row(orderId).paid_with }));
        assert.deepEqual(answers.map((answer) => answer.alreadyPaid), [true, true]);
      } finally {
        await other.context.close();
      }
      const confirms = callsSince(mark).filter((call) => call.path === '/v1/payments/confirm');
      assert.equal(confirms.length, 1);
      assert.equal(callsSince(mark).length, 1);
    } finally {
      await context.close();
    }
  });

  for (const [gateway, viewport] of [['toss-v2', PC], ['toss-v1', PHONE], ['portone', PC], ['iamport', PHONE]]) {
    const where = viewport === PC ? 'PC' : 'phone';
    it(`${gateway} (${where}): cancel in the payment window leaves the order unpaid, and the buyer can pay it afterwards`, async () => {
      const { context, page } = await open(viewport);
      try {
        const orderId = await placeOrder(page, { gateway });
        const mark = vendorCalls();
        await pay(page, gateway, 'cancel');
        if (viewport === PC) {
          await page.getByTestId('checkout-notice').filter({ hasText: '결제를 취소했습니다' }).waitFor();
        } else {
          const provider = byId(gateway).provider;
          await page.waitForURL(new RegExp(`/payment/(fail|success)/${provider}\\?`));
          await page.locator('[data-testid="payment-result"][data-state="cancel"]').waitFor();
          await page.getByRole('link', { name: '다시 결제하기' }).click();
          await page.waitForURL(`${shop.url}/checkout/${orderId}`);
        }
        assert.equal(row(orderId).status, 'pending');
        assert.deepEqual(callsSince(mark), []);
        await pay(page, gateway, 'approve');
        await expectPaid(page, orderId, AMOUNTS.none);
      } finally {
        await context.close();
      }
    });
  }

  for (const [gateway, viewport] of [['toss-v2', PHONE], ['toss-v1', PC], ['portone', PHONE], ['iamport', PC]]) {
    const where = viewport === PC ? 'PC' : 'phone';
    it(`${gateway} (${where}): a declined card leaves the order unpaid`, async () => {
      const { context, page } = await open(viewport);
      try {
        const orderId = await placeOrder(page, { gateway });
        const mark = vendorCalls();
        // The card company declines: the sandbox is told so, and the window answers by itself.
        await sandboxPage(page).declineNext();
        await pay(page, gateway, null);
        if (viewport === PC) {
          await page.getByTestId('checkout-notice').filter({ hasText: '결제에 실패했습니다' }).waitFor();
          assert.equal((await sandboxPage(page).lastPayment()).status, 'declined');
        } else {
          await page.waitForURL(new RegExp(`/payment/(fail|success)/${byId(gateway).provider}\\?`));
          await page.locator('[data-testid="payment-result"][data-state="fail"]').waitFor();
        }
        assert.equal(row(orderId).status, 'pending');
        assert.equal(row(orderId).paid_with, null);
        assert.deepEqual(callsSince(mark), []);
      } finally {
        await context.close();
      }
    });
  }

  for (const gateway of ['toss-v2', 'portone', 'iamport']) {
    it(`${gateway}: a vendor that fails (HTTP 500, broken JSON, no answer) during the confirm loses no order; "다시 확인" pays it once`, async () => {
      const { provider } = byId(gateway);
      for (const kind of ['server-error', 'malformed-json', 'hang']) {
        const { context, page } = await open(PC);
        try {
          const orderId = await placeOrder(page, { gateway });
          shop.sandbox.injectFault({ kind, provider, hangMs: 5000 });
          const mark = vendorCalls();
          await pay(page, gateway, 'approve');
          const notice = page.getByTestId('checkout-notice').filter({ hasText: '결제를 확인하지 못했습니다' });
          await notice.waitFor({ timeout: 15_000 });
          const code = { 'server-error': 'VENDOR_UNAVAILABLE', 'malformed-json': 'VENDOR_BAD_RESPONSE', hang: 'VENDOR_TIMEOUT' }[kind];
          assert.match(await notice.textContent(), new RegExp(code));
          assert.equal(row(orderId).status, 'pending', 'a failed confirm marks nothing paid');
          await notice.getByRole('button', { name: '다시 확인' }).click();
          await expectPaid(page, orderId, AMOUNTS.none);
          figures.faults.push({ flow: `${gateway} ${kind} → ${code}`, paid: row(orderId).status === 'paid' });
          assert.ok(callsSince(mark).some((call) => call.status === 200), 'the retry reached the vendor');
        } finally {
          await context.close();
        }
      }
    });
  }

  it('a coupon after the payment window opened makes a new order; the frozen order keeps its amount', async () => {
    const api = (path, method = 'GET', body) =>
      fetch(`${shop.url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, ...(body ? { body: JSON.stringify(body) } : {}) }).then(async (response) => ({
        status: response.status,
        body: await response.json(),
      }));
    const created = await api('/api/orders', 'POST', { items: [{ sku: 'beans-1kg', quantity: 1 }, { sku: 'mug', quantity: 1 }] });
    assert.equal(created.status, 201);
    const orderId = created.body.orderId;
    assert.equal(created.body.amount, AMOUNTS.none);

    // A page showing a stale amount is refused, and nothing is frozen.
    const stale = await api(`/api/orders/${orderId}/open`, 'POST', { amount: AMOUNTS.WELCOME10 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'ORDER_CHANGED');
    assert.equal(row(orderId).opened_at, null);

    const opened = await api(`/api/orders/${orderId}/open`, 'POST', { amount: AMOUNTS.none });
    assert.equal(opened.status, 200);
    assert.ok(opened.body.openedAt);
    assert.ok(row(orderId).opened_at);

    const changed = await api(`/api/orders/${orderId}`, 'PATCH', { coupon: 'WELCOME10' });
    assert.equal(changed.status, 201);
    assert.equal(changed.body.replaces, orderId);
    assert.notEqual(changed.body.orderId, orderId);
    assert.match(changed.body.orderId, /^shop_/);
    assert.equal(changed.body.amount, AMOUNTS.WELCOME10);
    assert.deepEqual(changed.body.items, created.body.items);
    assert.equal(changed.body.openedAt, null);
    assert.equal(row(orderId).amount, AMOUNTS.none, 'the frozen order keeps its amount');
    assert.equal(row(orderId).status, 'pending');
    assert.equal(row(changed.body.orderId).amount, AMOUNTS.WELCOME10);
  });

  // Where the second click lands depends on this page's layout (here, not on a window button); the
  // test that puts 거절 exactly under pay is the sandbox's standins/double-click.browser.test.ts.
  it('toss-v2 (PC): a real double click on pay sends one request and leaves the window to the buyer', async () => {
    const { context, page, errors } = await open(PC);
    try {
      const orderId = await placeOrder(page);
      const sandbox = sandboxPage(page);
      await sandbox.waitForWidget('toss-v2');
      await page.locator('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]').check();
      await page.waitForFunction(() => !document.querySelector('button[data-kcheckout="checkout-button"]')?.disabled);
      await page.locator('button[data-kcheckout="checkout-button"]').dblclick();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // Past the window's arming time: the second click has had every chance to answer it.
      await page.waitForTimeout(700);
      assert.equal(await dialog.count(), 1);
      assert.equal(await sandbox.vendorCalls('toss-v2', 'requestPayment'), 1);
      assert.deepEqual(await sandbox.payments(), []);
      await dialog.getByRole('button', { name: '승인' }).click();
      await page.waitForURL(`${shop.url}/orders/${orderId}`);
      await expectPaid(page, orderId, AMOUNTS.none);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('a page with a stale amount opens no window: the press is refused (ORDER_CHANGED) and the page shows the new amount', async () => {
    const { context, page, errors } = await open(PC);
    try {
      const orderId = await placeOrder(page);
      // Another tab re-prices the order; this page still shows the old amount.
      const other = await fetch(`${shop.url}/api/orders/${orderId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ coupon: 'SAVE3000' }) });
      assert.equal(other.status, 200);
      const mark = vendorCalls();
      await page.locator('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]').check();
      await page.waitForFunction(() => !document.querySelector('button[data-kcheckout="checkout-button"]')?.disabled);
      await page.getByRole('button', { name: `${AMOUNTS.none.toLocaleString('ko-KR')}원 결제하기` }).click();
      await page.getByTestId('checkout-notice').filter({ hasText: '주문 금액이 바뀌었습니다' }).waitFor();
      await page.getByRole('button', { name: `${AMOUNTS.SAVE3000.toLocaleString('ko-KR')}원 결제하기` }).waitFor();
      assert.equal(await page.getByRole('dialog').count(), 0, 'no payment window opened');
      assert.equal(await sandboxPage(page).vendorCalls('toss-v2', 'requestPayment'), 0);
      assert.deepEqual(callsSince(mark), []);
      assert.equal(row(orderId).opened_at, null);
      assert.equal(row(orderId).amount, AMOUNTS.SAVE3000);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('a coupon after the window opened, in the browser: the page moves to the new order and pays it', async () => {
    const { context, page, errors } = await open(PC);
    try {
      const orderId = await placeOrder(page);
      // Open the window, then close it: the order is frozen at its amount.
      await pay(page, 'toss-v2', 'cancel');
      await page.getByTestId('checkout-notice').filter({ hasText: '결제를 취소했습니다' }).waitFor();
      assert.ok(row(orderId).opened_at, 'the press froze the order before the window opened');

      await page.getByRole('textbox', { name: '쿠폰 코드' }).fill('SAVE3000');
      await page.getByRole('button', { name: '적용', exact: true }).click();
      await page.waitForURL((url) => /\/checkout\/shop_[A-Za-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith(orderId));
      const replacement = page.url().split('/').pop();
      await page.getByRole('button', { name: `${AMOUNTS.SAVE3000.toLocaleString('ko-KR')}원 결제하기` }).waitFor();
      assert.equal(row(orderId).amount, AMOUNTS.none);
      assert.equal(row(replacement).amount, AMOUNTS.SAVE3000);

      await pay(page, 'toss-v2', 'approve');
      await page.waitForURL(`${shop.url}/orders/${replacement}`);
      await expectPaid(page, replacement, AMOUNTS.SAVE3000);
      assert.equal(row(orderId).status, 'pending');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('on a 390 px phone the PortOne method picker is the stylesheet\'s tiles: each radio beside its label, no word broken', async () => {
    const { context, page } = await open(PHONE);
    try {
      await placeOrder(page, { gateway: 'portone' });
      const picker = page.locator('[data-kcheckout="method-picker"]');
      await picker.waitFor();
      // styles.css is loaded: the picker is a grid of bordered tiles.
      assert.equal(await picker.evaluate((element) => getComputedStyle(element).display), 'grid');
      const tiles = page.locator('[data-kcheckout="method"]');
      assert.ok((await tiles.count()) >= 5);
      for (const tile of await tiles.all()) {
        const box = await tile.evaluate((label) => {
          const radio = label.querySelector('input').getBoundingClientRect();
          const text = Array.from(label.childNodes).filter((node) => node.nodeType === 3).map((node) => node.textContent).join('').trim();
          const textRange = document.createRange();
          const textNode = Array.from(label.childNodes).find((node) => node.nodeType === 3 && node.textContent.trim());
          textRange.selectNodeContents(textNode);
          const textRects = Array.from(textRange.getClientRects()).filter((rect) => rect.width > 0);
          return {
            text,
            border: getComputedStyle(label).borderTopStyle,
            sameLine: textRects.length > 0 && Math.abs(textRects[0].top + textRects[0].height / 2 - (radio.top + radio.height / 2)) < 8,
            textLines: new Set(textRects.map((rect) => Math.round(rect.top))).size,
          };
        });
        assert.equal(box.border, 'solid', `${box.text}: not a tile`);
        assert.ok(box.sameLine, `${box.text}: radio and label on different lines`);
        assert.equal(box.textLines, 1, `${box.text}: label broken over ${box.textLines} lines`);
      }
      assert.ok(await page.getByText('휴대폰', { exact: true }).isVisible());
    } finally {
      await context.close();
    }
  });

  it('an unknown coupon is refused in the coupon card, next to the field, not under the pay button', async () => {
    const { context, page } = await open(PHONE);
    try {
      const orderId = await placeOrder(page);
      await page.getByRole('textbox', { name: '쿠폰 코드' }).fill('NOPE2026');
      await page.getByRole('button', { name: '적용', exact: true }).click();
      const error = page.getByTestId('coupon-error');
      await error.waitFor();
      assert.match(await error.textContent(), /사용할 수 없는 쿠폰입니다: NOPE2026/);
      // Inside the coupon card, described to the field, and nothing in the checkout's notice.
      assert.equal(await error.evaluate((element) => element.closest('section')?.querySelector('h2')?.textContent), '쿠폰');
      assert.equal(await page.getByRole('textbox', { name: '쿠폰 코드' }).getAttribute('aria-describedby'), 'coupon-error');
      assert.equal(await page.getByTestId('checkout-notice').count(), 0);
      assert.equal(row(orderId).amount, AMOUNTS.none);
    } finally {
      await context.close();
    }
  });

  it('WELCOME10 on a 51,000원 cart says, in the coupon card, that it costs free shipping and what it really saves', async () => {
    const { context, page } = await open(PC);
    try {
      await page.goto(`${shop.url}/`);
      await page.getByRole('button', { name: '에티오피아 원두 1kg 담기' }).click();
      await page.getByRole('button', { name: '머그컵 350ml 담기' }).click();
      await page.getByRole('button', { name: '머그컵 350ml 담기' }).click();
      // 32,000 + 2 × 9,500 = 51,000: free shipping before the coupon, and the cart says where the line is.
      assert.match(await page.getByTestId('shipping-rule').textContent(), /50,000원 이상 주문은 무료배송/);
      await page.getByRole('button', { name: '주문하기' }).click();
      await page.waitForURL(/\/checkout\/shop_[A-Za-z0-9]+$/);
      const orderId = page.url().split('/').pop();
      await page.getByRole('textbox', { name: '쿠폰 코드' }).fill('WELCOME10');
      await page.getByRole('button', { name: '적용', exact: true }).click();
      // 51,000 − 5,000 = 46,000, under 50,000: + 3,000 shipping = 49,000.
      await page.getByRole('button', { name: '49,000원 결제하기' }).waitFor();
      assert.equal(row(orderId).amount, 49_000);
      const warning = page.getByTestId('coupon-shipping-warning');
      assert.match(await warning.textContent(), /배송비 3,000원이 붙습니다.*아끼는 금액은 2,000원/);
      assert.equal(await warning.evaluate((element) => element.closest('section')?.querySelector('h2')?.textContent), '쿠폰');
      assert.match(await page.getByTestId('shipping-rule').textContent(), /4,000원 더 담으면 무료배송/);
    } finally {
      await context.close();
    }
  });

  it('portone (PC): a declined 카카오페이 payment names 카카오페이, not the card company', async () => {
    const { context, page } = await open(PC);
    try {
      const orderId = await placeOrder(page, { gateway: 'portone' });
      await page.locator('[data-method="easyPay:KAKAOPAY"] input').check();
      await page.locator('[data-kcheckout="agreement-checkbox"] input').check();
      await page.waitForFunction(() => !document.querySelector('button[data-kcheckout="checkout-button"]')?.disabled);
      await page.locator('button[data-kcheckout="checkout-button"]').click();
      await page.getByRole('dialog').locator('[data-outcome="decline"]').click();
      const notice = page.getByTestId('checkout-notice').filter({ hasText: '결제에 실패했습니다' });
      await notice.waitFor();
      const text = await notice.textContent();
      assert.match(text, /카카오페이에서 결제가 승인되지 않았습니다/);
      assert.doesNotMatch(text, /카드사/);
      assert.equal(row(orderId).status, 'pending');
    } finally {
      await context.close();
    }
  });

  it('loses no order: every payment the sandbox approved belongs to a paid order, and every paid order to an approved payment', async () => {
    const { payments } = await (await fetch(`${shop.sandboxUrl}/__sandbox/payments`)).json();
    const approved = payments.filter((payment) => payment.status === 'approved');
    const orderOf = (payment) => payment.orderId ?? payment.paymentId ?? payment.merchantUid;
    const lost = approved.filter((payment) => row(orderOf(payment))?.status !== 'paid');
    const paidOrders = db.prepare("SELECT order_id FROM kcheckout_orders WHERE status = 'paid'").all();
    const approvedOrders = new Set(approved.map(orderOf));
    const phantom = paidOrders.filter((order) => !approvedOrders.has(order.order_id));
    const faultsLost = figures.faults.filter((fault) => !fault.paid).length;

    const perProvider = {};
    for (const { flow, calls } of figures.confirms) {
      const key = flow.split(' ')[0];
      (perProvider[key] ??= []).push(calls.length === 0 ? '0' : calls.map((call) => `${call.method} ${call.path.split('?')[0].replace(/\/(imp|shop)_[A-Za-z0-9]+$/, '/{id}')}`).join(' + '));
    }
    const lines = [
      'Example shop figures (sandbox REST stand-ins):',
      ...Object.entries(perProvider).map(([gateway, flows]) => `  vendor calls per first confirm, ${gateway}: ${flows.map((flow) => flow.split(' + ').length).join(', ')} (${[...new Set(flows)].join(' | ')})`),
      `  vendor calls for repeat confirms (reload + second tab), all providers: ${figures.repeats.reduce((sum, repeat) => sum + repeat.calls, 0)}`,
      `  fault cases (refused as retryable, then "다시 확인"): ${figures.faults.map((fault) => `${fault.flow}${fault.paid ? ' → paid' : ' → LOST'}`).join('; ')}`,
      `  orders lost under the fault cases: ${faultsLost} of ${figures.faults.length}`,
      `  approved payments: ${approved.length}, paid orders: ${paidOrders.length}, approved but unpaid (lost): ${lost.length}, paid without an approved payment: ${phantom.length}`,
    ];
    console.log(lines.join('\n'));
    assert.deepEqual(lost.map(orderOf), []);
    assert.deepEqual(phantom, []);
    assert.equal(faultsLost, 0);
    assert.ok(figures.faults.length > 0 && figures.confirms.length === 8, 'the flows above ran first');
  });
});

describe('given the example shop with the sandbox webhooks on, and the sweep run by hand', () => {
  let webhookShop;
  let webhookTmp;
  const logged = [];
  const api = (path, method = 'GET', body) =>
    fetch(`${webhookShop.url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, ...(body ? { body: JSON.stringify(body) } : {}) }).then(async (response) => ({
      status: response.status,
      body: await response.json(),
    }));
  const ITEMS = [{ sku: 'beans-1kg', quantity: 1 }, { sku: 'mug', quantity: 1 }];
  /** An order whose payment window has opened, as the checkout page's press leaves it. */
  async function openedOrder(gateway) {
    const { body: order } = await api('/api/orders', 'POST', { items: ITEMS, gateway });
    assert.equal((await api(`/api/orders/${order.orderId}/open`, 'POST', { amount: order.amount })).status, 200);
    return order;
  }
  async function statusBecomes(orderId, status) {
    for (let tries = 0; tries < 100; tries++) {
      const { body } = await api(`/api/orders/${orderId}`);
      if (body.status === status) return body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail(`order ${orderId} never became ${status}`);
  }

  before(async () => {
    const { startShop } = await import(serverBundle);
    webhookTmp = mkdtempSync(join(tmpdir(), 'kcheckout-shop-webhooks-'));
    // sweepOlderThanMs and sweepExpireAfterMs 0: every opened order is due and may expire now, so the
    // sweep need not wait 5 and 60 minutes.
    webhookShop = await startShop({
      port: 0,
      dbPath: join(webhookTmp, 'shop.db'),
      staticDir: join(shopDir, 'dist/app'),
      env: {},
      vendorTimeoutMs: 1500,
      sweepEveryMs: 0,
      sweepOlderThanMs: 0,
      sweepExpireAfterMs: 0,
      log: (line) => logged.push(line),
    });
  });
  after(async () => {
    await webhookShop?.close();
    if (webhookTmp) rmSync(webhookTmp, { recursive: true, force: true });
  });

  it('portone: a payment whose buyer never came back is paid by the signed webhook', async () => {
    const order = await openedOrder('portone');
    webhookShop.sandbox.recordPayment({ sdk: 'portone-v2', paymentId: order.orderId, amount: order.amount });
    const paid = await statusBecomes(order.orderId, 'paid');
    assert.equal(paid.paidWith, order.orderId);
    const delivery = webhookShop.sandbox.webhooks.find((entry) => entry.body.includes(order.orderId));
    assert.equal(delivery?.result, 200);
  });

  it('toss: a virtual account is awaiting deposit after the confirm, and paid by the deposit callback', async () => {
    const order = await openedOrder('toss-v2');
    const payment = webhookShop.sandbox.recordPayment({ sdk: 'toss-v2', orderId: order.orderId, amount: order.amount, method: 'VIRTUAL_ACCOUNT' });
    const confirmed = await api('/api/confirm', 'POST', { provider: 'toss', orderId: order.orderId, paymentKey: payment.paymentKey, amount: order.amount });
    assert.equal(confirmed.status, 202);
    assert.equal(confirmed.body.status, 'awaiting-deposit');
    assert.equal((await api(`/api/orders/${order.orderId}`)).body.status, 'awaiting-deposit');
    // Its amount is the bank's business now: no coupon, no new order.
    assert.equal((await api(`/api/orders/${order.orderId}`, 'PATCH', { coupon: 'WELCOME10' })).status, 409);

    const { delivery } = await webhookShop.sandbox.deposit({ paymentKey: payment.paymentKey });
    assert.equal(delivery?.result, 200);
    assert.equal((await api(`/api/orders/${order.orderId}`)).body.status, 'paid');
  });

  it('portone: money captured for another amount is refunded, and the buyer is told so, with no retry', async () => {
    const order = await openedOrder('portone');
    // A tampered window: the vendor captured 100 won for this order.
    webhookShop.sandbox.recordPayment({ sdk: 'portone-v2', paymentId: order.orderId, amount: 100 });
    const { context, page, errors } = await open(PHONE);
    try {
      await page.goto(`${webhookShop.url}/payment/success/portone?paymentId=${order.orderId}`);
      const refused = page.locator('[data-testid="payment-result"][data-state="refused"][data-code="PAYMENT_REFUNDED"]');
      await refused.waitFor({ timeout: 15_000 });
      assert.match(await refused.textContent(), /결제가 확인되지 않아 자동으로 환불\(취소\)되었습니다\. 다시 결제해 주세요\./);
      assert.equal(await refused.getByRole('button').count(), 0, 'a refunded payment offers no retry');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
    assert.equal((await api(`/api/orders/${order.orderId}`)).body.status, 'pending');
    assert.ok(logged.some((line) => line.startsWith('capture refused: portone') && line.includes(order.orderId)), logged.join('\n'));
  });

  it('toss: a confirm that meets another in progress (409 CONFIRM_IN_PROGRESS) is retried by the page after retry-after, and pays', async () => {
    const order = await openedOrder('toss-v2');
    const payment = webhookShop.sandbox.recordPayment({ sdk: 'toss-v2', orderId: order.orderId, amount: order.amount });
    const { context, page, errors } = await open(PHONE);
    try {
      const answers = [];
      page.on('response', (response) => response.url().endsWith('/api/confirm') && answers.push(response.status()));
      // Another server's confirm attempt takes the order for 3 s at the moment the page's first confirm
      // is on its way (a second process sharing the file would), so the overlap does not depend on how
      // long the page takes to load.
      let held = false;
      await page.route('**/api/confirm', async (route) => {
        if (!held) {
          held = true;
          const writer = new Database(join(webhookTmp, 'shop.db'));
          try {
            writer.prepare("UPDATE kcheckout_orders SET lease_token = 'other-server', lease_until = ?, lease_payment = ? WHERE order_id = ?").run(Date.now() + 3000, payment.paymentKey, order.orderId);
          } finally {
            writer.close();
          }
        }
        await route.continue();
      });
      await page.goto(`${webhookShop.url}/payment/success/toss?paymentType=NORMAL&orderId=${order.orderId}&paymentKey=${payment.paymentKey}&amount=${order.amount}`);
      await page.locator(`[data-order-id="${order.orderId}"][data-state="paid"]`).waitFor({ timeout: 15_000 });
      assert.deepEqual(answers, [409, 200]);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('the sweep (POST /api/reconcile) expires an opened order the vendor holds no payment for', async () => {
    const order = await openedOrder('toss-v2');
    const { status, body: report } = await api('/api/reconcile', 'POST');
    assert.equal(status, 200);
    assert.ok(report.checked >= 1);
    assert.ok(report.expired.includes(order.orderId), JSON.stringify(report));
    assert.equal((await api(`/api/orders/${order.orderId}`)).body.status, 'expired');
    // An expired order can no longer be paid; a coupon on it makes a new, payable order.
    const changed = await api(`/api/orders/${order.orderId}`, 'PATCH', { coupon: 'SAVE3000' });
    assert.equal(changed.status, 201);
    assert.equal(changed.body.replaces, order.orderId);
    assert.equal(changed.body.status, 'pending');
  });
});
