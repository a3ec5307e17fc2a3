import type { IamportV1Options, PortOneCurrency, PortOneMethod } from '@kcheckout/core';
import { type ReactNode, useCallback } from 'react';
import { CheckoutContext } from './checkout-context.js';
import type { Locale } from './messages.js';
import { useIamport } from './use-iamport.js';
import { useMethodCheckout } from './use-method-checkout.js';

/** `<Checkout provider="iamport">`: PortOne V1, `iamport.js`. */
export interface IamportCheckoutProps extends IamportV1Options {
  provider: 'iamport';
  /** What the buyer pays, in major units (50000 for 50,000원). */
  amount: number;
  currency?: PortOneCurrency;
  /** The method picked at first; the buyer changes it in <PaymentMethods>. None by default. */
  defaultMethod?: PortOneMethod;
  locale?: Locale;
  children?: ReactNode;
}

/**
 * The props of `<Checkout>` from `@kcheckout/react/iamport`, where `provider` may be left out: the
 * entry already says which vendor it is.
 */
export type IamportCheckoutRootProps = Omit<IamportCheckoutProps, 'provider'> & { provider?: 'iamport' };

/** Binds `useIamport` to the shared checkout context. */
export function IamportCheckoutRoot({
  provider: _provider,
  amount,
  currency = 'KRW',
  defaultMethod,
  locale = 'ko',
  children,
  ...options
}: IamportCheckoutRootProps) {
  const imp = useIamport(options);
  const { requestPay } = imp;
  const request = useCallback<Parameters<typeof useMethodCheckout>[0]['request']>(
    // V1 takes one return URL for every outcome, `m_redirect_url`; PC ignores it and calls back.
    (order, money, method, { redirectUrl }) => requestPay(order, money, method, redirectUrl ? { m_redirect_url: redirectUrl } : undefined),
    [requestPay],
  );
  const value = useMethodCheckout({ provider: 'iamport', session: imp, amount, currency, locale, defaultMethod, request });
  return <CheckoutContext.Provider value={value}>{children}</CheckoutContext.Provider>;
}
