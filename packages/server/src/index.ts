/**
 * @kcheckout/server: the merchant's half of a Korean checkout. Confirm a Toss payment, verify a
 * PortOne V2 or V1 payment against the merchant's own order, refund, verify PortOne webhooks, and
 * serve it all as `(Request) => Promise<Response>` handlers over one atomic order store
 * (`@kcheckout/server/libsql`, `@kcheckout/server/postgres`). Web-standard (fetch, Web Crypto), so
 * it runs on Node 20+, Workers, Deno and Bun; `@kcheckout/server/node` adapts the handler to Express.
 */
export type {
  AwaitingDepositResult,
  ExpectedPayment,
  MismatchResult,
  NotPaidResult,
  PaidResult,
  VendorErrorResult,
  VendorFailure,
  VendorUnavailableResult,
  VerifyResult,
} from './results.js';
export { DEFAULT_TIMEOUT_MS, type FetchLike } from './http.js';
export type { CancelledResult, CancelResult, LookupResult, RefusedResult } from './refunds.js';
export {
  cancelTossPayment,
  checkTossPayment,
  confirmTossPayment,
  getTossPayment,
  getTossPaymentByOrderId,
  TOSS_API_BASE,
  type CancelTossPaymentOptions,
  type ConfirmTossPaymentOptions,
  type TossConfirmResult,
  type TossErrorCode,
  type TossPayment,
  type TossRequestOptions,
} from './toss.js';
export {
  chargeTossBillingKey,
  issueTossBillingKey,
  type ChargeTossBillingKeyOptions,
  type ChargeTossBillingKeyResult,
  type IssueTossBillingKeyOptions,
  type IssueTossBillingKeyResult,
  type TossBilling,
} from './toss-billing.js';
export {
  cancelPortOnePayment,
  checkPortOnePayment,
  getPortOnePayment,
  verifyPortOnePayment,
  type CancelPortOnePaymentOptions,
  type PortOnePayment,
  type PortOneRequestOptions,
  type VerifyPortOnePaymentOptions,
} from './portone.js';
export {
  verifyPortOneIdentity,
  checkPortOneIdentity,
  type VerifyPortOneIdentityOptions,
  type VerifyPortOneIdentityResult,
  type VerifiedCustomer,
  type PortOneIdentityVerification,
} from './portone-identity.js';
export {
  payWithPortOneBillingKey,
  type BillingKeyChargeResult,
  type BillingKeyRefusal,
  type PayWithPortOneBillingKeyOptions,
} from './portone-billing-key.js';
export {
  cancelIamportPayment,
  createIamportTokenCache,
  findIamportPayment,
  getIamportPayment,
  IAMPORT_API_BASE,
  verifyIamportPayment,
  type CancelIamportPaymentOptions,
  type FindIamportPaymentOptions,
  type IamportPayment,
  type IamportRequestOptions,
  type IamportTokenCache,
  type VerifyIamportPaymentOptions,
} from './iamport.js';
export {
  createMemoryWebhookIdStore,
  verifyPortOneWebhook,
  type PortOneWebhookEvent,
  type PortOneWebhookResult,
  type VerifyWebhookOptions,
  type WebhookIdStore,
} from './webhook.js';
export {
  createConfirmHandler,
  type ConfirmErrorCode,
  type ConfirmHandlerOptions,
  type ConfirmRequestBody,
  type ConfirmResponseBody,
} from './handler.js';
export type { VendorOptions } from './vendors.js';
export type { CaptureRefusedEvent, CaptureRefusedReason } from './reconcile-capture.js';
export type { RefundEvent } from './reconcile-refund.js';
export { reconcilePendingOrders, type ReconcilePendingOptions, type ReconcileReport } from './reconcile-pending.js';
export { createWebhookHandler, type WebhookHandlerOptions } from './webhook-handler.js';
export type { ClaimAnswer, Completion, Lease, NewOrder, OrderChange, OrderStatus, OrderStore, OrderStoreOptions, StoredOrder } from './store/order-store.js';
