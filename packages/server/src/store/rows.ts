import type { Provider } from '@kcheckout/core';
import type { NewOrder, OrderChange, OrderStatus, StoredOrder } from './order-store.js';

// What both SQL adapters share: checking what goes in, and turning a row back into a StoredOrder.

const PROVIDERS: readonly Provider[] = ['toss', 'portone', 'iamport'];
const STATUSES: readonly OrderStatus[] = ['pending', 'awaiting-deposit', 'paid', 'refunded', 'expired'];
const ORDER_ID = /^[A-Za-z0-9_-]{6,64}$/;
const CURRENCY = /^[A-Z]{3}$/;

/** An Error with a machine-readable `code`, as the store rejects with. */
export interface OrderStoreError extends Error {
  code: 'INVALID_ORDER' | 'ORDER_EXISTS' | 'ORDER_STORE_BUSY' | 'ORDER_STORE_CORRUPT';
}

/** Builds an `OrderStoreError`. */
export function storeError(code: OrderStoreError['code'], message: string, cause?: unknown): OrderStoreError {
  const error = new Error(message, cause === undefined ? undefined : { cause }) as OrderStoreError;
  error.code = code;
  return error;
}

function invalid(message: string): OrderStoreError {
  return storeError('INVALID_ORDER', message);
}

/** Rejects an amount that is not a safe positive integer (won, for KRW). */
export function checkAmount(amount: unknown, what = 'amount'): number {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    throw invalid(`The order's ${what} must be a safe positive integer in the currency's smallest unit (e.g. 15000 for ₩15,000); got ${describe(amount)}.`);
  }
  return amount;
}

/** Rejects an order id outside `[A-Za-z0-9_-]{6,64}`, the set all three vendors accept. */
export function checkOrderId(orderId: unknown): string {
  if (typeof orderId !== 'string' || !ORDER_ID.test(orderId)) {
    throw invalid(`The order id must be 6 to 64 characters of A-Z, a-z, 0-9, '-' or '_'; got ${describe(orderId)}.`);
  }
  return orderId;
}

function checkProvider(provider: unknown): Provider {
  if (!PROVIDERS.includes(provider as Provider)) {
    throw invalid(`The order's provider must be 'toss', 'portone' or 'iamport'; got ${describe(provider)}.`);
  }
  return provider as Provider;
}

function checkCurrency(currency: unknown): string {
  if (typeof currency !== 'string' || !CURRENCY.test(currency)) {
    throw invalid(`The order's currency must be an ISO 4217 code such as 'KRW'; got ${describe(currency)}.`);
  }
  return currency;
}

function checkPaymentId(paymentId: unknown): string | null {
  if (paymentId === null) return null;
  if (typeof paymentId !== 'string' || paymentId.length === 0) {
    throw invalid(`The order's paymentId must be a non-empty string or null; got ${describe(paymentId)}.`);
  }
  return paymentId;
}

/** `undefined` (no data) is stored as NULL; anything else must survive JSON. */
function toJson(data: unknown): string | null {
  if (data === undefined || data === null) return null;
  try {
    return JSON.stringify(data);
  } catch (error) {
    throw storeError('INVALID_ORDER', "The order's data must be JSON-serialisable (no BigInt, no cycles).", error);
  }
}

/** Column values for a new order, checked. */
export function newOrderColumns(order: NewOrder) {
  return {
    order_id: checkOrderId(order.orderId),
    provider: checkProvider(order.provider),
    amount: checkAmount(order.amount),
    currency: checkCurrency(order.currency ?? 'KRW'),
    payment_id: checkPaymentId(order.paymentId ?? null),
    data: toJson(order.data),
  };
}

/** Column values for the fields an `OrderChange` names, checked; absent fields are left out. */
export function changeColumns(change: OrderChange): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (change.provider !== undefined) columns.provider = checkProvider(change.provider);
  if (change.amount !== undefined) columns.amount = checkAmount(change.amount);
  if (change.currency !== undefined) columns.currency = checkCurrency(change.currency);
  if (change.paymentId !== undefined) columns.payment_id = checkPaymentId(change.paymentId);
  if ('data' in change) columns.data = toJson(change.data);
  return columns;
}

/**
 * node-postgres hands BIGINT over as a string and SQLite may hand over a BigInt: every time and
 * money column goes through here, so a string amount never leaves the adapter.
 */
export function toInteger(value: unknown, column: string): number {
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : typeof value === 'bigint' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw storeError('ORDER_STORE_CORRUPT', `Column ${column} holds ${describe(value)}, not a safe integer.`);
  }
  return number;
}

function toNullableInteger(value: unknown, column: string): number | null {
  return value === null || value === undefined ? null : toInteger(value, column);
}

function toNullableString(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A row of `kcheckout_orders` as a `StoredOrder`. `jsonParsed`: the driver already parsed `data` (JSONB). */
export function toStoredOrder(row: Record<string, unknown>, jsonParsed: boolean): StoredOrder {
  const status = row.status as OrderStatus;
  if (!STATUSES.includes(status)) throw storeError('ORDER_STORE_CORRUPT', `Order ${String(row.order_id)} has status ${describe(row.status)}.`);
  const data = row.data ?? null;
  return {
    orderId: String(row.order_id),
    provider: row.provider as Provider,
    amount: toInteger(row.amount, 'amount'),
    currency: String(row.currency),
    status,
    paymentId: toNullableString(row.payment_id),
    openedAt: toNullableInteger(row.opened_at, 'opened_at'),
    paidWith: toNullableString(row.paid_with),
    paidAmount: toNullableInteger(row.paid_amount, 'paid_amount'),
    paidAt: toNullableInteger(row.paid_at, 'paid_at'),
    refundedAmount: toNullableInteger(row.refunded_amount, 'refunded_amount'),
    refundedAt: toNullableInteger(row.refunded_at, 'refunded_at'),
    createdAt: toInteger(row.created_at, 'created_at'),
    updatedAt: toInteger(row.updated_at, 'updated_at'),
    data: data !== null && !jsonParsed ? JSON.parse(String(data)) : data,
  };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 70 ? `a ${value.length}-character string` : JSON.stringify(value);
  if (typeof value === 'bigint') return `the BigInt ${value}n`;
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}
