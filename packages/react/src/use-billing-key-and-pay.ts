'use client';

// 'use client' written here: this module imports no React itself, so the build would not add it (scripts/build-package.mjs).

import {
  type BillingKeyAndPayOrder,
  type BillingKeyAndPayResult,
  BillingKeyAndPaySession,
  type DriverSessionState,
  type PortOneMoney,
  type PortOneRedirect,
  type PortOneV2Options,
} from '@kcheckout/core';
import { useCheckoutStore } from './use-checkout-store.js';

export type UseBillingKeyAndPayOptions = PortOneV2Options;

export interface UseBillingKeyAndPayResult extends DriverSessionState {
  /**
   * `PortOne.requestIssueBillingKeyAndPay`: issues a billing key and pays the first charge (phone
   * payment) in one window. Failures are results (`fail` / `cancel`), never rejections; a second
   * call while one is open gets the same promise.
   */
  request: (order: BillingKeyAndPayOrder, money: PortOneMoney, redirect?: PortOneRedirect) => Promise<BillingKeyAndPayResult>;
  retry: () => void;
}

/**
 * PortOne V2 billing key + first payment as a hook, binding core's `BillingKeyAndPaySession`: the
 * SDK loads once per page (StrictMode too), bad options are `status: 'error'` before any vendor
 * call, and one request runs at a time.
 *
 * ```tsx
 * const { status, request } = useBillingKeyAndPay({ storeId, channelKey });
 * <button disabled={status !== 'ready'} onClick={() => request({ orderId, orderName }, { value: 9900, currency: 'KRW' })}>
 * ```
 * @see https://developers.portone.io/sdk/ko/v2-sdk/billing-key-and-pay-request
 */
export function useBillingKeyAndPay(options: UseBillingKeyAndPayOptions): UseBillingKeyAndPayResult {
  const [session, state] = useCheckoutStore(() => new BillingKeyAndPaySession(options), options);
  return { ...state, request: session.request, retry: session.retry };
}
