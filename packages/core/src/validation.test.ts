import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  isOrderId,
  isValidAmount,
  type Money,
  TOSS_ANONYMOUS,
  validateAmount,
  validateOrder,
  validateSentOrder,
  validateOrderId,
  validateTossClientKey,
  validateTossCustomerKey,
} from './validation.js';
import { expectCode, expectKoreanAndEnglish } from './test-utils/checkout-error.js';

// Realistic-looking keys; the tails are what must never be echoed back.
const secretTail = 'FAKE_kcheckout_secret_tail';
const widgetKey = 'test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm';

describe('given an amount', () => {
  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['a negative number', -5],
    ['zero', 0],
    ['negative zero', -0],
    ['half a won', 0.5],
    ['a discount computed in floating point', 50000 * 0.9 + 0.1],
  ])('refuses %s in KRW with INVALID_AMOUNT', (_, value) => {
    expectCode(() => validateAmount(value, 'KRW'), 'INVALID_AMOUNT');
  });

  it.each([
    ['a numeric string', '50000'],
    ['an empty string', ''],
    ['null', null],
    ['undefined', undefined],
    ['a bigint', 50000n],
    ['a Number object', new Number(50000)],
  ])('refuses %s with INVALID_AMOUNT', (_, value) => {
    expectCode(() => validateAmount(value, 'KRW'), 'INVALID_AMOUNT');
  });

  it('accepts whole won and returns the amount with its currency', () => {
    expect(validateAmount(50000, 'KRW')).toEqual({ value: 50000, currency: 'KRW' });
    expect(validateAmount(1, 'KRW')).toEqual({ value: 1, currency: 'KRW' });
  });

  it('treats the amount as KRW when no currency is given, so fractions are refused', () => {
    expect(validateAmount(1000)).toEqual({ value: 1000, currency: 'KRW' });
    expectCode(() => validateAmount(999.5), 'INVALID_AMOUNT');
  });

  it('accepts cents in USD (12.5 USD)', () => {
    expect(validateAmount(12.5, 'USD')).toEqual({ value: 12.5, currency: 'USD' });
  });

  it('still refuses zero, negative and non-finite USD amounts', () => {
    for (const value of [0, -12.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectCode(() => validateAmount(value, 'USD'), 'INVALID_AMOUNT');
    }
  });

  it.each([['JPY'], ['krw'], [''], [null], [1]])('refuses currency %j with INVALID_OPTION naming KRW and USD', (currency) => {
    const error = expectCode(() => validateAmount(1000, currency), 'INVALID_OPTION');
    expect(error.message).toContain("'KRW'");
    expect(error.message).toContain("'USD'");
    expectKoreanAndEnglish(error.message);
  });

  it('says in Korean and English that a fractional won amount must be rounded', () => {
    const error = expectCode(() => validateAmount(0.5, 'KRW'), 'INVALID_AMOUNT');
    expectKoreanAndEnglish(error.message);
    expect(error.message).toContain('0.5');
    expect(error.message).toMatch(/round/i);
  });

  it('says in Korean and English that a non-positive amount should be checked after discounts', () => {
    const error = expectCode(() => validateAmount(-5, 'KRW'), 'INVALID_AMOUNT');
    expectKoreanAndEnglish(error.message);
    expect(error.message).toContain('-5');
    expect(error.message).toMatch(/greater than 0/);
  });

  it('says in Korean and English that the amount must be a number, naming what it got', () => {
    const error = expectCode(() => validateAmount('50000', 'KRW'), 'INVALID_AMOUNT');
    expectKoreanAndEnglish(error.message);
    expect(error.message).toContain('"50000"');
    expect(error.message).toMatch(/finite number/);
  });

  it('tags the error with the provider when one is given, and with none otherwise', () => {
    expect(expectCode(() => validateAmount(0, 'KRW', 'portone'), 'INVALID_AMOUNT').provider).toBe('portone');
    expect(expectCode(() => validateAmount(0, 'KRW'), 'INVALID_AMOUNT').provider).toBeUndefined();
  });

  it.each([
    ['2**53, where 9007199254740992 + 1 is the same number', 2 ** 53],
    ['1e21, which prints as 1e+21', 1e21],
    ['Number.MAX_VALUE', Number.MAX_VALUE],
  ])('refuses %s in KRW with INVALID_AMOUNT naming the largest amount', (_, value) => {
    const error = expectCode(() => validateAmount(value, 'KRW'), 'INVALID_AMOUNT');
    expect(error.message).toMatch(/whole won up to/);
    expect(error.message).toContain(String(Number.MAX_SAFE_INTEGER));
    expectKoreanAndEnglish(error.message);
  });

  it('accepts the largest safe integer in KRW', () => {
    expect(validateAmount(Number.MAX_SAFE_INTEGER, 'KRW').value).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([
    ['-1', -1],
    ['1.5', 1.5],
    ['NaN', Number.NaN],
    ['"15000"', '15000'],
    ['2**53', 2 ** 53],
    ['1e21', 1e21],
  ])('refuses %s in both currencies', (_, value) => {
    expectCode(() => validateAmount(value, 'KRW'), 'INVALID_AMOUNT');
    // 1.5 is 1 dollar 50 cents, the only one of these USD takes.
    if (value !== 1.5) expectCode(() => validateAmount(value, 'USD'), 'INVALID_AMOUNT');
  });

  it('accepts whole cents in USD up to 1e12 and refuses more, or a third decimal', () => {
    expect(validateAmount(0.29, 'USD').value).toBe(0.29);
    expect(validateAmount(1e12, 'USD').value).toBe(1e12);
    expect(expectCode(() => validateAmount(1e12 + 0.01, 'USD'), 'INVALID_AMOUNT').message).toMatch(/at most 1000000000000/);
    const error = expectCode(() => validateAmount(12.345, 'USD'), 'INVALID_AMOUNT');
    expect(error.message).toMatch(/whole cents/);
    expectKoreanAndEnglish(error.message);
  });

  it('has a typed result', () => {
    expectTypeOf(validateAmount(1000)).toEqualTypeOf<Money>();
    expect(validateAmount(1000).currency).toBe('KRW');
  });
});

describe('given an order id', () => {
  it.each([
    ['6 characters, the shortest allowed', 'a1b2c3'],
    ['64 characters, the longest allowed', 'A'.repeat(64)],
    ['letters, digits, - and _', 'order_2024-01-01_ABCxyz'],
  ])('accepts %s and returns it unchanged', (_, id) => {
    expect(validateOrderId(id)).toBe(id);
  });

  it.each([
    ['5 characters', 'a1b2c'],
    ['65 characters', 'A'.repeat(65)],
    ['an empty string', ''],
    ['a space', 'order 123'],
    ['a dot', 'order.123'],
    ['a slash', 'order/123'],
    ['a plus', 'order+123'],
    ['an equals sign', 'order=123'],
    ['Hangul', '주문번호123456'],
    ['an accented letter', 'ordér-123'],
    ['an emoji', 'order-🛒-123'],
    ['a full-width digit', 'order-１２３'],
    ['a trailing newline', 'order-123\n'],
    ['a leading space', ' order-123'],
  ])('refuses %s with INVALID_ORDER_ID', (_, id) => {
    expectCode(() => validateOrderId(id), 'INVALID_ORDER_ID');
  });

  it.each([[123456], [null], [undefined], [{ id: 'order-123' }]])('refuses the non-string %j', (id) => {
    expectCode(() => validateOrderId(id), 'INVALID_ORDER_ID');
  });

  it('states the allowed format and points at createOrderId(), in Korean and English', () => {
    const error = expectCode(() => validateOrderId('abc', 'toss'), 'INVALID_ORDER_ID');
    expectKoreanAndEnglish(error.message);
    expect(error.message).toContain('6–64');
    expect(error.message).toContain('createOrderId()');
    expect(error.message).toContain('"abc"');
    expect(error.provider).toBe('toss');
  });

  it('does not echo a long bad value in full', () => {
    const long = `order-${'x'.repeat(100)}`;
    const error = expectCode(() => validateOrderId(long), 'INVALID_ORDER_ID');
    expect(error.message).not.toContain(long);
    expect(error.message).toContain(`${long.length} chars`);
  });
});

describe('given a Toss secret key where a client key belongs', () => {
  it.each([['test_sk_'], ['live_sk_'], ['test_gsk_'], ['live_gsk_']])(
    '%s… is refused with SECRET_KEY_IN_BROWSER without repeating the secret',
    (prefix) => {
      const secret = `${prefix}${secretTail}`;
      const error = expectCode(() => validateTossClientKey(secret), 'SECRET_KEY_IN_BROWSER');
      expect(error.provider).toBe('toss');
      expect(error.message).not.toContain(secret);
      expect(error.message).not.toContain(secretTail.slice(0, 6));
      // It names the kind of key it saw, and the kind to use instead.
      expect(error.message).toContain(`${prefix}…`);
      expect(error.message).toContain('_gck_');
      expectKoreanAndEnglish(error.message);
      expect(error.message).toMatch(/rotate/);
    },
  );

  it('is refused for the API kind as well', () => {
    expectCode(() => validateTossClientKey(`live_sk_${secretTail}`, 'api'), 'SECRET_KEY_IN_BROWSER');
  });
});

describe('given a Toss client key of the wrong kind', () => {
  it('refuses an API key (test_ck_) for the widget, naming the widget key (gck) it needs', () => {
    const error = expectCode(() => validateTossClientKey('test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq'), 'INVALID_KEY');
    expect(error.provider).toBe('toss');
    expect(error.message).toContain('test_gck_');
    expect(error.message).toContain('test_ck_…');
    expectKoreanAndEnglish(error.message);
  });

  it('refuses a widget key (test_gck_) for the API SDK, naming the API key (ck) it needs', () => {
    const error = expectCode(() => validateTossClientKey(widgetKey, 'api'), 'INVALID_KEY');
    expect(error.message).toContain('test_ck_');
    expect(error.message).toContain('test_gck_…');
  });

  it.each([['pk_test_51H8abc'], ['gck_test_abc'], ['TEST_GCK_ABC'], ['  test_gck_abc']])(
    'refuses the unrecognised %j with INVALID_KEY',
    (key) => {
      const error = expectCode(() => validateTossClientKey(key), 'INVALID_KEY');
      expect(error.message).toContain('an unrecognised format');
    },
  );

  it.each([[''], [undefined], [null], [42]])('refuses a missing key (%j) with INVALID_KEY saying where to get one', (key) => {
    const error = expectCode(() => validateTossClientKey(key), 'INVALID_KEY');
    expect(error.message).toContain('clientKey');
    expect(error.message).toContain('test_gck_');
    expectKoreanAndEnglish(error.message);
  });
});

describe('given a Toss client key of the right kind', () => {
  it('accepts test_gck_ and live_gck_ keys for the widget', () => {
    expect(validateTossClientKey(widgetKey)).toBe(widgetKey);
    expect(validateTossClientKey('live_gck_abc', 'widget')).toBe('live_gck_abc');
  });

  it('accepts test_ck_ and live_ck_ keys for the API SDK', () => {
    expect(validateTossClientKey('test_ck_abc', 'api')).toBe('test_ck_abc');
    expect(validateTossClientKey('live_ck_abc', 'api')).toBe('live_ck_abc');
  });
});

describe('given the API kind and a key that cannot work', () => {
  // House style §3: the message names the right kind of key. For payment()/brandpay() that is *_ck_*,
  // not the widget key.
  it('tells the developer to pass an API client key (…_ck_…) in place of a secret key', () => {
    const error = expectCode(() => validateTossClientKey(`test_sk_${secretTail}`, 'api'), 'SECRET_KEY_IN_BROWSER');
    expect(error.message).toContain('_ck_');
    expect(error.message).not.toContain('_gck_');
  });

  it('tells the developer to pass an API client key (test_ck_…) when the key is missing', () => {
    const error = expectCode(() => validateTossClientKey(undefined, 'api'), 'INVALID_KEY');
    expect(error.message).toContain('test_ck_');
    expect(error.message).not.toContain('test_gck_');
  });
});

describe('given a Toss customer key', () => {
  it('accepts the guest key ANONYMOUS (@@ANONYMOUS)', () => {
    expect(TOSS_ANONYMOUS).toBe('@@ANONYMOUS');
    expect(validateTossCustomerKey(TOSS_ANONYMOUS)).toBe('@@ANONYMOUS');
  });

  it.each([
    ['2 characters, the shortest allowed', 'ab'],
    ['50 characters, the longest allowed', 'c'.repeat(50)],
    ['a UUID', '2f1c6c1e-8d8e-4a5b-9a3f-0c7f6f3e2b1a'],
    ['every allowed symbol', 'a-b_c=d.e@f'],
  ])('accepts %s', (_, key) => {
    expect(validateTossCustomerKey(key)).toBe(key);
  });

  it.each([
    ['1 character', 'a'],
    ['51 characters', 'c'.repeat(51)],
    ['an empty string', ''],
    ['an email with a plus', 'buyer+1@example.com'],
    ['an email with a space', 'buyer @example.com'],
    ['Hangul', '구매자1'],
    ['a number', 12345],
    ['undefined', undefined],
    ['null', null],
  ])('refuses %s with INVALID_OPTION naming the format and ANONYMOUS', (_, key) => {
    const error = expectCode(() => validateTossCustomerKey(key), 'INVALID_OPTION');
    expect(error.provider).toBe('toss');
    expect(error.message).toContain('customerKey');
    expect(error.message).toContain('@@ANONYMOUS');
    expect(error.message).toContain('2–50');
    expectKoreanAndEnglish(error.message);
  });

  it.each([['test_sk_'], ['live_gsk_']])('refuses a secret key (%s…) with SECRET_KEY_IN_BROWSER, without repeating it', (prefix) => {
    const secret = `${prefix}${secretTail}`;
    const error = expectCode(() => validateTossCustomerKey(secret), 'SECRET_KEY_IN_BROWSER');
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain(secretTail.slice(0, 6));
  });

  it('does not echo a long bad customer key in full', () => {
    const key = `user ${'9'.repeat(60)}`;
    const error = expectCode(() => validateTossCustomerKey(key), 'INVALID_OPTION');
    expect(error.message).not.toContain(key);
  });
});

describe('given the yes-or-no checks the result page uses instead of the throwing ones', () => {
  const passes = (check: () => unknown) => {
    try {
      check();
      return true;
    } catch {
      return false;
    }
  };
  const amounts: [unknown, unknown][] = [
    [50000, 'KRW'],
    [1, 'KRW'],
    [0, 'KRW'],
    [-100, 'KRW'],
    [100.5, 'KRW'],
    [Number.MAX_SAFE_INTEGER, 'KRW'],
    [Number.MAX_SAFE_INTEGER + 2, 'KRW'],
    [Number.NaN, 'KRW'],
    [Number.POSITIVE_INFINITY, 'KRW'],
    ['50000', 'KRW'],
    [null, 'KRW'],
    [12.5, 'USD'],
    [0.29, 'USD'],
    [12.345, 'USD'],
    [1e12, 'USD'],
    [1e12 + 1, 'USD'],
    [Number.POSITIVE_INFINITY, 'USD'],
    [50000, 'JPY'],
    [50000, undefined],
  ];

  it.each(amounts)('isValidAmount(%s, %s) says yes exactly when validateAmount accepts it', (value, currency) => {
    expect(isValidAmount(value, currency)).toBe(passes(() => validateAmount(value, currency)));
  });

  it('isValidAmount answers both ways on this table, so the comparison can fail', () => {
    const answers = new Set(amounts.map(([value, currency]) => isValidAmount(value, currency)));
    expect(answers).toEqual(new Set([true, false]));
  });

  it.each<unknown>(['order_1234', 'a-b_c-1', 'short', 'x'.repeat(64), 'x'.repeat(65), 'order 1234', 'order=1234', 12345678, null, undefined])(
    'isOrderId(%s) says yes exactly when validateOrderId accepts it',
    (orderId) => {
      expect(isOrderId(orderId)).toBe(passes(() => validateOrderId(orderId)));
    },
  );
});

describe('given an order for a vendor (validateOrder: the one order rule of the button, the checkout and the drivers)', () => {
  const name = '생수 외 1건';
  it('accepts an order without an id (the button makes one per press) and a 40-character merchant_uid', () => {
    expect(() => validateOrder('toss', { orderName: name })).not.toThrow();
    expect(() => validateOrder('iamport', { orderId: 'm'.repeat(40), orderName: name })).not.toThrow();
  });

  it('refuses an order on its way to the vendor without its id (validateSentOrder), for every vendor', () => {
    for (const provider of ['toss', 'portone', 'iamport'] as const) {
      expect(() => validateSentOrder(provider, { orderName: name })).toThrow(expect.objectContaining({ code: 'INVALID_ORDER_ID', provider }));
      expect(validateSentOrder(provider, { orderId: 'order_12345', orderName: name })).toBe('order_12345');
    }
  });

  it("refuses iamport's 41-character merchant_uid with INVALID_ORDER_ID, which PortOne V2 and Toss accept", () => {
    const long = 'm'.repeat(41);
    expect(() => validateOrder('iamport', { orderId: long, orderName: name })).toThrow(expect.objectContaining({ code: 'INVALID_ORDER_ID', provider: 'iamport' }));
    expect(() => validateOrder('portone', { orderId: long, orderName: name })).not.toThrow();
    expect(() => validateOrder('toss', { orderId: long, orderName: name })).not.toThrow();
  });

  it.each([['empty', ''], ['blank', '  '], ['101 characters', 'x'.repeat(101)], ['missing', undefined]])(
    'refuses an orderName that is %s with INVALID_OPTION, for every vendor',
    (_what, orderName) => {
      for (const provider of ['toss', 'portone', 'iamport'] as const) {
        expect(() => validateOrder(provider, { orderId: 'order_12345', orderName })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', provider }));
      }
    },
  );

  it('refuses a malformed order id with INVALID_ORDER_ID', () => {
    expect(() => validateOrder('portone', { orderId: 'bad id!', orderName: name })).toThrow(expect.objectContaining({ code: 'INVALID_ORDER_ID' }));
  });
});
