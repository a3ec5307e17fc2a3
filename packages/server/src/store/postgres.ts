import type { OrderStore, OrderStoreOptions } from './order-store.js';
import { createSqlOrderStore, orderTables } from './sql-order-store.js';

// Sent as one simple-protocol query: Postgres runs its statements as one transaction, so the
// advisory lock is held until the tables exist and two servers starting at once do not race
// on CREATE TABLE IF NOT EXISTS (which can fail on a duplicate type when run concurrently).
const SCHEMA = `
SELECT pg_advisory_xact_lock(hashtext('kcheckout.schema'));
${orderTables('JSONB')}`;

/**
 * What the store needs of a pool: node-postgres' `pg.Pool` (or `pg.Client`) fits, so you can pass
 * your own, configured as you like.
 */
export interface PgPoolLike {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Opens the order store in Postgres with [node-postgres](https://node-postgres.com), creating its
 * tables (`kcheckout_orders`, `kcheckout_webhooks`) when absent: for several servers sharing one
 * database.
 *
 * Pass your own `pg.Pool`, which `close()` leaves open, or `{ connectionString }`, for which the
 * store makes a pool (and `close()` ends it). BIGINT columns come back from node-postgres as
 * strings; the store turns every one into a number and rejects one that is not a safe integer.
 *
 * @example
 * const store = await openPostgresOrderStore({ connectionString: process.env.DATABASE_URL! });
 */
export async function openPostgresOrderStore(pool: PgPoolLike | { connectionString: string }, options: OrderStoreOptions = {}): Promise<OrderStore> {
  let client: PgPoolLike;
  let end = async () => {};
  if ('query' in pool) {
    client = pool;
  } else {
    // Loaded here so that a caller who brings a pool never needs `pg` resolvable from this package.
    const { default: pg } = await import('pg');
    const owned = new pg.Pool({ connectionString: pool.connectionString });
    // An idle connection that the server ends (a restart, a failover, an idle timeout) is reported
    // as the pool's 'error' event, which crashes the process when nobody listens. The pool has
    // already dropped that connection and the next query opens a new one, so there is nothing to do.
    owned.on('error', () => {});
    client = owned as unknown as PgPoolLike;
    end = () => owned.end();
  }

  try {
    await client.query(SCHEMA);
  } catch (error) {
    await end();
    throw error;
  }

  const numbered = new Map<string, string>();
  return createSqlOrderStore(
    {
      jsonParsed: true,
      async query(sql, params) {
        let text = numbered.get(sql);
        if (text === undefined) {
          let n = 0;
          numbered.set(sql, (text = sql.replace(/\?/g, () => `$${++n}`)));
        }
        return (await client.query(text, [...params])).rows;
      },
      close: end,
    },
    options.now ?? Date.now,
  );
}
