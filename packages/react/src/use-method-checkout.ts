import {
  type CheckoutResult,
  checkMethodRedirect,
  type MethodCheckout,
  type MethodCheckoutAmount,
  type MethodCheckoutState,
  type Money,
  type PaymentOrder,
  type PortOneMethod,
  type Provider,
} from '@kcheckout/core';
import { type ReactNode, useMemo } from 'react';
import type { CheckoutContextValue, CheckoutRedirect } from './checkout-context.js';
import type { CheckoutMessages } from './messages.js';
import { AgreementCheckbox } from './agreement-checkbox.js';
import { PaymentMethodPicker } from './payment-method-picker.js';

/** The props `<Checkout provider="portone" | "iamport">` add to the vendor's own options. */
export interface MethodCheckoutProps extends MethodCheckoutAmount {
  /** The method picked at first; the buyer changes it in <PaymentMethods>. None by default. */
  defaultMethod?: PortOneMethod | undefined;
  /** What the parts say: `koCheckout` (default), `en` or `enCheckout` from this package, `ko`, or your own table. */
  messages?: CheckoutMessages | undefined;
  children?: ReactNode;
}

export interface MethodCheckoutInput<Options extends object, Driver> {
  provider: Extract<Provider, 'portone' | 'iamport'>;
  /** Created once by the root; it derives the status and `canPay`. */
  checkout: MethodCheckout<Options, Driver>;
  /** Its state, read by the root through `useCheckoutStore`. */
  state: MethodCheckoutState;
  /** What the buyer pays, as given (the context shows it). */
  amount: number;
  messages: CheckoutMessages;
  /** The vendor's own method check (`toPortOnePayMethod` / `toIamportPayMethod`), for the picker. */
  checkMethod: (method: PortOneMethod) => unknown;
  /** Makes the vendor request with the checked amount and the buyer's method. */
  request: (driver: Driver, order: PaymentOrder, money: Money, method: PortOneMethod, redirect: CheckoutRedirect) => Promise<CheckoutResult>;
  extra?: Pick<CheckoutContextValue, 'issueBillingKey'>;
}

/**
 * The shared context's value for a `MethodCheckout` (PortOne V2, iamport V1), from the state it
 * derived. Nothing is decided here.
 */
export function useMethodCheckout<Options extends object, Driver>({
  provider,
  checkout,
  state,
  amount,
  messages,
  checkMethod,
  request,
  extra,
}: MethodCheckoutInput<Options, Driver>): CheckoutContextValue {
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
