import { type CheckoutError, isOptionError } from '@kcheckout/core';
import { useEffect } from 'react';
import type { CheckoutMessages, SharedMessages } from './messages.js';

interface CheckoutErrorNoticeProps {
  error: CheckoutError;
  text: CheckoutMessages;
  /** Absent for errors a retry cannot fix (bad props): those need a code change. */
  onRetry?: () => void;
}

/** The error box the components share: the buyer's sentence for the code; the diagnosis goes to the console. */
export function CheckoutErrorNotice({ error, text, onRetry }: CheckoutErrorNoticeProps) {
  if (__DEV__) useDevReport(error, error.message);
  // A props error needs a code change, not a retry (core's isOptionError).
  const retryable = onRetry && !isOptionError(error);
  return (
    <div role="alert" data-kcheckout="error" data-code={error.code}>
      <p>{text.errorTitle}</p>
      <p>{buyerText(error, text)}</p>
      {retryable && (
        <button type="button" onClick={onRetry}>
          {text.retry}
        </button>
      )}
    </div>
  );
}

/**
 * The buyer's sentence for an error: by the server's code first (a `CONFIRM_FAILED` carries it as
 * `vendorCode`), then by ours. Strings only: a code such as `constructor` finds a method of
 * Object.prototype (and `Object.hasOwn` is missing from the older iOS webviews shops still see).
 */
export function buyerText(error: CheckoutError, text: SharedMessages): string {
  const find = (code = '') => {
    const sentence = text.errors[code];
    return typeof sentence === 'string' ? sentence : undefined;
  };
  return find(error.vendorCode) ?? find(error.code) ?? text.errorFallback;
}

const reported = new WeakSet<object>();

/**
 * Prints `message` (the developer's diagnosis) to the console once per error object: StrictMode runs
 * effects twice, and a button re-checks its props, into a new error, on each render. Call it under
 * `if (__DEV__)`: a build constant, so the hook order never changes within a build, and a production
 * build drops the call with its arguments.
 */
export function useDevReport(subject: object | null | undefined, message: string | undefined) {
  useEffect(() => {
    if (subject && message && !reported.has(subject)) {
      reported.add(subject);
      console.error(subject instanceof Error ? subject : `kcheckout: ${message}`);
    }
  }, [message]);
}
