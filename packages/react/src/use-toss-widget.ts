import {
  type CheckoutResult,
  type PaymentOrder,
  type RedirectUrls,
  TossCheckout,
  type TossCheckoutOptions,
  type TossCheckoutState,
} from '@kcheckout/core';
import { useCallback } from 'react';
import { useCheckoutStore } from './use-checkout-store.js';

export type UseTossWidgetOptions = TossCheckoutOptions;

export interface UseTossWidgetResult extends TossCheckoutState {
  /** Put on the element that should hold Toss's payment-methods UI. Any element works. */
  methodsRef: (element: HTMLElement | null) => void;
  /** Put on the element that should hold Toss's terms-agreement UI. */
  agreementRef: (element: HTMLElement | null) => void;
  /** Opens the payment window. A call while one is open returns the same promise. */
  requestPayment: (order: PaymentOrder, urls?: RedirectUrls) => Promise<CheckoutResult>;
  /** After `status === 'error'`, loads and renders again. */
  retry: () => void;
}

/**
 * Toss Payments' payment widget (SDK v2 by default, v1 with `sdk: tossV1`) as a hook.
 *
 * - The SDK script loads once per page, through the kcheckout loader (retries, timeout, nonce).
 * - Each container gets exactly one vendor render, under StrictMode too; `destroy` runs on unmount.
 * - A new `amount` becomes `setAmount` (v2) / `updateAmount` (v1): the widget never re-renders, so the
 *   buyer's chosen method survives a coupon.
 *
 * ```tsx
 * const toss = useTossWidget({ clientKey, customerKey, amount: 50000 });
 * <div ref={toss.methodsRef} /> <div ref={toss.agreementRef} />
 * <button disabled={!toss.canPay} onClick={() => toss.requestPayment({ orderId, orderName })}>결제하기</button>
 * ```
 * @see https://docs.tosspayments.com/sdk/v2/js
 */
export function useTossWidget(options: UseTossWidgetOptions): UseTossWidgetResult {
  const [checkout, state] = useCheckoutStore(() => new TossCheckout(options), options);
  const requestPayment = useCallback(
    (order: PaymentOrder, urls?: RedirectUrls) => checkout.requestPayment(order, urls),
    [checkout],
  );

  return {
    ...state,
    methodsRef: checkout.attachPaymentMethods,
    agreementRef: checkout.attachAgreement,
    requestPayment,
    retry: checkout.retry,
  };
}
