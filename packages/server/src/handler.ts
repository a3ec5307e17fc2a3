import type { Provider } from '@kcheckout/core';
import { fail, respond, type ConfirmOutcome as Outcome } from './confirm-answers.js';
import { isRecord, readBodyLimited } from './http.js';
import { reconcileCapture, type CaptureRefusedEvent } from './reconcile-capture.js';
import type { VerifyResult } from './results.js';
import type { Lease, OrderStore, StoredOrder } from './store/order-store.js';
import { isRefundedStatus, settleAtVendor, type VendorOptions } from './vendors.js';

export type { ConfirmErrorCode, ConfirmResponseBody } from './confirm-answers.js';

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

export interface ConfirmHandlerOptions extends VendorOptions {
  /**
   * The orders: `openLibsqlOrderStore` (`@kcheckout/server/libsql`, one machine) or
   * `openPostgresOrderStore` (`@kcheckout/server/postgres`, several servers), or your own
   * `OrderStore`. The handler claims the order for each vendor call and writes the outcome
   * conditionally, so one payment is confirmed once across every process that shares the store.
   */
  store: OrderStore;
  /**
   * How long one confirm attempt holds its order; default 30 000. Longer than a vendor call
   * (`timeoutMs`, default 10 000) so a slow vendor is not confirmed twice; short enough that a
   * crashed process's claim frees itself.
   */
  leaseMs?: number;
  /** The largest request body read; default 16 384 bytes. Larger answers 413 without reading the rest. */
  maxBodyBytes?: number;
  /**
   * The vendor captured money for this order that the handler refused (another amount or currency,
   * an order already paid or expired). The handler has already asked the vendor to refund it in
   * full; `event.refund` says how that went. Record it, alert someone: the buyer was charged and
   * refunded, and a refund that failed needs a person.
   */
  onCaptureRefused?(event: CaptureRefusedEvent): void | Promise<void>;
  /** Called with what the store or a hook threw; the answer is then 500 `ORDER_STORE_FAILED`. */
  onError?(error: unknown): void;
}

export interface Attempt {
  provider: Provider;
  orderId: string;
  vendorId: string;
  amount?: number;
}

const ORDER_ID = /^[A-Za-z0-9_-]{6,64}$/;
const VENDOR_ID = /^[\x21-\x7e]{1,200}$/;
const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_MAX_BODY = 16 * 1024;

/**
 * The merchant's confirm endpoint as a Web `Request -> Response` handler (Next.js route handlers,
 * Hono, Workers; `@kcheckout/server/node` adapts it to Express and `node:http`). It takes
 * `ConfirmRequestBody`, claims the order in the store, confirms (Toss) or verifies (PortOne V2,
 * V1) the payment for the order's own amount, and writes the outcome conditionally.
 *
 * - One vendor confirm per payment, across processes: an attempt holds a lease on the order; a
 *   request that meets it answers 409 `CONFIRM_IN_PROGRESS` with `retry-after`, and its retry gets
 *   the outcome. In one process, requests for the same (order, payment) share one attempt.
 * - Money captured for an order it refuses is refunded at the vendor and reported to
 *   `onCaptureRefused`; the buyer gets 409 `PAYMENT_REFUNDED`, not a retry loop.
 */
export function createConfirmHandler(options: ConfirmHandlerOptions): (request: Request) => Promise<Response> {
  const inFlight = new Map<string, Promise<Outcome>>();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;

  return async (request) => {
    if (request.method !== 'POST') return respond(fail(405, 'METHOD_NOT_ALLOWED', 'POST the confirm request as JSON.'), { allow: 'POST' });
    const read = await readBodyLimited(request, maxBodyBytes);
    if (!read.ok) return respond(fail(413, 'BODY_TOO_LARGE', `The confirm request is larger than ${maxBodyBytes} bytes; send only { provider, orderId, paymentKey | paymentId | impUid, amount? }.`));
    let body: unknown;
    try {
      body = JSON.parse(read.text);
    } catch {
      body = undefined;
    }
    const attempt = parseBody(body, options);
    if ('status' in attempt) return respond(attempt);
    // Keyed by the payment too: a bogus paymentKey in flight must not answer for the buyer's real one.
    const key = `${attempt.provider}\n${attempt.orderId}\n${attempt.vendorId}`;
    let outcome = inFlight.get(key);
    if (!outcome) {
      outcome = confirmPayment(attempt, options).finally(() => inFlight.delete(key));
      inFlight.set(key, outcome);
    }
    return respond(await outcome);
  };
}

function parseBody(body: unknown, options: ConfirmHandlerOptions): Attempt | Outcome {
  if (!isRecord(body)) return fail(400, 'INVALID_REQUEST', 'The body must be JSON: { provider, orderId, paymentKey | paymentId | impUid }.');
  const { provider, orderId, amount } = body;
  if (provider !== 'toss' && provider !== 'portone' && provider !== 'iamport') {
    return fail(400, 'INVALID_REQUEST', `provider must be 'toss', 'portone' or 'iamport', got ${JSON.stringify(provider)}.`);
  }
  if (!options[provider]) return fail(400, 'PROVIDER_NOT_CONFIGURED', `This server has no ${provider} configuration; pass createConfirmHandler({ ${provider}: { … } }).`);
  if (typeof orderId !== 'string' || !ORDER_ID.test(orderId)) return fail(400, 'INVALID_REQUEST', 'orderId must be 6–64 characters of A–Z, a–z, 0–9, - and _.');
  if (amount !== undefined && !(typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0)) {
    return fail(400, 'INVALID_REQUEST', 'amount, when given, must be a positive whole number.');
  }
  const field = provider === 'toss' ? 'paymentKey' : provider === 'portone' ? 'paymentId' : 'impUid';
  const vendorId = body[field] ?? (provider === 'portone' ? orderId : undefined);
  if (typeof vendorId !== 'string' || !VENDOR_ID.test(vendorId)) return fail(400, 'INVALID_REQUEST', `${field} is required for ${provider}: pass the value from the payment result.`);
  return { provider, orderId, vendorId, ...(typeof amount === 'number' ? { amount } : {}) };
}

/**
 * One confirm attempt, without HTTP: claim, vendor, conditional write, reconcile. The webhook
 * handler runs the same steps for a payment the vendor announces.
 */
export async function confirmPayment(attempt: Attempt, options: ConfirmHandlerOptions): Promise<Outcome> {
  const { provider, orderId, vendorId } = attempt;
  let claim;
  try {
    claim = await options.store.claim(orderId, { vendorPaymentId: vendorId, leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS });
  } catch (error) {
    options.onError?.(error);
    return fail(500, 'ORDER_STORE_FAILED', 'The order could not be read; retry.', true);
  }
  if (claim.kind === 'not-found') return fail(404, 'ORDER_NOT_FOUND', `There is no order ${orderId}.`);
  if (claim.kind === 'busy') {
    const seconds = Math.max(1, Math.ceil(claim.retryAfterMs / 1000));
    return { ...fail(409, 'CONFIRM_IN_PROGRESS', `Another request is confirming order ${orderId}; retry in ${seconds} s for its outcome.`, true), retryAfterSeconds: seconds };
  }
  const problem = orderProblem(claim.order);
  if (problem) {
    if (claim.kind === 'claimed') await release(options, claim.lease);
    options.onError?.(new Error(`Order ${orderId} from the store is unusable: ${problem}`));
    return fail(500, 'ORDER_INVALID', `The stored order ${orderId} is unusable (${problem}); fix the store, no vendor was called.`);
  }
  const order = claim.order;
  if (order.provider !== provider) {
    if (claim.kind === 'claimed') await release(options, claim.lease);
    return fail(409, 'PROVIDER_MISMATCH', `Order ${orderId} was started with ${order.provider}, not ${provider}.`);
  }
  if (attempt.amount !== undefined && attempt.amount !== order.amount) {
    if (claim.kind === 'claimed') await release(options, claim.lease);
    return fail(409, 'AMOUNT_MISMATCH', `The amount the browser saw (${attempt.amount}) is not the order's (${order.amount}); the payment was not confirmed.`);
  }
  if (provider === 'portone' && vendorId !== (order.paymentId ?? order.orderId)) {
    if (claim.kind === 'claimed') await release(options, claim.lease);
    return fail(409, 'ORDER_MISMATCH', `Payment ${vendorId} does not belong to order ${orderId}.`);
  }
  if (claim.kind === 'settled') return settled(attempt, order, options);

  const { lease } = claim;
  let completed = false;
  try {
    const result = await settleAtVendor(options, provider, vendorId, { orderId, amount: order.amount, currency: order.currency });
    const outcome = await record(attempt, order, lease, result, options);
    completed = outcome.completed;
    return outcome.outcome;
  } finally {
    if (!completed) await release(options, lease);
  }
}

/** The vendor's answer, written to the store (or reconciled when the store refuses it). */
async function record(attempt: Attempt, order: StoredOrder, lease: Lease, result: VerifyResult<unknown>, options: ConfirmHandlerOptions): Promise<{ outcome: Outcome; completed: boolean }> {
  const { provider, orderId, vendorId } = attempt;
  const done = (outcome: Outcome) => ({ outcome, completed: false });
  if (result.status === 'paid' || result.status === 'awaiting-deposit') {
    let written: StoredOrder | null;
    try {
      written = await options.store.complete(lease, { status: result.status, amount: order.amount, vendorPaymentId: vendorId });
    } catch (error) {
      options.onError?.(error);
      // The vendor holds the money; the retry finds it again (Toss: ALREADY_PROCESSED → lookup) and writes it.
      return done(fail(500, 'ORDER_STORE_FAILED', 'The payment is confirmed but the order could not be marked paid; retry (the retry will not charge again).', true));
    }
    if (written) return { outcome: answer(provider, written, false), completed: true };
    // The condition failed: the order changed while the vendor was asked (paid by another
    // payment, re-priced behind the freeze, expired). Reread it; only the same payment is success.
    const now = await options.store.get(orderId).catch(() => null);
    if (now && now.paidWith === vendorId && (now.status === 'paid' || now.status === result.status)) return done(answer(provider, now, true));
    return done(await reconcileCapture(options, { provider, order: now ?? order, vendorPaymentId: vendorId, payment: result.payment, why: 'order-changed' }));
  }
  if (result.status === 'mismatch') {
    // Only the money fields of a payment that is ours: another store's or order's payment is not ours to refund.
    if ((result.field === 'amount' || result.field === 'currency') && capturedStatus(provider, result.payment)) {
      return done(await reconcileCapture(options, { provider, order, vendorPaymentId: vendorId, payment: result.payment, why: result.field === 'amount' ? 'amount-mismatch' : 'currency-mismatch' }));
    }
    const code = result.field === 'amount' ? 'AMOUNT_MISMATCH' : result.field === 'currency' ? 'CURRENCY_MISMATCH' : result.field === 'channel' ? 'TEST_CHANNEL_IN_LIVE_MODE' : 'ORDER_MISMATCH';
    return done(fail(409, code, `The vendor's payment has ${result.field} ${JSON.stringify(result.actual)}, the order expects ${JSON.stringify(result.expected)}; the order was not marked paid.`));
  }
  return done(vendorFailure(provider, result));
}

/** A confirm for an order that can no longer be paid: the same payment again, or one to refund. */
async function settled(attempt: Attempt, order: StoredOrder, options: ConfirmHandlerOptions): Promise<Outcome> {
  const { provider, orderId, vendorId } = attempt;
  if (order.status === 'paid' && order.paidWith === vendorId) return answer(provider, order, true);
  // A refunded order stays refunded: the same payment again (a reload of the result page) is told so.
  if (order.status === 'refunded' && order.paidWith === vendorId) {
    return fail(409, 'ORDER_REFUNDED', `Order ${orderId} was paid with this payment and then refunded in full; it is not paid.`);
  }
  const refusal =
    order.status === 'paid' || order.status === 'refunded'
      ? fail(409, 'ORDER_ALREADY_PAID', `Order ${orderId} was already paid with another payment; this one was not confirmed.`)
      : fail(409, 'ORDER_EXPIRED', `Order ${orderId} expired before this payment; it was not confirmed.`);
  // Toss captures only on our confirm, which we do not send. PortOne and V1 captured already: look.
  if (provider === 'toss') return refusal;
  const result = await settleAtVendor(options, provider, vendorId, { orderId, amount: order.amount, currency: order.currency });
  const captured = result.status === 'paid' || (result.status === 'mismatch' && (result.field === 'amount' || result.field === 'currency') && capturedStatus(provider, result.payment));
  if (!captured) return result.status === 'unavailable' || (result.status === 'vendor-error' && result.retryable) ? vendorFailure(provider, result) : refusal;
  return reconcileCapture(options, { provider, order, vendorPaymentId: vendorId, payment: result.payment, why: order.status === 'expired' ? 'order-expired' : 'order-already-paid' });
}

/** Whether a vendor payment object says the money was taken (not merely issued or failed). */
function capturedStatus(provider: Provider, payment: unknown): boolean {
  const status = isRecord(payment) ? payment.status : undefined;
  if (provider === 'toss') return status === 'DONE';
  if (provider === 'portone') return status === 'PAID';
  return status === 'paid';
}

/** Why a stored order cannot be trusted with money, or `undefined`. */
function orderProblem(order: StoredOrder): string | undefined {
  if (typeof order.amount !== 'number' || !Number.isSafeInteger(order.amount) || order.amount <= 0) return `amount ${JSON.stringify(order.amount)} is not a positive safe integer`;
  if (typeof order.currency !== 'string' || !/^[A-Z]{3}$/.test(order.currency)) return `currency ${JSON.stringify(order.currency)} is not an ISO 4217 code`;
  if (order.provider !== 'toss' && order.provider !== 'portone' && order.provider !== 'iamport') return `provider ${JSON.stringify(order.provider)} is unknown`;
  return undefined;
}

async function release(options: ConfirmHandlerOptions, lease: Lease): Promise<void> {
  try {
    await options.store.release(lease);
  } catch (error) {
    // The lease expires by itself; a failed release only delays the next attempt.
    options.onError?.(error);
  }
}

function vendorFailure(provider: Provider, result: Exclude<VerifyResult<unknown>, { status: 'paid' | 'awaiting-deposit' | 'mismatch' }>): Outcome {
  if (result.status === 'not-paid') {
    if (isRefundedStatus(result.vendorStatus)) {
      return fail(409, 'PAYMENT_REFUNDED', `The vendor reports the payment as ${result.vendorStatus}: it was refunded, and the order was not marked paid.`, false, { vendorCode: result.vendorStatus });
    }
    return fail(402, 'PAYMENT_NOT_PAID', `The vendor reports the payment as ${result.vendorStatus}; the order was not marked paid.`, false, { vendorCode: result.vendorStatus });
  }
  if (result.status === 'unavailable') return fail(result.code === 'VENDOR_TIMEOUT' ? 504 : 503, result.code, result.message, true);
  const vendor = { vendorCode: result.code, vendorMessage: result.message };
  if (result.reason === 'server') return fail(503, 'VENDOR_UNAVAILABLE', `The ${provider} API failed (HTTP ${result.httpStatus}); retry.`, true, vendor);
  if (result.reason === 'auth') return fail(500, 'VENDOR_AUTH_FAILED', `The ${provider} API refused this server's credentials; check the secret configured on the server.`, false, vendor);
  if (result.reason === 'not-found') return fail(404, 'PAYMENT_NOT_FOUND', `The ${provider} API does not know this payment (or its session expired).`, false, vendor);
  return fail(402, 'PAYMENT_REJECTED', `The ${provider} API refused the payment: ${result.message}`, false, vendor);
}

function answer(provider: Provider, order: StoredOrder, alreadyPaid: boolean): Outcome {
  const status = order.status === 'awaiting-deposit' ? 'awaiting-deposit' : 'paid';
  return {
    status: status === 'paid' ? 200 : 202,
    body: { ok: true, status, provider, orderId: order.orderId, amount: order.amount, currency: order.currency, alreadyPaid: status === 'paid' && alreadyPaid },
  };
}

