import type { TossCheckoutOptions } from '@kcheckout/core';
import { type ReactNode, useMemo } from 'react';
import { CheckoutContext } from './checkout-context.js';
import type { Locale } from './messages.js';
import { useTossWidget } from './use-toss-widget.js';

/** The Toss options (documented on `TossCheckoutOptions`), plus the provider, locale and children. */
export interface CheckoutProps extends TossCheckoutOptions {
  provider: 'toss';
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
