import { PORTONE_V2_SCRIPT, type PreloadOptions, preloadScript } from '@kcheckout/core';

// `@kcheckout/react/portone`: only what a PortOne V2 checkout needs; no Toss or iamport code.
export { PortOneCheckoutRoot as Checkout, type PortOneCheckoutRootProps as CheckoutProps } from './portone-checkout-root.js';
export { PaymentMethods, type PaymentMethodsProps } from './payment-methods.js';
export { DEFAULT_METHODS, type MethodOption } from './default-methods.js';
export { Agreement, type AgreementProps } from './agreement.js';
export { CheckoutButton, type CheckoutButtonProps, type SuccessResult, type FailResult, type CancelResult } from './checkout-button.js';
export {
  BillingKeyButton,
  type BillingKeyButtonProps,
  type BillingKeyIssued,
  type BillingKeyFailed,
  type BillingKeyCancelled,
} from './billing-key-button.js';
export {
  IdentityVerificationButton,
  type IdentityVerificationButtonProps,
  type IdentityVerified,
  type IdentityVerificationFailed,
  type IdentityVerificationCancelled,
} from './identity-verification-button.js';
export { useIdentityVerification, type UseIdentityVerificationOptions, type UseIdentityVerificationResult } from './use-identity-verification.js';
export { IdentityVerificationResult, type IdentityVerificationResultProps } from './identity-verification-result.js';
export { useIdentityVerificationResult, type UseIdentityVerificationResultOptions } from './use-identity-verification-result.js';
export { usePortOne, type UsePortOneOptions, type UsePortOneResult } from './use-portone.js';
export { PayPalButtons, type PayPalButtonsProps } from './paypal-buttons.js';
export { usePayPalButtons, type UsePayPalButtonsOptions, type UsePayPalButtonsResult } from './use-paypal-buttons.js';
export {
  BillingKeyAndPayButton,
  type BillingKeyAndPayButtonProps,
  type BillingKeyAndPaySucceeded,
  type BillingKeyAndPayFailed,
  type BillingKeyAndPayCancelled,
} from './billing-key-and-pay-button.js';
export { useBillingKeyAndPay, type UseBillingKeyAndPayOptions, type UseBillingKeyAndPayResult } from './use-billing-key-and-pay.js';
export { koBillingKeyAndPay, type BillingKeyAndPayMessages } from './messages.js';
export { enBillingKeyAndPay } from './messages-en.js';
export { type BillingKeyAndPayOrder, type BillingKeyAndPayResult, type PortOneCarrier } from '@kcheckout/core';
export { koPayPal, type PayPalMessages } from './messages.js';
export { enPayPal } from './messages-en.js';
export { koIdentity, koIdentityResult, type IdentityVerificationMessages } from './messages.js';
export { enIdentity, enIdentityResult } from './messages-en.js';
export { ko, koCheckout, koRedirect, type Messages, type CheckoutMessages, type RedirectMessages, type SharedMessages } from './messages.js';
export { en, enCheckout, enRedirect } from './messages-en.js';
export { type UseRedirectResultValue, type RedirectState, type ConfirmableRedirect } from './use-redirect-result.js';
export { RedirectResult, useRedirectResult, type RedirectResultProps, type UseRedirectResultOptions } from './portone-redirect-result.js';
export { parsePortOneRedirect, parseIdentityVerificationRedirect, type ParsedRedirect, type RedirectInput } from '@kcheckout/core';
export {
  CheckoutError,
  isCheckoutError,
  createOrderId,
  type CheckoutErrorCode,
  type CheckoutResult,
  type BillingKeyResult,
  type Currency,
  type PaymentOrder,
  type PortOneMethod,
  type PortOneEasyPayProvider,
  type PortOneBillingKeyIssue,
  type PortOneBillingKeyMethod,
  type IdentityVerificationInput,
  type IdentityVerificationCustomer,
} from '@kcheckout/core';

/** Starts fetching PortOne's V2 SDK before the checkout mounts (see the root entry's `preload`). */
export function preload(_sdk: 'portone-v2' = 'portone-v2', options: PreloadOptions = {}): void {
  preloadScript(options.src ?? PORTONE_V2_SCRIPT.src, options);
}
