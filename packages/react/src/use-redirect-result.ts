import {
  CheckoutError,
  checkRedirectAmount,
  CONFIRM_MARKER_PREFIX,
  type ParsedRedirect,
  parseRedirect,
  paymentMarkerKey,
  type Provider,
  readConfirmMarker,
  recallOrder,
  type RedirectInput,
  clearConfirmMarker,
  writeConfirmMarker,
} from '@kcheckout/core';
import { useCallback, useEffect, useState } from 'react';
import { useLatest } from './use-latest.js';

/**
 * Where the redirect page is:
 * - `idle`: the address has no payment result (someone opened the page directly).
 * - `pending`: not read yet (server render and the first client render, so hydration matches), or
 *   `interrupted`: an earlier visit started confirm and never saw it finish.
 * - `confirming`: your `confirm` is running.
 * - `success`: `confirm` resolved (now, or on an earlier visit of this tab).
 * - `fail`: the vendor reported a failure, or `confirm` threw (then `error` is set and `retry` works).
 * - `cancel`: the buyer cancelled in the payment window.
 * - `invalid`: the query cannot be trusted (`result.code` says why, e.g. `AMOUNT_MISMATCH`).
 */
export type RedirectState = 'idle' | 'pending' | 'confirming' | 'success' | 'fail' | 'cancel' | 'invalid';

/** A redirect that passed every check: the one `confirm` receives. */
export type ConfirmableRedirect = ParsedRedirect & { status: 'success' };

export interface UseRedirectResultOptions<T = unknown> {
  /**
   * The redirect's query: a URL or query string, `URLSearchParams`, or Next.js `searchParams` (a
   * record; await it first in Next.js 15). Leave it out on a plain client page: `location.search`
   * is then read once, after mount. `null` or `''` means no payment result (`idle`).
   */
  search?: RedirectInput | null;
  /**
   * The vendor this page is the return address of; detected from the query when left out (then a
   * query with keys of two vendors is `invalid` / `AMBIGUOUS_PROVIDER`). The `/toss`, `/portone`
   * and `/iamport` entries read only their own vendor and accept only its name here.
   */
  provider?: Provider;
  /**
   * Your call to your own server, which confirms (Toss) or looks up (PortOne, iamport) the payment
   * and compares the amount with its own order. It runs once per payment, under StrictMode and
   * across reloads and back-navigation; a rejection shows `fail` with `retry`. What it resolves
   * becomes `outcome`; keep it JSON-serialisable so a reload can show it again.
   */
  confirm: (result: ConfirmableRedirect) => Promise<T> | T;
  /**
   * Toss only: the order's amount. A redirect with another `amount` is `invalid` /
   * `AMOUNT_MISMATCH` and never confirmed. Left out, the amount `<CheckoutButton>` remembered for
   * the order (`recallOrder`) is used, when this tab has it. Pass it from the first render.
   */
  expectedAmount?: number;
}

/**
 * The options of `useRedirectResult` from a one-vendor entry (`/toss`, `/portone`, `/iamport`):
 * the root's, with `provider` optional and limited to that vendor (`P`), whose redirects alone it reads.
 */
export type VendorRedirectResultOptions<P extends Provider, T = unknown> = Omit<UseRedirectResultOptions<T>, 'provider'> & {
  provider?: P;
};

/**
 * How an entry reads the query: `parseRedirect` (root entry: every vendor, detected) or one vendor's
 * parser (`parseTossRedirect`, …, which ignores `options`). Each entry passes its own, so a bundle
 * for one vendor carries no other vendor's redirect rules.
 */
export type RedirectParser = (input: RedirectInput | null | undefined, options?: { provider?: Provider }) => ParsedRedirect | null;

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
  /** Calls `confirm` again, after it failed or was interrupted. Does nothing in other states. */
  retry: () => void;
}

// Confirm promises of this page load, per payment marker key. StrictMode's second effect, and a
// second hook on the same payment, join the running call instead of starting another one. An entry
// stays after success only when sessionStorage could not record it (step 4 of confirm-once.ts).
const running = new Map<string, Promise<unknown>>();

interface Snapshot<T> {
  /** The input this snapshot answers; another input shows its own initial state. */
  input: string;
  state: RedirectState;
  result: ParsedRedirect | null;
  error: CheckoutError | null;
  outcome: T | undefined;
  interrupted: boolean;
}

/**
 * The return page of a redirect-mode payment (Toss `successUrl` / `failUrl`, PortOne V2
 * `redirectUrl`, iamport `m_redirect_url`) as a hook: it reads the query, checks the amount, and
 * calls your `confirm` exactly once per payment.
 *
 * Confirm-once: a module-level map shares a running confirm within the page load (StrictMode), and
 * a sessionStorage marker per payment (`paymentMarkerKey`) records `started` and `done` across
 * reloads and back-navigation. A marker left `started` by a visit that ended mid-confirm is not
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
 * The one implementation behind every entry's `useRedirectResult` and `<RedirectResult>`. `parse`
 * must be the same function on every render (each entry passes a module-level parser).
 */
export function useRedirectResultWith<T = unknown>(parse: RedirectParser, options: UseRedirectResultOptions<T>): UseRedirectResultValue<T> {
  const { search, provider, expectedAmount } = options;
  const confirmRef = useLatest(options.confirm);
  const given = search !== undefined;
  // Pure and bounded, so the server and the first client render agree on it.
  const parsedGiven = given ? parse(search, provider ? { provider } : undefined) : null;
  const input = given ? `search:${JSON.stringify(parsedGiven)}` : `location:${provider ?? ''}`;

  const [snapshot, setSnapshot] = useState<Snapshot<T> | null>(null);
  const [retryOf, setRetryOf] = useState<{ input: string; count: number }>({ input: '', count: 0 });
  const forced = retryOf.input === input ? retryOf.count : 0;

  useEffect(() => {
    let active = true;
    const show = (next: Omit<Snapshot<T>, 'input' | 'error' | 'outcome' | 'interrupted'> & Partial<Snapshot<T>>) => {
      if (active) setSnapshot({ error: null, outcome: undefined, interrupted: false, ...next, input });
    };
    const parsed = given ? parsedGiven : parse(window.location.search, provider ? { provider } : undefined);
    if (!parsed) {
      show({ state: 'idle', result: null });
      return;
    }
    const result = parsed.status === 'success' ? checkRedirectAmount(parsed, expectedAmount ?? recallOrder(parsed.orderId)) : parsed;
    if (result.status !== 'success') {
      show({ state: result.status, result });
      return;
    }
    const confirmable = result as ConfirmableRedirect;
    const key = paymentMarkerKey(confirmable) ?? `${CONFIRM_MARKER_PREFIX}result:${JSON.stringify(confirmable)}`;

    let call = running.get(key) as Promise<T> | undefined;
    if (!call) {
      const marker = readConfirmMarker(key);
      if (marker?.state === 'done') {
        show({ state: 'success', result, outcome: marker.outcome as T | undefined });
        return;
      }
      if (marker?.state === 'started' && forced === 0) {
        show({ state: 'pending', result, interrupted: true });
        return;
      }
      call = startConfirm(key, () => confirmRef.current(confirmable));
    }
    show({ state: 'confirming', result });
    call.then(
      (outcome) => show({ state: 'success', result, outcome }),
      (error: unknown) => show({ state: 'fail', result, error: confirmError(error, confirmable.provider) }),
    );
    return () => {
      active = false;
    };
    // `search` is represented by `input`; `confirm` is read from a ref, so a new function each render changes nothing.
  }, [input, expectedAmount, forced]);

  const current = snapshot?.input === input ? snapshot : null;
  const view: Omit<Snapshot<T>, 'input'> = current ?? initialView<T>(given, parsedGiven);
  const retryable = (view.state === 'fail' && view.error !== null) || (view.state === 'pending' && view.interrupted);
  const retry = useCallback(() => {
    if (retryable) setRetryOf((previous) => ({ input, count: (previous.input === input ? previous.count : 0) + 1 }));
  }, [retryable, input]);

  return { state: view.state, result: view.result, error: view.error, outcome: view.outcome, interrupted: view.interrupted, retry };
}

/** What the server and the first client render show: nothing here may read storage or `location`. */
function initialView<T>(given: boolean, parsed: ParsedRedirect | null): Omit<Snapshot<T>, 'input'> {
  const base = { error: null, outcome: undefined, interrupted: false };
  if (!given) return { ...base, state: 'pending', result: null };
  if (!parsed) return { ...base, state: 'idle', result: null };
  // A success still needs the amount check and the marker, which live in sessionStorage.
  return { ...base, state: parsed.status === 'success' ? 'pending' : parsed.status, result: parsed };
}

/** Calls confirm once for `key` and keeps the markers in step with it. */
function startConfirm<T>(key: string, confirm: () => Promise<T> | T): Promise<T> {
  writeConfirmMarker(key, 'started');
  // The executor runs now, so the merchant's request starts in this task; a synchronous throw rejects.
  const call = new Promise<T>((resolve) => resolve(confirm()));
  running.set(key, call);
  call.then(
    (outcome) => {
      // Without storage, the settled promise is this page load's only record of the payment.
      if (writeConfirmMarker(key, 'done', outcome)) running.delete(key);
    },
    () => {
      clearConfirmMarker(key);
      running.delete(key);
    },
  );
  return call;
}

function confirmError(error: unknown, provider: Provider): CheckoutError {
  if (error instanceof CheckoutError) return error;
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const vendorCode = error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : undefined;
  return new CheckoutError(
    'CONFIRM_FAILED',
    __DEV__
      ? `결제 승인(confirm) 요청이 실패했습니다${detail ? `: ${detail}` : '.'} 다시 시도해 주세요. ` +
        `The confirm call failed${detail ? `: ${detail}` : '.'} Try again; your server must answer a repeat by looking the payment up.`
      : '',
    { provider, cause: error, ...(vendorCode ? { vendorCode } : {}) },
  );
}
