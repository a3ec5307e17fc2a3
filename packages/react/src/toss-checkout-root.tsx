import type { TossCheckoutOptions } from '@kcheckout/core';
import { type ReactNode, useMemo } from 'react';
import { CheckoutContext, type CheckoutContextValue } from './checkout-context.js';
import { koCheckout, type CheckoutMessages } from './messages.js';
import { checkTossRedirect } from './redirect-props.js';
import { useTossWidget } from './use-toss-widget.js';

/** `<Checkout provider="toss">`: the Toss options (documented on `TossCheckoutOptions`). */
export interface TossCheckoutProps extends TossCheckoutOptions {
  provider: 'toss';
  /** What the parts say: `koCheckout` (default), `en` or `enCheckout` from this package, `ko`, or your own table. */
  messages?: CheckoutMessages | undefined;
  children?: ReactNode;
}

/**
 * The props of `<Checkout>` from `@kcheckout/react/toss`, where `provider` may be left out: the
 * entry already says which vendor it is.
 */
export type TossCheckoutRootProps = Omit<TossCheckoutProps, 'provider'> & { provider?: 'toss' };

/** Binds `useTossWidget` to the shared checkout context. */
export function TossCheckoutRoot({ provider: _provider, messages = koCheckout, currency = 'KRW', children, ...options }: TossCheckoutRootProps) {
  const widget = useTossWidget({ ...options, currency });
  const value = useMemo<CheckoutContextValue>(
    () => ({
      provider: 'toss',
      amount: options.amount,
      currency,
      messages,
      state: widget.error ? 'error' : widget.paying ? 'pending' : widget.methodsReady ? 'ready' : 'loading',
      error: widget.error,
      retry: widget.retry,
      canPay: widget.canPay,
      checkRequest: (_orderId, redirect) => checkTossRedirect(redirect),
      // One URL for both outcomes is fine: the result page reads which one it got from the query.
      pay: (order, { successUrl, failUrl, redirectUrl }) =>
        widget.requestPayment(
          order,
          successUrl && failUrl ? { successUrl, failUrl } : redirectUrl ? { successUrl: redirectUrl, failUrl: redirectUrl } : undefined,
        ),
      toss: {
        methodsRef: widget.methodsRef,
        agreementRef: widget.agreementRef,
        methodsReady: widget.methodsReady,
        agreementReady: widget.agreementReady,
        agreed: widget.agreed,
      },
    }),
    [options.amount, currency, messages, widget],
  );
  return <CheckoutContext.Provider value={value}>{children}</CheckoutContext.Provider>;
}
