import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { createSandboxApi, sandboxSecrets } from '@kcheckout/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfirmHandler } from './handler.js';
import { readBodyLimited } from './http.js';
import { toNodeHandler } from './node.js';
import { row, seededStore } from './test-utils/orders.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function setup() {
  const api = createSandboxApi();
  const { paymentKey } = api.recordPayment({ sdk: 'toss-v2', orderId: 'order-0001', amount: 1000 }) as { paymentKey: string };
  const store = await seededStore([{ orderId: 'order-0001', amount: 1000, provider: 'toss' }]);
  const handler = createConfirmHandler({ store, toss: { secretKey: sandboxSecrets.toss.apiSecretKey, baseUrl: 'http://sandbox.test', fetch: api.fetch } });
  return { paymentKey, store, handler };
}

describe('given toNodeHandler', () => {
  it('serves the confirm handler on node:http, reading the request stream', async () => {
    const { paymentKey, store, handler } = await setup();
    server = createServer(toNodeHandler(handler));
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/confirm`;
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ provider: 'toss', orderId: 'order-0001', paymentKey }) });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
    expect(await response.json()).toMatchObject({ ok: true, status: 'paid' });
    expect(await row(store, 'order-0001')).toMatchObject({ status: 'paid' });
  });

  it('passes on a body an Express parser already read', async () => {
    const { paymentKey, handler } = await setup();
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

/** Serves `toNodeHandler` around a handler that only records the requests reaching it. */
async function listen(options?: { maxBodyBytes?: number }) {
  const reached: Request[] = [];
  const handler = async (request: Request) => {
    reached.push(request);
    return Response.json({ ok: true, bytes: (await request.arrayBuffer()).byteLength });
  };
  server = createServer(toNodeHandler(handler, options));
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return { reached, port: (server.address() as AddressInfo).port };
}

/**
 * Speaks HTTP/1.1 over a raw socket, so the Host header can be anything. Like a careful client, it
 * stops sending the body as soon as an answer arrives; `sent` says how much of it went out.
 */
function rawRequest(port: number, head: string, body: { chunk: Uint8Array; times: number; chunked?: boolean } | null = null) {
  return new Promise<{ status: number; json: unknown; sent: number }>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let sent = 0;
    const finish = () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      const text = received.slice(received.indexOf('\r\n\r\n') + 4);
      const start = text.indexOf('{');
      try {
        resolve({ status, json: start >= 0 ? JSON.parse(text.slice(start, text.lastIndexOf('}') + 1)) : null, sent });
      } catch (error) {
        reject(error);
      }
    };
    socket.on('data', (data) => (received += data.toString('latin1')));
    socket.on('error', () => socket.destroy());
    socket.on('close', finish);
    socket.write(head);
    void (async () => {
      for (let i = 0; body && i < body.times && received === '' && !socket.destroyed; i++) {
        const frame = body.chunked ? [`${body.chunk.length.toString(16)}\r\n`, body.chunk, '\r\n'] : [body.chunk];
        let flushed = true;
        for (const part of frame) flushed = socket.write(part) && flushed;
        sent += body.chunk.length;
        if (!flushed) await new Promise((drained) => socket.once('drain', drained).once('close', drained));
      }
      if (body?.chunked && received === '' && !socket.destroyed) socket.write('0\r\n\r\n');
    })();
  });
}

const TEN_MB = 10 * 1024 * 1024;
const chunk64k = new Uint8Array(64 * 1024).fill(0x61);

describe('given a request body over the limit', () => {
  it('answers a declared 10 MB body 413 BODY_TOO_LARGE without calling the handler or reading it all', async () => {
    const { reached, port } = await listen();
    const head = `POST /api/confirm HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${TEN_MB}\r\n\r\n`;
    const answer = await rawRequest(port, head, { chunk: chunk64k, times: TEN_MB / chunk64k.length });
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({ ok: false, error: { code: 'BODY_TOO_LARGE', message: expect.stringContaining('65536') as string, retryable: false } });
    expect(reached).toHaveLength(0);
    expect(answer.sent).toBeLessThan(TEN_MB);
  });

  it('stops reading a chunked 10 MB body, which declares no length, once it passes the limit', async () => {
    const { reached, port } = await listen();
    const head = `POST /api/confirm HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const answer = await rawRequest(port, head, { chunk: chunk64k, times: TEN_MB / chunk64k.length, chunked: true });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'BODY_TOO_LARGE', retryable: false } });
    expect(reached).toHaveLength(0);
    expect(answer.sent).toBeLessThan(TEN_MB);
  });

  it('honours a smaller maxBodyBytes and passes a body within it on whole', async () => {
    const { reached, port } = await listen({ maxBodyBytes: 100 });
    const base = `http://127.0.0.1:${port}/api/confirm`;
    expect((await fetch(base, { method: 'POST', body: 'x'.repeat(101) })).status).toBe(413);
    const within = await fetch(base, { method: 'POST', body: 'x'.repeat(100) });
    expect(await within.json()).toEqual({ ok: true, bytes: 100 });
    expect(reached).toHaveLength(1);
  });
});

describe('given a request without a usable Host header', () => {
  it.each([
    ['empty', 'Host: \r\n'],
    ['with a space inside', 'Host: exa mple\r\n'],
    ['with a path in it', 'Host: shop.test/evil\r\n'],
    ['with credentials in it', 'Host: user@shop.test\r\n'],
  ])('answers 400 INVALID_HOST, not a retryable 500, when it is %s', async (_, host) => {
    const { reached, port } = await listen();
    const answer = await rawRequest(port, `POST /api/confirm HTTP/1.1\r\n${host}Content-Length: 2\r\nConnection: close\r\n\r\n{}`);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'INVALID_HOST', retryable: false } });
    expect(reached).toHaveLength(0);
  });

  it('answers 400 INVALID_HOST when an HTTP/1.0 client sends none', async () => {
    const { port } = await listen();
    const answer = await rawRequest(port, 'GET /api/confirm HTTP/1.0\r\n\r\n');
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'INVALID_HOST' } });
  });

  it.each([['shop.test'], ['127.0.0.1:8080'], ['[::1]:3000'], ['xn--9n2bp8q.kr']])('accepts %s', async (host) => {
    const { reached, port } = await listen();
    const answer = await rawRequest(port, `POST /api/confirm HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    expect(answer.status).toBe(200);
    expect(reached[0]?.url).toBe(`http://${host}/api/confirm`);
  });
});

describe('given readBodyLimited', () => {
  /** A body of `count` chunks that says how many of them were pulled and whether it was cancelled. */
  function counted(count: number, chunk: Uint8Array) {
    const seen = { pulled: 0, cancelled: false };
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (seen.pulled === count) return controller.close();
        seen.pulled++;
        controller.enqueue(chunk);
      },
      cancel() {
        seen.cancelled = true;
      },
    });
    return { seen, stream };
  }
  const post = (body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
    new Request('http://shop.test/api/confirm', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  it('refuses a declared content-length over the limit before reading anything', async () => {
    const { seen, stream } = counted(100, new Uint8Array(1024));
    expect(await readBodyLimited(post(stream, { 'content-length': String(100 * 1024) }), 4096)).toEqual({ ok: false, status: 413 });
    expect(seen.pulled).toBeLessThanOrEqual(1);
  });

  it('cancels an undeclared stream as soon as it passes the limit', async () => {
    const { seen, stream } = counted(1000, new Uint8Array(1024));
    expect(await readBodyLimited(post(stream), 4096)).toEqual({ ok: false, status: 413 });
    expect(seen.pulled).toBeLessThan(10);
    expect(seen.cancelled).toBe(true);
  });

  it('reads a body within the limit as text, with a character split across chunks intact', async () => {
    const bytes = new TextEncoder().encode('{"orderName":"생수"}');
    const halves = [bytes.slice(0, 15), bytes.slice(15)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = halves.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    expect(await readBodyLimited(post(stream), bytes.length)).toEqual({ ok: true, text: '{"orderName":"생수"}' });
  });

  it('reads a missing body as empty text', async () => {
    expect(await readBodyLimited(new Request('http://shop.test/'), 10)).toEqual({ ok: true, text: '' });
  });
});
