import { IAMPORT_V1_SCRIPT, type PreloadOptions, preloadScript } from '@kcheckout/core';

// `@kcheckout/react/iamport`: only what a PortOne V1 (iamport.js) checkout needs; no Toss or V2 code.
export { IamportCheckoutRoot as Checkout, type IamportCheckoutRootProps as CheckoutProps } from './iamport-checkout-root.js';
export { PaymentMethods, type PaymentMethodsProps } from './payment-methods.js';
export { DEFAULT_METHODS, type MethodOption } from './default-methods.js';
export { Agreement, type AgreementProps } from './agreement.js';
export { CheckoutButton, type CheckoutButtonProps, type SuccessResult, type FailResult, type CancelResult } from './checkout-button.js';
export { useIamport, type UseIamportOptions, type UseIamportResult } from './use-iamport.js';
export { ko, koCheckout, koRedirect, type Messages, type CheckoutMessages, type RedirectMessages, type SharedMessages } from './messages.js';
export { en, enCheckout, enRedirect } from './messages-en.js';
export { type UseRedirectResultValue, type RedirectState, type ConfirmableRedirect } from './use-redirect-result.js';
export { RedirectResult, useRedirectResult, type RedirectResultProps, type UseRedirectResultOptions } from './iamport-redirect-result.js';
export { parseIamportRedirect, type ParsedRedirect, type RedirectInput } from '@kcheckout/core';
export {
  CheckoutError,
  isCheckoutError,
  createOrderId,
  type CheckoutErrorCode,
  type CheckoutResult,
  type Currency,
  type PaymentOrder,
  type PortOneMethod,
  type PortOneEasyPayProvider,
} from '@kcheckout/core';

/** Starts fetching `iamport.js` before the checkout mounts (see the root entry's `preload`). */
export function preload(_sdk: 'iamport-v1' = 'iamport-v1', options: PreloadOptions = {}): void {
  preloadScript(options.src ?? IAMPORT_V1_SCRIPT.src, options);
}
