import { validateOrderId } from '@kcheckout/core';
import { callVendor, isRecord, requireSecret, trimBase, type CallOptions } from './http.js';
import type { VendorErrorResult, VendorFailure, VerifyResult } from './results.js';

export const TOSS_API_BASE = 'https://api.tosspayments.com';

/**
 * Toss's Payment object (research/toss.md §3.3), with the fields kcheckout reads typed. The rest
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

// research/toss.md §3.3: the key and auth-format codes are the merchant's configuration.
const AUTH_CODES = new Set(['UNAUTHORIZED_KEY', 'INVALID_API_KEY', 'INCORRECT_BASIC_AUTH_FORMAT', 'FORBIDDEN_REQUEST']);
const NOT_FOUND_CODES = new Set(['NOT_FOUND_PAYMENT', 'NOT_FOUND_PAYMENT_SESSION']);

/**
 * Confirms (승인) a Toss payment: `POST {baseUrl}/v1/payments/confirm` with
 * `Authorization: Basic base64(secretKey + ':')` and `{ paymentKey, orderId, amount }`
 * (docs.tosspayments.com/reference#결제-승인). Until this succeeds the payment is not complete, and
 * Toss drops an unconfirmed one after about 10 minutes.
 */
export async function confirmTossPayment(options: ConfirmTossPaymentOptions): Promise<TossConfirmResult> {
  const { paymentKey, amount } = options;
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
export async function getTossPayment(options: TossRequestOptions & { paymentKey: string }): Promise<{ status: 'found'; payment: TossPayment } | VendorFailure> {
  const answer = await callVendor(
    'Toss Payments',
    `${trimBase(options.baseUrl ?? TOSS_API_BASE)}/v1/payments/${encodeURIComponent(options.paymentKey)}`,
    { method: 'GET', headers: authHeader(options) },
    options,
  );
  if (!answer.ok) return answer.failure;
  if (answer.httpStatus !== 200) return tossFailure(answer.httpStatus, answer.body);
  if (!isTossPayment(answer.body)) return unreadable();
  return { status: 'found', payment: answer.body };
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

function authHeader(options: TossRequestOptions): Record<string, string> {
  const secretKey = requireSecret(options.secretKey, 'secretKey', 'toss');
  return { authorization: `Basic ${btoa(`${secretKey}:`)}` };
}

function isTossPayment(body: unknown): body is TossPayment {
  return isRecord(body) && typeof body.paymentKey === 'string' && typeof body.orderId === 'string' && typeof body.totalAmount === 'number' && typeof body.status === 'string';
}

function unreadable(): VendorFailure {
  return { status: 'unavailable', code: 'VENDOR_BAD_RESPONSE', message: 'Toss Payments answered 200 without a Payment object; the outcome is unknown, retry.', retryable: true };
}

function tossFailure(httpStatus: number, body: unknown): VendorErrorResult {
  const code = isRecord(body) && typeof body.code === 'string' ? body.code : `HTTP_${httpStatus}`;
  const message = isRecord(body) && typeof body.message === 'string' ? body.message : `Toss Payments answered HTTP ${httpStatus}.`;
  const reason = httpStatus >= 500 ? 'server' : AUTH_CODES.has(code) || httpStatus === 401 ? 'auth' : NOT_FOUND_CODES.has(code) ? 'not-found' : 'rejected';
  return { status: 'vendor-error', httpStatus, code, message, reason, retryable: reason === 'server' };
}
