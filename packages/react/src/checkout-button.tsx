import {
  CheckoutError,
  type CheckoutResult,
  createOrderId,
  type PaymentOrder,
  type Provider,
  rememberOrder,
  validateOrder,
} from '@kcheckout/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useState } from 'react';
import { ActionButton, settle } from './action-button.js';
import { useLatest } from './use-latest.js';
import { type CheckoutContextValue, type CheckoutRedirect, useCheckoutContext } from './checkout-context.js';
import { absoluteRedirect } from './redirect-props.js';
import { formatAmount } from './messages.js';

export type SuccessResult = Extract<CheckoutResult, { status: 'success' }>;
export type FailResult = Extract<CheckoutResult, { status: 'fail' }>;
export type CancelResult = Extract<CheckoutResult, { status: 'cancel' }>;

export interface CheckoutButtonProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children'> {
  /** The order being paid. Omit `orderId` to get a fresh `createOrderId()` per attempt. */
  order: Omit<PaymentOrder, 'orderId'> & { orderId?: string };
  /**
   * Toss redirect mode (required on mobile): the vendor returns to these URLs. Relative URLs are
   * resolved against the current page. Give both or neither; without them, results arrive in
   * `onSuccess` / `onFail` / `onCancel` (promise mode, PC). On a phone or tablet (told by user
   * agent) a press without them fails with `REDIRECT_URL_REQUIRED` before the vendor is called.
   */
  successUrl?: string | undefined;
  failUrl?: string | undefined;
  /**
   * PortOne and iamport redirect mode (V2 `redirectUrl`, V1 `m_redirect_url`), required for mobile
   * browsers, which leave the page; relative URLs are resolved against the current page. PC keeps
   * the promise unless `windowType` asks for a redirect. With Toss, one URL for both outcomes.
   */
  redirectUrl?: string | undefined;
  /** PortOne V2 only: `{ pc?: 'IFRAME' | 'POPUP' | 'REDIRECTION', mobile?: 'REDIRECTION' | … }`. Needs `redirectUrl`. */
  windowType?: CheckoutRedirect['windowType'] | undefined;
  /** PortOne V2 only: redirect on PC too, so one result page serves every device. Needs `redirectUrl`. */
  forceRedirect?: boolean | undefined;
  /**
   * Runs after the press and before the payment window opens, with the order about to be paid
   * (`orderId` filled in). Its purpose: freeze the order's amount on your server (for example
   * `POST /api/orders/:id/open`), so the amount the vendor charges can no longer change under the
   * buyer. Awaited; the button shows `pending` meanwhile, and one press is still one request.
   *
   * Reject to keep the window closed: `onFail` then receives a result whose `error` is a
   * `CheckoutError` with code `BEFORE_PAYMENT_FAILED` (`cause` holds what you threw), or the
   * `CheckoutError` you threw yourself.
   *
   * The vendor window opens after this await. Browsers keep a click's user activation for only a
   * few seconds, and a popup opened later may be blocked, so keep it quick: one request.
   */
  beforePayment?: (order: PaymentOrder) => void | Promise<void>;
  /** The vendor authorised the payment. Send `paymentKey`, `orderId` and `amount` to your server to confirm it. */
  onSuccess?: (result: SuccessResult) => void;
  onFail?: (result: FailResult) => void;
  /** The buyer closed the payment window. Not an error. */
  onCancel?: (result: CancelResult) => void;
  /** Render your own button element instead of ours; it receives our props, state and handlers. */
  asChild?: boolean | undefined;
  /** Defaults to "50,000원 결제하기". */
  children?: ReactNode;
}

/**
 * Requests payment for the checkout's amount. Disabled until the SDK is ready, the required terms
 * are agreed and (PortOne, iamport) a method is picked, and while a payment window is open, so one
 * click is one request.
 *
 * `data-state`: `loading | ready | error | pending`; `data-disabled` when it cannot be pressed.
 */
export const CheckoutButton = forwardRef<HTMLButtonElement, CheckoutButtonProps>(function CheckoutButton(
  { order, successUrl, failUrl, redirectUrl, windowType, forceRedirect, beforePayment, onSuccess, onFail, onCancel, asChild, children, ...rest },
  ref,
) {
  const checkout = useCheckoutContext('CheckoutButton');
  const { amount, currency, messages: text, provider } = checkout;
  const redirect = { successUrl, failUrl, redirectUrl, windowType, forceRedirect };
  const propError = checkProps(checkout, order, redirect);
  const handlers = useLatest({ onSuccess, onFail, onCancel, beforePayment });
  // The checkout reports `pending` only once the window opens; this covers the merchant's await before it.
  const [preparing, setPreparing] = useState(false);
  // Toss's terms may report nothing until clicked, so a press can meet the vendor's refusal; the
  // buyer then reads why, until the checkout knows the terms are agreed.
  const [refused, setRefused] = useState(false);

  const pay = async () => {
    const paymentOrder: PaymentOrder = { ...order, orderId: order.orderId ?? createOrderId() };
    const result = await settle<CheckoutResult>(
      async () => {
        const before = handlers.current.beforePayment;
        if (before) {
          setPreparing(true);
          try {
            await before(paymentOrder);
          } catch (error) {
            throw beforePaymentError(error, provider);
          } finally {
            setPreparing(false);
          }
        }
        // The redirect page compares the amount it receives with this (AMOUNT_MISMATCH). Written
        // right before the call, so without beforePayment the click's user activation survives
        // for PGs that open a popup.
        rememberOrder({ orderId: paymentOrder.orderId, amount, currency, provider });
        return checkout.pay(paymentOrder, absoluteRedirect(redirect));
      },
      (error) => {
        const wrapped = error instanceof CheckoutError ? error : new CheckoutError('VENDOR_ERROR', String(error), { cause: error, provider });
        const { orderId } = paymentOrder;
        return { status: 'fail', provider, orderId, amount, currency, code: wrapped.code, message: wrapped.message, raw: error, error: wrapped };
      },
    );
    // Only a fail carries this code; success and redirecting carry none.
    setRefused((result as { code?: string }).code === 'NEED_AGREEMENT_WITH_REQUIRED_TERMS');
    const { onSuccess, onFail, onCancel } = handlers.current;
    if (result.status === 'success') onSuccess?.(result);
    else if (result.status === 'fail') onFail?.(result);
    else if (result.status === 'cancel') onCancel?.(result);
  };

  return (
    <>
      <ActionButton
        part="checkout-button"
        state={preparing ? 'pending' : checkout.state}
        propError={propError}
        errorLead={text.invalidOrder}
        allowed={checkout.canPay}
        onAction={pay}
        asChild={asChild}
        {...rest}
        ref={ref}
      >
        {children ?? (preparing || checkout.state === 'pending' ? text.paying : text.pay(formatAmount(amount, currency, text)))}
      </ActionButton>
      {refused && checkout.toss?.agreed !== true && (
        <span role="alert" data-kcheckout="error">
          {text.errors.NEED_AGREEMENT_WITH_REQUIRED_TERMS ?? text.errorFallback}
        </span>
      )}
    </>
  );
});

function beforePaymentError(error: unknown, provider: Provider): CheckoutError {
  if (error instanceof CheckoutError) return error;
  return new CheckoutError('BEFORE_PAYMENT_FAILED', __DEV__ ? beforePaymentDiagnosis(error) : '', { provider, cause: error });
}

/** Development builds only: the diagnosis quotes what was thrown; production keeps it in `cause`. */
function beforePaymentDiagnosis(error: unknown): string {
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return (
    `beforePayment이 실패해 결제창을 열지 않았습니다${detail ? `: ${detail}` : '.'} ` +
    `beforePayment rejected${detail ? `: ${detail}` : ''}, so the payment window was not opened. Fix what it threw (see cause), then let the buyer press again.`
  );
}

/** Pure, so the server and the client render the same error. */
function checkProps({ provider, checkRedirect }: CheckoutContextValue, order: CheckoutButtonProps['order'], redirect: CheckoutRedirect): CheckoutError | null {
  try {
    validateOrder(provider, order);
    checkRedirect(redirect);
    return null;
  } catch (error) {
    return error as CheckoutError;
  }
}
