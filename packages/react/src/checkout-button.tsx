import {
  CheckoutError,
  type CheckoutResult,
  createOrderId,
  type PaymentOrder,
  type RedirectUrls,
  validateOrderId,
} from '@kcheckout/core';
import { type ComponentPropsWithoutRef, forwardRef, type MouseEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useCheckoutContext } from './checkout-context.js';
import { formatAmount, messages } from './messages.js';
import { composeEventHandlers, Slot } from './slot.js';

export type SuccessResult = Extract<CheckoutResult, { status: 'success' }>;
export type FailResult = Extract<CheckoutResult, { status: 'fail' }>;
export type CancelResult = Extract<CheckoutResult, { status: 'cancel' }>;

export interface CheckoutButtonProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children'> {
  /** The order being paid. Omit `orderId` to get a fresh `createOrderId()` per attempt. */
  order: Omit<PaymentOrder, 'orderId'> & { orderId?: string };
  /**
   * Redirect mode (required on mobile for Toss): the vendor returns to these URLs. Relative URLs are
   * resolved against the current page. Give both or neither; without them, results arrive in
   * `onSuccess` / `onFail` / `onCancel` (promise mode, PC).
   */
  successUrl?: string;
  failUrl?: string;
  /** The vendor authorised the payment. Send `paymentKey`, `orderId` and `amount` to your server to confirm it. */
  onSuccess?: (result: SuccessResult) => void;
  onFail?: (result: FailResult) => void;
  /** The buyer closed the payment window. Not an error. */
  onCancel?: (result: CancelResult) => void;
  /** Render your own button element instead of ours; it receives our props, state and handlers. */
  asChild?: boolean;
  /** Defaults to "50,000원 결제하기". */
  children?: ReactNode;
}

/**
 * Requests payment. Disabled until the widget is ready and the required terms are agreed, and while
 * a payment window is open, so one click is one request.
 *
 * `data-state`: `loading | ready | error | pending`; `data-disabled` when it cannot be pressed.
 */
export const CheckoutButton = forwardRef<HTMLButtonElement, CheckoutButtonProps>(function CheckoutButton(
  { order, successUrl, failUrl, onSuccess, onFail, onCancel, asChild, children, onClick, disabled, ...rest },
  ref,
) {
  const { widget, amount, currency, locale } = useCheckoutContext('CheckoutButton');
  const text = messages[locale];
  const errorId = useId();
  const propError = checkProps(order, successUrl, failUrl);

  // Results arrive after an await; read the handlers current at that moment, not at click time.
  const handlers = useRef({ onSuccess, onFail, onCancel });
  useEffect(() => {
    handlers.current = { onSuccess, onFail, onCancel };
  });
  // Set synchronously on click: React has not re-rendered yet when a double click's second event lands.
  const inFlight = useRef(false);

  const state = propError || widget.error ? 'error' : widget.paying ? 'pending' : widget.methodsReady ? 'ready' : 'loading';
  const isDisabled = Boolean(disabled) || state !== 'ready' || !widget.canPay;

  const pay = async () => {
    if (isDisabled || inFlight.current) return;
    inFlight.current = true;
    const paymentOrder: PaymentOrder = { ...order, orderId: order.orderId ?? createOrderId() };
    let result: CheckoutResult;
    try {
      result = await widget.requestPayment(paymentOrder, redirectUrls(successUrl, failUrl));
    } catch (error) {
      const wrapped = error instanceof CheckoutError ? error : new CheckoutError('VENDOR_ERROR', String(error), { cause: error });
      result = {
        status: 'fail',
        provider: 'toss',
        orderId: paymentOrder.orderId,
        amount,
        currency,
        code: wrapped.code,
        message: wrapped.message,
        raw: error,
        error: wrapped,
      };
    } finally {
      inFlight.current = false;
    }
    const { onSuccess, onFail, onCancel } = handlers.current;
    if (result.status === 'success') onSuccess?.(result);
    else if (result.status === 'fail') onFail?.(result);
    else if (result.status === 'cancel') onCancel?.(result);
  };

  const Component = asChild ? Slot : 'button';
  return (
    <>
      <Component
        type="button"
        data-kcheckout="checkout-button"
        data-state={state}
        data-disabled={isDisabled ? '' : undefined}
        disabled={isDisabled}
        aria-busy={state === 'pending' || undefined}
        aria-describedby={propError ? errorId : undefined}
        {...rest}
        ref={ref}
        onClick={composeEventHandlers(onClick, (_event: MouseEvent<HTMLButtonElement>) => void pay())}
      >
        {children ?? (state === 'pending' ? text.paying : text.pay(formatAmount(amount, currency, locale)))}
      </Component>
      {propError && (
        <span role="alert" id={errorId} data-kcheckout="error" data-code={propError.code}>
          {text.invalidOrder} {propError.message}
        </span>
      )}
    </>
  );
});

/** Pure, so the server and the client render the same error. */
function checkProps(order: CheckoutButtonProps['order'], successUrl?: string, failUrl?: string): CheckoutError | null {
  try {
    if (order.orderId !== undefined) validateOrderId(order.orderId);
    if (!order.orderName || order.orderName.length > 100) {
      throw new CheckoutError('INVALID_OPTION', `order.orderName은 1~100자여야 합니다. order.orderName must be 1–100 characters.`);
    }
    if (Boolean(successUrl) !== Boolean(failUrl)) {
      throw new CheckoutError(
        'INVALID_OPTION',
        `successUrl과 failUrl은 함께 넘기거나 둘 다 생략하세요. Pass both successUrl and failUrl (redirect mode) or neither (promise mode).`,
      );
    }
    return null;
  } catch (error) {
    return error as CheckoutError;
  }
}

/** Vendors need absolute URLs; resolve relative ones against the page at click time. */
function redirectUrls(successUrl?: string, failUrl?: string): RedirectUrls | undefined {
  if (!successUrl || !failUrl) return undefined;
  return { successUrl: new URL(successUrl, location.href).href, failUrl: new URL(failUrl, location.href).href };
}
