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
export {
  checkTossPayment,
  confirmTossPayment,
  getTossPayment,
  TOSS_API_BASE,
  type ConfirmTossPaymentOptions,
  type TossConfirmResult,
  type TossErrorCode,
  type TossPayment,
  type TossRequestOptions,
} from './toss.js';
export { checkPortOnePayment, verifyPortOnePayment, type PortOnePayment, type VerifyPortOnePaymentOptions } from './portone.js';
export {
  createIamportTokenCache,
  IAMPORT_API_BASE,
  verifyIamportPayment,
  type IamportPayment,
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
export { reconcilePendingOrders, type ReconcilePendingOptions, type ReconcileReport } from './reconcile-pending.js';
export { createWebhookHandler, type WebhookHandlerOptions } from './webhook-handler.js';
export type { ClaimAnswer, Completion, Lease, NewOrder, OrderChange, OrderStatus, OrderStore, OrderStoreOptions, StoredOrder } from './store/order-store.js';
