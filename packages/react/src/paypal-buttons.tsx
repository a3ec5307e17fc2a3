import { PAYPAL_UI_CONTAINER_CLASS, type PayPalButtonsOptions, type PayPalResult } from '@kcheckout/core';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import type { CancelResult, FailResult, SuccessResult } from './checkout-button.js';
import { koPayPal, type PayPalMessages } from './messages.js';
import { usePayPalButtons } from './use-paypal-buttons.js';

export interface PayPalButtonsProps
  extends Omit<ComponentPropsWithoutRef<'div'>, 'children'>,
    Pick<PayPalButtonsOptions, 'storeId' | 'channelKey' | 'scriptSrc' | 'nonce' | 'timeoutMs' | 'retries'> {
  /** `orderId` becomes PortOne's `paymentId`: create it on your server with the order. */
  order: { orderId: string; orderName: string; customerId?: string; customerName?: string; customerEmail?: string };
  /** In dollars (12.5 is $12.50); sent as cents. A change reaches the rendered buttons without a re-render. */
  amount: number;
  /** PayPal does not settle in won. */
  currency?: 'USD' | undefined;
  /** PayPal approved: verify `paymentId` on your server (`verifyPortOnePayment`) before the order counts as paid. */
  onSuccess?: (result: SuccessResult) => void;
  onFail?: (result: FailResult) => void;
  /** The buyer closed PayPal's window. Not an error. */
  onCancel?: (result: CancelResult) => void;
  messages?: PayPalMessages | undefined;
}

/**
 * PortOne's PayPal Smart Payment Buttons. It owns the element PayPal renders into (the vendor finds
 * it by the class `portone-ui-container`, so keep one per page), reports like `<CheckoutButton>`,
 * and sends amount changes with `updateLoadPaymentUIRequest`.
 *
 * `data-state`: `loading | ready | error`; `data-result`: `success | fail | cancel` after a payment.
 */
export const PayPalButtons = forwardRef<HTMLDivElement, PayPalButtonsProps>(function PayPalButtons(
  { storeId, channelKey, scriptSrc, nonce, timeoutMs, retries, order, amount, currency = 'USD', onSuccess, onFail, onCancel, messages = koPayPal, ...rest },
  ref,
) {
  const report = (result: PayPalResult) => {
    if (result.status === 'success') onSuccess?.(result);
    else if (result.status === 'fail') onFail?.(result);
    else onCancel?.(result);
  };
  const { status, error, result, containerRef, retry } = usePayPalButtons({
    storeId,
    channelKey,
    scriptSrc,
    nonce,
    timeoutMs,
    retries,
    paymentId: order.orderId,
    orderName: order.orderName,
    customerId: order.customerId,
    customerName: order.customerName,
    customerEmail: order.customerEmail,
    amount,
    currency,
    onResult: report,
  });
  const failure = error ? (messages.errors[error.code] ?? messages.errors[error.vendorCode ?? ''] ?? messages.errorFallback) : null;
  return (
    <div ref={ref} data-state={status} data-result={result?.status} {...rest}>
      {/* The vendor's: React renders it empty and never touches its children. */}
      <div ref={containerRef} className={PAYPAL_UI_CONTAINER_CLASS} data-portone-ui-type="PAYPAL_SPB" />
      {status === 'loading' ? <p role="status">{messages.loading}</p> : null}
      {failure ? (
        <div role="alert">
          <p>{messages.errorTitle}</p>
          <p>{failure}</p>
          <button type="button" onClick={retry}>
            {messages.retry}
          </button>
        </div>
      ) : result ? (
        <p role="status">{messages[result.status]}</p>
      ) : null}
    </div>
  );
});
