import {
  type BillingKeyAndPayOrder,
  type BillingKeyAndPayResult,
  billingKeyAndPayProblem,
  CheckoutError,
  type Currency,
  type PortOneRedirect,
  type PortOneV2Options,
  readVendorError,
} from '@kcheckout/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useEffect, useRef, useState } from 'react';
import { ActionButton, settle } from './action-button.js';
import { type BillingKeyAndPayMessages, koBillingKeyAndPay } from './messages.js';
import { useBillingKeyAndPay } from './use-billing-key-and-pay.js';
import { useLatest } from './use-latest.js';

export type BillingKeyAndPaySucceeded = Extract<BillingKeyAndPayResult, { status: 'success' }>;
export type BillingKeyAndPayFailed = Extract<BillingKeyAndPayResult, { status: 'fail' }>;
export type BillingKeyAndPayCancelled = Extract<BillingKeyAndPayResult, { status: 'cancel' }>;

export interface BillingKeyAndPayButtonProps
  extends Omit<ComponentPropsWithoutRef<'button'>, 'children'>,
    Pick<PortOneV2Options, 'storeId' | 'channelKey' | 'scriptSrc' | 'nonce' | 'timeoutMs' | 'retries'> {
  /** The first charge: `orderId` becomes PortOne's `paymentId`; create it on your server with the order. */
  order: BillingKeyAndPayOrder;
  /** The first charge, in won (major units). */
  amount: number;
  currency?: Currency | undefined;
  /** Redirect mode: the result arrives on this page's query (read it with `useRedirectResult`). */
  redirectUrl?: string | undefined;
  windowType?: PortOneRedirect['windowType'];
  forceRedirect?: boolean | undefined;
  /**
   * Key issued and first charge authorised: send `paymentId` and `billingKey` to your server, which
   * verifies the payment (`verifyPortOnePayment` / the confirm handler) and stores the key for
   * `payWithPortOneBillingKey`.
   */
  onSuccess?: (result: BillingKeyAndPaySucceeded) => void;
  onFail?: (result: BillingKeyAndPayFailed) => void;
  /** The buyer closed the window. Not an error. */
  onCancel?: (result: BillingKeyAndPayCancelled) => void;
  messages?: BillingKeyAndPayMessages | undefined;
  asChild?: boolean | undefined;
  /** Defaults to "9,900원 결제하고 자동결제 등록". */
  children?: ReactNode;
}

/**
 * PortOne V2 `requestIssueBillingKeyAndPay`: registers the buyer's phone for automatic payments and
 * pays the first charge in one window. It loads the SDK itself (no `<Checkout>` needed).
 *
 * `data-state`: `loading | ready | error | pending`; `data-result` on the status line after an answer.
 */
export const BillingKeyAndPayButton = forwardRef<HTMLButtonElement, BillingKeyAndPayButtonProps>(function BillingKeyAndPayButton(
  { storeId, channelKey, scriptSrc, nonce, timeoutMs, retries, order, amount, currency = 'KRW', redirectUrl, windowType, forceRedirect, onSuccess, onFail, onCancel, messages = koBillingKeyAndPay, asChild, children, ...rest },
  ref,
) {
  const { status, error, request, retry } = useBillingKeyAndPay({ storeId, channelKey, scriptSrc, nonce, timeoutMs, retries });
  const [result, setResult] = useState<BillingKeyAndPayResult | null>(null);
  const handlers = useLatest({ onSuccess, onFail, onCancel });
  // After unmount an answer goes nowhere (the window outlives the component, as a real popup would).
  const alive = useRef(false);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const money = { value: amount, currency };
  const redirect = redirectUrl === undefined ? undefined : { redirectUrl, windowType, forceRedirect };
  const propError = billingKeyAndPayProblem(order, money, redirect && { ...redirect, redirectUrl: absolute(redirectUrl!) });

  const onAction = async () => {
    const settled = await settle<BillingKeyAndPayResult>(
      () => request(order, money, redirect && { ...redirect, redirectUrl: new URL(redirect.redirectUrl, location.href).href }),
      (thrown) => {
        const { code, message } = readVendorError(thrown);
        const wrapped = thrown instanceof CheckoutError ? thrown : new CheckoutError('VENDOR_ERROR', message, { cause: thrown, provider: 'portone' });
        return { status: 'fail', provider: 'portone', orderId: order.orderId, amount, currency, code, message, raw: thrown, error: wrapped };
      },
    );
    if (settled.status === 'redirecting' || !alive.current) return;
    setResult(settled);
    const { onSuccess, onFail, onCancel } = handlers.current;
    if (settled.status === 'success') onSuccess?.(settled);
    else if (settled.status === 'fail') onFail?.(settled);
    else onCancel?.(settled);
  };

  const failure = error ? (messages.errors[error.code] ?? messages.errors[error.vendorCode ?? ''] ?? messages.errorFallback) : null;
  return (
    <>
      <ActionButton
        part="billing-key-and-pay-button"
        state={status}
        propError={propError}
        errorLead={messages.invalidOrder}
        allowed
        onAction={onAction}
        asChild={asChild}
        {...rest}
        ref={ref}
      >
        {children ?? (status === 'pending' ? messages.pending : messages.pay(amount, currency))}
      </ActionButton>
      {status === 'loading' ? <span role="status">{messages.loading}</span> : null}
      {failure && !propError ? (
        <span role="alert" data-kcheckout="error" data-code={error!.code}>
          {messages.errorTitle} {failure}{' '}
          <button type="button" onClick={retry}>
            {messages.retry}
          </button>
        </span>
      ) : result && result.status !== 'redirecting' ? (
        <span role="status" data-result={result.status}>
          {messages[result.status]}
        </span>
      ) : null}
    </>
  );
});

// Render reads no window: a relative redirectUrl is checked against a placeholder origin (the same
// on the server and in the browser); the click resolves it against the page.
function absolute(url: string): string {
  try {
    return new URL(url, 'https://render.invalid/').href;
  } catch {
    return url;
  }
}
