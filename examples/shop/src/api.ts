import type { ConfirmResponseBody } from '@kcheckout/server';
import type { CartLine } from '../shared/catalog.js';
import type { ApiError, Gateway, Order, ProviderName, ShopConfig } from '../shared/types.js';

export class ShopApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryable = false,
    /** The server's `retry-after`, in seconds, when it sent one. */
    readonly retryAfterSeconds?: number,
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
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ShopApiError(
      response.status,
      error?.code ?? 'HTTP_' + response.status,
      error?.message ?? `HTTP ${response.status}`,
      error?.retryable ?? response.status >= 500,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return body as T;
}

export const api = {
  config: () => call<ShopConfig>('/api/config'),
  createOrder: (items: CartLine[], gateway?: Gateway) => call<Order>('/api/orders', { method: 'POST', body: { items, gateway } }),
  order: (orderId: string) => call<Order>(`/api/orders/${encodeURIComponent(orderId)}`),
  orders: () => call<{ orders: Order[] }>('/api/orders').then((body) => body.orders),
  /**
   * Re-prices the order or switches its gateway. Once its payment window has opened, the server
   * answers a new order instead, with `replaces` naming this one: the page moves to it.
   */
  updateOrder: (orderId: string, change: { gateway?: Gateway; coupon?: string | null }) =>
    call<Order & { replaces?: string }>(`/api/orders/${encodeURIComponent(orderId)}`, { method: 'PATCH', body: change }),
  /**
   * The payment window is about to open for `amount`: the server freezes the order at it. Rejects
   * with `ORDER_CHANGED` (409) when the page shows a stale amount.
   */
  openOrder: (orderId: string, amount: number) => call<Order>(`/api/orders/${encodeURIComponent(orderId)}/open`, { method: 'POST', body: { amount } }),
};

/** How often a confirm that meets another in progress is tried again, and its longest wait. */
const IN_PROGRESS_TRIES = 5;
const IN_PROGRESS_MAX_WAIT_MS = 10_000;

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

/**
 * `POST /api/confirm`, the shop's @kcheckout/server confirm handler. Throws `ShopApiError` on
 * refusal. `CONFIRM_IN_PROGRESS` (another request, a webhook or the sweep holds the order) is
 * retried after the server's `retry-after`, up to 5 tries: that request's outcome is then the answer.
 */
export async function confirmPayment(input: ConfirmInput): Promise<ConfirmSuccess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call<ConfirmSuccess>('/api/confirm', { method: 'POST', body: input });
    } catch (error) {
      if (!(error instanceof ShopApiError) || error.code !== 'CONFIRM_IN_PROGRESS' || attempt >= IN_PROGRESS_TRIES) throw error;
      const wait = Math.min((error.retryAfterSeconds ?? 1) * 1000, IN_PROGRESS_MAX_WAIT_MS);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * Buyer copy for a refused confirm: money taken and refunded must say so plainly, and must not
 * offer a retry of the same payment; everything else is one short sentence and the code.
 */
export function refusalText(error: ShopApiError): string {
  if (error.code === 'PAYMENT_REFUNDED') return '결제가 확인되지 않아 자동으로 환불(취소)되었습니다. 다시 결제해 주세요.';
  if (error.code === 'REFUND_FAILED') return '결제가 확인되지 않았고 자동 환불도 실패했습니다. 고객센터로 문의해 주세요.';
  if (error.code === 'ORDER_EXPIRED') return '주문이 만료되었습니다. 주문을 새로 해 주세요.';
  if (error.code === 'CONFIRM_IN_PROGRESS') return '다른 창에서 결제를 확인하고 있습니다. 잠시 뒤 다시 확인해 주세요.';
  // The server's own message is a developer's diagnosis (in English); the buyer gets a sentence and the code to quote.
  if (error.retryable) return `일시적인 문제로 결제를 확인하지 못했습니다. 다시 확인해 주세요. (${error.code})`;
  return `결제를 완료하지 못했습니다. 다른 결제수단으로 다시 시도하거나 상점에 문의해 주세요. (${error.code})`;
}
