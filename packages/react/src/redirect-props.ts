import type { CheckoutRedirect } from '@kcheckout/core';

/** Vendors need absolute URLs; resolve relative ones against the page at click time. */
export function absoluteRedirect(redirect: CheckoutRedirect): CheckoutRedirect {
  const absolute = (url: string | undefined) => (url ? new URL(url, location.href).href : undefined);
  return {
    ...redirect,
    successUrl: absolute(redirect.successUrl),
    failUrl: absolute(redirect.failUrl),
    redirectUrl: absolute(redirect.redirectUrl),
  };
}
