'use client';

import { parsePortOneRedirect } from '@kcheckout/core';
import { koRedirectPortOne } from './messages.js';
import { vendorRedirectResult, type VendorRedirectResultProps } from './redirect-result.js';
import { vendorRedirectResultHook, type VendorRedirectResultOptions } from './use-redirect-result.js';

// The `@kcheckout/react/portone` entry's hook and component, in a Client Component module of their own:
// they are made by calling client functions at module level, which the entry (importable from
// Server Components) must not do. Written here, not added by the build, because this module
// imports no React itself (scripts/build-package.mjs).

/** `useRedirectResult` reading PortOne V2 redirects only (`parsePortOneRedirect`); see the root entry's. */
export const useRedirectResult = /* @__PURE__ */ vendorRedirectResultHook<'portone'>(parsePortOneRedirect);
export type UseRedirectResultOptions<T = unknown> = VendorRedirectResultOptions<'portone', T>;
const PortOneRedirectResult = /* @__PURE__ */ vendorRedirectResult<'portone'>(parsePortOneRedirect);
/**
 * `<RedirectResult>` reading PortOne V2 redirects only (`parsePortOneRedirect`); see the root entry's.
 * Its default table also names a returned identity verification (본인인증), which PortOne sends here too.
 */
export function RedirectResult<T = unknown>(props: RedirectResultProps<T>) {
  return PortOneRedirectResult<T>({ ...props, messages: props.messages ?? koRedirectPortOne });
}
export type RedirectResultProps<T = unknown> = VendorRedirectResultProps<'portone', T>;
