'use client';

// Written here: this module imports no React itself, so the build would not mark it, and a hook
// must be a client reference for Server Components (test/packages/react-server.test.mjs).
import {
  type IdentityVerificationInput,
  type IdentityVerificationResult,
  IdentityVerificationSession,
  type IdentityVerificationState,
  type PortOneRedirect,
  type PortOneV2Options,
} from '@kcheckout/core';
import { useCheckoutStore } from './use-checkout-store.js';

export type UseIdentityVerificationOptions = PortOneV2Options;

export interface UseIdentityVerificationResult extends IdentityVerificationState {
  /**
   * `PortOne.requestIdentityVerification`. Failures are results (`fail` / `cancel`), never
   * rejections; a double click makes one request. `success` only means the window finished: send
   * `identityVerificationId` to your server, which looks it up and trusts only `VERIFIED`.
   */
  requestIdentityVerification: (input: IdentityVerificationInput, redirect?: PortOneRedirect) => Promise<IdentityVerificationResult>;
  retry: () => void;
}

/**
 * PortOne V2 identity verification (본인인증) as a hook: the V2 script loads once per page (the same
 * one `usePortOne` loads), bad options become `status: 'error'` before any vendor call, and one
 * verification runs at a time. The state is derived in core (`IdentityVerificationSession`).
 *
 * ```tsx
 * const identity = useIdentityVerification({ storeId, channelKey });
 * <button disabled={!identity.canVerify} onClick={() => identity.requestIdentityVerification({ identityVerificationId: createOrderId('identity') })}>
 * ```
 * @see https://developers.portone.io/opi/ko/extra/identity-verification/readme-v2
 */
export function useIdentityVerification(options: UseIdentityVerificationOptions): UseIdentityVerificationResult {
  const [session, state] = useCheckoutStore(() => new IdentityVerificationSession(options), options);
  return { ...state, requestIdentityVerification: session.verify, retry: session.retry };
}
