import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { CheckoutErrorCode } from '../errors.js';
import { type ParsedRedirect, parseRedirect } from './parse-redirect.js';
import {
  checkRedirectAmount,
  DEFAULT_PENDING_ORDER_TTL_MS,
  forgetOrder,
  type PendingOrder,
  PENDING_ORDER_PREFIX,
  recallOrder,
  rememberOrder,
  type RememberedOrder,
} from './pending-orders.js';
import { expectCode, expectKoreanAndEnglish } from '../test-utils/checkout-error.js';

const orderId = 'order_Xk29vB7qLm3nP8rT4wYz';
const order: PendingOrder = { orderId, amount: 50000, currency: 'KRW', provider: 'toss' };
const key = `kcheckout:order:${orderId}`;
const paymentKey = 'tviva2023111820545503n42';
const start = new Date('2025-03-01T09:00:00Z').getTime();

function tossSuccess(amount: number | string, id = orderId): ParsedRedirect {
  const result = parseRedirect(`?paymentType=NORMAL&orderId=${id}&paymentKey=${paymentKey}&amount=${amount}`);
  if (result?.status !== 'success') throw new Error('fixture should be a success');
  return result;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(start);
  sessionStorage.clear();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('given an order remembered before the payment window opens', () => {
  it('reads it back with its expiry, under a namespaced key', () => {
    expect(rememberOrder(order)).toBe(true);
    expect(PENDING_ORDER_PREFIX + orderId).toBe(key);
    expect(sessionStorage.getItem(key)).not.toBeNull();
    expect(recallOrder(orderId)).toEqual({ ...order, expiresAt: start + 60 * 60 * 1000 });
  });

  it('keeps PortOne USD amounts in cents precision', () => {
    rememberOrder({ orderId, amount: 12.5, currency: 'USD', provider: 'portone' });
    expect(recallOrder(orderId)).toMatchObject({ amount: 12.5, currency: 'USD', provider: 'portone' });
  });

  it('replaces an order remembered under the same id', () => {
    rememberOrder(order);
    rememberOrder({ ...order, amount: 42000 });
    expect(recallOrder(orderId)?.amount).toBe(42000);
  });

  it('keeps orders apart by id', () => {
    rememberOrder(order);
    expect(recallOrder('order_someone_else')).toBeNull();
  });

  it('forgets it on request', () => {
    rememberOrder(order);
    forgetOrder(orderId);
    expect(recallOrder(orderId)).toBeNull();
    expect(sessionStorage.getItem(key)).toBeNull();
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['a number', 42],
    ['a path', '../kcheckout:confirm:x'],
    ['an id too short for any vendor', 'abc'],
  ])('returns null for an order id that is %s, without throwing', (_, id) => {
    rememberOrder(order);
    expect(recallOrder(id)).toBeNull();
    expect(() => forgetOrder(id)).not.toThrow();
    expect(recallOrder(orderId)).not.toBeNull();
  });
});

describe('given time passing', () => {
  it('returns the order until an hour has passed, then removes it', () => {
    rememberOrder(order);
    vi.advanceTimersByTime(DEFAULT_PENDING_ORDER_TTL_MS - 1);
    expect(recallOrder(orderId)).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(recallOrder(orderId)).toBeNull();
    expect(sessionStorage.getItem(key)).toBeNull();
  });

  it('honours a shorter ttlMs', () => {
    rememberOrder(order, { ttlMs: 10 * 60 * 1000 });
    vi.advanceTimersByTime(10 * 60 * 1000);
    expect(recallOrder(orderId)).toBeNull();
  });

  it('honours a longer ttlMs up to a day', () => {
    rememberOrder(order, { ttlMs: 24 * 60 * 60 * 1000 });
    vi.advanceTimersByTime(23 * 60 * 60 * 1000);
    expect(recallOrder(orderId)?.expiresAt).toBe(start + 24 * 60 * 60 * 1000);
  });
});

describe('given storage the buyer has edited', () => {
  const valid = { v: 1, orderId, amount: 50000, currency: 'KRW', provider: 'toss', expiresAt: start + 60_000 };

  it.each<[string, string]>([
    ['text that is not JSON', '{"v":1,'],
    ['JSON null', 'null'],
    ['a JSON string', '"50000"'],
    ['a JSON array', JSON.stringify([valid])],
    ['another format version', JSON.stringify({ ...valid, v: 2 })],
    ["another order's entry copied under this key", JSON.stringify({ ...valid, orderId: 'order_other_123' })],
    ['the amount as a string', JSON.stringify({ ...valid, amount: '50000' })],
    ['a negative amount', JSON.stringify({ ...valid, amount: -5 })],
    ['a fractional won amount', JSON.stringify({ ...valid, amount: 100.5 })],
    ['an unknown currency', JSON.stringify({ ...valid, currency: 'JPY' })],
    ['an unknown provider', JSON.stringify({ ...valid, provider: 'stripe' })],
    ['no expiry', JSON.stringify({ ...valid, expiresAt: undefined })],
    ['an expiry as text', JSON.stringify({ ...valid, expiresAt: String(start + 60_000) })],
    ['an expiry pushed years ahead', JSON.stringify({ ...valid, expiresAt: start + 365 * 24 * 60 * 60 * 1000 })],
  ])('treats %s as no order, and removes it', (_, text) => {
    sessionStorage.setItem(key, text);
    expect(recallOrder(orderId)).toBeNull();
    expect(sessionStorage.getItem(key)).toBeNull();
  });

  it('reads an entry that has exactly the written shape', () => {
    sessionStorage.setItem(key, JSON.stringify(valid));
    expect(recallOrder(orderId)).toEqual({ orderId, amount: 50000, currency: 'KRW', provider: 'toss', expiresAt: start + 60_000 });
  });
});

describe('given sessionStorage that is missing or fails', () => {
  it('works without storage (server rendering): remember says false, recall says null', () => {
    vi.stubGlobal('sessionStorage', undefined);
    expect(rememberOrder(order)).toBe(false);
    expect(recallOrder(orderId)).toBeNull();
    expect(() => forgetOrder(orderId)).not.toThrow();
  });

  it('works when reading sessionStorage itself throws (storage blocked)', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'sessionStorage');
    Object.defineProperty(globalThis, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      expect(rememberOrder(order)).toBe(false);
      expect(recallOrder(orderId)).toBeNull();
      expect(() => forgetOrder(orderId)).not.toThrow();
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'sessionStorage', descriptor);
    }
  });

  it('returns false when the write is refused (quota, Safari private mode)', () => {
    vi.stubGlobal('sessionStorage', storageThatThrows(['setItem'], 'QuotaExceededError'));
    expect(rememberOrder(order)).toBe(false);
    expect(recallOrder(orderId)).toBeNull();
  });

  it('returns null when getItem and removeItem throw', () => {
    rememberOrder(order);
    vi.stubGlobal('sessionStorage', storageThatThrows(['getItem', 'removeItem'], 'SecurityError'));
    expect(recallOrder(orderId)).toBeNull();
    expect(() => forgetOrder(orderId)).not.toThrow();
  });
});

/** A working in-memory Storage whose named methods throw a DOMException, as browsers do. */
function storageThatThrows(methods: (keyof Storage)[], name: string): Storage {
  const items = new Map<string, string>();
  const storage = {
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  } as Storage;
  for (const method of methods) {
    (storage as unknown as Record<string, unknown>)[method] = () => {
      throw new DOMException(`${String(method)} refused`, name);
    };
  }
  return storage;
}

describe('given an order that cannot be remembered', () => {
  it.each<[string, unknown, CheckoutErrorCode]>([
    ['no order', null, 'INVALID_OPTION'],
    ['a bad order id', { ...order, orderId: 'short' }, 'INVALID_ORDER_ID'],
    ['an order id with a slash', { ...order, orderId: 'order/123456' }, 'INVALID_ORDER_ID'],
    ['a zero amount', { ...order, amount: 0 }, 'INVALID_AMOUNT'],
    ['an amount as a string', { ...order, amount: '50000' }, 'INVALID_AMOUNT'],
    ['a fractional won amount', { ...order, amount: 999.5 }, 'INVALID_AMOUNT'],
    ['an unknown currency', { ...order, currency: 'JPY' }, 'INVALID_OPTION'],
    ['an unknown provider', { ...order, provider: 'stripe' }, 'INVALID_OPTION'],
  ])('throws for %s, saying what to pass', (_, input, code) => {
    const error = expectCode(() => rememberOrder(input as PendingOrder), code);
    expectKoreanAndEnglish(error.message);
    expect(sessionStorage.length).toBe(0);
  });

  it.each([[0], [-1], [Number.NaN], [Number.POSITIVE_INFINITY], [25 * 60 * 60 * 1000]])('refuses ttlMs %s', (ttlMs) => {
    const error = expectCode(() => rememberOrder(order, { ttlMs }), 'INVALID_OPTION');
    expect(error.message).toContain('ttlMs');
    expectKoreanAndEnglish(error.message);
  });

  it("names the accepted providers when the provider is wrong", () => {
    const error = expectCode(() => rememberOrder({ ...order, provider: 'kakao' as never }), 'INVALID_OPTION');
    expect(error.message).toContain("'toss', 'portone'");
  });
});

describe('given a Toss redirect and the remembered order', () => {
  it('passes a redirect whose amount matches, unchanged', () => {
    rememberOrder(order);
    const parsed = tossSuccess(50000);
    expect(checkRedirectAmount(parsed, recallOrder(orderId))).toBe(parsed);
  });

  it('flags an edited amount as AMOUNT_MISMATCH, without the ids confirm would need', () => {
    rememberOrder(order);
    const parsed = tossSuccess(100);
    const checked = checkRedirectAmount(parsed, recallOrder(parsed.orderId));
    expect(checked).toEqual({ provider: 'toss', status: 'invalid', code: 'AMOUNT_MISMATCH', message: checked.message, extra: {} });
    expect(checked.message).toContain('100');
    expectKoreanAndEnglish(checked.message ?? '');
  });

  it('compares with an expected amount given as a number', () => {
    expect(checkRedirectAmount(tossSuccess(50000), 50000).status).toBe('success');
    expect(checkRedirectAmount(tossSuccess(50001), 50000).code).toBe('AMOUNT_MISMATCH');
  });

  it('keeps the shop parameters on a mismatch', () => {
    const parsed = parseRedirect(`?ref=mail&orderId=${orderId}&paymentKey=${paymentKey}&amount=1`);
    expect(parsed && checkRedirectAmount(parsed, 50000).extra).toEqual({ ref: 'mail' });
  });

  it('leaves the result alone when nothing was remembered (another tab or device)', () => {
    const parsed = tossSuccess(100);
    expect(checkRedirectAmount(parsed, recallOrder(orderId))).toBe(parsed);
    expect(checkRedirectAmount(parsed, undefined)).toBe(parsed);
  });

  it("leaves the result alone when given another order's record", () => {
    const parsed = tossSuccess(100);
    expect(checkRedirectAmount(parsed, { orderId: 'order_other_123', amount: 50000 })).toBe(parsed);
  });

  it('leaves failures and PortOne or iamport results alone (their redirects carry no amount)', () => {
    const fail = parseRedirect(`?code=REJECT_CARD_COMPANY&message=x&orderId=${orderId}`);
    const portone = parseRedirect(`?paymentId=${orderId}&txId=tx-1`);
    const iamport = parseRedirect(`?imp_uid=imp_123456789012&merchant_uid=${orderId}`);
    for (const parsed of [fail, portone, iamport]) {
      if (!parsed) throw new Error('fixture should parse');
      expect(checkRedirectAmount(parsed, 50000)).toBe(parsed);
    }
  });

  it('catches an amount edited between the click and the redirect, end to end', () => {
    rememberOrder({ orderId, amount: 129000, currency: 'KRW', provider: 'toss' });
    const parsed = parseRedirect(`https://shop.example/success?paymentType=NORMAL&orderId=${orderId}&paymentKey=${paymentKey}&amount=1000`);
    if (!parsed) throw new Error('fixture should parse');
    expect(checkRedirectAmount(parsed, recallOrder(parsed.orderId)).code).toBe('AMOUNT_MISMATCH');
  });
});

describe('the public types', () => {
  it('has the documented signatures', () => {
    expectTypeOf(rememberOrder).returns.toEqualTypeOf<boolean>();
    expectTypeOf(recallOrder).returns.toEqualTypeOf<RememberedOrder | null>();
    expectTypeOf(checkRedirectAmount).returns.toEqualTypeOf<ParsedRedirect>();
    expectTypeOf<RememberedOrder>().toMatchTypeOf<PendingOrder>();
  });
});
