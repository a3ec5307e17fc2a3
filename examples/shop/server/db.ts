import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'libsql';
import type { CartLine, Quote } from '../shared/catalog.js';
import { type Gateway, type Order, type OrderStatus, providerOf } from '../shared/types.js';

// The shop's orders in SQLite (libsql, the SQLite fork whose prebuilt binary ships in an npm
// package). The file and its table are created on first run.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS orders (
  order_id   TEXT PRIMARY KEY,
  status     TEXT NOT NULL CHECK (status IN ('pending', 'paid')),
  gateway    TEXT NOT NULL,
  items      TEXT NOT NULL,
  coupon     TEXT,
  quote      TEXT NOT NULL,
  amount     INTEGER NOT NULL CHECK (amount > 0),
  currency   TEXT NOT NULL DEFAULT 'KRW',
  order_name TEXT NOT NULL,
  paid_with  TEXT,
  created_at TEXT NOT NULL,
  paid_at    TEXT
);
CREATE INDEX IF NOT EXISTS orders_created_at ON orders (created_at);
`;

interface Row {
  order_id: string;
  status: OrderStatus;
  gateway: Gateway;
  items: string;
  coupon: string | null;
  quote: string;
  amount: number;
  currency: 'KRW';
  order_name: string;
  paid_with: string | null;
  created_at: string;
  paid_at: string | null;
}

export interface OrderStore {
  readonly path: string;
  create(order: { orderId: string; gateway: Gateway; items: CartLine[]; quote: Quote }): Order;
  get(orderId: string): Order | null;
  list(): Order[];
  /** Re-prices or switches the gateway of a pending order; `null` when the order is not pending. */
  update(orderId: string, change: { gateway?: Gateway; quote?: Quote }): Order | null;
  /**
   * Marks a pending order paid with `vendorPaymentId`. Idempotent: an order already paid with the
   * same id is left as it is. Throws when the order is missing or was paid with another payment.
   */
  markPaid(orderId: string, vendorPaymentId: string): void;
  close(): void;
}

export function openOrderStore(path: string): OrderStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.exec('PRAGMA journal_mode = WAL;');
  db.exec(SCHEMA);

  const select = db.prepare('SELECT * FROM orders WHERE order_id = ?');
  const insert = db.prepare(
    `INSERT INTO orders (order_id, status, gateway, items, coupon, quote, amount, order_name, created_at)
     VALUES (@orderId, 'pending', @gateway, @items, @coupon, @quote, @amount, @orderName, @createdAt)`,
  );
  const reprice = db.prepare(
    `UPDATE orders SET gateway = @gateway, coupon = @coupon, quote = @quote, amount = @amount, order_name = @orderName
     WHERE order_id = @orderId AND status = 'pending'`,
  );
  const pay = db.prepare(`UPDATE orders SET status = 'paid', paid_with = ?, paid_at = ? WHERE order_id = ? AND status = 'pending'`);

  const read = (orderId: string) => (select.get(orderId) as Row | undefined) ?? null;

  return {
    path,
    create({ orderId, gateway, items, quote }) {
      insert.run({
        orderId,
        gateway,
        items: JSON.stringify(items),
        coupon: quote.coupon?.code ?? null,
        quote: JSON.stringify(quote),
        amount: quote.amount,
        orderName: quote.orderName,
        createdAt: new Date().toISOString(),
      });
      return toOrder(read(orderId)!);
    },
    get(orderId) {
      const row = read(orderId);
      return row ? toOrder(row) : null;
    },
    list() {
      return (db.prepare('SELECT * FROM orders ORDER BY created_at DESC, order_id').all() as Row[]).map(toOrder);
    },
    update(orderId, change) {
      const row = read(orderId);
      if (!row || row.status !== 'pending') return null;
      const quote = change.quote ?? (JSON.parse(row.quote) as Quote);
      const { changes } = reprice.run({
        orderId,
        gateway: change.gateway ?? row.gateway,
        coupon: quote.coupon?.code ?? null,
        quote: JSON.stringify(quote),
        amount: quote.amount,
        orderName: quote.orderName,
      });
      return changes === 1 ? toOrder(read(orderId)!) : null;
    },
    markPaid(orderId, vendorPaymentId) {
      const { changes } = pay.run(vendorPaymentId, new Date().toISOString(), orderId);
      if (changes === 1) return;
      const row = read(orderId);
      if (!row) throw new Error(`markPaid: no order ${orderId}`);
      if (row.paid_with !== vendorPaymentId) throw new Error(`markPaid: order ${orderId} is already paid with another payment`);
    },
    close() {
      db.close();
    },
  };
}

function toOrder(row: Row): Order {
  const quote = JSON.parse(row.quote) as Quote;
  return {
    orderId: row.order_id,
    status: row.status,
    gateway: row.gateway,
    provider: providerOf(row.gateway),
    items: JSON.parse(row.items) as CartLine[],
    quote,
    amount: row.amount,
    currency: row.currency,
    orderName: row.order_name,
    paidWith: row.paid_with,
    createdAt: row.created_at,
    paidAt: row.paid_at,
  };
}
