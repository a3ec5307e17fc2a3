import { control } from '../shared/control.js';
import { isMobileDevice } from '../shared/device.js';
import { tossError } from './errors.js';

/**
 * The parameters each Toss call takes, from the vendors' type definitions (research/toss.md §1.3,
 * §2.4). The vendor answers `INVALID_PARAMETERS` for a parameter it does not define, so a library
 * that forwards a misspelt or invented field fails here as it would live.
 */
export const ALLOWED = {
  // WidgetPaymentRequest (@tosspayments/tosspayments-sdk 2.8.1), with its @ignore fields.
  'v2.requestPayment': [
    'orderId', 'orderName', 'customerEmail', 'customerName', 'customerMobilePhone', 'taxFreeAmount', 'windowTarget',
    'metadata', 'card', 'transfer', 'virtualAccount', 'foreignEasyPay', 'successUrl', 'failUrl',
    'pendingUrl', 'sandbox', 'subMerchantSetting', 'subOrders',
  ],
  // The payment window's request (@tosspayments/tosspayments-sdk 2.8.1 `PaymentRequest` and the
  // per-method `CardPaymentRequest`, … `ForeignEasyPayPaymentRequest`), with its @ignore fields.
  'v2.payment.requestPayment': [
    'method', 'amount', 'orderId', 'orderName', 'customerName', 'customerEmail', 'customerMobilePhone', 'taxFreeAmount',
    'windowTarget', 'pendingUrl', 'metadata', 'orderProductCode', 'sandbox', 'subOrders', 'card', 'transfer',
    'virtualAccount', 'mobilePhone', 'foreignEasyPay', 'successUrl', 'failUrl',
  ],
  // PaymentInfo / PromiseTypePaymentInfo (@tosspayments/payment-widget__types 1.1.0).
  'v1.requestPayment': [
    'orderId', 'orderName', 'customerEmail', 'customerName', 'appScheme', 'taxFreeAmount', 'taxExemptionAmount',
    'cultureExpense', 'useEscrow', 'escrowProducts', 'customerMobilePhone', 'showCustomerMobilePhone', 'mobileCarrier',
    'products', 'shipping', 'paymentMethodOptions', 'metadata', 'useInternationalCardOnly', 'successUrl', 'failUrl',
  ],
  'v2.setAmount': ['value', 'currency'],
  'v2.render': ['selector', 'variantKey'],
  'v1.amount': ['value', 'currency', 'country'],
  'v1.renderOptions': ['variantKey'],
} as const;

/** Refuses any own key of `params` that `which` does not define. */
export function checkAllowed(which: keyof typeof ALLOWED, params: object): void {
  const allowed: readonly string[] = ALLOWED[which];
  const unknown = Object.keys(params).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw tossError('INVALID_PARAMETERS', `${which.replace(/^v\d\./, '')} does not take ${unknown.map((key) => `'${key}'`).join(', ')}; it takes ${allowed.join(', ')}`);
  }
}

const given = (value: unknown) => value !== undefined && value !== null;

/**
 * The formats of the optional buyer fields (WidgetPaymentRequest JSDoc): `customerMobilePhone`
 * digits only, 8–15 of them, no `-`; `customerEmail` and `customerName` at most 100 characters.
 * And `windowTarget`: `'iframe'` or `'self'`, and no iframe on a phone (research/toss.md §2.4).
 */
export function checkOptionalFields(params: Record<string, unknown>): void {
  const { customerMobilePhone, customerEmail, customerName, windowTarget } = params;
  if (given(customerMobilePhone) && (typeof customerMobilePhone !== 'string' || !/^\d{8,15}$/.test(customerMobilePhone))) {
    throw tossError('INVALID_PARAMETERS', `customerMobilePhone must be 8–15 digits without '-', got ${JSON.stringify(customerMobilePhone)}`, 'customerMobilePhone은 - 없이 숫자 8자 이상 15자 이하여야 합니다.');
  }
  for (const [name, value] of [['customerEmail', customerEmail], ['customerName', customerName]] as const) {
    if (given(value) && (typeof value !== 'string' || value.length > 100)) {
      throw tossError('INVALID_PARAMETERS', `${name} must be a string of at most 100 characters`, `${name}은 100자 이하의 문자열이어야 합니다.`);
    }
  }
  if (given(windowTarget) && windowTarget !== 'iframe' && windowTarget !== 'self') {
    throw tossError('INVALID_PARAMETERS', `windowTarget must be 'iframe' or 'self', got ${JSON.stringify(windowTarget)}`);
  }
  if (windowTarget === 'iframe' && isMobileDevice()) {
    throw tossError('INVALID_PARAMETERS', "windowTarget 'iframe' is not available on a mobile device: leave it out or pass 'self'");
  }
}

// The variant keys of the sandbox's pretend console: the vendor's defaults, plus any a test adds.
const DEFAULT_VARIANT_KEYS = ['DEFAULT', 'AGREEMENT'];

/** A `variantKey` must be one set up in the merchant's console; the vendor throws INVALID_VARIANT_KEY otherwise. */
export function checkVariantKeyKnown(variantKey: unknown): void {
  if (variantKey === undefined) return;
  if (typeof variantKey !== 'string') throw tossError('INVALID_PARAMETERS', `variantKey must be a string, got ${typeof variantKey}`);
  const known = [...DEFAULT_VARIANT_KEYS, ...(control().variantKeys ?? [])];
  if (!known.includes(variantKey)) {
    throw tossError('INVALID_VARIANT_KEY', `no variant ${JSON.stringify(variantKey)} in the (sandbox) console; it knows ${known.join(', ')}: add yours to kcheckoutSandbox.variantKeys`);
  }
}

/** USD is for PayPal only (research/toss.md §2.4 `foreignEasyPay`); every other method charges KRW. */
export function checkCurrencyForMethod(currency: string, methodCode: string): void {
  if (currency !== 'KRW' && methodCode !== 'PAYPAL') {
    throw tossError('INVALID_AMOUNT_CURRENCY', `${methodCode} charges KRW only; ${currency} is for PayPal`);
  }
}
