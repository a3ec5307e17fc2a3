'use client';

// `@kcheckout/react/iamport`: only what a PortOne V1 (iamport.js) checkout needs; no Toss or V2 code.
export { IamportCheckoutRoot as Checkout, type IamportCheckoutRootProps as CheckoutProps } from './iamport-checkout-root.js';
export { PaymentMethods, type PaymentMethodsProps } from './payment-methods.js';
export { DEFAULT_METHODS, type MethodOption } from './payment-method-picker.js';
export { Agreement, type AgreementProps } from './agreement.js';
export { CheckoutButton, type CheckoutButtonProps, type SuccessResult, type FailResult, type CancelResult } from './checkout-button.js';
export { useIamport, type UseIamportOptions, type UseIamportResult } from './use-iamport.js';
export type { Locale } from './messages.js';
export {
  CheckoutError,
  isCheckoutError,
  createOrderId,
  preload,
  type CheckoutErrorCode,
  type CheckoutResult,
  type Currency,
  type PaymentOrder,
  type PortOneMethod,
  type PortOneEasyPayProvider,
} from '@kcheckout/core';
