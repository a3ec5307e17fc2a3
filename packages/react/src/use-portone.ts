import {
  type BillingKeyResult,
  type CheckoutResult,
  createPortOneV2,
  DriverSession,
  type DriverSessionState,
  type PaymentOrder,
  type PortOneBillingKeyIssue,
  type PortOneBillingKeyMethod,
  type PortOneMethod,
  type PortOneMoney,
  type PortOneRedirect,
  type PortOneV2Driver,
  type PortOneV2Options,
  validatePortOneV2Options,
  PORTONE_V2_OPTIONS,
} from '@kcheckout/core';
import { useCallback } from 'react';
import { useCheckoutStore } from './use-checkout-store.js';

export type UsePortOneOptions = PortOneV2Options;

export interface UsePortOneResult extends DriverSessionState {
  /** `PortOne.requestPayment`. Failures are results (`fail` / `cancel`), never rejections. */
  requestPayment: (order: PaymentOrder, money: PortOneMoney, method: PortOneMethod, redirect?: PortOneRedirect) => Promise<CheckoutResult>;
  /** `PortOne.requestIssueBillingKey`, for subscriptions: your server charges the billing key later. */
  requestIssueBillingKey: (issue: PortOneBillingKeyIssue, method: PortOneBillingKeyMethod, redirect?: PortOneRedirect) => Promise<BillingKeyResult>;
  retry: () => void;
}

/**
 * PortOne's V2 browser SDK as a hook: the script loads once per page (retries, timeout), bad
 * options become `status: 'error'` before any vendor call, and requests go one at a time.
 *
 * ```tsx
 * const portone = usePortOne({ storeId, channelKey });
 * <button disabled={portone.status !== 'ready'} onClick={() =>
 *   portone.requestPayment({ orderId, orderName }, { value: 50000, currency: 'KRW' }, { type: 'easyPay', provider: 'KAKAOPAY' })}>
 * ```
 * @see https://developers.portone.io/sdk/ko/v2-sdk/payment-request
 */
export function usePortOne(options: UsePortOneOptions): UsePortOneResult {
  const [session, state] = useCheckoutStore(
    () => new DriverSession<PortOneV2Options, PortOneV2Driver>(options, 'portone', createPortOneV2, validatePortOneV2Options, PORTONE_V2_OPTIONS),
    options,
  );

  const requestPayment = useCallback<UsePortOneResult['requestPayment']>(
    (order, money, method, redirect) => session.run((driver) => driver.requestPayment(order, money, method, redirect)),
    [session],
  );
  const requestIssueBillingKey = useCallback<UsePortOneResult['requestIssueBillingKey']>(
    (issue, method, redirect) => session.run((driver) => driver.requestIssueBillingKey(issue, method, redirect)),
    [session],
  );
  return { ...state, requestPayment, requestIssueBillingKey, retry: session.retry };
}
