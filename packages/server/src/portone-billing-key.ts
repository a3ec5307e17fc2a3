import { CheckoutError } from '@kcheckout/core';
import { PaymentClient, PayWithBillingKeyError } from '@portone/server-sdk/payment';
import { DEFAULT_TIMEOUT_MS, requireSecret, timedOut, unavailable } from './http.js';
import { checkPortOnePayment, getPortOnePayment, type PortOnePayment } from './portone.js';
import { reconcileCapture, type CaptureRefusedEvent, type CaptureRefusedReason } from './reconcile-capture.js';
import { requireAmount, requireVendorId } from './refunds.js';
import type { VendorFailure } from './results.js';
import type { Lease, OrderStore, StoredOrder } from './store/order-store.js';

export interface PayWithPortOneBillingKeyOptions {
  /** The V2 API secret (`Authorization: PortOne <apiSecret>`). Server only. */
  apiSecret: string;
  /** The order store: the order must exist (created with this `paymentId`, or as its order id) before the charge. */
  store: OrderStore;
  /** The billing key the browser issued (`requestIssueBillingKey` / `requestIssueBillingKeyAndPay`), as your server stored it. */
  billingKey: string;
  /**
   * The payment's id, one per charge (e.g. `sub-2026-12-<customer>`): PortOne pays one id once
   * (`ALREADY_PAID`), so a retry of the same charge never takes the money twice.
   */
  paymentId: string;
  /** Shown on the buyer's statement and in the console, e.g. `월간 구독 12월`. */
  orderName: string;
  /** In minor units (won for KRW), and equal to the stored order's amount. */
  amount: number;
  /** ISO 4217; default `'KRW'`. Must equal the stored order's. */
  currency?: string;
  /** Sent to PortOne as the payment's `customer`. */
  customer?: { id?: string; name?: string; email?: string; phoneNumber?: string };
  /** Pins the charge to one channel when the key was issued for several. */
  channelKey?: string;
  storeId?: string;
  /** `'live'` (default) refuses a test channel when an earlier answer must be looked up; `'test'` for the sandbox. */
  mode?: 'live' | 'test';
  /** Default `https://api.portone.io`; the sandbox's REST stand-ins for tests. */
  baseUrl?: string;
  /** Per vendor call; default 10 000. */
  timeoutMs?: number;
  /** How long this charge holds the order against a concurrent one; default 30 000. */
  leaseMs?: number;
  /** Money PortOne took for an order the store then refused: refunded, and reported here. */
  onCaptureRefused?(event: CaptureRefusedEvent): void | Promise<void>;
  onError?(error: unknown): void;
}

/** Why a charge was not made: the order, as the store holds it, does not allow it. Nothing was charged. */
export type BillingKeyRefusal = 'ORDER_NOT_FOUND' | 'PROVIDER_MISMATCH' | 'AMOUNT_MISMATCH' | 'CURRENCY_MISMATCH' | 'ORDER_ALREADY_PAID' | 'ORDER_REFUNDED' | 'ORDER_EXPIRED';

/**
 * `payWithPortOneBillingKey`'s answer:
 * - `paid`: the order is paid with `paymentId` (`alreadyPaid`: by an earlier call; no second charge);
 * - `declined`: PortOne or the PG refused the charge (a declined card, an unknown or deleted key);
 *   nothing was taken, the order stays pending;
 * - `refused`: the order does not allow this charge; PortOne was not asked;
 * - `busy`: another charge of this order is running; retry after `retryAfterMs`;
 * - `reconciled`: PortOne took money the store then refused (the order changed meanwhile); it was
 *   refunded (`PAYMENT_REFUNDED`) or the refund failed (`REFUND_FAILED`, see `retryable`);
 * - `store-error`: the store could not be read or written; retry (a retry never charges twice);
 * - `vendor-error` / `unavailable`: as elsewhere; a retryable one is safe to retry with the same `paymentId`.
 */
export type BillingKeyChargeResult =
  | { status: 'paid'; order: StoredOrder; alreadyPaid: boolean }
  | { status: 'declined'; code: string; message: string; pgCode?: string; pgMessage?: string }
  | { status: 'refused'; code: BillingKeyRefusal; message: string }
  | { status: 'busy'; retryAfterMs: number }
  | { status: 'reconciled'; code: string; message: string; retryable: boolean; event: CaptureRefusedEvent }
  | { status: 'store-error'; message: string; retryable: true }
  | VendorFailure;

// PayWithBillingKeyError's types (@portone/server-sdk) that mean "not charged, and a retry will not help".
const DECLINES = new Set(['PG_PROVIDER', 'BILLING_KEY_NOT_FOUND', 'BILLING_KEY_ALREADY_DELETED', 'CHANNEL_NOT_FOUND', 'INVALID_REQUEST', 'DISCOUNT_AMOUNT_EXCEEDS_TOTAL_AMOUNT', 'MAX_TRANSACTION_COUNT_REACHED', 'PROMOTION_PAY_METHOD_DOES_NOT_MATCH', 'SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT', 'PAYMENT_SCHEDULE_ALREADY_EXISTS']);
const DEFAULT_LEASE_MS = 30_000;

/**
 * Charges a stored PortOne V2 billing key once (`POST /payments/{paymentId}/billing-key`, the
 * server SDK's `payWithBillingKey`): a subscription's monthly charge. Idempotent by `paymentId`,
 * through the order store: the order is claimed before PortOne is asked and marked paid by a
 * conditional write after; a second call for a paid order answers `paid` without a vendor call, and
 * a retry after a lost answer meets PortOne's `ALREADY_PAID`, looks the payment up and writes it.
 * @see https://developers.portone.io/api/rest-v2/payment.billingKey
 */
export async function payWithPortOneBillingKey(options: PayWithPortOneBillingKeyOptions): Promise<BillingKeyChargeResult> {
  // Every argument is checked before the order is claimed: a bad one never holds the order.
  requireSecret(options.apiSecret, 'apiSecret', 'portone');
  const paymentId = requireVendorId(options.paymentId, 'paymentId', 'portone');
  const billingKey = requireVendorId(options.billingKey, 'billingKey', 'portone');
  const amount = requireAmount(options.amount, 'amount', 'portone');
  const orderName = requireOrderName(options.orderName);
  const currency = options.currency ?? 'KRW';
  const { store } = options;
  let order: StoredOrder | null;
  try {
    order = await store.findByPaymentId(paymentId);
    if (order && order.provider === 'portone' && order.status === 'pending' && order.openedAt === null && order.amount === amount && order.currency === currency) {
      order = (await store.open(order.orderId, { amount, provider: 'portone' })) ?? order;
    }
  } catch (error) {
    return storeError(options, error);
  }
  if (!order) return refused('ORDER_NOT_FOUND', `There is no order with paymentId ${paymentId}: create it in the store first.`);
  if (order.provider !== 'portone') return refused('PROVIDER_MISMATCH', `Order ${order.orderId} was created for ${order.provider}, not portone.`);
  if (order.amount !== amount) return refused('AMOUNT_MISMATCH', `The charge is ${amount}, the order ${order.orderId} is ${order.amount}; nothing was charged.`);
  if (order.currency !== currency) return refused('CURRENCY_MISMATCH', `The charge is in ${currency}, the order ${order.orderId} in ${order.currency}; nothing was charged.`);

  let claim;
  try {
    claim = await store.claim(order.orderId, { vendorPaymentId: paymentId, leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS });
  } catch (error) {
    return storeError(options, error);
  }
  if (claim.kind === 'not-found') return refused('ORDER_NOT_FOUND', `Order ${order.orderId} is gone.`);
  if (claim.kind === 'busy') return { status: 'busy', retryAfterMs: claim.retryAfterMs };
  if (claim.kind === 'settled') return settled(options, claim.order, paymentId);

  const { lease } = claim;
  let completed = false;
  try {
    const charge = await charged(options, { paymentId, billingKey, orderName, amount, currency });
    if (charge.status !== 'taken') return charge;
    const written = await complete(options, lease, claim.order, paymentId, charge.payment);
    completed = written.status === 'paid' || written.status === 'reconciled';
    return written;
  } finally {
    if (!completed) await store.release(lease).catch((error: unknown) => options.onError?.(error));
  }
}

/** Asks PortOne to charge; `taken` when the money is PortOne's now (this call, or an earlier one whose answer was lost). */
async function charged(
  options: PayWithPortOneBillingKeyOptions,
  charge: { paymentId: string; billingKey: string; orderName: string; amount: number; currency: string },
): Promise<{ status: 'taken'; payment: PortOnePayment | null } | BillingKeyChargeResult> {
  const client = PaymentClient({
    secret: requireSecret(options.apiSecret, 'apiSecret', 'portone'),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.storeId ? { storeId: options.storeId } : {}),
  });
  const customer = options.customer;
  const call = client.payWithBillingKey({
    paymentId: charge.paymentId,
    billingKey: charge.billingKey,
    orderName: charge.orderName,
    amount: { total: charge.amount },
    currency: charge.currency as 'KRW',
    ...(options.channelKey ? { channelKey: options.channelKey } : {}),
    ...(options.storeId ? { storeId: options.storeId } : {}),
    ...(customer
      ? { customer: { ...(customer.id ? { id: customer.id } : {}), ...(customer.name ? { name: { full: customer.name } } : {}), ...(customer.email ? { email: customer.email } : {}), ...(customer.phoneNumber ? { phoneNumber: customer.phoneNumber } : {}) } }
      : {}),
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    const answer = await Promise.race([call, timeout]);
    if (answer === 'timeout') {
      call.catch(() => {});
      // The charge may still go through: the retry meets ALREADY_PAID and writes it.
      return timedOut('PortOne', timeoutMs);
    }
    return { status: 'taken', payment: null };
  } catch (error) {
    if (!(error instanceof PayWithBillingKeyError)) {
      if (error instanceof SyntaxError) return unavailable('VENDOR_BAD_RESPONSE', 'PortOne answered with a body that is not JSON; the charge may have gone through, retry with the same paymentId.');
      return unavailable('VENDOR_UNREACHABLE', `PortOne could not be reached (${error instanceof Error ? error.message : String(error)}); retry with the same paymentId.`);
    }
    const data = error.data as { type: string; message?: string; pgCode?: string; pgMessage?: string };
    const type = String(data.type);
    if (type === 'ALREADY_PAID') return lookUpEarlierCharge(options, charge);
    if (DECLINES.has(type)) {
      return { status: 'declined', code: type, message: data.message || type, ...(data.pgCode ? { pgCode: data.pgCode } : {}), ...(data.pgMessage ? { pgMessage: data.pgMessage } : {}) };
    }
    const auth = type === 'UNAUTHORIZED' || type === 'FORBIDDEN';
    return { status: 'vendor-error', httpStatus: auth ? (type === 'UNAUTHORIZED' ? 401 : 403) : 0, code: type, message: data.message || type, reason: auth ? 'auth' : 'server', retryable: !auth };
  } finally {
    clearTimeout(timer);
  }
}

/** `ALREADY_PAID`: an earlier call charged this paymentId. Its payment must be this charge, or it is not ours to write. */
async function lookUpEarlierCharge(
  options: PayWithPortOneBillingKeyOptions,
  charge: { paymentId: string; amount: number; currency: string },
): Promise<{ status: 'taken'; payment: PortOnePayment } | BillingKeyChargeResult> {
  const found = await getPortOnePayment({ ...vendor(options), paymentId: charge.paymentId });
  if (found.status !== 'found') return found;
  const checked = checkPortOnePayment(found.payment, { paymentId: charge.paymentId, expected: { amount: charge.amount, currency: charge.currency }, ...(options.storeId ? { storeId: options.storeId } : {}), mode: options.mode ?? 'live' });
  if (checked.status === 'paid') return { status: 'taken', payment: found.payment };
  return { status: 'vendor-error', httpStatus: 409, code: 'ALREADY_PAID', message: `PortOne already holds payment ${charge.paymentId}, and it is not this charge (${checked.status === 'mismatch' ? `${checked.field} differs` : checked.status}); it was not written.`, reason: 'rejected', retryable: false };
}

/** The conditional write after the money was taken; a refusal is reconciled (refunded) as the confirm handler does. */
async function complete(options: PayWithPortOneBillingKeyOptions, lease: Lease, order: StoredOrder, paymentId: string, payment: PortOnePayment | null): Promise<BillingKeyChargeResult> {
  let written: StoredOrder | null;
  try {
    written = await options.store.complete(lease, { status: 'paid', amount: order.amount, vendorPaymentId: paymentId });
  } catch (error) {
    // PortOne holds the money; the retry meets ALREADY_PAID, looks it up and writes it.
    return storeError(options, error);
  }
  if (written) return { status: 'paid', order: written, alreadyPaid: false };
  const now = await options.store.get(order.orderId).catch(() => null);
  if (now && now.status === 'paid' && now.paidWith === paymentId) return { status: 'paid', order: now, alreadyPaid: true };
  return reconcile(options, now ?? order, paymentId, payment, 'order-changed');
}

/** The order was settled before this charge: the same payment is success; another is refused, and money PortOne holds for it goes back. */
async function settled(options: PayWithPortOneBillingKeyOptions, order: StoredOrder, paymentId: string): Promise<BillingKeyChargeResult> {
  if (order.status === 'paid' && order.paidWith === paymentId) return { status: 'paid', order, alreadyPaid: true };
  if (order.status === 'refunded' && order.paidWith === paymentId) return refused('ORDER_REFUNDED', `Order ${order.orderId} was paid with ${paymentId} and refunded in full.`);
  const code: BillingKeyRefusal = order.status === 'expired' ? 'ORDER_EXPIRED' : 'ORDER_ALREADY_PAID';
  return refused(code, `Order ${order.orderId} is ${order.status}${order.paidWith ? ` (with ${order.paidWith})` : ''}; ${paymentId} was not charged.`);
}

async function reconcile(options: PayWithPortOneBillingKeyOptions, order: StoredOrder, paymentId: string, payment: unknown, why: CaptureRefusedReason): Promise<BillingKeyChargeResult> {
  const outcome = await reconcileCapture(
    { portone: vendor(options), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.onCaptureRefused ? { onCaptureRefused: options.onCaptureRefused } : {}), ...(options.onError ? { onError: options.onError } : {}) },
    { provider: 'portone', order, vendorPaymentId: paymentId, payment, why },
  );
  const error = outcome.body.ok ? null : outcome.body.error;
  return { status: 'reconciled', code: error?.code ?? 'PAYMENT_REFUNDED', message: error?.message ?? '', retryable: error?.retryable ?? false, event: outcome.event };
}

function vendor(options: PayWithPortOneBillingKeyOptions) {
  return {
    apiSecret: options.apiSecret,
    ...(options.storeId ? { storeId: options.storeId } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.mode ? { mode: options.mode } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  };
}

const refused = (code: BillingKeyRefusal, message: string): BillingKeyChargeResult => ({ status: 'refused', code, message });

function storeError(options: PayWithPortOneBillingKeyOptions, error: unknown): BillingKeyChargeResult {
  options.onError?.(error);
  return { status: 'store-error', message: 'The order store could not be read or written; retry with the same paymentId (it will not charge twice).', retryable: true };
}

function requireOrderName(value: unknown): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw new CheckoutError(
    'INVALID_OPTION',
    `orderName이 비어 있습니다. 구매자 명세서에 보일 이름(예: '월간 구독 12월')을 넘겨주세요. orderName is empty: pass the name the buyer's statement shows, e.g. '월간 구독 12월'.`,
    { provider: 'portone' },
  );
}
