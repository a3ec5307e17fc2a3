import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OrderStore, StoredOrder } from '@kcheckout/server';
import { openLibsqlOrderStore } from '@kcheckout/server/libsql';
import { openPostgresOrderStore } from '@kcheckout/server/postgres';
import type { CartLine, Quote } from '../shared/catalog.js';
import { type Gateway, type Order, providerOf } from '../shared/types.js';
import { ConfigError } from './config.js';

// The shop keeps no orders table of its own: its orders ARE the library's `kcheckout_orders` rows,
// so the confirm handler, the webhooks and the sweep change the very record the pages read. What
// only the shop needs (the cart, its quote, the gateway, the order name) rides in the row's `data`.

/** The shop's own fields, in `kcheckout_orders.data`. */
interface ShopData {
  gateway: Gateway;
  items: CartLine[];
  quote: Quote;
  orderName: string;
}

/** Where the orders live: a SQLite file (the default), or Postgres when a URL is given. */
export interface OrdersLocation {
  /** The SQLite file; created with its tables on first run. */
  dbPath: string;
  /** A `postgres://` URL (`SHOP_DATABASE_URL`); when set, `dbPath` is not used. */
  databaseUrl?: string | undefined;
}

/** The shop's orders over the library's order store, in the shape its API answers. */
export interface ShopOrders {
  /** The SQLite path, or the Postgres URL without its password, for the start-up banner. */
  readonly path: string;
  /** The library's store itself, for the confirm handler, the webhooks and the sweep. */
  readonly store: OrderStore;
  create(order: { orderId: string; gateway: Gateway; items: CartLine[]; quote: Quote }): Promise<Order>;
  get(orderId: string): Promise<Order | null>;
  list(): Promise<Order[]>;
  /**
   * Re-prices or switches the gateway of a pending order whose payment window has not opened;
   * `null` when it has opened (or the order is gone): make a new order instead.
   */
  update(orderId: string, change: { gateway?: Gateway; quote?: Quote }): Promise<Order | null>;
  /**
   * The payment window is about to open for `amount`: freezes the order's amount and provider.
   * Idempotent; `null` when the order is not pending or its amount is not `amount`.
   */
  open(orderId: string, amount: number): Promise<Order | null>;
  close(): Promise<void>;
}

/** Opens the orders: `openLibsqlOrderStore` on the SQLite file, or `openPostgresOrderStore` on `databaseUrl`. */
export async function openShopOrders(location: OrdersLocation): Promise<ShopOrders> {
  let store: OrderStore;
  let path: string;
  if (location.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(location.databaseUrl)) {
      throw new ConfigError('SHOP_DATABASE_URL must be a postgres:// (or postgresql://) URL, e.g. postgres://shop:secret@localhost:5432/shop.');
    }
    store = await openPostgresOrderStore({ connectionString: location.databaseUrl });
    path = redact(location.databaseUrl);
  } else {
    if (location.dbPath !== ':memory:') mkdirSync(dirname(location.dbPath), { recursive: true });
    store = await openLibsqlOrderStore(location.dbPath);
    path = location.dbPath;
  }

  const read = async (orderId: string) => {
    const stored = await store.get(orderId);
    return stored && toOrder(stored);
  };

  return {
    path,
    store,
    async create({ orderId, gateway, items, quote }) {
      const data: ShopData = { gateway, items, quote, orderName: quote.orderName };
      return toOrder(await store.create({ orderId, provider: providerOf(gateway), amount: quote.amount, currency: 'KRW', data }));
    },
    get: read,
    async list() {
      return (await store.list({ limit: 200 })).map(toOrder);
    },
    async update(orderId, change) {
      const current = await read(orderId);
      if (!current) return null;
      const gateway = change.gateway ?? current.gateway;
      const quote = change.quote ?? current.quote;
      const data: ShopData = { gateway, items: current.items, quote, orderName: quote.orderName };
      // Conditional in the store (pending, window not opened): a window opening meanwhile wins.
      const updated = await store.update(orderId, { provider: providerOf(gateway), amount: quote.amount, data });
      return updated && toOrder(updated);
    },
    async open(orderId, amount) {
      const current = await store.get(orderId);
      if (!current) return null;
      const opened = await store.open(orderId, { amount, provider: current.provider });
      return opened && toOrder(opened);
    },
    close: () => store.close(),
  };
}

function toOrder(stored: StoredOrder): Order {
  const data = stored.data as ShopData;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    orderId: stored.orderId,
    status: stored.status,
    gateway: data.gateway,
    provider: providerOf(data.gateway),
    items: data.items,
    quote: data.quote,
    amount: stored.amount,
    currency: 'KRW',
    orderName: data.orderName,
    paidWith: stored.paidWith,
    createdAt: new Date(stored.createdAt).toISOString(),
    openedAt: iso(stored.openedAt),
    paidAt: iso(stored.paidAt),
  };
}

/** The URL as the banner prints it: never the password. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
