import { CheckoutError, type Provider } from './errors.js';
import { describeValue as describe } from './validation.js';

// The payment methods the buyer picks in our method picker: one shape for PortOne V2, V1 (iamport)
// and the Toss payment window, each of which maps it to its own fields. The names say PortOne
// because PortOne came first; nothing here imports a vendor package.

/** Easy-pay wallets both PortOne generations can open directly (V2 `easyPayProvider`, V1 `pay_method`). */
export type PortOneEasyPayProvider =
  | 'KAKAOPAY'
  | 'NAVERPAY'
  | 'TOSSPAY'
  | 'PAYCO'
  | 'SAMSUNGPAY'
  | 'APPLEPAY'
  | 'SSGPAY'
  | 'LPAY'
  | 'KPAY'
  | 'SKPAY'
  | 'PINPAY'
  | 'TOSS_BRANDPAY';

export const PORTONE_EASY_PAY_PROVIDERS: readonly PortOneEasyPayProvider[] = [
  'KAKAOPAY',
  'NAVERPAY',
  'TOSSPAY',
  'PAYCO',
  'SAMSUNGPAY',
  'APPLEPAY',
  'SSGPAY',
  'LPAY',
  'KPAY',
  'SKPAY',
  'PINPAY',
  'TOSS_BRANDPAY',
];

/**
 * The payment method the buyer picked, the same for V2 and V1. Which ones work depends on the
 * channel's PG contract.
 */
export type PortOneMethod =
  | { type: 'card' }
  /** Without `provider`, V2 lets the channel's PG show its own wallet choice; V1 needs a provider. */
  | { type: 'easyPay'; provider?: PortOneEasyPayProvider }
  | { type: 'transfer' }
  | { type: 'virtualAccount' }
  /**
   * 휴대폰 소액결제. `digital` says whether the goods are digital content: V1 requires it
   * (`digital`), V2 sends it as `productType`.
   */
  | { type: 'mobile'; digital?: boolean };

export type PortOneMethodType = PortOneMethod['type'];

const METHOD_TYPES: readonly PortOneMethodType[] = ['card', 'easyPay', 'transfer', 'virtualAccount', 'mobile'];

/** Checks a method object from untyped callers (a radio group's value, JSON). */
export function validatePortOneMethod(method: unknown, provider: Provider = 'portone'): PortOneMethod {
  const type = method && typeof method === 'object' ? (method as { type?: unknown }).type : undefined;
  if (!METHOD_TYPES.includes(type as PortOneMethodType)) {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `결제수단이 올바르지 않습니다 (${describe(type ?? method)}). type은 ${METHOD_TYPES.map((t) => `'${t}'`).join(', ')} 중 ` +
          `하나여야 합니다. The payment method must be { type } with type one of ${METHOD_TYPES.join(', ')}.`
        : '',
      { provider },
    );
  }
  if (type === 'easyPay') {
    const easyPayProvider = (method as { provider?: unknown }).provider;
    if (easyPayProvider !== undefined && !PORTONE_EASY_PAY_PROVIDERS.includes(easyPayProvider as PortOneEasyPayProvider)) {
      throw new CheckoutError(
        'INVALID_OPTION',
        __DEV__
          ? `지원하지 않는 간편결제입니다 (${describe(easyPayProvider)}). provider는 ${PORTONE_EASY_PAY_PROVIDERS.join(', ')} 중 ` +
            `하나여야 합니다. Unknown easy-pay provider ${describe(easyPayProvider)}: use one of ` +
            `${PORTONE_EASY_PAY_PROVIDERS.join(', ')}.`
          : '',
        { provider },
      );
    }
  }
  if (type === 'mobile') {
    const digital = (method as { digital?: unknown }).digital;
    if (digital !== undefined && typeof digital !== 'boolean') {
      throw new CheckoutError(
        'INVALID_OPTION',
        __DEV__
          ? `mobile 결제수단의 digital은 true 또는 false여야 합니다 (${describe(digital)}). ` +
            `digital on a mobile method must be true or false (got ${describe(digital)}).`
          : '',
        { provider },
      );
    }
  }
  return method as PortOneMethod;
}
