import { expect } from 'vitest';
import { CheckoutError, type CheckoutErrorCode } from '../errors.js';

/** Runs `fn`, which must throw a CheckoutError, and returns that error for further checks. */
export function thrown(fn: () => unknown): CheckoutError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CheckoutError);
    return error as CheckoutError;
  }
  throw new Error('expected a CheckoutError, but nothing was thrown');
}

/** Awaits `promise`, which must reject with a CheckoutError, and returns that error. */
export async function rejected(promise: Promise<unknown>): Promise<CheckoutError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a CheckoutError, but the call resolved');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CheckoutError);
  return error as CheckoutError;
}

export function expectCode(fn: () => unknown, code: CheckoutErrorCode): CheckoutError {
  const error = thrown(fn);
  expect(error.code).toBe(code);
  return error;
}

/** House style: Korean first, then English, in the same message. */
export function expectKoreanAndEnglish(message: string) {
  expect(message).toMatch(/[가-힣]{2,}/);
  expect(message).toMatch(/\b(the|must|pass|is|key|amount|order|use)\b/i);
}
