import { checkTossRedirect, toTossPaymentMethod } from '@kcheckout/core';
import { type ReactNode, useMemo } from 'react';
import { AgreementCheckbox } from './agreement-checkbox.js';
import { CheckoutContext, type CheckoutContextValue } from './checkout-context.js';
import { koCheckout, type CheckoutMessages } from './messages.js';
import { DEFAULT_METHODS } from './default-methods.js';
import { PaymentMethodPicker } from './payment-method-picker.js';
import { type UseTossPaymentWindowOptions, useTossPaymentWindow } from './use-toss-payment-window.js';

export interface PaymentWindowCheckoutProps extends UseTossPaymentWindowOptions {
  /** What the parts say: `koCheckout` (default), `en` or `enCheckout` from this package, `ko`, or your own table. */
  messages?: CheckoutMessages | undefined;
  children?: ReactNode;
}

/**
 * The Toss payment window (결제창) behind the same parts as `<Checkout>`: `<PaymentMethods>` is our
 * method picker (card, wallets opened directly, transfer, virtual account, phone), `<Agreement>`
 * an optional checkbox, and `<CheckoutButton successUrl failUrl>` opens the window. Needs an API
 * individual key (`test_ck_…`); a widget key (`test_gck_…`) is `INVALID_KEY`, use `<Checkout>` for it.
 * The result returns on the same Toss redirect as the widget's, so `<RedirectResult>` and the
 * server's confirm apply unchanged (confirm with the API secret key, `test_sk_…`).
 */
export function PaymentWindowCheckout({ messages = koCheckout, children, ...options }: PaymentWindowCheckoutProps) {
  const state = useTossPaymentWindow(options);
  const { checkout } = state;
  const value = useMemo<CheckoutContextValue>(
    () => ({
      provider: 'toss',
      amount: options.amount,
      currency: 'KRW',
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
      choice: {
        provider: 'toss',
        Picker: TossMethodPicker,
        Checkbox: AgreementCheckbox,
        checkMethod: toTossPaymentMethod,
        selected: state.selected,
        select: checkout.select,
        agreementShown: state.agreementShown,
        setAgreementShown: checkout.setAgreementShown,
        agreed: state.agreed,
        setAgreed: checkout.setAgreed,
      },
    }),
    // `state` is a new object only when the checkout changed it.
    [checkout, state, options.amount, messages],
  );
  return <CheckoutContext.Provider value={value}>{children}</CheckoutContext.Provider>;
}

/**
 * The picker with the payment window's default list (the common methods PortOne shops offer, which
 * Toss opens too); kept here so that the PortOne and iamport pages carry no Toss entry.
 */
function TossMethodPicker(props: Parameters<typeof PaymentMethodPicker>[0]) {
  return <PaymentMethodPicker {...props} methods={props.methods ?? DEFAULT_METHODS.portone} />;
}
