import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, startPostgres, type PostgresServer } from '../test-utils/postgres-server.js';
import { describeOrderStoreContract, uniqueOrderId } from '../test-utils/store-contract.js';
import { openPostgresOrderStore } from './postgres.js';

let server: PostgresServer;
let url: string;
beforeAll(async () => {
  server = await startPostgres();
  url = await createDatabase(server.url, 'kcheckout_contract');
}, 60_000);
afterAll(() => server?.stop());

describeOrderStoreContract('Postgres', (now) => openPostgresOrderStore({ connectionString: url }, { now }));

describe('given the caller’s own pg.Pool', () => {
  it('uses it, leaves it open on close, and stores amounts as BIGINT', async () => {
    const pool = new pg.Pool({ connectionString: url });
    const store = await openPostgresOrderStore(pool);
    const { orderId } = await store.create({ orderId: uniqueOrderId(), provider: 'iamport', amount: 3_000_000_000 });
    await store.close();
    const { rows } = await pool.query('SELECT amount, pg_typeof(amount)::text AS type FROM kcheckout_orders WHERE order_id = $1', [orderId]);
    expect(rows[0]).toEqual({ amount: '3000000000', type: 'bigint' });
    await pool.end();
  });
});

describe('given the server ends the store’s idle connections (a restart, a failover)', () => {
  it('does not crash the process, and the next call reconnects', async () => {
    const store = await openPostgresOrderStore({ connectionString: url });
    const { orderId } = await store.create({ orderId: uniqueOrderId(), provider: 'toss', amount: 1000 });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    await admin.end();
    // The pool hears of the ended connection on its own socket; give it a moment to.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await store.get(orderId)).toMatchObject({ orderId, amount: 1000 });
    await store.close();
  });
});

describe('given two servers starting at once on an empty database', () => {
  it('both create the tables without an error', async () => {
    const fresh = await createDatabase(server.url, 'kcheckout_race');
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresOrderStore({ connectionString: fresh })));
    expect(await stores[0]!.get(uniqueOrderId())).toBeNull();
    await Promise.all(stores.map((store) => store.close()));
  });
});
