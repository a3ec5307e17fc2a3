import type { Provider } from '@kcheckout/core';
import { fail, type ConfirmOutcome } from './confirm-answers.js';
import type { CancelResult } from './refunds.js';
import type { StoredOrder } from './store/order-store.js';
import { capturedAmount, refundAtVendor, type VendorOptions } from './vendors.js';

/** Why money the vendor captured was refused, and so refunded. */
export type CaptureRefusedReason =
  /** The vendor captured another amount than the order's (a tampered PortOne / V1 request). */
  | 'amount-mismatch'
  | 'currency-mismatch'
  /** The order was paid already, with another payment (a second tab, a second window). */
  | 'order-already-paid'
  /** The order expired (the sweep found no payment) before this payment arrived. */
  | 'order-expired'
  /** The order changed while the vendor was asked, so the conditional write refused the payment. */
  | 'order-changed';

/** What `onCaptureRefused` receives: every fact a person needs to follow the money up. */
export interface CaptureRefusedEvent {
  provider: Provider;
  orderId: string;
  /** Toss `paymentKey`, PortOne `paymentId` or V1 `imp_uid`. */
  vendorPaymentId: string;
  /** What the vendor says it captured, when its payment object tells. */
  capturedAmount: number | undefined;
  orderAmount: number;
  currency: string;
  reason: CaptureRefusedReason;
  /** The refund's outcome: `cancelled` when the money went back, otherwise why not (a person must act). */
  refund: CancelResult;
  /** The order as the store holds it now. */
  order: StoredOrder;
  /** The vendor's payment object. */
  payment: unknown;
}

export interface ReconcileOptions extends VendorOptions {
  onCaptureRefused?(event: CaptureRefusedEvent): void | Promise<void>;
  onError?(error: unknown): void;
}

/**
 * Money the vendor took for an order we refuse goes back: a full refund at the vendor (idempotent,
 * so a retry refunds once), then the merchant's hook with the facts. The buyer's answer says
 * "refunded" (409, final), or asks for a retry when the vendor could not be reached to refund.
 */
export async function reconcileCapture(
  options: ReconcileOptions,
  facts: { provider: Provider; order: StoredOrder; vendorPaymentId: string; payment: unknown; why: CaptureRefusedReason },
): Promise<ConfirmOutcome & { event: CaptureRefusedEvent }> {
  const { provider, order, vendorPaymentId, payment, why } = facts;
  const refund = await refundAtVendor(options, provider, vendorPaymentId, REASONS[why]);
  const event: CaptureRefusedEvent = {
    provider,
    orderId: order.orderId,
    vendorPaymentId,
    capturedAmount: capturedAmount(provider, payment),
    orderAmount: order.amount,
    currency: order.currency,
    reason: why,
    refund,
    order,
    payment,
  };
  try {
    await options.onCaptureRefused?.(event);
  } catch (error) {
    options.onError?.(error);
  }
  if (refund.status === 'cancelled') {
    return { ...fail(409, 'PAYMENT_REFUNDED', `The payment was refused (${why}) and refunded in full; the order was not marked paid.`), event };
  }
  if (refund.status === 'unavailable' || (refund.status === 'vendor-error' && refund.retryable)) {
    return { ...fail(503, 'REFUND_FAILED', `The payment was refused (${why}) but the refund could not reach the vendor; retry, and the refund is tried again.`, true), event };
  }
  return { ...fail(409, 'REFUND_FAILED', `The payment was refused (${why}) and the vendor refused the refund (${refund.code}); the shop must refund it by hand.`), event };
}

// The reason the vendor shows in its console and, for some PGs, to the buyer.
const REASONS: Record<CaptureRefusedReason, string> = {
  'amount-mismatch': '주문 금액과 결제 금액이 달라 자동 환불되었습니다.',
  'currency-mismatch': '주문 통화와 결제 통화가 달라 자동 환불되었습니다.',
  'order-already-paid': '이미 결제된 주문이라 자동 환불되었습니다.',
  'order-expired': '만료된 주문이라 자동 환불되었습니다.',
  'order-changed': '결제 중 주문이 바뀌어 자동 환불되었습니다.',
};
