import { CheckoutError } from '@kcheckout/core';
import type { Messages } from './messages.js';

interface CheckoutErrorNoticeProps {
  error: CheckoutError;
  text: Messages;
  /** Absent for errors a retry cannot fix (bad props): those need a code change. */
  onRetry?: () => void;
}

const FIXED_BY_PROPS = new Set(['SECRET_KEY_IN_BROWSER', 'INVALID_KEY', 'INVALID_AMOUNT', 'INVALID_ORDER_ID', 'INVALID_OPTION']);

/** The error box the components share. Messages are plain text: React escapes them. */
export function CheckoutErrorNotice({ error, text, onRetry }: CheckoutErrorNoticeProps) {
  const retryable = onRetry && !FIXED_BY_PROPS.has(error.code);
  return (
    <div role="alert" data-kcheckout="error" data-code={error.code}>
      <p>{text.errorTitle}</p>
      <p>{error.message}</p>
      {retryable && (
        <button type="button" onClick={onRetry}>
          {text.retry}
        </button>
      )}
    </div>
  );
}
