import { describe, expect, it } from 'vitest';
import { createSandboxApi, type SandboxApi } from './api.js';
import { sandboxSecrets } from './secrets.js';

const BASE = 'http://sandbox.test';
const basic = (secret: string) => `Basic ${btoa(`${secret}:`)}`;
const API = basic(sandboxSecrets.toss.apiSecretKey);

function post(api: SandboxApi, path: string, body: unknown, headers: Record<string, string> = {}) {
  return api.fetch(`${BASE}${path}`, { method: 'POST', headers: { authorization: API, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

async function issued(api: SandboxApi, customerKey = 'customer-1') {
  const { authKey } = api.recordBillingAuth({ customerKey });
  const response = await post(api, '/v1/billing/authorizations/issue', { authKey, customerKey });
  return (await response.json()) as { billingKey: string; customerKey: string };
}

const order = { customerKey: 'customer-1', amount: 9900, orderId: 'sub-0001', orderName: '월간 구독' };

describe('given the Toss billing-key issue stand-in', () => {
  it('turns an authKey into a billing key for its customer, and counts the call', async () => {
    const api = createSandboxApi();
    const { authKey } = api.recordBillingAuth({ customerKey: 'customer-1' });
    const response = await post(api, '/v1/billing/authorizations/issue', { authKey, customerKey: 'customer-1' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ customerKey: 'customer-1', method: '카드', billingKey: expect.stringMatching(/^\S{20,}$/) });
    expect(api.calls).toEqual([{ provider: 'toss', method: 'POST', path: '/v1/billing/authorizations/issue', status: 200 }]);
  });

  it('uses an authKey once (NOT_FOUND_AUTH_KEY after), and refuses an unknown one', async () => {
    const api = createSandboxApi();
    const { authKey } = api.recordBillingAuth({ customerKey: 'customer-1' });
    expect((await post(api, '/v1/billing/authorizations/issue', { authKey, customerKey: 'customer-1' })).status).toBe(200);
    const again = await post(api, '/v1/billing/authorizations/issue', { authKey, customerKey: 'customer-1' });
    expect([again.status, (await again.json()).code]).toEqual([404, 'NOT_FOUND_AUTH_KEY']);
    const unknown = await post(api, '/v1/billing/authorizations/issue', { authKey: 'bln_nope', customerKey: 'customer-1' });
    expect((await unknown.json()).code).toBe('NOT_FOUND_AUTH_KEY');
  });

  it('refuses another customerKey than the authorisation was made for (NOT_MATCHES_CUSTOMER_KEY), leaving the authKey usable', async () => {
    const api = createSandboxApi();
    const { authKey } = api.recordBillingAuth({ customerKey: 'customer-1' });
    const other = await post(api, '/v1/billing/authorizations/issue', { authKey, customerKey: 'customer-2' });
    expect([other.status, (await other.json()).code]).toEqual([400, 'NOT_MATCHES_CUSTOMER_KEY']);
    expect((await post(api, '/v1/billing/authorizations/issue', { authKey, customerKey: 'customer-1' })).status).toBe(200);
  });

  it('takes the API secret key only: the widget secret key is FORBIDDEN_REQUEST, none is UNAUTHORIZED_KEY', async () => {
    const api = createSandboxApi();
    const { authKey } = api.recordBillingAuth({ customerKey: 'customer-1' });
    const widget = await post(api, '/v1/billing/authorizations/issue', { authKey, customerKey: 'customer-1' }, { authorization: basic(sandboxSecrets.toss.widgetSecretKey) });
    expect([widget.status, (await widget.json()).code]).toEqual([403, 'FORBIDDEN_REQUEST']);
    const none = await api.fetch(`${BASE}/v1/billing/authorizations/issue`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
  });

  it('refuses a body without authKey and customerKey', async () => {
    const api = createSandboxApi();
    const response = await post(api, '/v1/billing/authorizations/issue', { authKey: 1 });
    expect([response.status, (await response.json()).code]).toEqual([400, 'INVALID_REQUEST']);
  });
});

describe('given the Toss billing charge stand-in', () => {
  it('charges a billing key: a DONE Payment of type BILLING, which the lookup finds', async () => {
    const api = createSandboxApi();
    const { billingKey } = await issued(api);
    const response = await post(api, `/v1/billing/${encodeURIComponent(billingKey)}`, order);
    expect(response.status).toBe(200);
    const payment = await response.json();
    expect(payment).toMatchObject({ type: 'BILLING', status: 'DONE', orderId: 'sub-0001', totalAmount: 9900, method: '카드' });
    const lookup = await api.fetch(`${BASE}/v1/payments/${payment.paymentKey}`, { headers: { authorization: API } });
    expect(await lookup.json()).toMatchObject({ paymentKey: payment.paymentKey, type: 'BILLING', status: 'DONE' });
  });

  it('charges an order id once (DUPLICATED_ORDER_ID), unless the Idempotency-Key repeats, which answers the first answer', async () => {
    const api = createSandboxApi();
    const { billingKey } = await issued(api);
    const path = `/v1/billing/${encodeURIComponent(billingKey)}`;
    const first = await (await post(api, path, order, { 'idempotency-key': 'k-1' })).json();
    const repeat = await post(api, path, order, { 'idempotency-key': 'k-1' });
    expect([repeat.status, (await repeat.json()).paymentKey]).toEqual([200, first.paymentKey]);
    const duplicate = await post(api, path, order);
    expect([duplicate.status, (await duplicate.json()).code]).toEqual([400, 'DUPLICATED_ORDER_ID']);
    const charges = [...(await (await api.fetch(`${BASE}/__sandbox/payments`)).json()).payments].filter((payment: { orderId?: string }) => payment.orderId === 'sub-0001');
    expect(charges).toHaveLength(1);
  });

  it('refuses another customer than the key was issued for (NOT_MATCHES_CUSTOMER_KEY) and an unknown key', async () => {
    const api = createSandboxApi();
    const { billingKey } = await issued(api);
    const other = await post(api, `/v1/billing/${encodeURIComponent(billingKey)}`, { ...order, customerKey: 'customer-2' });
    expect([other.status, (await other.json()).code]).toEqual([400, 'NOT_MATCHES_CUSTOMER_KEY']);
    const unknown = await post(api, '/v1/billing/nope', order);
    expect([unknown.status, (await unknown.json()).code]).toEqual([404, 'NOT_FOUND_BILLING_KEY']);
  });

  it('refuses a bad amount, order id or order name', async () => {
    const api = createSandboxApi();
    const { billingKey } = await issued(api);
    const path = `/v1/billing/${encodeURIComponent(billingKey)}`;
    for (const bad of [{ amount: 0 }, { amount: 1.5 }, { orderId: 'a b' }, { orderName: '' }]) {
      const response = await post(api, path, { ...order, ...bad });
      expect([response.status, (await response.json()).code]).toEqual([400, 'INVALID_REQUEST']);
    }
  });

  it('is reached through the control route the browser stand-in posts to', async () => {
    const api = createSandboxApi();
    const seeded = await api.fetch(`${BASE}/__sandbox/billing-auths`, { method: 'POST', body: JSON.stringify({ authKey: 'bln_fromwindow', customerKey: 'customer-1', method: 'TRANSFER' }) });
    expect(seeded.status).toBe(201);
    const response = await post(api, '/v1/billing/authorizations/issue', { authKey: 'bln_fromwindow', customerKey: 'customer-1' });
    expect(await response.json()).toMatchObject({ method: '계좌이체', card: null });
  });
});
