import {
  type CheckoutError,
  type CheckoutResult,
  type DriverSessionState,
  type Money,
  type PaymentOrder,
  type PortOneCurrency,
  type PortOneMethod,
  type Provider,
  validatePortOneMoney,
} from '@kcheckout/core';
import { type ReactNode, useMemo, useState } from 'react';
import type { CheckoutContextValue, CheckoutRedirect } from './checkout-context.js';
import type { CheckoutMessages } from './messages.js';
import { AgreementCheckbox } from './agreement-checkbox.js';
import { PaymentMethodPicker } from './payment-method-picker.js';
import { checkMethodRedirect } from './redirect-props.js';

/** The props `<Checkout provider="portone" | "iamport">` add to the vendor's own options. */
export interface MethodCheckoutProps {
  /** What the buyer pays, in major units (50000 for 50,000원). */
  amount: number;
  /** `'KRW'` by default; `'CURRENCY_KRW'` also works. */
  currency?: PortOneCurrency | undefined;
  /** The method picked at first; the buyer changes it in <PaymentMethods>. None by default. */
  defaultMethod?: PortOneMethod | undefined;
  /** What the parts say: `koCheckout` (default), `en` or `enCheckout` from this package, `ko`, or your own table. */
  messages?: CheckoutMessages | undefined;
  children?: ReactNode;
}

export interface MethodCheckoutInput {
  provider: Extract<Provider, 'portone' | 'iamport'>;
  session: DriverSessionState & { retry: () => void };
  amount: number;
  currency: PortOneCurrency;
  messages: CheckoutMessages;
  defaultMethod: PortOneMethod | undefined;
  /** The vendor's own method check (`toPortOnePayMethod` / `toIamportPayMethod`), for the picker. */
  checkMethod: (method: PortOneMethod) => unknown;
  /** Makes the vendor request with the checked amount and the buyer's method. */
  request: (order: PaymentOrder, money: Money, method: PortOneMethod, redirect: CheckoutRedirect) => Promise<CheckoutResult>;
  extra?: Pick<CheckoutContextValue, 'issueBillingKey'>;
  /** The vendor's order-id rule beyond the shared one (iamport: `merchant_uid` of at most 40 characters). */
  checkOrderId?: (orderId: string) => void;
}

/**
 * The context value for a vendor without a widget of its own (PortOne V2, iamport V1): the SDK
 * session's state, the amount checked up front, and the method the buyer picks in <PaymentMethods>.
 */
export function useMethodCheckout({ provider, session, amount, currency, messages, defaultMethod, checkMethod, request, extra, checkOrderId }: MethodCheckoutInput) {
  const [selected, select] = useState<PortOneMethod | null>(defaultMethod ?? null);
  const [agreementShown, setAgreementShown] = useState(false);
  const [agreed, setAgreed] = useState(false);

  // The amount is checked at render, so a bad one shows an error before any script loads and the
  // server renders the same error as the client.
  const checked = useMemo((): { money: Money; error: null } | { money: null; error: CheckoutError } => {
    try {
      return { money: validatePortOneMoney({ value: amount, currency }, provider), error: null };
    } catch (error) {
      return { money: null, error: error as CheckoutError };
    }
  }, [amount, currency, provider]);

  const error = checked.error ?? session.error;
  const state = error ? 'error' : session.pending ? 'pending' : session.status === 'ready' ? 'ready' : 'loading';
  return useMemo<CheckoutContextValue>(
    () => ({
      provider,
      amount,
      currency: checked.money?.currency ?? 'KRW',
      messages,
      state,
      error,
      retry: session.retry,
      canPay: state === 'ready' && selected !== null && (!agreementShown || agreed),
      checkRequest: (orderId, redirect) => {
        if (orderId !== undefined) checkOrderId?.(orderId);
        checkMethodRedirect(provider, redirect);
      },
      pay: (order, redirect) => {
        // The button only calls this when canPay is true, so both are set.
        return request(order, checked.money!, selected!, redirect);
      },
      choice: { Picker: PaymentMethodPicker, Checkbox: AgreementCheckbox, checkMethod, selected, select, agreementShown, setAgreementShown, agreed, setAgreed },
      ...extra,
    }),
    [provider, amount, checked, messages, state, error, session.retry, checkMethod, selected, agreementShown, agreed, request, extra, checkOrderId],
  );
}
