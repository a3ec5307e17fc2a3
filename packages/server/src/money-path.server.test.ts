// The fault table of the money path: one row per way an order or money was lost before (issue 11),
// each asserting the vendor calls made, the order's row in the store and the answer. The store is a
// real libsql file, the vendors are the sandbox's REST stand-ins on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateAmount, validatePortOneV2Options } from '@kcheckout/core';
import { sandboxSecrets, type SandboxApi } from '@kcheckout/sandbox';
import { startSandboxServer, type SandboxServer } from '@kcheckout/sandbox/node';
import Database from 'libsql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConfirmHandler } from './handler.js';
import { readSetup } from '../../../examples/shop/server/config.js';
import { cancelIamportPayment, createIamportTokenCache } from './iamport.js';
import { toNodeHandler } from './node.js';
import type { CaptureRefusedEvent } from './reconcile-capture.js';
import type { RefundEvent } from './reconcile-refund.js';
import { reconcilePendingOrders } from './reconcile-pending.js';
import { openLibsqlOrderStore } from './store/libsql.js';
import { cancelTossPayment, confirmTossPayment } from './toss.js';
import { cancelPortOnePayment } from './portone.js';
import type { OrderStore } from './store/order-store.js';
import { confirmRequest, row } from './test-utils/orders.js';
import type { VendorOptions } from './vendors.js';
import { createWebhookHandler } from './webhook-handler.js';

let server: SandboxServer;
let dir: string;
let counter = 0;
const stores: OrderStore[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kcheckout-money-'));
  server = await startSandboxServer();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

/** A shop: a libsql file, the confirm and webhook handlers, and what reached the hooks. */
async function shop(options: { file?: string; now?: () => number; busyTimeoutMs?: number } = {}) {
  server.api.reset();
  const file = options.file ?? join(dir, `shop-${++counter}.db`);
  const store = await openLibsqlOrderStore(file, { ...(options.now ? { now: options.now } : {}), ...(options.busyTimeoutMs ? { busyTimeoutMs: options.busyTimeoutMs } : {}) });
  stores.push(store);
  const refused: CaptureRefusedEvent[] = [];
  const errors: unknown[] = [];
  const vendors: VendorOptions = {
    toss: { secretKey: sandboxSecrets.toss.widgetSecretKey, baseUrl: server.url },
    portone: { apiSecret: sandboxSecrets.portone.apiSecret, baseUrl: server.url, mode: 'test' },
    iamport: { ...sandboxSecrets.iamport, baseUrl: server.url, mode: 'test', tokenCache: createIamportTokenCache() },
  };
  const refunds: RefundEvent[] = [];
  const hooks = { onCaptureRefused: (event: CaptureRefusedEvent) => void refused.push(event), onError: (error: unknown) => void errors.push(error) };
  const handler = createConfirmHandler({ store, ...vendors, ...hooks });
  const webhooks = createWebhookHandler({ store, ...vendors, ...hooks, onRefunded: (event) => void refunds.push(event), portoneWebhookSecret: sandboxSecrets.portone.webhookSecret });
  const post = async (body: unknown, on = handler) => {
    const response = await on(confirmRequest(body));
    return { status: response.status, body: (await response.json()) as Record<string, any>, retryAfter: response.headers.get('retry-after') };
  };
  /** Creates an order whose payment window opened at `amount`. */
  const order = async (orderId: string, provider: 'toss' | 'portone' | 'iamport', amount: number) => {
    await store.create({ orderId, provider, amount });
    await store.open(orderId, { amount });
  };
  return { file, store, vendors, handler, webhooks, post, order, refused, refunds, errors, row: (orderId: string) => row(store, orderId) };
}

/** The vendor requests since the last reset, as `METHOD path status`. */
const calls = (api: SandboxApi = server.api) => api.calls.map((call) => `${call.method} ${call.path.replace(/\?.*$/, '')} ${call.status}`);
const tossKey = (orderId: string, amount: number, method?: string) => (server.api.recordPayment({ sdk: 'toss-v2', orderId, amount, ...(method ? { method } : {}) }) as { paymentKey: string }).paymentKey;

describe('the fault table', () => {
  it('1. a second writer holds the write lock for 2 s while the order is written: the write waits, and the buyer gets 200', async () => {
    const { file, post, order, row } = await shop();
    await order('order-lock-1', 'toss', 32000);
    const paymentKey = tossKey('order-lock-1', 32000);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const unlock = setTimeout(() => other.exec('COMMIT'), 2000);
    try {
      const answer = await post({ provider: 'toss', orderId: 'order-lock-1', paymentKey });
      expect(answer).toMatchObject({ status: 200, body: { ok: true, status: 'paid', alreadyPaid: false } });
    } finally {
      clearTimeout(unlock);
      if (other.inTransaction) other.exec('COMMIT');
      other.close();
    }
    expect(calls()).toEqual([`POST /v1/payments/confirm 200`]);
    // Read back through a new connection: the write was committed, not just acknowledged.
    const reopened = await openLibsqlOrderStore(file);
    stores.push(reopened);
    expect(await row('order-lock-1')).toEqual({ status: 'paid', amount: 32000, paidWith: paymentKey, paidAmount: 32000 });
    expect(await reopened.get('order-lock-1')).toMatchObject({ status: 'paid', paidWith: paymentKey });
  });

  it('2. two shops on one file confirm one payment 10 times at once: one vendor confirm, one paid row, every buyer ends with 200', async () => {
    const first = await shop();
    const second = await openLibsqlOrderStore(first.file);
    stores.push(second);
    const other = createConfirmHandler({ store: second, ...first.vendors });
    await first.order('order-twice-1', 'toss', 15000);
    const paymentKey = tossKey('order-twice-1', 15000);
    const body = { provider: 'toss', orderId: 'order-twice-1', paymentKey };
    const until200 = async (on: typeof first.handler) => {
      const seen: number[] = [];
      for (;;) {
        const answer = await first.post(body, on);
        seen.push(answer.status);
        if (answer.status !== 409 || answer.body.error.code !== 'CONFIRM_IN_PROGRESS') return { answer, seen };
        expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const runs = await Promise.all(Array.from({ length: 10 }, (_, index) => until200(index % 2 ? other : first.handler)));
    expect(runs.map((run) => run.answer.status)).toEqual(Array(10).fill(200));
    expect(calls().filter((call) => call.includes('/confirm'))).toEqual(['POST /v1/payments/confirm 200']);
    expect(await first.row('order-twice-1')).toEqual({ status: 'paid', amount: 15000, paidWith: paymentKey, paidAmount: 15000 });
  });

  it('3. a coupon after the window opened cannot re-price the order: the payment is confirmed for the frozen amount', async () => {
    const { store, post, order, row } = await shop();
    await order('order-coupon-1', 'toss', 35000);
    expect(await store.update('order-coupon-1', { amount: 32000 })).toBeNull();
    const paymentKey = tossKey('order-coupon-1', 35000);
    expect(await post({ provider: 'toss', orderId: 'order-coupon-1', paymentKey })).toMatchObject({ status: 200, body: { amount: 35000 } });
    expect(calls()).toEqual(['POST /v1/payments/confirm 200']);
    expect(await row('order-coupon-1')).toEqual({ status: 'paid', amount: 35000, paidWith: paymentKey, paidAmount: 35000 });
  });

  it('4. a store that returns the amount as a string (node-postgres BIGINT) is refused before any vendor call', async () => {
    const { store, vendors, order, row } = await shop();
    await order('order-string-1', 'toss', 15000);
    const stringly: OrderStore = {
      ...store,
      claim: async (orderId, attempt) => {
        const answer = await store.claim(orderId, attempt);
        return answer.kind === 'claimed' ? { ...answer, order: { ...answer.order, amount: '15000' as unknown as number } } : answer;
      },
    };
    const errors: unknown[] = [];
    const handler = createConfirmHandler({ store: stringly, ...vendors, onError: (error) => void errors.push(error) });
    const response = await handler(confirmRequest({ provider: 'toss', orderId: 'order-string-1', paymentKey: tossKey('order-string-1', 15000) }));
    expect([response.status, (await response.json()).error]).toEqual([500, expect.objectContaining({ code: 'ORDER_INVALID', retryable: false })]);
    expect(errors).toHaveLength(1);
    expect(calls()).toEqual([]);
    expect(await row('order-string-1')).toMatchObject({ status: 'pending', paidWith: null });
    // The lease was given back: a correct store confirms at once.
    expect((await store.claim('order-string-1', { vendorPaymentId: 'x', leaseMs: 1000 })).kind).toBe('claimed');
  });

  it('5. PortOne captured another amount than the order’s: refunded at the vendor, reported, and the buyer reads "refunded", also on retry', async () => {
    const { post, order, row, refused } = await shop();
    await order('order-tamper-1', 'portone', 50000);
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'order-tamper-1', amount: 100 });
    const first = await post({ provider: 'portone', orderId: 'order-tamper-1' });
    expect(first).toMatchObject({ status: 409, body: { error: { code: 'PAYMENT_REFUNDED', retryable: false } } });
    // The lookup, the refund, and the refund's own lookup of the refunded payment.
    expect(calls()).toEqual(['GET /payments/order-tamper-1 200', 'POST /payments/order-tamper-1/cancel 200', 'GET /payments/order-tamper-1 200']);
    expect(refused).toEqual([
      expect.objectContaining({ provider: 'portone', orderId: 'order-tamper-1', vendorPaymentId: 'order-tamper-1', capturedAmount: 100, orderAmount: 50000, reason: 'amount-mismatch', refund: expect.objectContaining({ status: 'cancelled' }) }),
    ]);
    expect(await row('order-tamper-1')).toMatchObject({ status: 'pending', paidWith: null });
    server.api.calls.length = 0;
    expect(await post({ provider: 'portone', orderId: 'order-tamper-1' })).toMatchObject({ status: 409, body: { error: { code: 'PAYMENT_REFUNDED' } } });
    expect(calls()).toEqual(['GET /payments/order-tamper-1 200']);
    expect(refused).toHaveLength(1);
  });

  it('6. iamport (V1) captured another amount: refunded at the vendor and reported', async () => {
    const { post, order, row, refused } = await shop();
    await order('order-tamper-2', 'iamport', 50000);
    const { impUid } = server.api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-tamper-2', amount: 100 }) as { impUid: string };
    expect(await post({ provider: 'iamport', orderId: 'order-tamper-2', impUid })).toMatchObject({ status: 409, body: { error: { code: 'PAYMENT_REFUNDED' } } });
    expect(calls()).toEqual(['POST /users/getToken 200', `GET /payments/${impUid} 200`, 'POST /payments/cancel 200']);
    expect(refused).toEqual([expect.objectContaining({ provider: 'iamport', capturedAmount: 100, orderAmount: 50000, refund: expect.objectContaining({ status: 'cancelled' }) })]);
    expect(await row('order-tamper-2')).toMatchObject({ status: 'pending', paidWith: null });
  });

  it('7. the order is re-priced behind the freeze while Toss confirms: nothing is recorded as paid for another amount, the capture is refunded', async () => {
    const { file, store, vendors, order, row } = await shop();
    await order('order-race-1', 'toss', 32000);
    const paymentKey = tossKey('order-race-1', 32000);
    const writer = new Database(file);
    const racing: OrderStore = {
      ...store,
      complete: async (lease, outcome) => {
        // A second writer (an admin tool, a bug) changes the amount between the vendor call and the write.
        writer.prepare('UPDATE kcheckout_orders SET amount = 35000 WHERE order_id = ?').run('order-race-1');
        return store.complete(lease, outcome);
      },
    };
    const refused: CaptureRefusedEvent[] = [];
    const handler = createConfirmHandler({ store: racing, ...vendors, onCaptureRefused: (event) => void refused.push(event) });
    const response = await handler(confirmRequest({ provider: 'toss', orderId: 'order-race-1', paymentKey }));
    writer.close();
    expect([response.status, (await response.json()).error.code]).toEqual([409, 'PAYMENT_REFUNDED']);
    expect(calls()).toEqual(['POST /v1/payments/confirm 200', `POST /v1/payments/${paymentKey}/cancel 200`]);
    expect(refused).toEqual([expect.objectContaining({ reason: 'order-changed', capturedAmount: 32000, orderAmount: 35000 })]);
    expect(await row('order-race-1')).toEqual({ status: 'pending', amount: 35000, paidWith: null, paidAmount: null });
  });

  it('8. a bogus paymentKey in flight does not decide for the buyer’s real one: the real one is told to retry, then confirmed', async () => {
    const { post, order, row } = await shop();
    await order('order-bogus-1', 'toss', 15000);
    const paymentKey = tossKey('order-bogus-1', 15000);
    server.api.injectFault({ kind: 'hang', provider: 'toss', hangMs: 300 });
    const bogus = post({ provider: 'toss', orderId: 'order-bogus-1', paymentKey: 'tsbx_bogus_key' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const real = await post({ provider: 'toss', orderId: 'order-bogus-1', paymentKey });
    expect(real).toMatchObject({ status: 409, retryAfter: expect.any(String), body: { error: { code: 'CONFIRM_IN_PROGRESS', retryable: true } } });
    expect(await bogus).toMatchObject({ status: 503 });
    expect(await post({ provider: 'toss', orderId: 'order-bogus-1', paymentKey })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await row('order-bogus-1')).toMatchObject({ status: 'paid', paidWith: paymentKey });
  });

  it('9. a process that crashed holding the lease blocks no one past the lease', async () => {
    let time = 1_000_000;
    const { store, post, order, row } = await shop({ now: () => time });
    await order('order-crash-1', 'toss', 15000);
    const paymentKey = tossKey('order-crash-1', 15000);
    await store.claim('order-crash-1', { vendorPaymentId: paymentKey, leaseMs: 30_000 });
    expect(await post({ provider: 'toss', orderId: 'order-crash-1', paymentKey })).toMatchObject({ status: 409, retryAfter: '30', body: { error: { code: 'CONFIRM_IN_PROGRESS' } } });
    expect(calls()).toEqual([]);
    time += 30_001;
    expect(await post({ provider: 'toss', orderId: 'order-crash-1', paymentKey })).toMatchObject({ status: 200 });
    expect(await row('order-crash-1')).toMatchObject({ status: 'paid' });
  });

  it('10. a webhook whose processing failed is processed on redelivery, not refused as a replay', async () => {
    const { store, webhooks, order, row } = await shop();
    await order('order-hook-1', 'portone', 3000);
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'order-hook-1', amount: 3000 });
    const { get, findByPaymentId } = store;
    store.get = store.findByPaymentId = async () => {
      throw new Error('database restarting');
    };
    const event = { type: 'Transaction.Paid', data: { storeId: 'store-x', paymentId: 'order-hook-1', transactionId: 'tx-1' } };
    // The same delivery (one webhook-id) each time, as the vendor retries it; signed by the sandbox.
    const deliver = async () => {
      const signed = await server.api.sendWebhook(event, { url: `${server.url}/__nowhere`, id: 'msg_hook_1' });
      return (await webhooks(new Request('http://shop.test/api/webhooks', { method: 'POST', headers: signed.headers, body: signed.body }))).status;
    };
    expect(await deliver()).toBe(503);
    Object.assign(store, { get, findByPaymentId });
    expect(await row('order-hook-1')).toMatchObject({ status: 'pending' });
    expect(await deliver()).toBe(200);
    expect(await row('order-hook-1')).toMatchObject({ status: 'paid', paidWith: 'order-hook-1' });
    expect(await deliver()).toBe(200);
    expect(calls().filter((call) => call.startsWith('GET /payments/'))).toHaveLength(1);
  });

  it('11. a PortOne virtual account: issued (202), the deposit webhook delivered twice moves it to paid once', async () => {
    const { webhooks, post, order, row } = await shop();
    await order('order-vbank-1', 'portone', 27000);
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'order-vbank-1', amount: 27000, method: 'VIRTUAL_ACCOUNT' });
    expect(await post({ provider: 'portone', orderId: 'order-vbank-1' })).toMatchObject({ status: 202, body: { status: 'awaiting-deposit' } });
    expect(await row('order-vbank-1')).toMatchObject({ status: 'awaiting-deposit', paidWith: 'order-vbank-1', paidAmount: null });
    await server.api.deposit({ paymentId: 'order-vbank-1' });
    const event = { type: 'Transaction.Paid', data: { paymentId: 'order-vbank-1', storeId: 'x', transactionId: 'y' } };
    const statuses = [];
    for (const id of ['msg_vbank_1', 'msg_vbank_2']) {
      const signed = await server.api.sendWebhook(event, { url: `${server.url}/__nowhere`, id });
      statuses.push((await webhooks(new Request('http://shop.test/api/webhooks', { method: 'POST', headers: signed.headers, body: signed.body }))).status);
    }
    expect(statuses).toEqual([200, 200]);
    expect(await row('order-vbank-1')).toMatchObject({ status: 'paid', paidWith: 'order-vbank-1', paidAmount: 27000 });
  });

  it('12. a Toss virtual account: the deposit callback moves it to paid once; a forged secret is refused', async () => {
    const { webhooks, post, order, row } = await shop();
    await order('order-vbank-2', 'toss', 27000);
    const paymentKey = tossKey('order-vbank-2', 27000, 'VIRTUAL_ACCOUNT');
    expect(await post({ provider: 'toss', orderId: 'order-vbank-2', paymentKey })).toMatchObject({ status: 202 });
    const callback = (body: unknown) => webhooks(new Request('http://shop.test/api/webhooks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    const { payment } = await server.api.deposit({ paymentKey });
    const forged = await callback({ createdAt: new Date().toISOString(), secret: 'forged', status: 'DONE', transactionKey: 'tx', orderId: 'order-vbank-2' });
    expect(forged.status).toBe(401);
    expect(await row('order-vbank-2')).toMatchObject({ status: 'awaiting-deposit' });
    const real = { createdAt: new Date().toISOString(), secret: payment.secret, status: 'DONE', transactionKey: 'tx', orderId: 'order-vbank-2' };
    expect([(await callback(real)).status, (await callback(real)).status]).toEqual([200, 200]);
    expect(await row('order-vbank-2')).toMatchObject({ status: 'paid', paidWith: paymentKey, paidAmount: 27000 });
  });

  it('13. a 10 MB confirm body is refused with 413 without a vendor call', async () => {
    const { handler } = await shop();
    const response = await handler(confirmRequest(`{"provider":"toss","pad":"${'x'.repeat(10 * 1024 * 1024)}"}`));
    expect([response.status, (await response.json()).error.code]).toEqual([413, 'BODY_TOO_LARGE']);
    expect(calls()).toEqual([]);
  });

  it('14. a second payment for an order already paid (two tabs, iamport) is refunded, not kept', async () => {
    const { post, order, row, refused } = await shop();
    await order('order-second-1', 'iamport', 3000);
    const first = (server.api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-second-1', amount: 3000 }) as { impUid: string }).impUid;
    const second = (server.api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-second-1', amount: 3000 }) as { impUid: string }).impUid;
    expect(await post({ provider: 'iamport', orderId: 'order-second-1', impUid: first })).toMatchObject({ status: 200 });
    server.api.calls.length = 0;
    expect(await post({ provider: 'iamport', orderId: 'order-second-1', impUid: second })).toMatchObject({ status: 409, body: { error: { code: 'PAYMENT_REFUNDED' } } });
    expect(calls()).toEqual([`GET /payments/${second} 200`, 'POST /payments/cancel 200']);
    expect(refused).toEqual([expect.objectContaining({ reason: 'order-already-paid', vendorPaymentId: second, capturedAmount: 3000 })]);
    expect(await row('order-second-1')).toMatchObject({ status: 'paid', paidWith: first });
  });

  it('15. the sweep completes the buyer who paid and closed the tab and confirms an authorised Toss payment, once across two sweeps; the rest expire only after an hour', async () => {
    let time = 5_000_000;
    const { store, vendors, order, row } = await shop({ now: () => time });
    await order('order-sweep-1', 'portone', 3000);
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'order-sweep-1', amount: 3000 });
    await order('order-sweep-2', 'toss', 4000);
    const paymentKey = tossKey('order-sweep-2', 4000);
    await order('order-sweep-3', 'iamport', 5000);
    await order('order-sweep-4', 'portone', 6000);
    // Six minutes on: inside Toss's 10 minutes (of the sandbox's own clock), and a buyer may still be
    // in a window, so what was paid is completed and nothing expires yet.
    time += 6 * 60_000;
    const [a, b] = await Promise.all([reconcilePendingOrders(store, vendors, { now: () => time }), reconcilePendingOrders(store, vendors, { now: () => time })]);
    expect([...a.paid, ...b.paid].sort()).toEqual(['order-sweep-1', 'order-sweep-2']);
    expect([...a.expired, ...b.expired]).toEqual([]);
    expect(await row('order-sweep-3')).toMatchObject({ status: 'pending' });
    expect(calls().filter((call) => call.includes('/confirm'))).toEqual(['POST /v1/payments/confirm 200']);
    time += 60 * 60_000;
    const later = await reconcilePendingOrders(store, vendors, { now: () => time });
    expect(later.expired.sort()).toEqual(['order-sweep-3', 'order-sweep-4']);
    expect(await row('order-sweep-1')).toMatchObject({ status: 'paid', paidWith: 'order-sweep-1' });
    expect(await row('order-sweep-2')).toMatchObject({ status: 'paid', paidWith: paymentKey });
    expect(await row('order-sweep-3')).toMatchObject({ status: 'expired' });
    expect(await row('order-sweep-4')).toMatchObject({ status: 'expired' });
  });

  it('16. a non-finite webhook tolerance is refused when the route is built, not silently switched off', async () => {
    const { store, vendors } = await shop();
    for (const toleranceSeconds of [Number.NaN, Number.POSITIVE_INFINITY, -1]) {
      expect(() => createWebhookHandler({ store, ...vendors, portoneWebhookSecret: sandboxSecrets.portone.webhookSecret, toleranceSeconds }), String(toleranceSeconds)).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION' }),
      );
    }
  });

  it('17. a 16 KB webhook-signature header of candidates is refused (401) without touching the order', async () => {
    const { webhooks, order, row } = await shop();
    await order('order-hmac-1', 'portone', 3000);
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'order-hmac-1', amount: 3000 });
    server.api.calls.length = 0;
    const signed = await server.api.sendWebhook({ type: 'Transaction.Paid', data: { paymentId: 'order-hmac-1' } }, { url: `${server.url}/__nowhere` });
    const bogus = Array.from({ length: 16 * 1024 / 48 }, () => `v1,${btoa('x'.repeat(32))}`).join(' ');
    const response = await webhooks(new Request('http://shop.test/api/webhooks', { method: 'POST', headers: { ...signed.headers, 'webhook-signature': `${bogus} ${signed.headers['webhook-signature']}` }, body: signed.body }));
    expect(bogus.length).toBeGreaterThan(16_000);
    expect([response.status, (await response.json()).code]).toEqual([401, 'INVALID_SIGNATURE']);
    expect(calls()).toEqual([]);
    expect(await row('order-hmac-1')).toMatchObject({ status: 'pending' });
  });

  it('18. an empty or malformed Host answers 400, not a retryable 500', async () => {
    const { handler } = await shop();
    const http = createServer(toNodeHandler(handler));
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    const { port } = http.address() as AddressInfo;
    const raw = (host: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(`POST /api/confirm HTTP/1.1\r\nHost: ${host}\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`));
        let text = '';
        socket.on('data', (chunk) => (text += chunk));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
    try {
      for (const host of ['', 'exa mple']) expect((await raw(host)).split('\r\n')[0], JSON.stringify(host)).toBe('HTTP/1.1 400 Bad Request');
    } finally {
      await new Promise<void>((done) => http.close(() => done()));
    }
    expect(calls()).toEqual([]);
  });

  it('19. confirmTossPayment refuses NaN, -1, 1.5, "15000", 1e21 and 2^53 before sending anything', async () => {
    await shop();
    for (const amount of [Number.NaN, -1, 1.5, '15000', 1e21, 2 ** 53]) {
      await expect(
        confirmTossPayment({ secretKey: sandboxSecrets.toss.widgetSecretKey, baseUrl: server.url, paymentKey: 'tsbx_any', orderId: 'order-amount-1', amount: amount as number }),
        String(amount),
      ).rejects.toMatchObject({ code: 'INVALID_AMOUNT' });
    }
    expect(calls()).toEqual([]);
    for (const amount of [2 ** 53, 1e21]) expect(() => validateAmount(amount, 'KRW'), String(amount)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  it('20. a Toss secret key is refused as a PortOne storeId or channelKey', () => {
    const secret = sandboxSecrets.toss.apiSecretKey;
    expect(() => validatePortOneV2Options({ storeId: secret, channelKey: 'channel-key-x' })).toThrow(expect.objectContaining({ code: 'SECRET_KEY_IN_BROWSER' }));
    expect(() => validatePortOneV2Options({ storeId: 'store-00000000-0000-0000-0000-000000000000', channelKey: secret })).toThrow(expect.objectContaining({ code: 'SECRET_KEY_IN_BROWSER' }));
  });

  it('21. the REST stand-ins answer a malformed %-encoded path with a 4xx JSON error', async () => {
    await shop();
    for (const path of ['/v1/payments/%E0%A4%A', '/payments/%ZZ', '/payments/imp_%E0%A4%A']) {
      const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Basic ${btoa(`${sandboxSecrets.toss.widgetSecretKey}:`)}` } });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      expect(response.headers.get('content-type'), path).toContain('application/json');
    }
  });

  it('22. the example shop with live PortOne and iamport keys takes live money only, unless the mode says test', () => {
    const live = {
      PORTONE_STORE_ID: 'store-00000000-0000-0000-0000-000000000000',
      PORTONE_CHANNEL_KEY: 'channel-key-00000000-0000-0000-0000-000000000000',
      PORTONE_API_SECRET: 'a-live-api-secret',
      IAMPORT_IMP_CODE: 'imp12345678',
      IAMPORT_CHANNEL_KEY: 'channel-key-00000000-0000-0000-0000-000000000001',
      IAMPORT_API_KEY: 'key',
      IAMPORT_API_SECRET: 'secret',
    };
    const setup = readSetup(live);
    expect([setup.portone.server.mode, setup.iamport.server.mode]).toEqual(['live', 'live']);
    const test = readSetup({ ...live, PORTONE_MODE: 'test', IAMPORT_MODE: 'test' });
    expect([test.portone.server.mode, test.iamport.server.mode]).toEqual(['test', 'test']);
  });
  it('23. a PortOne payment refunded in the console: partial then full, heard through the webhooks once each; a replay and a late partial change nothing', async () => {
    const { store, webhooks, vendors, post, order, refunds } = await shop();
    const row = (orderId: string) => store.get(orderId);
    await order('order-refund-1', 'portone', 10000);
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'order-refund-1', amount: 10000 });
    expect(await post({ provider: 'portone', orderId: 'order-refund-1' })).toMatchObject({ status: 200 });
    const deliver = async (type: string, id: string) => {
      const signed = await server.api.sendWebhook({ type, data: { storeId: 'x', paymentId: 'order-refund-1', transactionId: 'tx', cancellationId: id } }, { url: `${server.url}/__nowhere`, id });
      const response = await webhooks(new Request('http://shop.test/api/webhooks', { method: 'POST', headers: signed.headers, body: signed.body }));
      return [response.status, (await response.json()).outcome];
    };
    // The merchant refunds 3,000 in PortOne's console (here: the REST stand-in), then the rest.
    expect(await cancelPortOnePayment({ ...vendors.portone!, paymentId: 'order-refund-1', reason: '부분 환불', amount: 3000 })).toMatchObject({ status: 'cancelled' });
    expect(await deliver('Transaction.PartialCancelled', 'msg_refund_1')).toEqual([200, 'partially-refunded']);
    expect(await row('order-refund-1')).toMatchObject({ status: 'paid', refundedAmount: 3000 });
    expect(await cancelPortOnePayment({ ...vendors.portone!, paymentId: 'order-refund-1', reason: '전액 환불' })).toMatchObject({ status: 'cancelled' });
    expect(await deliver('Transaction.Cancelled', 'msg_refund_2')).toEqual([200, 'refunded']);
    // The first notification redelivered under a new id after the second: the vendor's state is already counted.
    expect(await deliver('Transaction.PartialCancelled', 'msg_refund_3')).toEqual([200, 'unchanged']);
    expect(await row('order-refund-1')).toMatchObject({ status: 'refunded', refundedAmount: 10000, paidWith: 'order-refund-1' });
    expect(refunds.map(({ orderId, refundedAmount, full }) => [orderId, refundedAmount, full])).toEqual([['order-refund-1', 3000, false], ['order-refund-1', 10000, true]]);
    // The buyer reloads the result page: told the order was refunded, not paid.
    expect(await post({ provider: 'portone', orderId: 'order-refund-1' })).toMatchObject({ status: 409, body: { error: { code: 'ORDER_REFUNDED', retryable: false } } });
  });

  it('24. a Toss payment refunded: PAYMENT_STATUS_CHANGED is checked with Toss, so a forged CANCELED changes nothing and the real one refunds the order', async () => {
    const { store, webhooks, vendors, post, order, refunds } = await shop();
    const row = (orderId: string) => store.get(orderId);
    await order('order-refund-2', 'toss', 8000);
    const paymentKey = tossKey('order-refund-2', 8000);
    expect(await post({ provider: 'toss', orderId: 'order-refund-2', paymentKey })).toMatchObject({ status: 200 });
    const notify = async (status: string, key = paymentKey) => {
      const body = { eventType: 'PAYMENT_STATUS_CHANGED', createdAt: new Date().toISOString(), data: { paymentKey: key, orderId: 'order-refund-2', status } };
      const response = await webhooks(new Request('http://shop.test/api/webhooks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
      return [response.status, (await response.json()).outcome];
    };
    // Unsigned, so anyone can post it: Toss still says DONE.
    expect(await notify('CANCELED')).toEqual([200, 'unchanged']);
    expect(await notify('CANCELED', 'forged-key')).toEqual([200, undefined]);
    expect(await row('order-refund-2')).toMatchObject({ status: 'paid', refundedAmount: null });
    expect(await cancelTossPayment({ ...vendors.toss!, paymentKey, cancelReason: '단순 변심' })).toMatchObject({ status: 'cancelled' });
    expect(await notify('CANCELED')).toEqual([200, 'refunded']);
    expect(await notify('CANCELED')).toEqual([200, 'unchanged']);
    expect(await row('order-refund-2')).toMatchObject({ status: 'refunded', refundedAmount: 8000 });
    expect(refunds).toEqual([expect.objectContaining({ provider: 'toss', orderId: 'order-refund-2', vendorPaymentId: paymentKey, refundedAmount: 8000, full: true })]);
  });

  it('25. a refund notification while Toss cannot be reached answers 503 (redeliver) and writes nothing; the redelivery records it', async () => {
    const { store, webhooks, vendors, post, order } = await shop();
    const row = (orderId: string) => store.get(orderId);
    await order('order-refund-3', 'toss', 5000);
    const paymentKey = tossKey('order-refund-3', 5000);
    await post({ provider: 'toss', orderId: 'order-refund-3', paymentKey });
    await cancelTossPayment({ ...vendors.toss!, paymentKey, cancelReason: '품절' });
    const request = () =>
      new Request('http://shop.test/api/webhooks', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ eventType: 'PAYMENT_STATUS_CHANGED', createdAt: new Date().toISOString(), data: { paymentKey, orderId: 'order-refund-3', status: 'CANCELED' } }),
      });
    // The same store, with Toss's API on a port nobody listens on.
    const offline = createWebhookHandler({ store, toss: { ...vendors.toss!, baseUrl: 'http://127.0.0.1:9' }, timeoutMs: 2000 });
    const first = await offline(request());
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '60']);
    expect(await row('order-refund-3')).toMatchObject({ status: 'paid', refundedAmount: null });
    expect((await webhooks(request())).status).toBe(200);
    expect(await row('order-refund-3')).toMatchObject({ status: 'refunded', refundedAmount: 5000 });
  });
  it('26. a PortOne order opened with its own paymentId is completed by its webhook, found by that id', async () => {
    const { store, webhooks, row } = await shop();
    await store.create({ orderId: 'order-named-1', provider: 'portone', amount: 4000, paymentId: 'pay-named-1' });
    await store.open('order-named-1', { amount: 4000 });
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-named-1', amount: 4000 });
    const signed = await server.api.sendWebhook({ type: 'Transaction.Paid', data: { storeId: 'x', paymentId: 'pay-named-1', transactionId: 'tx' } }, { url: `${server.url}/__nowhere` });
    const response = await webhooks(new Request('http://shop.test/api/webhooks', { method: 'POST', headers: signed.headers, body: signed.body }));
    expect([response.status, (await response.json()).outcome]).toEqual([200, 'paid']);
    expect(await row('order-named-1')).toMatchObject({ status: 'paid', paidWith: 'pay-named-1', paidAmount: 4000 });
  });
  it('27. iamport (V1) notifications: a paid one completes the buyer who never came back (JSON), a forged "paid" for an unpaid payment changes nothing', async () => {
    const { store, webhooks, order, row } = await shop();
    await order('order-v1-hook-1', 'iamport', 6000);
    const impUid = (server.api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-v1-hook-1', amount: 6000 }) as { impUid: string }).impUid;
    const failed = (server.api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-v1-hook-1', amount: 6000, status: 'declined' }) as { impUid: string }).impUid;
    const notify = async (body: Record<string, string>, form = false) => {
      const response = await webhooks(
        new Request('http://shop.test/api/webhooks', {
          method: 'POST',
          headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
          body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
        }),
      );
      return [response.status, (await response.json()).outcome];
    };
    // Unsigned: the forged "paid" names a payment PortOne says failed.
    expect(await notify({ imp_uid: failed, merchant_uid: 'order-v1-hook-1', status: 'paid' })).toEqual([200, 'PAYMENT_NOT_PAID']);
    expect((await store.get('order-v1-hook-1'))?.status).toBe('pending');
    expect(await notify({ imp_uid: impUid, merchant_uid: 'order-v1-hook-1', status: 'paid' }, true)).toEqual([200, 'paid']);
    expect(await row('order-v1-hook-1')).toMatchObject({ status: 'paid', paidWith: impUid, paidAmount: 6000 });
  });

  it('28. iamport (V1) refunds: a partial one (status stays paid) and the rest (cancelled) are read from cancel_amount, once each', async () => {
    const { store, webhooks, vendors, post, order, refunds } = await shop();
    await order('order-v1-refund-1', 'iamport', 9000);
    const impUid = (server.api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-v1-refund-1', amount: 9000 }) as { impUid: string }).impUid;
    expect(await post({ provider: 'iamport', orderId: 'order-v1-refund-1', impUid })).toMatchObject({ status: 200 });
    const notify = async (status: string) => {
      const response = await webhooks(new Request('http://shop.test/api/webhooks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ imp_uid: impUid, merchant_uid: 'order-v1-refund-1', status }) }));
      return [response.status, (await response.json()).outcome];
    };
    expect(await cancelIamportPayment({ ...vendors.iamport!, impUid, reason: '부분 환불', amount: 2000, checksum: 9000 })).toMatchObject({ status: 'cancelled' });
    expect(await notify('paid')).toEqual([200, 'partially-refunded']);
    expect(await notify('paid')).toEqual([200, 'unchanged']);
    expect(await cancelIamportPayment({ ...vendors.iamport!, impUid, reason: '전액 환불' })).toMatchObject({ status: 'cancelled' });
    expect(await notify('cancelled')).toEqual([200, 'refunded']);
    expect(await store.get('order-v1-refund-1')).toMatchObject({ status: 'refunded', refundedAmount: 9000 });
    expect(refunds.map(({ refundedAmount, full }) => [refundedAmount, full])).toEqual([[2000, false], [9000, true]]);
  });
});
