import { checkTossRedirect, type TossCheckoutOptions } from '@kcheckout/core';
import { type ReactNode, useMemo } from 'react';
import { CheckoutContext, type CheckoutContextValue } from './checkout-context.js';
import { koCheckout, type CheckoutMessages } from './messages.js';
import { useTossWidget } from './use-toss-widget.js';

/** `<Checkout provider="toss">`: the Toss options (documented on `TossCheckoutOptions`). */
export interface TossCheckoutProps extends TossCheckoutOptions {
  provider: 'toss';
  /** What the parts say: `koCheckout` (default), `en` or `enCheckout` from this package, `ko`, or your own table. */
  messages?: CheckoutMessages;
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
  const { amount } = options;
  const { status, error, canPay, methodsReady, agreementReady, agreed, retry, requestPayment, methodsRef, agreementRef } = widget;
  const value = useMemo<CheckoutContextValue>(
    () => ({
      provider: 'toss',
      amount,
      currency,
      messages,
      state: status,
      error,
      retry,
      canPay,
      checkRedirect: checkTossRedirect,
      // One URL for both outcomes is fine: the result page reads which one it got from the query.
      pay: (order, { successUrl, failUrl, redirectUrl }) =>
        requestPayment(
          order,
          successUrl && failUrl ? { successUrl, failUrl } : redirectUrl ? { successUrl: redirectUrl, failUrl: redirectUrl } : undefined,
        ),
      toss: { methodsRef, agreementRef, methodsReady, agreementReady, agreed },
    }),
    // The state's fields, not `widget`, which is a new object on every render.
    [amount, currency, messages, status, error, retry, canPay, requestPayment, methodsRef, agreementRef, methodsReady, agreementReady, agreed],
  );
  return <CheckoutContext.Provider value={value}>{children}</CheckoutContext.Provider>;
}
