'use client';

import { parseIdentityVerificationRedirect } from '@kcheckout/core';
import { vendorRedirectResultHook, type VendorRedirectResultOptions } from './use-redirect-result.js';

// A Client Component module of its own, as portone-redirect-result.ts: the hook is made by calling a
// client function at module level, which the entry (importable from Server Components) must not do.

/**
 * The return page of an identity verification (본인인증) in redirect mode, as a hook: the store
 * behind `useRedirectResult`, reading PortOne identity-verification redirects only
 * (`parseIdentityVerificationRedirect`). A payment's result is `idle` here. `confirm` receives the
 * result with `identityVerificationId`: send it to your server, which looks it up
 * (`verifyPortOneIdentity`) and trusts only `VERIFIED`. It runs once per verification, under
 * StrictMode and across reloads.
 *
 * ```tsx
 * const { state } = useIdentityVerificationResult({ confirm: (result) => postJson('/api/identity', { id: result.identityVerificationId }) });
 * ```
 */
export const useIdentityVerificationResult = /* @__PURE__ */ vendorRedirectResultHook<'portone'>(parseIdentityVerificationRedirect);
export type UseIdentityVerificationResultOptions<T = unknown> = VendorRedirectResultOptions<'portone', T>;
