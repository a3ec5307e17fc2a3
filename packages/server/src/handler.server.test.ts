import { createSandboxApi, sandboxSecrets } from '@kcheckout/sandbox';
import { startSandboxServer, type SandboxServer } from '@kcheckout/sandbox/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfirmHandler, type ConfirmOrder } from './handler.js';
import { createIamportTokenCache } from './iamport.js';
import { confirmRequest, orderStore } from './test-utils/orders.js';

const baseUrl = 'http://sandbox.test';

/** A shop with its orders, the sandbox in-process, and a handler wired to both. */
function shop(orders: ConfirmOrder[], options: { timeoutMs?: number; secretKey?: string } = {}) {
  const api = createSandboxApi();
  const store = orderStore(orders);
  const errors: unknown[] = [];
  const handler = createConfirmHandler({
    toss: { secretKey: options.secretKey ?? sandboxSecrets.toss.widgetSecretKey, baseUrl, fetch: api.fetch },
    iamport: { ...sandboxSecrets.iamport, baseUrl, fetch: api.fetch, mode: 'test', tokenCache: createIamportTokenCache() },
    loadOrder: store.loadOrder,
    markPaid: store.markPaid,
    onError: (error) => errors.push(error),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const post = async (body: unknown) => {
    const response = await handler(confirmRequest(body));
    return { status: response.status, body: await response.json(), headers: response.headers };
  };
  return { api, store, handler, post, errors, vendorCalls: () => api.calls.length };
}

const tossOrder = (amount = 50000): ConfirmOrder => ({ orderId: 'order-0001', amount, paid: false, provider: 'toss' });

function tossPayment(api: ReturnType<typeof createSandboxApi>, amount = 50000, orderId = 'order-0001') {
  return (api.recordPayment({ sdk: 'toss-v2', orderId, amount }) as { paymentKey: string }).paymentKey;
}

describe('given a Toss order and its approved payment', () => {
  it('confirms it for the order’s amount, marks it paid once, and answers a repeat without a vendor call', async () => {
    const { api, store, post, vendorCalls } = shop([tossOrder()]);
    const paymentKey = tossPayment(api);
    const first = await post({ provider: 'toss', orderId: 'order-0001', paymentKey });
    expect(first).toMatchObject({ status: 200, body: { ok: true, status: 'paid', provider: 'toss', orderId: 'order-0001', amount: 50000, currency: 'KRW', alreadyPaid: false } });
    expect(store.marked).toEqual([expect.objectContaining({ provider: 'toss', orderId: 'order-0001', amount: 50000, vendorPaymentId: paymentKey })]);
    const repeat = await post({ provider: 'toss', orderId: 'order-0001', paymentKey });
    expect(repeat).toMatchObject({ status: 200, body: { ok: true, alreadyPaid: true } });
    expect(vendorCalls()).toBe(1);
    expect(store.marked).toHaveLength(1);
  });

  it('shares one vendor call between concurrent confirms of one order (StrictMode, double click)', async () => {
    const { api, store, post, vendorCalls } = shop([tossOrder()]);
    const paymentKey = tossPayment(api);
    const answers = await Promise.all([1, 2, 3].map(() => post({ provider: 'toss', orderId: 'order-0001', paymentKey })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(vendorCalls()).toBe(1);
    expect(store.marked).toHaveLength(1);
  });

  it('refuses a paid order’s confirm with another payment, without a vendor call', async () => {
    const { api, post, vendorCalls } = shop([{ ...tossOrder(), paid: true, paidWith: 'tsbx_first' }]);
    const other = tossPayment(api);
    expect(await post({ provider: 'toss', orderId: 'order-0001', paymentKey: other })).toMatchObject({ status: 409, body: { ok: false, error: { code: 'ORDER_ALREADY_PAID' } } });
    expect(vendorCalls()).toBe(0);
  });

  it('refuses a tampered amount from the browser before any vendor call', async () => {
    const { api, store, post, vendorCalls } = shop([tossOrder()]);
    const paymentKey = tossPayment(api, 100);
    expect(await post({ provider: 'toss', orderId: 'order-0001', paymentKey, amount: 100 })).toMatchObject({ status: 409, body: { error: { code: 'AMOUNT_MISMATCH', retryable: false } } });
    expect(vendorCalls()).toBe(0);
    expect(store.isPaid('order-0001')).toBe(false);
  });

  it('refuses a window paid for less than the order even when the browser claims nothing, and marks nothing', async () => {
    const { api, store, post } = shop([tossOrder(50000)]);
    const paymentKey = tossPayment(api, 100);
    const answer = await post({ provider: 'toss', orderId: 'order-0001', paymentKey });
    expect(answer).toMatchObject({ status: 402, body: { error: { code: 'PAYMENT_REJECTED', vendorCode: 'INVALID_REQUEST' } } });
    expect(store.isPaid('order-0001')).toBe(false);
  });

  it('answers a wrong secret key 500 VENDOR_AUTH_FAILED, and an unknown payment 404', async () => {
    const wrong = shop([tossOrder()], { secretKey: 'test_gsk_FAKE_wrong' });
    const paymentKey = tossPayment(wrong.api);
    expect(await wrong.post({ provider: 'toss', orderId: 'order-0001', paymentKey })).toMatchObject({ status: 500, body: { error: { code: 'VENDOR_AUTH_FAILED', vendorCode: 'UNAUTHORIZED_KEY', retryable: false } } });
    expect(wrong.store.marked).toEqual([]);
    const { store, post } = shop([tossOrder()]);
    expect(await post({ provider: 'toss', orderId: 'order-0001', paymentKey: 'tsbx_unknown' })).toMatchObject({ status: 404, body: { error: { code: 'PAYMENT_NOT_FOUND', vendorCode: 'NOT_FOUND_PAYMENT' } } });
    expect(store.marked).toEqual([]);
  });

  it('answers a vendor 5xx 503, malformed JSON 503 and a timeout 504, all retryable; a retry then confirms', async () => {
    const { api, store, post, vendorCalls } = shop([tossOrder()], { timeoutMs: 100 });
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
    expect(store.marked).toEqual([]);
    expect(await post(body)).toMatchObject({ status: 200, body: { ok: true, alreadyPaid: false } });
    expect(vendorCalls()).toBe(4);
  });

  it('loses no order when markPaid fails after the vendor confirmed: the retry looks the payment up and marks it', async () => {
    const { api, store, post, errors } = shop([tossOrder()]);
    const paymentKey = tossPayment(api);
    const markPaid = store.markPaid;
    store.markPaid = async () => {
      throw new Error('database is down');
    };
    const broken = createConfirmHandler({ toss: { secretKey: sandboxSecrets.toss.widgetSecretKey, baseUrl, fetch: api.fetch }, loadOrder: store.loadOrder, markPaid: store.markPaid, onError: (error) => errors.push(error) });
    const failed = await broken(confirmRequest({ provider: 'toss', orderId: 'order-0001', paymentKey }));
    expect([failed.status, (await failed.json()).error]).toEqual([500, expect.objectContaining({ code: 'ORDER_STORE_FAILED', retryable: true })]);
    expect(errors).toEqual([new Error('database is down')]);
    store.markPaid = markPaid;
    expect(await post({ provider: 'toss', orderId: 'order-0001', paymentKey })).toMatchObject({ status: 200, body: { ok: true, status: 'paid' } });
    expect(store.marked).toHaveLength(1);
    expect(api.calls.map((call) => `${call.method} ${call.path.startsWith('/v1/payments/confirm') ? 'confirm' : 'lookup'} ${call.status}`)).toEqual(['POST confirm 200', 'POST confirm 400', 'GET lookup 200']);
  });
});

describe('given bad requests', () => {
  it('answers 405, 400 and 404 with a JSON error naming the problem', async () => {
    const { handler, post } = shop([tossOrder()]);
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
    const { api, store, post } = shop([
      { orderId: 'order-0002', amount: 2000, paid: false },
      { orderId: 'order-0003', amount: 2000, paid: false },
    ]);
    const { impUid } = api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-0002', amount: 2000 }) as { impUid: string };
    expect(await post({ provider: 'iamport', orderId: 'order-0003', impUid })).toMatchObject({ status: 409, body: { error: { code: 'ORDER_MISMATCH' } } });
    expect(await post({ provider: 'iamport', orderId: 'order-0002', impUid })).toMatchObject({ status: 200, body: { ok: true, status: 'paid' } });
    expect(store.marked.map((paid) => paid.orderId)).toEqual(['order-0002']);
  });
});

describe('given a PortOne V2 order, over loopback HTTP', () => {
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer();
  });
  afterAll(() => server.close());

  function portoneShop(orders: ConfirmOrder[], mode: 'live' | 'test' = 'test') {
    const store = orderStore(orders);
    const handler = createConfirmHandler({ portone: { apiSecret: sandboxSecrets.portone.apiSecret, baseUrl: server.url, mode }, loadOrder: store.loadOrder, markPaid: store.markPaid });
    const post = async (body: unknown) => {
      const response = await handler(confirmRequest(body));
      return { status: response.status, body: await response.json() };
    };
    return { store, post };
  }

  it('marks a paid order paid, and refuses an amount, a currency, a foreign payment or a test channel in live mode', async () => {
    server.api.reset();
    for (const paymentId of ['order-0010', 'order-0011', 'order-0012', 'order-0013']) server.api.recordPayment({ sdk: 'portone-v2', paymentId, amount: 3000 });
    const { store, post } = portoneShop([
      { orderId: 'order-0010', amount: 3000, paid: false },
      { orderId: 'order-0011', amount: 30000, paid: false },
      { orderId: 'order-0012', amount: 3000, currency: 'USD', paid: false },
    ]);
    expect(await post({ provider: 'portone', orderId: 'order-0010' })).toMatchObject({ status: 200, body: { ok: true, status: 'paid', amount: 3000 } });
    expect(await post({ provider: 'portone', orderId: 'order-0011', paymentId: 'order-0011' })).toMatchObject({ status: 409, body: { error: { code: 'AMOUNT_MISMATCH' } } });
    expect(await post({ provider: 'portone', orderId: 'order-0012' })).toMatchObject({ status: 409, body: { error: { code: 'CURRENCY_MISMATCH' } } });
    const callsBefore = server.api.calls.length;
    expect(await post({ provider: 'portone', orderId: 'order-0011', paymentId: 'order-0013' })).toMatchObject({ status: 409, body: { error: { code: 'ORDER_MISMATCH' } } });
    expect(server.api.calls.length).toBe(callsBefore);
    expect(store.marked.map((paid) => paid.orderId)).toEqual(['order-0010']);

    const live = portoneShop([{ orderId: 'order-0013', amount: 3000, paid: false }], 'live');
    expect(await live.post({ provider: 'portone', orderId: 'order-0013' })).toMatchObject({ status: 409, body: { error: { code: 'TEST_CHANNEL_IN_LIVE_MODE' } } });
    expect(live.store.marked).toEqual([]);
  });

  it('answers a virtual account 202 awaiting-deposit without marking it paid', async () => {
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'order-0020', amount: 3000, method: 'VIRTUAL_ACCOUNT' });
    const { store, post } = portoneShop([{ orderId: 'order-0020', amount: 3000, paid: false }]);
    expect(await post({ provider: 'portone', orderId: 'order-0020' })).toMatchObject({ status: 202, body: { ok: true, status: 'awaiting-deposit' } });
    expect(store.marked).toEqual([]);
  });
});
