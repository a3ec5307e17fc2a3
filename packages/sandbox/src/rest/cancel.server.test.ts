import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxApi, type SandboxApi, type SandboxApiOptions } from './api.js';
import { startSandboxServer, type SandboxServer } from './node.js';
import { sandboxSecrets } from './secrets.js';

const BASE = 'http://sandbox.test';
const TOSS_AUTH = `Basic ${btoa(`${sandboxSecrets.toss.apiSecretKey}:`)}`;
const PORTONE_AUTH = `PortOne ${sandboxSecrets.portone.apiSecret}`;

function post(api: SandboxApi, path: string, body: unknown, headers: Record<string, string>) {
  return api.fetch(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

async function confirmedToss(options: SandboxApiOptions = {}, method = 'CARD') {
  const api = createSandboxApi(options);
  const { paymentKey } = api.recordPayment({ sdk: 'toss-v2', orderId: 'order-c001', amount: 10000, method }) as { paymentKey: string };
  const confirmed = await (await post(api, '/v1/payments/confirm', { paymentKey, orderId: 'order-c001', amount: 10000 }, { authorization: TOSS_AUTH })).json();
  const cancel = (body: unknown, headers: Record<string, string> = {}) => post(api, `/v1/payments/${paymentKey}/cancel`, body, { authorization: TOSS_AUTH, ...headers });
  return { api, paymentKey, confirmed, cancel };
}

async function token(api: SandboxApi): Promise<string> {
  const issued = await (await post(api, '/users/getToken', { imp_key: sandboxSecrets.iamport.impKey, imp_secret: sandboxSecrets.iamport.impSecret }, {})).json();
  return issued.response.access_token;
}

describe('given the Toss cancel stand-in', () => {
  it('refunds in part (PARTIAL_CANCELED), then the rest (CANCELED, a cancels[] entry each), then answers ALREADY_CANCELED_PAYMENT', async () => {
    const { api, paymentKey, cancel } = await confirmedToss();
    const partial = await cancel({ cancelReason: '부분 환불', cancelAmount: 4000 });
    expect(await partial.json()).toMatchObject({ status: 'PARTIAL_CANCELED', balanceAmount: 6000, cancels: [{ cancelAmount: 4000, cancelReason: '부분 환불', refundableAmount: 6000, cancelStatus: 'DONE' }] });
    const rest = await (await cancel({ cancelReason: '나머지' })).json();
    expect(rest).toMatchObject({ status: 'CANCELED', balanceAmount: 0, cancels: [{ cancelAmount: 4000 }, { cancelAmount: 6000, refundableAmount: 0 }] });
    const again = await cancel({ cancelReason: '나머지' });
    expect([again.status, await again.json()]).toEqual([400, { code: 'ALREADY_CANCELED_PAYMENT', message: '이미 취소된 결제 입니다.' }]);
    const looked = await (await api.fetch(`${BASE}/v1/payments/orders/order-c001`, { headers: { authorization: TOSS_AUTH } })).json();
    expect(looked).toMatchObject({ paymentKey, status: 'CANCELED', balanceAmount: 0 });
  });

  it('answers a repeated Idempotency-Key with the first answer and refunds once', async () => {
    const { cancel } = await confirmedToss();
    const first = await (await cancel({ cancelReason: '반품', cancelAmount: 1000 }, { 'idempotency-key': 'refund-1' })).json();
    const repeat = await (await cancel({ cancelReason: '반품', cancelAmount: 1000 }, { 'idempotency-key': 'refund-1' })).json();
    expect(repeat).toEqual(first);
    expect(repeat.balanceAmount).toBe(9000);
    expect((await (await cancel({ cancelReason: '반품', cancelAmount: 1000 }, { 'idempotency-key': 'refund-2' })).json()).balanceAmount).toBe(8000);
  });

  it('refuses more than the balance, an unconfirmed payment, and part of an undeposited virtual account', async () => {
    const { api, cancel } = await confirmedToss();
    const over = await cancel({ cancelReason: 'x', cancelAmount: 10001 });
    expect([over.status, (await over.json()).code]).toEqual([403, 'NOT_CANCELABLE_AMOUNT']);
    const open = api.recordPayment({ sdk: 'toss-v2', orderId: 'order-c002', amount: 1000 }) as { paymentKey: string };
    const unconfirmed = await post(api, `/v1/payments/${open.paymentKey}/cancel`, { cancelReason: 'x' }, { authorization: TOSS_AUTH });
    expect([unconfirmed.status, (await unconfirmed.json()).code]).toEqual([403, 'NOT_CANCELABLE_PAYMENT']);
    const vbank = await confirmedToss({}, 'VIRTUAL_ACCOUNT');
    expect((await (await vbank.cancel({ cancelReason: 'x', cancelAmount: 100 })).json()).code).toBe('NOT_CANCELABLE_AMOUNT');
    expect(await (await vbank.cancel({ cancelReason: '발급 취소' })).json()).toMatchObject({ status: 'CANCELED' });
  });
});

describe('given the PortOne V2 cancel stand-in', () => {
  function seeded() {
    const api = createSandboxApi();
    api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-c001', amount: 3000 });
    const cancel = (body: unknown) => post(api, '/payments/pay-c001/cancel', body, { authorization: PORTONE_AUTH });
    return { api, cancel };
  }

  it('refunds in part and in full with a cancellation each, then answers PAYMENT_ALREADY_CANCELLED', async () => {
    const { api, cancel } = seeded();
    expect(await (await cancel({ reason: '부분', amount: 1000 })).json()).toMatchObject({ cancellation: { status: 'SUCCEEDED', totalAmount: 1000, reason: '부분' } });
    const partial = await (await api.fetch(`${BASE}/payments/pay-c001`, { headers: { authorization: PORTONE_AUTH } })).json();
    expect(partial).toMatchObject({ status: 'PARTIAL_CANCELLED', amount: { total: 3000, cancelled: 1000 }, cancellations: [{ totalAmount: 1000 }] });
    await cancel({ reason: '나머지' });
    const full = await (await api.fetch(`${BASE}/payments/pay-c001`, { headers: { authorization: PORTONE_AUTH } })).json();
    expect(full).toMatchObject({ status: 'CANCELLED', amount: { cancelled: 3000 }, cancellations: [{ totalAmount: 1000 }, { totalAmount: 2000 }] });
    expect(full.cancelledAt).toEqual(expect.any(String));
    const again = await cancel({ reason: '또' });
    expect([again.status, (await again.json()).type]).toEqual([409, 'PAYMENT_ALREADY_CANCELLED']);
  });

  it('refuses more than the balance, a stale currentCancellableAmount and an unpaid payment', async () => {
    const { api, cancel } = seeded();
    expect((await (await cancel({ reason: 'x', amount: 3001 })).json()).type).toBe('CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT');
    expect((await (await cancel({ reason: 'x', amount: 100, currentCancellableAmount: 2999 })).json()).type).toBe('CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN');
    api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-c002', amount: 3000, status: 'declined' });
    expect((await (await post(api, '/payments/pay-c002/cancel', { reason: 'x' }, { authorization: PORTONE_AUTH })).json()).type).toBe('PAYMENT_NOT_PAID');
  });
});

describe('given the V1 cancel and find stand-ins', () => {
  it('refunds by imp_uid or merchant_uid, checks the checksum, and the find shows the result', async () => {
    const api = createSandboxApi();
    const { impUid } = api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-c003', amount: 2000 }) as { impUid: string };
    const authorization = await token(api);
    const cancel = (body: unknown) => post(api, '/payments/cancel', body, { authorization });
    expect(await (await cancel({ imp_uid: impUid, amount: 500, checksum: 1999, reason: 'x' })).json()).toMatchObject({ code: -1, message: expect.stringContaining('checksum') });
    expect(await (await cancel({ imp_uid: impUid, amount: 500, checksum: 2000, reason: '부분' })).json()).toMatchObject({ code: 0, response: { status: 'paid', cancel_amount: 500, cancel_history: [{ amount: 500, reason: '부분' }] } });
    expect(await (await cancel({ merchant_uid: 'order-c003', amount: 1501 })).json()).toMatchObject({ code: -1 });
    expect(await (await cancel({ merchant_uid: 'order-c003', reason: '전액' })).json()).toMatchObject({ code: 0, response: { status: 'cancelled', cancel_amount: 2000 } });
    expect(await (await cancel({ imp_uid: impUid })).json()).toEqual({ code: 1, message: '이미 전액취소된 주문입니다.', response: null });
    const found = await (await api.fetch(`${BASE}/payments/find/order-c003?include_sandbox=true`, { headers: { authorization } })).json();
    expect(found).toMatchObject({ code: 0, response: { imp_uid: impUid, status: 'cancelled' } });
    expect((await api.fetch(`${BASE}/payments/find/order-c003/paid?include_sandbox=true`, { headers: { authorization } })).status).toBe(404);
    expect((await api.fetch(`${BASE}/payments/find/order-c003?include_sandbox=true`)).status).toBe(401);
  });
});

describe('given malformed requests', () => {
  // Each row: what is sent, the 4xx it answers, and the vendor's error field in the JSON body.
  const rows: Array<[string, string, string, { body?: string; auth?: 'toss' | 'portone' | 'iamport' }, number, string]> = [
    ['Toss lookup with bad %-encoding', 'GET', '/v1/payments/%E0%A4%A', { auth: 'toss' }, 400, 'code'],
    ['Toss order lookup with bad %-encoding', 'GET', '/v1/payments/orders/%ZZ', { auth: 'toss' }, 400, 'code'],
    ['Toss cancel with bad %-encoding', 'POST', '/v1/payments/%E0%A4%A/cancel', { auth: 'toss', body: '{"cancelReason":"x"}' }, 400, 'code'],
    ['Toss confirm with a body that is not JSON', 'POST', '/v1/payments/confirm', { auth: 'toss', body: '{"paymentKey":' }, 400, 'code'],
    ['Toss confirm with a string amount', 'POST', '/v1/payments/confirm', { auth: 'toss', body: '{"paymentKey":"k","orderId":"o","amount":"1000"}' }, 400, 'code'],
    ['Toss cancel without a reason', 'POST', '/v1/payments/k/cancel', { auth: 'toss', body: '{"cancelAmount":100}' }, 400, 'code'],
    ['Toss cancel with a fractional amount', 'POST', '/v1/payments/k/cancel', { auth: 'toss', body: '{"cancelReason":"x","cancelAmount":1.5}' }, 400, 'code'],
    ['Toss unknown route', 'GET', '/v1/payments/a/b/c', { auth: 'toss' }, 404, 'code'],
    ['V2 lookup with bad %-encoding', 'GET', '/payments/%E0%A4%A', { auth: 'portone' }, 400, 'type'],
    ['V2 cancel with a body that is not JSON', 'POST', '/payments/pay-1/cancel', { auth: 'portone', body: 'nope' }, 400, 'type'],
    ['V2 cancel with a string amount', 'POST', '/payments/pay-1/cancel', { auth: 'portone', body: '{"reason":"x","amount":"100"}' }, 400, 'type'],
    ['V2 unknown route', 'GET', '/payments/pay-1/nothing', { auth: 'portone' }, 404, 'type'],
    ['V1 lookup with bad %-encoding', 'GET', '/payments/imp_%E0%A4%A?include_sandbox=true', { auth: 'iamport' }, 400, 'code'],
    ['V1 find with bad %-encoding', 'GET', '/payments/find/%ZZ', { auth: 'iamport' }, 400, 'code'],
    ['V1 find with an unknown status', 'GET', '/payments/find/order-1/refunded', { auth: 'iamport' }, 400, 'code'],
    ['V1 cancel with a body that is not JSON', 'POST', '/payments/cancel', { auth: 'iamport', body: '{' }, 400, 'code'],
    ['V1 cancel with a negative amount', 'POST', '/payments/cancel', { auth: 'iamport', body: '{"imp_uid":"imp_1","amount":-5}' }, 400, 'code'],
    ['V1 cancel with neither id', 'POST', '/payments/cancel', { auth: 'iamport', body: '{"reason":"x"}' }, 400, 'code'],
    ['an unknown route', 'GET', '/nothing/here', {}, 404, 'message'],
    ['a deposit control call with a body that is not JSON', 'POST', '/__sandbox/deposits', { body: '{' }, 400, 'error'],
  ];

  async function send(api: SandboxApi, base: string, method: string, path: string, options: { body?: string; auth?: string }) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.auth === 'toss') headers.authorization = TOSS_AUTH;
    if (options.auth === 'portone') headers.authorization = PORTONE_AUTH;
    if (options.auth === 'iamport') headers.authorization = await token(api);
    const init = { method, headers, ...(options.body === undefined ? {} : { body: options.body }) };
    return base === BASE ? api.fetch(`${base}${path}`, init) : fetch(`${base}${path}`, init);
  }

  it.each(rows)('answers %s (%s %s) with a 4xx JSON error', async (_name, method, path, options, status, field) => {
    const api = createSandboxApi();
    const response = await send(api, BASE, method, path, options);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toHaveProperty(field);
  });

  describe('over the loopback server', () => {
    let server: SandboxServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    it.each(rows)('answers %s the same way', async (_name, method, path, options, status, field) => {
      server = await startSandboxServer();
      const response = await send(server.api, server.url, method, path, options);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toHaveProperty(field);
    });
  });
});

describe('given a deposit into a virtual account', () => {
  it('turns a Toss WAITING_FOR_DEPOSIT payment DONE and posts DEPOSIT_CALLBACK with the Payment object’s secret', async () => {
    const received: Array<{ url: string; body: string }> = [];
    const tossWebhook = { url: 'http://shop.test/toss', fetch: (async (input: RequestInfo | URL, init?: RequestInit) => (received.push({ url: String(input), body: String(init?.body) }), new Response(null, { status: 200 }))) as typeof fetch };
    const { api, paymentKey, confirmed } = await confirmedToss({ tossWebhook }, 'VIRTUAL_ACCOUNT');
    expect(confirmed).toMatchObject({ status: 'WAITING_FOR_DEPOSIT', secret: expect.any(String) });
    const { payment, delivery } = await api.deposit({ paymentKey });
    expect(payment).toMatchObject({ status: 'DONE', approvedAt: expect.any(String), secret: confirmed.secret });
    expect(delivery).toMatchObject({ provider: 'toss', url: 'http://shop.test/toss', result: 200 });
    const callback = JSON.parse(received[0]!.body);
    expect(callback).toEqual({ createdAt: expect.any(String), secret: confirmed.secret, status: 'DONE', transactionKey: expect.any(String), orderId: 'order-c001' });
    expect(api.webhooks).toHaveLength(1);
    const looked = await (await api.fetch(`${BASE}/v1/payments/${paymentKey}`, { headers: { authorization: TOSS_AUTH } })).json();
    expect(looked.status).toBe('DONE');
    await expect(api.deposit({ paymentKey })).rejects.toThrow(/is DONE; only a confirmed virtual account/);
  });

  it('turns a V2 VIRTUAL_ACCOUNT_ISSUED payment PAID and sends a signed Transaction.Paid', async () => {
    const api = createSandboxApi({ webhook: { url: 'http://shop.test/portone', fetch: (async () => new Response(null, { status: 200 })) as typeof fetch } });
    api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-c003', amount: 3000, method: 'VIRTUAL_ACCOUNT' });
    const response = await api.fetch(`${BASE}/__sandbox/deposits`, { method: 'POST', body: JSON.stringify({ paymentId: 'pay-c003' }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ payment: { status: 'PAID', amount: { paid: 3000 } }, delivery: { provider: 'portone', result: 200 } });
    const paid = api.webhooks.at(-1)!;
    expect(JSON.parse(paid.body)).toMatchObject({ type: 'Transaction.Paid', data: { paymentId: 'pay-c003' } });
    expect(paid.headers['webhook-signature']).toMatch(/^v1,/);
    const again = await api.fetch(`${BASE}/__sandbox/deposits`, { method: 'POST', body: JSON.stringify({ paymentId: 'pay-c003' }) });
    expect([again.status, (await again.json()).error]).toEqual([409, expect.stringContaining('is PAID')]);
  });

  it('turns a V1 ready vbank paid', async () => {
    const api = createSandboxApi();
    const { impUid } = api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-c004', amount: 2000, method: 'vbank' }) as { impUid: string };
    expect(await api.deposit({ impUid })).toMatchObject({ payment: { status: 'paid', paid_at: expect.any(Number) } });
  });
});
