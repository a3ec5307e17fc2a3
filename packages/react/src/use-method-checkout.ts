import {
  type CheckoutResult,
  checkMethodRedirect,
  type MethodCheckout,
  type MethodCheckoutAmount,
  type Money,
  type PaymentOrder,
  type PortOneMethod,
  type Provider,
} from '@kcheckout/core';
import { type ReactNode, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { CheckoutContextValue, CheckoutRedirect } from './checkout-context.js';
import type { CheckoutMessages } from './messages.js';
import { AgreementCheckbox } from './agreement-checkbox.js';
import { PaymentMethodPicker } from './payment-method-picker.js';

/** The props `<Checkout provider="portone" | "iamport">` add to the vendor's own options. */
export interface MethodCheckoutProps extends MethodCheckoutAmount {
  /** The method picked at first; the buyer changes it in <PaymentMethods>. None by default. */
  defaultMethod?: PortOneMethod;
  /** What the parts say: `koCheckout` (default), `en` or `enCheckout` from this package, `ko`, or your own table. */
  messages?: CheckoutMessages;
  children?: ReactNode;
}

export interface MethodCheckoutInput<Options extends object, Driver> {
  provider: Extract<Provider, 'portone' | 'iamport'>;
  /** Created once by the root; it derives the status and `canPay`. */
  checkout: MethodCheckout<Options, Driver>;
  /** The latest vendor options with the amount; the checkout's options table decides what a change does. */
  options: Options & MethodCheckoutAmount;
  messages: CheckoutMessages;
  /** The vendor's own method check (`toPortOnePayMethod` / `toIamportPayMethod`), for the picker. */
  checkMethod: (method: PortOneMethod) => unknown;
  /** Makes the vendor request with the checked amount and the buyer's method. */
  request: (driver: Driver, order: PaymentOrder, money: Money, method: PortOneMethod, redirect: CheckoutRedirect) => Promise<CheckoutResult>;
  extra?: Pick<CheckoutContextValue, 'issueBillingKey'>;
}

/**
 * Binds a `MethodCheckout` (PortOne V2, iamport V1) to the shared context: options in after
 * commit, state out through `useSyncExternalStore`. Nothing is decided here.
 */
export function useMethodCheckout<Options extends object, Driver>({
  provider,
  checkout,
  options,
  messages,
  checkMethod,
  request,
  extra,
}: MethodCheckoutInput<Options, Driver>): CheckoutContextValue {
  // Options reach the checkout after commit, never during render, so a discarded render changes nothing.
  useEffect(() => checkout.update(options));
  useEffect(checkout.mount, [checkout]);
  const state = useSyncExternalStore(checkout.subscribe, checkout.getState, checkout.getState);
  const { amount } = options;

  return useMemo<CheckoutContextValue>(
    () => ({
      provider,
      amount,
      currency: state.money?.currency ?? 'KRW',
      messages,
      state: state.status,
      error: state.error,
      retry: checkout.retry,
      canPay: state.canPay,
      checkRedirect: (redirect) => checkMethodRedirect(provider, redirect),
      pay: (order, redirect) => checkout.pay((driver, money, method) => request(driver, order, money, method, redirect)),
      choice: {
        provider,
        Picker: PaymentMethodPicker,
        Checkbox: AgreementCheckbox,
        checkMethod,
        selected: state.selected,
        select: checkout.select,
        agreementShown: state.agreementShown,
        setAgreementShown: checkout.setAgreementShown,
        agreed: state.agreed,
        setAgreed: checkout.setAgreed,
      },
      ...extra,
    }),
    [provider, amount, messages, state, checkout, checkMethod, request, extra],
  );
}
