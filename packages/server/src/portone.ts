import { CancelPaymentError, GetPaymentError, PaymentClient, type Payment } from '@portone/server-sdk/payment';
import { timedOut, unavailable, DEFAULT_TIMEOUT_MS, requireSecret } from './http.js';
import { requireAmount, requireReason, requireVendorId, type CancelResult, type LookupResult } from './refunds.js';
import type { ExpectedPayment, VendorErrorResult, VendorFailure, VerifyResult } from './results.js';

export type PortOnePayment = Payment;

export interface VerifyPortOnePaymentOptions {
  /** The V2 API secret (`Authorization: PortOne <apiSecret>`). Server only. */
  apiSecret: string;
  /** The merchant's `paymentId` the browser SDK was called with. */
  paymentId: string;
  /** The merchant's own order: `amount.total` must equal `amount` (minor units, as sent to the SDK) and `currency` the currency. */
  expected: ExpectedPayment;
  /** Checked against the payment's `storeId`, and sent with the lookup (needed for sub-stores). */
  storeId?: string;
  /**
   * `'live'` (the default) refuses a payment made on a test channel (`channel.type === 'TEST'`),
   * as PortOne's own samples do, so a test channel key in production cannot buy anything.
   * `'test'` accepts test channels: use it with test channels and the sandbox, never in production.
   */
  mode?: 'live' | 'test';
  /** Default `https://api.portone.io`; the sandbox's REST stand-ins for tests. */
  baseUrl?: string;
  /**
   * Default 10 000. `@portone/server-sdk` takes no fetch or AbortSignal, so the timeout stops the
   * waiting, not the request itself.
   */
  timeoutMs?: number;
}

// The lookup's documented errors (developers.portone.io).
const REASONS: Record<string, VendorErrorResult['reason']> = {
  UNAUTHORIZED: 'auth',
  FORBIDDEN: 'auth',
  PAYMENT_NOT_FOUND: 'not-found',
  INVALID_REQUEST: 'rejected',
  // The PG (card company, bank) refused: not PortOne's trouble, and not one a retry fixes.
  PG_PROVIDER: 'rejected',
};
// UNVERIFIED: the cancel refusals' statuses (409); the SDK does not pass the status on.
const HTTP_STATUS: Record<string, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403, PAYMENT_NOT_FOUND: 404, INVALID_REQUEST: 400, PG_PROVIDER: 502 };

// The cancel's documented refusals (@portone/server-sdk `CancelPaymentError`; developers.portone.io).
const CANCEL_REFUSALS: Record<string, 'not-cancellable' | 'amount' | 'balance-changed'> = {
  PAYMENT_NOT_PAID: 'not-cancellable',
  CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT: 'amount',
  CANCEL_TAX_AMOUNT_EXCEEDS_CANCELLABLE_TAX_AMOUNT: 'amount',
  CANCEL_TAX_FREE_AMOUNT_EXCEEDS_CANCELLABLE_TAX_FREE_AMOUNT: 'amount',
  SUM_OF_PARTS_EXCEEDS_CANCEL_AMOUNT: 'amount',
  NEGATIVE_PROMOTION_ADJUSTED_CANCEL_AMOUNT: 'amount',
  CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN: 'balance-changed',
};

/**
 * Verifies a PortOne V2 payment through `@portone/server-sdk` (`GET /payments/{paymentId}`):
 * - `PAID` with the expected `amount.total` and `currency` (and `storeId`, and a live channel in
 *   live mode) → `paid`;
 * - `VIRTUAL_ACCOUNT_ISSUED` with the same checks → `awaiting-deposit` (the webhook tells when it is paid);
 * - `READY`, `PAY_PENDING`, `FAILED`, `CANCELLED`, `PARTIAL_CANCELLED` → `not-paid`.
 */
export async function verifyPortOnePayment(options: VerifyPortOnePaymentOptions): Promise<VerifyResult<PortOnePayment>> {
  const answer = await withTimeout(client(options).getPayment({ paymentId: options.paymentId, ...(options.storeId ? { storeId: options.storeId } : {}) }), options.timeoutMs);
  return answer.ok ? checkPortOnePayment(answer.value, options) : answer.failure;
}

/** The SDK call's value, or a `VendorFailure` for its error or for no answer within `timeoutMs`. */
async function withTimeout<T>(call: Promise<T>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<{ ok: true; value: T } | { ok: false; failure: VendorFailure }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    const answer = await Promise.race([call, timeout]);
    if (answer === 'timeout') {
      // The call goes on; its late outcome must not become an unhandled rejection.
      call.catch(() => {});
      return { ok: false, failure: timedOut('PortOne', timeoutMs) };
    }
    return { ok: true, value: answer };
  } catch (error) {
    return { ok: false, failure: portOneFailure(error) };
  } finally {
    clearTimeout(timer);
  }
}

export interface PortOneRequestOptions {
  /** The V2 API secret (`Authorization: PortOne <apiSecret>`). Server only. */
  apiSecret: string;
  paymentId: string;
  /** Sent with the request (needed for sub-stores). */
  storeId?: string;
  /** Default `https://api.portone.io`; the sandbox's REST stand-ins for tests. */
  baseUrl?: string;
  /** Default 10 000; stops the waiting, not the SDK's request (it takes no AbortSignal). */
  timeoutMs?: number;
}

function client(options: PortOneRequestOptions) {
  return PaymentClient({
    secret: requireSecret(options.apiSecret, 'apiSecret', 'portone'),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.storeId ? { storeId: options.storeId } : {}),
  });
}

/**
 * Looks a V2 payment up and returns it as PortOne sent it, whatever its status
 * (`GET /payments/{paymentId}`): for a sweep or after a webhook. An unknown payment is a
 * `vendor-error` with `reason: 'not-found'` (`PAYMENT_NOT_FOUND`).
 */
export async function getPortOnePayment(options: PortOneRequestOptions): Promise<LookupResult<PortOnePayment>> {
  const paymentId = requireVendorId(options.paymentId, 'paymentId', 'portone');
  const answer = await withTimeout(client(options).getPayment({ paymentId, ...(options.storeId ? { storeId: options.storeId } : {}) }), options.timeoutMs);
  return answer.ok ? { status: 'found', payment: answer.value } : answer.failure;
}

export interface CancelPortOnePaymentOptions extends PortOneRequestOptions {
  /** Required by PortOne; shown in the console. */
  reason: string;
  /** A partial refund of this much (minor units, as paid); omit it to refund everything that is left. */
  amount?: number;
  /**
   * The refundable balance the merchant believes is left before this refund. PortOne refunds only
   * if it matches, else `refused` / `balance-changed`. V2 takes no idempotency key, so pass it for a
   * partial refund: a retry after a lost answer is then refused instead of refunding twice.
   */
  currentCancellableAmount?: number;
}

/**
 * Refunds (취소) a V2 payment, in full or in part, through `@portone/server-sdk`'s
 * `PaymentClient.cancelPayment` (`POST /payments/{paymentId}/cancel`), then looks the payment up for
 * the result. `PAYMENT_ALREADY_CANCELLED` is answered `cancelled` with `alreadyCancelled: true`.
 */
export async function cancelPortOnePayment(options: CancelPortOnePaymentOptions): Promise<CancelResult<PortOnePayment | null>> {
  const paymentId = requireVendorId(options.paymentId, 'paymentId', 'portone');
  const reason = requireReason(options.reason, 'reason', 'portone');
  const amount = options.amount === undefined ? undefined : requireAmount(options.amount, 'amount', 'portone');
  const current = options.currentCancellableAmount;
  if (current !== undefined && !(typeof current === 'number' && Number.isSafeInteger(current) && current >= 0)) {
    requireAmount(current, 'currentCancellableAmount', 'portone');
  }
  const answer = await withTimeout(
    client(options).cancelPayment({
      paymentId,
      reason,
      ...(amount !== undefined ? { amount } : {}),
      ...(current !== undefined ? { currentCancellableAmount: current } : {}),
      ...(options.storeId ? { storeId: options.storeId } : {}),
    }),
    options.timeoutMs,
  );
  let cancelledAmount = 0;
  if (answer.ok) {
    cancelledAmount = 'totalAmount' in answer.value.cancellation ? answer.value.cancellation.totalAmount : 0;
  } else if (answer.failure.status === 'vendor-error' && answer.failure.code !== 'PAYMENT_ALREADY_CANCELLED') {
    const refusal = CANCEL_REFUSALS[answer.failure.code];
    return refusal ? { status: 'refused', reason: refusal, code: answer.failure.code, message: answer.failure.message } : answer.failure;
  } else if (answer.failure.status !== 'vendor-error') {
    return answer.failure;
  }
  const alreadyCancelled = !answer.ok;
  const lookup = await getPortOnePayment({ ...options, paymentId });
  if (lookup.status !== 'found') {
    // The refund happened; only its follow-up failed. Saying otherwise would invite a second refund.
    return alreadyCancelled ? lookup : { status: 'cancelled', cancelledAmount, remainingAmount: null, alreadyCancelled, payment: null };
  }
  const { payment } = lookup;
  const remainingAmount = 'amount' in payment ? payment.amount.total - payment.amount.cancelled : null;
  return { status: 'cancelled', cancelledAmount, remainingAmount, alreadyCancelled, payment };
}

/** The checks of `verifyPortOnePayment` on a Payment object already fetched (e.g. after a webhook). */
export function checkPortOnePayment(payment: Payment, options: Pick<VerifyPortOnePaymentOptions, 'paymentId' | 'expected' | 'storeId' | 'mode'>): VerifyResult<PortOnePayment> {
  if (!('id' in payment) || payment.status === 'READY' || !('amount' in payment)) {
    return { status: 'not-paid', vendorStatus: String(payment.status), payment };
  }
  if (payment.id !== options.paymentId) return { status: 'mismatch', field: 'orderId', expected: options.paymentId, actual: payment.id, payment };
  if (payment.status !== 'PAID' && payment.status !== 'VIRTUAL_ACCOUNT_ISSUED') return { status: 'not-paid', vendorStatus: payment.status, payment };
  if (options.storeId !== undefined && payment.storeId !== options.storeId) {
    return { status: 'mismatch', field: 'storeId', expected: options.storeId, actual: payment.storeId, payment };
  }
  if ((options.mode ?? 'live') === 'live' && payment.channel.type !== 'LIVE') {
    return { status: 'mismatch', field: 'channel', expected: 'LIVE', actual: payment.channel.type, payment };
  }
  const currency = options.expected.currency ?? 'KRW';
  if (payment.currency !== currency) return { status: 'mismatch', field: 'currency', expected: currency, actual: payment.currency, payment };
  if (payment.amount.total !== options.expected.amount) {
    return { status: 'mismatch', field: 'amount', expected: options.expected.amount, actual: payment.amount.total, payment };
  }
  return payment.status === 'PAID' ? { status: 'paid', payment } : { status: 'awaiting-deposit', payment };
}

function portOneFailure(error: unknown): VendorFailure {
  if (error instanceof GetPaymentError || error instanceof CancelPaymentError) {
    const type = String(error.data.type);
    const reason = REASONS[type] ?? (type in CANCEL_REFUSALS || type === 'PAYMENT_ALREADY_CANCELLED' ? 'rejected' : 'server');
    // The SDK hides the HTTP status; an undocumented error type is most likely the vendor's own trouble.
    return { status: 'vendor-error', httpStatus: HTTP_STATUS[type] ?? (reason === 'rejected' ? 409 : 0), code: type, message: error.message || type, reason, retryable: reason === 'server' };
  }
  if (error instanceof SyntaxError) return unavailable('VENDOR_BAD_RESPONSE', 'PortOne answered with a body that is not JSON; the outcome is unknown, retry.');
  return unavailable('VENDOR_UNREACHABLE', `PortOne could not be reached (${error instanceof Error ? error.message : String(error)}); retry.`);
}
