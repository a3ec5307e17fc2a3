import {
  type PortOneBillingKeyMethod,
  createPortOneV2,
  MethodCheckout,
  PORTONE_V2_OPTIONS,
  type PortOneV2Driver,
  type PortOneV2Options,
  toPortOnePayMethod,
  validatePortOneV2Options,
} from '@kcheckout/core';
import { useMemo } from 'react';
import { useCheckoutStore } from './use-checkout-store.js';
import { CheckoutContext, type CheckoutContextValue, type CheckoutRedirect } from './checkout-context.js';
import { koCheckout } from './messages.js';
import { type MethodCheckoutInput, type MethodCheckoutProps, useMethodCheckout } from './use-method-checkout.js';

/** `<Checkout provider="portone">`: PortOne's V2 browser SDK. */
export interface PortOneCheckoutProps extends PortOneV2Options, MethodCheckoutProps {
  provider: 'portone';
}

/**
 * The props of `<Checkout>` from `@kcheckout/react/portone`, where `provider` may be left out: the
 * entry already says which vendor it is.
 */
export type PortOneCheckoutRootProps = Omit<PortOneCheckoutProps, 'provider'> & { provider?: 'portone' };

/** Binds a PortOne `MethodCheckout` to the shared checkout context. */
export function PortOneCheckoutRoot({ provider: _provider, defaultMethod, messages = koCheckout, children, ...options }: PortOneCheckoutRootProps) {
  const [checkout, state] = useCheckoutStore(
    () => new MethodCheckout(options, 'portone', createPortOneV2, validatePortOneV2Options, PORTONE_V2_OPTIONS, defaultMethod),
    options,
  );
  const extra = useMemo<Pick<CheckoutContextValue, 'issueBillingKey'>>(
    () => ({
      // <BillingKeyButton> picks the method with PortOne's own rule (`billingKeyMethodOf`) when the
      // root gives no `billingMethodOf`, so a payment-only page carries none of it.
      issueBillingKey: (issue, method, redirect) =>
        checkout.run((driver) => driver.requestIssueBillingKey(issue, method as PortOneBillingKeyMethod, portOneRedirect(redirect))),
    }),
    [checkout],
  );
  const value = useMethodCheckout({ provider: 'portone', checkout, state, amount: options.amount, messages, checkMethod: toPortOnePayMethod, request, extra });
  return <CheckoutContext.Provider value={value}>{children}</CheckoutContext.Provider>;
}

const request: MethodCheckoutInput<PortOneV2Options, PortOneV2Driver>['request'] = (driver, order, money, method, redirect) =>
  driver.requestPayment(order, money, method, portOneRedirect(redirect));

function portOneRedirect({ redirectUrl, windowType, forceRedirect }: CheckoutRedirect) {
  if (!redirectUrl) return undefined;
  return { redirectUrl, ...(windowType ? { windowType } : {}), ...(forceRedirect !== undefined ? { forceRedirect } : {}) };
}
