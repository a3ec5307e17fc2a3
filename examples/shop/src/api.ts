import type { ConfirmResponseBody } from '@kcheckout/server';
import type { CartLine } from '../shared/catalog.js';
import type { ApiError, Gateway, Order, ProviderName, ShopConfig } from '../shared/types.js';

export class ShopApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init?.method ?? 'GET',
      headers: init?.body === undefined ? {} : { 'content-type': 'application/json' },
      ...(init?.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    throw new ShopApiError(0, 'NETWORK', '서버에 연결하지 못했습니다. 네트워크를 확인하고 다시 시도해 주세요.', true);
  }
  const body = (await response.json().catch(() => null)) as (T & { ok?: boolean }) | ApiError | null;
  if (!response.ok || !body || (body as { ok?: boolean }).ok === false) {
    const error = (body as ApiError | null)?.error;
    throw new ShopApiError(response.status, error?.code ?? 'HTTP_' + response.status, error?.message ?? `HTTP ${response.status}`, error?.retryable ?? response.status >= 500);
  }
  return body as T;
}

export const api = {
  config: () => call<ShopConfig>('/api/config'),
  createOrder: (items: CartLine[], gateway?: Gateway) => call<Order>('/api/orders', { method: 'POST', body: { items, gateway } }),
  order: (orderId: string) => call<Order>(`/api/orders/${encodeURIComponent(orderId)}`),
  orders: () => call<{ orders: Order[] }>('/api/orders').then((body) => body.orders),
  updateOrder: (orderId: string, change: { gateway?: Gateway; coupon?: string | null }) =>
    call<Order>(`/api/orders/${encodeURIComponent(orderId)}`, { method: 'PATCH', body: change }),
};

/** What the confirm endpoint needs: the order and the vendor's id for the payment. */
export interface ConfirmInput {
  provider: ProviderName;
  orderId: string;
  paymentKey?: string;
  paymentId?: string;
  impUid?: string;
  /** Toss: the amount the browser saw; the server refuses a confirm whose amount is not the order's. */
  amount?: number;
}

export type ConfirmSuccess = Extract<ConfirmResponseBody, { ok: true }>;

/** `POST /api/confirm`, the shop's @kcheckout/server confirm handler. Throws `ShopApiError` on refusal. */
export function confirmPayment(input: ConfirmInput): Promise<ConfirmSuccess> {
  return call<ConfirmSuccess>('/api/confirm', { method: 'POST', body: input });
}
