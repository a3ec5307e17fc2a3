'use client';

// `@kcheckout/react/toss`: only what a Toss Payments checkout needs. `<Checkout>` here takes the
// Toss options without `provider`, and the bundle carries no PortOne or iamport code.
export { TossCheckoutRoot as Checkout, type TossCheckoutRootProps as CheckoutProps } from './toss-checkout-root.js';
export { PaymentMethods, type PaymentMethodsProps } from './payment-methods.js';
export { Agreement, type AgreementProps } from './agreement.js';
export { CheckoutButton, type CheckoutButtonProps, type SuccessResult, type FailResult, type CancelResult } from './checkout-button.js';
export { useTossWidget, type UseTossWidgetOptions, type UseTossWidgetResult } from './use-toss-widget.js';
export type { Locale } from './messages.js';
export {
  CheckoutError,
  isCheckoutError,
  createOrderId,
  preload,
  TOSS_ANONYMOUS,
  type CheckoutErrorCode,
  type CheckoutResult,
  type Currency,
  type PaymentOrder,
  type RedirectUrls,
} from '@kcheckout/core';
