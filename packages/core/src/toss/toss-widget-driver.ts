import { loadScript } from '../loader.js';
import { TOSS_SCRIPTS } from '../sdk-urls.js';
import type { CheckoutResult, PaymentOrder, RedirectUrls } from '../types.js';
import type { Money } from '../validation.js';

/** Options every Toss widget driver takes. Keys are validated before a driver is created. */
export interface TossDriverOptions {
  clientKey: string;
  customerKey: string;
  /** Where to load the SDK from; the vendor CDN by default, the sandbox in Storybook and tests. */
  scriptSrc?: string;
  nonce?: string;
  timeoutMs?: number;
  retries?: number;
}

export interface RenderedWidget {
  /** v2 removes the UI; v1 has no destroy, so removing the container is what frees it. */
  destroy(): Promise<void>;
}

export interface TossWidgetEvents {
  onMethodChange?(method: string): void;
  /** `agreedRequiredTerms` from the agreement widget. */
  onAgreementChange?(agreed: boolean): void;
}

/**
 * The calls kcheckout needs from a Toss payment-widget SDK, the same for v1 and v2. Each method is
 * one vendor call (or one per generation); the caller serialises them, because the SDK rejects
 * overlapping calls with INVALID_METHOD_TRANSACTION.
 */
export interface TossWidgetDriver {
  readonly sdk: 'v1' | 'v2';
  /** v2 `widgets.setAmount` (also before the first render, which needs it); v1 `paymentMethodsWidget.updateAmount` once rendered, nothing before. */
  setAmount(money: Money): Promise<void>;
  /** Resolves when the UI is ready for a payment request. v1 takes the first amount here; v2 ignores `money`, sent by `setAmount`. */
  renderPaymentMethods(selector: string, money: Money, variantKey: string | undefined, events: TossWidgetEvents): Promise<RenderedWidget>;
  /** Resolves with the initial agreement state when the SDK can tell it (v1), else `null`. */
  renderAgreement(selector: string, variantKey: string | undefined, events: TossWidgetEvents): Promise<RenderedWidget & { agreed: boolean | null }>;
  /** Promise mode without `urls`; redirect mode with them. Never rejects: failures are results. */
  requestPayment(order: PaymentOrder, money: Money, urls?: RedirectUrls): Promise<CheckoutResult>;
}

/**
 * Makes a driver: `createTossWidgetV2` (the default), or `tossV1` passed in as `sdk`, so the v1
 * driver is in a bundle only when the page names it.
 */
export type TossWidgetFactory = (options: TossDriverOptions) => Promise<TossWidgetDriver>;

/**
 * Installs the SDK's global through our loader (one tag, retries, timeout, nonce) and returns it.
 * Toss's npm loaders (`loadTossPayments`, `loadPaymentWidget`) do nothing more once the global
 * exists than call it, so the drivers call it themselves and ship ~7 KB less; the vendors' npm
 * packages stay the source of the types.
 */
export function loadTossGlobal<T>(id: 'toss-v2' | 'toss-v1', options: TossDriverOptions): Promise<T> {
  return loadScript<T>(options.scriptSrc ?? TOSS_SCRIPTS[id].src, {
    globalName: TOSS_SCRIPTS[id].globalName,
    provider: 'toss',
    nonce: options.nonce,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
  });
}

/** The request fields both SDK generations share; the amount is not one of them (it lives in the widget). */
export function tossOrderFields(order: PaymentOrder, urls?: RedirectUrls) {
  return {
    orderId: order.orderId,
    orderName: order.orderName,
    ...(order.customerName ? { customerName: order.customerName } : {}),
    ...(order.customerEmail ? { customerEmail: order.customerEmail } : {}),
    ...(order.customerMobilePhone ? { customerMobilePhone: order.customerMobilePhone } : {}),
    ...(urls ? { successUrl: urls.successUrl, failUrl: urls.failUrl } : {}),
  };
}
