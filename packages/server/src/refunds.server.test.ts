import { createSandboxApi, sandboxSecrets } from '@kcheckout/sandbox';
import { startSandboxServer, type SandboxServer } from '@kcheckout/sandbox/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cancelIamportPayment, createIamportTokenCache, findIamportPayment } from './iamport.js';
import { cancelPortOnePayment, getPortOnePayment } from './portone.js';
import { cancelTossPayment, confirmTossPayment, getTossPaymentByOrderId } from './toss.js';

const baseUrl = 'http://sandbox.test';
const secretKey = sandboxSecrets.toss.widgetSecretKey;

async function confirmedToss(amount = 10000) {
  const api = createSandboxApi();
  const { paymentKey } = api.recordPayment({ sdk: 'toss-v2', orderId: 'order-r001', amount }) as { paymentKey: string };
  await confirmTossPayment({ secretKey, paymentKey, orderId: 'order-r001', amount, baseUrl, fetch: api.fetch });
  const cancel = (overrides: Partial<Parameters<typeof cancelTossPayment>[0]> = {}) =>
    cancelTossPayment({ secretKey, paymentKey, cancelReason: '고객 요청', baseUrl, fetch: api.fetch, ...overrides });
  return { api, paymentKey, cancel };
}

describe('given cancelTossPayment against the sandbox', () => {
  it('refunds in part, then the rest, then answers a repeat as already cancelled', async () => {
    const { cancel } = await confirmedToss();
    expect(await cancel({ cancelAmount: 3000 })).toMatchObject({ status: 'cancelled', cancelledAmount: 3000, remainingAmount: 7000, alreadyCancelled: false, payment: { status: 'PARTIAL_CANCELED', balanceAmount: 7000 } });
    expect(await cancel()).toMatchObject({ status: 'cancelled', cancelledAmount: 7000, remainingAmount: 0, alreadyCancelled: false, payment: { status: 'CANCELED', balanceAmount: 0 } });
    expect(await cancel({ cancelReason: '다시' })).toMatchObject({ status: 'cancelled', cancelledAmount: 0, remainingAmount: 0, alreadyCancelled: true, payment: { status: 'CANCELED' } });
  });

  it('makes a retry of the same partial refund one refund, through the default Idempotency-Key', async () => {
    const { cancel } = await confirmedToss();
    const first = await cancel({ cancelAmount: 2000 });
    const again = await cancel({ cancelAmount: 2000 });
    expect(again).toEqual(first);
    expect(await cancel({ cancelAmount: 2000, idempotencyKey: 'refund-record-2' })).toMatchObject({ status: 'cancelled', remainingAmount: 6000 });
  });

  it('refuses more than the balance and a payment that was never confirmed', async () => {
    const { api, cancel } = await confirmedToss();
    expect(await cancel({ cancelAmount: 10001 })).toMatchObject({ status: 'refused', reason: 'amount', code: 'NOT_CANCELABLE_AMOUNT' });
    const open = api.recordPayment({ sdk: 'toss-v2', orderId: 'order-r002', amount: 500 }) as { paymentKey: string };
    expect(await cancel({ paymentKey: open.paymentKey })).toMatchObject({ status: 'refused', reason: 'not-cancellable', code: 'NOT_CANCELABLE_PAYMENT' });
  });

  it('maps a wrong key to auth, an unknown payment to not-found and a 500 to a retryable failure', async () => {
    const { api, cancel } = await confirmedToss();
    expect(await cancel({ secretKey: 'test_gsk_FAKE_wrong' })).toMatchObject({ status: 'vendor-error', reason: 'auth' });
    expect(await cancel({ paymentKey: 'tsbx_none' })).toMatchObject({ status: 'vendor-error', code: 'NOT_FOUND_PAYMENT', reason: 'not-found' });
    api.injectFault({ kind: 'server-error' });
    expect(await cancel()).toMatchObject({ status: 'vendor-error', httpStatus: 500, retryable: true });
    expect(await cancel()).toMatchObject({ status: 'cancelled', cancelledAmount: 10000 });
  });

  it('throws before any request for a bad amount, reason or payment key', async () => {
    const { api, cancel } = await confirmedToss();
    const before = api.calls.length;
    await expect(cancel({ cancelAmount: 1.5 })).rejects.toMatchObject({ code: 'INVALID_AMOUNT' });
    await expect(cancel({ cancelReason: ' ' })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    await expect(cancel({ paymentKey: 'bad key' })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    expect(api.calls.length).toBe(before);
  });
});

describe('given confirmTossPayment with a bad amount or payment key', () => {
  it.each([Number.NaN, -1, 1.5, '15000', 1e21, 2 ** 53, 0])('refuses amount %s before any request', async (amount) => {
    const api = createSandboxApi();
    await expect(confirmTossPayment({ secretKey, paymentKey: 'tsbx_x', orderId: 'order-r003', amount: amount as number, baseUrl, fetch: api.fetch })).rejects.toMatchObject({
      code: 'INVALID_AMOUNT',
      message: expect.stringContaining('whole number above 0'),
    });
    expect(api.calls).toEqual([]);
  });

  it.each(['', 'a b', '키', 'x'.repeat(201)])('refuses paymentKey %j before any request', async (paymentKey) => {
    const api = createSandboxApi();
    await expect(confirmTossPayment({ secretKey, paymentKey, orderId: 'order-r003', amount: 1000, baseUrl, fetch: api.fetch })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    expect(api.calls).toEqual([]);
  });
});

describe('given getTossPaymentByOrderId', () => {
  it('finds the order’s payment, and answers not-found for an unknown order', async () => {
    const { api, paymentKey } = await confirmedToss();
    expect(await getTossPaymentByOrderId({ secretKey, orderId: 'order-r001', baseUrl, fetch: api.fetch })).toMatchObject({ status: 'found', payment: { paymentKey, status: 'DONE' } });
    expect(await getTossPaymentByOrderId({ secretKey, orderId: 'order-none', baseUrl, fetch: api.fetch })).toMatchObject({ status: 'vendor-error', reason: 'not-found' });
  });
});

describe('given cancelPortOnePayment over HTTP', () => {
  // @portone/server-sdk calls the global fetch, so these run over loopback.
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.api.reset();
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-r001', amount: 5000 });
  });
  const cancel = (overrides: Partial<Parameters<typeof cancelPortOnePayment>[0]> = {}) =>
    cancelPortOnePayment({ apiSecret: sandboxSecrets.portone.apiSecret, paymentId: 'pay-r001', reason: '고객 요청', baseUrl: server.url, ...overrides });

  it('refunds in part and in full, then answers a repeat as already cancelled', async () => {
    expect(await cancel({ amount: 1000, currentCancellableAmount: 5000 })).toMatchObject({ status: 'cancelled', cancelledAmount: 1000, remainingAmount: 4000, payment: { status: 'PARTIAL_CANCELLED' } });
    expect(await cancel()).toMatchObject({ status: 'cancelled', cancelledAmount: 4000, remainingAmount: 0, alreadyCancelled: false, payment: { status: 'CANCELLED' } });
    expect(await cancel()).toMatchObject({ status: 'cancelled', cancelledAmount: 0, alreadyCancelled: true, payment: { status: 'CANCELLED', amount: { cancelled: 5000 } } });
  });

  it('refuses a retried partial refund whose balance check no longer holds, and more than the balance', async () => {
    expect((await cancel({ amount: 1000, currentCancellableAmount: 5000 })).status).toBe('cancelled');
    expect(await cancel({ amount: 1000, currentCancellableAmount: 5000 })).toMatchObject({ status: 'refused', reason: 'balance-changed', code: 'CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN' });
    expect(await cancel({ amount: 4001 })).toMatchObject({ status: 'refused', reason: 'amount', code: 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT' });
  });

  it('refuses an unpaid virtual account, and maps auth, not-found and a 500', async () => {
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-r002', amount: 5000, method: 'VIRTUAL_ACCOUNT' });
    expect(await cancel({ paymentId: 'pay-r002' })).toMatchObject({ status: 'refused', reason: 'not-cancellable', code: 'PAYMENT_NOT_PAID' });
    expect(await cancel({ apiSecret: 'wrong' })).toMatchObject({ status: 'vendor-error', reason: 'auth' });
    expect(await cancel({ paymentId: 'pay-none' })).toMatchObject({ status: 'vendor-error', code: 'PAYMENT_NOT_FOUND', reason: 'not-found' });
    server.api.injectFault({ kind: 'server-error' });
    expect(await cancel()).toMatchObject({ status: 'vendor-error', reason: 'server', retryable: true });
  });

  it('looks the raw payment up with getPortOnePayment, whatever its status', async () => {
    await cancel();
    expect(await getPortOnePayment({ apiSecret: sandboxSecrets.portone.apiSecret, paymentId: 'pay-r001', baseUrl: server.url })).toMatchObject({ status: 'found', payment: { status: 'CANCELLED' } });
    expect(await getPortOnePayment({ apiSecret: sandboxSecrets.portone.apiSecret, paymentId: 'pay-none', baseUrl: server.url })).toMatchObject({ status: 'vendor-error', reason: 'not-found' });
  });
});

describe('given cancelIamportPayment and findIamportPayment against the sandbox', () => {
  function setup() {
    const api = createSandboxApi();
    const { impUid } = api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-r004', amount: 2000 }) as { impUid: string };
    const common = { impKey: sandboxSecrets.iamport.impKey, impSecret: sandboxSecrets.iamport.impSecret, baseUrl, fetch: api.fetch, tokenCache: createIamportTokenCache() };
    const cancel = (overrides: Partial<Parameters<typeof cancelIamportPayment>[0]> = {}) => cancelIamportPayment({ ...common, impUid, reason: '고객 요청', ...overrides });
    return { api, impUid, common, cancel };
  }

  it('refunds in part (still paid) and in full (cancelled), then answers a repeat as already cancelled', async () => {
    const { cancel } = setup();
    expect(await cancel({ amount: 500, checksum: 2000 })).toMatchObject({ status: 'cancelled', cancelledAmount: 500, remainingAmount: 1500, payment: { status: 'paid', cancel_amount: 500 } });
    expect(await cancel()).toMatchObject({ status: 'cancelled', cancelledAmount: 1500, remainingAmount: 0, payment: { status: 'cancelled' } });
    expect(await cancel()).toMatchObject({ status: 'cancelled', cancelledAmount: 0, alreadyCancelled: true, payment: { status: 'cancelled', cancel_amount: 2000 } });
  });

  it('refuses a stale checksum and more than the balance; maps an unknown imp_uid, bad keys and a 500', async () => {
    const { api, cancel } = setup();
    expect(await cancel({ amount: 500, checksum: 1999 })).toMatchObject({ status: 'refused', reason: 'balance-changed' });
    expect(await cancel({ amount: 2001 })).toMatchObject({ status: 'refused', reason: 'amount' });
    expect(await cancel({ impUid: 'imp_000000000000' })).toMatchObject({ status: 'vendor-error', reason: 'not-found' });
    expect(await cancel({ impSecret: 'wrong' })).toMatchObject({ status: 'vendor-error', httpStatus: 401, reason: 'auth' });
    api.injectFault({ kind: 'server-error', provider: 'iamport' });
    expect(await cancel()).toMatchObject({ status: 'vendor-error', httpStatus: 500, retryable: true });
  });

  it('finds the latest payment by merchant_uid, in the cancelled state after a refund', async () => {
    const { common, cancel, impUid } = setup();
    expect(await findIamportPayment({ ...common, merchantUid: 'order-r004', mode: 'test' })).toMatchObject({ status: 'found', payment: { imp_uid: impUid, status: 'paid' } });
    await cancel();
    expect(await findIamportPayment({ ...common, merchantUid: 'order-r004', mode: 'test' })).toMatchObject({ status: 'found', payment: { status: 'cancelled' } });
    expect(await findIamportPayment({ ...common, merchantUid: 'order-none', mode: 'test' })).toMatchObject({ status: 'vendor-error', reason: 'not-found' });
  });
});
