import { checkTossRedirect, TossCheckout, type TossCheckoutOptions } from '@kcheckout/core';
import { type ReactNode, useMemo } from 'react';
import { CheckoutContext, type CheckoutContextValue } from './checkout-context.js';
import { koCheckout, type CheckoutMessages } from './messages.js';
import { useCheckoutStore } from './use-checkout-store.js';

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

/** Binds a `TossCheckout` to the shared checkout context; the state is derived in core. */
export function TossCheckoutRoot({ provider: _provider, messages = koCheckout, currency = 'KRW', children, ...options }: TossCheckoutRootProps) {
  const checkoutOptions = { ...options, currency };
  const [checkout, state] = useCheckoutStore(() => new TossCheckout(checkoutOptions), checkoutOptions);
  const { amount } = options;
  const value = useMemo<CheckoutContextValue>(
    () => ({
      provider: 'toss',
      amount,
      currency,
      messages,
      state: state.status,
      error: state.error,
      retry: checkout.retry,
      canPay: state.canPay,
      checkRedirect: checkTossRedirect,
      // One URL for both outcomes is fine: the result page reads which one it got from the query.
      pay: (order, { successUrl, failUrl, redirectUrl }) =>
        checkout.requestPayment(
          order,
          successUrl && failUrl ? { successUrl, failUrl } : redirectUrl ? { successUrl: redirectUrl, failUrl: redirectUrl } : undefined,
        ),
      toss: {
        methodsRef: checkout.attachPaymentMethods,
        agreementRef: checkout.attachAgreement,
        methodsReady: state.methodsReady,
        agreementReady: state.agreementReady,
        agreed: state.agreed,
      },
    }),
    // `state` is a new object only when the checkout changed it.
    [checkout, state, amount, currency, messages],
  );
  return <CheckoutContext.Provider value={value}>{children}</CheckoutContext.Provider>;
}
