import { type CheckoutError, type ParsedRedirect, parseRedirect, type Provider, type RedirectResultState } from '@kcheckout/core';
import { type ComponentPropsWithoutRef, type ReactNode, useId } from 'react';
import { buyerText, useDevReport } from './checkout-error-notice.js';
import { formatAmount, koRedirect, type RedirectMessages } from './messages.js';
import {
  type ConfirmableRedirect,
  type RedirectParser,
  type RedirectState,
  useRedirectResultWith,
  type UseRedirectResultOptions,
  type UseRedirectResultValue,
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
  messages?: RedirectMessages;
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
function RedirectResultWith<T = unknown>({
  parse,
  confirm,
  search,
  provider,
  expectedAmount,
  messages = koRedirect,
  success,
  fail,
  cancel,
  invalid,
  pending,
  idle,
  ...rest
}: RedirectResultProps<T> & { parse: RedirectParser }) {
  const redirect = useRedirectResultWith<T>(parse, { confirm, search, provider, expectedAmount });
  const { state, result } = redirect;
  const busy = state === 'pending' || state === 'confirming';
  return (
    <div
      data-kcheckout="redirect-result"
      data-state={state}
      data-code={result?.code}
      aria-busy={busy || undefined}
      {...rest}
    >
      {renderState(redirect, { success, fail, cancel, invalid, pending, idle }, messages)}
    </div>
  );
}

type Renderers<T> = Pick<RedirectResultProps<T>, 'success' | 'fail' | 'cancel' | 'invalid' | 'pending' | 'idle'>;

function renderState<T>(redirect: UseRedirectResultValue<T> & RedirectResultState<T>, render: Renderers<T>, text: RedirectMessages): ReactNode {
  const { state, result, error, outcome, interrupted, canRetry } = redirect;
  const retry = canRetry ? redirect.retry : undefined;
  if (state === 'idle' || !result) {
    if (state === 'idle') return render.idle ? render.idle() : <DefaultView role="status" text={text} state="idle" />;
    return render.pending
      ? render.pending(pendingProps(state as 'pending' | 'confirming', null, interrupted, redirect.retry))
      : <DefaultView role="status" text={text} state={state} interrupted={interrupted} retry={retry} />;
  }
  switch (state) {
    case 'success':
      return render.success
        ? render.success({ result: result as ConfirmableRedirect, outcome })
        : <DefaultView role="status" text={text} state={state} result={result} />;
    case 'fail': {
      const props: RedirectFailProps = error ? { result, error, retry } : { result, error: null };
      return render.fail ? render.fail(props) : <DefaultView role="alert" text={text} state={state} {...props} />;
    }
    case 'cancel':
      return render.cancel ? render.cancel({ result }) : <DefaultView role="status" text={text} state={state} result={result} />;
    case 'invalid':
      return render.invalid ? render.invalid({ result }) : <DefaultView role="alert" text={text} state={state} result={result} />;
    default: {
      const props = pendingProps(state, result, interrupted, redirect.retry);
      return render.pending ? render.pending(props) : <DefaultView role="status" text={text} {...props} />;
    }
  }
}

function pendingProps(state: RedirectPendingProps['state'], result: ParsedRedirect | null, interrupted: boolean, retry: () => void): RedirectPendingProps {
  return interrupted ? { state, result, interrupted, retry } : { state, result, interrupted };
}

interface DefaultViewProps {
  role: 'status' | 'alert';
  text: RedirectMessages;
  state: RedirectState;
  result?: ParsedRedirect | null;
  error?: CheckoutError | null;
  interrupted?: boolean;
  retry?: (() => void) | undefined;
}

/**
 * The built-in rendering: a heading, one or two lines of text and, where it helps, a button. Buyers
 * read the messages table; the diagnosis of a failed confirm or an invalid query goes to the console.
 */
function DefaultView({ role, text, state, result, error, interrupted, retry }: DefaultViewProps) {
  const headingId = useId();
  if (__DEV__) {
    const invalid = state === 'invalid' && result;
    useDevReport(invalid || error, invalid ? `${invalid.code}: ${invalid.message}` : error?.message);
  }
  let title: string;
  let body: string | undefined;
  let action: string | undefined;
  switch (state) {
    case 'idle':
      title = text.redirectIdleTitle;
      body = text.redirectIdleBody;
      break;
    case 'pending':
      title = interrupted ? text.redirectInterruptedTitle : text.redirectPendingTitle;
      body = interrupted ? text.redirectInterruptedBody : undefined;
      action = interrupted ? text.redirectCheckAgain : undefined;
      break;
    case 'confirming':
      title = text.redirectConfirmingTitle;
      body = text.redirectConfirmingBody;
      break;
    case 'success':
      title = result?.billingKey && !result.paymentId ? text.redirectBillingKeyTitle : text.redirectSuccessTitle;
      break;
    case 'fail':
      title = error ? text.redirectConfirmFailTitle : text.redirectFailTitle;
      // The vendor's message, written for the buyer, comes from the address bar: React prints it as text, never as markup.
      body = error ? buyerText(error, text) : (result?.message ?? result?.pgMessage);
      // `retry` is absent when your server said asking again cannot help (`retryable: false`).
      action = error ? text.retry : undefined;
      break;
    case 'cancel':
      title = text.redirectCancelTitle;
      body = text.redirectCancelBody;
      break;
    case 'invalid':
      title = text.redirectInvalidTitle;
      body = result?.code === 'AMOUNT_MISMATCH' ? text.redirectAmountMismatch : text.redirectInvalidBody;
      break;
  }
  const showOrder = result?.orderId && (state === 'success' || state === 'fail' || state === 'cancel');
  const showAmount = state === 'success' && typeof result?.amount === 'number';
  // A cancel is the buyer's own choice, not an error with a code to quote.
  const showCode = Boolean(result?.code) && state !== 'cancel';
  return (
    <div role={role} aria-labelledby={headingId} data-kcheckout="redirect-message">
      <h2 id={headingId}>{title}</h2>
      {body && <p>{body}</p>}
      {(showOrder || showAmount || showCode) && (
        <dl>
          {showOrder && (
            <>
              <dt>{text.redirectOrderId}</dt>
              <dd>{result!.orderId}</dd>
            </>
          )}
          {showAmount && (
            <>
              <dt>{text.redirectAmount}</dt>
              <dd>{formatAmount(result!.amount!, 'KRW', text)}</dd>
            </>
          )}
          {showCode && (
            <>
              <dt>{text.redirectCode}</dt>
              <dd>{result!.code}</dd>
            </>
          )}
        </dl>
      )}
      {action && retry && (
        <button type="button" onClick={retry}>
          {action}
        </button>
      )}
    </div>
  );
}
