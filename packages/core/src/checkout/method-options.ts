import { CheckoutError, type Provider } from '../errors.js';
import type { PortOneMethod } from '../payment-methods.js';

// The list of methods a PortOne or iamport picker offers, checked once against what the provider can
// request: here rather than in the picker, so that the rule is tested without a renderer and a
// custom picker built on the hooks applies the same one.

/** Two methods are the same choice when type and wallet match. */
export function methodKey(method: PortOneMethod): string {
  return method.type === 'easyPay' && method.provider ? `easyPay:${method.provider}` : method.type;
}

/** What `checkMethodOptions` keeps, and the first method it could not keep. */
export interface CheckedMethodOptions<T extends PortOneMethod> {
  options: T[];
  error: CheckoutError | null;
}

/**
 * Keeps the methods this provider can request (`checkMethod` throws for the others), drops repeats,
 * and reports the first refused method, or an empty list, as an error, so a typo in the list shows up
 * on the page instead of as a failed payment.
 */
export function checkMethodOptions<T extends PortOneMethod>(
  provider: Provider,
  /** Untyped callers can pass anything; a value that is no list reads as an empty one. */
  methods: readonly T[],
  checkMethod: (method: PortOneMethod) => unknown,
): CheckedMethodOptions<T> {
  const options: T[] = [];
  const seen = new Set<string>();
  let error: CheckoutError | null = null;
  for (const option of Array.isArray(methods) ? methods : []) {
    try {
      checkMethod(option);
      const key = methodKey(option);
      if (seen.has(key)) continue;
      seen.add(key);
      options.push(option);
    } catch (caught) {
      error ??= caught instanceof CheckoutError ? caught : new CheckoutError('INVALID_OPTION', __DEV__ ? String(caught) : '', { provider });
    }
  }
  if (options.length === 0 && !error) {
    error = new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `<PaymentMethods methods>가 비어 있습니다. 예: methods={[{ type: 'card' }, { type: 'easyPay', provider: 'KAKAOPAY' }]} ` +
          `<PaymentMethods methods> is empty: pass at least one, e.g. [{ type: 'card' }].`
        : '',
      { provider },
    );
  }
  return { options, error };
}
