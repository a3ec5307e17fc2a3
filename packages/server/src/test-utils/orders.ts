// An in-memory order store for the handler tests: what loadOrder / markPaid would do over a database.
import type { ConfirmOrder, PaidOrder } from '../handler.js';

export function orderStore(orders: ConfirmOrder[]) {
  const byId = new Map(orders.map((order) => [order.orderId, { ...order }]));
  const marked: PaidOrder[] = [];
  return {
    loadOrder: async (orderId: string) => {
      const order = byId.get(orderId);
      return order ? { ...order } : null;
    },
    markPaid: async (paid: PaidOrder) => {
      marked.push(paid);
      const order = byId.get(paid.orderId)!;
      order.paid = true;
      order.paidWith = paid.vendorPaymentId;
    },
    /** Every markPaid call, in order. */
    marked,
    isPaid: (orderId: string) => byId.get(orderId)?.paid ?? false,
  };
}

/** A confirm request as a redirect or success page would send it. */
export function confirmRequest(body: unknown, url = 'http://shop.test/api/confirm'): Request {
  return new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}
