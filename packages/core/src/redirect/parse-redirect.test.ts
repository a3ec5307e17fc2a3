import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Provider } from '../errors.js';
import {
  MAX_REDIRECT_QUERY_LENGTH,
  type ParsedRedirect,
  parseRedirect,
  type RedirectInput,
  type RedirectInvalidCode,
} from './parse-redirect.js';
import { expectKoreanAndEnglish } from '../test-utils/checkout-error.js';
import {
  enc,
  iamportExamples,
  impUid,
  merchantUid,
  paymentKey,
  portoneExamples,
  portonePaymentId,
  tossExamples,
  tossOrderId,
  txId,
} from '../test-utils/redirect-examples.js';

/** Parses and fails the test when the query was not read as a payment result. */
function parse(input: unknown, provider?: Provider): ParsedRedirect {
  const result = parseRedirect(input as RedirectInput, provider ? { provider } : undefined);
  if (!result) throw new Error(`expected a payment result for ${String(input).slice(0, 80)}`);
  return result;
}

function expectInvalid(input: unknown, code: RedirectInvalidCode, provider?: Provider): ParsedRedirect {
  const result = parse(input, provider);
  expect(result.status).toBe('invalid');
  expect(result.code).toBe(code);
  return result;
}

describe('given a Toss Payments redirect', () => {
  it.each(tossExamples)('reads %s', (_, url, expected) => {
    const result = parse(url);
    expect(result).toMatchObject({ provider: 'toss', ...expected });
  });

  it('leaves amount out of a failure, so a fail page cannot be confirmed', () => {
    const result = parse(`/fail?code=REJECT_CARD_COMPANY&message=x&orderId=${tossOrderId}&amount=50000`);
    expect(result.status).toBe('fail');
    expect(result).not.toHaveProperty('amount');
    expect(result).not.toHaveProperty('paymentKey');
  });

  it('reads a failure when code arrives together with a paymentKey', () => {
    const result = parse(`?paymentKey=${paymentKey}&orderId=${tossOrderId}&amount=5000&code=REJECT_CARD_COMPANY&message=x`);
    expect(result.status).toBe('fail');
    expect(result.code).toBe('REJECT_CARD_COMPANY');
  });

  it.each([
    ['without paymentKey', `?orderId=${tossOrderId}&amount=50000`, 'MISSING_PAYMENT_KEY'],
    ['with an empty paymentKey', `?paymentKey=&orderId=${tossOrderId}&amount=50000`, 'MISSING_PAYMENT_KEY'],
    ['without orderId', `?paymentKey=${paymentKey}&amount=50000`, 'MISSING_ORDER_ID'],
    ['without amount', `?paymentKey=${paymentKey}&orderId=${tossOrderId}`, 'MISSING_AMOUNT'],
  ] as const)('refuses a success %s as invalid', (_, query, code) => {
    expectInvalid(query, code);
  });

  it.each([
    ['an exponent', '1e3'],
    ['a sign', '-5'],
    ['a plus sign', '%2B5000'],
    ['trailing letters', '5000abc'],
    ['a decimal', '5000.0'],
    ['a leading zero (Toss never pads)', '05000'],
    ['zero', '0'],
    ['a space', '5000%20'],
    ['hex', '0x1388'],
    ['Infinity', 'Infinity'],
    ['a number above MAX_SAFE_INTEGER', '9007199254740993'],
    ['full-width digits', enc('５０００')],
  ])('refuses an amount with %s as INVALID_AMOUNT', (_, amount) => {
    const result = expectInvalid(`?paymentKey=${paymentKey}&orderId=${tossOrderId}&amount=${amount}`, 'INVALID_AMOUNT');
    expect(result).not.toHaveProperty('amount');
  });

  it('accepts the largest safe integer as an amount', () => {
    expect(parse(`?paymentKey=${paymentKey}&orderId=${tossOrderId}&amount=9007199254740991`).amount).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('given a PortOne V2 redirect', () => {
  it.each(portoneExamples)('reads %s', (_, url, expected) => {
    expect(parse(url)).toMatchObject({ provider: 'portone', ...expected });
  });

  it('refuses ISSUE_BILLING_KEY without a billingKey', () => {
    expectInvalid(`?transactionType=ISSUE_BILLING_KEY&txId=${txId}`, 'MISSING_BILLING_KEY');
  });

  it('refuses a payment success without paymentId', () => {
    expectInvalid(`?transactionType=PAYMENT&txId=${txId}`, 'MISSING_PAYMENT_ID');
  });

  it('refuses paymentId and payment_id together, even with equal values', () => {
    expectInvalid(`?paymentId=${portonePaymentId}&payment_id=${portonePaymentId}`, 'DUPLICATE_PARAMETER');
  });

  it('does not read an identity-verification redirect as a payment', () => {
    expect(parseRedirect('?identityVerificationId=identity-verification-39ecfa97&transactionType=IDENTITY_VERIFICATION')).toBeNull();
  });
});

describe('given an iamport V1 redirect (m_redirect_url)', () => {
  it.each(iamportExamples)('reads %s', (_, url, expected) => {
    expect(parse(url)).toMatchObject({ provider: 'iamport', ...expected });
  });

  it('leaves impUid out when it arrived as the text null', () => {
    expect(parse(`?imp_uid=null&merchant_uid=${merchantUid}&error_code=F400`)).not.toHaveProperty('impUid');
  });

  it.each([
    ['imp_uid', `?merchant_uid=${merchantUid}&imp_success=true`, 'MISSING_IMP_UID'],
    ['merchant_uid', `?imp_uid=${impUid}&imp_success=true`, 'MISSING_ORDER_ID'],
  ] as const)('refuses a success without %s', (_, query, code) => {
    expectInvalid(query, code);
  });
});

describe('given each kind of input', () => {
  const query = `paymentType=NORMAL&orderId=${tossOrderId}&paymentKey=${paymentKey}&amount=50000`;
  const expected = { provider: 'toss', status: 'success', orderId: tossOrderId, paymentKey, paymentType: 'NORMAL', amount: 50000, extra: {} };

  it.each<[string, unknown]>([
    ['an absolute URL string', `https://shop.example/success?${query}#top`],
    ['a relative URL string', `/success?${query}`],
    ['a path without a leading slash', `success?${query}`],
    ['a query string with ?', `?${query}`],
    ['a query string without ?', query],
    ['a URL', new URL(`https://shop.example/success?${query}`)],
    ['URLSearchParams', new URLSearchParams(query)],
    ['a location-like object', { href: `https://shop.example/success?${query}`, search: `?${query}` }],
    ['a Next.js searchParams record', { paymentType: 'NORMAL', orderId: tossOrderId, paymentKey, amount: '50000' }],
    ['a record with one-element arrays', { paymentType: ['NORMAL'], orderId: [tossOrderId], paymentKey: [paymentKey], amount: ['50000'] }],
  ])('reads %s', (_, input) => {
    expect(parseRedirect(input as RedirectInput)).toEqual(expected);
  });

  it('reads a bare query whose value contains a raw ?', () => {
    expect(parse(`code=REJECT_CARD_COMPANY&message=${enc('왜')}?&orderId=${tossOrderId}`).message).toBe('왜?');
  });

  it('takes record values as already decoded, without decoding them twice', () => {
    expect(parse({ code: 'REJECT_CARD_COMPANY', message: '100%25 한도', orderId: tossOrderId }).message).toBe('100%25 한도');
  });

  it('skips undefined record values', () => {
    expect(parse({ paymentKey, orderId: tossOrderId, amount: '1000', coupon: undefined }).extra).toEqual({});
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a boolean', true],
    ['a function', () => 'paymentKey=x'],
    ['an empty string', ''],
    ['an empty object', {}],
    ['an array', ['paymentKey', paymentKey]],
    ['a URL without a query', 'https://shop.example/order/success'],
    ['a URL with only a fragment', 'https://shop.example/success#paymentKey=x'],
    ['a promise (Next.js 15 searchParams not awaited)', Promise.resolve({ paymentKey })],
  ])('returns null for %s', (_, input) => {
    expect(parseRedirect(input as RedirectInput)).toBeNull();
  });

  it('returns null without throwing for objects that throw when read', () => {
    const getter = Object.defineProperty({}, 'paymentKey', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const trap = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    for (const input of [getter, trap, revocable.proxy]) {
      expect(() => parseRedirect(input as RedirectInput)).not.toThrow();
      expect(parseRedirect(input as RedirectInput)).toBeNull();
    }
  });

  it('ignores options it cannot read or an unknown provider, and detects instead', () => {
    const hostile = Object.defineProperty({}, 'provider', {
      get() {
        throw new Error('boom');
      },
    });
    expect(parseRedirect(`?${query}`, hostile)).toBeNull();
    expect(parseRedirect(`?${query}`, { provider: 'stripe' as Provider })?.provider).toBe('toss');
  });
});

describe('given a query without a payment result', () => {
  it.each([
    ['a shop page of its own', '?tab=reviews&page=2'],
    ['a promo code', '?code=SUMMER2024'],
    ['an order page', `?orderId=${tossOrderId}`],
    ["another vendor's parameters (Stripe)", '?payment_intent=pi_3MtwBwLkdIwHu7ix28a3tqPa&redirect_status=succeeded'],
    ['a Toss billing-auth redirect (not a payment)', '?authKey=bln_zW4a3b&customerKey=cust_8f2a'],
  ])('returns null for %s', (_, query) => {
    expect(parseRedirect(query)).toBeNull();
  });

  it('returns null when the given provider has none of its keys in the query', () => {
    expect(parseRedirect(`?paymentId=${portonePaymentId}`, { provider: 'toss' })).toBeNull();
  });
});

describe('given an explicit provider', () => {
  it("counts other vendors' keys as the shop's own", () => {
    const result = parse(`?paymentKey=${paymentKey}&orderId=${tossOrderId}&amount=1000&paymentId=internal-77&imp_uid=x`, 'toss');
    expect(result).toMatchObject({ provider: 'toss', status: 'success', extra: { paymentId: 'internal-77', imp_uid: 'x' } });
    expect(result).not.toHaveProperty('paymentId');
  });

  it('reads a Toss failure that has only a code', () => {
    expect(parse('?code=PAY_PROCESS_CANCELED', 'toss')).toMatchObject({ status: 'cancel', code: 'PAY_PROCESS_CANCELED' });
  });

  it('reports the missing paymentKey when only an orderId came back', () => {
    expectInvalid(`?orderId=${tossOrderId}`, 'MISSING_PAYMENT_KEY', 'toss');
  });
});

describe('given a query that has been tampered with', () => {
  it.each([
    ['paymentKey', `?paymentKey=${paymentKey}&paymentKey=other&orderId=${tossOrderId}&amount=50000`],
    ['amount', `?paymentKey=${paymentKey}&orderId=${tossOrderId}&amount=50000&amount=100`],
    ['orderId', `?paymentKey=${paymentKey}&orderId=${tossOrderId}&orderId=${tossOrderId}&amount=50000`],
    ['code', `?code=PAY_PROCESS_CANCELED&code=REJECT_CARD_COMPANY&message=x`],
    ['paymentId', `?paymentId=${portonePaymentId}&paymentId=payment-other`],
    ['imp_uid', `?imp_uid=${impUid}&imp_uid=imp_999&merchant_uid=${merchantUid}`],
    ['the deprecated success flag', `?imp_uid=${impUid}&merchant_uid=${merchantUid}&success=true&success=false`],
  ])('refuses %s given twice as DUPLICATE_PARAMETER naming it', (key, query) => {
    const result = expectInvalid(query, 'DUPLICATE_PARAMETER');
    expect(result.message).toContain(key === 'the deprecated success flag' ? 'success' : key);
  });

  it('refuses a Next.js record with an array value for a vendor key as DUPLICATE_PARAMETER', () => {
    expectInvalid({ paymentKey: [paymentKey, 'other'], orderId: tossOrderId, amount: '50000' }, 'DUPLICATE_PARAMETER');
  });

  it("keeps the first value of the shop's own repeated parameter", () => {
    expect(parse(`?tag=a&tag=b&paymentKey=${paymentKey}&orderId=${tossOrderId}&amount=1000`).extra).toEqual({ tag: 'a' });
  });

  it('refuses keys of two vendors without a provider as AMBIGUOUS_PROVIDER, and says to pass one', () => {
    const result = expectInvalid(`?paymentKey=${paymentKey}&orderId=${tossOrderId}&amount=1000&paymentId=${portonePaymentId}`, 'AMBIGUOUS_PROVIDER');
    expect(result.provider).toBe('toss');
    expect(result.message).toContain('provider');
    expect(result).not.toHaveProperty('paymentKey');
  });

  it.each([
    ['a slash (path traversal on the server)', 'paymentKey', `?paymentKey=..%2F..%2Fv1%2Fbilling&orderId=${tossOrderId}&amount=1000`],
    ['a space', 'orderId', `?paymentKey=${paymentKey}&orderId=abc+def&amount=1000`],
    ['markup', 'imp_uid', `?imp_uid=%3Cimg%3E&merchant_uid=${merchantUid}`],
    ['more than 200 characters', 'paymentId', `?paymentId=${'p'.repeat(201)}`],
    ['non-ASCII', 'merchant_uid', `?imp_uid=${impUid}&merchant_uid=${enc('주문1')}`],
  ])('refuses an id with %s as INVALID_ID', (_, field, query) => {
    const result = expectInvalid(query, 'INVALID_ID');
    expect(result.message).toContain(field);
  });

  it('returns script and HTML in message verbatim, as text', () => {
    const html = `<script>alert(1)</script><img src=x onerror="alert('x')">&amp;`;
    const result = parse(`?code=REJECT_CARD_COMPANY&message=${enc(html)}&orderId=${tossOrderId}`);
    expect(result.message).toBe(html);
    expect(parse(`?paymentId=${portonePaymentId}&code=FAILURE_TYPE_PG&pgMessage=${enc(html)}`).pgMessage).toBe(html);
  });

  it('does not throw on broken percent-encoding', () => {
    expect(parse(`?code=X&message=%E0%A4%A&orderId=${tossOrderId}`).status).toBe('fail');
  });

  it('keeps a __proto__ parameter as plain data', () => {
    const result = parse(`?__proto__=polluted&constructor=x&paymentKey=${paymentKey}&orderId=${tossOrderId}&amount=1000`);
    expect(Object.getPrototypeOf(result.extra)).toBe(Object.prototype);
    expect(Object.keys(result.extra)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('carries no ids or amount in an invalid result, so it cannot be confirmed by mistake', () => {
    const result = expectInvalid(`?paymentKey=${paymentKey}&orderId=${tossOrderId}&amount=1e3&ref=mail`, 'INVALID_AMOUNT');
    expect(result).toEqual({ provider: 'toss', status: 'invalid', code: 'INVALID_AMOUNT', message: result.message, extra: { ref: 'mail' } });
    expectKoreanAndEnglish(result.message ?? '');
  });
});

describe('given a huge query', () => {
  it('refuses a 100 kB query quickly as QUERY_TOO_LONG without reading its values', () => {
    const query = `?paymentKey=${paymentKey}&orderId=${tossOrderId}&amount=50000&pad=${'a'.repeat(100_000)}`;
    const started = performance.now();
    const result = expectInvalid(query, 'QUERY_TOO_LONG');
    expect(performance.now() - started).toBeLessThan(100);
    expect(result).toEqual({ provider: 'toss', status: 'invalid', code: 'QUERY_TOO_LONG', message: result.message, extra: {} });
    expect(result.message).toContain(String(MAX_REDIRECT_QUERY_LENGTH));
  });

  it('refuses a 20 MB query of many parameters quickly', () => {
    const query = `?${'x=1&'.repeat(5_000_000)}imp_uid=${impUid}`;
    const started = performance.now();
    expect(parse(query).code).toBe('QUERY_TOO_LONG');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses oversized URLSearchParams and records too', () => {
    const pad = 'a'.repeat(MAX_REDIRECT_QUERY_LENGTH);
    expectInvalid(new URLSearchParams({ paymentId: portonePaymentId, pad }), 'QUERY_TOO_LONG');
    expectInvalid({ pad, paymentId: portonePaymentId }, 'QUERY_TOO_LONG');
  });

  it('uses the given provider for an oversized query', () => {
    expect(parse(`?orderId=${tossOrderId}&pad=${'a'.repeat(MAX_REDIRECT_QUERY_LENGTH)}`, 'toss').code).toBe('QUERY_TOO_LONG');
  });

  it('returns null for an oversized query with no vendor keys', () => {
    expect(parseRedirect(`?pad=${'a'.repeat(100_000)}`)).toBeNull();
  });

  it('still reads a query just under the limit', () => {
    const tail = `paymentKey=${paymentKey}&orderId=${tossOrderId}&amount=1000`;
    const pad = 'x=1&'.repeat(Math.floor((MAX_REDIRECT_QUERY_LENGTH - tail.length) / 4));
    const query = pad + tail;
    expect(query.length).toBeLessThanOrEqual(MAX_REDIRECT_QUERY_LENGTH);
    expect(parse(query)).toMatchObject({ status: 'success', amount: 1000, extra: { x: '1' } });
  });
});

describe('the public types', () => {
  it('takes every documented input and returns ParsedRedirect | null', () => {
    expectTypeOf(parseRedirect).parameter(0).toEqualTypeOf<RedirectInput | null | undefined>();
    expectTypeOf(parseRedirect).returns.toEqualTypeOf<ParsedRedirect | null>();
    expectTypeOf<{ a: string; b: string[]; c: undefined }>().toMatchTypeOf<RedirectInput>();
    expectTypeOf<ParsedRedirect['status']>().toEqualTypeOf<'success' | 'fail' | 'cancel' | 'invalid'>();
    expectTypeOf<ParsedRedirect['provider']>().toEqualTypeOf<Provider>();
    expectTypeOf<ParsedRedirect['extra']>().toEqualTypeOf<Record<string, string>>();
  });
});
