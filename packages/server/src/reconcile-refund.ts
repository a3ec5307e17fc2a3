import type { Provider } from '@kcheckout/core';
import { getIamportPayment } from './iamport.js';
import { getPortOnePayment } from './portone.js';
import type { VendorFailure } from './results.js';
import type { OrderStore, StoredOrder } from './store/order-store.js';
import { getTossPayment } from './toss.js';
import type { VendorOptions } from './vendors.js';

/** What `onRefunded` receives when a vendor's notification moved a paid order's refunded amount. */
export interface RefundEvent {
  provider: Provider;
  orderId: string;
  /** Toss `paymentKey`, PortOne `paymentId` or V1 `imp_uid`: the payment the order was paid with. */
  vendorPaymentId: string;
  /** What the vendor reports refunded of that payment so far, in all. */
  refundedAmount: number;
  /** `true` once all of the order's amount went back: the order is now `refunded`. */
  full: boolean;
  /** The order as written. */
  order: StoredOrder;
}

/** The refund step's answer, for the webhook route to turn into its HTTP reply. */
export type RefundOutcome =
  /** The order's refunded amount rose (`full`: it is now `refunded`). */
  | { kind: 'recorded'; order: StoredOrder; full: boolean }
  /** Nothing to write: a replay, an older report, another payment, or no refund at the vendor. */
  | { kind: 'unchanged' }
  /** The vendor or the store could not be reached: the notification should be delivered again. */
  | { kind: 'retry'; code: string };

/**
 * A vendor says a payment was refunded (PortOne `Transaction.Cancelled` / `PartialCancelled`, Toss
 * `PAYMENT_STATUS_CHANGED`, a V1 notification with `status: 'cancelled'`). The notification only says where to look: the payment is fetched from
 * the vendor, and what it reports refunded is written to the order with `recordRefund`, whose
 * condition makes a replay or a late, older report a no-op. A refund made in the vendor's console is
 * heard on the server this way, instead of leaving the order `paid`.
 */
export async function recordVendorRefund(
  options: VendorOptions & { store: OrderStore; onRefunded?: (event: RefundEvent) => void | Promise<void>; onError?: (error: unknown) => void },
  order: StoredOrder,
): Promise<RefundOutcome> {
  const vendorPaymentId = order.paidWith;
  if ((order.status !== 'paid' && order.status !== 'refunded') || !vendorPaymentId) return { kind: 'unchanged' };
  const found = await refundedAtVendor(options, order.provider, vendorPaymentId);
  if (found.status !== 'found') return found.retryable ? { kind: 'retry', code: found.code } : { kind: 'unchanged' };
  if (found.refundedAmount <= 0) return { kind: 'unchanged' };
  let written: StoredOrder | null;
  try {
    written = await options.store.recordRefund(order.orderId, { vendorPaymentId, refundedAmount: Math.min(found.refundedAmount, order.amount) });
  } catch (error) {
    options.onError?.(error);
    return { kind: 'retry', code: 'ORDER_STORE_FAILED' };
  }
  if (!written) return { kind: 'unchanged' };
  const full = written.status === 'refunded';
  const event: RefundEvent = { provider: order.provider, orderId: order.orderId, vendorPaymentId, refundedAmount: written.refundedAmount ?? 0, full, order: written };
  // The write stands whatever the hook does: a throwing hook is reported, not a reason to redeliver.
  try {
    await options.onRefunded?.(event);
  } catch (error) {
    options.onError?.(error);
  }
  return { kind: 'recorded', order: written, full };
}

/** What the vendor reports refunded of one payment, in all (0 when nothing was). */
async function refundedAtVendor(
  vendors: VendorOptions,
  provider: Provider,
  vendorId: string,
): Promise<{ status: 'found'; refundedAmount: number } | VendorFailure> {
  const timeout = vendors.timeoutMs ? { timeoutMs: vendors.timeoutMs } : {};
  if (provider === 'toss') {
    const found = await getTossPayment({ ...vendors.toss!, ...timeout, paymentKey: vendorId });
    if (found.status !== 'found') return found;
    const { status, totalAmount, balanceAmount } = found.payment;
    const refunded = status === 'CANCELED' || status === 'PARTIAL_CANCELED' ? totalAmount - balanceAmount : 0;
    return { status: 'found', refundedAmount: Number.isSafeInteger(refunded) ? refunded : 0 };
  }
  if (provider === 'iamport') {
    const found = await getIamportPayment({ ...vendors.iamport!, ...timeout, impUid: vendorId });
    if (found.status !== 'found') return found;
    // V1 keeps a partly refunded payment `paid` and raises `cancel_amount`.
    const cancelled = found.payment.cancel_amount;
    const refunded = (found.payment.status === 'cancelled' || found.payment.status === 'paid') && typeof cancelled === 'number' ? cancelled : 0;
    return { status: 'found', refundedAmount: Number.isSafeInteger(refunded) ? refunded : 0 };
  }
  const found = await getPortOnePayment({ ...vendors.portone!, ...timeout, paymentId: vendorId });
  if (found.status !== 'found') return found;
  const payment = found.payment as { status?: string; amount?: { cancelled?: unknown } };
  const cancelled = payment.amount?.cancelled;
  const refunded = (payment.status === 'CANCELLED' || payment.status === 'PARTIAL_CANCELLED') && typeof cancelled === 'number' ? cancelled : 0;
  return { status: 'found', refundedAmount: Number.isSafeInteger(refunded) ? refunded : 0 };
}
