/**
 * @kcheckout/server: the merchant's half of a Korean checkout. Confirm a Toss payment, verify a
 * PortOne V2 or V1 payment against the merchant's own order, verify PortOne webhooks, and serve it
 * all as one `(Request) => Promise<Response>` confirm handler. Web-standard (fetch, Web Crypto), so
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
  type ConfirmOrder,
  type ConfirmRequestBody,
  type ConfirmResponseBody,
  type PaidOrder,
} from './handler.js';
