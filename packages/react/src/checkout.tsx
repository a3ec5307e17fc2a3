import type { Currency } from '@kcheckout/core';
import { type ReactNode, useMemo } from 'react';
import { CheckoutContext } from './checkout-context.js';
import type { Locale } from './messages.js';
import { useTossWidget } from './use-toss-widget.js';

export interface CheckoutProps {
  provider: 'toss';
  /** 결제위젯 연동 키 (`test_gck_…` / `live_gck_…`). A secret key is refused with SECRET_KEY_IN_BROWSER. */
  clientKey: string;
  /** The buyer's stable id (2–50 of `A–Z a–z 0–9 - _ = . @`), or `'@@ANONYMOUS'` for guests. */
  customerKey: string;
  /** Change it freely (coupons, points): it is sent with `setAmount`, the widget is not re-rendered. */
  amount: number;
  currency?: Currency;
  /** `'v2'` (default) or the frozen `'v1'` payment-widget SDK. */
  sdk?: 'v2' | 'v1';
  /** Payment-methods UI variant from the Toss admin (`DEFAULT` when omitted). */
  variantKey?: string;
  agreementVariantKey?: string;
  /** Where to load the SDK from: the Toss CDN by default; `sandboxScriptUrl('toss-v2')` offline. */
  scriptSrc?: string;
  /** CSP nonce for the SDK's `<script>` tag. */
  nonce?: string;
  /** Per attempt; the loader retries twice with backoff. */
  timeoutMs?: number;
  locale?: Locale;
  children?: ReactNode;
}

/**
 * Holds one checkout: the vendor SDK, the amount and the state that <PaymentMethods>, <Agreement>
 * and <CheckoutButton> share. Renders no element of its own.
 *
 * ```tsx
 * <Checkout provider="toss" clientKey="test_gck_…" customerKey={userId} amount={50000}>
 *   <PaymentMethods />
 *   <Agreement />
 *   <CheckoutButton order={{ orderName: '생수 외 1건' }} successUrl="/success" failUrl="/fail" />
 * </Checkout>
 * ```
 */
export function Checkout({ provider, locale = 'ko', currency = 'KRW', children, ...options }: CheckoutProps) {
  const widget = useTossWidget({ ...options, currency });
  const value = useMemo(
    () => ({ provider, amount: options.amount, currency, locale, widget }),
    [provider, options.amount, currency, locale, widget],
  );
  return <CheckoutContext.Provider value={value}>{children}</CheckoutContext.Provider>;
}
