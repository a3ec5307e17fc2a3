import { CheckoutError, type Provider, readVendorError, vendorError } from './errors.js';
import type { CheckoutResult } from './types.js';
import type { Money } from './validation.js';

/**
 * A vendor refusing a payment call, as a `fail` result rather than a rejection: the checkout's
 * callers handle one union, and `error` keeps the `VENDOR_ERROR` for those who prefer to throw.
 */
export function vendorFailResult(provider: Provider, error: unknown, orderId: string, money: Money): CheckoutResult {
  const wrapped = vendorError(provider, error);
  const { code, message } =
    error instanceof CheckoutError ? { code: error.vendorCode ?? error.code, message: error.message } : readVendorError(error);
  return {
    status: 'fail',
    provider,
    orderId,
    amount: money.value,
    currency: money.currency,
    code,
    message,
    raw: error,
    error: wrapped,
  };
}
