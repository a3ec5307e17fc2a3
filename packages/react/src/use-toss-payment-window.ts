import {
  type CheckoutResult,
  type PaymentOrder,
  type PortOneMethod,
  type RedirectUrls,
  TossPaymentWindow,
  type TossPaymentWindowOptions,
  type TossPaymentWindowState,
} from '@kcheckout/core';
import { useMemo } from 'react';
import { useCheckoutStore } from './use-checkout-store.js';

export interface UseTossPaymentWindowOptions extends TossPaymentWindowOptions {
  /** The method picked at first; change it with `select`. None by default. */
  defaultMethod?: PortOneMethod | undefined;
}

export interface UseTossPaymentWindowResult extends TossPaymentWindowState {
  /** Picks the method the next request opens. */
  select: (method: PortOneMethod) => void;
  /**
   * Opens the Toss payment window for the current amount and method: with `urls`, the vendor
   * redirects to them; without, the result resolves here (PC only). One call at a time: a second
   * call while the window is open gets the same promise.
   */
  requestPayment: (order: PaymentOrder, urls?: RedirectUrls) => Promise<CheckoutResult>;
  /** After a load failure, loads again. */
  retry: () => void;
  /** The core store, for `<PaymentWindowCheckout>` and custom bindings. */
  checkout: TossPaymentWindow;
}

/**
 * The Toss payment window (결제창, `tossPayments.payment({ customerKey }).requestPayment(…)`) for
 * shops with an API individual key (`test_ck_…`): the SDK loads once, the state is derived in
 * core (`TossPaymentWindow`), and unmounting with the window open closes it.
 */
export function useTossPaymentWindow({ defaultMethod, ...options }: UseTossPaymentWindowOptions): UseTossPaymentWindowResult {
  const [checkout, state] = useCheckoutStore(() => new TossPaymentWindow(options, defaultMethod ?? null), options);
  return useMemo(
    () => ({ ...state, select: checkout.select, requestPayment: checkout.requestPayment, retry: checkout.retry, checkout }),
    [state, checkout],
  );
}
