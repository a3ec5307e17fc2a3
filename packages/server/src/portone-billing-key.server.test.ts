import { sandboxSecrets } from '@kcheckout/sandbox';
import { startSandboxServer, type SandboxServer } from '@kcheckout/sandbox/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConfirmHandler } from './handler.js';
import { payWithPortOneBillingKey, type PayWithPortOneBillingKeyOptions } from './portone-billing-key.js';
import type { OrderStore } from './store/order-store.js';
import { confirmRequest, row, seededStore } from './test-utils/orders.js';

// A subscription's monthly charge: the server charges a billing key the browser issued, once per
// paymentId, through the order store, against the sandbox's REST stand-in (every call counted).
let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer();
});
afterAll(() => server.close());
beforeEach(() => server.api.reset());

const KEY = 'billing-key-sub-0001';
const issueKey = (billingKey = KEY, status: 'approved' | 'declined' = 'approved') =>
  server.api.recordPayment({ sdk: 'portone-v2', transactionType: 'ISSUE_BILLING_KEY', paymentId: undefined as unknown as string, billingKey, amount: 0, status });

const calls = () => server.api.calls.map((call) => `${call.method} ${call.path} ${call.status}`);

function pay(store: OrderStore, overrides: Partial<PayWithPortOneBillingKeyOptions> = {}) {
  return payWithPortOneBillingKey({
    apiSecret: sandboxSecrets.portone.apiSecret,
    baseUrl: server.url,
    mode: 'test',
    store,
    billingKey: KEY,
    paymentId: 'sub-2026-12-0001',
    orderName: '월간 구독 12월',
    amount: 9900,
    ...overrides,
  });
}

const order = (orderId = 'sub-2026-12-0001', amount = 9900) => ({ orderId, amount, provider: 'portone' as const, open: false });

describe('given a stored billing key and a pending order, payWithPortOneBillingKey', () => {
  it('charges it once (one POST /billing-key) and marks the order paid with the paymentId', async () => {
    issueKey();
    const store = await seededStore([order()]);
    const result = await pay(store, { customer: { id: 'customer-1', name: '김구독' } });
    expect(result).toMatchObject({ status: 'paid', alreadyPaid: false, order: { status: 'paid', paidWith: 'sub-2026-12-0001', paidAmount: 9900 } });
    expect(calls()).toEqual(['POST /payments/sub-2026-12-0001/billing-key 200']);
    expect(await row(store, 'sub-2026-12-0001')).toEqual({ status: 'paid', amount: 9900, paidWith: 'sub-2026-12-0001', paidAmount: 9900 });
  });

  it('answers a repeat of a paid charge paid (alreadyPaid) without calling PortOne again', async () => {
    issueKey();
    const store = await seededStore([order()]);
    await pay(store);
    const again = await pay(store);
    expect(again).toMatchObject({ status: 'paid', alreadyPaid: true });
    expect(calls()).toEqual(['POST /payments/sub-2026-12-0001/billing-key 200']);
  });

  it('charges once when two calls race for the same order: the other is busy or paid, never a second charge', async () => {
    issueKey();
    const store = await seededStore([order()]);
    const results = await Promise.all([pay(store), pay(store)]);
    expect(results.map((result) => result.status).sort()).toEqual(expect.arrayContaining(['paid']));
    expect(results.every((result) => result.status === 'paid' || result.status === 'busy')).toBe(true);
    expect(calls().filter((call) => call.startsWith('POST'))).toEqual(['POST /payments/sub-2026-12-0001/billing-key 200']);
  });

  it('after a charge whose answer was lost, meets ALREADY_PAID, looks the payment up and writes it (no second charge)', async () => {
    issueKey();
    const store = await seededStore([order()]);
    // An earlier attempt charged, then its process died before the write.
    const lost = await server.api.fetch(`${server.url}/payments/sub-2026-12-0001/billing-key`, {
      method: 'POST',
      headers: { authorization: `PortOne ${sandboxSecrets.portone.apiSecret}` },
      body: JSON.stringify({ billingKey: KEY, orderName: '월간 구독 12월', amount: { total: 9900 }, currency: 'KRW' }),
    });
    expect(lost.status).toBe(200);
    server.api.calls.length = 0;
    const result = await pay(store);
    expect(result).toMatchObject({ status: 'paid', order: { paidWith: 'sub-2026-12-0001' } });
    expect(calls()).toEqual(['POST /payments/sub-2026-12-0001/billing-key 409', 'GET /payments/sub-2026-12-0001 200']);
  });

  it("answers a PG decline declined with the PG's code, leaves the order pending, and lets a later charge through", async () => {
    issueKey('billing-key-declines', 'declined');
    issueKey();
    const store = await seededStore([order()]);
    const declined = await pay(store, { billingKey: 'billing-key-declines' });
    expect(declined).toEqual({ status: 'declined', code: 'PG_PROVIDER', message: expect.stringContaining('SANDBOX_DECLINED'), pgCode: 'SANDBOX_DECLINED', pgMessage: expect.any(String) });
    expect((await row(store, 'sub-2026-12-0001'))?.status).toBe('pending');
    // The lease was released: the next try (another card) need not wait for it to expire.
    expect(await pay(store)).toMatchObject({ status: 'paid' });
  });

  it('answers an unknown billing key declined BILLING_KEY_NOT_FOUND', async () => {
    const store = await seededStore([order()]);
    expect(await pay(store, { billingKey: 'billing-key-never-issued' })).toMatchObject({ status: 'declined', code: 'BILLING_KEY_NOT_FOUND' });
  });

  it('refuses, without calling PortOne, an amount or currency other than the order\'s, an unknown order and another provider\'s order', async () => {
    issueKey();
    const store = await seededStore([order(), { orderId: 'toss-order-01', amount: 9900, provider: 'toss' }]);
    expect(await pay(store, { amount: 100 })).toMatchObject({ status: 'refused', code: 'AMOUNT_MISMATCH' });
    expect(await pay(store, { currency: 'USD' })).toMatchObject({ status: 'refused', code: 'CURRENCY_MISMATCH' });
    expect(await pay(store, { paymentId: 'sub-unknown-0001' })).toMatchObject({ status: 'refused', code: 'ORDER_NOT_FOUND' });
    expect(await pay(store, { paymentId: 'toss-order-01' })).toMatchObject({ status: 'refused', code: 'PROVIDER_MISMATCH' });
    expect(calls()).toEqual([]);
    expect((await row(store, 'sub-2026-12-0001'))?.status).toBe('pending');
  });

  it('refuses an order paid with another payment, without calling PortOne', async () => {
    issueKey();
    const store = await seededStore([{ ...order(), open: true, paidWith: 'other-payment-01' }]);
    expect(await pay(store)).toMatchObject({ status: 'refused', code: 'ORDER_ALREADY_PAID' });
    expect(calls()).toEqual([]);
  });

  it('reports a PortOne server error as a retryable vendor-error, and the retry charges once', async () => {
    issueKey();
    const store = await seededStore([order()]);
    server.api.injectFault({ kind: 'server-error', provider: 'portone' });
    expect(await pay(store)).toMatchObject({ status: 'vendor-error', code: 'INTERNAL_SERVER_ERROR', retryable: true });
    expect(await pay(store)).toMatchObject({ status: 'paid', alreadyPaid: false });
    expect(calls()).toEqual(['POST /payments/sub-2026-12-0001/billing-key 500', 'POST /payments/sub-2026-12-0001/billing-key 200']);
  });

  it('refunds money PortOne took when the store refuses the write (the order changed meanwhile), as the confirm path does', async () => {
    issueKey();
    const real = await seededStore([order()]);
    // The lease was lost while PortOne charged: the conditional write finds the order changed.
    const store: OrderStore = Object.assign(Object.create(real) as OrderStore, { complete: async () => null });
    const events: unknown[] = [];
    const result = await pay(store, { onCaptureRefused: (event) => void events.push(event) });
    expect(result).toMatchObject({ status: 'reconciled', code: 'PAYMENT_REFUNDED', retryable: false, event: { reason: 'order-changed', vendorPaymentId: 'sub-2026-12-0001', refund: { status: 'cancelled' } } });
    expect(events).toHaveLength(1);
    expect(calls()).toEqual(['POST /payments/sub-2026-12-0001/billing-key 200', 'POST /payments/sub-2026-12-0001/cancel 200', 'GET /payments/sub-2026-12-0001 200']);
    expect((await row(real, 'sub-2026-12-0001'))?.status).toBe('pending');
  });

  it('throws a coded error for a missing billing key, order name or API secret, or a bad amount, before any call, and holds nothing', async () => {
    const store = await seededStore([order()]);
    await expect(pay(store, { billingKey: '' })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    await expect(pay(store, { orderName: '' })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    await expect(pay(store, { amount: 99.5 })).rejects.toMatchObject({ code: 'INVALID_AMOUNT' });
    await expect(pay(store, { apiSecret: '' })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    // Nothing held the order: a good call right after charges at once.
    issueKey();
    expect(await pay(store)).toMatchObject({ status: 'paid' });
    expect(calls()).toEqual(['POST /payments/sub-2026-12-0001/billing-key 200']);
  });
});

describe('given a subscription started with requestIssueBillingKeyAndPay', () => {
  it('confirms the first charge like any PortOne payment, then charges the issued key for the next month', async () => {
    // What the browser stand-in records through apiBase when the buyer approves the window.
    const first = server.api.recordPayment({ sdk: 'portone-v2', transactionType: 'ISSUE_BILLING_KEY_AND_PAY', paymentId: 'sub-first-0001', billingKey: 'billing-key-first-0001', amount: 9900, method: 'MOBILE' });
    const store = await seededStore([{ orderId: 'sub-first-0001', amount: 9900, provider: 'portone' }, order('sub-2027-01-0001')]);
    const confirm = createConfirmHandler({ store, portone: { apiSecret: sandboxSecrets.portone.apiSecret, baseUrl: server.url, mode: 'test' } });
    const confirmed = await confirm(confirmRequest({ provider: 'portone', orderId: 'sub-first-0001' }));
    expect([confirmed.status, (await confirmed.json()).status]).toEqual([200, 'paid']);
    const next = await pay(store, { billingKey: (first as { billingKey: string }).billingKey, paymentId: 'sub-2027-01-0001', orderName: '월간 구독 1월' });
    expect(next).toMatchObject({ status: 'paid', order: { orderId: 'sub-2027-01-0001', paidWith: 'sub-2027-01-0001' } });
    expect(calls()).toEqual(['GET /payments/sub-first-0001 200', 'POST /payments/sub-2027-01-0001/billing-key 200']);
  });
});
