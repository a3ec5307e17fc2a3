/** The providers kcheckout talks to. */
export type Provider = 'toss' | 'portone' | 'iamport';

/**
 * Every error kcheckout raises carries one of these codes, so callers can branch on `error.code`
 * without parsing messages.
 */
export type CheckoutErrorCode =
  /** The vendor script could not be fetched (network error, 404, CSP). Retrying may help. */
  | 'SCRIPT_LOAD_FAILED'
  /** The vendor script did not finish loading in time. Retrying may help. */
  | 'SCRIPT_TIMEOUT'
  /** The script loaded but did not install the vendor global (wrong URL, blocked, or an old SDK). */
  | 'SDK_MISSING'
  /** Browser-only code ran on the server. */
  | 'SERVER_RENDER'
  /** A secret key reached browser code. It must be rotated and moved to the server. */
  | 'SECRET_KEY_IN_BROWSER'
  /** A key of the wrong kind for this SDK (for example an API key where a widget key is needed). */
  | 'INVALID_KEY'
  | 'INVALID_AMOUNT'
  | 'INVALID_ORDER_ID'
  /** Any other prop or option that cannot work: the message names it and the accepted values. */
  | 'INVALID_OPTION'
  /** A hook or component was used outside the provider it needs. */
  | 'MISSING_PROVIDER'
  /** The vendor SDK refused a call; `vendorCode` holds its code. */
  | 'VENDOR_ERROR'
  /**
   * The merchant's own `confirm` call (to its server) threw or rejected. `cause` holds what it
   * threw, and `vendorCode` that value's `code`, if it had one.
   */
  | 'CONFIRM_FAILED'
  /** The merchant's beforePayment rejected; the payment window was not opened. `cause` holds what it threw. */
  | 'BEFORE_PAYMENT_FAILED'
  /** A Toss payment on a phone or tablet without result URLs: the vendor has no promise mode there. */
  | 'REDIRECT_URL_REQUIRED'
  /** PortOne's PayPal buttons: their container is not the page's first `.portone-ui-container`. */
  | 'UI_CONTAINER_CONFLICT';

export interface CheckoutErrorOptions {
  provider?: Provider;
  vendorCode?: string;
  cause?: unknown;
}

/**
 * Where the error reference lives; each code has a section whose anchor is the code in lower case.
 * One constant so it can become a URL once the docs are hosted.
 */
export const ERROR_REFERENCE = 'docs/errors.md';

/**
 * The production message for a code, e.g. `kcheckout INVALID_AMOUNT — docs/errors.md#invalid_amount`:
 * production builds drop the developer prose (it ships in development builds only) and point at the
 * reference instead. Redirect refusals (`ParsedRedirect.code`) use it too.
 */
export function referenceMessage(code: string): string {
  return `kcheckout ${code} — ${ERROR_REFERENCE}#${code.toLowerCase()}`;
}

/**
 * The one error type kcheckout throws or reports. In development builds messages are written for
 * the developer who will read them in a console: Korean first, then English, and always the fix.
 * Production builds pass an empty message, and the error carries {@link referenceMessage} instead;
 * `code`, `provider`, `vendorCode` and `cause` are the same in both.
 */
export class CheckoutError extends Error {
  override readonly name = 'CheckoutError';
  readonly code: CheckoutErrorCode;
  readonly provider?: Provider;
  /** The vendor's own error code (`USER_CANCEL`, `NEED_AGREEMENT_WITH_REQUIRED_TERMS`, …), when there is one. */
  readonly vendorCode?: string;

  constructor(code: CheckoutErrorCode, message: string, options: CheckoutErrorOptions = {}) {
    super(message || referenceMessage(code), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.provider) this.provider = options.provider;
    if (options.vendorCode) this.vendorCode = options.vendorCode;
  }
}

export function isCheckoutError(value: unknown): value is CheckoutError {
  return value instanceof CheckoutError;
}

/** Vendor SDKs reject with plain objects or Errors that carry `code` and `message`; read them safely. */
export function readVendorError(error: unknown): { code: string; message: string } {
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown };
    const vendorCode = typeof code === 'string' && code ? code : 'UNKNOWN';
    return { code: vendorCode, message: typeof message === 'string' && message ? message : vendorCode };
  }
  return { code: 'UNKNOWN', message: String(error) };
}

/** Wraps a vendor rejection so it keeps the vendor's code and message and says which SDK refused. */
export function vendorError(provider: Provider, error: unknown): CheckoutError {
  if (error instanceof CheckoutError) return error;
  const { code, message } = readVendorError(error);
  return new CheckoutError('VENDOR_ERROR', `${message} (${provider}: ${code})`, {
    provider,
    vendorCode: code,
    cause: error,
  });
}
