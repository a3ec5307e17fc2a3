import { type BillingKeyResult, billingKeyMethodOf, CheckoutError, type PortOneBillingKeyIssue, readVendorError, type TossBillingAuthResult } from '@kcheckout/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react';
import { ActionButton, settle } from './action-button.js';
import { useLatest } from './use-latest.js';
import { type BillingMethod, type CheckoutRedirect, useCheckoutContext } from './checkout-context.js';
import { absoluteRedirect } from './redirect-props.js';

export type BillingKeyIssued = Extract<BillingKeyResult, { status: 'success' }>;
/** PortOne's failure, or Toss's (`provider: 'toss'`): the registration window refused or failed. */
export type BillingKeyFailed = Extract<BillingKeyResult | TossBillingAuthResult, { status: 'fail' }>;
export type BillingKeyCancelled = Extract<BillingKeyResult | TossBillingAuthResult, { status: 'cancel' }>;

export interface BillingKeyButtonProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children'> {
  /** What the key is for: `issueName` ('월간 구독'), `customerId`, an `issueId` of yours, `displayAmount`. */
  issue?: PortOneBillingKeyIssue | undefined;
  /**
   * PortOne: card, easy pay or phone; Toss: card or transfer. Defaults to the method picked in
   * <PaymentMethods>, or card when none is picked; while the buyer has picked a method the vendor
   * cannot register (PortOne: a transfer or virtual account), the button stays disabled.
   */
  method?: BillingMethod | undefined;
  /**
   * Redirect mode, as on <CheckoutButton>: the result arrives on this page's query instead. Toss
   * billing has no other mode: it needs this URL, where `<BillingAuthResult>` reads the result.
   */
  redirectUrl?: string | undefined;
  windowType?: CheckoutRedirect['windowType'] | undefined;
  forceRedirect?: boolean | undefined;
  /**
   * PortOne issued a billing key. Send `billingKey` to your server, which looks it up with its API
   * secret before storing it and charges it later; the browser never charges.
   */
  onIssued?: (result: BillingKeyIssued) => void;
  onFail?: (result: BillingKeyFailed) => void;
  onCancel?: (result: BillingKeyCancelled) => void;
  asChild?: boolean | undefined;
  /** Defaults to "결제수단 등록하기". */
  children?: ReactNode;
}

/**
 * Issues a PortOne V2 billing key (빌링키) for subscriptions: `PortOne.requestIssueBillingKey`
 * inside `<Checkout provider="portone">`. Nothing is charged here.
 *
 * `data-state`: `loading | ready | error | pending`, as on <CheckoutButton>.
 */
export const BillingKeyButton = forwardRef<HTMLButtonElement, BillingKeyButtonProps>(function BillingKeyButton(
  { issue = {}, method, redirectUrl, windowType, forceRedirect, onIssued, onFail, onCancel, asChild, children, ...rest },
  ref,
) {
  const checkout = useCheckoutContext('BillingKeyButton');
  const { issueBillingKey, billingMethodOf, choice, messages: text, provider } = checkout;
  if (!issueBillingKey || !choice) {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `<BillingKeyButton>은 <Checkout provider="portone"> 또는 <TossBillingCheckout> 안에서만 쓸 수 있습니다 (지금은 "${provider}"). ` +
          `<BillingKeyButton> works only inside <Checkout provider="portone"> or <TossBillingCheckout> (got "${provider}"): billing is a PortOne V2 and Toss feature.`
        : '',
      { provider },
    );
  }
  const redirect = { redirectUrl, windowType, forceRedirect };
  // The root's rule for which picked method registers; PortOne's root leaves it to the default.
  const chosen = method ?? (billingMethodOf ?? billingKeyMethodOf)(choice.selected);
  const allowed = chosen !== null && (!choice.agreementShown || choice.agreed);
  const propError = checkBillingProps(checkout.checkRedirect, redirect);
  const handlers = useLatest({ onIssued, onFail, onCancel });

  const request = async () => {
    const result = await settle<BillingKeyResult | TossBillingAuthResult>(
      () => issueBillingKey(issue, chosen!, absoluteRedirect(redirect)),
      (error) => {
        const { code, message } = readVendorError(error);
        const wrapped = error instanceof CheckoutError ? error : new CheckoutError('VENDOR_ERROR', message, { cause: error, provider });
        return { status: 'fail', provider, code, message, raw: error, error: wrapped } as BillingKeyFailed;
      },
    );
    const { onIssued, onFail, onCancel } = handlers.current;
    if (result.status === 'success') onIssued?.(result);
    else if (result.status === 'fail') onFail?.(result);
    else if (result.status === 'cancel') onCancel?.(result);
  };

  return (
    <ActionButton
      part="billing-key-button"
      state={checkout.state}
      propError={propError}
      errorLead={text.invalidOrder}
      allowed={allowed}
      onAction={request}
      asChild={asChild}
      {...rest}
      ref={ref}
    >
      {children ?? (checkout.state === 'pending' ? text.issuing : text.issueBillingKey)}
    </ActionButton>
  );
});

/** The root's own redirect rule (PortOne's `checkMethodRedirect`, Toss's `checkTossRedirect`). */
function checkBillingProps(check: (redirect: CheckoutRedirect) => void, redirect: CheckoutRedirect): CheckoutError | null {
  try {
    check(redirect);
    return null;
  } catch (error) {
    return error as CheckoutError;
  }
}
