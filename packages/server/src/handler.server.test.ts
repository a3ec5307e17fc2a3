import { createSandboxApi, sandboxSecrets } from '@kcheckout/sandbox';
import { startSandboxServer, type SandboxServer } from '@kcheckout/sandbox/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfirmHandler } from './handler.js';
import { createIamportTokenCache } from './iamport.js';
import type { OrderStore } from './store/order-store.js';
import { confirmRequest, row, seededStore, type OrderSeed } from './test-utils/orders.js';

const baseUrl = 'http://sandbox.test';

/** A shop with its orders, the sandbox in-process, and a handler wired to both. */
async function shop(orders: OrderSeed[], options: { timeoutMs?: number; secretKey?: string; store?: OrderStore } = {}) {
  const api = createSandboxApi();
  const store = options.store ?? (await seededStore(orders));
  const errors: unknown[] = [];
  const handler = createConfirmHandler({
    store,
    toss: { secretKey: options.secretKey ?? sandboxSecrets.toss.widgetSecretKey, baseUrl, fetch: api.fetch },
    iamport: { ...sandboxSecrets.iamport, baseUrl, fetch: api.fetch, mode: 'test', tokenCache: createIamportTokenCache() },
    onError: (error) => errors.push(error),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const post = async (body: unknown) => {
    const response = await handler(confirmRequest(body));
    return { status: response.status, body: await response.json(), headers: response.headers };
  };
  return { api, store, handler, post, errors, vendorCalls: () => api.calls.length, row: (orderId = 'order-0001') => row(store, orderId) };
}

const tossOrder = (amount = 50000): OrderSeed => ({ orderId: 'order-0001', amount, provider: 'toss' });

function tossPayment(api: ReturnType<typeof createSandboxApi>, amount = 50000, orderId = 'order-0001') {
  return (api.recordPayment({ sdk: 'toss-v2', orderId, amount }) as { paymentKey: string }).paymentKey;
}

describe('given a Toss order and its approved payment', () => {
  it('confirms it for the order’s amount, marks it paid once, and answers a repeat without a vendor call', async () => {
    const { api, post, vendorCalls, row } = await shop([tossOrder()]);
    const paymentKey = tossPayment(api);
    const first = await post({ provider: 'toss', orderId: 'order-0001', paymentKey });
    expect(first).toMatchObject({ status: 200, body: { ok: true, status: 'paid', provider: 'toss', orderId: 'order-0001', amount: 50000, currency: 'KRW', alreadyPaid: false } });
    expect(await row()).toEqual({ status: 'paid', amount: 50000, paidWith: paymentKey, paidAmount: 50000 });
    const repeat = await post({ provider: 'toss', orderId: 'order-0001', paymentKey });
    expect(repeat).toMatchObject({ status: 200, body: { ok: true, alreadyPaid: true } });
    expect(vendorCalls()).toBe(1);
  });

  it('shares one vendor call between concurrent confirms of one order (StrictMode, double click)', async () => {
    const { api, post, vendorCalls, row } = await shop([tossOrder()]);
    const paymentKey = tossPayment(api);
    const answers = await Promise.all([1, 2, 3].map(() => post({ provider: 'toss', orderId: 'order-0001', paymentKey })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(vendorCalls()).toBe(1);
    expect(await row()).toMatchObject({ status: 'paid', paidWith: paymentKey });
  });

  it('refuses a paid order’s confirm with another payment, without a vendor call', async () => {
    const { api, post, vendorCalls } = await shop([{ ...tossOrder(), paidWith: 'tsbx_first' }]);
    const other = tossPayment(api);
    expect(await post({ provider: 'toss', orderId: 'order-0001', paymentKey: other })).toMatchObject({ status: 409, body: { ok: false, error: { code: 'ORDER_ALREADY_PAID' } } });
    expect(vendorCalls()).toBe(0);
  });

  it('refuses a tampered amount from the browser before any vendor call', async () => {
    const { api, post, vendorCalls, row } = await shop([tossOrder()]);
    const paymentKey = tossPayment(api, 100);
    expect(await post({ provider: 'toss', orderId: 'order-0001', paymentKey, amount: 100 })).toMatchObject({ status: 409, body: { error: { code: 'AMOUNT_MISMATCH', retryable: false } } });
    expect(vendorCalls()).toBe(0);
    expect(await row()).toMatchObject({ status: 'pending', paidWith: null });
  });

  it('refuses a window paid for less than the order even when the browser claims nothing, and marks nothing', async () => {
    const { api, post, row } = await shop([tossOrder(50000)]);
    const paymentKey = tossPayment(api, 100);
    const answer = await post({ provider: 'toss', orderId: 'order-0001', paymentKey });
    expect(answer).toMatchObject({ status: 402, body: { error: { code: 'PAYMENT_REJECTED', vendorCode: 'INVALID_REQUEST' } } });
    expect(await row()).toMatchObject({ status: 'pending', paidWith: null });
  });

  it('answers a wrong secret key 500 VENDOR_AUTH_FAILED, and an unknown payment 404', async () => {
    const wrong = await shop([tossOrder()], { secretKey: 'test_gsk_FAKE_wrong' });
    const paymentKey = tossPayment(wrong.api);
    expect(await wrong.post({ provider: 'toss', orderId: 'order-0001', paymentKey })).toMatchObject({ status: 500, body: { error: { code: 'VENDOR_AUTH_FAILED', vendorCode: 'UNAUTHORIZED_KEY', retryable: false } } });
    expect(await wrong.row()).toMatchObject({ status: 'pending' });
    const { post, row } = await shop([tossOrder()]);
    expect(await post({ provider: 'toss', orderId: 'order-0001', paymentKey: 'tsbx_unknown' })).toMatchObject({ status: 404, body: { error: { code: 'PAYMENT_NOT_FOUND', vendorCode: 'NOT_FOUND_PAYMENT' } } });
    expect(await row()).toMatchObject({ status: 'pending' });
  });

  it('answers a vendor 5xx 503, malformed JSON 503 and a timeout 504, all retryable; a retry then confirms', async () => {
    const { api, post, vendorCalls, row } = await shop([tossOrder()], { timeoutMs: 100 });
    const paymentKey = tossPayment(api);
    const body = { provider: 'toss', orderId: 'order-0001', paymentKey };
    api.injectFault({ kind: 'server-error' });
    const fiveHundred = await post(body);
    expect(fiveHundred).toMatchObject({ status: 503, body: { error: { code: 'VENDOR_UNAVAILABLE', retryable: true, vendorCode: 'FAILED_INTERNAL_SYSTEM_PROCESSING' } } });
    expect(fiveHundred.headers.get('retry-after')).toBe('2');
    api.injectFault({ kind: 'malformed-json' });
    expect(await post(body)).toMatchObject({ status: 503, body: { error: { code: 'VENDOR_BAD_RESPONSE', retryable: true } } });
    api.injectFault({ kind: 'hang' });
    expect(await post(body)).toMatchObject({ status: 504, body: { error: { code: 'VENDOR_TIMEOUT', retryable: true } } });
    expect(await row()).toMatchObject({ status: 'pending' });
    expect(await post(body)).toMatchObject({ status: 200, body: { ok: true, alreadyPaid: false } });
    expect(vendorCalls()).toBe(4);
  });

  it('loses no order when the store fails after the vendor confirmed: the retry looks the payment up and marks it', async () => {
    const { api, store, post, errors, row } = await shop([tossOrder()]);
    const paymentKey = tossPayment(api);
    const complete = store.complete;
    store.complete = async () => {
      throw new Error('database is down');
    };
    const failed = await post({ provider: 'toss', orderId: 'order-0001', paymentKey });
    expect([failed.status, failed.body.error]).toEqual([500, expect.objectContaining({ code: 'ORDER_STORE_FAILED', retryable: true })]);
    expect(errors).toEqual([new Error('database is down')]);
    store.complete = complete;
    expect(await post({ provider: 'toss', orderId: 'order-0001', paymentKey })).toMatchObject({ status: 200, body: { ok: true, status: 'paid' } });
    expect(await row()).toMatchObject({ status: 'paid', paidWith: paymentKey });
    expect(api.calls.map((call) => `${call.method} ${call.path.startsWith('/v1/payments/confirm') ? 'confirm' : 'lookup'} ${call.status}`)).toEqual(['POST confirm 200', 'POST confirm 400', 'GET lookup 200']);
  });
});

describe('given bad requests', () => {
  it('answers 405, 400 and 404 with a JSON error naming the problem', async () => {
    const { handler, post } = await shop([tossOrder()]);
    const get = await handler(new Request('http://shop.test/api/confirm'));
    expect([get.status, get.headers.get('allow'), (await get.json()).error.code]).toEqual([405, 'POST', 'METHOD_NOT_ALLOWED']);
    expect(await post('{not json')).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST' } } });
    expect(await post({ provider: 'paypal', orderId: 'order-0001' })).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining("'toss', 'portone' or 'iamport'") } } });
    expect(await post({ provider: 'portone', orderId: 'order-0001' })).toMatchObject({ status: 400, body: { error: { code: 'PROVIDER_NOT_CONFIGURED' } } });
    expect(await post({ provider: 'toss', orderId: 'order-0001' })).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('paymentKey is required') } } });
    expect(await post({ provider: 'toss', orderId: '../etc', paymentKey: 'k' })).toMatchObject({ status: 400 });
    expect(await post({ provider: 'toss', orderId: 'order-none', paymentKey: 'k' })).toMatchObject({ status: 404, body: { error: { code: 'ORDER_NOT_FOUND' } } });
    expect(await post({ provider: 'iamport', orderId: 'order-0001', impUid: 'imp_1' })).toMatchObject({ status: 409, body: { error: { code: 'PROVIDER_MISMATCH' } } });
  });
});

describe('given a PortOne V1 (iamport) order', () => {
  it('verifies and marks it paid; an imp_uid of another merchant_uid is refused', async () => {
    const { api, post, row } = await shop([
      { orderId: 'order-0002', amount: 2000, provider: 'iamport' },
      { orderId: 'order-0003', amount: 2000, provider: 'iamport' },
    ]);
    const { impUid } = api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-0002', amount: 2000 }) as { impUid: string };
    expect(await post({ provider: 'iamport', orderId: 'order-0003', impUid })).toMatchObject({ status: 409, body: { error: { code: 'ORDER_MISMATCH' } } });
    expect(await post({ provider: 'iamport', orderId: 'order-0002', impUid })).toMatchObject({ status: 200, body: { ok: true, status: 'paid' } });
    expect([await row('order-0002'), await row('order-0003')]).toEqual([expect.objectContaining({ status: 'paid', paidWith: impUid }), expect.objectContaining({ status: 'pending' })]);
  });
});

describe('given a PortOne V2 order, over loopback HTTP', () => {
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer();
  });
  afterAll(() => server.close());

  async function portoneShop(orders: Array<Omit<OrderSeed, 'provider'>>, mode: 'live' | 'test' = 'test') {
    const store = await seededStore(orders.map((order) => ({ ...order, provider: 'portone' as const })));
    const handler = createConfirmHandler({ store, portone: { apiSecret: sandboxSecrets.portone.apiSecret, baseUrl: server.url, mode } });
    const post = async (body: unknown) => {
      const response = await handler(confirmRequest(body));
      return { status: response.status, body: await response.json() };
    };
    return { store, post, row: (orderId: string) => row(store, orderId) };
  }

  it('marks a paid order paid, and refuses an amount, a currency, a foreign payment or a test channel in live mode', async () => {
    server.api.reset();
    for (const paymentId of ['order-0010', 'order-0011', 'order-0012', 'order-0013']) server.api.recordPayment({ sdk: 'portone-v2', paymentId, amount: 3000 });
    const { post, row } = await portoneShop([
      { orderId: 'order-0010', amount: 3000 },
      { orderId: 'order-0011', amount: 30000 },
      { orderId: 'order-0012', amount: 3000, currency: 'USD' },
    ]);
    expect(await post({ provider: 'portone', orderId: 'order-0010' })).toMatchObject({ status: 200, body: { ok: true, status: 'paid', amount: 3000 } });
    // PortOne captured these before the server looked: money the order refuses goes back.
    expect(await post({ provider: 'portone', orderId: 'order-0011', paymentId: 'order-0011' })).toMatchObject({ status: 409, body: { error: { code: 'PAYMENT_REFUNDED', retryable: false, message: expect.stringContaining('amount-mismatch') } } });
    expect(await post({ provider: 'portone', orderId: 'order-0012' })).toMatchObject({ status: 409, body: { error: { code: 'PAYMENT_REFUNDED', message: expect.stringContaining('currency-mismatch') } } });
    const callsBefore = server.api.calls.length;
    expect(await post({ provider: 'portone', orderId: 'order-0011', paymentId: 'order-0013' })).toMatchObject({ status: 409, body: { error: { code: 'ORDER_MISMATCH' } } });
    expect(server.api.calls.length).toBe(callsBefore);
    expect((await Promise.all(['order-0010', 'order-0011', 'order-0012'].map(row))).map((order) => order?.status)).toEqual(['paid', 'pending', 'pending']);

    const live = await portoneShop([{ orderId: 'order-0013', amount: 3000 }], 'live');
    expect(await live.post({ provider: 'portone', orderId: 'order-0013' })).toMatchObject({ status: 409, body: { error: { code: 'TEST_CHANNEL_IN_LIVE_MODE' } } });
    expect(await live.row('order-0013')).toMatchObject({ status: 'pending' });
  });

  it('answers a virtual account 202 awaiting-deposit without marking it paid', async () => {
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'order-0020', amount: 3000, method: 'VIRTUAL_ACCOUNT' });
    const { post, row } = await portoneShop([{ orderId: 'order-0020', amount: 3000 }]);
    expect(await post({ provider: 'portone', orderId: 'order-0020' })).toMatchObject({ status: 202, body: { ok: true, status: 'awaiting-deposit' } });
    expect(await row('order-0020')).toMatchObject({ status: 'awaiting-deposit', paidWith: 'order-0020', paidAmount: null });
  });
});
