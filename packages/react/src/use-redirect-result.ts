import {
  type CheckoutError,
  type ConfirmableRedirect,
  createRedirectResult,
  type ParsedRedirect,
  parseRedirect,
  type Provider,
  type RedirectInput,
  type RedirectParser,
  type RedirectResultState,
  type RedirectState,
} from '@kcheckout/core';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useLatest } from './use-latest.js';

export type { ConfirmableRedirect, RedirectParser, RedirectState } from '@kcheckout/core';

export interface UseRedirectResultOptions<T = unknown> {
  /**
   * The redirect's query: a URL or query string, `URLSearchParams`, or Next.js `searchParams` (a
   * record; await it first in Next.js 15). Leave it out on a plain client page: `location.search`
   * is then read once, after mount. `null` or `''` means no payment result (`idle`).
   */
  search?: RedirectInput | null | undefined;
  /**
   * The vendor this page is the return address of; detected from the query when left out (then a
   * query with keys of two vendors is `invalid` / `AMBIGUOUS_PROVIDER`). The `/toss`, `/portone`
   * and `/iamport` entries read only their own vendor and accept only its name here.
   */
  provider?: Provider;
  /**
   * Your call to your own server, which confirms (Toss) or looks up (PortOne, iamport) the payment
   * and compares the amount with its own order. It runs once per payment, under StrictMode and
   * across reloads and back-navigation; a rejection shows `fail` with `retry` (none when what it
   * threw says `retryable: false`). What it resolves becomes `outcome`; keep it JSON-serialisable so
   * a reload can show it again.
   */
  confirm: (result: ConfirmableRedirect) => Promise<T> | T;
  /**
   * Toss only: the order's amount. A redirect with another `amount` is `invalid` /
   * `AMOUNT_MISMATCH` and never confirmed. Left out, the amount `<CheckoutButton>` remembered for
   * the order (`recallOrder`) is used, when this tab has it. Pass it from the first render.
   */
  expectedAmount?: number | undefined;
}

/**
 * The options of `useRedirectResult` from a one-vendor entry (`/toss`, `/portone`, `/iamport`):
 * the root's, with `provider` optional and limited to that vendor (`P`), whose redirects alone it reads.
 */
export type VendorRedirectResultOptions<P extends Provider, T = unknown> = Omit<UseRedirectResultOptions<T>, 'provider'> & {
  provider?: P;
};

export interface UseRedirectResultValue<T = unknown> {
  state: RedirectState;
  /** The parsed query (after the amount check), or `null` while `pending` without `search` and when `idle`. */
  result: ParsedRedirect | null;
  /** Why `confirm` failed (state `fail`); `null` otherwise. The vendor's own failure is `result.code` / `result.message`. */
  error: CheckoutError | null;
  /**
   * What `confirm` resolved, in state `success`. After a reload it comes back from sessionStorage,
   * which the buyer can edit: show it, never treat it as proof of payment.
   */
  outcome: T | undefined;
  /** `pending` because an earlier visit started `confirm` and left before it finished. Offer `retry`. */
  interrupted: boolean;
  /**
   * Calls `confirm` again, after it was interrupted or failed; not after a failure whose thrown value
   * says `retryable: false` (your server's answer when asking again cannot help). Does nothing in
   * other states.
   */
  retry: () => void;
}

/**
 * The return page of a redirect-mode payment (Toss `successUrl` / `failUrl`, PortOne V2
 * `redirectUrl`, iamport `m_redirect_url`) as a hook: it reads the query, checks the amount, and
 * calls your `confirm` exactly once per payment.
 *
 * Confirm-once (the core's `createRedirectResult`, which this hook binds): a module-level map shares
 * a running confirm within the page load (StrictMode), and a sessionStorage marker per payment
 * (`paymentMarkerKey`) records `started` and `done` across reloads and back-navigation. A marker left `started` by a visit that ended mid-confirm is not
 * retried by itself: the state is `pending` with `interrupted`, and `retry` asks again (your
 * server must answer a repeat by looking the payment up).
 *
 * From `@kcheckout/react` it reads every vendor's redirect (`parseRedirect`, with `provider` or
 * detection); from `/toss`, `/portone` or `/iamport` only that vendor's (`parseTossRedirect`, …):
 * there another vendor's query is `idle`, and one mixing both vendors' keys is `invalid`.
 *
 * ```tsx
 * const { state, result, retry } = useRedirectResult({
 *   confirm: (result) => fetch('/api/payments/confirm', { method: 'POST', body: JSON.stringify(result) }).then(ok),
 * });
 * ```
 */
export function useRedirectResult<T = unknown>(options: UseRedirectResultOptions<T>): UseRedirectResultValue<T> {
  return useRedirectResultWith(parseRedirect, options);
}

/**
 * `useRedirectResult` bound to one vendor's parser (`parseTossRedirect`, …), as `/toss`, `/portone`
 * and `/iamport` export it: there another vendor's query is `idle`, and one that mixes its keys with
 * this vendor's is `invalid`. Otherwise it is the root entry's `useRedirectResult`.
 */
export function vendorRedirectResultHook<P extends Provider>(parse: RedirectParser) {
  return function useRedirectResult<T = unknown>(options: VendorRedirectResultOptions<P, T>): UseRedirectResultValue<T> {
    return useRedirectResultWith(parse, options);
  };
}

/**
 * The one implementation behind every entry's `useRedirectResult` and `<RedirectResult>`: it binds
 * the core's store (`createRedirectResult`), one per query and expected amount. `parse` must be the
 * same function on every render (each entry passes a module-level parser). The value also carries
 * the store's `canRetry`, which `<RedirectResult>` reads.
 */
export function useRedirectResultWith<T = unknown>(
  parse: RedirectParser,
  options: UseRedirectResultOptions<T>,
): UseRedirectResultValue<T> & RedirectResultState<T> {
  const { search, provider, expectedAmount } = options;
  const confirm = useLatest(options.confirm);
  // Pure and bounded, so the server and the first client render agree on it.
  const input = search === undefined ? `location:${provider ?? ''}` : JSON.stringify(parse(search, provider && { provider }));
  // `confirm` is read from a ref when it runs, so a new function each render changes nothing.
  const store = useMemo(
    () => createRedirectResult<T>({ parse, search, provider, expectedAmount, confirm: (result) => confirm.current(result) }),
    [input, expectedAmount],
  );
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getInitialState);
  useEffect(store.mount, [store]);
  return { ...state, retry: store.retry };
}
