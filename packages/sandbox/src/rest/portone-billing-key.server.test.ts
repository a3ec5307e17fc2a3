import { describe, expect, it } from 'vitest';
import { sandboxClientKeys } from '../client-keys.js';
import { createSandboxApi, type SandboxApi } from './api.js';
import { sandboxSecrets } from './secrets.js';

// POST /payments/{paymentId}/billing-key, one rule per test (PayWithBillingKeyError's types).
const BASE = 'http://sandbox.test';
const AUTH = `PortOne ${sandboxSecrets.portone.apiSecret}`;
const KEY = 'billing-key-sbx-0001';
const GOOD = { billingKey: KEY, orderName: '월간 구독 12월', amount: { total: 9900 }, currency: 'KRW' };

function setup(seed: { status?: 'approved' | 'declined'; billingKey?: string } = {}) {
  const api = createSandboxApi();
  api.recordPayment({ sdk: 'portone-v2', transactionType: 'ISSUE_BILLING_KEY', paymentId: undefined as unknown as string, billingKey: seed.billingKey ?? KEY, amount: 0, status: seed.status ?? 'approved' });
  return api;
}

async function charge(api: SandboxApi, paymentId: string, body: unknown, { auth = AUTH, method = 'POST', query = '' } = {}) {
  const response = await api.fetch(`${BASE}/payments/${encodeURIComponent(paymentId)}/billing-key${query}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    ...(method === 'POST' ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: await response.json() };
}

describe('given the PortOne billing-key charge stand-in', () => {
  it('charges a billing key the browser issued: 200 { payment: { pgTxId, paidAt } }, then GET /payments answers it PAID for the amount', async () => {
    const api = setup();
    const paid = await charge(api, 'sub-0001', GOOD);
    expect(paid.status).toBe(200);
    expect(paid.body.payment).toMatchObject({ pgTxId: expect.stringMatching(/^sbx-/), paidAt: expect.any(String) });
    const lookup = await api.fetch(`${BASE}/payments/sub-0001`, { headers: { authorization: AUTH } });
    expect(await lookup.json()).toMatchObject({ status: 'PAID', id: 'sub-0001', orderName: '월간 구독 12월', amount: { total: 9900, paid: 9900 }, currency: 'KRW', method: { type: 'PaymentMethodCard' } });
    expect(api.calls.map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual(['POST /payments/sub-0001/billing-key 200', 'GET /payments/sub-0001 200']);
  });

  it('refuses a second charge of the same paymentId with 409 ALREADY_PAID', async () => {
    const api = setup();
    expect((await charge(api, 'sub-0002', GOOD)).status).toBe(200);
    expect(await charge(api, 'sub-0002', GOOD)).toMatchObject({ status: 409, body: { type: 'ALREADY_PAID' } });
  });

  it('answers 401 UNAUTHORIZED without the API secret', async () => {
    expect(await charge(setup(), 'sub-0003', GOOD, { auth: 'PortOne wrong' })).toMatchObject({ status: 401, body: { type: 'UNAUTHORIZED' } });
  });

  it('answers 400 INVALID_REQUEST for a body that is not JSON', async () => {
    expect(await charge(setup(), 'sub-0004', '{not json')).toMatchObject({ status: 400, body: { type: 'INVALID_REQUEST' } });
  });

  it('requires billingKey', async () => {
    expect(await charge(setup(), 'sub-0005', { ...GOOD, billingKey: undefined })).toMatchObject({ status: 400, body: { type: 'INVALID_REQUEST', message: expect.stringContaining('billingKey') } });
  });

  it('requires a non-empty orderName', async () => {
    expect(await charge(setup(), 'sub-0006', { ...GOOD, orderName: ' ' })).toMatchObject({ status: 400, body: { type: 'INVALID_REQUEST', message: expect.stringContaining('orderName') } });
  });

  it('requires amount.total as a positive integer in minor units', async () => {
    const api = setup();
    for (const amount of [9900, { total: 0 }, { total: 99.5 }, { total: '9900' }]) {
      expect(await charge(api, 'sub-0007', { ...GOOD, amount })).toMatchObject({ status: 400, body: { type: 'INVALID_REQUEST', message: expect.stringContaining('amount.total') } });
    }
  });

  it('requires a currency code', async () => {
    const api = setup();
    for (const currency of [undefined, 'won', 410]) {
      expect(await charge(api, 'sub-0008', { ...GOOD, currency })).toMatchObject({ status: 400, body: { type: 'INVALID_REQUEST', message: expect.stringContaining('currency') } });
    }
  });

  it('answers 404 BILLING_KEY_NOT_FOUND for a key it never issued', async () => {
    expect(await charge(setup(), 'sub-0009', { ...GOOD, billingKey: 'billing-key-unknown' })).toMatchObject({ status: 404, body: { type: 'BILLING_KEY_NOT_FOUND' } });
  });

  it("answers 403 FORBIDDEN for another store's key", async () => {
    expect(await charge(setup(), 'sub-0010', { ...GOOD, storeId: 'store-00000000-0000-0000-0000-000000000000' })).toMatchObject({ status: 403, body: { type: 'FORBIDDEN' } });
    expect(await charge(setup(), 'sub-0010', { ...GOOD, storeId: sandboxClientKeys.portone.storeId })).toMatchObject({ status: 200 });
  });

  it('answers 404 CHANNEL_NOT_FOUND for a channelKey the key was not issued on', async () => {
    expect(await charge(setup(), 'sub-0011', { ...GOOD, channelKey: 'channel-key-other' })).toMatchObject({ status: 404, body: { type: 'CHANNEL_NOT_FOUND' } });
  });

  it("answers a declined card 502 PG_PROVIDER with the PG's code, and records no payment", async () => {
    const api = setup({ status: 'declined', billingKey: 'billing-key-declines' });
    expect(await charge(api, 'sub-0012', { ...GOOD, billingKey: 'billing-key-declines' })).toMatchObject({ status: 502, body: { type: 'PG_PROVIDER', pgCode: 'SANDBOX_DECLINED', pgMessage: expect.any(String) } });
    const lookup = await api.fetch(`${BASE}/payments/sub-0012`, { headers: { authorization: AUTH } });
    expect(lookup.status).toBe(404);
  });

  it('accepts only POST on the path', async () => {
    expect(await charge(setup(), 'sub-0013', GOOD, { method: 'GET' })).toMatchObject({ status: 405, body: { type: 'INVALID_REQUEST' } });
  });

  it('forgets issued keys on reset()', async () => {
    const api = setup();
    api.reset();
    expect(await charge(api, 'sub-0014', GOOD)).toMatchObject({ status: 404, body: { type: 'BILLING_KEY_NOT_FOUND' } });
  });
});
