import { sandboxSecrets } from '@kcheckout/sandbox';
import { startSandboxServer, type SandboxServer } from '@kcheckout/sandbox/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConfirmHandler } from './handler.js';
import { verifyPortOnePayment } from './portone.js';
import { confirmRequest, row, seededStore } from './test-utils/orders.js';

// A PayPal payment made through PortOne's loadPaymentUI (PAYPAL_SPB) is a PortOne V2 payment: the
// same GET /payments/{paymentId} verifies it. What differs is the money: USD, in minor units
// (`totalAmount` 1250 is $12.50, LoadPaymentUIRequest's JSDoc), which is also what the order store
// keeps and what `amount.total` reports.
let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer();
});
afterAll(() => server.close());
beforeEach(() => server.api.reset());

const paypal = (paymentId: string, overrides: Record<string, unknown> = {}) =>
  server.api.recordPayment({ sdk: 'portone-v2', paymentId, amount: 1250, currency: 'USD', method: 'PAYPAL', orderName: 'Green tea', ...overrides });

const verify = (paymentId: string, expected: { amount: number; currency: string }) =>
  verifyPortOnePayment({ apiSecret: sandboxSecrets.portone.apiSecret, paymentId, expected, baseUrl: server.url, mode: 'test' });

describe('given a PayPal payment through PortOne, verified with verifyPortOnePayment', () => {
  it('answers paid for the order total in cents and USD, read from a PAYPAL_V2 channel without a method', async () => {
    paypal('paypal-0001');
    const result = await verify('paypal-0001', { amount: 1250, currency: 'USD' });
    expect(result).toMatchObject({ status: 'paid', payment: { id: 'paypal-0001', status: 'PAID', currency: 'USD', amount: { total: 1250 }, channel: { pgProvider: 'PAYPAL_V2' } } });
    expect((result as { payment: Record<string, unknown> }).payment.method).toBeUndefined();
    expect(server.api.calls).toEqual([{ provider: 'portone', method: 'GET', path: '/payments/paypal-0001', status: 200 }]);
  });

  it('refuses dollars where cents are expected, and won where the payment was in dollars', async () => {
    paypal('paypal-0002');
    expect(await verify('paypal-0002', { amount: 12.5, currency: 'USD' })).toMatchObject({ status: 'mismatch', field: 'amount', expected: 12.5, actual: 1250 });
    expect(await verify('paypal-0002', { amount: 1250, currency: 'KRW' })).toMatchObject({ status: 'mismatch', field: 'currency', expected: 'KRW', actual: 'USD' });
  });

  it('answers not-paid for a buyer who closed PayPal, and for a decline', async () => {
    paypal('paypal-0003', { status: 'canceled' });
    paypal('paypal-0004', { status: 'declined' });
    expect(await verify('paypal-0003', { amount: 1250, currency: 'USD' })).toMatchObject({ status: 'not-paid', vendorStatus: 'FAILED' });
    expect(await verify('paypal-0004', { amount: 1250, currency: 'USD' })).toMatchObject({ status: 'not-paid', vendorStatus: 'FAILED' });
  });
});

describe('given a USD order paid with PayPal, through createConfirmHandler and the order store', () => {
  async function shop() {
    const store = await seededStore([
      { orderId: 'paypal-0010', amount: 1250, currency: 'USD', provider: 'portone' },
      { orderId: 'paypal-0011', amount: 1999, currency: 'USD', provider: 'portone' },
    ]);
    const handler = createConfirmHandler({ store, portone: { apiSecret: sandboxSecrets.portone.apiSecret, baseUrl: server.url, mode: 'test' } });
    const post = async (body: unknown) => {
      const response = await handler(confirmRequest(body));
      return { status: response.status, body: await response.json() };
    };
    return { post, row: (orderId: string) => row(store, orderId) };
  }

  it('marks the order paid once, with one vendor lookup per confirm, and a repeat says alreadyPaid', async () => {
    paypal('paypal-0010');
    const { post, row } = await shop();
    expect(await post({ provider: 'portone', orderId: 'paypal-0010' })).toMatchObject({ status: 200, body: { ok: true, status: 'paid', amount: 1250, currency: 'USD', alreadyPaid: false } });
    expect(await row('paypal-0010')).toMatchObject({ status: 'paid', paidWith: 'paypal-0010', paidAmount: 1250 });
    expect(await post({ provider: 'portone', orderId: 'paypal-0010' })).toMatchObject({ status: 200, body: { ok: true, status: 'paid', alreadyPaid: true } });
    expect(server.api.calls.filter((call) => call.method === 'GET')).toHaveLength(1);
  });

  it('refunds a PayPal capture of another amount instead of marking the order paid', async () => {
    paypal('paypal-0011', { amount: 1250 });
    const { post, row } = await shop();
    expect(await post({ provider: 'portone', orderId: 'paypal-0011' })).toMatchObject({ status: 409, body: { error: { code: 'PAYMENT_REFUNDED', message: expect.stringContaining('amount-mismatch') } } });
    expect(await row('paypal-0011')).not.toMatchObject({ status: 'paid' });
    expect(server.api.calls.some((call) => call.method === 'POST' && call.path === '/payments/paypal-0011/cancel')).toBe(true);
  });
});
