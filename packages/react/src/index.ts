'use client';

export { Checkout, type CheckoutProps } from './checkout.js';
export { PaymentMethods, type PaymentMethodsProps } from './payment-methods.js';
export { Agreement, type AgreementProps } from './agreement.js';
export {
  CheckoutButton,
  type CheckoutButtonProps,
  type SuccessResult,
  type FailResult,
  type CancelResult,
} from './checkout-button.js';
export { useTossWidget, type UseTossWidgetOptions, type UseTossWidgetResult } from './use-toss-widget.js';
export { usePortOne, type UsePortOneOptions, type UsePortOneResult } from './use-portone.js';
export { useIamport, type UseIamportOptions, type UseIamportResult } from './use-iamport.js';
export type { Locale } from './messages.js';

// The core's public surface, so an app needs one import.
export {
  CheckoutError,
  isCheckoutError,
  createOrderId,
  preload,
  TOSS_ANONYMOUS,
  type CheckoutErrorCode,
  type CheckoutResult,
  type CheckoutStatus,
  type Currency,
  type PaymentOrder,
  type Provider,
  type RedirectUrls,
  type SdkId,
} from '@kcheckout/core';
