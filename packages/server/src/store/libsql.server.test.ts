import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, describe, expect, it } from 'vitest';
import { describeOrderStoreContract, uniqueOrderId } from '../test-utils/store-contract.js';
import { openLibsqlOrderStore } from './libsql.js';

const dir = mkdtempSync(join(tmpdir(), 'kcheckout-libsql-'));
const path = join(dir, 'orders.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeOrderStoreContract('libsql (a file)', (now) => openLibsqlOrderStore(path, { now }));

describe('given an in-memory libsql store', () => {
  it('creates, claims and pays an order', async () => {
    const store = await openLibsqlOrderStore(':memory:');
    const { orderId } = await store.create({ orderId: uniqueOrderId(), provider: 'portone', amount: 3_000_000_000 });
    const answer = await store.claim(orderId, { vendorPaymentId: 'pay_1', leaseMs: 1_000 });
    if (answer.kind !== 'claimed') throw new Error(answer.kind);
    expect(await store.complete(answer.lease, { status: 'paid', amount: 3_000_000_000, vendorPaymentId: 'pay_1' })).toMatchObject({ status: 'paid' });
    await store.close();
  });
});

/** Another process's connection taking the write lock on the file, until `release()`. */
function holdWriteLock() {
  const db = new Database(path);
  db.exec('BEGIN IMMEDIATE');
  return () => {
    db.exec('COMMIT');
    db.close();
  };
}

describe('given another connection holding the write lock', () => {
  it('completes once the lock is released two seconds later, without freezing the event loop', async () => {
    const store = await openLibsqlOrderStore(path);
    const { orderId } = await store.create({ orderId: uniqueOrderId(), provider: 'toss', amount: 15_000 });
    const answer = await store.claim(orderId, { vendorPaymentId: 'pay_1', leaseMs: 60_000 });
    if (answer.kind !== 'claimed') throw new Error(answer.kind);

    const release = holdWriteLock();
    setTimeout(release, 2_000);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 100);
    const paid = await store.complete(answer.lease, { status: 'paid', amount: 15_000, vendorPaymentId: 'pay_1' });
    clearInterval(ticker);

    expect(paid).toMatchObject({ status: 'paid', paidWith: 'pay_1' });
    expect(ticks).toBeGreaterThanOrEqual(10);
    await store.close();
  }, 10_000);

  it('rejects with ORDER_STORE_BUSY after busyTimeoutMs, and a later write is durable', async () => {
    const store = await openLibsqlOrderStore(path, { busyTimeoutMs: 200 });
    const { orderId } = await store.create({ orderId: uniqueOrderId(), provider: 'toss', amount: 15_000 });

    const release = holdWriteLock();
    const started = performance.now();
    await expect(store.open(orderId, { amount: 15_000 })).rejects.toMatchObject({ code: 'ORDER_STORE_BUSY' });
    expect(performance.now() - started).toBeLessThan(2_000);
    release();

    // Another statement than the one that met the lock: on the old connection, the failed statement
    // keeps a write transaction open, so this write would be acknowledged and never committed.
    expect(await store.update(orderId, { amount: 16_000 })).toMatchObject({ amount: 16_000 });
    expect(await store.open(orderId, { amount: 16_000 })).toMatchObject({ openedAt: expect.any(Number) });
    await store.close();
    const reader = new Database(path);
    const row = reader.prepare('SELECT amount, opened_at FROM kcheckout_orders WHERE order_id = ?').get(orderId) as { amount: number; opened_at: number | null };
    reader.close();
    expect(row).toMatchObject({ amount: 16_000, opened_at: expect.any(Number) });
  }, 10_000);
});
