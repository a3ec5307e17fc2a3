'use client';

import { parseTossRedirect } from '@kcheckout/core';
import { vendorRedirectResult, type VendorRedirectResultProps } from './redirect-result.js';
import { vendorRedirectResultHook, type VendorRedirectResultOptions } from './use-redirect-result.js';

// The `@kcheckout/react/toss` entry's hook and component, in a Client Component module of their own:
// they are made by calling client functions at module level, which the entry (importable from
// Server Components) must not do. Written here, not added by the build, because this module
// imports no React itself (scripts/build-package.mjs).

/** `useRedirectResult` reading Toss redirects only (`parseTossRedirect`); see the root entry's. */
export const useRedirectResult = /* @__PURE__ */ vendorRedirectResultHook<'toss'>(parseTossRedirect);
export type UseRedirectResultOptions<T = unknown> = VendorRedirectResultOptions<'toss', T>;
/** `<RedirectResult>` reading Toss redirects only (`parseTossRedirect`); see the root entry's. */
export const RedirectResult = /* @__PURE__ */ vendorRedirectResult<'toss'>(parseTossRedirect);
export type RedirectResultProps<T = unknown> = VendorRedirectResultProps<'toss', T>;
