export { CheckoutError, isCheckoutError, readVendorError, type CheckoutErrorCode, type Provider } from './errors.js';
export {
  validateAmount,
  validateOrderId,
  validateOrder,
  validateTossClientKey,
  validateTossCustomerKey,
  TOSS_ANONYMOUS,
  type Currency,
  type Money,
  type TossKeyKind,
} from './validation.js';
export { createOrderId } from './create-order-id.js';
export { detectDevice, type Device } from './device.js';
export { loadScript, resetScriptCache, type LoadScriptOptions } from './loader.js';
export { preload, preloadScript, type PreloadOptions } from './preload.js';
export { SDK_SCRIPTS, TOSS_SCRIPTS, PORTONE_V2_SCRIPT, IAMPORT_V1_SCRIPT, type SdkId, type SdkScript } from './sdk-urls.js';
export type { CheckoutResult, PaymentOrder, RedirectUrls } from './types.js';
export type { TossDriverOptions, TossWidgetDriver, TossWidgetEvents, TossWidgetFactory, RenderedWidget } from './toss/toss-widget-driver.js';
export { createTossWidgetV2 } from './toss/toss-widget-v2.js';
export { createTossWidgetV1, createTossWidgetV1 as tossV1 } from './toss/toss-widget-v1.js';
export { TOSS_CANCEL_CODES } from './toss/toss-result.js';
export { TossCheckout } from './toss/toss-checkout.js';
export { TOSS_CHECKOUT_OPTIONS, type TossCheckoutOptions, type TossCheckoutState } from './toss/toss-checkout-options.js';
export {
  TossPaymentWindow,
  createTossPaymentWindow,
  validateTossPaymentWindowOptions,
  TOSS_PAYMENT_WINDOW_OPTIONS,
  type TossPaymentWindowOptions,
  type TossPaymentWindowState,
  type TossPaymentDriver,
} from './toss/toss-payment-window.js';
export {
  toTossPaymentMethod,
  tossPaymentRequest,
  type TossPaymentMethodCode,
  type TossPaymentExtras,
  type TossEscrow,
  type TossCashReceipt,
} from './toss/toss-payment-method.js';
export { diffOptions, isOptionError, type CheckoutStatus, type OptionChange, type OptionsTable } from './checkout/checkout-store.js';
export { checkTossRedirect, checkMethodRedirect, type CheckoutRedirect } from './redirect/checkout-redirect.js';
export {
  validatePortOneStoreId,
  validatePortOneChannelKey,
  validateIamportCode,
  validateIamportPg,
} from './portone/portone-ids.js';
export { looksLikePortOneSecret, refusePortOneSecret } from './secrets.js';
export {
  normalizePortOneCurrency,
  validatePortOneMoney,
  type PortOneCurrency,
  type PortOneMoney,
} from './portone/portone-money.js';
export {
  validatePortOneMethod,
  PORTONE_EASY_PAY_PROVIDERS,
  type PortOneMethod,
  type PortOneMethodType,
  type PortOneEasyPayProvider,
} from './payment-methods.js';
export { isPortOneCancel, PORTONE_CANCEL_CODES } from './portone/portone-cancel.js';
export {
  createPortOneV2,
  validatePortOneV2Options,
  PORTONE_V2_OPTIONS,
  type PortOneV2Options,
  type PortOneV2Driver,
  type PortOneRedirect,
  type PortOneBillingKeyIssue,
  type PortOneBillingKeyMethod,
  type BillingKeyResult,
} from './portone/portone-v2.js';
export { billingKeyMethodOf, toPortOnePayMethod, toPortOneBillingKeyMethod } from './portone/portone-v2-request.js';
export {
  IdentityVerificationSession,
  createIdentityVerificationDriver,
  checkIdentityVerificationInput,
  type IdentityVerificationCustomer,
  type IdentityVerificationDriver,
  type IdentityVerificationInput,
  type IdentityVerificationResult,
  type IdentityVerificationState,
} from './portone/identity-verification.js';
export { isIdentityVerificationCancel } from './portone/identity-verification-cancel.js';
export {
  createIamportV1,
  validateIamportV1Options,
  IAMPORT_V1_OPTIONS,
  type IamportV1Options,
  type IamportV1Driver,
  type IamportPayOptions,
} from './iamport/iamport-v1.js';
export { toIamportPayMethod } from './iamport/iamport-request.js';
export type {
  Iamport,
  IamportPayMethod,
  IamportCurrency,
  IamportLanguage,
  IamportPaymentStatus,
  IamportRequestPayParams,
  IamportRequestPayResponse,
  IamportRequestPayCallback,
  IamportRedirectQuery,
  IamportCertificationParams,
  IamportCertificationResponse,
} from './iamport/iamport-types.js';
export { DriverSession, type DriverSessionState, type SessionStatus } from './checkout/driver-session.js';
export { checkMethodOptions, methodKey, type CheckedMethodOptions } from './checkout/method-options.js';
export { MethodCheckout, type MethodCheckoutAmount, type MethodCheckoutState } from './checkout/method-checkout.js';
export {
  parseRedirect,
  MAX_REDIRECT_QUERY_LENGTH,
  type ParsedRedirect,
  type ParseRedirectOptions,
  type RedirectInput,
  type RedirectInvalidCode,
  type RedirectStatus,
} from './redirect/parse-redirect.js';
export { parseTossRedirect } from './toss/parse-toss-redirect.js';
export { parsePortOneRedirect } from './portone/parse-portone-redirect.js';
export { parseIdentityVerificationRedirect } from './portone/parse-identity-verification-redirect.js';
export {
  PayPalButtonsStore,
  PAYPAL_BUTTONS_OPTIONS,
  PAYPAL_UI_CONTAINER_CLASS,
  buildPayPalRequest,
  loadPayPalVendor,
  type PayPalButtonsOptions,
  type PayPalButtonsState,
  type PayPalResult,
  type PayPalUIRequest,
  type PayPalUIResponse,
  type PayPalVendor,
} from './portone/paypal-buttons.js';
export {
  BillingKeyAndPaySession,
  billingKeyAndPayProblem,
  createBillingKeyAndPay,
  type BillingKeyAndPayDriver,
  type BillingKeyAndPayOrder,
  type BillingKeyAndPayResult,
  type PortOneCarrier,
} from './portone/billing-key-and-pay.js';
export { parseIamportRedirect } from './iamport/parse-iamport-redirect.js';
export {
  rememberOrder,
  recallOrder,
  forgetOrder,
  checkRedirectAmount,
  PENDING_ORDER_PREFIX,
  DEFAULT_PENDING_ORDER_TTL_MS,
  type PendingOrder,
  type RememberedOrder,
  type RememberOrderOptions,
} from './redirect/pending-orders.js';
export {
  paymentMarkerKey,
  readConfirmMarker,
  writeConfirmMarker,
  clearConfirmMarker,
  CONFIRM_MARKER_PREFIX,
  type ConfirmMarker,
  type ConfirmMarkerState,
} from './redirect/confirm-once.js';
export {
  createRedirectResult,
  type ConfirmableRedirect,
  type RedirectParser,
  type RedirectResultOptions,
  type RedirectResultState,
  type RedirectResultStore,
  type RedirectState,
} from './redirect/redirect-result-store.js';

// Toss billing (자동결제), last, so the modules of the other flows keep their order in a bundle.
export {
  TossBilling,
  createTossBilling,
  checkBillingRequest as checkTossBillingRequest,
  tossBillingMethodOf,
  validateTossBillingOptions,
  TOSS_BILLING_OPTIONS,
  type TossBillingAuthResult,
  type TossBillingCustomer,
  type TossBillingDriver,
  type TossBillingMethod,
  type TossBillingOptions,
  type TossBillingState,
} from './toss/toss-billing.js';
export { parseTossBillingRedirect } from './toss/parse-toss-billing-redirect.js';
