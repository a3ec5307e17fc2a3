import { type PayPalButtonsOptions, type PayPalButtonsState, type PayPalResult, PayPalButtonsStore } from '@kcheckout/core';
import { useEffect } from 'react';
import { useCheckoutStore } from './use-checkout-store.js';
import { useLatest } from './use-latest.js';

export type UsePayPalButtonsOptions = PayPalButtonsOptions & {
  /** Each result once: `success` (verify `paymentId` on your server), `fail` or `cancel`. */
  onResult?: ((result: PayPalResult) => void) | undefined;
};

export interface UsePayPalButtonsResult extends PayPalButtonsState {
  /** Put it on the element the buttons render into; it must carry the class `portone-ui-container`. */
  containerRef: (element: HTMLElement | null) => void;
  retry: () => void;
}

/**
 * PortOne's PayPal Smart Payment Buttons (`loadPaymentUI`, `uiType: 'PAYPAL_SPB'`) as a hook: one
 * load per container (StrictMode too), amount and order changes through
 * `updateLoadPaymentUIRequest`, never a second render, and nothing sent after unmount.
 * @see https://developers.portone.io/opi/ko/integration/pg/v2/paypal-v2
 */
export function usePayPalButtons({ onResult, ...options }: UsePayPalButtonsOptions): UsePayPalButtonsResult {
  const [store, state] = useCheckoutStore(() => new PayPalButtonsStore(options), options);
  const latest = useLatest(onResult);
  // Subscribed once, the latest handler read at call time: a parent's re-render costs the vendor nothing.
  useEffect(() => store.onResult((result) => latest.current?.(result)), [store, latest]);
  return { ...state, containerRef: store.attach, retry: store.retry };
}
