import { type Provider, referenceMessage } from '../errors.js';

// What every redirect parser returns (parse-redirect.ts and the one-vendor parsers beside it), and the
// refusals they share, so a result reads the same whichever entry parsed it.

/** Where the buyer came back from, and how it went. `invalid` means the query cannot be trusted. */
export type RedirectStatus = 'success' | 'fail' | 'cancel' | 'invalid';

/**
 * Our codes for an `invalid` redirect (in `ParsedRedirect.code`). Nothing in an invalid result may
 * be confirmed: start the payment again.
 */
export type RedirectInvalidCode =
  /** The query is longer than {@link MAX_REDIRECT_QUERY_LENGTH} characters; it was not parsed. */
  | 'QUERY_TOO_LONG'
  /**
   * A parameter the vendor sends (`paymentKey`, `amount`, `imp_uid`, …) appears more than once, or
   * under both of its spellings (`paymentId` and `payment_id`), so no single value can be trusted.
   */
  | 'DUPLICATE_PARAMETER'
  /** The query has result parameters of two vendors and no `provider` option chose between them. */
  | 'AMBIGUOUS_PROVIDER'
  /** Toss success without `paymentKey`. */
  | 'MISSING_PAYMENT_KEY'
  /** Toss success without `orderId`, or iamport success without `merchant_uid`. */
  | 'MISSING_ORDER_ID'
  /** Toss success without `amount`. */
  | 'MISSING_AMOUNT'
  /**
   * Toss `amount` that is not a plain positive integer: digits only, no sign, exponent, spaces,
   * decimals or leading zero (`05000` is refused: Toss never pads, so a padded amount was edited),
   * and at most `Number.MAX_SAFE_INTEGER`.
   */
  | 'INVALID_AMOUNT'
  /** PortOne payment success without `paymentId` (or the older `payment_id`). */
  | 'MISSING_PAYMENT_ID'
  /** PortOne `transactionType=ISSUE_BILLING_KEY` without `billingKey`. */
  | 'MISSING_BILLING_KEY'
  /** iamport success without `imp_uid`. */
  | 'MISSING_IMP_UID'
  /** PortOne `transactionType=IDENTITY_VERIFICATION` without `identityVerificationId`. */
  | 'MISSING_IDENTITY_VERIFICATION_ID'
  /** Toss billing success without `authKey`. */
  | 'MISSING_AUTH_KEY'
  /** Toss billing success without `customerKey`. */
  | 'MISSING_CUSTOMER_KEY'
  /**
   * An id (`orderId`, `paymentKey`, `paymentId`, `txId`, `billingKey`, `imp_uid`, `merchant_uid`)
   * longer than 200 characters or holding characters no vendor uses in ids: whitespace, control
   * characters, non-ASCII, or `/ \ ? # % & < > " ' \``. Servers put these ids in API paths, so such
   * a value is refused here rather than passed on.
   */
  | 'INVALID_ID'
  /** Set by `checkRedirectAmount`: the Toss `amount` differs from the amount remembered for the order. */
  | 'AMOUNT_MISMATCH';

/**
 * A payment result read from a redirect query. Which ids are set depends on the provider and the
 * status; an `invalid` result carries none of them, only `code`, `message` and `extra`, so it cannot
 * be confirmed by mistake.
 *
 * A `success` means the query has the shape of a success. It proves nothing: your server still
 * confirms (Toss) or looks up (PortOne, iamport) the payment before the order counts as paid.
 */
export interface ParsedRedirect {
  provider: Provider;
  status: RedirectStatus;
  /** Toss `orderId` · PortOne `paymentId` · iamport `merchant_uid`. */
  orderId?: string;
  /** Toss: send it with `orderId` and `amount` to your server's confirm call. */
  paymentKey?: string;
  /** Toss: `NORMAL` | `BRANDPAY` | `KEYIN`. The v2 payment window (`payment()`) does not send it. */
  paymentType?: string;
  /** PortOne V2 payment id (the `paymentId` you passed to `requestPayment`). */
  paymentId?: string;
  /** PortOne V2 attempt id; one `paymentId` can have several attempts. */
  txId?: string;
  /** PortOne V2: `PAYMENT` | `ISSUE_BILLING_KEY` | … as sent. */
  transactionType?: string;
  /** PortOne V2 billing-key issue: the issued key, to store on your server. */
  billingKey?: string;
  /**
   * PortOne V2 identity verification (본인인증): the id you passed to `requestIdentityVerification`.
   * Send it to your server, which looks it up (`GET /identity-verifications/{id}`) and trusts only `VERIFIED`.
   */
  identityVerificationId?: string;
  /** PortOne V2 identity verification: this attempt's id. */
  identityVerificationTxId?: string;
  /** iamport V1 `imp_uid`: look it up on your server (`GET /payments/{imp_uid}`). */
  impUid?: string;
  /** Toss billing (`parseTossBillingRedirect`): send it to your server, which issues the billing key with it. */
  authKey?: string;
  /** Toss billing: the customer the window was opened for; your server issues the key for its own signed-in customer. */
  customerKey?: string;
  /** Toss only, on success. Compare it with the order's amount before confirming. */
  amount?: number;
  /** The vendor's error code; for `invalid`, a {@link RedirectInvalidCode}. */
  code?: string;
  /**
   * URL-decoded plain text, exactly as received: render it as text, never as HTML. For `invalid`,
   * our own explanation in Korean and English.
   */
  message?: string;
  /** PortOne V2 failure: the PG's own code, when the PG gave one. */
  pgCode?: string;
  /** PortOne V2 failure: the PG's own message (plain text, as `message`). */
  pgMessage?: string;
  /** Every parameter that is not the vendor's: your own, first value of each. */
  extra: Record<string, string>;
}

/**
 * Longest query read, in characters (encoded, for strings; key plus value lengths, for the other
 * inputs). It is above the 8–16 KB request-line limit of common servers, so a real redirect always
 * fits.
 */
export const MAX_REDIRECT_QUERY_LENGTH = 16_384;

// --- Invalid results -----------------------------------------------------------------------------

// Only the development messages say it; production builds keep the refusal codes alone.
export const RESTART = __DEV__ ? { ko: '결제를 처음부터 다시 진행하세요.', en: 'Start the payment again.' } : { ko: '', en: '' };

/** A refusal: no ids, no amount, only why and the shop's own parameters. */
export function invalid(
  provider: Provider,
  code: Exclude<RedirectInvalidCode, 'AMBIGUOUS_PROVIDER'>,
  extra: Record<string, string>,
  detail = '',
): ParsedRedirect {
  return { provider, status: 'invalid', code, message: invalidMessage(code, detail), extra };
}

/**
 * Why a redirect or check was refused: in development builds in Korean then English, with what to
 * do; in production builds the code and its section of the error reference. `AMBIGUOUS_PROVIDER` is
 * not here: its fix depends on the parser (parse-redirect.ts, redirect-query.ts), and each entry's
 * bundle keeps only its own.
 */
export function invalidMessage(code: Exclude<RedirectInvalidCode, 'AMBIGUOUS_PROVIDER'>, detail = ''): string {
  return __DEV__ ? explain(code, detail) : referenceMessage(code);
}

// Unreferenced in production builds, so the build's tree shaking drops it with its strings.
function explain(code: Exclude<RedirectInvalidCode, 'AMBIGUOUS_PROVIDER'>, detail: string): string {
  switch (code) {
    case 'QUERY_TOO_LONG':
      return (
        `결제 결과 주소의 쿼리가 너무 길어(${detail}자, 최대 ${MAX_REDIRECT_QUERY_LENGTH}자) 읽지 않았습니다. ${RESTART.ko} ` +
        `The redirect query is too long (${detail} characters, at most ${MAX_REDIRECT_QUERY_LENGTH}) and was not read. ${RESTART.en}`
      );
    case 'DUPLICATE_PARAMETER':
      return (
        `결제 결과 파라미터 ${detail}가 두 번 이상 들어 있어 어느 값도 믿을 수 없습니다. successUrl/failUrl/redirectUrl에 ` +
        `같은 이름의 파라미터를 직접 넣지 마세요. ${RESTART.ko} The redirect parameter ${detail} is given more than once, ` +
        `so no value of it can be trusted; don't put a parameter of that name in your own successUrl/failUrl/redirectUrl. ${RESTART.en}`
      );
    case 'MISSING_PAYMENT_KEY':
      return missing('paymentKey');
    case 'MISSING_ORDER_ID':
      return missing(detail || 'orderId');
    case 'MISSING_AMOUNT':
      return missing('amount');
    case 'MISSING_PAYMENT_ID':
      return missing('paymentId');
    case 'MISSING_BILLING_KEY':
      return missing('billingKey');
    case 'MISSING_IMP_UID':
      return missing('imp_uid');
    case 'MISSING_IDENTITY_VERIFICATION_ID':
      return missing('identityVerificationId');
    case 'MISSING_AUTH_KEY':
      return missing('authKey');
    case 'MISSING_CUSTOMER_KEY':
      return missing('customerKey');
    case 'INVALID_AMOUNT':
      return (
        `결제 결과의 amount가 양의 정수가 아닙니다. 주소가 바뀌었을 수 있으니 승인하지 마세요. ${RESTART.ko} ` +
        `The redirect's amount is not a plain positive integer; the address may have been edited, so don't confirm it. ${RESTART.en}`
      );
    case 'INVALID_ID':
      return (
        `결제 결과의 ${detail}에 결제사가 쓰지 않는 문자나 길이(200자 초과)가 들어 있습니다. 승인하지 마세요. ${RESTART.ko} ` +
        `The redirect's ${detail} has characters or a length (over 200) that no provider uses; don't confirm it. ${RESTART.en}`
      );
    case 'AMOUNT_MISMATCH':
      return (
        `결제 결과의 금액(${detail})이 결제를 요청한 주문 금액과 다릅니다. 금액이 조작되었을 수 있으니 승인하지 마세요. ` +
        `${RESTART.ko} The redirect's amount (${detail}) differs from the order's amount; it may have been tampered with, ` +
        `so don't confirm it. ${RESTART.en}`
      );
  }
}

function missing(key: string): string {
  return (
    `결제 결과 주소에 ${key}가 없어 결제를 확인할 수 없습니다. 주소가 잘렸거나 바뀌었을 수 있습니다. ${RESTART.ko} ` +
    `The redirect has no ${key}, so the payment cannot be checked; the address may have been cut or edited. ${RESTART.en}`
  );
}

/**
 * Drops the fields that are undefined, so a result only has keys that mean something. It edits the
 * object it is given: each parser passes one it has just built.
 */
export function compact(result: ParsedRedirect): ParsedRedirect {
  for (const key in result) {
    if (result[key as keyof ParsedRedirect] === undefined) delete result[key as keyof ParsedRedirect];
  }
  return result;
}
