import type { CartLine, Quote } from './catalog.js';

/** The payment windows the checkout page can open. */
export type Gateway = 'toss-v2' | 'toss-v1' | 'portone' | 'iamport';
export type ProviderName = 'toss' | 'portone' | 'iamport';

export const GATEWAYS: ReadonlyArray<{ id: Gateway; label: string; provider: ProviderName }> = [
  { id: 'toss-v2', label: '토스페이먼츠 (결제위젯 v2)', provider: 'toss' },
  { id: 'toss-v1', label: '토스페이먼츠 (결제위젯 v1)', provider: 'toss' },
  { id: 'portone', label: '포트원 V2', provider: 'portone' },
  { id: 'iamport', label: '포트원 V1 (아임포트)', provider: 'iamport' },
];

export const providerOf = (gateway: Gateway): ProviderName => GATEWAYS.find((entry) => entry.id === gateway)!.provider;
export const isGateway = (value: unknown): value is Gateway => GATEWAYS.some((entry) => entry.id === value);

/**
 * As `@kcheckout/server`'s store keeps it: `pending` (may be re-priced until its payment window
 * opens), `awaiting-deposit` (a virtual account was issued), `paid`, `expired` (the window opened
 * long ago and the vendor holds no payment: the sweep).
 */
export type OrderStatus = 'pending' | 'awaiting-deposit' | 'paid' | 'refunded' | 'expired';

/** An order as the API shows it: the store's `kcheckout_orders` row, with the shop's fields from its `data`. */
export interface Order {
  orderId: string;
  status: OrderStatus;
  gateway: Gateway;
  provider: ProviderName;
  items: CartLine[];
  quote: Quote;
  amount: number;
  currency: 'KRW';
  orderName: string;
  /** Toss paymentKey, PortOne paymentId or iamport imp_uid, once paid. */
  paidWith: string | null;
  createdAt: string;
  /** When the payment window first opened; from then on the amount is frozen. */
  openedAt: string | null;
  paidAt: string | null;
}

/** `GET /api/config`: what the pages need to open each payment window. */
export interface ShopConfig {
  /** The REST stand-ins' URL, when any provider runs on the sandbox; the pages set `kcheckoutSandbox.apiBase` to it. */
  sandboxApiBase: string | null;
  toss: { sandbox: boolean; clientKey: string };
  portone: { sandbox: boolean; storeId: string; channelKey: string };
  iamport: { sandbox: boolean; impCode: string; channelKey: string };
}

export interface ApiError {
  ok: false;
  error: { code: string; message: string; retryable?: boolean };
}
