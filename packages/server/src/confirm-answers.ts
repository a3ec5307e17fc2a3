import type { Provider } from '@kcheckout/core';

/** Error codes in the handler's answers. */
export type ConfirmErrorCode =
  | 'METHOD_NOT_ALLOWED'
  | 'BODY_TOO_LARGE'
  | 'INVALID_REQUEST'
  | 'PROVIDER_NOT_CONFIGURED'
  | 'ORDER_NOT_FOUND'
  | 'PROVIDER_MISMATCH'
  | 'ORDER_ALREADY_PAID'
  | 'ORDER_EXPIRED'
  | 'ORDER_REFUNDED'
  | 'CONFIRM_IN_PROGRESS'
  | 'AMOUNT_MISMATCH'
  | 'CURRENCY_MISMATCH'
  | 'ORDER_MISMATCH'
  | 'TEST_CHANNEL_IN_LIVE_MODE'
  | 'PAYMENT_NOT_PAID'
  | 'PAYMENT_REFUNDED'
  | 'REFUND_FAILED'
  | 'PAYMENT_NOT_FOUND'
  | 'PAYMENT_REJECTED'
  | 'VENDOR_AUTH_FAILED'
  | 'VENDOR_UNAVAILABLE'
  | 'VENDOR_TIMEOUT'
  | 'VENDOR_UNREACHABLE'
  | 'VENDOR_BAD_RESPONSE'
  | 'ORDER_INVALID'
  | 'ORDER_STORE_FAILED';

/** The handler's JSON answers. */
export type ConfirmResponseBody =
  | { ok: true; status: 'paid' | 'awaiting-deposit'; provider: Provider; orderId: string; amount: number; currency: string; alreadyPaid: boolean }
  | { ok: false; error: { code: ConfirmErrorCode; message: string; retryable: boolean; vendorCode?: string; vendorMessage?: string } };

/** An answer before it becomes a Response: HTTP status, JSON body, and how long to wait before a retry. */
export interface ConfirmOutcome {
  status: number;
  body: ConfirmResponseBody;
  retryAfterSeconds?: number;
}

export function fail(status: number, code: ConfirmErrorCode, message: string, retryable = false, vendor: { vendorCode?: string; vendorMessage?: string } = {}): ConfirmOutcome {
  return { status, body: { ok: false, error: { code, message, retryable, ...vendor } } };
}

export function respond(outcome: ConfirmOutcome, headers: Record<string, string> = {}): Response {
  const retryable = !outcome.body.ok && outcome.body.error.retryable;
  const retry: Record<string, string> = retryable ? { 'retry-after': String(outcome.retryAfterSeconds ?? 2) } : {};
  return new Response(JSON.stringify(outcome.body), {
    status: outcome.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...retry, ...headers },
  });
}
