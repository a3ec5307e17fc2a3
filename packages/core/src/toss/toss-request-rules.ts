import { CheckoutError } from '../errors.js';
import type { PaymentOrder } from '../types.js';

// A given field that is not a string matching `rule`.
const malformed = (value: unknown, rule: RegExp) => value !== undefined && !(typeof value === 'string' && rule.test(value));

/**
 * The formats Toss gives the buyer fields we forward (`WidgetPaymentRequest` JSDoc in
 * @tosspayments/tosspayments-sdk 2.8.1; the vendor answers `INVALID_PARAMETERS` otherwise):
 * `customerMobilePhone` digits only, 8–15 of them; `customerEmail` and `customerName` at most 100
 * characters. Checked before any vendor call, so the developer reads which field and why.
 */
export function checkTossOrderFields({ customerMobilePhone, customerEmail, customerName }: PaymentOrder): void {
  const within100 = /^[^]{0,100}$/;
  if (malformed(customerMobilePhone, /^\d{8,15}$/) || malformed(customerEmail, within100) || malformed(customerName, within100)) {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `토스페이먼츠가 받지 않는 구매자 정보입니다: customerMobilePhone은 - 없이 숫자 8~15자리(예: '01012345678'), customerEmail과 customerName은 100자 이하 ` +
            `(${JSON.stringify({ customerMobilePhone, customerEmail, customerName })}). Toss refuses these buyer fields: customerMobilePhone must be ` +
            `8–15 digits with no '-' (e.g. '01012345678'), customerEmail and customerName at most 100 characters.`
        : '',
      { provider: 'toss' },
    );
  }
}

/**
 * Toss charges KRW for every method but PayPal (`foreignEasyPay`), which charges USD. When the
 * widget has told us the buyer's method and it is not PayPal, a USD amount cannot be paid; when it
 * has not (v1, or no click yet), the vendor decides.
 */
export function checkTossCurrency(currency: string, selectedMethod: string | null): void {
  if (currency === 'KRW' || selectedMethod === null || selectedMethod === 'PAYPAL') return;
  throw new CheckoutError(
    'INVALID_OPTION',
    __DEV__
      ? `토스페이먼츠는 PayPal만 ${currency}로 결제합니다. 고른 결제수단(${selectedMethod})은 원화(KRW)만 받습니다. ` +
          `Toss charges ${currency} through PayPal only; the method picked (${selectedMethod}) takes KRW.`
      : '',
    { provider: 'toss' },
  );
}
