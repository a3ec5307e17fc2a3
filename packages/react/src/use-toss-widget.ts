import {
  type CheckoutResult,
  type PaymentOrder,
  type RedirectUrls,
  TossCheckout,
  type TossCheckoutOptions,
  type TossCheckoutState,
} from '@kcheckout/core';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

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
  // The checkout is created once; its constructor has no side effects, so StrictMode's second
  // render can build and drop one harmlessly.
  const [checkout] = useState(() => new TossCheckout(options));

  // Options reach the checkout after commit, never during render, so a discarded render sends
  // nothing to the vendor.
  useEffect(() => checkout.update(options));
  useEffect(checkout.mount, [checkout]);

  const state = useSyncExternalStore(checkout.subscribe, checkout.getState, checkout.getState);
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
