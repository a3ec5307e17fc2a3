import { createSandboxApi, sandboxSecrets } from '@kcheckout/sandbox';
import { describe, expect, it } from 'vitest';
import { confirmTossPayment } from './toss.js';

const baseUrl = 'http://sandbox.test';
const secretKey = sandboxSecrets.toss.widgetSecretKey;

function seeded(amount = 15000) {
  const api = createSandboxApi();
  const { paymentKey } = api.recordPayment({ sdk: 'toss-v2', orderId: 'order-0001', amount }) as { paymentKey: string };
  const confirm = (overrides: Partial<Parameters<typeof confirmTossPayment>[0]> = {}) =>
    confirmTossPayment({ secretKey, paymentKey, orderId: 'order-0001', amount, baseUrl, fetch: api.fetch, ...overrides });
  const vendorCalls = () => api.calls.length;
  return { api, paymentKey, confirm, vendorCalls };
}

describe('given confirmTossPayment against the sandbox', () => {
  it('answers paid with the Payment object, then already-processed on a repeat', async () => {
    const { confirm, paymentKey } = seeded();
    const first = await confirm({ currency: 'KRW' });
    expect(first).toMatchObject({ status: 'paid', payment: { paymentKey, status: 'DONE', totalAmount: 15000 } });
    expect(await confirm()).toEqual({ status: 'already-processed', code: 'ALREADY_PROCESSED_PAYMENT', message: '이미 처리된 결제 입니다.' });
  });

  it('maps a wrong secret key to an auth vendor-error', async () => {
    const { confirm } = seeded();
    expect(await confirm({ secretKey: 'test_gsk_FAKE_wrong' })).toMatchObject({ status: 'vendor-error', httpStatus: 401, code: 'UNAUTHORIZED_KEY', reason: 'auth', retryable: false });
  });

  it('maps an unknown payment to NOT_FOUND_PAYMENT and an expired or foreign session to NOT_FOUND_PAYMENT_SESSION', async () => {
    const { confirm } = seeded();
    expect(await confirm({ paymentKey: 'tsbx_nope' })).toMatchObject({ status: 'vendor-error', code: 'NOT_FOUND_PAYMENT', reason: 'not-found' });
    expect(await confirm({ orderId: 'order-other' })).toMatchObject({ status: 'vendor-error', code: 'NOT_FOUND_PAYMENT_SESSION', reason: 'not-found' });
  });

  it('maps a card refusal at approval to REJECT_CARD_PAYMENT, rejected and not retryable', async () => {
    const api = createSandboxApi();
    const { paymentKey } = api.recordPayment({ sdk: 'toss-v2', orderId: 'order-0002', amount: 900, status: 'declined' }) as { paymentKey: string };
    expect(await confirmTossPayment({ secretKey, paymentKey, orderId: 'order-0002', amount: 900, baseUrl, fetch: api.fetch })).toMatchObject({
      status: 'vendor-error',
      httpStatus: 403,
      code: 'REJECT_CARD_PAYMENT',
      reason: 'rejected',
      retryable: false,
    });
  });

  it('refuses an amount other than the payment window had (the vendor checks it too)', async () => {
    const { confirm } = seeded();
    expect(await confirm({ amount: 100 })).toMatchObject({ status: 'vendor-error', code: 'INVALID_REQUEST', reason: 'rejected' });
    // Not consumed: the right amount still confirms.
    expect((await confirm()).status).toBe('paid');
  });

  it('reports a currency mismatch on a confirmed payment', async () => {
    const { confirm } = seeded();
    expect(await confirm({ currency: 'USD' })).toMatchObject({ status: 'mismatch', field: 'currency', expected: 'USD', actual: 'KRW' });
  });

  it('maps a 5xx to a retryable server error, cut-off JSON to VENDOR_BAD_RESPONSE, and a hang to VENDOR_TIMEOUT', async () => {
    const { api, confirm } = seeded();
    api.injectFault({ kind: 'server-error' });
    expect(await confirm()).toMatchObject({ status: 'vendor-error', httpStatus: 500, code: 'FAILED_INTERNAL_SYSTEM_PROCESSING', reason: 'server', retryable: true });
    api.injectFault({ kind: 'malformed-json' });
    expect(await confirm()).toMatchObject({ status: 'unavailable', code: 'VENDOR_BAD_RESPONSE', retryable: true });
    api.injectFault({ kind: 'hang' });
    const started = Date.now();
    expect(await confirm({ timeoutMs: 100 })).toMatchObject({ status: 'unavailable', code: 'VENDOR_TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await confirm()).status).toBe('paid');
  });

  it('maps an unreachable host to VENDOR_UNREACHABLE', async () => {
    const { confirm } = seeded();
    // Port 9 (discard) on loopback refuses connections.
    expect(await confirm({ baseUrl: 'http://127.0.0.1:9', fetch: undefined })).toMatchObject({ status: 'unavailable', code: 'VENDOR_UNREACHABLE' });
  });

  it('throws for a missing secret key or a malformed order id, before any vendor call', async () => {
    const { confirm, vendorCalls } = seeded();
    await expect(confirm({ secretKey: '' })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    await expect(confirm({ orderId: 'bad id' })).rejects.toMatchObject({ code: 'INVALID_ORDER_ID' });
    expect(vendorCalls()).toBe(0);
  });
});
