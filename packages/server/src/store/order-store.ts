import type { Provider } from '@kcheckout/core';

/**
 * The life of an order, as the store keeps it:
 * - `pending`: created and priced; its amount may change until the payment window opens (`open`),
 *   then it is frozen;
 * - `awaiting-deposit`: a virtual account was issued for it; the deposit moves it to `paid`;
 * - `paid`: the vendor captured its amount, with `paidWith`; a part of it may have gone back since
 *   (`refundedAmount`);
 * - `refunded`: all of it went back to the buyer (a refund in the vendor's console, or the shop's own
 *   call), as the vendor reported it through a webhook;
 * - `expired`: its window opened long ago and the vendor holds no payment for it (the sweep).
 */
export type OrderStatus = 'pending' | 'awaiting-deposit' | 'paid' | 'refunded' | 'expired';

/** One order as the store holds it. Times are epoch milliseconds. */
export interface StoredOrder {
  orderId: string;
  provider: Provider;
  /** The amount to charge: a safe positive integer (won for KRW). Frozen once `openedAt` is set. */
  amount: number;
  /** ISO 4217, default `'KRW'`. */
  currency: string;
  status: OrderStatus;
  /** PortOne V2: the `paymentId` the window is opened with, when it is not the order id. */
  paymentId: string | null;
  /** When the payment window first opened (`open`); from then on amount, currency and provider are fixed. */
  openedAt: number | null;
  /** The vendor payment (Toss `paymentKey`, PortOne `paymentId`, V1 `imp_uid`) it was paid or issued with. */
  paidWith: string | null;
  /** The amount the vendor reported captured; equal to `amount` by the conditional write. */
  paidAmount: number | null;
  paidAt: number | null;
  /** What the vendor reported refunded of `paidWith` so far; `null` before any refund. */
  refundedAmount: number | null;
  refundedAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** The merchant's own fields (cart, quote, customer), kept as JSON. */
  data: unknown;
}

/** What `create` takes. */
export interface NewOrder {
  orderId: string;
  provider: Provider;
  amount: number;
  currency?: string;
  paymentId?: string | null;
  data?: unknown;
}

/** What `update` may change on a pending order whose window has not opened. */
export interface OrderChange {
  provider?: Provider;
  amount?: number;
  currency?: string;
  paymentId?: string | null;
  data?: unknown;
}

/**
 * A claim on one order for one confirm attempt: until `until`, no other claim on the order
 * succeeds, in this process or any other sharing the store. `token` proves the claim in `complete`
 * and `release`.
 */
export interface Lease {
  orderId: string;
  token: string;
  /** The vendor payment this attempt is about. */
  vendorPaymentId: string;
  until: number;
}

/**
 * `claim`'s answer:
 * - `claimed`: this attempt holds the order until `lease.until`; call the vendor, then `complete`
 *   or `release`;
 * - `busy`: another attempt holds it; retry after `retryAfterMs`;
 * - `settled`: nothing to confirm: the order is `paid`, `refunded` or `expired`; read its fields;
 * - `not-found`: there is no such order.
 */
export type ClaimAnswer =
  | { kind: 'claimed'; order: StoredOrder; lease: Lease }
  | { kind: 'busy'; order: StoredOrder; retryAfterMs: number }
  | { kind: 'settled'; order: StoredOrder }
  | { kind: 'not-found' };

/** The outcome `complete` writes, each conditional on the order being where the attempt found it. */
export type Completion =
  /** `pending | awaiting-deposit` → `paid`, only if `amount` equals the order's amount. */
  | { status: 'paid'; amount: number; vendorPaymentId: string }
  /** `pending` → `awaiting-deposit`, only if `amount` equals the order's amount. */
  | { status: 'awaiting-deposit'; amount: number; vendorPaymentId: string }
  /** `pending` → `expired`: the window opened long ago and the vendor holds no payment (the sweep). */
  | { status: 'expired' };

/**
 * The order store behind `createConfirmHandler`, the webhooks and the sweep. Every state change is
 * one conditional write, so two processes, a crash between two writes or a second writer can never
 * mark an order paid twice, for the wrong amount, or lose an acknowledged write.
 *
 * `@kcheckout/server/libsql` (one machine, a file) and `@kcheckout/server/postgres` (several
 * servers) implement it; both pass the same contract suite. Implement it over your own database if
 * you have one, keeping each method's condition.
 */
export interface OrderStore {
  /** Inserts a pending order. Rejects when the id exists or the amount is not a safe positive integer. */
  create(order: NewOrder): Promise<StoredOrder>;
  get(orderId: string): Promise<StoredOrder | null>;
  /** The order opened with PortOne V2 `paymentId` (its `paymentId` column, else its order id), for the webhooks. */
  findByPaymentId(paymentId: string): Promise<StoredOrder | null>;
  /** Newest first. */
  list(options?: { limit?: number }): Promise<StoredOrder[]>;
  /**
   * Changes a pending order whose window has not opened (`status = 'pending' AND opened_at IS NULL`).
   * `null` when it is not there or no longer changeable: make a new order instead.
   */
  update(orderId: string, change: OrderChange): Promise<StoredOrder | null>;
  /**
   * The payment window is about to open for `amount`: freezes the order's amount, currency and
   * provider. Idempotent. `null` when the order is missing, not pending, or its amount is not
   * `amount` (the page shows a stale price).
   */
  open(orderId: string, expected: { amount: number; provider?: Provider }): Promise<StoredOrder | null>;
  /**
   * Claims the order for one confirm attempt of `vendorPaymentId`, for `leaseMs`. Conditional on a
   * status that can still be paid and no live lease.
   */
  claim(orderId: string, attempt: { vendorPaymentId: string; leaseMs: number }): Promise<ClaimAnswer>;
  /**
   * Writes the attempt's outcome and ends the lease, conditionally (see `Completion`). Resolves with
   * the order as written, or `null` when the condition failed (the order changed or the lease was
   * lost): the caller reads the order and reconciles.
   */
  complete(lease: Lease, outcome: Completion): Promise<StoredOrder | null>;
  /** Ends a lease without a change, so the next attempt need not wait for it to expire. */
  release(lease: Lease): Promise<void>;
  /**
   * Moves an `awaiting-deposit` order paid with `vendorPaymentId` to `paid`, without a lease (the
   * deposit webhook). Conditional on the status, the payment and the amount; `null` otherwise.
   */
  markDeposited(orderId: string, deposit: { vendorPaymentId: string; amount: number }): Promise<StoredOrder | null>;
  /**
   * The vendor reports `refundedAmount` of the payment `vendorPaymentId` refunded in all (the
   * webhooks, after fetching the payment). Raises the order's refunded amount, never lowers it, and
   * moves the order to `refunded` once all of `amount` went back. Conditional on the status (`paid`
   * or `refunded`), the payment and a larger amount no greater than the order's, so a replay or an
   * older report arriving late changes nothing: `null` then.
   */
  recordRefund(orderId: string, refund: { vendorPaymentId: string; refundedAmount: number }): Promise<StoredOrder | null>;
  /**
   * Orders whose window opened before `openedBefore` and that are still `pending` or
   * `awaiting-deposit`: what the sweep looks up at the vendor. Oldest first.
   */
  stale(openedBefore: number, options?: { limit?: number }): Promise<StoredOrder[]>;
  /** Webhook ids already processed: `true` if `id` was recorded and has not expired. */
  hasWebhook(id: string): Promise<boolean>;
  /** Records a processed webhook id until `expiresAt`. Idempotent. */
  recordWebhook(id: string, expiresAt: number): Promise<void>;
  close(): Promise<void>;
}

/** Options both adapters take. */
export interface OrderStoreOptions {
  /** The clock, in ms; default `Date.now`. Leases and `openedAt` read it. */
  now?: () => number;
}
