import { clearConfirmMarker, CONFIRM_MARKER_PREFIX, paymentMarkerKey, readConfirmMarker, writeConfirmMarker } from './confirm-once.js';
import { CheckoutError, type Provider } from '../errors.js';
import type { ParsedRedirect } from './parsed-redirect.js';
import { checkRedirectAmount, recallOrder } from './pending-orders.js';
import type { RedirectInput } from './redirect-query.js';

// The return page of a redirect-mode payment, without a renderer: it reads the query, checks the
// amount, and runs the confirm-once protocol of confirm-once.ts. A binding (useRedirectResult)
// subscribes to it and renders; every state and rule is decided here.

/**
 * Where the redirect page is:
 * - `idle`: the address has no payment result (someone opened the page directly).
 * - `pending`: not read yet (server render and the first client render, so hydration matches), or
 *   `interrupted`: an earlier visit started confirm and never saw it finish.
 * - `confirming`: the merchant's `confirm` is running.
 * - `success`: `confirm` resolved (now, or on an earlier visit of this tab).
 * - `fail`: the vendor reported a failure, or `confirm` threw (then `error` is set).
 * - `cancel`: the buyer cancelled in the payment window.
 * - `invalid`: the query cannot be trusted (`result.code` says why, e.g. `AMOUNT_MISMATCH`).
 */
export type RedirectState = 'idle' | 'pending' | 'confirming' | 'success' | 'fail' | 'cancel' | 'invalid';

/** A redirect that passed every check: the one `confirm` receives. */
export type ConfirmableRedirect = ParsedRedirect & { status: 'success' };

/**
 * How a page reads the query: `parseRedirect` (every vendor, detected) or one vendor's parser
 * (`parseTossRedirect`, …, which ignores `options`).
 */
export type RedirectParser = (input: RedirectInput | null | undefined, options?: { provider?: Provider }) => ParsedRedirect | null;

export interface RedirectResultOptions<T = unknown> {
  /** The page's parser; a one-vendor page passes its vendor's, so it bundles no other vendor's rules. */
  parse: RedirectParser;
  /** The query. Left `undefined`, `location.search` is read by `mount()`, never before. */
  search?: RedirectInput | null | undefined;
  /** Passed on to `parse`. */
  provider?: Provider;
  /** Toss: the order's amount; left out, the amount `rememberOrder` stored for the order. */
  expectedAmount?: number | undefined;
  /** The merchant's confirm (Toss) or lookup (PortOne, iamport) on its own server. */
  confirm: (result: ConfirmableRedirect) => Promise<T> | T;
}

export interface RedirectResultState<T = unknown> {
  state: RedirectState;
  /** The parsed query, after the amount check; `null` when `idle` and before `location` is read. */
  result: ParsedRedirect | null;
  /** Why `confirm` failed (state `fail`); `null` otherwise, also for the vendor's own failure. */
  error: CheckoutError | null;
  /** What `confirm` resolved (`success`); after a reload read back from sessionStorage: display only. */
  outcome: T | undefined;
  /** `pending` because an earlier visit started `confirm` and left before it settled. */
  interrupted: boolean;
  /**
   * Whether `retry()` asks again: after an interrupted confirm, and after a failed one unless what
   * it threw says `retryable: false` (the confirm handler's answer for, e.g., a refunded payment).
   */
  canRetry: boolean;
}

export interface RedirectResultStore<T = unknown> {
  getState(): RedirectResultState<T>;
  /** What the server renders, and the client's first render: decided by the `search` option alone. */
  getInitialState(): RedirectResultState<T>;
  subscribe(listener: () => void): () => void;
  /** Reads `location` and storage, and calls `confirm` when the protocol says so; returns the cleanup. */
  mount(): () => void;
  /** Calls `confirm` again when `canRetry`; does nothing otherwise. */
  retry(): void;
}

// Confirm calls of this page load, per marker key: StrictMode's second mount, and a second store on
// the same payment, join the running call (step 2 of confirm-once.ts). An entry stays after success
// only when sessionStorage could not record it (step 4).
const running = new Map<string, Promise<unknown>>();

/** A store for one query: a page whose query or expected amount changes makes a new one. */
export function createRedirectResult<T = unknown>(options: RedirectResultOptions<T>): RedirectResultStore<T> {
  const { parse, search, provider, expectedAmount, confirm } = options;
  const read = (input: RedirectInput | null | undefined) => parse(input, provider && { provider });
  const given = search !== undefined;
  const parsed = given ? read(search) : null;
  // A success still needs the amount check and the marker, which live in sessionStorage.
  const initial = view<T>(!given || parsed?.status === 'success' ? 'pending' : (parsed?.status ?? 'idle'), parsed);
  const listeners = new Set<() => void>();
  let current = initial;
  // Each start() owns the state until the next one, or the cleanup: a call settling later is ignored.
  let run = 0;

  function start(forced: boolean): void {
    const token = ++run;
    const show = (state: RedirectState, result: ParsedRedirect | null, more?: Partial<RedirectResultState<T>>) => {
      if (token !== run) return;
      current = { ...view<T>(state, result), ...more };
      listeners.forEach((listener) => listener());
    };
    const found = given ? parsed : read(window.location.search);
    if (!found) return show('idle', null);
    const result = found.status === 'success' ? checkRedirectAmount(found, expectedAmount ?? recallOrder(found.orderId)) : found;
    if (result.status !== 'success') return show(result.status, result);
    const confirmable = result as ConfirmableRedirect;
    const key = paymentMarkerKey(confirmable) ?? `${CONFIRM_MARKER_PREFIX}result:${JSON.stringify(confirmable)}`;
    let call = running.get(key) as Promise<T> | undefined;
    if (!call) {
      const marker = readConfirmMarker(key);
      if (marker?.state === 'done') return show('success', result, { outcome: marker.outcome as T | undefined });
      // Not retried by itself: the buyer asks, and the server answers a repeat by looking the payment up.
      if (marker?.state === 'started' && !forced) return show('pending', result, { interrupted: true, canRetry: true });
      call = startConfirm(key, () => confirm(confirmable));
    }
    show('confirming', result);
    call.then(
      (outcome) => show('success', result, { outcome }),
      (thrown: unknown) => {
        const error = confirmError(thrown, confirmable.provider);
        show('fail', result, { error, canRetry: (error.cause as { retryable?: unknown } | null | undefined)?.retryable !== false });
      },
    );
  }

  return {
    getState: () => current,
    getInitialState: () => initial,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    mount() {
      start(false);
      return () => {
        run++;
      };
    },
    retry() {
      if (current.canRetry) start(true);
    },
  };
}

function view<T>(state: RedirectState, result: ParsedRedirect | null): RedirectResultState<T> {
  return { state, result, error: null, outcome: undefined, interrupted: false, canRetry: false };
}

/** Calls confirm once for `key` and keeps the markers in step with it (step 3 of confirm-once.ts). */
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
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return new CheckoutError('CONFIRM_FAILED', __DEV__ ? confirmFailure(error) : '', {
    provider,
    cause: error,
    ...(typeof code === 'string' && { vendorCode: code }),
  });
}

// Unreferenced in production builds, so tree shaking drops it with its strings.
function confirmFailure(error: unknown): string {
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return (
    `결제 승인(confirm) 요청이 실패했습니다${detail ? `: ${detail}` : '.'} 다시 시도해 주세요. ` +
    `The confirm call failed${detail ? `: ${detail}` : '.'} Try again; your server must answer a repeat by looking the payment up.`
  );
}
