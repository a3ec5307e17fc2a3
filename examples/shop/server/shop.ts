import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createOrderId } from '@kcheckout/core';
import type { SandboxApi } from '@kcheckout/sandbox';
import { startSandboxServer, type SandboxServer } from '@kcheckout/sandbox/node';
import { createConfirmHandler, createWebhookHandler, reconcilePendingOrders, type CaptureRefusedEvent,
  type RefundEvent, type ReconcileReport, type VendorOptions } from '@kcheckout/server';
import { toNodeHandler } from '@kcheckout/server/node';
import { type CartLine, quote, QuoteError } from '../shared/catalog.js';
import { type Gateway, isGateway, type Order, type ShopConfig } from '../shared/types.js';
import { sandboxSecrets } from '@kcheckout/sandbox';
import { type Env, readSetup } from './config.js';
import { openShopOrders, type ShopOrders } from './db.js';

export interface ShopOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** The SQLite file; created with its tables on first run. Not used when `databaseUrl` is set. */
  dbPath: string;
  /**
   * A `postgres://` URL: the orders go to Postgres instead of the SQLite file, so several shop
   * processes can share them. Default `env.SHOP_DATABASE_URL`.
   */
  databaseUrl?: string;
  /**
   * On the sandbox, have the REST stand-ins deliver their PortOne webhooks (and Toss deposit
   * callbacks) to this shop's `/api/webhooks`, as the vendors would. Default true.
   */
  sandboxWebhooks?: boolean;
  /** How often the sweep runs; default 60 000 ms. 0 turns the timer off (`POST /api/reconcile` still runs it). */
  sweepEveryMs?: number;
  /** The sweep looks up orders whose window opened longer ago than this; default the library's 5 minutes. */
  sweepOlderThanMs?: number;
  /** The sweep expires orders with no payment whose window opened longer ago than this; default the library's 60 minutes. */
  sweepExpireAfterMs?: number;
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
  orders: ShopOrders;
  /** One sweep now, as `POST /api/reconcile` runs it. */
  reconcile(): Promise<ReconcileReport>;
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

const SWEEP_EVERY_MS = 60_000;

/**
 * Starts the shop: orders (SQLite, or Postgres with `databaseUrl`), REST stand-ins (when needed),
 * API with confirm, webhooks and the sweep, pages.
 */
export async function startShop(options: ShopOptions): Promise<Shop> {
  const env = options.env ?? process.env;
  const setup = readSetup(env);
  const log = options.log ?? (() => {});
  const needsSandbox = setup.toss.sandbox || setup.portone.sandbox || setup.iamport.sandbox;
  const orders = await openShopOrders({ dbPath: options.dbPath, databaseUrl: options.databaseUrl ?? env.SHOP_DATABASE_URL });
  const { store } = orders;

  // The API is set up once the server listens: the sandbox needs the shop's address for its
  // webhooks, and the vendor clients need the sandbox's. A request in between waits for it.
  let routes!: Routes;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const server = createServer((req, res) => void ready.then(() => serve(routes, req, res, log)));
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
    });
  } catch (error) {
    await orders.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;

  let sandbox: SandboxServer | null = null;
  if (needsSandbox) {
    const webhooks = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}/api/webhooks`;
    try {
      sandbox = await startSandboxServer({
        host: '127.0.0.1',
        ...(options.sandboxWebhooks === false ? {} : { webhook: { url: webhooks }, tossWebhook: { url: webhooks } }),
      });
    } catch (error) {
      server.close();
      await orders.close();
      throw error;
    }
  }
  const baseUrl = (isSandbox: boolean) => (isSandbox && sandbox ? { baseUrl: sandbox.url } : {});
  const vendors: VendorOptions = {
    toss: { ...setup.toss.server, ...baseUrl(setup.toss.sandbox) },
    portone: { ...setup.portone.server, ...baseUrl(setup.portone.sandbox) },
    iamport: { ...setup.iamport.server, ...baseUrl(setup.iamport.sandbox) },
    ...(options.vendorTimeoutMs ? { timeoutMs: options.vendorTimeoutMs } : {}),
  };
  const onError = (error: unknown) => log(`order store error: ${error instanceof Error ? error.message : String(error)}`);
  // The buyer was charged and refunded: a line a person reads (and, for a failed refund, acts on).
  const onCaptureRefused = (event: CaptureRefusedEvent) =>
    log(`capture refused: ${event.provider} ${event.vendorPaymentId} for order ${event.orderId} (${event.reason}; captured ${event.capturedAmount ?? '?'} of ${event.orderAmount} ${event.currency}) → refund ${event.refund.status}`);

  // The amount comes from the store, the shop's own record, never from the request.
  const confirm = toNodeHandler(createConfirmHandler({ ...vendors, store, onCaptureRefused, onError }));
  const portoneWebhookSecret = setup.portone.sandbox ? sandboxSecrets.portone.webhookSecret : env.PORTONE_WEBHOOK_SECRET;
  // A refund made in the vendor's console: the order's page shows it; a real shop would stop the parcel here.
  const onRefunded = (event: RefundEvent) => log(`refund heard: ${event.provider} ${event.vendorPaymentId} for order ${event.orderId}, ${event.refundedAmount} refunded${event.full ? ' (all of it)' : ''}`);
  const webhook = toNodeHandler(createWebhookHandler({ ...vendors, store, onCaptureRefused, onRefunded, onError, ...(portoneWebhookSecret ? { portoneWebhookSecret } : {}) }));

  // One sweep at a time in this process; several processes may sweep at once (the store claims each order).
  let sweeping: Promise<ReconcileReport> | null = null;
  const reconcile = () =>
    (sweeping ??= reconcilePendingOrders(store, vendors, {
      ...(options.sweepOlderThanMs !== undefined ? { olderThanMs: options.sweepOlderThanMs } : {}),
      ...(options.sweepExpireAfterMs !== undefined ? { expireAfterMs: options.sweepExpireAfterMs } : {}),
      onCaptureRefused,
      onError,
    }).finally(() => (sweeping = null)));
  const sweepEveryMs = options.sweepEveryMs ?? SWEEP_EVERY_MS;
  const timer =
    sweepEveryMs > 0
      ? setInterval(() => {
          reconcile().then(
            (report) => report.checked > 0 && log(`sweep: ${JSON.stringify(report)}`),
            (error: unknown) => log(`sweep failed: ${error instanceof Error ? error.message : String(error)}`),
          );
        }, sweepEveryMs)
      : null;
  // The sweep must never keep the process alive on its own.
  timer?.unref();

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
    if (path === '/api/webhooks') return void webhook(req, res);
    if (path === '/api/reconcile' && method === 'POST') return send(res, 200, await reconcile());
    if (path === '/api/config' && method === 'GET') return send(res, 200, config);
    if (path === '/api/orders' && method === 'GET') return send(res, 200, { orders: await orders.list() });
    if (path === '/api/orders' && method === 'POST') {
      const body = await readJson(req);
      const items = cartOf(body.items);
      const gateway = body.gateway === undefined ? 'toss-v2' : gatewayOf(body.gateway);
      const order = await orders.create({ orderId: createOrderId('shop'), gateway, items, quote: priced(items, body.coupon) });
      return send(res, 201, order);
    }
    const opening = /^\/api\/orders\/([A-Za-z0-9_-]{6,64})\/open$/.exec(path);
    if (opening) {
      if (method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} ${path}`);
      return send(res, 200, await openOrder(opening[1]!, (await readJson(req)).amount));
    }
    const match = /^\/api\/orders\/([A-Za-z0-9_-]{6,64})$/.exec(path);
    if (match) {
      const orderId = match[1]!;
      const order = await orders.get(orderId);
      if (!order) throw new HttpError(404, 'ORDER_NOT_FOUND', `주문이 없습니다: ${orderId}`);
      if (method === 'GET') return send(res, 200, order);
      if (method === 'PATCH') {
        const answer = await changeOrder(order, await readJson(req));
        return send(res, 'replaces' in answer ? 201 : 200, answer);
      }
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} ${path}`);
    }
    throw new HttpError(404, 'NOT_FOUND', `No API ${method} ${path}`);
  }

  /** `POST /api/orders/:id/open`: the page is about to open the window for `amount`; freeze it. */
  async function openOrder(orderId: string, amount: unknown): Promise<Order> {
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
      throw new HttpError(400, 'INVALID_REQUEST', 'amount must be the positive whole number the page shows.');
    }
    const opened = await orders.open(orderId, amount);
    if (opened) return opened;
    const order = await orders.get(orderId);
    if (!order) throw new HttpError(404, 'ORDER_NOT_FOUND', `주문이 없습니다: ${orderId}`);
    if (order.status === 'paid') throw new HttpError(409, 'ORDER_NOT_PENDING', '이미 결제된 주문입니다.');
    if (order.status !== 'pending') throw new HttpError(409, 'ORDER_NOT_PENDING', '더 이상 결제할 수 없는 주문입니다. 주문을 새로 해 주세요.');
    throw new HttpError(409, 'ORDER_CHANGED', '주문 금액이 바뀌었습니다. 페이지를 새로 고친 뒤 다시 결제해 주세요.');
  }

  /**
   * `PATCH /api/orders/:id` (coupon, gateway). Before the window opens the order is re-priced in
   * place. After, its amount is frozen (a vendor may already hold a payment for it), so the change
   * makes a new order with the same items and answers it with `replaces`.
   */
  async function changeOrder(order: Order, body: Record<string, unknown>): Promise<Order | (Order & { replaces: string })> {
    if (order.status === 'paid') throw new HttpError(409, 'ORDER_NOT_PENDING', '결제가 끝난 주문은 바꿀 수 없습니다.');
    if (order.status === 'awaiting-deposit') throw new HttpError(409, 'ORDER_NOT_PENDING', '가상계좌가 발급된 주문은 바꿀 수 없습니다. 입금하거나 주문을 새로 해 주세요.');
    const gateway = body.gateway === undefined ? order.gateway : gatewayOf(body.gateway);
    const quote = body.coupon === undefined ? order.quote : priced(order.items, body.coupon);
    if (order.status === 'pending' && order.openedAt === null) {
      const updated = await orders.update(order.orderId, { gateway, quote });
      if (updated) return updated;
      // The window opened meanwhile (another tab): fall through to a new order.
    }
    const replacement = await orders.create({ orderId: createOrderId('shop'), gateway, items: order.items, quote });
    return { ...replacement, replaces: order.orderId };
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

  routes = { api, page };
  markReady();
  return {
    url,
    port,
    orders,
    reconcile,
    sandbox: sandbox?.api ?? null,
    sandboxUrl: sandbox?.url ?? null,
    async close() {
      if (timer) clearInterval(timer);
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await sandbox?.close();
      await sweeping?.catch(() => undefined);
      await orders.close();
    },
  };
}

interface Routes {
  api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  page(req: IncomingMessage, res: ServerResponse, path: string): void;
}

function serve(routes: Routes, req: IncomingMessage, res: ServerResponse, log: (line: string) => void): void {
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://shop').pathname);
  } catch {
    return send(res, 400, { ok: false, error: { code: 'BAD_PATH', message: 'Malformed path' } });
  }
  if (!path.startsWith('/api/')) return routes.page(req, res, path);
  res.on('finish', () => log(`${req.method} ${path} ${res.statusCode}`));
  routes.api(req, res, path).catch((error: unknown) => {
    if (error instanceof HttpError) return send(res, error.status, { ok: false, error: { code: error.code, message: error.message } });
    if (error instanceof QuoteError) return send(res, 400, { ok: false, error: { code: error.code, message: error.message } });
    log(`error: ${error instanceof Error ? error.stack : String(error)}`);
    send(res, 500, { ok: false, error: { code: 'INTERNAL_ERROR', message: '서버 오류입니다. 다시 시도해 주세요.', retryable: true } });
  });
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
