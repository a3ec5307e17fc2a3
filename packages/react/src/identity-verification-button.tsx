import {
  checkIdentityVerificationInput,
  createOrderId,
  type IdentityVerificationCustomer,
  type IdentityVerificationResult,
  type PortOneRedirect,
  type PortOneV2Options,
} from '@kcheckout/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react';
import { ActionButton } from './action-button.js';
import { buyerText } from './checkout-error-notice.js';
import { koIdentity, type IdentityVerificationMessages } from './messages.js';
import { useIdentityVerification } from './use-identity-verification.js';
import { useLatest } from './use-latest.js';

export type IdentityVerified = Extract<IdentityVerificationResult, { status: 'success' }>;
export type IdentityVerificationFailed = Extract<IdentityVerificationResult, { status: 'fail' }>;
export type IdentityVerificationCancelled = Extract<IdentityVerificationResult, { status: 'cancel' }>;

export interface IdentityVerificationButtonProps extends PortOneV2Options, Omit<ComponentPropsWithoutRef<'button'>, 'children'> {
  /** Your id for the attempt (6–64 of `A–Z a–z 0–9 - _`); a fresh `identity_…` id per press when left out. */
  identityVerificationId?: string | undefined;
  /** What you already know of the person; the window fills it in. */
  customer?: IdentityVerificationCustomer | undefined;
  customData?: string | Record<string, unknown> | undefined;
  /** Redirect mode: the result arrives on this page's query (read it with <IdentityVerificationResult>, not the payment <RedirectResult>). */
  redirectUrl?: string | undefined;
  windowType?: PortOneRedirect['windowType'];
  forceRedirect?: boolean | undefined;
  /**
   * The window finished. Send `identityVerificationId` to your server, which looks it up with its
   * API secret (`verifyPortOneIdentity` in @kcheckout/server) and trusts only `VERIFIED`.
   */
  onVerified?: (result: IdentityVerified) => void;
  onFail?: (result: IdentityVerificationFailed) => void;
  onCancel?: (result: IdentityVerificationCancelled) => void;
  /** `koIdentity` (default) or `enIdentity`, or `ko` / `en`. */
  messages?: IdentityVerificationMessages | undefined;
  asChild?: boolean | undefined;
  /** Defaults to "본인인증하기". */
  children?: ReactNode;
}

/**
 * PortOne V2 identity verification (본인인증) before sign-up or adult goods:
 * `PortOne.requestIdentityVerification` behind one button. It needs no <Checkout> (nothing is paid).
 *
 * `data-state`: `loading | ready | error | pending`, and `data-result` (`success | fail | cancel`)
 * after the last attempt.
 */
export const IdentityVerificationButton = forwardRef<HTMLButtonElement, IdentityVerificationButtonProps>(function IdentityVerificationButton(
  {
    storeId, channelKey, scriptSrc, nonce, timeoutMs, retries,
    identityVerificationId, customer, customData, redirectUrl, windowType, forceRedirect,
    onVerified, onFail, onCancel, messages: text = koIdentity, asChild, children, ...rest
  },
  ref,
) {
  const identity = useIdentityVerification({ storeId, channelKey, scriptSrc, nonce, timeoutMs, retries });
  const handlers = useLatest({ onVerified, onFail, onCancel });
  const { result } = identity;
  const redirect = redirectUrl === undefined ? undefined : { redirectUrl, windowType, forceRedirect };

  const request = async () => {
    const id = identityVerificationId ?? createOrderId('identity');
    const outcome = await identity.requestIdentityVerification({ identityVerificationId: id, customer, customData }, redirect);
    const { onVerified, onFail, onCancel } = handlers.current;
    if (outcome.status === 'success') onVerified?.(outcome);
    else if (outcome.status === 'fail') onFail?.(outcome);
    else if (outcome.status === 'cancel') onCancel?.(outcome);
  };

  // Checked on every render, so the error goes as soon as the props are fixed.
  const propError = checkIdentityVerificationInput({ ...(identityVerificationId === undefined ? {} : { identityVerificationId }), customer, customData }, redirect);
  const label = identity.status === 'pending' ? text.verifyingIdentity : result?.status === 'success' ? text.identityVerified : text.verifyIdentity;
  return (
    <ActionButton
      part="identity-verification-button"
      state={identity.status}
      propError={propError ?? identity.error}
      errorLead={propError ? text.identityInvalid : identity.error ? buyerText(identity.error, text) : ''}
      allowed={identity.canVerify}
      onAction={request}
      asChild={asChild}
      data-result={result?.status === 'redirecting' ? undefined : result?.status}
      {...rest}
      ref={ref}
    >
      {children ?? label}
    </ActionButton>
  );
});
