import Database from 'libsql';
import type { OrderStore, OrderStoreOptions } from './order-store.js';
import { storeError } from './rows.js';
import { createSqlOrderStore, orderTables, type SqlDriver } from './sql-order-store.js';

const SCHEMA = orderTables('TEXT');

// libsql is synchronous: a long busy_timeout would block the event loop for as long as another
// process holds the lock. So each statement waits briefly, and the waiting happens between tries.
const STATEMENT_BUSY_MS = 50;
const MAX_BACKOFF_MS = 250;

/** Options of `openLibsqlOrderStore`. */
export interface LibsqlOrderStoreOptions extends OrderStoreOptions {
  /**
   * How long a write waits for another connection's lock before it rejects with an Error whose
   * `code` is `'ORDER_STORE_BUSY'`. Default 5000 ms.
   */
  busyTimeoutMs?: number;
}

/**
 * Opens (and creates, when absent) the order tables in the SQLite file at `path` with
 * [libsql](https://www.npmjs.com/package/libsql), in WAL mode: one machine, any number of
 * processes. `':memory:'` gives a private store for tests.
 *
 * A statement that meets a lock is retried with backoff for up to `busyTimeoutMs`, each time on a
 * new connection: after a SQLITE_BUSY failure, a libsql connection may acknowledge later writes it
 * never commits.
 *
 * @example
 * const store = await openLibsqlOrderStore('data/orders.db');
 */
export async function openLibsqlOrderStore(path: string, options: LibsqlOrderStoreOptions = {}): Promise<OrderStore> {
  const driver = libsqlDriver(path, options.busyTimeoutMs ?? 5000);
  await driver.exec(SCHEMA);
  return createSqlOrderStore(driver, options.now ?? Date.now);
}

function libsqlDriver(path: string, busyTimeoutMs: number): SqlDriver & { exec(sql: string): Promise<void> } {
  // A second connection to ':memory:' would be a different, empty database.
  const memory = path === ':memory:';
  let connection: { db: Database.Database; statements: Map<string, Database.Statement> } | null = null;
  let closed = false;

  const connect = () => {
    if (closed) throw new Error('This order store is closed; open a new one with openLibsqlOrderStore().');
    if (!connection) {
      const db = new Database(path);
      connection = { db, statements: new Map() };
      db.pragma(`busy_timeout = ${STATEMENT_BUSY_MS}`);
      if (!memory) db.pragma('journal_mode = WAL');
    }
    return connection;
  };
  const dropConnection = () => {
    if (memory || !connection) return;
    try {
      connection.db.close();
    } catch {
      // Closing a connection that failed is best effort: it is never used again either way.
    }
    connection = null;
  };

  async function retrying<T>(run: (current: NonNullable<typeof connection>) => T): Promise<T> {
    const started = performance.now();
    let backoff = 5;
    for (;;) {
      try {
        return run(connect());
      } catch (error) {
        if (!isBusy(error)) throw error;
        dropConnection();
        const waited = performance.now() - started;
        if (waited >= busyTimeoutMs) {
          throw storeError('ORDER_STORE_BUSY', `The order store at ${path} stayed locked by another connection for ${Math.round(waited)} ms (busyTimeoutMs ${busyTimeoutMs}); retry the request.`, error);
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(backoff, busyTimeoutMs - waited)));
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  return {
    jsonParsed: false,
    query: (sql, params) =>
      retrying(({ statements, db }) => {
        let statement = statements.get(sql);
        if (!statement) statements.set(sql, (statement = db.prepare(sql)));
        return statement.all(...params) as Record<string, unknown>[];
      }),
    exec: async (sql) => {
      await retrying(({ db }) => db.exec(sql));
    },
    close: async () => {
      closed = true;
      connection?.db.close();
      connection = null;
    },
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
