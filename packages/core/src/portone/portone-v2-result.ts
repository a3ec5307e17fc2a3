import type { IssueBillingKeyResponse, PaymentResponse } from '@portone/browser-sdk/v2';
import { readVendorError, vendorError } from '../errors.js';
import { vendorFailResult } from '../fail-result.js';
import { isPortOneCancel } from './portone-cancel.js';
import type { BillingKeyResult } from './portone-v2.js';
import type { CheckoutResult } from '../types.js';
import type { Money } from '../validation.js';

// Reads what the V2 SDK answered (a response with or without `code`, or a rejection) as a kcheckout
// result: success, cancel or fail, with the vendor's code kept for the developer.

/**
 * Maps what `PortOne.requestPayment` resolved with. `undefined` means the SDK redirected; a
 * response with `code` is a failure (or a cancel); any other response is an authorised payment.
 * @internal
 */
export function portOnePaymentResult(response: PaymentResponse | undefined, orderId: string, money: Money): CheckoutResult {
  const base = { provider: 'portone' as const, orderId, amount: money.value, currency: money.currency };
  if (response === undefined || response === null) return { status: 'redirecting', ...base };
  const failure = readFailure(response);
  if (failure) return { status: isPortOneCancel(failure) ? 'cancel' : 'fail', ...base, code: failure.code, message: failure.message, raw: response };
  return {
    status: 'success',
    ...base,
    ...(typeof response.paymentId === 'string' ? { paymentId: response.paymentId } : {}),
    ...(typeof response.txId === 'string' ? { txId: response.txId } : {}),
    raw: response,
  };
}

/** A rejected `requestPayment` is a setup error: a `fail` carrying a `VENDOR_ERROR` with the vendor's code. */
export function portOnePaymentRejection(error: unknown, orderId: string, money: Money): CheckoutResult {
  return vendorFailResult('portone', error, orderId, money);
}

/** Maps what `PortOne.requestIssueBillingKey` resolved with, by the same rules as payments. @internal */
export function portOneBillingKeyResult(response: IssueBillingKeyResponse | undefined, issueId?: string): BillingKeyResult {
  const base = { provider: 'portone' as const, ...(issueId ? { issueId } : {}) };
  if (response === undefined || response === null) return { status: 'redirecting', ...base };
  const failure = readFailure(response);
  if (failure) return { status: isPortOneCancel(failure) ? 'cancel' : 'fail', ...base, code: failure.code, message: failure.message, raw: response };
  if (typeof response.billingKey !== 'string' || response.billingKey === '') {
    return { status: 'fail', ...base, code: 'MISSING_BILLING_KEY', message: 'PortOne answered without a billingKey.', raw: response };
  }
  return {
    status: 'success',
    ...base,
    billingKey: response.billingKey,
    ...(typeof response.billingIssueToken === 'string' ? { billingIssueToken: response.billingIssueToken } : {}),
    raw: response,
  };
}

/** A rejected `requestIssueBillingKey`, like `portOnePaymentRejection`. */
export function portOneBillingKeyRejection(error: unknown, issueId?: string): BillingKeyResult {
  const { code, message } = readVendorError(error);
  return {
    status: 'fail',
    provider: 'portone',
    ...(issueId ? { issueId } : {}),
    code,
    message,
    raw: error,
    error: vendorError('portone', error),
  };
}

// The docs' test is `response.code !== undefined`; `null` is treated the same, as the official
// Next.js sample does (`payment.code != null`).
function readFailure(response: { code?: unknown; message?: unknown; pgCode?: unknown }): { code: string; message: string; pgCode?: string } | null {
  if (response.code === undefined || response.code === null) return null;
  const code = typeof response.code === 'string' && response.code !== '' ? response.code : 'UNKNOWN';
  const message = typeof response.message === 'string' && response.message !== '' ? response.message : code;
  return { code, message, ...(typeof response.pgCode === 'string' ? { pgCode: response.pgCode } : {}) };
}
