import { type PortOneV2Options, toPortOnePayMethod } from '@kcheckout/core';
import { useCallback, useMemo } from 'react';
import { CheckoutContext, type CheckoutContextValue, type CheckoutRedirect } from './checkout-context.js';
import { koCheckout } from './messages.js';
import { type MethodCheckoutProps, useMethodCheckout } from './use-method-checkout.js';
import { usePortOne } from './use-portone.js';

/** `<Checkout provider="portone">`: PortOne's V2 browser SDK. */
export interface PortOneCheckoutProps extends PortOneV2Options, MethodCheckoutProps {
  provider: 'portone';
}

/**
 * The props of `<Checkout>` from `@kcheckout/react/portone`, where `provider` may be left out: the
 * entry already says which vendor it is.
 */
export type PortOneCheckoutRootProps = Omit<PortOneCheckoutProps, 'provider'> & { provider?: 'portone' };

/** Binds `usePortOne` to the shared checkout context. */
export function PortOneCheckoutRoot({
  provider: _provider,
  amount,
  currency = 'KRW',
  defaultMethod,
  messages = koCheckout,
  children,
  ...options
}: PortOneCheckoutRootProps) {
  const portone = usePortOne(options);
  const { requestPayment, requestIssueBillingKey } = portone;
  const request = useCallback<Parameters<typeof useMethodCheckout>[0]['request']>(
    (order, money, method, redirect) => requestPayment(order, money, method, portOneRedirect(redirect)),
    [requestPayment],
  );
  const extra = useMemo<Pick<CheckoutContextValue, 'issueBillingKey'>>(
    () => ({ issueBillingKey: (issue, method, redirect) => requestIssueBillingKey(issue, method, portOneRedirect(redirect)) }),
    [requestIssueBillingKey],
  );
  const value = useMethodCheckout({ checkMethod: toPortOnePayMethod, provider: 'portone', session: portone, amount, currency, messages, defaultMethod, request, extra });
  return <CheckoutContext.Provider value={value}>{children}</CheckoutContext.Provider>;
}

function portOneRedirect({ redirectUrl, windowType, forceRedirect }: CheckoutRedirect) {
  if (!redirectUrl) return undefined;
  return { redirectUrl, ...(windowType ? { windowType } : {}), ...(forceRedirect !== undefined ? { forceRedirect } : {}) };
}
