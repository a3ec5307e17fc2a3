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
export { usePortOne, type UsePortOneOptions, type UsePortOneResult } from './use-portone.js';
export { ko, koCheckout, koRedirect, koIdentity, type IdentityVerificationMessages, type Messages, type CheckoutMessages, type RedirectMessages, type SharedMessages } from './messages.js';
export { en, enCheckout, enRedirect, enIdentity } from './messages-en.js';
export { type UseRedirectResultValue, type RedirectState, type ConfirmableRedirect } from './use-redirect-result.js';
export { RedirectResult, useRedirectResult, type RedirectResultProps, type UseRedirectResultOptions } from './portone-redirect-result.js';
export { parsePortOneRedirect, type ParsedRedirect, type RedirectInput } from '@kcheckout/core';
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
  type IdentityVerificationResult,
} from '@kcheckout/core';

/** Starts fetching PortOne's V2 SDK before the checkout mounts (see the root entry's `preload`). */
export function preload(_sdk: 'portone-v2' = 'portone-v2', options: PreloadOptions = {}): void {
  preloadScript(options.src ?? PORTONE_V2_SCRIPT.src, options);
}
