import { describe, expect, expectTypeOf, it } from 'vitest';
import { CheckoutError, ERROR_REFERENCE, isCheckoutError, readVendorError, referenceMessage, vendorError } from './errors.js';

describe('given a CheckoutError', () => {
  it('carries its code, message, provider and vendor code', () => {
    const error = new CheckoutError('VENDOR_ERROR', '사용자가 결제를 취소했습니다. The buyer cancelled.', {
      provider: 'toss',
      vendorCode: 'USER_CANCEL',
    });
    expect(error.code).toBe('VENDOR_ERROR');
    expect(error.message).toBe('사용자가 결제를 취소했습니다. The buyer cancelled.');
    expect(error.provider).toBe('toss');
    expect(error.vendorCode).toBe('USER_CANCEL');
  });

  it('is an Error and a CheckoutError, named so in a console and a stack trace', () => {
    const error = new CheckoutError('INVALID_AMOUNT', 'bad amount');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(CheckoutError);
    expect(error.name).toBe('CheckoutError');
    expect(String(error)).toBe('CheckoutError: bad amount');
    expect(error.stack).toContain('bad amount');
  });

  it('keeps the cause it wraps', () => {
    const cause = new TypeError('Failed to fetch');
    const error = new CheckoutError('SCRIPT_LOAD_FAILED', 'could not load', { cause });
    expect(error.cause).toBe(cause);
  });

  it('has no cause, provider or vendor code when none is given', () => {
    const error = new CheckoutError('SDK_MISSING', 'no global');
    expect(error.cause).toBeUndefined();
    expect('cause' in error).toBe(false);
    expect(error.provider).toBeUndefined();
    expect(error.vendorCode).toBeUndefined();
  });

  it('can be caught and branched on by code after a throw', () => {
    const run = () => {
      throw new CheckoutError('MISSING_PROVIDER', 'wrap it');
    };
    expect(run).toThrow(CheckoutError);
    expect(run).toThrow(expect.objectContaining({ code: 'MISSING_PROVIDER' }));
  });
});

describe('given isCheckoutError', () => {
  it('is true for a CheckoutError and narrows its type', () => {
    const value: unknown = new CheckoutError('INVALID_KEY', 'wrong key', { provider: 'toss' });
    expect(isCheckoutError(value)).toBe(true);
    if (isCheckoutError(value)) expectTypeOf(value.code).toEqualTypeOf<CheckoutError['code']>();
  });

  it.each([
    ['a plain Error', new Error('x')],
    ['an object that only looks like one', { name: 'CheckoutError', code: 'INVALID_KEY', message: 'x' }],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'CheckoutError'],
  ])('is false for %s', (_, value) => {
    expect(isCheckoutError(value)).toBe(false);
  });
});

describe('given readVendorError', () => {
  it('reads code and message from a vendor rejection object', () => {
    expect(readVendorError({ code: 'USER_CANCEL', message: '사용자가 결제를 취소하였습니다' })).toEqual({
      code: 'USER_CANCEL',
      message: '사용자가 결제를 취소하였습니다',
    });
  });

  it('reads code and message from an Error that carries a code', () => {
    const error = Object.assign(new Error('필수 약관에 동의해주세요'), { code: 'NEED_AGREEMENT_WITH_REQUIRED_TERMS' });
    expect(readVendorError(error)).toEqual({ code: 'NEED_AGREEMENT_WITH_REQUIRED_TERMS', message: '필수 약관에 동의해주세요' });
  });

  it.each([
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['a string', 'network down', 'network down'],
    ['a number', 500, '500'],
  ])('turns %s into code UNKNOWN and a printable message', (_, input, message) => {
    expect(readVendorError(input)).toEqual({ code: 'UNKNOWN', message });
  });

  it('uses UNKNOWN for an object without a code and keeps its message', () => {
    expect(readVendorError({ message: 'Request failed' })).toEqual({ code: 'UNKNOWN', message: 'Request failed' });
    expect(readVendorError(new Error('boom'))).toEqual({ code: 'UNKNOWN', message: 'boom' });
  });

  it('uses UNKNOWN for an empty or non-string code', () => {
    expect(readVendorError({ code: '', message: 'x' }).code).toBe('UNKNOWN');
    expect(readVendorError({ code: 42, message: 'x' }).code).toBe('UNKNOWN');
    expect(readVendorError({ code: { nested: true }, message: 'x' }).code).toBe('UNKNOWN');
  });

  it('always returns a string message, even for an object without one', () => {
    const { message } = readVendorError({ code: 'X' });
    expect(typeof message).toBe('string');
  });

  it('does not throw on an object with no prototype and no message', () => {
    const bare = Object.create(null) as object;
    expect(() => readVendorError(bare)).not.toThrow();
    expect(() => vendorError('portone', bare)).not.toThrow();
  });
});

describe('given vendorError', () => {
  it('wraps a vendor rejection as VENDOR_ERROR that keeps the vendor code, message and cause', () => {
    const rejection = { code: 'INVALID_METHOD_TRANSACTION', message: '진행 중인 결제가 있습니다' };
    const error = vendorError('toss', rejection);
    expect(error).toBeInstanceOf(CheckoutError);
    expect(error.code).toBe('VENDOR_ERROR');
    expect(error.provider).toBe('toss');
    expect(error.vendorCode).toBe('INVALID_METHOD_TRANSACTION');
    expect(error.cause).toBe(rejection);
    expect(error.message).toContain('진행 중인 결제가 있습니다');
    expect(error.message).toContain('toss: INVALID_METHOD_TRANSACTION');
  });

  it('passes a CheckoutError through unchanged, keeping its own code and provider', () => {
    const original = new CheckoutError('SECRET_KEY_IN_BROWSER', 'secret key', { provider: 'toss' });
    const result = vendorError('portone', original);
    expect(result).toBe(original);
    expect(result.code).toBe('SECRET_KEY_IN_BROWSER');
    expect(result.provider).toBe('toss');
  });

  it('wraps odd rejections (null, a string) with vendor code UNKNOWN and names the provider', () => {
    const fromNull = vendorError('iamport', null);
    expect(fromNull.vendorCode).toBe('UNKNOWN');
    expect(fromNull.cause).toBeNull();
    expect(fromNull.message).toContain('iamport: UNKNOWN');

    const fromString = vendorError('portone', 'timeout');
    expect(fromString.vendorCode).toBe('UNKNOWN');
    expect(fromString.cause).toBe('timeout');
    expect(fromString.message).toBe('timeout (portone: UNKNOWN)');
  });
});

// Production builds pass '' where development builds pass the prose (test/packages/production-build.test.mjs
// runs both builds); these are the errors a production build makes.
describe('given a CheckoutError made without a message, as production builds make them', () => {
  it('says its code and where the error reference explains it, the anchor being the code in lower case', () => {
    const error = new CheckoutError('SECRET_KEY_IN_BROWSER', '', { provider: 'toss' });
    expect(error.message).toBe('kcheckout SECRET_KEY_IN_BROWSER — docs/errors.md#secret_key_in_browser');
    expect(String(error)).toBe('CheckoutError: kcheckout SECRET_KEY_IN_BROWSER — docs/errors.md#secret_key_in_browser');
  });

  it('keeps code, provider, vendorCode and cause as a development build does', () => {
    const cause = new Error('refused');
    const error = new CheckoutError('CONFIRM_FAILED', '', { provider: 'portone', vendorCode: 'ALREADY_PAID', cause });
    expect(error).toMatchObject({ code: 'CONFIRM_FAILED', provider: 'portone', vendorCode: 'ALREADY_PAID', cause });
    expect(error.message).toBe(referenceMessage('CONFIRM_FAILED'));
  });

  it('points every code into one reference, so the base can become a URL in one place', () => {
    expect(ERROR_REFERENCE).toBe('docs/errors.md');
    expect(referenceMessage('MISSING_AMOUNT')).toBe(`kcheckout MISSING_AMOUNT — ${ERROR_REFERENCE}#missing_amount`);
  });

  it('keeps a message it is given (the development prose, or a vendor\'s text)', () => {
    expect(new CheckoutError('INVALID_AMOUNT', 'bad amount').message).toBe('bad amount');
  });
});
