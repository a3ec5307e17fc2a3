// Orders for the handler tests, in a real store (libsql in memory): the same conditional writes a
// shop gets, seeded in the state each test starts from.
import type { Provider } from '@kcheckout/core';
import { openLibsqlOrderStore } from '../store/libsql.js';
import type { OrderStore, StoredOrder } from '../store/order-store.js';

export interface OrderSeed {
  orderId: string;
  amount: number;
  provider: Provider;
  currency?: string;
  paymentId?: string;
  /** Default true: the window opened, so the amount is frozen. */
  open?: boolean;
  /** Paid before the test, with this vendor payment id. */
  paidWith?: string;
}

/** A fresh in-memory store holding `orders`. */
export async function seededStore(orders: OrderSeed[], options: { now?: () => number } = {}): Promise<OrderStore> {
  const store = await openLibsqlOrderStore(':memory:', options);
  for (const seed of orders) await seedOne(store, seed);
  return store;
}

async function seedOne(store: OrderStore, seed: OrderSeed): Promise<void> {
  await store.create({ orderId: seed.orderId, provider: seed.provider, amount: seed.amount, ...(seed.currency ? { currency: seed.currency } : {}), ...(seed.paymentId ? { paymentId: seed.paymentId } : {}) });
  if (seed.open === false) return;
  await store.open(seed.orderId, { amount: seed.amount });
  if (!seed.paidWith) return;
  const claim = await store.claim(seed.orderId, { vendorPaymentId: seed.paidWith, leaseMs: 1000 });
  if (claim.kind !== 'claimed') throw new Error(`seed: could not claim ${seed.orderId}`);
  await store.complete(claim.lease, { status: 'paid', amount: seed.amount, vendorPaymentId: seed.paidWith });
}

/** The order's row as the store holds it, in the fields the tests assert on. */
export async function row(store: OrderStore, orderId: string): Promise<Pick<StoredOrder, 'status' | 'amount' | 'paidWith' | 'paidAmount'> | null> {
  const order = await store.get(orderId);
  return order && { status: order.status, amount: order.amount, paidWith: order.paidWith, paidAmount: order.paidAmount };
}

/** A confirm request as a redirect or success page would send it. */
export function confirmRequest(body: unknown, url = 'http://shop.test/api/confirm'): Request {
  return new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}
