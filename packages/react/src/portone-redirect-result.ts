'use client';

import { parsePortOneRedirect } from '@kcheckout/core';
import { vendorRedirectResult, type VendorRedirectResultProps } from './redirect-result.js';
import { vendorRedirectResultHook, type VendorRedirectResultOptions } from './use-redirect-result.js';

// The `@kcheckout/react/portone` entry's hook and component, in a Client Component module of their own:
// they are made by calling client functions at module level, which the entry (importable from
// Server Components) must not do. Written here, not added by the build, because this module
// imports no React itself (scripts/build-package.mjs).

/** `useRedirectResult` reading PortOne V2 redirects only (`parsePortOneRedirect`); see the root entry's. */
export const useRedirectResult = /* @__PURE__ */ vendorRedirectResultHook<'portone'>(parsePortOneRedirect);
export type UseRedirectResultOptions<T = unknown> = VendorRedirectResultOptions<'portone', T>;
/** `<RedirectResult>` reading PortOne V2 redirects only (`parsePortOneRedirect`); see the root entry's. */
export const RedirectResult = /* @__PURE__ */ vendorRedirectResult<'portone'>(parsePortOneRedirect);
export type RedirectResultProps<T = unknown> = VendorRedirectResultProps<'portone', T>;
