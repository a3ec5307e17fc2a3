// No 'use client' on the entries: their utilities, constants and tables (createOrderId, ko, parseRedirect…)
// must stay callable from Server Components and route handlers. The component and hook modules carry
// the directive (scripts/build-package.mjs adds it to every module that imports React).

export { Checkout, type CheckoutProps } from './checkout.js';
export type { TossCheckoutProps } from './toss-checkout-root.js';
export type { PortOneCheckoutProps } from './portone-checkout-root.js';
export type { IamportCheckoutProps } from './iamport-checkout-root.js';
export { PaymentMethods, type PaymentMethodsProps } from './payment-methods.js';
export { DEFAULT_METHODS, type MethodOption } from './default-methods.js';
export { Agreement, type AgreementProps } from './agreement.js';
export {
  CheckoutButton,
  type CheckoutButtonProps,
  type SuccessResult,
  type FailResult,
  type CancelResult,
} from './checkout-button.js';
export {
  BillingKeyButton,
  type BillingKeyButtonProps,
  type BillingKeyIssued,
  type BillingKeyFailed,
  type BillingKeyCancelled,
} from './billing-key-button.js';
export { useTossWidget, type UseTossWidgetOptions, type UseTossWidgetResult } from './use-toss-widget.js';
export { usePortOne, type UsePortOneOptions, type UsePortOneResult } from './use-portone.js';
export { useIamport, type UseIamportOptions, type UseIamportResult } from './use-iamport.js';
export { ko, koCheckout, koRedirect, type Messages, type CheckoutMessages, type RedirectMessages, type SharedMessages } from './messages.js';
export { en, enCheckout, enRedirect } from './messages-en.js';

// The core's public surface, so an app needs one import.
export {
  CheckoutError,
  isCheckoutError,
  createOrderId,
  preload,
  TOSS_ANONYMOUS,
  tossV1,
  type TossWidgetFactory,
  type CheckoutErrorCode,
  type CheckoutResult,
  type BillingKeyResult,
  type PortOneMethod,
  type PortOneEasyPayProvider,
  type PortOneBillingKeyIssue,
  type PortOneBillingKeyMethod,
  type CheckoutStatus,
  type Currency,
  type PaymentOrder,
  type Provider,
  type RedirectUrls,
  type SdkId,
} from '@kcheckout/core';
export {
  useRedirectResult,
  type UseRedirectResultOptions,
  type UseRedirectResultValue,
  type RedirectState,
  type ConfirmableRedirect,
} from './use-redirect-result.js';
export {
  RedirectResult,
  type RedirectResultProps,
  type RedirectSuccessProps,
  type RedirectFailProps,
  type RedirectPendingProps,
} from './redirect-result.js';
// Redirect pages and custom result UIs read the query and the remembered order with these.
export {
  parseRedirect,
  recallOrder,
  rememberOrder,
  type ParsedRedirect,
  type RedirectInput,
  type PendingOrder,
  type RememberedOrder,
} from '@kcheckout/core';
