import { validateOrderId } from '@kcheckout/core';
import { callVendor, isRecord, requireSecret, trimBase, type CallOptions } from './http.js';
import { requireAmount, requireReason, requireVendorId, type CancelResult, type LookupResult } from './refunds.js';
import type { VendorErrorResult, VendorFailure, VerifyResult } from './results.js';

export const TOSS_API_BASE = 'https://api.tosspayments.com';

/**
 * Toss's Payment object (docs.tosspayments.com), with the fields kcheckout reads typed. The rest
 * is kept as sent.
 */
export interface TossPayment {
  paymentKey: string;
  orderId: string;
  orderName: string;
  /** `READY | IN_PROGRESS | WAITING_FOR_DEPOSIT | DONE | CANCELED | PARTIAL_CANCELED | ABORTED | EXPIRED`. */
  status: string;
  totalAmount: number;
  balanceAmount: number;
  currency: string;
  method: string | null;
  approvedAt: string | null;
  [field: string]: unknown;
}

/** Toss error codes the confirm is documented to answer; any other vendor code may arrive too. */
export type TossErrorCode =
  | 'ALREADY_PROCESSED_PAYMENT'
  | 'NOT_FOUND_PAYMENT_SESSION'
  | 'NOT_FOUND_PAYMENT'
  | 'UNAUTHORIZED_KEY'
  | 'INVALID_API_KEY'
  | 'INCORRECT_BASIC_AUTH_FORMAT'
  | 'REJECT_CARD_PAYMENT'
  | 'REJECT_CARD_COMPANY'
  | 'FORBIDDEN_REQUEST'
  | 'INVALID_REQUEST'
  | 'FAILED_INTERNAL_SYSTEM_PROCESSING'
  | 'FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING'
  | 'UNKNOWN_PAYMENT_ERROR'
  | 'ALREADY_CANCELED_PAYMENT'
  | 'NOT_CANCELABLE_AMOUNT'
  | 'NOT_CANCELABLE_PAYMENT'
  | (string & {});

export interface TossRequestOptions extends CallOptions {
  /** The secret key: `test_gsk_…` / `live_gsk_…` for the payment widget, `…_sk_…` for the API keys. Server only. */
  secretKey: string;
  /** Default `https://api.tosspayments.com`; the sandbox's REST stand-ins for tests. */
  baseUrl?: string;
}

export interface ConfirmTossPaymentOptions extends TossRequestOptions {
  paymentKey: string;
  orderId: string;
  /** The amount from the merchant's own order, never from the redirect's query. */
  amount: number;
  /** Checked against the payment's `currency` when given. */
  currency?: string;
}

/**
 * The answer of `confirmTossPayment`:
 * - `paid`: Toss approved the payment (`DONE`) for this order and amount;
 * - `awaiting-deposit`: a virtual account was issued (`WAITING_FOR_DEPOSIT`);
 * - `already-processed`: `ALREADY_PROCESSED_PAYMENT`, the payment was confirmed before (a repeat, or
 *   an earlier confirm whose answer was lost). Look it up with `getTossPayment` before trusting it;
 *   `createConfirmHandler` does;
 * - `mismatch` / `not-paid`: Toss answered 200 but not for this order, amount or status;
 * - `vendor-error` / `unavailable`: see `VendorFailure`.
 */
export type TossConfirmResult = VerifyResult<TossPayment> | { status: 'already-processed'; code: 'ALREADY_PROCESSED_PAYMENT'; message: string };

// docs.tosspayments.com: the key and auth-format codes are the merchant's configuration.
const AUTH_CODES = new Set(['UNAUTHORIZED_KEY', 'INVALID_API_KEY', 'INCORRECT_BASIC_AUTH_FORMAT', 'FORBIDDEN_REQUEST']);
const NOT_FOUND_CODES = new Set(['NOT_FOUND_PAYMENT', 'NOT_FOUND_PAYMENT_SESSION']);

/**
 * Confirms (승인) a Toss payment: `POST {baseUrl}/v1/payments/confirm` with
 * `Authorization: Basic base64(secretKey + ':')` and `{ paymentKey, orderId, amount }`
 * (docs.tosspayments.com/reference#결제-승인). Until this succeeds the payment is not complete, and
 * Toss drops an unconfirmed one after about 10 minutes.
 */
export async function confirmTossPayment(options: ConfirmTossPaymentOptions): Promise<TossConfirmResult> {
  // Checked before the request: a wrong amount sent to confirm would be refused at best, and the
  // 10-minute window would run on while the merchant finds out why.
  const paymentKey = requireVendorId(options.paymentKey, 'paymentKey', 'toss');
  const amount = requireAmount(options.amount, 'amount', 'toss');
  const orderId = validateOrderId(options.orderId, 'toss');
  const answer = await callVendor(
    'Toss Payments',
    `${trimBase(options.baseUrl ?? TOSS_API_BASE)}/v1/payments/confirm`,
    { method: 'POST', headers: { ...authHeader(options), 'content-type': 'application/json' }, body: JSON.stringify({ paymentKey, orderId, amount }) },
    options,
  );
  if (!answer.ok) return answer.failure;
  if (answer.httpStatus !== 200) {
    const failure = tossFailure(answer.httpStatus, answer.body);
    if (failure.status === 'vendor-error' && failure.code === 'ALREADY_PROCESSED_PAYMENT') {
      return { status: 'already-processed', code: 'ALREADY_PROCESSED_PAYMENT', message: failure.message };
    }
    return failure;
  }
  return checkTossPayment(answer.body, { orderId, amount, ...(options.currency ? { currency: options.currency } : {}) });
}

/** Looks a payment up: `GET {baseUrl}/v1/payments/{paymentKey}`. */
export function getTossPayment(options: TossRequestOptions & { paymentKey: string }): Promise<LookupResult<TossPayment>> {
  return lookup(options, encodeURIComponent(options.paymentKey));
}

/**
 * Looks a payment up by the merchant's order id: `GET {baseUrl}/v1/payments/orders/{orderId}`
 * (docs.tosspayments.com/reference#orderid로-결제-조회), e.g. for a sweep of orders whose redirect
 * never came back. An unknown order is a `vendor-error` with `reason: 'not-found'` (`NOT_FOUND_PAYMENT`).
 */
export function getTossPaymentByOrderId(options: TossRequestOptions & { orderId: string }): Promise<LookupResult<TossPayment>> {
  return lookup(options, `orders/${encodeURIComponent(validateOrderId(options.orderId, 'toss'))}`);
}

async function lookup(options: TossRequestOptions, path: string): Promise<LookupResult<TossPayment>> {
  const answer = await callVendor('Toss Payments', `${trimBase(options.baseUrl ?? TOSS_API_BASE)}/v1/payments/${path}`, { method: 'GET', headers: authHeader(options) }, options);
  if (!answer.ok) return answer.failure;
  if (answer.httpStatus !== 200) return tossFailure(answer.httpStatus, answer.body);
  if (!isTossPayment(answer.body)) return unreadable();
  return { status: 'found', payment: answer.body };
}

export interface CancelTossPaymentOptions extends TossRequestOptions {
  paymentKey: string;
  /** Required by Toss (at most 200 characters); shown in the dashboard. */
  cancelReason: string;
  /** A partial refund of this many won; omit it to refund everything that is left. */
  cancelAmount?: number;
  /**
   * Toss's `Idempotency-Key` (at most 300 characters, kept 15 days from first use): a repeat with the
   * same key answers the first answer and refunds nothing more. Default: derived from `paymentKey`,
   * `cancelAmount` and `cancelReason`, so a retry of the same refund is one refund. Pass your own
   * refund record's id when two separate refunds of one payment may share amount and reason (two
   * returned items at the same price), or the second would be taken for a repeat of the first.
   */
  idempotencyKey?: string;
}

// Toss's cancel refusals (docs.tosspayments.com/reference/error-codes, 결제 취소).
const CANCEL_REFUSALS: Record<string, 'not-cancellable' | 'amount'> = {
  NOT_CANCELABLE_AMOUNT: 'amount',
  NOT_CANCELABLE_PAYMENT: 'not-cancellable',
};

/**
 * Refunds (취소) a Toss payment, in full or in part: `POST {baseUrl}/v1/payments/{paymentKey}/cancel`
 * with `{ cancelReason, cancelAmount? }` and an `Idempotency-Key` header
 * (docs.tosspayments.com/reference#결제-취소, docs.tosspayments.com/reference/using-api/idempotency-key).
 * `ALREADY_CANCELED_PAYMENT` is answered `cancelled` with `alreadyCancelled: true` after a lookup.
 */
export async function cancelTossPayment(options: CancelTossPaymentOptions): Promise<CancelResult<TossPayment>> {
  const paymentKey = requireVendorId(options.paymentKey, 'paymentKey', 'toss');
  const cancelReason = requireReason(options.cancelReason, 'cancelReason', 'toss');
  const cancelAmount = options.cancelAmount === undefined ? undefined : requireAmount(options.cancelAmount, 'cancelAmount', 'toss');
  const idempotencyKey = options.idempotencyKey ?? (await defaultIdempotencyKey(paymentKey, cancelAmount, cancelReason));
  requireVendorId(idempotencyKey, 'idempotencyKey', 'toss', 300);
  const answer = await callVendor(
    'Toss Payments',
    `${trimBase(options.baseUrl ?? TOSS_API_BASE)}/v1/payments/${encodeURIComponent(paymentKey)}/cancel`,
    {
      method: 'POST',
      headers: { ...authHeader(options), 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(cancelAmount === undefined ? { cancelReason } : { cancelReason, cancelAmount }),
    },
    options,
  );
  if (!answer.ok) return answer.failure;
  if (answer.httpStatus === 200) {
    if (!isTossPayment(answer.body)) return unreadable();
    const cancels = Array.isArray(answer.body.cancels) ? answer.body.cancels : [];
    const last: unknown = cancels.at(-1);
    const cancelledAmount = isRecord(last) && typeof last.cancelAmount === 'number' ? last.cancelAmount : 0;
    return { status: 'cancelled', cancelledAmount, remainingAmount: answer.body.balanceAmount, alreadyCancelled: false, payment: answer.body };
  }
  const failure = tossFailure(answer.httpStatus, answer.body);
  if (failure.status !== 'vendor-error') return failure;
  if (failure.code === 'ALREADY_CANCELED_PAYMENT') {
    const lookup = await getTossPayment({ ...options, paymentKey });
    if (lookup.status !== 'found') return lookup;
    return { status: 'cancelled', cancelledAmount: 0, remainingAmount: lookup.payment.balanceAmount, alreadyCancelled: true, payment: lookup.payment };
  }
  const refusal = CANCEL_REFUSALS[failure.code];
  return refusal ? { status: 'refused', reason: refusal, code: failure.code, message: failure.message } : failure;
}

/** `kcheckout-cancel-` and the SHA-256 of what makes a refund the same refund. */
async function defaultIdempotencyKey(paymentKey: string, amount: number | undefined, reason: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify([paymentKey, amount ?? 'all', reason])));
  return `kcheckout-cancel-${[...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Whether a Toss Payment object is the merchant's order, paid in full: its `orderId`, `totalAmount`
 * and `currency` (when given) must match, and its status must be `DONE` (or `WAITING_FOR_DEPOSIT`).
 */
export function checkTossPayment(body: unknown, expected: { orderId: string; amount: number; currency?: string }): VerifyResult<TossPayment> {
  if (!isTossPayment(body)) return unreadable();
  const payment = body;
  if (payment.orderId !== expected.orderId) return { status: 'mismatch', field: 'orderId', expected: expected.orderId, actual: payment.orderId, payment };
  if (expected.currency !== undefined && payment.currency !== expected.currency) {
    return { status: 'mismatch', field: 'currency', expected: expected.currency, actual: payment.currency, payment };
  }
  if (payment.totalAmount !== expected.amount) return { status: 'mismatch', field: 'amount', expected: expected.amount, actual: payment.totalAmount, payment };
  if (payment.status === 'DONE') return { status: 'paid', payment };
  if (payment.status === 'WAITING_FOR_DEPOSIT') return { status: 'awaiting-deposit', payment };
  return { status: 'not-paid', vendorStatus: payment.status, payment };
}

export function authHeader(options: TossRequestOptions): Record<string, string> {
  const secretKey = requireSecret(options.secretKey, 'secretKey', 'toss');
  return { authorization: `Basic ${btoa(`${secretKey}:`)}` };
}

export function isTossPayment(body: unknown): body is TossPayment {
  return isRecord(body) && typeof body.paymentKey === 'string' && typeof body.orderId === 'string' && typeof body.totalAmount === 'number' && typeof body.status === 'string';
}

export function unreadable(): VendorFailure {
  return { status: 'unavailable', code: 'VENDOR_BAD_RESPONSE', message: 'Toss Payments answered 200 without a Payment object; the outcome is unknown, retry.', retryable: true };
}

export function tossFailure(httpStatus: number, body: unknown): VendorErrorResult {
  const code = isRecord(body) && typeof body.code === 'string' ? body.code : `HTTP_${httpStatus}`;
  const message = isRecord(body) && typeof body.message === 'string' ? body.message : `Toss Payments answered HTTP ${httpStatus}.`;
  const reason = httpStatus >= 500 ? 'server' : AUTH_CODES.has(code) || httpStatus === 401 ? 'auth' : NOT_FOUND_CODES.has(code) ? 'not-found' : 'rejected';
  return { status: 'vendor-error', httpStatus, code, message, reason, retryable: reason === 'server' };
}
