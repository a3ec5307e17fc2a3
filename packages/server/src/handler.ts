import type { Provider } from '@kcheckout/core';
import { isRecord, type FetchLike } from './http.js';
import { verifyIamportPayment, type IamportTokenCache } from './iamport.js';
import { verifyPortOnePayment } from './portone.js';
import type { VerifyResult } from './results.js';
import { checkTossPayment, confirmTossPayment, getTossPayment } from './toss.js';

/** What `loadOrder` returns: the merchant's own record of the order. */
export interface ConfirmOrder {
  orderId: string;
  /** The amount to charge, from the merchant's database (after coupons); the only amount trusted. */
  amount: number;
  /** ISO 4217; default `'KRW'`. */
  currency?: string;
  /** Whether the order is already paid: a repeat confirm then answers success without a vendor call. */
  paid: boolean;
  /** The vendor id the order was paid with (what `markPaid` stored); a different one for a paid order is refused. */
  paidWith?: string;
  /** The provider the order was started with; a confirm for another provider is refused. */
  provider?: Provider;
  /** PortOne V2: the `paymentId` the window was opened with, when it is not the order id. */
  paymentId?: string;
}

/** What `markPaid` receives. */
export interface PaidOrder {
  provider: Provider;
  orderId: string;
  amount: number;
  currency: string;
  /** Toss `paymentKey`, PortOne `paymentId` or V1 `imp_uid`: store it as the order's `paidWith`. */
  vendorPaymentId: string;
  /** The vendor's payment object. */
  payment: unknown;
}

/** The JSON body `createConfirmHandler` expects (`POST`, `content-type: application/json`). */
export interface ConfirmRequestBody {
  provider: Provider;
  orderId: string;
  /** Toss: from the success redirect or the promise result. */
  paymentKey?: string;
  /** PortOne V2: default `orderId`. */
  paymentId?: string;
  /** PortOne V1: `imp_uid`. */
  impUid?: string;
  /**
   * Optional, and never charged: when given and different from the order's amount, the request is
   * refused (409 `AMOUNT_MISMATCH`) before any vendor call, since the browser saw a tampered amount.
   */
  amount?: number;
}

/** Error codes in the handler's answers. */
export type ConfirmErrorCode =
  | 'METHOD_NOT_ALLOWED'
  | 'INVALID_REQUEST'
  | 'PROVIDER_NOT_CONFIGURED'
  | 'ORDER_NOT_FOUND'
  | 'PROVIDER_MISMATCH'
  | 'ORDER_ALREADY_PAID'
  | 'AMOUNT_MISMATCH'
  | 'CURRENCY_MISMATCH'
  | 'ORDER_MISMATCH'
  | 'TEST_CHANNEL_IN_LIVE_MODE'
  | 'PAYMENT_NOT_PAID'
  | 'PAYMENT_NOT_FOUND'
  | 'PAYMENT_REJECTED'
  | 'VENDOR_AUTH_FAILED'
  | 'VENDOR_UNAVAILABLE'
  | 'VENDOR_TIMEOUT'
  | 'VENDOR_UNREACHABLE'
  | 'VENDOR_BAD_RESPONSE'
  | 'ORDER_STORE_FAILED';

/** The handler's JSON answers. */
export type ConfirmResponseBody =
  | { ok: true; status: 'paid' | 'awaiting-deposit'; provider: Provider; orderId: string; amount: number; currency: string; alreadyPaid: boolean }
  | { ok: false; error: { code: ConfirmErrorCode; message: string; retryable: boolean; vendorCode?: string; vendorMessage?: string } };

export interface ConfirmHandlerOptions {
  toss?: { secretKey: string; baseUrl?: string; fetch?: FetchLike };
  portone?: { apiSecret: string; storeId?: string; baseUrl?: string; mode?: 'live' | 'test' };
  iamport?: { impKey: string; impSecret: string; baseUrl?: string; fetch?: FetchLike; mode?: 'live' | 'test'; tokenCache?: IamportTokenCache };
  /** Reads the order from the merchant's store; `null` / `undefined` when there is none. */
  loadOrder(orderId: string, request: Request): ConfirmOrder | null | undefined | Promise<ConfirmOrder | null | undefined>;
  /** Marks the order paid. Make it idempotent (a no-op for an order already paid with the same vendor id). */
  markPaid(order: PaidOrder, request: Request): void | Promise<void>;
  /** Per vendor call; default 10 000. A timeout answers 504 `VENDOR_TIMEOUT`, retryable. */
  timeoutMs?: number;
  /** Called with what `loadOrder` or `markPaid` threw (the answer is then 500 `ORDER_STORE_FAILED`). */
  onError?(error: unknown): void;
}

interface Outcome {
  status: number;
  body: ConfirmResponseBody;
}

const ORDER_ID = /^[A-Za-z0-9_-]{6,64}$/;
const VENDOR_ID = /^[\x21-\x7e]{1,200}$/;

/**
 * The merchant's confirm endpoint as a Web `Request -> Response` handler (Next.js route handlers,
 * Hono, Workers; `@kcheckout/server/node` adapts it to Express and `node:http`). It takes
 * `ConfirmRequestBody`, reads the order with `loadOrder`, confirms (Toss) or verifies (PortOne V2,
 * V1) the payment for the order's own amount, and calls `markPaid` only when the vendor agrees.
 *
 * Idempotent: a paid order answers 200 without a vendor call, and concurrent requests for one order
 * share one vendor call (per process; across processes, make `markPaid` idempotent).
 */
export function createConfirmHandler(options: ConfirmHandlerOptions): (request: Request) => Promise<Response> {
  const inFlight = new Map<string, Promise<Outcome>>();

  return async (request) => {
    if (request.method !== 'POST') return respond(fail(405, 'METHOD_NOT_ALLOWED', 'POST the confirm request as JSON.'), { allow: 'POST' });
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      body = undefined;
    }
    const parsed = parseBody(body, options);
    if ('status' in parsed) return respond(parsed);
    const key = `${parsed.provider}\n${parsed.orderId}`;
    let outcome = inFlight.get(key);
    if (!outcome) {
      outcome = confirm(parsed, request, options).finally(() => inFlight.delete(key));
      inFlight.set(key, outcome);
    }
    return respond(await outcome);
  };
}

function parseBody(body: unknown, options: ConfirmHandlerOptions): (ConfirmRequestBody & { vendorId: string }) | Outcome {
  if (!isRecord(body)) return fail(400, 'INVALID_REQUEST', 'The body must be JSON: { provider, orderId, paymentKey | paymentId | impUid }.');
  const { provider, orderId, amount } = body;
  if (provider !== 'toss' && provider !== 'portone' && provider !== 'iamport') {
    return fail(400, 'INVALID_REQUEST', `provider must be 'toss', 'portone' or 'iamport', got ${JSON.stringify(provider)}.`);
  }
  if (!options[provider]) return fail(400, 'PROVIDER_NOT_CONFIGURED', `This server has no ${provider} configuration; pass createConfirmHandler({ ${provider}: { … } }).`);
  if (typeof orderId !== 'string' || !ORDER_ID.test(orderId)) return fail(400, 'INVALID_REQUEST', 'orderId must be 6–64 characters of A–Z, a–z, 0–9, - and _.');
  if (amount !== undefined && (typeof amount !== 'number' || !Number.isFinite(amount))) return fail(400, 'INVALID_REQUEST', 'amount, when given, must be a number.');
  const field = provider === 'toss' ? 'paymentKey' : provider === 'portone' ? 'paymentId' : 'impUid';
  const vendorId = body[field] ?? (provider === 'portone' ? orderId : undefined);
  if (typeof vendorId !== 'string' || !VENDOR_ID.test(vendorId)) return fail(400, 'INVALID_REQUEST', `${field} is required for ${provider}: pass the value from the payment result.`);
  return { provider, orderId, vendorId, ...(typeof amount === 'number' ? { amount } : {}) };
}

async function confirm(input: ConfirmRequestBody & { vendorId: string }, request: Request, options: ConfirmHandlerOptions): Promise<Outcome> {
  const { provider, orderId, vendorId } = input;
  let order: ConfirmOrder | null | undefined;
  try {
    order = await options.loadOrder(orderId, request);
  } catch (error) {
    options.onError?.(error);
    return fail(500, 'ORDER_STORE_FAILED', 'The order could not be read; retry.', true);
  }
  if (!order) return fail(404, 'ORDER_NOT_FOUND', `There is no order ${orderId}.`);
  const currency = order.currency ?? 'KRW';
  if (order.provider && order.provider !== provider) return fail(409, 'PROVIDER_MISMATCH', `Order ${orderId} was started with ${order.provider}, not ${provider}.`);
  if (input.amount !== undefined && input.amount !== order.amount) {
    return fail(409, 'AMOUNT_MISMATCH', `The amount the browser saw (${input.amount}) is not the order's (${order.amount}); the payment was not confirmed.`);
  }
  if (order.paid) {
    if (order.paidWith !== undefined && order.paidWith !== vendorId) {
      return fail(409, 'ORDER_ALREADY_PAID', `Order ${orderId} was already paid with another payment; this one was not confirmed.`);
    }
    return paid(provider, order, currency, true);
  }
  if (provider === 'portone' && vendorId !== (order.paymentId ?? order.orderId)) {
    return fail(409, 'ORDER_MISMATCH', `Payment ${vendorId} does not belong to order ${orderId}.`);
  }

  const result = await verify(provider, vendorId, order, currency, options);
  if (result.status === 'paid') {
    try {
      await options.markPaid({ provider, orderId, amount: order.amount, currency, vendorPaymentId: vendorId, payment: result.payment }, request);
    } catch (error) {
      options.onError?.(error);
      return fail(500, 'ORDER_STORE_FAILED', 'The payment is confirmed but the order could not be marked paid; retry (the retry will not charge again).', true);
    }
    return paid(provider, order, currency, false);
  }
  if (result.status === 'awaiting-deposit') {
    return { status: 202, body: { ok: true, status: 'awaiting-deposit', provider, orderId, amount: order.amount, currency, alreadyPaid: false } };
  }
  if (result.status === 'mismatch') {
    const code = result.field === 'amount' ? 'AMOUNT_MISMATCH' : result.field === 'currency' ? 'CURRENCY_MISMATCH' : result.field === 'channel' ? 'TEST_CHANNEL_IN_LIVE_MODE' : 'ORDER_MISMATCH';
    return fail(409, code, `The vendor's payment has ${result.field} ${JSON.stringify(result.actual)}, the order expects ${JSON.stringify(result.expected)}; the order was not marked paid.`);
  }
  if (result.status === 'not-paid') return fail(402, 'PAYMENT_NOT_PAID', `The vendor reports the payment as ${result.vendorStatus}; the order was not marked paid.`, false, { vendorCode: result.vendorStatus });
  if (result.status === 'unavailable') return fail(result.code === 'VENDOR_TIMEOUT' ? 504 : 503, result.code, result.message, true);
  const vendor = { vendorCode: result.code, vendorMessage: result.message };
  if (result.reason === 'server') return fail(503, 'VENDOR_UNAVAILABLE', `The ${provider} API failed (HTTP ${result.httpStatus}); retry.`, true, vendor);
  if (result.reason === 'auth') return fail(500, 'VENDOR_AUTH_FAILED', `The ${provider} API refused this server's credentials; check the secret configured on the server.`, false, vendor);
  if (result.reason === 'not-found') return fail(404, 'PAYMENT_NOT_FOUND', `The ${provider} API does not know this payment (or its session expired).`, false, vendor);
  return fail(402, 'PAYMENT_REJECTED', `The ${provider} API refused the payment: ${result.message}`, false, vendor);
}

async function verify(provider: Provider, vendorId: string, order: ConfirmOrder, currency: string, options: ConfirmHandlerOptions): Promise<VerifyResult<unknown>> {
  const timeoutMs = options.timeoutMs;
  const expected = { amount: order.amount, currency };
  if (provider === 'toss') {
    const toss = options.toss!;
    const common = { secretKey: toss.secretKey, ...(toss.baseUrl ? { baseUrl: toss.baseUrl } : {}), ...(toss.fetch ? { fetch: toss.fetch } : {}), ...(timeoutMs ? { timeoutMs } : {}) };
    const result = await confirmTossPayment({ ...common, paymentKey: vendorId, orderId: order.orderId, amount: order.amount, currency });
    if (result.status !== 'already-processed') return result;
    // Confirmed before, by a request whose answer or markPaid was lost: trust the vendor's record, not the repeat.
    const found = await getTossPayment({ ...common, paymentKey: vendorId });
    return found.status === 'found' ? checkTossPayment(found.payment, { orderId: order.orderId, ...expected }) : found;
  }
  if (provider === 'portone') {
    const portone = options.portone!;
    return verifyPortOnePayment({ ...portone, paymentId: vendorId, expected, ...(timeoutMs ? { timeoutMs } : {}) });
  }
  const iamport = options.iamport!;
  return verifyIamportPayment({ ...iamport, impUid: vendorId, expected: { ...expected, orderId: order.orderId }, ...(timeoutMs ? { timeoutMs } : {}) });
}

function paid(provider: Provider, order: ConfirmOrder, currency: string, alreadyPaid: boolean): Outcome {
  return { status: 200, body: { ok: true, status: 'paid', provider, orderId: order.orderId, amount: order.amount, currency, alreadyPaid } };
}

function fail(status: number, code: ConfirmErrorCode, message: string, retryable = false, vendor: { vendorCode?: string; vendorMessage?: string } = {}): Outcome {
  return { status, body: { ok: false, error: { code, message, retryable, ...vendor } } };
}

function respond(outcome: Outcome, headers: Record<string, string> = {}): Response {
  const retry: Record<string, string> = !outcome.body.ok && outcome.body.error.retryable ? { 'retry-after': '2' } : {};
  return new Response(JSON.stringify(outcome.body), {
    status: outcome.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...retry, ...headers },
  });
}
