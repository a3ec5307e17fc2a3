import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxApi, sandboxSecrets } from '@kcheckout/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfirmHandler } from './handler.js';
import { toNodeHandler } from './node.js';
import { orderStore } from './test-utils/orders.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

function setup() {
  const api = createSandboxApi();
  const { paymentKey } = api.recordPayment({ sdk: 'toss-v2', orderId: 'order-0001', amount: 1000 }) as { paymentKey: string };
  const store = orderStore([{ orderId: 'order-0001', amount: 1000, paid: false }]);
  const handler = createConfirmHandler({ toss: { secretKey: sandboxSecrets.toss.apiSecretKey, baseUrl: 'http://sandbox.test', fetch: api.fetch }, ...store });
  return { paymentKey, store, handler };
}

describe('given toNodeHandler', () => {
  it('serves the confirm handler on node:http, reading the request stream', async () => {
    const { paymentKey, store, handler } = setup();
    server = createServer(toNodeHandler(handler));
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/confirm`;
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ provider: 'toss', orderId: 'order-0001', paymentKey }) });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
    expect(await response.json()).toMatchObject({ ok: true, status: 'paid' });
    expect(store.isPaid('order-0001')).toBe(true);
  });

  it('passes on a body an Express parser already read', async () => {
    const { paymentKey, handler } = setup();
    let status = 0;
    let sent = '';
    await new Promise<void>((done) => {
      const req = Object.assign((async function* () {})(), {
        method: 'POST',
        url: '/confirm',
        originalUrl: '/api/confirm',
        headers: { host: 'shop.test', 'content-type': 'application/json' },
        body: { provider: 'toss', orderId: 'order-0001', paymentKey },
      });
      const res = {
        statusCode: 0,
        setHeader: () => undefined,
        end: (body?: Uint8Array | string) => {
          status = res.statusCode;
          sent = typeof body === 'string' ? body : new TextDecoder().decode(body);
          done();
        },
      };
      toNodeHandler(handler)(req, res);
    });
    expect(status).toBe(200);
    expect(JSON.parse(sent)).toMatchObject({ ok: true, orderId: 'order-0001' });
  });
});
