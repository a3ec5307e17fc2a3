import { readVendorError } from '../errors.js';
import type { CheckoutResult } from '../types.js';
import type { Money } from '../validation.js';

/** Both cancel channels: the promise's USER_CANCEL and the fail URL's PAY_PROCESS_CANCELED. */
export const TOSS_CANCEL_CODES: ReadonlySet<string> = new Set(['USER_CANCEL', 'PAY_PROCESS_CANCELED']);

/** Turns a Toss requestPayment rejection into a result: a buyer closing the window is not an error. */
export function tossRejection(error: unknown, orderId: string, money: Money): CheckoutResult {
  const { code, message } = readVendorError(error);
  const base = { provider: 'toss' as const, orderId, amount: money.value, currency: money.currency, code, message, raw: error };
  return TOSS_CANCEL_CODES.has(code) ? { status: 'cancel', ...base } : { status: 'fail', ...base };
}
