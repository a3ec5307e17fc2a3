import {
  createIamportV1,
  IAMPORT_V1_OPTIONS,
  type IamportV1Driver,
  type IamportV1Options,
  MethodCheckout,
  toIamportPayMethod,
  validateIamportV1Options,
} from '@kcheckout/core';
import { useCheckoutStore } from './use-checkout-store.js';
import { CheckoutContext } from './checkout-context.js';
import { koCheckout } from './messages.js';
import { type MethodCheckoutInput, type MethodCheckoutProps, useMethodCheckout } from './use-method-checkout.js';

/** `<Checkout provider="iamport">`: PortOne V1, `iamport.js`. */
export interface IamportCheckoutProps extends IamportV1Options, MethodCheckoutProps {
  provider: 'iamport';
}

/**
 * The props of `<Checkout>` from `@kcheckout/react/iamport`, where `provider` may be left out: the
 * entry already says which vendor it is.
 */
export type IamportCheckoutRootProps = Omit<IamportCheckoutProps, 'provider'> & { provider?: 'iamport' };

/** Binds an iamport `MethodCheckout` to the shared checkout context. */
export function IamportCheckoutRoot({ provider: _provider, defaultMethod, messages = koCheckout, children, ...options }: IamportCheckoutRootProps) {
  const [checkout, state] = useCheckoutStore(
    () => new MethodCheckout(options, 'iamport', createIamportV1, validateIamportV1Options, IAMPORT_V1_OPTIONS, defaultMethod),
    options,
  );
  const value = useMethodCheckout({ provider: 'iamport', checkout, state, amount: options.amount, messages, checkMethod: toIamportPayMethod, request });
  return <CheckoutContext.Provider value={value}>{children}</CheckoutContext.Provider>;
}

// V1 takes one return URL for every outcome, `m_redirect_url`; PC ignores it and calls back.
const request: MethodCheckoutInput<IamportV1Options, IamportV1Driver>['request'] = (driver, order, money, method, { redirectUrl }) =>
  driver.requestPay(order, money, method, redirectUrl ? { m_redirect_url: redirectUrl } : undefined);
