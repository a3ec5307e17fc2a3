import { createSandboxApi, sandboxSecrets } from '@kcheckout/sandbox';
import { describe, expect, it } from 'vitest';
import { row, seededStore } from './test-utils/orders.js';
import { chargeTossBillingKey, issueTossBillingKey } from './toss-billing.js';

// Toss billing (자동결제): the redirect brings authKey + customerKey, the server issues a billing key
// with the API secret key, and charges it later, once per order, through the order store.
const baseUrl = 'http://sandbox.test';
const secretKey = sandboxSecrets.toss.apiSecretKey;

async function billingKeyFor(api: ReturnType<typeof createSandboxApi>, customerKey = 'customer-1') {
  const { authKey } = api.recordBillingAuth({ customerKey });
  const issued = await issueTossBillingKey({ secretKey, authKey, customerKey, baseUrl, fetch: api.fetch });
  if (issued.status !== 'issued') throw new Error(`issue failed: ${JSON.stringify(issued)}`);
  return issued.billingKey;
}

const charge = { customerKey: 'customer-1', orderId: 'sub-000001', amount: 9900, orderName: '월간 구독 12월', secretKey, baseUrl };

describe('given an authKey from the billing redirect', () => {
  it('issues a billing key for the customer, one vendor call', async () => {
    const api = createSandboxApi();
    const { authKey } = api.recordBillingAuth({ customerKey: 'customer-1' });
    const issued = await issueTossBillingKey({ secretKey, authKey, customerKey: 'customer-1', baseUrl, fetch: api.fetch });
    expect(issued).toMatchObject({ status: 'issued', customerKey: 'customer-1', billingKey: expect.any(String), billing: { method: '카드' } });
    expect(api.calls.map((call) => call.path)).toEqual(['/v1/billing/authorizations/issue']);
  });

  it("answers the vendor's refusal for another customer's authKey, and for a used one", async () => {
    const api = createSandboxApi();
    const { authKey } = api.recordBillingAuth({ customerKey: 'customer-1' });
    const other = await issueTossBillingKey({ secretKey, authKey, customerKey: 'customer-2', baseUrl, fetch: api.fetch });
    expect(other).toMatchObject({ status: 'vendor-error', code: 'NOT_MATCHES_CUSTOMER_KEY', retryable: false });
    await issueTossBillingKey({ secretKey, authKey, customerKey: 'customer-1', baseUrl, fetch: api.fetch });
    const used = await issueTossBillingKey({ secretKey, authKey, customerKey: 'customer-1', baseUrl, fetch: api.fetch });
    expect(used).toMatchObject({ status: 'vendor-error', code: 'NOT_FOUND_AUTH_KEY' });
  });

  it('throws before any request for a missing authKey', async () => {
    const api = createSandboxApi();
    await expect(issueTossBillingKey({ secretKey, authKey: '', customerKey: 'customer-1', baseUrl, fetch: api.fetch })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    expect(api.calls).toHaveLength(0);
  });
});

describe('given a stored billing key and an order', () => {
  it('charges the order once and marks it paid with the paymentKey', async () => {
    const api = createSandboxApi();
    const billingKey = await billingKeyFor(api);
    const store = await seededStore([{ orderId: 'sub-000001', amount: 9900, provider: 'toss', open: false }]);
    const result = await chargeTossBillingKey({ ...charge, store, billingKey, fetch: api.fetch });
    expect(result).toMatchObject({ status: 'paid', alreadyPaid: false, payment: { type: 'BILLING', status: 'DONE', totalAmount: 9900 } });
    const paymentKey = (result as { paymentKey: string }).paymentKey;
    expect(await row(store, 'sub-000001')).toEqual({ status: 'paid', amount: 9900, paidWith: paymentKey, paidAmount: 9900 });
  });

  it('a second run of the same charge answers alreadyPaid without a vendor call', async () => {
    const api = createSandboxApi();
    const billingKey = await billingKeyFor(api);
    const store = await seededStore([{ orderId: 'sub-000001', amount: 9900, provider: 'toss', open: false }]);
    const first = await chargeTossBillingKey({ ...charge, store, billingKey, fetch: api.fetch });
    const calls = api.calls.length;
    const second = await chargeTossBillingKey({ ...charge, store, billingKey, fetch: api.fetch });
    expect(second).toMatchObject({ status: 'paid', alreadyPaid: true, paymentKey: (first as { paymentKey: string }).paymentKey });
    expect(api.calls.length).toBe(calls);
  });

  it('two concurrent runs charge once: one pays, the other is told the order is busy', async () => {
    const api = createSandboxApi();
    const billingKey = await billingKeyFor(api);
    const store = await seededStore([{ orderId: 'sub-000001', amount: 9900, provider: 'toss', open: false }]);
    const results = await Promise.all([1, 2].map(() => chargeTossBillingKey({ ...charge, store, billingKey, fetch: api.fetch })));
    expect(results.map((result) => result.status).sort()).toEqual(['busy', 'paid']);
    expect(api.calls.filter((call) => call.path.startsWith('/v1/billing/') && !call.path.endsWith('/issue'))).toHaveLength(1);
  });

  it("refuses an amount other than the order's, a missing order and another vendor's order, before any vendor call", async () => {
    const api = createSandboxApi();
    const billingKey = await billingKeyFor(api);
    const store = await seededStore([
      { orderId: 'sub-000001', amount: 9900, provider: 'toss', open: false },
      { orderId: 'po-0000001', amount: 9900, provider: 'portone', open: false },
    ]);
    const calls = api.calls.length;
    expect(await chargeTossBillingKey({ ...charge, amount: 100, store, billingKey, fetch: api.fetch })).toMatchObject({ status: 'refused', code: 'AMOUNT_MISMATCH' });
    expect(await chargeTossBillingKey({ ...charge, orderId: 'sub-missing', store, billingKey, fetch: api.fetch })).toMatchObject({ status: 'refused', code: 'ORDER_NOT_FOUND' });
    expect(await chargeTossBillingKey({ ...charge, orderId: 'po-0000001', store, billingKey, fetch: api.fetch })).toMatchObject({ status: 'refused', code: 'PROVIDER_MISMATCH' });
    expect(api.calls.length).toBe(calls);
    expect(await row(store, 'sub-000001')).toMatchObject({ status: 'pending' });
  });

  it('refuses an order refunded in full (ORDER_REFUNDED) without a vendor call', async () => {
    const api = createSandboxApi();
    const billingKey = await billingKeyFor(api);
    const store = await seededStore([{ orderId: 'sub-000001', amount: 9900, provider: 'toss', paidWith: 'tsbx_earlier' }]);
    await store.recordRefund('sub-000001', { vendorPaymentId: 'tsbx_earlier', refundedAmount: 9900 });
    const calls = api.calls.length;
    expect(await chargeTossBillingKey({ ...charge, store, billingKey, fetch: api.fetch })).toMatchObject({ status: 'refused', code: 'ORDER_REFUNDED' });
    expect(api.calls.length).toBe(calls);
  });

  it('a vendor refusal leaves the order pending and unleased, so the next run can charge it', async () => {
    const api = createSandboxApi();
    const billingKey = await billingKeyFor(api);
    const store = await seededStore([{ orderId: 'sub-000001', amount: 9900, provider: 'toss', open: false }]);
    const wrong = await chargeTossBillingKey({ ...charge, customerKey: 'customer-2', store, billingKey, fetch: api.fetch });
    expect(wrong).toMatchObject({ status: 'vendor-error', code: 'NOT_MATCHES_CUSTOMER_KEY' });
    expect(await row(store, 'sub-000001')).toMatchObject({ status: 'pending', paidWith: null });
    expect(await chargeTossBillingKey({ ...charge, store, billingKey, fetch: api.fetch })).toMatchObject({ status: 'paid', alreadyPaid: false });
  });

  it('a charge whose answer was lost is not charged twice: the retry meets DUPLICATED_ORDER_ID, looks the payment up and records it', async () => {
    const api = createSandboxApi();
    const billingKey = await billingKeyFor(api);
    const store = await seededStore([{ orderId: 'sub-000001', amount: 9900, provider: 'toss', open: false }]);
    // The first answer never reaches the shop: Toss charged, the shop saw a network failure.
    let lost = true;
    const losing: typeof fetch = async (input, init) => {
      const response = await api.fetch(input, init);
      if (lost && new Request(input, init).url.includes('/v1/billing/') && !String(input).endsWith('/issue')) {
        lost = false;
        throw new TypeError('network down');
      }
      return response;
    };
    expect(await chargeTossBillingKey({ ...charge, store, billingKey, fetch: losing })).toMatchObject({ status: 'unavailable', code: 'VENDOR_UNREACHABLE' });
    const retry = await chargeTossBillingKey({ ...charge, store, billingKey, fetch: losing });
    expect(retry).toMatchObject({ status: 'paid', alreadyPaid: false });
    expect(api.calls.slice(-2).map((call) => [call.path.startsWith('/v1/payments/orders/') ? 'lookup' : 'charge', call.status])).toEqual([['charge', 400], ['lookup', 200]]);
    expect(await row(store, 'sub-000001')).toMatchObject({ status: 'paid', paidWith: (retry as { paymentKey: string }).paymentKey });
    const payments = (await (await api.fetch(`${baseUrl}/__sandbox/payments`)).json()).payments as Array<{ orderId: string }>;
    expect(payments.filter((payment) => payment.orderId === 'sub-000001')).toHaveLength(1);
  });
});
