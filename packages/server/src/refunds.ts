/**
 * What the refund (cancel) functions answer, for all three vendors, in the style of `results.ts`:
 * nothing throws for a vendor's answer, only for a programming mistake caught before any request.
 */
import { CheckoutError, type Provider } from '@kcheckout/core';
import type { VendorFailure } from './results.js';

/** The money went back to the buyer, or had already gone back. */
export interface CancelledResult<P> {
  status: 'cancelled';
  /** What this request refunded; 0 when `alreadyCancelled`. */
  cancelledAmount: number;
  /** What is left to refund after it; 0 once fully refunded. `null` only when PortOne V2 refunded but its follow-up lookup failed. */
  remainingAmount: number | null;
  /**
   * `true` when the vendor answered that the payment was already fully refunded (Toss
   * `ALREADY_CANCELED_PAYMENT`, V2 `PAYMENT_ALREADY_CANCELLED`, V1 "이미 전액취소된 주문입니다."): a repeat of
   * a refund is not an error, so a retry after a lost answer is safe.
   */
  alreadyCancelled: boolean;
  /** The vendor's payment after the refund. */
  payment: P;
}

/**
 * The vendor refused the refund, and retrying the same request will not change that:
 * - `not-cancellable`: the payment is not in a refundable state (not paid, aborted, an undeposited account…);
 * - `amount`: more than the refundable balance, or a part of a payment that refunds only in full;
 * - `balance-changed`: the balance the merchant sent as a check (`currentCancellableAmount`, `checksum`)
 *   is not the vendor's: another refund happened in between. Look the payment up before deciding;
 * - `other`: any other refusal the vendor reported with a code; read `code` and `message`.
 */
export interface RefusedResult {
  status: 'refused';
  reason: 'not-cancellable' | 'amount' | 'balance-changed' | 'other';
  /** The vendor's code (Toss `code`, V2 `type`, V1 `code` as text). */
  code: string;
  message: string;
}

export type CancelResult<P = unknown> = CancelledResult<P> | RefusedResult | VendorFailure;

/** A lookup's answer: the payment, or why not (a payment the vendor does not know is a `vendor-error` with `reason: 'not-found'`). */
export type LookupResult<P> = { status: 'found'; payment: P } | VendorFailure;

/**
 * A positive safe integer amount (won, or minor units), or a `CheckoutError('INVALID_AMOUNT')` before
 * any request: `NaN`, `-1`, `1.5`, `'15000'`, `1e21` and `2 ** 53` would each be sent to the vendor as
 * something other than the merchant meant.
 */
export function requireAmount(value: unknown, name: string, provider: Provider): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  throw new CheckoutError(
    'INVALID_AMOUNT',
    `${name}는 0보다 큰 정수(숫자)여야 합니다 (${typeof value} ${shown}). 주문 금액을 정수로 넘겨주세요. ` +
      `${name} must be a whole number above 0 and at most ${Number.MAX_SAFE_INTEGER} (got ${typeof value} ${shown}): pass your order's amount as a number such as 15000.`,
    { provider },
  );
}

/**
 * A vendor id that goes into a URL path: non-empty printable ASCII, at most `max` characters. Anything
 * else is not an id the vendor issued, so it is refused before a request rather than sent encoded.
 */
export function requireVendorId(value: unknown, name: string, provider: Provider, max = 200): string {
  if (typeof value === 'string' && value.length > 0 && value.length <= max && /^[\x21-\x7e]+$/.test(value)) return value;
  const kind = typeof value !== 'string' ? typeof value : value.length === 0 ? 'an empty string' : value.length > max ? `${value.length} characters` : 'characters outside printable ASCII';
  throw new CheckoutError(
    'INVALID_OPTION',
    `${name}가 올바르지 않습니다 (${kind}). 벤더가 준 값을 그대로 넘겨주세요. ` +
      `${name} is not an id the vendor issued (${kind}): pass the value the vendor gave you, unchanged (1–${max} printable ASCII characters).`,
    { provider },
  );
}

/** A refund reason: the vendors require one, and it ends up on the buyer's statement. */
export function requireReason(value: unknown, name: string, provider: Provider, max = 200): string {
  if (typeof value === 'string' && value.trim() !== '' && value.length <= max) return value;
  throw new CheckoutError(
    'INVALID_OPTION',
    `${name}(취소 사유)가 필요합니다 (1~${max}자). ${name} is required: a short refund reason of 1–${max} characters, e.g. '고객 요청'.`,
    { provider },
  );
}
