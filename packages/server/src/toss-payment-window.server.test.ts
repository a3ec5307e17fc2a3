import { createSandboxApi, sandboxSecrets } from '@kcheckout/sandbox';
import { describe, expect, it } from 'vitest';
import { createConfirmHandler } from './handler.js';
import { confirmRequest, row, seededStore } from './test-utils/orders.js';
import { confirmTossPayment } from './toss.js';

// The Toss payment window (결제창) returns on the widget's redirect (paymentKey, orderId, amount), so
// the widget's confirm path serves it; what differs is the key pair: a window opened with an API
// individual client key (test_ck_…) is confirmed with the API secret key (test_sk_…).
const baseUrl = 'http://sandbox.test';
const { apiSecretKey, widgetSecretKey } = sandboxSecrets.toss;

function windowPayment(api: ReturnType<typeof createSandboxApi>, amount = 39000) {
  return (api.recordPayment({ sdk: 'toss-v2', orderId: 'order-0001', amount, keyKind: 'api' }) as { paymentKey: string }).paymentKey;
}

describe('given a payment-window payment', () => {
  it('confirms with the API secret key, one vendor call', async () => {
    const api = createSandboxApi();
    const paymentKey = windowPayment(api);
    const result = await confirmTossPayment({ secretKey: apiSecretKey, paymentKey, orderId: 'order-0001', amount: 39000, baseUrl, fetch: api.fetch });
    expect(result).toMatchObject({ status: 'paid', payment: { paymentKey, status: 'DONE', totalAmount: 39000 } });
    expect(api.calls).toHaveLength(1);
  });

  it('is refused with the widget secret key (FORBIDDEN_REQUEST), and still confirms with the right one', async () => {
    const api = createSandboxApi();
    const paymentKey = windowPayment(api);
    const wrong = await confirmTossPayment({ secretKey: widgetSecretKey, paymentKey, orderId: 'order-0001', amount: 39000, baseUrl, fetch: api.fetch });
    expect(wrong).toMatchObject({ status: 'vendor-error', httpStatus: 403, code: 'FORBIDDEN_REQUEST', retryable: false });
    const right = await confirmTossPayment({ secretKey: apiSecretKey, paymentKey, orderId: 'order-0001', amount: 39000, baseUrl, fetch: api.fetch });
    expect(right.status).toBe('paid');
  });

  it("goes through createConfirmHandler: the order's own amount, paid once, a repeat without a vendor call", async () => {
    const api = createSandboxApi();
    const store = await seededStore([{ orderId: 'order-0001', amount: 39000, provider: 'toss' }]);
    const handler = createConfirmHandler({ store, toss: { secretKey: apiSecretKey, baseUrl, fetch: api.fetch } });
    const paymentKey = windowPayment(api);
    const post = async (body: unknown) => (await handler(confirmRequest(body))).json();
    // The redirect's amount is never sent: the handler reads the order's.
    expect(await post({ provider: 'toss', orderId: 'order-0001', paymentKey })).toMatchObject({ ok: true, status: 'paid', amount: 39000, alreadyPaid: false });
    expect(await post({ provider: 'toss', orderId: 'order-0001', paymentKey })).toMatchObject({ ok: true, alreadyPaid: true });
    expect(api.calls).toHaveLength(1);
    expect(await row(store, 'order-0001')).toMatchObject({ status: 'paid', paidWith: paymentKey, paidAmount: 39000 });
  });

  it('leaves a tampered-down order unpaid: the vendor refuses an amount other than the window charged', async () => {
    const api = createSandboxApi();
    const store = await seededStore([{ orderId: 'order-0001', amount: 100, provider: 'toss' }]);
    const handler = createConfirmHandler({ store, toss: { secretKey: apiSecretKey, baseUrl, fetch: api.fetch } });
    const paymentKey = windowPayment(api);
    const response = await handler(confirmRequest({ provider: 'toss', orderId: 'order-0001', paymentKey }));
    expect(response.ok).toBe(false);
    expect(await row(store, 'order-0001')).toMatchObject({ status: 'pending' });
  });
});
