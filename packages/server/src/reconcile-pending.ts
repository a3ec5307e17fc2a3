import { findIamportPayment } from './iamport.js';
import { reconcileCapture, type CaptureRefusedEvent } from './reconcile-capture.js';
import type { VendorFailure, VerifyResult } from './results.js';
import type { Lease, OrderStore, StoredOrder } from './store/order-store.js';
import { getTossPayment, getTossPaymentByOrderId } from './toss.js';
import { settleAtVendor, type VendorOptions } from './vendors.js';

export interface ReconcilePendingOptions {
  /**
   * How long after its window opened an order is looked up; default 5 minutes. Toss keeps an
   * authorised payment for about 10 minutes before it must be confirmed, so keep this below that.
   */
  olderThanMs?: number;
  /**
   * How long after its window opened an order with no payment at the vendor is expired; default 60
   * minutes. Longer than a buyer may sit in a payment window: an order expired under a buyer who
   * then pays gets that payment refunded.
   */
  expireAfterMs?: number;
  /** At most this many orders per run; default 100. */
  limit?: number;
  /** How long one order is held while it is looked up; default 30 000. */
  leaseMs?: number;
  /** The clock, in ms; default `Date.now`. */
  now?: () => number;
  /** As in `createConfirmHandler`: money captured for an order that is refused is refunded, then reported here. */
  onCaptureRefused?(event: CaptureRefusedEvent): void | Promise<void>;
  onError?(error: unknown): void;
}

/** What one run did, order by order counted. */
export interface ReconcileReport {
  /** Orders looked at. */
  checked: number;
  /** Completed as paid: the buyer paid and never came back. */
  paid: string[];
  /** A virtual account was issued; the deposit is still awaited. */
  awaitingDeposit: string[];
  /** The vendor holds no payment for them: expired, so they can no longer be paid. */
  expired: string[];
  /** Money captured for them was refused and refunded. */
  refunded: string[];
  /** Another run or a confirm held them; the next run sees them again. */
  busy: string[];
  /** The vendor or the store failed; the next run tries again. */
  failed: Array<{ orderId: string; reason: string }>;
}

/**
 * The sweep for the buyer who pays and closes the tab before the redirect, on a shop without
 * webhooks: every order whose window opened more than `olderThanMs` ago and that is still pending
 * (or awaiting a deposit) is looked up at its vendor and completed or refunded through the same
 * store writes as the confirm handler; one with no payment is expired once `expireAfterMs` passed. Run it from a cron or a route; several instances may run
 * it at once, since each order is claimed before it is looked up.
 *
 * Toss only completes a payment the merchant confirms within about 10 minutes, so for Toss the
 * sweep confirms an authorised (`IN_PROGRESS`) payment for the order's own amount.
 */
export async function reconcilePendingOrders(store: OrderStore, vendors: VendorOptions, options: ReconcilePendingOptions = {}): Promise<ReconcileReport> {
  const now = options.now ?? Date.now;
  const report: ReconcileReport = { checked: 0, paid: [], awaitingDeposit: [], expired: [], refunded: [], busy: [], failed: [] };
  const orders = await store.stale(now() - (options.olderThanMs ?? 5 * 60_000), { limit: options.limit ?? 100 });
  const expireBefore = now() - (options.expireAfterMs ?? 60 * 60_000);
  for (const order of orders) {
    report.checked++;
    if (!vendors[order.provider]) {
      report.failed.push({ orderId: order.orderId, reason: `no ${order.provider} configuration` });
      continue;
    }
    try {
      await sweepOne(store, vendors, options, order, report, expireBefore);
    } catch (error) {
      options.onError?.(error);
      report.failed.push({ orderId: order.orderId, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

async function sweepOne(store: OrderStore, vendors: VendorOptions, options: ReconcilePendingOptions, stale: StoredOrder, report: ReconcileReport, expireBefore: number): Promise<void> {
  const found = await findPayment(vendors, stale);
  if (found.status === 'unavailable' || (found.status === 'vendor-error' && found.reason !== 'not-found')) {
    report.failed.push({ orderId: stale.orderId, reason: found.message });
    return;
  }
  const vendorId = found.status === 'found' ? found.vendorId : `none:${stale.orderId}`;
  const claim = await store.claim(stale.orderId, { vendorPaymentId: vendorId, leaseMs: options.leaseMs ?? 30_000 });
  if (claim.kind === 'busy') return void report.busy.push(stale.orderId);
  if (claim.kind !== 'claimed') return;
  const { order, lease } = claim;
  let written = false;
  try {
    if (found.status !== 'found') {
      written = await expire(store, lease, order, report, expireBefore);
      return;
    }
    const result = await settleAtVendor(vendors, order.provider, found.vendorId, { orderId: order.orderId, amount: order.amount, currency: order.currency });
    written = await apply(store, vendors, options, order, lease, found.vendorId, result, report, expireBefore);
  } finally {
    if (!written) await store.release(lease).catch((error: unknown) => options.onError?.(error));
  }
}

/** Writes what the vendor said; `true` when the write ended the lease. */
async function apply(
  store: OrderStore,
  vendors: VendorOptions,
  options: ReconcilePendingOptions,
  order: StoredOrder,
  lease: Lease,
  vendorId: string,
  result: VerifyResult<unknown>,
  report: ReconcileReport,
  expireBefore: number,
): Promise<boolean> {
  if (result.status === 'paid' || result.status === 'awaiting-deposit') {
    const written = await store.complete(lease, { status: result.status, amount: order.amount, vendorPaymentId: vendorId });
    if (written) (result.status === 'paid' ? report.paid : report.awaitingDeposit).push(order.orderId);
    else report.failed.push({ orderId: order.orderId, reason: 'the order changed during the lookup' });
    return written !== null;
  }
  if (result.status === 'mismatch' && (result.field === 'amount' || result.field === 'currency')) {
    const refunded = await reconcileCapture({ ...vendors, ...pick(options) }, { provider: order.provider, order, vendorPaymentId: vendorId, payment: result.payment, why: result.field === 'amount' ? 'amount-mismatch' : 'currency-mismatch' });
    if (refunded.event.refund.status !== 'cancelled') {
      report.failed.push({ orderId: order.orderId, reason: `refund failed: ${refunded.body.ok ? '' : refunded.body.error.message}` });
      return false;
    }
    report.refunded.push(order.orderId);
    return expire(store, lease, order, report, expireBefore);
  }
  if (result.status === 'unavailable' || (result.status === 'vendor-error' && result.retryable)) {
    report.failed.push({ orderId: order.orderId, reason: result.message });
    return false;
  }
  // Failed, cancelled, never paid, or a session Toss no longer holds: nothing will pay this order now.
  return expire(store, lease, order, report, expireBefore);
}

async function expire(store: OrderStore, lease: Lease, order: StoredOrder, report: ReconcileReport, expireBefore: number): Promise<boolean> {
  // An issued virtual account may still be paid until its due date; only a pending order expires,
  // and only once no buyer can still be in its payment window.
  if (order.status !== 'pending' || order.openedAt === null || order.openedAt >= expireBefore) return false;
  const written = await store.complete(lease, { status: 'expired' });
  if (written) report.expired.push(order.orderId);
  return written !== null;
}

type Found = { status: 'found'; vendorId: string } | VendorFailure;

/** The vendor payment an order's window produced, looked up by what the store knows of it. */
async function findPayment(vendors: VendorOptions, order: StoredOrder): Promise<Found> {
  const timeout = vendors.timeoutMs ? { timeoutMs: vendors.timeoutMs } : {};
  if (order.provider === 'portone') return { status: 'found', vendorId: order.paidWith ?? order.paymentId ?? order.orderId };
  if (order.provider === 'toss') {
    const common = { ...vendors.toss!, ...timeout };
    const lookup = order.paidWith ? await getTossPayment({ ...common, paymentKey: order.paidWith }) : await getTossPaymentByOrderId({ ...common, orderId: order.orderId });
    return lookup.status === 'found' ? { status: 'found', vendorId: lookup.payment.paymentKey } : lookup;
  }
  const lookup = await findIamportPayment({ ...vendors.iamport!, ...timeout, merchantUid: order.orderId });
  return lookup.status === 'found' ? { status: 'found', vendorId: lookup.payment.imp_uid } : lookup;
}

function pick(options: ReconcilePendingOptions) {
  return { ...(options.onCaptureRefused ? { onCaptureRefused: options.onCaptureRefused } : {}), ...(options.onError ? { onError: options.onError } : {}) };
}
