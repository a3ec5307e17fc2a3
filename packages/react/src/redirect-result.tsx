import { type CheckoutError, type ParsedRedirect, parseRedirect, type Provider, type RedirectResultState } from '@kcheckout/core';
import { type ComponentPropsWithoutRef, Fragment, type ReactNode, useId } from 'react';
import { buyerText, useDevReport } from './checkout-error-notice.js';
import { koRedirect, type RedirectMessages } from './messages.js';
import {
  type ConfirmableRedirect,
  type RedirectParser,
  useRedirectResultWith,
  type UseRedirectResultOptions,
} from './use-redirect-result.js';

export interface RedirectSuccessProps<T = unknown> {
  result: ConfirmableRedirect;
  /** What `confirm` resolved; after a reload, read back from sessionStorage (display only). */
  outcome: T | undefined;
}

/**
 * `retry` is there exactly when trying again can help: when `confirm` failed (`error` set), unless
 * what it threw says `retryable: false` (e.g. your server's `PAYMENT_REFUNDED`). A vendor failure
 * (`error: null`) needs a new payment, so it has no `retry`.
 */
export type RedirectFailProps =
  /** The vendor's failure: `result.code`, `result.message`. */
  | { result: ParsedRedirect; error: null; retry?: undefined }
  /** The vendor approved, but your `confirm` threw or rejected; no `retry` for `retryable: false`. */
  | { result: ParsedRedirect; error: CheckoutError; retry?: () => void };

/** `retry` is there exactly when `interrupted`: an earlier visit started `confirm` and left mid-request. */
export type RedirectPendingProps = {
  state: 'pending' | 'confirming';
  /** `null` before the query is read. */
  result: ParsedRedirect | null;
} & ({ interrupted: false; retry?: undefined } | { interrupted: true; retry: () => void });

export interface RedirectResultProps<T = unknown>
  extends UseRedirectResultOptions<T>,
    Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** What the default rendering says: `koRedirect` (default), `en` or `enRedirect` from this package, `ko`, or your own table. */
  messages?: RedirectMessages | undefined;
  /** `confirm` resolved. */
  success?: (props: RedirectSuccessProps<T>) => ReactNode;
  /** The vendor reported a failure, or `confirm` failed (then with `error` and `retry`). */
  fail?: (props: RedirectFailProps) => ReactNode;
  /** The buyer cancelled in the payment window. */
  cancel?: (props: { result: ParsedRedirect }) => ReactNode;
  /** The query cannot be trusted (`result.code`: `AMOUNT_MISMATCH`, `MISSING_PAYMENT_KEY`, …); nothing was confirmed. */
  invalid?: (props: { result: ParsedRedirect }) => ReactNode;
  /** Before the query is read, while `confirm` runs, and after an interrupted confirm. */
  pending?: (props: RedirectPendingProps) => ReactNode;
  /** The address has no payment result. */
  idle?: () => ReactNode;
}

/**
 * The props of `<RedirectResult>` from a one-vendor entry (`/toss`, `/portone`, `/iamport`): the
 * root's, with `provider` optional and limited to that vendor (`P`).
 */
export type VendorRedirectResultProps<P extends Provider, T = unknown> = Omit<RedirectResultProps<T>, 'provider'> & { provider?: P };

/**
 * The page a redirect-mode payment returns to. It reads the query (the `search` prop, or
 * `location.search` after mount), checks the amount, calls `confirm` exactly once per payment and
 * shows the outcome: your render prop for the state, or a default in Korean (`messages={en}`:
 * English). Vendor messages are printed as text. It needs no `<Checkout>` around it.
 *
 * `data-kcheckout="redirect-result"`, `data-state`: `idle | pending | confirming | success | fail |
 * cancel | invalid`, and `data-code` when the result carries a code.
 *
 * ```tsx
 * <RedirectResult confirm={(result) => postJson('/api/payments/confirm', result)} success={() => <OrderComplete />} />
 * ```
 *
 * From `@kcheckout/react` it reads every vendor's redirect (`parseRedirect`: the `provider` prop, or
 * detection). From `/toss`, `/portone` or `/iamport` it reads only that vendor's, and its bundle has
 * no other vendor's parser: another vendor's query is `idle`, and one mixing both vendors' keys is
 * `invalid` (`AMBIGUOUS_PROVIDER`).
 */
export function RedirectResult<T = unknown>(props: RedirectResultProps<T>) {
  // `parse` after the spread: the entry's parser is not a prop a caller can replace.
  return <RedirectResultWith<T> {...props} parse={parseRedirect} />;
}

/**
 * `<RedirectResult>` bound to one vendor's parser (`parseTossRedirect`, …), as `/toss`, `/portone`
 * and `/iamport` export it: another vendor's query shows `idle`, and one that mixes its keys with
 * this vendor's shows `invalid`. Props and states are the root entry's `<RedirectResult>`.
 */
export function vendorRedirectResult<P extends Provider>(parse: RedirectParser) {
  return function RedirectResult<T = unknown>(props: VendorRedirectResultProps<P, T>) {
    return <RedirectResultWith<T> {...props} parse={parse} />;
  };
}

/** The one rendering behind every entry's `<RedirectResult>`; `parse` is that entry's parser. */
function RedirectResultWith<T = unknown>(props: RedirectResultProps<T> & { parse: RedirectParser }) {
  // Everything but the hook's options, the table and the render props goes on the element.
  const { parse, confirm, search, provider, expectedAmount, messages = koRedirect, success, fail, cancel, invalid, pending, idle, ...rest } = props;
  const redirect = useRedirectResultWith<T>(parse, props);
  const { state, result } = redirect;
  const busy = state === 'pending' || state === 'confirming';
  // One object answers every render prop: each state's props are a subset of it, and `retry` is
  // there exactly when the store says asking again can help (an interrupted or retryable confirm).
  const view: ViewProps<T> = { ...redirect, retry: redirect.canRetry ? redirect.retry : undefined };
  // The render props are named after the states; `pending` draws `confirming` too.
  const render = props[busy ? 'pending' : state] as ((props: ViewProps<T>) => ReactNode) | undefined;
  return (
    <div data-kcheckout="redirect-result" data-state={state} data-code={result?.code} aria-busy={busy || undefined} {...rest}>
      {render ? render(view) : <DefaultView {...view} text={messages} />}
    </div>
  );
}

type ViewProps<T = unknown> = Omit<RedirectResultState<T>, 'canRetry'> & { retry: (() => void) | undefined };

/**
 * The built-in rendering: a heading, one or two lines of text and, where it helps, a button. Buyers
 * read the messages table; the diagnosis of a failed confirm or an invalid query goes to the console.
 */
function DefaultView({ state, result, error, interrupted, retry, text }: ViewProps & { text: RedirectMessages }) {
  const headingId = useId();
  if (__DEV__) {
    const invalid = state === 'invalid' && result;
    useDevReport(invalid || error, invalid ? `${invalid.code}: ${invalid.message}` : error?.message);
  }
  let title = text.redirectPendingTitle;
  let body: string | undefined;
  if (state === 'idle') {
    title = text.redirectIdleTitle;
    body = text.redirectIdleBody;
  } else if (interrupted) {
    title = text.redirectInterruptedTitle;
    body = text.redirectInterruptedBody;
  } else if (state === 'confirming') {
    title = text.redirectConfirmingTitle;
    body = text.redirectConfirmingBody;
  } else if (state === 'success') {
    title = result?.billingKey && !result.paymentId ? text.redirectBillingKeyTitle : text.redirectSuccessTitle;
  } else if (state === 'fail') {
    title = error ? text.redirectConfirmFailTitle : text.redirectFailTitle;
    // The vendor's message, written for the buyer, comes from the address bar: React prints it as text, never as markup.
    body = error ? buyerText(error, text) : (result?.message ?? result?.pgMessage);
  } else if (state === 'cancel') {
    title = text.redirectCancelTitle;
    body = text.redirectCancelBody;
  } else if (state === 'invalid') {
    title = text.redirectInvalidTitle;
    body = result?.code === 'AMOUNT_MISMATCH' ? text.redirectAmountMismatch : text.redirectInvalidBody;
  }
  const rows: [string, ReactNode][] = [];
  if (result?.orderId && (state === 'success' || state === 'fail' || state === 'cancel')) rows.push([text.redirectOrderId, result.orderId]);
  if (state === 'success' && typeof result?.amount === 'number') rows.push([text.redirectAmount, text.amount(result.amount, 'KRW')]);
  // A cancel is the buyer's own choice, not an error with a code to quote.
  if (result?.code && state !== 'cancel') rows.push([text.redirectCode, result.code]);
  return (
    <div role={state === 'fail' || state === 'invalid' ? 'alert' : 'status'} aria-labelledby={headingId} data-kcheckout="redirect-message">
      <h2 id={headingId}>{title}</h2>
      {body && <p>{body}</p>}
      {rows.length > 0 && (
        <dl>
          {rows.map(([term, detail]) => (
            <Fragment key={term}>
              <dt>{term}</dt>
              <dd>{detail}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {retry && (
        <button type="button" onClick={retry}>
          {interrupted ? text.redirectCheckAgain : text.retry}
        </button>
      )}
    </div>
  );
}
