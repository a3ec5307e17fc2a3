import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxApi, type SandboxApi } from './api.js';
import { runCli } from './cli.js';
import { startSandboxServer, type SandboxServer } from './node.js';
import { sandboxSecrets } from './secrets.js';
import { signStandardWebhook } from './webhook.js';

const BASE = 'http://sandbox.test';
const tossAuth = (secret: string) => `Basic ${btoa(`${secret}:`)}`;

function confirm(api: SandboxApi, body: unknown, authorization = tossAuth(sandboxSecrets.toss.widgetSecretKey)) {
  return api.fetch(`${BASE}/v1/payments/confirm`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('given the Toss confirm stand-in', () => {
  it('confirms a recorded payment once with the Payment object, then answers ALREADY_PROCESSED_PAYMENT', async () => {
    const api = createSandboxApi();
    const { paymentKey } = api.recordPayment({ sdk: 'toss-v2', orderId: 'order-0001', amount: 15000 }) as { paymentKey: string };
    const first = await confirm(api, { paymentKey, orderId: 'order-0001', amount: 15000 });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ paymentKey, orderId: 'order-0001', status: 'DONE', totalAmount: 15000, currency: 'KRW', method: '카드' });
    const again = await confirm(api, { paymentKey, orderId: 'order-0001', amount: 15000 });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ code: 'ALREADY_PROCESSED_PAYMENT', message: '이미 처리된 결제 입니다.' });
    expect(api.calls.map((call) => call.status)).toEqual([200, 400]);
  });

  it('refuses a wrong, missing, colon-less or live secret key', async () => {
    const api = createSandboxApi();
    const { paymentKey } = api.recordPayment({ sdk: 'toss-v2', orderId: 'order-0002', amount: 1000 }) as { paymentKey: string };
    const body = { paymentKey, orderId: 'order-0002', amount: 1000 };
    const wrong = await confirm(api, body, tossAuth('test_gsk_FAKE_other'));
    expect([wrong.status, (await wrong.json()).code]).toEqual([401, 'UNAUTHORIZED_KEY']);
    const live = await confirm(api, body, tossAuth('live_gsk_FAKE_kcheckout'));
    expect([live.status, (await live.json()).message]).toEqual([401, expect.stringContaining('refuses live keys')]);
    const noColon = await confirm(api, body, `Basic ${btoa(sandboxSecrets.toss.widgetSecretKey)}`);
    expect((await noColon.json()).code).toBe('INCORRECT_BASIC_AUTH_FORMAT');
    const missing = await api.fetch(`${BASE}/v1/payments/confirm`, { method: 'POST', body: JSON.stringify(body) });
    expect(missing.status).toBe(401);
    // None of them confirmed it.
    expect((await confirm(api, body)).status).toBe(200);
  });

  it('refuses another amount, another order id, an unknown key and an expired session, and leaves the payment confirmable', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const api = createSandboxApi({ now: () => now });
    const { paymentKey } = api.recordPayment({ sdk: 'toss-v1', orderId: 'order-0003', amount: 50000 }) as { paymentKey: string };
    expect(await (await confirm(api, { paymentKey, orderId: 'order-0003', amount: 100 })).json()).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(await (await confirm(api, { paymentKey, orderId: 'order-9999', amount: 50000 })).json()).toMatchObject({ code: 'NOT_FOUND_PAYMENT_SESSION' });
    const unknown = await confirm(api, { paymentKey: 'tsbx_unknown', orderId: 'order-0003', amount: 50000 });
    expect([unknown.status, (await unknown.json()).code]).toEqual([404, 'NOT_FOUND_PAYMENT']);
    expect((await confirm(api, { paymentKey, orderId: 'order-0003', amount: 50000 })).status).toBe(200);

    const late = api.recordPayment({ sdk: 'toss-v2', orderId: 'order-0004', amount: 50000 }) as { paymentKey: string };
    now += 10 * 60_000 + 1;
    expect(await (await confirm(api, { paymentKey: late.paymentKey, orderId: 'order-0004', amount: 50000 })).json()).toMatchObject({ code: 'NOT_FOUND_PAYMENT_SESSION' });
  });

  it('answers a declined window REJECT_CARD_PAYMENT and a virtual account WAITING_FOR_DEPOSIT', async () => {
    const api = createSandboxApi();
    const declined = api.recordPayment({ sdk: 'toss-v2', orderId: 'order-0005', amount: 1000, status: 'declined' }) as { paymentKey: string };
    const refused = await confirm(api, { paymentKey: declined.paymentKey, orderId: 'order-0005', amount: 1000 });
    expect([refused.status, (await refused.json()).code]).toEqual([403, 'REJECT_CARD_PAYMENT']);
    const vbank = api.recordPayment({ sdk: 'toss-v2', orderId: 'order-0006', amount: 1000, method: 'VIRTUAL_ACCOUNT' }) as { paymentKey: string };
    expect(await (await confirm(api, { paymentKey: vbank.paymentKey, orderId: 'order-0006', amount: 1000 })).json()).toMatchObject({ status: 'WAITING_FOR_DEPOSIT', method: '가상계좌' });
  });
});

describe('given the PortOne V2 lookup stand-in', () => {
  const get = (api: SandboxApi, id: string, authorization?: string) =>
    api.fetch(`${BASE}/payments/${id}`, { headers: authorization ? { authorization } : {} });

  it('needs Authorization: PortOne <secret> and answers the Payment object', async () => {
    const api = createSandboxApi();
    api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-0001', amount: 3000 });
    expect(await (await get(api, 'pay-0001')).json()).toMatchObject({ type: 'UNAUTHORIZED' });
    expect((await get(api, 'pay-0001', 'PortOne wrong')).status).toBe(401);
    expect((await get(api, 'pay-0001', `Bearer ${sandboxSecrets.portone.apiSecret}`)).status).toBe(401);
    const ok = await get(api, 'pay-0001', `PortOne ${sandboxSecrets.portone.apiSecret}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'PAID', id: 'pay-0001', amount: { total: 3000, paid: 3000 }, currency: 'KRW', channel: { type: 'TEST' } });
    const missing = await get(api, 'pay-none', `PortOne ${sandboxSecrets.portone.apiSecret}`);
    expect([missing.status, (await missing.json()).type]).toEqual([404, 'PAYMENT_NOT_FOUND']);
  });
});

describe('given the V1 stand-ins', () => {
  it('issues a token for the sandbox key pair only, and looks test payments up with it and include_sandbox=true', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const api = createSandboxApi({ now: () => now });
    const { impUid } = api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-0007', amount: 2000 }) as { impUid: string };
    const refused = await api.fetch(`${BASE}/users/getToken`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ imp_key: 'x', imp_secret: 'y' }) });
    expect([refused.status, (await refused.json()).code]).toEqual([401, -1]);
    // As a form, the way the docs also allow.
    const form = new URLSearchParams({ imp_key: sandboxSecrets.iamport.impKey, imp_secret: sandboxSecrets.iamport.impSecret });
    const issued = await (await api.fetch(`${BASE}/users/getToken`, { method: 'POST', body: form })).json();
    expect(issued).toMatchObject({ code: 0, response: { expired_at: Math.floor(now / 1000) + 1800 } });
    const token: string = issued.response.access_token;

    expect((await api.fetch(`${BASE}/payments/${impUid}?include_sandbox=true`)).status).toBe(401);
    expect((await api.fetch(`${BASE}/payments/${impUid}`, { headers: { authorization: token } })).status).toBe(404);
    const found = await (await api.fetch(`${BASE}/payments/${impUid}?include_sandbox=true`, { headers: { authorization: token } })).json();
    expect(found).toMatchObject({ code: 0, response: { imp_uid: impUid, merchant_uid: 'order-0007', amount: 2000, status: 'paid', currency: 'KRW' } });
    now += 1801_000;
    expect((await api.fetch(`${BASE}/payments/${impUid}?include_sandbox=true`, { headers: { authorization: token } })).status).toBe(401);
  });
});

describe('given the shared state with the browser stand-ins', () => {
  it('takes a window record on POST /__sandbox/payments, with CORS, and confirms it afterwards', async () => {
    const api = createSandboxApi();
    const preflight = await api.fetch(`${BASE}/__sandbox/payments`, { method: 'OPTIONS' });
    expect([preflight.status, preflight.headers.get('access-control-allow-origin')]).toEqual([204, '*']);
    const record = { sdk: 'toss-v2', paymentKey: 'tsbxABCDEFGHIJKLMNOPQRSTUVWX', orderId: 'order-0008', orderName: '티셔츠', amount: 25000, currency: 'KRW', method: 'CARD', status: 'approved', answeredAt: Date.now() };
    const posted = await api.fetch(`${BASE}/__sandbox/payments`, { method: 'POST', body: JSON.stringify(record) });
    expect(posted.status).toBe(201);
    expect(await (await confirm(api, { paymentKey: record.paymentKey, orderId: 'order-0008', amount: 25000 })).json()).toMatchObject({ status: 'DONE', orderName: '티셔츠' });
    const bad = await api.fetch(`${BASE}/__sandbox/payments`, { method: 'POST', body: JSON.stringify({ sdk: 'nope' }) });
    expect([bad.status, (await bad.json()).error]).toEqual([400, expect.stringContaining('sdk must be one of')]);
    // The vendor routes carry no CORS: the real APIs must never be called from a browser.
    expect((await confirm(api, {})).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('given injected faults', () => {
  it('answers 500, cut-off JSON, or nothing until the client aborts, then recovers', async () => {
    const api = createSandboxApi();
    const { paymentKey } = api.recordPayment({ sdk: 'toss-v2', orderId: 'order-0009', amount: 1000 }) as { paymentKey: string };
    const body = { paymentKey, orderId: 'order-0009', amount: 1000 };
    api.injectFault({ kind: 'server-error', provider: 'toss' });
    expect((await confirm(api, body)).status).toBe(500);
    api.injectFault({ kind: 'malformed-json' });
    await expect((await confirm(api, body)).json()).rejects.toThrow(SyntaxError);
    api.injectFault({ kind: 'hang' });
    const aborted = api.fetch(`${BASE}/v1/payments/confirm`, { method: 'POST', signal: AbortSignal.timeout(50), headers: { authorization: tossAuth(sandboxSecrets.toss.widgetSecretKey) }, body: JSON.stringify(body) });
    await expect(aborted).rejects.toMatchObject({ name: 'TimeoutError' });
    api.injectFault({ kind: 'hang', hangMs: 20 });
    expect((await confirm(api, body)).status).toBe(504);
    expect((await confirm(api, body)).status).toBe(200);
  });
});

describe('given webhooks', () => {
  it('announces a recorded V2 payment as Transaction.Paid, signed with the sandbox secret', async () => {
    const received: Request[] = [];
    const api = createSandboxApi({
      webhook: { url: 'http://shop.test/webhook', fetch: async (input, init) => (received.push(new Request(input, init)), new Response(null, { status: 200 })) },
    });
    api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-0002', amount: 3000 });
    await vi.waitFor(() => expect(api.webhooks[0]?.result).toBe(200));
    const request = received[0]!;
    const body = await request.text();
    expect(JSON.parse(body)).toMatchObject({ type: 'Transaction.Paid', data: { paymentId: 'pay-0002' } });
    const expected = await signStandardWebhook(sandboxSecrets.portone.webhookSecret, {
      id: request.headers.get('webhook-id')!,
      timestamp: Number(request.headers.get('webhook-timestamp')),
      body,
    });
    expect(request.headers.get('webhook-signature')).toBe(expected['webhook-signature']);
  });
});

describe('given the loopback server and the CLI', () => {
  let server: SandboxServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves the same API over HTTP on 127.0.0.1', async () => {
    server = await startSandboxServer();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { paymentKey } = server.api.recordPayment({ sdk: 'toss-v2', orderId: 'order-0010', amount: 700 }) as { paymentKey: string };
    const response = await fetch(`${server.url}/v1/payments/confirm`, {
      method: 'POST',
      headers: { authorization: tossAuth(sandboxSecrets.toss.apiSecretKey), 'content-type': 'application/json' },
      body: JSON.stringify({ paymentKey, orderId: 'order-0010', amount: 700 }),
    });
    expect(await response.json()).toMatchObject({ status: 'DONE', totalAmount: 700 });
  });

  it('kcheckout-sandbox serve --port starts it and prints the secrets to use', async () => {
    const lines: string[] = [];
    server = await runCli(['serve', '--port', '0'], (line) => lines.push(line));
    expect(lines[0]).toBe(`kcheckout sandbox REST stand-ins on ${server!.url}`);
    expect(lines.join('\n')).toContain(sandboxSecrets.portone.apiSecret);
    expect((await fetch(`${server!.url}/__sandbox/payments`)).status).toBe(200);
    await expect(runCli(['serve', '--port', 'x'])).rejects.toThrow(/--port must be a whole number/);
    await expect(runCli(['serve', '--nope', '1'])).rejects.toThrow(/Unknown option --nope/);
  });
});
