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

describe('given two servers starting at once on an empty database', () => {
  it('both create the tables without an error', async () => {
    const fresh = await createDatabase(server.url, 'kcheckout_race');
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresOrderStore({ connectionString: fresh })));
    expect(await stores[0]!.get(uniqueOrderId())).toBeNull();
    await Promise.all(stores.map((store) => store.close()));
  });
});
