/**
 * The outcomes every confirm / verify function shares, told apart by `status`. Nothing here throws for
 * a vendor's answer: only a programming mistake (a missing secret, a bad order id) throws.
 */

/** The vendor answered with an error of its own. */
export interface VendorErrorResult {
  status: 'vendor-error';
  /** The vendor's HTTP status (0 when the SDK in between does not tell). */
  httpStatus: number;
  /** The vendor's code: Toss `code`, PortOne V2 `type`, V1 `code` as text. */
  code: string;
  message: string;
  /**
   * What kind of refusal it is: the merchant's own keys (`auth`), a payment the vendor does not know
   * or no longer holds (`not-found`), a payment the vendor or card company refused (`rejected`), or
   * a failure on the vendor's side (`server`, the only retryable one).
   */
  reason: 'auth' | 'not-found' | 'rejected' | 'server';
  retryable: boolean;
}

/** The vendor could not be asked or its answer could not be read. Always retryable. */
export interface VendorUnavailableResult {
  status: 'unavailable';
  /** `VENDOR_TIMEOUT`: no answer within `timeoutMs`. `VENDOR_UNREACHABLE`: network failure. `VENDOR_BAD_RESPONSE`: not JSON. */
  code: 'VENDOR_TIMEOUT' | 'VENDOR_UNREACHABLE' | 'VENDOR_BAD_RESPONSE';
  message: string;
  retryable: true;
}

/** The vendor's payment does not match the merchant's order: never mark such an order paid. */
export interface MismatchResult<P> {
  status: 'mismatch';
  /** `channel`: a PortOne test channel in live mode. */
  field: 'amount' | 'currency' | 'orderId' | 'storeId' | 'channel';
  expected: string | number;
  actual: unknown;
  payment: P;
}

/** The vendor knows the payment, but it is not paid (failed, cancelled, still open). */
export interface NotPaidResult<P> {
  status: 'not-paid';
  /** The vendor's own status (`FAILED`, `CANCELLED`, `READY`, `failed`, `ABORTED`, …). */
  vendorStatus: string;
  payment: P;
}

/** A virtual account was issued for the right amount; the buyer has not deposited yet. */
export interface AwaitingDepositResult<P> {
  status: 'awaiting-deposit';
  payment: P;
}

/** Paid, for the expected amount and currency. */
export interface PaidResult<P> {
  status: 'paid';
  payment: P;
}

export type VendorFailure = VendorErrorResult | VendorUnavailableResult;

export type VerifyResult<P> = PaidResult<P> | AwaitingDepositResult<P> | NotPaidResult<P> | MismatchResult<P> | VendorFailure;

/** What the merchant expects to have been paid: its own order's figures, never the browser's. */
export interface ExpectedPayment {
  amount: number;
  /** ISO 4217, default `'KRW'`. */
  currency?: string;
}
