// The shop's server half: its price list, its orders (the library's order store on a libsql file)
// and the vendors it confirms with. Server-only: imported by Server Components, Server Actions and
// route handlers, never by a 'use client' file.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createOrderId, type Provider } from '@kcheckout/core';
import { sandboxSecrets } from '@kcheckout/sandbox';
import { createConfirmHandler, type OrderStore, type VendorOptions } from '@kcheckout/server';
import { openLibsqlOrderStore } from '@kcheckout/server/libsql';
import { sandboxRest } from './sandbox';

/** The one thing this shop sells; the price lives here, on the server, and nowhere else. */
export const PRODUCT = { name: '에티오피아 원두 200g', unitPrice: 12_000, maxQuantity: 20 } as const;

export interface ShopOrder {
  orderId: string;
  provider: Provider;
  quantity: number;
  amount: number;
  orderName: string;
}

interface Shop {
  store: OrderStore;
  vendors: VendorOptions;
  /** `createConfirmHandler`: POST { provider, orderId, paymentKey | paymentId | impUid } → JSON. */
  confirm: (request: Request) => Promise<Response>;
}

// One store and one handler per server process (Next may evaluate this module more than once).
const KEY = Symbol.for('kcheckout.example-next.shop');
type Host = { [KEY]?: Promise<Shop> };

/** Opened on first use, so `next build` touches no database and starts no sandbox. */
export function shop(): Promise<Shop> {
  const host = globalThis as Host;
  return (host[KEY] ??= openShop());
}

async function openShop(): Promise<Shop> {
  const dbPath = process.env.KCHECKOUT_NEXT_DB ?? join(process.cwd(), 'data', 'orders.db');
  mkdirSync(dirname(dbPath), { recursive: true });
  const store = await openLibsqlOrderStore(dbPath);
  const rest = await sandboxRest();
  // Every vendor on the sandbox: its REST stand-ins on loopback, with its made-up secrets.
  const vendors: VendorOptions = {
    toss: { secretKey: sandboxSecrets.toss.widgetSecretKey, baseUrl: rest.url },
    portone: { apiSecret: sandboxSecrets.portone.apiSecret, baseUrl: rest.url, mode: 'test' },
    iamport: { impKey: sandboxSecrets.iamport.impKey, impSecret: sandboxSecrets.iamport.impSecret, baseUrl: rest.url, mode: 'test' },
  };
  const confirm = createConfirmHandler({
    store,
    ...vendors,
    onCaptureRefused: (event) => console.error(`refunded ${event.provider} ${event.vendorPaymentId} for ${event.orderId}: ${event.reason}`),
  });
  return { store, vendors, confirm };
}

function priced(quantity: number): { amount: number; orderName: string } {
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > PRODUCT.maxQuantity) {
    throw new Error(`quantity must be a whole number from 1 to ${PRODUCT.maxQuantity}`);
  }
  return { amount: PRODUCT.unitPrice * quantity, orderName: quantity === 1 ? PRODUCT.name : `${PRODUCT.name} × ${quantity}` };
}

function toShopOrder(stored: { orderId: string; provider: Provider; amount: number; data: unknown }): ShopOrder {
  const { quantity, orderName } = stored.data as { quantity: number; orderName: string };
  return { orderId: stored.orderId, provider: stored.provider, amount: stored.amount, quantity, orderName };
}

/** A new pending order, priced here. The id comes from `createOrderId` on the server. */
export async function createOrder(provider: Provider, quantity = 1): Promise<ShopOrder> {
  const { store } = await shop();
  const { amount, orderName } = priced(quantity);
  const stored = await store.create({ orderId: createOrderId('next'), provider, amount, currency: 'KRW', data: { quantity, orderName } });
  return toShopOrder(stored);
}

/** A new quantity for an order whose window has not opened; `null` once it has (or it is gone). */
export async function repriceOrder(orderId: string, quantity: number): Promise<ShopOrder | null> {
  const { store } = await shop();
  const { amount, orderName } = priced(quantity);
  const updated = await store.update(orderId, { amount, data: { quantity, orderName } });
  return updated && toShopOrder(updated);
}

/** The window is about to open for `amount`: freezes the order; `false` when the amount is not the order's. */
export async function openOrder(orderId: string, amount: number): Promise<boolean> {
  const { store } = await shop();
  const current = await store.get(orderId);
  if (!current) return false;
  return (await store.open(orderId, { amount, provider: current.provider })) !== null;
}
