import { CheckoutError, type Provider } from '../errors.js';
import { type Currency, describeValue as describe, type Money, validateAmount } from '../validation.js';

// PortOne amounts, shared by the V2 (`portone-v2`) and V1 (`iamport-v1`) drivers. It imports
// nothing from either vendor package, so an iamport-only bundle never pulls in `@portone/browser-sdk`.

/**
 * The currency spellings PortOne accepts. `@portone/browser-sdk` 0.1.x types both `'KRW'` and the
 * older `'CURRENCY_KRW'` (0.0.x, still in the docs' examples); kcheckout results always carry the
 * ISO form.
 */
export type PortOneCurrency = Currency | `CURRENCY_${Currency}`;

/** An amount for a PortOne or iamport request, in major units (12.5 means 12.50 USD). */
export interface PortOneMoney {
  value: number;
  currency: PortOneCurrency;
}

/** Accepts `'KRW' | 'CURRENCY_KRW' | 'USD' | 'CURRENCY_USD'` and returns the ISO code. */
export function normalizePortOneCurrency(currency: unknown, provider: Provider = 'portone'): Currency {
  if (currency === 'KRW' || currency === 'CURRENCY_KRW') return 'KRW';
  if (currency === 'USD' || currency === 'CURRENCY_USD') return 'USD';
  throw new CheckoutError(
    'INVALID_OPTION',
    __DEV__
      ? `지원하지 않는 통화입니다: ${describe(currency)}. currency는 'KRW'(또는 'CURRENCY_KRW'), 'USD'(또는 'CURRENCY_USD')여야 ` +
        `합니다. Unsupported currency ${describe(currency)}: pass 'KRW' or 'USD' ('CURRENCY_KRW' / 'CURRENCY_USD' also work).`
      : '',
    { provider },
  );
}

/**
 * Checks an amount for PortOne and returns it with the ISO currency. `validateAmount` already
 * insists on whole cents for USD, which matters here: V2 sends `totalAmount` in minor units, and
 * rounding a price silently would charge something other than what the page shows.
 */
export function validatePortOneMoney(money: unknown, provider: Provider = 'portone'): Money {
  if (!money || typeof money !== 'object') {
    throw new CheckoutError(
      'INVALID_AMOUNT',
      __DEV__
        ? `결제 금액이 없습니다. { value: 50000, currency: 'KRW' } 형태로 넘겨주세요. ` +
          `The amount is missing: pass { value: 50000, currency: 'KRW' }.`
        : '',
      { provider },
    );
  }
  const { value, currency } = money as { value?: unknown; currency?: unknown };
  return validateAmount(value, normalizePortOneCurrency(currency ?? 'KRW', provider), provider);
}

/** V2 `totalAmount` is in the currency's minor unit: won for KRW, cents for USD. */
export function toPortOneMinorUnits(money: Money): number {
  return money.currency === 'USD' ? Math.round(money.value * 100) : money.value;
}
