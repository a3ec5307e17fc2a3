import {
  type PortOneMethod,
  type RedirectUrls,
  TossBilling,
  type TossBillingAuthResult,
  type TossBillingCustomer,
  type TossBillingOptions,
  type TossBillingState,
} from '@kcheckout/core';
import { useMemo } from 'react';
import { useCheckoutStore } from './use-checkout-store.js';

export interface UseTossBillingOptions extends TossBillingOptions {
  /** The method picked at first; change it with `select`. Card by default. */
  defaultMethod?: PortOneMethod | undefined;
}

export interface UseTossBillingResult extends TossBillingState {
  /** Picks the method the next request registers: `{ type: 'card' }` or `{ type: 'transfer' }`. */
  select: (method: PortOneMethod) => void;
  /**
   * Opens Toss's registration window (자동결제 등록); the result returns on `urls` with `authKey`
   * and `customerKey` (read it with `useBillingAuthResult`). One call at a time: a second call
   * while the window is open gets the same promise.
   */
  requestBillingAuth: (urls: RedirectUrls | undefined, customer?: TossBillingCustomer, method?: PortOneMethod) => Promise<TossBillingAuthResult>;
  /** After a load failure, loads again. */
  retry: () => void;
  /** The core store, for `<TossBillingCheckout>` and custom bindings. */
  checkout: TossBilling;
}

/**
 * Toss billing (자동결제, `tossPayments.payment({ customerKey }).requestBillingAuth(…)`) for shops
 * with an API individual key (`test_ck_…`): the SDK loads once, the state is derived in core
 * (`TossBilling`), and unmounting with the window open closes it.
 */
export function useTossBilling({ defaultMethod, ...options }: UseTossBillingOptions): UseTossBillingResult {
  const [checkout, state] = useCheckoutStore(() => new TossBilling(options, defaultMethod ?? { type: 'card' }), options);
  return useMemo(
    () => ({ ...state, select: checkout.select, requestBillingAuth: checkout.requestBillingAuth, retry: checkout.retry, checkout }),
    [state, checkout],
  );
}
