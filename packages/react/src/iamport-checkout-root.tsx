import { CheckoutError, type IamportV1Options, toIamportPayMethod } from '@kcheckout/core';
import { useCallback } from 'react';
import { CheckoutContext } from './checkout-context.js';
import { koCheckout } from './messages.js';
import { useIamport } from './use-iamport.js';
import { type MethodCheckoutProps, useMethodCheckout } from './use-method-checkout.js';

/** `<Checkout provider="iamport">`: PortOne V1, `iamport.js`. */
export interface IamportCheckoutProps extends IamportV1Options, MethodCheckoutProps {
  provider: 'iamport';
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
  messages = koCheckout,
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
  const value = useMethodCheckout({ checkMethod: toIamportPayMethod, provider: 'iamport', session: imp, amount, currency, messages, defaultMethod, request, checkOrderId: checkMerchantUid });
  return <CheckoutContext.Provider value={value}>{children}</CheckoutContext.Provider>;
}

/** iamport's own order-id rule, on top of the shared one: `merchant_uid` has at most 40 characters. */
function checkMerchantUid(orderId: string): void {
  if (orderId.length > 40) {
    throw new CheckoutError(
      'INVALID_ORDER_ID',
      __DEV__
        ? `아임포트(V1) merchant_uid는 40자 이하여야 합니다 (${orderId.length}자). ` +
            `An iamport (V1) merchant_uid must be at most 40 characters (got ${orderId.length}).`
        : '',
      { provider: 'iamport' },
    );
  }
}
