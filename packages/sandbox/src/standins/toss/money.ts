import { tossError } from './errors.js';

export type TossCurrency = 'KRW' | 'USD';

export interface TossMoney {
  value: number;
  currency: TossCurrency;
}

/**
 * Validates an amount and returns a copy: the caller's object is never kept, since the official
 * v2 sample's coupon bug (tosspayments-sample 057bd05) came from a re-passed, mutated object.
 */
export function readMoney(value: unknown, currency: unknown): TossMoney {
  if (currency !== 'KRW' && currency !== 'USD') {
    throw tossError('INVALID_AMOUNT_CURRENCY', `currency must be 'KRW' or 'USD', got ${JSON.stringify(currency)}`);
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw tossError('INVALID_AMOUNT_VALUE', `amount value must be a finite number ≥ 0, got ${String(value)}`);
  }
  if (currency === 'KRW' && !Number.isInteger(value)) {
    throw tossError('INVALID_AMOUNT_VALUE', `a KRW amount must be a whole number of won, got ${value}`);
  }
  return { value, currency };
}

/** `50,000원`, or `$12.50` for USD. */
export function formatMoney(money: TossMoney): string {
  return money.currency === 'KRW'
    ? `${money.value.toLocaleString('ko-KR')}원`
    : `$${money.value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
