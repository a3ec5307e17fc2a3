import type { CheckoutStatus, OptionsTable } from '../checkout/checkout-store.js';
import type { CheckoutError } from '../errors.js';
import type { TossWidgetFactory } from './toss-widget-driver.js';
import type { Currency } from '../validation.js';

// What a Toss checkout is given and what it tells its readers: the options, what a change to each
// does after mount, and the state a pay button reads. The machine itself is toss-checkout.ts.

export interface TossCheckoutOptions {
  /** 결제위젯 연동 키, `test_gck_…` / `live_gck_…`. A secret key is refused with SECRET_KEY_IN_BROWSER. */
  clientKey: string;
  /** The buyer's stable id (2–50 of `A–Z a–z 0–9 - _ = . @`), or `'@@ANONYMOUS'` for guests. */
  customerKey: string;
  /** Change it freely (coupons, points): it is sent with `setAmount` / `updateAmount`, the widget is not re-rendered. */
  amount: number;
  currency?: Currency | undefined;
  /**
   * `'v2'` (default): `@tosspayments/tosspayments-sdk`. For the frozen v1
   * (`@tosspayments/payment-widget-sdk`), pass its driver: `sdk: tossV1`, imported from
   * `@kcheckout/react/toss` or `@kcheckout/core`, so a v2 page carries none of v1's code.
   * `sdk: 'v1'` (the string, before 0.2) is refused with `INVALID_OPTION`, saying so.
   */
  sdk?: 'v2' | TossWidgetFactory | 'v1' | undefined;
  /** Payment-methods UI variant from the Toss admin (`DEFAULT` when omitted). */
  variantKey?: string | undefined;
  agreementVariantKey?: string | undefined;
  /** Where to load the SDK from: the Toss CDN by default; `sandboxScriptUrl('toss-v2')` offline. */
  scriptSrc?: string | undefined;
  /** CSP nonce for the SDK's `<script>` tag. */
  nonce?: string | undefined;
  /** Per load attempt. */
  timeoutMs?: number | undefined;
  /** Extra load attempts after a failure (default 2), with backoff. */
  retries?: number | undefined;
}

/**
 * What a change to each option does after mount. The keys and the SDK remount; the amount updates
 * live (`setAmount` / `updateAmount`, never a re-render, so the buyer's chosen method survives a
 * coupon); the rest are read when the SDK loads or a widget renders, and a later change warns.
 */
export const TOSS_CHECKOUT_OPTIONS: OptionsTable<TossCheckoutOptions> = {
  clientKey: 'remount',
  customerKey: 'remount',
  sdk: 'remount',
  scriptSrc: 'remount',
  amount: 'live',
  currency: 'live',
  variantKey: 'fixed',
  agreementVariantKey: 'fixed',
  nonce: 'fixed',
  timeoutMs: 'fixed',
  retries: 'fixed',
};

export interface TossCheckoutState {
  status: CheckoutStatus;
  error: CheckoutError | null;
  /** The payment-methods UI is rendered and ready for a request. */
  methodsReady: boolean;
  agreementReady: boolean;
  /** An agreement container is on the page: payment waits for its widget. */
  agreementAttached: boolean;
  /** Whether the required terms are agreed; `null` until the agreement widget says. */
  agreed: boolean | null;
  /** Vendor method code (`CARD`, `TOSSPAY`, …) once the buyer picks one (v2). */
  selectedMethod: string | null;
  /** True while the payment window is open. */
  paying: boolean;
  /** Ready, terms rendered and agreed where known, no payment in flight: what a pay button needs. */
  canPay: boolean;
}
