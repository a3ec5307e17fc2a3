import { CheckoutError } from './errors.js';
import type { PaymentOrder } from './types.js';

const invalid = (message: string) => new CheckoutError('INVALID_OPTION', message, { provider: 'toss' });

/**
 * The formats Toss gives the buyer fields we forward (`WidgetPaymentRequest` JSDoc in
 * @tosspayments/tosspayments-sdk 2.8.1; the vendor answers `INVALID_PARAMETERS` otherwise):
 * `customerMobilePhone` digits only, 8–15 of them; `customerEmail` and `customerName` at most 100
 * characters. Checked before any vendor call, so the developer reads which field and why.
 */
export function checkTossOrderFields(order: PaymentOrder): void {
  const { customerMobilePhone, customerEmail, customerName } = order;
  if (customerMobilePhone !== undefined && (typeof customerMobilePhone !== 'string' || !/^\d{8,15}$/.test(customerMobilePhone))) {
    throw invalid(
      __DEV__
        ? `customerMobilePhone은 - 없이 숫자 8~15자리여야 합니다 (${JSON.stringify(customerMobilePhone)}). 예: '01012345678'. ` +
            `customerMobilePhone must be 8–15 digits with no '-' or spaces (got ${JSON.stringify(customerMobilePhone)}), e.g. '01012345678'.`
        : '',
    );
  }
  for (const [name, value] of [['customerEmail', customerEmail], ['customerName', customerName]] as const) {
    if (value !== undefined && (typeof value !== 'string' || value.length > 100)) {
      throw invalid(__DEV__ ? `${name}은 100자 이하의 문자열이어야 합니다. ${name} must be a string of at most 100 characters.` : '');
    }
  }
}

/**
 * Toss charges KRW for every method but PayPal (`foreignEasyPay`), which charges USD. When the
 * widget has told us the buyer's method and it is not PayPal, a USD amount cannot be paid; when it
 * has not (v1, or no click yet), the vendor decides.
 */
export function checkTossCurrency(currency: string, selectedMethod: string | null): void {
  if (currency === 'KRW' || selectedMethod === null || selectedMethod === 'PAYPAL') return;
  throw invalid(
    __DEV__
      ? `토스페이먼츠는 PayPal만 ${currency}로 결제합니다. 고른 결제수단(${selectedMethod})은 원화(KRW)만 받습니다. ` +
          `Toss charges ${currency} through PayPal only; the method picked (${selectedMethod}) takes KRW.`
      : '',
  );
}
