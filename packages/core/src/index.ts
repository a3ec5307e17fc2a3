export { CheckoutError, isCheckoutError, type CheckoutErrorCode, type Provider } from './errors.js';
export {
  validateAmount,
  validateOrderId,
  validateTossClientKey,
  validateTossCustomerKey,
  TOSS_ANONYMOUS,
  type Currency,
  type Money,
  type TossKeyKind,
} from './validation.js';
export { createOrderId } from './create-order-id.js';
export { loadScript, resetScriptCache, type LoadScriptOptions } from './loader.js';
export { preload, type PreloadOptions } from './preload.js';
export { SDK_SCRIPTS, type SdkId } from './sdk-urls.js';
export type { CheckoutResult, PaymentOrder, RedirectUrls } from './types.js';
export type { TossDriverOptions, TossWidgetDriver, TossWidgetEvents, RenderedWidget } from './toss-widget-driver.js';
export { createTossWidgetV2 } from './toss-widget-v2.js';
export { createTossWidgetV1 } from './toss-widget-v1.js';
export { TOSS_CANCEL_CODES } from './toss-result.js';
export {
  TossCheckout,
  type TossCheckoutOptions,
  type TossCheckoutState,
  type CheckoutStatus,
} from './toss-checkout.js';
