import { type PreloadOptions, preloadScript, TOSS_SCRIPTS } from '@kcheckout/core';

// `@kcheckout/react/toss`: only what a Toss Payments checkout needs. `<Checkout>` here takes the
// Toss options without `provider`, and the bundle carries no PortOne or iamport code.
export { TossCheckoutRoot as Checkout, type TossCheckoutRootProps as CheckoutProps } from './toss-checkout-root.js';
export { PaymentMethods, type PaymentMethodsProps } from './payment-methods.js';
export { Agreement, type AgreementProps } from './agreement.js';
export { CheckoutButton, type CheckoutButtonProps, type SuccessResult, type FailResult, type CancelResult } from './checkout-button.js';
export { useTossWidget, type UseTossWidgetOptions, type UseTossWidgetResult } from './use-toss-widget.js';
export { PaymentWindowCheckout, type PaymentWindowCheckoutProps } from './toss-payment-window-root.js';
export { useTossPaymentWindow, type UseTossPaymentWindowOptions, type UseTossPaymentWindowResult } from './use-toss-payment-window.js';
export type { MethodOption } from './default-methods.js';
export { ko, koCheckout, koRedirect, type Messages, type CheckoutMessages, type RedirectMessages, type SharedMessages } from './messages.js';
export { en, enCheckout, enRedirect } from './messages-en.js';
export { type UseRedirectResultValue, type RedirectState, type ConfirmableRedirect } from './use-redirect-result.js';
export { RedirectResult, useRedirectResult, type RedirectResultProps, type UseRedirectResultOptions } from './toss-redirect-result.js';
export { parseTossRedirect, type ParsedRedirect, type RedirectInput } from '@kcheckout/core';
export {
  CheckoutError,
  isCheckoutError,
  createOrderId,
  TOSS_ANONYMOUS,
  tossV1,
  type TossWidgetFactory,
  type CheckoutErrorCode,
  type CheckoutResult,
  type Currency,
  type PaymentOrder,
  type RedirectUrls,
  type PortOneMethod,
  type TossEscrow,
  type TossCashReceipt,
} from '@kcheckout/core';

// Toss billing (자동결제): after the payment parts, so a payment page's modules keep their order and bytes.
export { TossBillingCheckout, type TossBillingCheckoutProps } from './toss-billing-root.js';
export { useTossBilling, type UseTossBillingOptions, type UseTossBillingResult } from './use-toss-billing.js';
export { BillingKeyButton, type BillingKeyButtonProps, type BillingKeyFailed, type BillingKeyCancelled } from './billing-key-button.js';
export { BillingAuthResult, useBillingAuthResult, type BillingAuthResultProps, type UseBillingAuthResultOptions } from './toss-billing-result.js';
export { koBillingAuth } from './messages.js';
export { enBillingAuth } from './messages-en.js';
export { parseTossBillingRedirect, type TossBillingAuthResult, type TossBillingMethod } from '@kcheckout/core';

/** Starts fetching the Toss SDK before the widget mounts (see the root entry's `preload`); carries no other vendor's URL. */
export function preload(sdk: 'toss-v2' | 'toss-v1' = 'toss-v2', options: PreloadOptions = {}): void {
  preloadScript(options.src ?? TOSS_SCRIPTS[sdk].src, options);
}
