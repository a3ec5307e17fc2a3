import type { VendorError } from '../shared/errors.js';

export type PortOneTransactionType = 'PAYMENT' | 'ISSUE_BILLING_KEY' | 'IDENTITY_VERIFICATION';

/**
 * What the V2 SDK rejects with before a window opens: `PaymentError` / `IssueBillingKeyError`.
 * The real classes are plain Error subclasses tagged with `__portOneErrorType`, which is what the
 * SDK's `isPaymentError` / `isIssueBillingKeyError` (and their `instanceof`) test, so the tag
 * makes our errors pass those guards too.
 */
export interface PortOneError extends VendorError {
  __portOneErrorType: 'PaymentError' | 'IssueBillingKeyError' | 'IdentityVerificationError';
  transactionType: PortOneTransactionType;
  paymentId?: string;
  identityVerificationId?: string;
}

/**
 * Codes from the SDK's typed `PaymentErrorCode` union (GrpcErrorCode / TxServicePayErrorCode),
 * so a library typed against `@portone/browser-sdk` sees values it knows. Which code the real SDK
 * uses for each setup mistake is undocumented; these are the closest by meaning (README).
 */
export type PortOneErrorCode = 'InvalidArgument' | 'FailedPrecondition' | 'IdentityVerificationAlreadyVerified';

/** A V2 setup error: the code, the Korean message, then the sandbox's English hint. */
export function portOneError(
  transactionType: PortOneTransactionType,
  code: PortOneErrorCode,
  korean: string,
  hint: string,
  paymentId?: string,
): PortOneError {
  const error = new Error(`${korean} (${hint})`) as PortOneError;
  // `name` stays 'Error', as on the real classes, which never set it.
  error.__portOneErrorType = transactionType === 'PAYMENT' ? 'PaymentError' : transactionType === 'IDENTITY_VERIFICATION' ? 'IdentityVerificationError' : 'IssueBillingKeyError';
  error.transactionType = transactionType;
  error.code = code;
  // IdentityVerificationError carries the verification's id where PaymentError carries paymentId.
  if (typeof paymentId === 'string') error[transactionType === 'IDENTITY_VERIFICATION' ? 'identityVerificationId' : 'paymentId'] = paymentId;
  return error;
}
