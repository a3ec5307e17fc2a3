import { parseIdentityVerificationRedirect } from '@kcheckout/core';
import { koIdentityResult } from './messages.js';
import { vendorRedirectResult, type VendorRedirectResultProps } from './redirect-result.js';

const IdentityRedirectResult = /* @__PURE__ */ vendorRedirectResult<'portone'>(parseIdentityVerificationRedirect);

export type IdentityVerificationResultProps<T = unknown> = VendorRedirectResultProps<'portone', T>;

/**
 * The page an identity verification (본인인증) returns to in redirect mode (`redirectUrl` of
 * `<IdentityVerificationButton>`): `<RedirectResult>`'s store, states and render props, reading
 * PortOne identity-verification redirects only (`parseIdentityVerificationRedirect`). `confirm`
 * receives the result with `identityVerificationId`: look it up on your server
 * (`verifyPortOneIdentity` in `@kcheckout/server`), which trusts only `VERIFIED`. It runs once per
 * verification; a reload shows the outcome again without asking.
 *
 * The default table is `koIdentityResult` (`enIdentityResult` in English): a payment's result page
 * says none of it, and this one no payment sentence.
 *
 * ```tsx
 * <IdentityVerificationResult confirm={(result) => postJson('/api/identity', { id: result.identityVerificationId })} />
 * ```
 */
export function IdentityVerificationResult<T = unknown>(props: IdentityVerificationResultProps<T>) {
  return <IdentityRedirectResult<T> {...props} messages={props.messages ?? koIdentityResult} />;
}
