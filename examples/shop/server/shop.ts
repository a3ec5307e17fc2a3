import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createOrderId } from '@kcheckout/core';
import type { SandboxApi } from '@kcheckout/sandbox';
import { startSandboxServer, type SandboxServer } from '@kcheckout/sandbox/node';
import { createConfirmHandler } from '@kcheckout/server';
import { toNodeHandler } from '@kcheckout/server/node';
import { type CartLine, quote, QuoteError } from '../shared/catalog.js';
import { type Gateway, isGateway, type Order, type ShopConfig } from '../shared/types.js';
import { type Env, readSetup } from './config.js';
import { openOrderStore, type OrderStore } from './db.js';

export interface ShopOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** The SQLite file; created with its table on first run. */
  dbPath: string;
  /** The built pages (`dist/app`); without it only the API is served. */
  staticDir?: string;
  /** Keys and modes (see README); default `process.env`. */
  env?: Env;
  /** Per vendor call; default 10 000 ms. */
  vendorTimeoutMs?: number;
  /** One line per API request and per store error; default silent. */
  log?: (line: string) => void;
}

export interface Shop {
  url: string;
  port: number;
  orders: OrderStore;
  /** The REST stand-ins, when a provider runs on the sandbox: their `calls` count vendor requests. */
  sandbox: SandboxApi | null;
  sandboxUrl: string | null;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};
const MAX_BODY = 16 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Starts the shop: orders database, REST stand-ins (when needed), API, pages. */
export async function startShop(options: ShopOptions): Promise<Shop> {
  const env = options.env ?? process.env;
  const setup = readSetup(env);
  const log = options.log ?? (() => {});
  const needsSandbox = setup.toss.sandbox || setup.portone.sandbox || setup.iamport.sandbox;
  const sandbox: SandboxServer | null = needsSandbox ? await startSandboxServer({ host: '127.0.0.1' }) : null;
  const orders = openOrderStore(options.dbPath);
  const baseUrl = (isSandbox: boolean) => (isSandbox && sandbox ? { baseUrl: sandbox.url } : {});

  const confirm = toNodeHandler(
    createConfirmHandler({
      toss: { ...setup.toss.server, ...baseUrl(setup.toss.sandbox) },
      portone: { ...setup.portone.server, ...baseUrl(setup.portone.sandbox) },
      iamport: { ...setup.iamport.server, ...baseUrl(setup.iamport.sandbox) },
      // The amount comes from here, the shop's own record, never from the request.
      loadOrder: (orderId) => {
        const order = orders.get(orderId);
        return order && { orderId, amount: order.amount, currency: order.currency, paid: order.status === 'paid', provider: order.provider, ...(order.paidWith ? { paidWith: order.paidWith } : {}) };
      },
      markPaid: (paid) => orders.markPaid(paid.orderId, paid.vendorPaymentId),
      ...(options.vendorTimeoutMs ? { timeoutMs: options.vendorTimeoutMs } : {}),
      onError: (error) => log(`order store error: ${error instanceof Error ? error.message : String(error)}`),
    }),
  );

  const config: ShopConfig = {
    sandboxApiBase: sandbox?.url ?? null,
    toss: { sandbox: setup.toss.sandbox, ...setup.toss.browser },
    portone: { sandbox: setup.portone.sandbox, ...setup.portone.browser },
    iamport: { sandbox: setup.iamport.sandbox, ...setup.iamport.browser },
  };

  const staticDir = options.staticDir && existsSync(join(options.staticDir, 'index.html')) ? resolve(options.staticDir) : null;

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    if (path === '/api/confirm') return void confirm(req, res);
    if (path === '/api/config' && method === 'GET') return send(res, 200, config);
    if (path === '/api/orders' && method === 'GET') return send(res, 200, { orders: orders.list() });
    if (path === '/api/orders' && method === 'POST') {
      const body = await readJson(req);
      const items = cartOf(body.items);
      const gateway = body.gateway === undefined ? 'toss-v2' : gatewayOf(body.gateway);
      const order = orders.create({ orderId: createOrderId('shop'), gateway, items, quote: priced(items, body.coupon) });
      return send(res, 201, order);
    }
    const match = /^\/api\/orders\/([A-Za-z0-9_-]{6,64})$/.exec(path);
    if (match) {
      const orderId = match[1]!;
      const order = orders.get(orderId);
      if (!order) throw new HttpError(404, 'ORDER_NOT_FOUND', `주문이 없습니다: ${orderId}`);
      if (method === 'GET') return send(res, 200, order);
      if (method === 'PATCH') {
        const body = await readJson(req);
        if (order.status !== 'pending') throw new HttpError(409, 'ORDER_NOT_PENDING', '결제가 끝난 주문은 바꿀 수 없습니다.');
        const change: { gateway?: Gateway; quote?: Order['quote'] } = {};
        if (body.gateway !== undefined) change.gateway = gatewayOf(body.gateway);
        if (body.coupon !== undefined) change.quote = priced(order.items, body.coupon);
        const updated = orders.update(orderId, change);
        if (!updated) throw new HttpError(409, 'ORDER_NOT_PENDING', '결제가 끝난 주문은 바꿀 수 없습니다.');
        return send(res, 200, updated);
      }
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} ${path}`);
    }
    throw new HttpError(404, 'NOT_FOUND', `No API ${method} ${path}`);
  }

  function page(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: { code: 'METHOD_NOT_ALLOWED', message: 'GET only' } });
    if (!staticDir) return send(res, 404, { ok: false, error: { code: 'NO_PAGES', message: 'The pages are not built: run `node build.mjs` in examples/shop.' } });
    const candidate = normalize(join(staticDir, path));
    const isFile = candidate.startsWith(staticDir + sep) && existsSync(candidate) && statSync(candidate).isFile();
    // Every other path is a page of the single-page app (/checkout/…, /payment/success/…, /orders).
    const file = isFile ? candidate : join(staticDir, 'index.html');
    res.statusCode = 200;
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('cache-control', file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    createReadStream(file).pipe(res);
  }

  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://shop').pathname);
    } catch {
      return send(res, 400, { ok: false, error: { code: 'BAD_PATH', message: 'Malformed path' } });
    }
    if (!path.startsWith('/api/')) return page(req, res, path);
    res.on('finish', () => log(`${req.method} ${path} ${res.statusCode}`));
    api(req, res, path).catch((error: unknown) => {
      if (error instanceof HttpError) return send(res, error.status, { ok: false, error: { code: error.code, message: error.message } });
      if (error instanceof QuoteError) return send(res, 400, { ok: false, error: { code: error.code, message: error.message } });
      log(`error: ${error instanceof Error ? error.stack : String(error)}`);
      send(res, 500, { ok: false, error: { code: 'INTERNAL_ERROR', message: '서버 오류입니다. 다시 시도해 주세요.', retryable: true } });
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`,
    port,
    orders,
    sandbox: sandbox?.api ?? null,
    sandboxUrl: sandbox?.url ?? null,
    async close() {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await sandbox?.close();
      orders.close();
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'BODY_TOO_LARGE', 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'INVALID_REQUEST', 'The body must be a JSON object.');
}

function cartOf(value: unknown): CartLine[] {
  if (!Array.isArray(value)) throw new HttpError(400, 'INVALID_REQUEST', 'items must be an array of { sku, quantity }.');
  return value.map((line: unknown) => {
    const { sku, quantity } = (line ?? {}) as Record<string, unknown>;
    if (typeof sku !== 'string' || typeof quantity !== 'number') throw new HttpError(400, 'INVALID_REQUEST', 'items must be an array of { sku, quantity }.');
    return { sku, quantity };
  });
}

function gatewayOf(value: unknown): Gateway {
  if (!isGateway(value)) throw new HttpError(400, 'INVALID_REQUEST', `gateway must be toss-v2, toss-v1, portone or iamport, got ${JSON.stringify(value)}.`);
  return value;
}

function priced(items: CartLine[], coupon: unknown) {
  if (coupon !== undefined && coupon !== null && typeof coupon !== 'string') throw new HttpError(400, 'INVALID_REQUEST', 'coupon must be a string or null.');
  return quote(items, coupon || null);
}
