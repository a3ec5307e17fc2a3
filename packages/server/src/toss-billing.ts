import { CheckoutError, validateOrderId } from '@kcheckout/core';
import { callVendor, isRecord, trimBase } from './http.js';
import { requireAmount, requireVendorId } from './refunds.js';
import type { VendorFailure } from './results.js';
import type { Lease, OrderStore, StoredOrder } from './store/order-store.js';
import { authHeader, checkTossPayment, getTossPaymentByOrderId, TOSS_API_BASE, tossFailure, type TossPayment, type TossRequestOptions } from './toss.js';

/** Toss's Billing object (docs.tosspayments.com/reference#billing-객체), with the fields kcheckout reads typed. */
export interface TossBilling {
  billingKey: string;
  customerKey: string;
  /** `카드` or `계좌이체`. */
  method: string;
  authenticatedAt?: string;
  [field: string]: unknown;
}

export interface IssueTossBillingKeyOptions extends TossRequestOptions {
  /** From the billing redirect's query (`authKey`). */
  authKey: string;
  /** The buyer the window was opened for: the shop's own id for them, not the redirect's claim alone. */
  customerKey: string;
}

export type IssueTossBillingKeyResult = { status: 'issued'; billingKey: string; customerKey: string; billing: TossBilling } | VendorFailure;

/**
 * Issues a billing key (빌링키 발급) from the `authKey` the billing redirect brought back:
 * `POST {baseUrl}/v1/billing/authorizations/issue` with `{ authKey, customerKey }`, authorised with
 * the API individual secret key (`test_sk_…`) (docs.tosspayments.com/reference#authkey로-카드-빌링키-발급).
 * Store `billingKey` with the customer, server side only: with the secret key it charges the card.
 */
export async function issueTossBillingKey(options: IssueTossBillingKeyOptions): Promise<IssueTossBillingKeyResult> {
  const authKey = requireVendorId(options.authKey, 'authKey', 'toss');
  const customerKey = requireVendorId(options.customerKey, 'customerKey', 'toss', 50);
  const answer = await callVendor(
    'Toss Payments',
    `${trimBase(options.baseUrl ?? TOSS_API_BASE)}/v1/billing/authorizations/issue`,
    { method: 'POST', headers: { ...authHeader(options), 'content-type': 'application/json' }, body: JSON.stringify({ authKey, customerKey }) },
    options,
  );
  if (!answer.ok) return answer.failure;
  if (answer.httpStatus !== 200) return tossFailure(answer.httpStatus, answer.body);
  const billing = answer.body;
  if (!isRecord(billing) || typeof billing.billingKey !== 'string' || billing.customerKey !== customerKey) {
    return { status: 'unavailable', code: 'VENDOR_BAD_RESPONSE', message: 'Toss Payments answered 200 without a Billing object for this customer; retry.', retryable: true };
  }
  return { status: 'issued', billingKey: billing.billingKey, customerKey, billing: billing as TossBilling };
}

export interface ChargeTossBillingKeyOptions extends TossRequestOptions {
  /**
   * The orders. Create the order first (`store.create({ orderId, provider: 'toss', amount })`): the
   * charge claims it, charges its own amount, and marks it paid with one conditional write, so a
   * retry, a second process or a double-run job never charges it twice.
   */
  store: OrderStore;
  billingKey: string;
  /** The customer the billing key was issued for (Toss answers NOT_MATCHES_CUSTOMER_KEY otherwise). */
  customerKey: string;
  orderId: string;
  /** Must equal the stored order's amount; a difference is refused before any vendor call. */
  amount: number;
  /** 1–100 characters, e.g. '월간 구독 12월'. */
  orderName: string;
  /** How long this charge holds the order; default 30 000 ms, longer than the vendor call's timeout. */
  leaseMs?: number;
}

/**
 * `chargeTossBillingKey`'s answer:
 * - `paid`: the order is paid with `paymentKey`; `alreadyPaid` when an earlier run paid it (no vendor call);
 * - `busy`: another run holds the order; retry after `retryAfterMs` for its outcome;
 * - `refused`: nothing was charged: `ORDER_NOT_FOUND`, `PROVIDER_MISMATCH`, `AMOUNT_MISMATCH`,
 *   `ORDER_REFUNDED`, `ORDER_EXPIRED` (as `createConfirmHandler` names them, docs/errors.md);
 * - `unrecorded`: Toss charged `payment` but the order could not be marked paid (it changed while the
 *   charge ran): refund it with `cancelTossPayment`, or mark it by hand;
 * - `vendor-error` / `unavailable`: see `VendorFailure`; the order stays pending, a retry is safe.
 */
export type ChargeTossBillingKeyResult =
  | { status: 'paid'; order: StoredOrder; paymentKey: string; alreadyPaid: boolean; payment?: TossPayment }
  | { status: 'busy'; retryAfterMs: number }
  | { status: 'refused'; code: 'ORDER_NOT_FOUND' | 'PROVIDER_MISMATCH' | 'AMOUNT_MISMATCH' | 'ORDER_REFUNDED' | 'ORDER_EXPIRED'; message: string }
  | { status: 'unrecorded'; payment: TossPayment; message: string }
  | VendorFailure;

const DEFAULT_LEASE_MS = 30_000;

/**
 * Charges a stored billing key (자동결제 승인): `POST {baseUrl}/v1/billing/{billingKey}` with
 * `{ customerKey, amount, orderId, orderName }` (docs.tosspayments.com/reference#카드-자동결제-승인),
 * once per order: the order is claimed in the store first and the outcome is a conditional write.
 * Each claim sends its own `Idempotency-Key` (Toss answers a repeat with the first answer for 15 days,
 * docs.tosspayments.com/reference/using-api/idempotency-key), so a replayed request charges nothing
 * more, while a later run after a decline is a fresh attempt rather than the decline replayed. A run
 * whose answer was lost is recovered by the order id, which Toss charges once
 * (`DUPLICATED_ORDER_ID`): the payment is then looked up and recorded.
 */
export async function chargeTossBillingKey(options: ChargeTossBillingKeyOptions): Promise<ChargeTossBillingKeyResult> {
  const billingKey = requireVendorId(options.billingKey, 'billingKey', 'toss');
  const customerKey = requireVendorId(options.customerKey, 'customerKey', 'toss', 50);
  const orderId = validateOrderId(options.orderId, 'toss');
  const amount = requireAmount(options.amount, 'amount', 'toss');
  const orderName = requireOrderName(options.orderName);
  const { store } = options;

  const order = await store.get(orderId);
  if (!order) return refused('ORDER_NOT_FOUND', `There is no order ${orderId}: create it (provider 'toss', amount ${amount}) before charging.`);
  if (order.provider !== 'toss') return refused('PROVIDER_MISMATCH', `Order ${orderId} was created for ${order.provider}, not toss.`);
  if (order.amount !== amount) return refused('AMOUNT_MISMATCH', `Order ${orderId} is for ${order.amount}, not ${amount}; nothing was charged.`);
  // Freezes the amount before the vendor is asked; a settled order falls through to the claim.
  if (order.status === 'pending' && !(await store.open(orderId, { amount, provider: 'toss' }))) {
    return refused('AMOUNT_MISMATCH', `Order ${orderId} changed while it was being charged; read it again. Nothing was charged.`);
  }

  const claim = await store.claim(orderId, { vendorPaymentId: 'toss-billing', leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS });
  if (claim.kind === 'not-found') return refused('ORDER_NOT_FOUND', `There is no order ${orderId}.`);
  if (claim.kind === 'busy') return { status: 'busy', retryAfterMs: claim.retryAfterMs };
  if (claim.kind === 'settled') {
    const settled = claim.order;
    if (settled.status === 'paid' && settled.paidWith) return { status: 'paid', order: settled, paymentKey: settled.paidWith, alreadyPaid: true };
    return refused(settled.status === 'expired' ? 'ORDER_EXPIRED' : 'ORDER_REFUNDED', `Order ${orderId} is ${settled.status}; it was not charged again.`);
  }

  const { lease } = claim;
  let completed = false;
  try {
    const charged = await charge(options, lease, { billingKey, customerKey, orderId, amount, orderName });
    if (charged.status !== 'paid') return charged;
    const written = await store.complete(lease, { status: 'paid', amount, vendorPaymentId: charged.payment.paymentKey });
    if (written) {
      completed = true;
      return { status: 'paid', order: written, paymentKey: charged.payment.paymentKey, alreadyPaid: false, payment: charged.payment };
    }
    const now = await store.get(orderId);
    if (now?.status === 'paid' && now.paidWith === charged.payment.paymentKey) return { status: 'paid', order: now, paymentKey: now.paidWith, alreadyPaid: true };
    return { status: 'unrecorded', payment: charged.payment, message: `Toss charged ${charged.payment.paymentKey} but order ${orderId} could not be marked paid; refund it or reconcile by hand.` };
  } finally {
    if (!completed) await release(store, lease);
  }
}

type Charged = { status: 'paid'; payment: TossPayment } | { status: 'unrecorded'; payment: TossPayment; message: string } | VendorFailure;

async function charge(options: ChargeTossBillingKeyOptions, lease: Lease, body: { billingKey: string; customerKey: string; orderId: string; amount: number; orderName: string }): Promise<Charged> {
  const { billingKey, ...fields } = body;
  const answer = await callVendor(
    'Toss Payments',
    `${trimBase(options.baseUrl ?? TOSS_API_BASE)}/v1/billing/${encodeURIComponent(billingKey)}`,
    {
      method: 'POST',
      headers: { ...authHeader(options), 'content-type': 'application/json', 'idempotency-key': `kcheckout-billing-${lease.token}` },
      body: JSON.stringify(fields),
    },
    options,
  );
  if (!answer.ok) return answer.failure;
  let paymentBody = answer.body;
  if (answer.httpStatus !== 200) {
    const failure = tossFailure(answer.httpStatus, answer.body);
    // An earlier run charged this order and its answer was lost: the payment it made is the order's
    // if it is ours, DONE, for this amount.
    if (failure.code !== 'DUPLICATED_ORDER_ID') return failure;
    const lookup = await getTossPaymentByOrderId({ ...options, orderId: fields.orderId });
    if (lookup.status !== 'found') return lookup;
    paymentBody = lookup.payment;
  }
  const checked = checkTossPayment(paymentBody, { orderId: fields.orderId, amount: fields.amount });
  if (checked.status === 'paid') return { status: 'paid', payment: checked.payment };
  if (checked.status === 'vendor-error' || checked.status === 'unavailable') return checked;
  if (checked.status === 'mismatch' || checked.status === 'not-paid' || checked.status === 'awaiting-deposit') {
    return { status: 'unrecorded', payment: checked.payment, message: `Toss answered a payment that is not this order's charge (${checked.status}); it was not marked paid.` };
  }
  return checked;
}

async function release(store: OrderStore, lease: Lease): Promise<void> {
  // The lease expires by itself; a failed release only delays the next run.
  await store.release(lease).catch(() => {});
}

function refused(code: Extract<ChargeTossBillingKeyResult, { status: 'refused' }>['code'], message: string): ChargeTossBillingKeyResult {
  return { status: 'refused', code, message };
}

function requireOrderName(value: unknown): string {
  if (typeof value === 'string' && value.length >= 1 && value.length <= 100) return value;
  throw new CheckoutError(
    'INVALID_OPTION',
    `orderName은 1~100자 문자열이어야 합니다. orderName must be 1–100 characters, e.g. '월간 구독 12월' (Toss's limit).`,
    { provider: 'toss' },
  );
}
