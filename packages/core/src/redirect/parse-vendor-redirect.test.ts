import { describe, expect, it } from 'vitest';
import type { Provider } from '../errors.js';
import { parseIamportRedirect } from '../iamport/parse-iamport-redirect.js';
import { parsePortOneRedirect } from '../portone/parse-portone-redirect.js';
import { MAX_REDIRECT_QUERY_LENGTH, type ParsedRedirect, parseRedirect, type RedirectInput } from './parse-redirect.js';
import { parseTossRedirect } from '../toss/parse-toss-redirect.js';
import {
  enc,
  iamportExamples,
  impUid,
  merchantUid,
  paymentKey,
  portoneExamples,
  portonePaymentId,
  type RedirectExample,
  tossExamples,
  tossOrderId,
  txId,
} from '../test-utils/redirect-examples.js';

// The one-vendor parsers are what @kcheckout/react/toss, /portone and /iamport read redirects with.
// Each must keep every rule of parseRedirect on its own vendor's queries, and must never read
// another vendor's query as its own: a page of one vendor sees such a query as no result (null), or
// as invalid when the query mixes both vendors' keys.

const providers: readonly Provider[] = ['toss', 'portone', 'iamport'];
const parsers: Record<Provider, (input: RedirectInput | null | undefined) => ParsedRedirect | null> = {
  toss: parseTossRedirect,
  portone: parsePortOneRedirect,
  iamport: parseIamportRedirect,
};
const examples: Record<Provider, RedirectExample[]> = { toss: tossExamples, portone: portoneExamples, iamport: iamportExamples };

/** A success of each vendor, and a key only that vendor sends, to mix into another vendor's query. */
const successes: Record<Provider, string> = {
  toss: `?paymentType=NORMAL&orderId=${tossOrderId}&paymentKey=${paymentKey}&amount=50000`,
  portone: `?paymentId=${portonePaymentId}&transactionType=PAYMENT&txId=${txId}`,
  iamport: `?imp_uid=${impUid}&merchant_uid=${merchantUid}`,
};
const ownKeys: Record<Provider, readonly string[]> = {
  toss: ['paymentKey', 'paymentType'],
  portone: ['paymentId', 'payment_id', 'txId', 'tx_id', 'transactionType', 'billingKey', 'pgCode', 'pgMessage'],
  iamport: ['imp_uid', 'merchant_uid', 'imp_success', 'error_code', 'error_msg'],
};

/** An `invalid` result holds nothing a confirm call could use. */
function expectNothingToConfirm(result: ParsedRedirect | null, provider: Provider, code: string): void {
  expect(result).toEqual({ provider, status: 'invalid', code, message: expect.any(String), extra: result?.extra });
}

describe.each(providers)('given the %s parser', (provider) => {
  const parse = parsers[provider];
  const others = providers.filter((other) => other !== provider);

  it.each(examples[provider])('reads %s exactly as parseRedirect(query, { provider }) does', (_, query, expected) => {
    const result = parse(query);
    expect(result).toMatchObject({ provider, ...expected });
    expect(result).toEqual(parseRedirect(query, { provider }));
  });

  for (const other of others) {
    it.each(examples[other])(`returns null for ${other}'s %s`, (_, query) => {
      expect(parse(query)).toBeNull();
    });

    it.each(ownKeys[other])(`refuses its success with ${other}'s %s added as AMBIGUOUS_PROVIDER, holding no ids`, (key) => {
      const result = parse(`${successes[provider]}&${key}=internal-77`);
      expectNothingToConfirm(result, provider, 'AMBIGUOUS_PROVIDER');
      expect(result?.message).toContain(other);
      // The root entry refuses it too; there a `provider` option would settle it, here nothing does.
      expect(parseRedirect(`${successes[provider]}&${key}=internal-77`)?.code).toBe('AMBIGUOUS_PROVIDER');
    });
  }

  it('refuses its success with a key of each other vendor added, in any order, as AMBIGUOUS_PROVIDER', () => {
    const mixed = new URLSearchParams([...others.map((other): [string, string] => [ownKeys[other][0] as string, 'x'])]);
    expectNothingToConfirm(parse(`?${mixed}&${successes[provider].slice(1)}`), provider, 'AMBIGUOUS_PROVIDER');
    expectNothingToConfirm(parse(`${successes[provider]}&${mixed}`), provider, 'AMBIGUOUS_PROVIDER');
  });

  it('agrees with parseRedirect(query, { provider }) on every vendor key given twice (DUPLICATE_PARAMETER)', () => {
    let duplicated = 0;
    for (const [, query] of examples[provider]) {
      const params = new URLSearchParams(query.slice(query.indexOf('?') + 1));
      const read = parse(query);
      for (const [key, value] of params) {
        if (read && key in read.extra) continue;
        const twice = `${query}&${key}=${enc(value)}`;
        const result = parse(twice);
        expectNothingToConfirm(result, provider, 'DUPLICATE_PARAMETER');
        expect(result).toEqual(parseRedirect(twice, { provider }));
        duplicated++;
      }
    }
    expect(duplicated).toBeGreaterThan(10);
  });

  it(`refuses a query over ${MAX_REDIRECT_QUERY_LENGTH} characters as QUERY_TOO_LONG, in every input shape`, () => {
    const pad = 'a'.repeat(MAX_REDIRECT_QUERY_LENGTH);
    const query = `${successes[provider]}&pad=${pad}`;
    expectNothingToConfirm(parse(query), provider, 'QUERY_TOO_LONG');
    expectNothingToConfirm(parse(new URLSearchParams(query)), provider, 'QUERY_TOO_LONG');
    expectNothingToConfirm(parse(Object.fromEntries(new URLSearchParams(query))), provider, 'QUERY_TOO_LONG');
    expect(parse(query)).toEqual({ ...parseRedirect(query, { provider }), extra: {} });
  });

  it("returns null for an over-long query that holds another vendor's keys only", () => {
    for (const other of others) expect(parse(`${successes[other]}&pad=${'a'.repeat(100_000)}`)).toBeNull();
  });

  it.each([
    ['a shop page of its own', '?tab=reviews&page=2'],
    ["another vendor's parameters (Stripe)", '?payment_intent=pi_3MtwBwLkdIwHu7ix28a3tqPa&redirect_status=succeeded'],
    ['an identity-verification redirect', '?identityVerificationId=identity-verification-39ecfa97&transactionType=IDENTITY_VERIFICATION'],
    ['an empty string', ''],
    ['null', null],
  ])('returns null for %s', (_, query) => {
    expect(parse(query)).toBeNull();
  });

  it('returns null without throwing for input that throws when read', () => {
    const getter = Object.defineProperty({}, 'paymentKey', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    for (const input of [getter, revocable.proxy, 42, () => 'x']) {
      expect(() => parse(input as RedirectInput)).not.toThrow();
      expect(parse(input as RedirectInput)).toBeNull();
    }
  });
});

describe('given the Toss parser', () => {
  it.each(['1e3', '-5', '%2B5000', '5000.0', '05000', '0', '5000%20', '0x1388', '9007199254740993', enc('５０００')])(
    'refuses the amount %s as INVALID_AMOUNT, without the amount',
    (amount) => {
      expectNothingToConfirm(parseTossRedirect(`?paymentKey=${paymentKey}&orderId=${tossOrderId}&amount=${amount}`), 'toss', 'INVALID_AMOUNT');
    },
  );

  it.each([
    ['paymentKey', `?paymentKey=..%2F..%2Fv1%2Fbilling&orderId=${tossOrderId}&amount=1000`],
    ['orderId', `?paymentKey=${paymentKey}&orderId=abc+def&amount=1000`],
  ])('refuses an unsafe %s as INVALID_ID', (key, query) => {
    const result = parseTossRedirect(query);
    expectNothingToConfirm(result, 'toss', 'INVALID_ID');
    expect(result?.message).toContain(key);
  });

  it.each([
    ['a success without paymentKey', `?orderId=${tossOrderId}&amount=50000`, 'MISSING_PAYMENT_KEY'],
    ['a success without orderId', `?paymentKey=${paymentKey}&amount=50000`, 'MISSING_ORDER_ID'],
    ['a success without amount', `?paymentKey=${paymentKey}&orderId=${tossOrderId}`, 'MISSING_AMOUNT'],
    ['an orderId alone', `?orderId=${tossOrderId}`, 'MISSING_PAYMENT_KEY'],
  ])('refuses %s', (_, query, code) => {
    expectNothingToConfirm(parseTossRedirect(query), 'toss', code);
  });

  it('reads a failure that has only a code, as parseRedirect(query, { provider: "toss" }) does', () => {
    expect(parseTossRedirect('?code=PAY_PROCESS_CANCELED')).toEqual({ provider: 'toss', status: 'cancel', code: 'PAY_PROCESS_CANCELED', extra: {} });
  });

  it('leaves amount out of a failure, so a fail page cannot be confirmed', () => {
    expect(parseTossRedirect(`?code=REJECT_CARD_COMPANY&message=x&orderId=${tossOrderId}&amount=50000&ref=mail`)).toEqual({
      provider: 'toss',
      status: 'fail',
      code: 'REJECT_CARD_COMPANY',
      message: 'x',
      orderId: tossOrderId,
      extra: { ref: 'mail' },
    });
  });
});

describe('given the PortOne parser', () => {
  it.each([
    ['paymentId and payment_id', `?paymentId=${portonePaymentId}&payment_id=${portonePaymentId}`],
    ['txId and tx_id', `?paymentId=${portonePaymentId}&txId=${txId}&tx_id=${txId}`],
  ])('refuses the old and new names together (%s) as DUPLICATE_PARAMETER', (_, query) => {
    expectNothingToConfirm(parsePortOneRedirect(query), 'portone', 'DUPLICATE_PARAMETER');
  });

  it.each([
    ['a payment success without paymentId', `?transactionType=PAYMENT&txId=${txId}`, 'MISSING_PAYMENT_ID'],
    ['ISSUE_BILLING_KEY without billingKey', `?transactionType=ISSUE_BILLING_KEY&txId=${txId}`, 'MISSING_BILLING_KEY'],
    ['an unsafe paymentId', `?paymentId=${'p'.repeat(201)}`, 'INVALID_ID'],
    ['an unsafe billingKey', `?billingKey=${enc('<img>')}&transactionType=ISSUE_BILLING_KEY`, 'INVALID_ID'],
  ])('refuses %s', (_, query, code) => {
    expectNothingToConfirm(parsePortOneRedirect(query), 'portone', code);
  });

  it("returns null for Toss's failure shape, which detection gives to Toss", () => {
    expect(parsePortOneRedirect(`?code=REJECT_CARD_COMPANY&message=x&orderId=${tossOrderId}`)).toBeNull();
    expect(parseRedirect(`?code=REJECT_CARD_COMPANY&message=x&orderId=${tossOrderId}`)?.provider).toBe('toss');
  });
});

describe('given the iamport parser', () => {
  it.each([
    ['imp_uid', `?imp_uid=%3Cimg%3E&merchant_uid=${merchantUid}`],
    ['merchant_uid', `?imp_uid=${impUid}&merchant_uid=${enc('주문1')}`],
  ])('refuses an unsafe %s as INVALID_ID', (key, query) => {
    const result = parseIamportRedirect(query);
    expectNothingToConfirm(result, 'iamport', 'INVALID_ID');
    expect(result?.message).toContain(key);
  });

  it.each([
    ['a success without imp_uid', `?merchant_uid=${merchantUid}&imp_success=true`, 'MISSING_IMP_UID'],
    ['a success without merchant_uid', `?imp_uid=${impUid}&imp_success=true`, 'MISSING_ORDER_ID'],
    ['the deprecated success flag given twice', `?imp_uid=${impUid}&merchant_uid=${merchantUid}&success=true&success=false`, 'DUPLICATE_PARAMETER'],
  ])('refuses %s', (_, query, code) => {
    expectNothingToConfirm(parseIamportRedirect(query), 'iamport', code);
  });

  it("counts Toss's and PortOne's shared names (code, message, orderId) as the shop's own", () => {
    expect(parseIamportRedirect(`?imp_uid=${impUid}&merchant_uid=${merchantUid}&orderId=ord_1&code=SUMMER`)).toMatchObject({
      provider: 'iamport',
      status: 'success',
      extra: { orderId: 'ord_1', code: 'SUMMER' },
    });
  });
});
