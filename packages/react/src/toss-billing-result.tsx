import { parseTossBillingRedirect } from '@kcheckout/core';
import { koBillingAuth } from './messages.js';
import { vendorRedirectResult, type VendorRedirectResultProps } from './redirect-result.js';
import { vendorRedirectResultHook, type VendorRedirectResultOptions } from './use-redirect-result.js';

// The Toss billing result page's hook and component, from `@kcheckout/react/toss` only: they bind the
// same redirect store as <RedirectResult> to the billing reader (authKey + customerKey), so payment
// result pages carry none of it.

/**
 * The Toss billing redirect (`authKey`, `customerKey`), with `confirm` called once per `authKey`
 * through reloads and StrictMode: there, ask your server to issue the billing key
 * (`issueTossBillingKey`) for its own signed-in customer.
 */
export const useBillingAuthResult = /* @__PURE__ */ vendorRedirectResultHook<'toss'>(parseTossBillingRedirect);
export type UseBillingAuthResultOptions<T = unknown> = VendorRedirectResultOptions<'toss', T>;
export type BillingAuthResultProps<T = unknown> = VendorRedirectResultProps<'toss', T>;

const BillingRedirectResult = /* @__PURE__ */ vendorRedirectResult<'toss'>(parseTossBillingRedirect);

/**
 * `<RedirectResult>` for the Toss billing redirect: the same states and render props, in the
 * registration's own words by default (`koBillingAuth`; `enBillingAuth` for English).
 */
export function BillingAuthResult<T = unknown>(props: BillingAuthResultProps<T>) {
  return <BillingRedirectResult<T> {...props} messages={props.messages ?? koBillingAuth} />;
}
