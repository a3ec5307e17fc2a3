import {
  type CheckoutResult,
  createIamportV1,
  DriverSession,
  type DriverSessionState,
  type IamportPayOptions,
  type IamportV1Driver,
  type IamportV1Options,
  type PaymentOrder,
  type PortOneMethod,
  type PortOneMoney,
  validateIamportV1Options,
  IAMPORT_V1_OPTIONS,
} from '@kcheckout/core';
import { useCallback } from 'react';
import { useCheckoutStore } from './use-checkout-store.js';

export type UseIamportOptions = IamportV1Options;

export interface UseIamportResult extends DriverSessionState {
  /** `IMP.request_pay` as a promise. `error_code` / `error_msg` decide failure, not the deprecated flags. */
  requestPay: (order: PaymentOrder, money: PortOneMoney, method: PortOneMethod, options?: IamportPayOptions) => Promise<CheckoutResult>;
  retry: () => void;
}

/**
 * PortOne V1 (iamport.js) as a hook, for the many shops still on `IMP.request_pay`. `IMP.init` runs
 * once per code; a callback that arrives twice, or after unmount, changes nothing.
 *
 * ```tsx
 * const imp = useIamport({ impCode: 'imp12345678', channelKey });
 * imp.requestPay({ orderId, orderName }, { value: 50000, currency: 'KRW' }, { type: 'card' }, { m_redirect_url });
 * ```
 */
export function useIamport(options: UseIamportOptions): UseIamportResult {
  const [session, state] = useCheckoutStore(
    () => new DriverSession<IamportV1Options, IamportV1Driver>(options, 'iamport', createIamportV1, validateIamportV1Options, IAMPORT_V1_OPTIONS),
    options,
  );

  const requestPay = useCallback<UseIamportResult['requestPay']>(
    (order, money, method, payOptions) => session.run((driver) => driver.requestPay(order, money, method, payOptions)),
    [session],
  );
  return { ...state, requestPay, retry: session.retry };
}
