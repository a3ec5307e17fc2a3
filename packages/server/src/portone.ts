import { GetPaymentError, PaymentClient, type Payment } from '@portone/server-sdk/payment';
import { timedOut, unavailable, DEFAULT_TIMEOUT_MS, requireSecret } from './http.js';
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

// The lookup's documented errors (research/portone.md §4.1).
const REASONS: Record<string, VendorErrorResult['reason']> = {
  UNAUTHORIZED: 'auth',
  FORBIDDEN: 'auth',
  PAYMENT_NOT_FOUND: 'not-found',
  INVALID_REQUEST: 'rejected',
};
const HTTP_STATUS: Record<string, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403, PAYMENT_NOT_FOUND: 404, INVALID_REQUEST: 400 };

/**
 * Verifies a PortOne V2 payment through `@portone/server-sdk` (`GET /payments/{paymentId}`):
 * - `PAID` with the expected `amount.total` and `currency` (and `storeId`, and a live channel in
 *   live mode) → `paid`;
 * - `VIRTUAL_ACCOUNT_ISSUED` with the same checks → `awaiting-deposit` (the webhook tells when it is paid);
 * - `READY`, `PAY_PENDING`, `FAILED`, `CANCELLED`, `PARTIAL_CANCELLED` → `not-paid`.
 */
export async function verifyPortOnePayment(options: VerifyPortOnePaymentOptions): Promise<VerifyResult<PortOnePayment>> {
  const client = PaymentClient({
    secret: requireSecret(options.apiSecret, 'apiSecret', 'portone'),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.storeId ? { storeId: options.storeId } : {}),
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const lookup = client.getPayment({ paymentId: options.paymentId, ...(options.storeId ? { storeId: options.storeId } : {}) });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  let payment: Payment;
  try {
    const answer = await Promise.race([lookup, timeout]);
    if (answer === 'timeout') {
      // The lookup goes on; its late outcome must not become an unhandled rejection.
      lookup.catch(() => {});
      return timedOut('PortOne', timeoutMs);
    }
    payment = answer;
  } catch (error) {
    return portOneFailure(error);
  } finally {
    clearTimeout(timer);
  }
  return checkPortOnePayment(payment, options);
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
  if (error instanceof GetPaymentError) {
    const type = String(error.data.type);
    const reason = REASONS[type] ?? 'server';
    // The SDK hides the HTTP status; an undocumented error type is most likely the vendor's own trouble.
    return { status: 'vendor-error', httpStatus: HTTP_STATUS[type] ?? 0, code: type, message: error.message || type, reason, retryable: reason === 'server' };
  }
  if (error instanceof SyntaxError) return unavailable('VENDOR_BAD_RESPONSE', 'PortOne answered with a body that is not JSON; the outcome is unknown, retry.');
  return unavailable('VENDOR_UNREACHABLE', `PortOne could not be reached (${error instanceof Error ? error.message : String(error)}); retry.`);
}
