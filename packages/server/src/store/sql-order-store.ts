import type { ClaimAnswer, Completion, Lease, OrderStore, StoredOrder } from './order-store.js';
import { changeColumns, checkAmount, newOrderColumns, storeError, toStoredOrder } from './rows.js';

// The statements both adapters run, in the SQL SQLite and Postgres share. Every state change is a
// single UPDATE … WHERE <condition> RETURNING *: the database checks the condition and writes in one
// step, so no read-then-write window exists for a second process to slip into.

/** The tables, in the SQL both databases take; only the JSON column's type differs. */
export function orderTables(json: 'TEXT' | 'JSONB'): string {
  return `
CREATE TABLE IF NOT EXISTS kcheckout_orders (
  order_id      TEXT PRIMARY KEY,
  provider      TEXT NOT NULL,
  amount        BIGINT NOT NULL CHECK (amount > 0),
  currency      TEXT NOT NULL DEFAULT 'KRW',
  payment_id    TEXT,
  status        TEXT NOT NULL CHECK (status IN ('pending', 'awaiting-deposit', 'paid', 'refunded', 'expired')),
  opened_at     BIGINT,
  lease_token   TEXT,
  lease_until   BIGINT,
  lease_payment TEXT,
  paid_with     TEXT,
  paid_amount   BIGINT,
  paid_at       BIGINT,
  refunded_amount BIGINT,
  refunded_at   BIGINT,
  data          ${json},
  created_at    BIGINT NOT NULL,
  updated_at    BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS kcheckout_orders_stale ON kcheckout_orders (status, opened_at);
CREATE INDEX IF NOT EXISTS kcheckout_orders_payment ON kcheckout_orders (payment_id);
CREATE TABLE IF NOT EXISTS kcheckout_webhooks (
  id         TEXT PRIMARY KEY,
  expires_at BIGINT NOT NULL
);
`;
}

/** How an adapter runs one statement. */
export interface SqlDriver {
  /** Runs one statement written with `?` placeholders; resolves with its rows (RETURNING rows for writes). */
  query(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
  /** The driver parses the `data` column itself (Postgres JSONB). */
  jsonParsed: boolean;
}

const LIVE = `status IN ('pending', 'awaiting-deposit')`;
const NO_LEASE = 'lease_token = NULL, lease_until = NULL, lease_payment = NULL';
const DEFAULT_LIMIT = 100;
// One prune of expired webhook ids every so many records keeps the table small without a timer.
const PRUNE_EVERY = 64;

/** An `OrderStore` over `driver`, reading the time from `now`. */
export function createSqlOrderStore(driver: SqlDriver, now: () => number): OrderStore {
  let recorded = 0;
  const toOrder = (row: Record<string, unknown>) => toStoredOrder(row, driver.jsonParsed);
  const one = async (sql: string, params: readonly unknown[]): Promise<StoredOrder | null> => {
    const [row] = await driver.query(sql, params);
    return row ? toOrder(row) : null;
  };
  const get = (orderId: string) => one('SELECT * FROM kcheckout_orders WHERE order_id = ?', [orderId]);

  return {
    async create(order) {
      const columns = newOrderColumns(order);
      const time = now();
      const created = await one(
        `INSERT INTO kcheckout_orders (order_id, provider, amount, currency, payment_id, status, data, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT (order_id) DO NOTHING RETURNING *`,
        [columns.order_id, columns.provider, columns.amount, columns.currency, columns.payment_id, columns.data, time, time],
      );
      if (!created) throw storeError('ORDER_EXISTS', `Order ${columns.order_id} already exists; make each order with a new id.`);
      return created;
    },

    get,

    async findByPaymentId(paymentId) {
      // An order opened without its own paymentId uses its order id (the library's default).
      return (await one('SELECT * FROM kcheckout_orders WHERE payment_id = ?', [paymentId])) ?? (await one('SELECT * FROM kcheckout_orders WHERE order_id = ? AND payment_id IS NULL', [paymentId]));
    },

    async list(options) {
      const rows = await driver.query('SELECT * FROM kcheckout_orders ORDER BY created_at DESC, order_id DESC LIMIT ?', [options?.limit ?? DEFAULT_LIMIT]);
      return rows.map(toOrder);
    },

    async update(orderId, change) {
      // Only the named columns are set, so two changes to different fields never undo each other.
      const columns = Object.entries(changeColumns(change));
      const sets = [...columns.map(([column]) => `${column} = ?`), 'updated_at = ?'];
      return one(
        `UPDATE kcheckout_orders SET ${sets.join(', ')}
         WHERE order_id = ? AND status = 'pending' AND opened_at IS NULL RETURNING *`,
        [...columns.map(([, value]) => value), now(), orderId],
      );
    },

    async open(orderId, expected) {
      checkAmount(expected.amount);
      const time = now();
      const provider = expected.provider === undefined ? '' : ' AND provider = ?';
      return one(
        `UPDATE kcheckout_orders
         SET opened_at = COALESCE(opened_at, CAST(? AS BIGINT)),
             updated_at = CASE WHEN opened_at IS NULL THEN CAST(? AS BIGINT) ELSE updated_at END
         WHERE order_id = ? AND status = 'pending' AND amount = ?${provider} RETURNING *`,
        [time, time, orderId, expected.amount, ...(expected.provider === undefined ? [] : [expected.provider])],
      );
    },

    async claim(orderId, { vendorPaymentId, leaseMs }): Promise<ClaimAnswer> {
      if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0) throw storeError('INVALID_ORDER', `claim: leaseMs must be a positive integer of milliseconds; got ${leaseMs}.`);
      const time = now();
      const token = globalThis.crypto.randomUUID();
      const order = await one(
        `UPDATE kcheckout_orders SET lease_token = ?, lease_until = ?, lease_payment = ?
         WHERE order_id = ? AND ${LIVE} AND (lease_until IS NULL OR lease_until <= ?) RETURNING *`,
        [token, time + leaseMs, vendorPaymentId, orderId, time],
      );
      if (order) return { kind: 'claimed', order, lease: { orderId, token, vendorPaymentId, until: time + leaseMs } };

      const [row] = await driver.query('SELECT * FROM kcheckout_orders WHERE order_id = ?', [orderId]);
      if (!row) return { kind: 'not-found' };
      const current = toOrder(row);
      if (current.status === 'paid' || current.status === 'refunded' || current.status === 'expired') return { kind: 'settled', order: current };
      // The lease may have ended between the two statements: then retry soon rather than never.
      const until = row.lease_until === null ? time : Number(row.lease_until);
      return { kind: 'busy', order: current, retryAfterMs: Math.max(1, until - time) };
    },

    async complete(lease: Lease, outcome: Completion) {
      const time = now();
      if (outcome.status === 'paid') {
        checkAmount(outcome.amount);
        return one(
          `UPDATE kcheckout_orders
           SET status = 'paid', paid_with = ?, paid_amount = ?, paid_at = ?, updated_at = ?, ${NO_LEASE}
           WHERE order_id = ? AND lease_token = ? AND ${LIVE} AND amount = ? AND (paid_with IS NULL OR paid_with = ?)
           RETURNING *`,
          [outcome.vendorPaymentId, outcome.amount, time, time, lease.orderId, lease.token, outcome.amount, outcome.vendorPaymentId],
        );
      }
      if (outcome.status === 'awaiting-deposit') {
        checkAmount(outcome.amount);
        return one(
          `UPDATE kcheckout_orders SET status = 'awaiting-deposit', paid_with = ?, updated_at = ?, ${NO_LEASE}
           WHERE order_id = ? AND lease_token = ? AND status = 'pending' AND amount = ? RETURNING *`,
          [outcome.vendorPaymentId, time, lease.orderId, lease.token, outcome.amount],
        );
      }
      return one(
        `UPDATE kcheckout_orders SET status = 'expired', updated_at = ?, ${NO_LEASE}
         WHERE order_id = ? AND lease_token = ? AND status = 'pending' RETURNING *`,
        [time, lease.orderId, lease.token],
      );
    },

    async release(lease) {
      await driver.query(`UPDATE kcheckout_orders SET ${NO_LEASE} WHERE order_id = ? AND lease_token = ? RETURNING order_id`, [lease.orderId, lease.token]);
    },

    async markDeposited(orderId, { vendorPaymentId, amount }) {
      checkAmount(amount);
      const time = now();
      return one(
        `UPDATE kcheckout_orders SET status = 'paid', paid_amount = ?, paid_at = ?, updated_at = ?, ${NO_LEASE}
         WHERE order_id = ? AND status = 'awaiting-deposit' AND paid_with = ? AND amount = ? RETURNING *`,
        [amount, time, time, orderId, vendorPaymentId, amount],
      );
    },

    async recordRefund(orderId, { vendorPaymentId, refundedAmount }) {
      checkAmount(refundedAmount, 'refunded amount');
      const time = now();
      return one(
        `UPDATE kcheckout_orders
         SET refunded_amount = CAST(? AS BIGINT), refunded_at = ?, updated_at = ?,
             status = CASE WHEN CAST(? AS BIGINT) >= amount THEN 'refunded' ELSE status END
         WHERE order_id = ? AND status IN ('paid', 'refunded') AND paid_with = ?
           AND COALESCE(refunded_amount, 0) < CAST(? AS BIGINT) AND amount >= CAST(? AS BIGINT) RETURNING *`,
        [refundedAmount, time, time, refundedAmount, orderId, vendorPaymentId, refundedAmount, refundedAmount],
      );
    },

    async stale(openedBefore, options) {
      const rows = await driver.query(
        `SELECT * FROM kcheckout_orders WHERE ${LIVE} AND opened_at IS NOT NULL AND opened_at < ?
         ORDER BY opened_at, order_id LIMIT ?`,
        [openedBefore, options?.limit ?? DEFAULT_LIMIT],
      );
      return rows.map(toOrder);
    },

    async hasWebhook(id) {
      const rows = await driver.query('SELECT id FROM kcheckout_webhooks WHERE id = ? AND expires_at > ?', [id, now()]);
      return rows.length > 0;
    },

    async recordWebhook(id, expiresAt) {
      const time = now();
      // An expired id counts as absent, so recording it again starts a new expiry.
      await driver.query(
        `INSERT INTO kcheckout_webhooks (id, expires_at) VALUES (?, ?)
         ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at WHERE kcheckout_webhooks.expires_at <= ?
         RETURNING id`,
        [id, Math.trunc(expiresAt), time],
      );
      if (++recorded % PRUNE_EVERY === 0) await driver.query('DELETE FROM kcheckout_webhooks WHERE expires_at <= ? RETURNING id', [time]);
    },

    close: () => driver.close(),
  };
}
