/** What the vendors' SDKs reject with: an Error whose `code` callers branch on. */
export interface VendorError extends Error {
  code: string;
}

/**
 * Builds a vendor-shaped error. Real SDKs throw class instances (`UserCancelError`, …) that carry
 * `code` and `message`; libraries branch on `code`, so `name` and `code` are what must match.
 */
export function vendorError(name: string, code: string, message: string): VendorError {
  const error = new Error(message) as VendorError;
  error.name = name;
  error.code = code;
  return error;
}

/** `INVALID_METHOD_TRANSACTION` → `InvalidMethodTransactionError`, the vendors' naming. */
export function errorNameFor(code: string): string {
  const words = code.toLowerCase().split('_').filter(Boolean);
  return `${words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('')}Error`;
}
