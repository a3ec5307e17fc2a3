import { CheckoutError, checkTossRedirect, tossBillingMethodOf } from '@kcheckout/core';
import { type ReactNode, useMemo } from 'react';
import { AgreementCheckbox } from './agreement-checkbox.js';
import { CheckoutContext, type CheckoutContextValue } from './checkout-context.js';
import type { MethodOption } from './default-methods.js';
import { koCheckout, type CheckoutMessages } from './messages.js';
import { PaymentMethodPicker } from './payment-method-picker.js';
import { type UseTossBillingOptions, useTossBilling } from './use-toss-billing.js';

export interface TossBillingCheckoutProps extends UseTossBillingOptions {
  /** What the parts say: `koCheckout` (default), `en` or `enCheckout` from this package, `ko`, or your own table. */
  messages?: CheckoutMessages | undefined;
  children?: ReactNode;
}

/**
 * Toss billing (자동결제 등록) behind the shared parts: `<PaymentMethods>` offers card and transfer,
 * `<Agreement>` an optional checkbox, and `<BillingKeyButton redirectUrl>` opens Toss's
 * registration window (`issue.customerName` and `issue.customerEmail` are sent; PortOne's other
 * issue fields have no Toss counterpart). The result returns on `redirectUrl` with `authKey` and
 * `customerKey`: read it with `<BillingAuthResult>`, and issue the billing key on your server
 * (`issueTossBillingKey`, API secret key `test_sk_…`). Needs an API individual key (`test_ck_…`)
 * and the buyer's own `customerKey`.
 */
export function TossBillingCheckout({ messages = koCheckout, children, ...options }: TossBillingCheckoutProps) {
  const state = useTossBilling(options);
  const { checkout } = state;
  const value = useMemo<CheckoutContextValue>(
    () => ({
      provider: 'toss',
      amount: 0,
      currency: 'KRW',
      messages,
      state: state.status,
      error: state.error,
      retry: checkout.retry,
      canPay: state.canPay,
      checkRedirect: checkTossRedirect,
      pay: () => Promise.reject(noPayment()),
      issueBillingKey: (issue, method, { redirectUrl }) =>
        checkout.requestBillingAuth(
          redirectUrl ? { successUrl: redirectUrl, failUrl: redirectUrl } : undefined,
          { customerName: issue.customerName, customerEmail: issue.customerEmail },
          method,
        ),
      billingMethodOf: tossBillingMethodOf,
      choice: {
        provider: 'toss',
        Picker: BillingMethodPicker,
        Checkbox: AgreementCheckbox,
        checkMethod: tossBillingMethodOf,
        selected: state.selected,
        select: checkout.select,
        agreementShown: state.agreementShown,
        setAgreementShown: checkout.setAgreementShown,
        agreed: state.agreed,
        setAgreed: checkout.setAgreed,
      },
    }),
    // `state` is a new object only when the checkout changed it.
    [checkout, state, messages],
  );
  return <CheckoutContext.Provider value={value}>{children}</CheckoutContext.Provider>;
}

/** What Toss registers for billing (BillingAuthRequest.method). */
const BILLING_METHODS: readonly MethodOption[] = [{ type: 'card' }, { type: 'transfer' }];

function BillingMethodPicker(props: Parameters<typeof PaymentMethodPicker>[0]) {
  return <PaymentMethodPicker {...props} methods={props.methods ?? BILLING_METHODS} />;
}

function noPayment(): CheckoutError {
  return new CheckoutError(
    'INVALID_OPTION',
    __DEV__
      ? '<TossBillingCheckout>은 결제수단 등록용입니다. 결제는 <PaymentWindowCheckout> 또는 <Checkout>의 <CheckoutButton>으로 하세요. ' +
          '<TossBillingCheckout> registers a payment method: use <BillingKeyButton> in it, and <CheckoutButton> inside <PaymentWindowCheckout> or <Checkout> to pay.'
      : '',
    { provider: 'toss' },
  );
}
