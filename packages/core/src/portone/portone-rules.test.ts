import { describe, expect, expectTypeOf, it } from 'vitest';
import { isPortOneCancel } from './portone-cancel.js';
import { PORTONE_EASY_PAY_PROVIDERS, validatePortOneMethod } from '../payment-methods.js';
import {
  looksLikePortOneSecret,
  refusePortOneSecret,
  refusePortOneSecretOptions,
  refuseTossSecretsIn,
} from '../secrets.js';
import {
  normalizePortOneCurrency,
  type PortOneMoney,
  toPortOneMinorUnits,
  validatePortOneMoney,
} from './portone-money.js';
import {
  validateIamportCode,
  validateIamportPg,
  validatePortOneChannelKey,
  validatePortOneStoreId,
  validateRedirectUrl,
} from './portone-ids.js';
import { validateIamportV1Options } from '../iamport/iamport-v1.js';
import { buildIamportParams } from '../iamport/iamport-request.js';
import { validatePortOneV2Options } from './portone-v2.js';
import { buildPortOneBillingKeyRequest, buildPortOnePaymentRequest } from './portone-v2-request.js';
import type { Money } from '../validation.js';
import { expectCode, expectKoreanAndEnglish, thrown } from '../test-utils/checkout-error.js';

// The PortOne rules (portone-money, portone-ids, portone-cancel, ../payment-methods) and the secret checks (../secrets.ts),
// alone and through the V2 and V1 request builders that apply them.

// Shaped like the real ones (ids from public example configs); none of these is a live credential.
const storeId = 'store-b7989765-d2bf-4cd4-a9e4-01bf6abfc7df';
const channelKey = 'channel-key-d738bdfd-6896-4aed-9700-7634ca13c91a';
const channelId = 'channel-id-bca9c4b1-3da4-4a78-bc6d-870e494b7439';
const impCode = 'imp12345678';
const restApiKey = '0588880683871737';
const impUid = 'imp_123456789012';
const v2Secret = 'Xq7T2mBvN9cRk4LpZs8WdYh3Gj6Fa1Ue5Ko0Ii2Pb7Vn4Mc9Qx3Rz8Sy1Tw6Ua5Hd0Jf2Lg7Ne4Ob9Kp3Cm';
const v1Secret = 'a'.repeat(4) + '3f9c0e7d1b5a2c8e4f6a0b9d3c7e1f5a2b8c4d0e6f9a3b7c1d5e8f2a4b6c0d9e3f7a1b5c8d2e4';
const webhookSecret = 'whsec_dGhpcyBpcyBub3QgYSByZWFsIHNlY3JldCBhdCBhbGw=';
const accessToken = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.c2lnbmF0dXJl';

describe('given a PortOne currency', () => {
  it.each([
    ['KRW', 'KRW'],
    ['CURRENCY_KRW', 'KRW'],
    ['USD', 'USD'],
    ['CURRENCY_USD', 'USD'],
  ] as const)('accepts %s as %s', (input, iso) => {
    expect(normalizePortOneCurrency(input)).toBe(iso);
  });

  it.each([['JPY'], ['CURRENCY_JPY'], ['krw'], ['currency_krw'], [''], [null], [410]])(
    'refuses %j with INVALID_OPTION naming both spellings',
    (currency) => {
      const error = expectCode(() => normalizePortOneCurrency(currency), 'INVALID_OPTION');
      expect(error.message).toContain("'KRW'");
      expect(error.message).toContain("'CURRENCY_KRW'");
      expect(error.provider).toBe('portone');
      expectKoreanAndEnglish(error.message);
    },
  );

  it('tags the error with iamport when asked', () => {
    expect(expectCode(() => normalizePortOneCurrency('EUR', 'iamport'), 'INVALID_OPTION').provider).toBe('iamport');
  });
});

describe('given a PortOne amount', () => {
  it('returns the amount with the ISO currency, whichever spelling came in', () => {
    expect(validatePortOneMoney({ value: 50000, currency: 'CURRENCY_KRW' })).toEqual({ value: 50000, currency: 'KRW' });
    expect(validatePortOneMoney({ value: 12.5, currency: 'CURRENCY_USD' })).toEqual({ value: 12.5, currency: 'USD' });
  });

  it('treats a missing currency as KRW', () => {
    expect(validatePortOneMoney({ value: 1000 })).toEqual({ value: 1000, currency: 'KRW' });
  });

  it.each([
    ['half a won', { value: 0.5, currency: 'KRW' }],
    ['zero', { value: 0, currency: 'CURRENCY_KRW' }],
    ['a negative amount', { value: -100, currency: 'KRW' }],
    ['NaN', { value: Number.NaN, currency: 'KRW' }],
    ['a numeric string', { value: '50000', currency: 'KRW' }],
    ['a fraction of a cent', { value: 12.345, currency: 'USD' }],
  ])('refuses %s with INVALID_AMOUNT', (_, money) => {
    expectCode(() => validatePortOneMoney(money), 'INVALID_AMOUNT');
  });

  it.each([[undefined], [null], [50000]])('refuses %j, which is not { value, currency }, with INVALID_AMOUNT', (money) => {
    const error = expectCode(() => validatePortOneMoney(money), 'INVALID_AMOUNT');
    expect(error.message).toContain("{ value: 50000, currency: 'KRW' }");
  });

  it('says a USD amount must be whole cents, in Korean and English', () => {
    const error = expectCode(() => validatePortOneMoney({ value: 9.999, currency: 'USD' }, 'iamport'), 'INVALID_AMOUNT');
    expect(error.message).toContain('9.999');
    expect(error.message).toMatch(/whole cents/);
    expect(error.provider).toBe('iamport');
    expectKoreanAndEnglish(error.message);
  });

  it('converts to V2 minor units: won stay won, dollars become cents (without float drift)', () => {
    expect(toPortOneMinorUnits({ value: 50000, currency: 'KRW' })).toBe(50000);
    expect(toPortOneMinorUnits({ value: 12.5, currency: 'USD' })).toBe(1250);
    expect(toPortOneMinorUnits({ value: 0.29, currency: 'USD' })).toBe(29);
    expect(toPortOneMinorUnits({ value: 1.005 * 1000, currency: 'USD' })).toBe(100500);
  });

  it('accepts our Money wherever PortOneMoney is asked for', () => {
    expectTypeOf<Money>().toExtend<PortOneMoney>();
    expectTypeOf<{ value: number; currency: 'CURRENCY_KRW' }>().toExtend<PortOneMoney>();
    expectTypeOf<{ value: number; currency: 'JPY' }>().not.toExtend<PortOneMoney>();
  });
});

describe('given a PortOne secret in browser code', () => {
  it.each([
    ['a V2 API secret', v2Secret],
    ['a V1 imp_secret', v1Secret],
    ['a webhook secret (whsec_…)', webhookSecret],
    ['an access token (JWT)', accessToken],
    ['a secret with a trailing newline from an .env file', `${v2Secret}\n`],
  ])('recognises %s', (_, value) => {
    expect(looksLikePortOneSecret(value)).toBe(true);
  });

  it.each([
    ['a store id', storeId],
    ['a channel key', channelKey],
    ['a channel id', channelId],
    ['a merchant code', impCode],
    ['the V1 REST API key (not a secret)', restApiKey],
    ['an imp_uid', impUid],
    ['a short word', 'secret'],
    ['a number', 12345],
    ['undefined', undefined],
  ])('does not mistake %s for one', (_, value) => {
    expect(looksLikePortOneSecret(value)).toBe(false);
  });

  it.each([
    ['storeId', () => validatePortOneStoreId(v2Secret)],
    ['channelKey', () => validatePortOneChannelKey(webhookSecret)],
    ['impCode', () => validateIamportCode(v1Secret)],
    ['pg', () => validateIamportPg(v1Secret)],
  ])('refuses it as %s with SECRET_KEY_IN_BROWSER, never echoing it', (field, run) => {
    const error = expectCode(run, 'SECRET_KEY_IN_BROWSER');
    expect(error.message).toContain(field);
    for (const secret of [v2Secret, v1Secret, webhookSecret]) expect(error.message).not.toContain(secret.slice(0, 10));
    expect(error.message).toMatch(/rotate/);
    expect(error.message).toContain('store-');
    expectKoreanAndEnglish(error.message);
  });

  it('names the V1 secret for iamport and the V2 secret for PortOne', () => {
    expect(thrown(() => validateIamportCode(v1Secret)).message).toContain('imp_secret');
    expect(thrown(() => validatePortOneStoreId(v2Secret)).message).toContain('V2 API');
  });

  it('refuses an options object carrying a secret under a telling name, never echoing it', () => {
    for (const name of ['apiSecret', 'secret', 'imp_secret', 'impSecret', 'webhookSecret']) {
      const error = expectCode(() => refusePortOneSecretOptions({ storeId, channelKey, [name]: 'short-but-still-secret' }), 'SECRET_KEY_IN_BROWSER');
      expect(error.message).toContain(name);
      expect(error.message).not.toContain('short-but-still-secret');
    }
  });

  it('lets an empty or absent secret option pass', () => {
    expect(() => refusePortOneSecretOptions({ storeId, apiSecret: '' })).not.toThrow();
    expect(() => refusePortOneSecretOptions({ storeId, channelKey })).not.toThrow();
  });

  it('refuses a secret in any named field', () => {
    const error = expectCode(() => refusePortOneSecret(accessToken, 'customerId', 'iamport'), 'SECRET_KEY_IN_BROWSER');
    expect(error.message).toContain('customerId');
    expect(error.provider).toBe('iamport');
    expect(() => refusePortOneSecret('order-123456', 'customerId')).not.toThrow();
  });
});

describe('given a Toss secret key where PortOne or iamport expects something else', () => {
  // Shaped like Toss's docs keys; the tail is what must never be echoed.
  const tail = 'FAKEkcheckoutTossTail0123';
  const tossSecrets = [`test_sk_${tail}`, `live_sk_${tail}`, `test_gsk_${tail}`, `live_gsk_${tail}`] as const;
  const order = { orderId: 'order_3fQk9ZpLw2', orderName: '생수 외 1건' };
  const won = { value: 50000, currency: 'KRW' } as const;
  const v2 = { storeId, channelKey };
  const v1 = { impCode, channelKey };

  function expectTossSecretRefused(run: () => unknown, field: string, provider: 'portone' | 'iamport') {
    const error = expectCode(run, 'SECRET_KEY_IN_BROWSER');
    expect(error.message).toContain(field);
    expect(error.message).toMatch(/Toss Payments secret key/);
    expect(error.message).toMatch(/rotate/);
    expect(error.message).not.toContain(tail.slice(0, 8));
    expect(error.provider).toBe(provider);
    expectKoreanAndEnglish(error.message);
  }

  it.each(tossSecrets)('refuses %s as every PortOne V2 option and every iamport option', (secret) => {
    expectTossSecretRefused(() => validatePortOneV2Options({ storeId: secret, channelKey }), 'storeId', 'portone');
    expectTossSecretRefused(() => validatePortOneV2Options({ storeId, channelKey: secret }), 'channelKey', 'portone');
    expectTossSecretRefused(() => validateIamportV1Options({ impCode: secret, channelKey }), 'impCode', 'iamport');
    expectTossSecretRefused(() => validateIamportV1Options({ impCode, channelKey: secret }), 'channelKey', 'iamport');
    expectTossSecretRefused(() => validateIamportV1Options({ impCode, pg: secret }), 'pg', 'iamport');
  });

  it('refuses it with a trailing newline from an .env file too', () => {
    expectTossSecretRefused(() => validatePortOneStoreId(`${tossSecrets[0]}\n`), 'storeId', 'portone');
  });

  it.each([
    ['paymentId', { ...order, orderId: tossSecrets[0] }],
    ['customer.phoneNumber', { ...order, customerMobilePhone: tossSecrets[1] }],
    ['customer.fullName', { ...order, customerName: tossSecrets[2] }],
    ['customer.email', { ...order, customerEmail: tossSecrets[3] }],
  ])('refuses it in PortOne.requestPayment as %s', (field, given) => {
    expectTossSecretRefused(() => buildPortOnePaymentRequest(v2, given, won, { type: 'card' }), field, 'portone');
  });

  it('refuses it in PortOne.requestIssueBillingKey as the customer id', () => {
    expectTossSecretRefused(
      () => buildPortOneBillingKeyRequest(v2, { issueName: '월간 구독', customerId: tossSecrets[0] }, { type: 'card' }),
      'customer.customerId',
      'portone',
    );
  });

  it.each([
    ['merchant_uid', { ...order, orderId: tossSecrets[0] }],
    ['name', { ...order, orderName: tossSecrets[1] }],
    ['buyer_name', { ...order, customerName: tossSecrets[2] }],
    ['buyer_tel', { ...order, customerMobilePhone: tossSecrets[3] }],
  ])('refuses it in IMP.request_pay as %s', (field, given) => {
    expectTossSecretRefused(() => buildIamportParams(v1, given, won, { type: 'card' }), field, 'iamport');
  });

  it('lets Toss client keys and ordinary text through, since only secrets are dangerous', () => {
    expect(() => refuseTossSecretsIn({ orderName: 'test_ck_docs_Ovk5rk1EwkEbP0W43n07xlzm', customer: { fullName: 'task_sk 홍길동' } })).not.toThrow();
    expect(buildPortOnePaymentRequest(v2, { ...order, customerName: '홍길동' }, won, { type: 'card' }).request.paymentId).toBe(order.orderId);
  });
});

describe('given a V2 store id', () => {
  it('accepts store-<uuid>, as the console shows it', () => {
    expect(validatePortOneStoreId(storeId)).toBe(storeId);
  });

  // The format is not specified anywhere, so unfamiliar values pass and PortOne has the last word.
  it.each([['store-abc'], ['my-test-store']])('tolerates the unfamiliar %j', (value) => {
    expect(validatePortOneStoreId(value)).toBe(value);
  });

  it.each([[''], [undefined], [null], [42]])('refuses a missing one (%j) with INVALID_KEY saying where to find it', (value) => {
    const error = expectCode(() => validatePortOneStoreId(value), 'INVALID_KEY');
    expect(error.message).toContain('storeId');
    expect(error.message).toContain('store-…');
    expect(error.provider).toBe('portone');
    expectKoreanAndEnglish(error.message);
  });

  it.each([
    ['a channel key', channelKey, 'channel key'],
    ['a channel id', channelId, 'channel id'],
    ['a V1 merchant code', impCode, 'createIamportV1'],
    ['the V1 REST API key', restApiKey, 'REST API key'],
    ['an imp_uid', impUid, 'imp_uid'],
  ])('refuses %s with INVALID_KEY naming what it is', (_, value, named) => {
    const error = expectCode(() => validatePortOneStoreId(value), 'INVALID_KEY');
    expect(error.message).toContain(named);
    expect(error.message).toContain('store-…');
  });

  it('refuses a trailing newline instead of trimming it silently', () => {
    const error = expectCode(() => validatePortOneStoreId(`${storeId}\n`), 'INVALID_KEY');
    expect(error.message).toMatch(/whitespace/);
  });
});

describe('given a V2 channel key', () => {
  it('accepts channel-key-<uuid>', () => {
    expect(validatePortOneChannelKey(channelKey)).toBe(channelKey);
  });

  it('tolerates an unfamiliar format', () => {
    expect(validatePortOneChannelKey('channel-key-test')).toBe('channel-key-test');
  });

  it('refuses the channel id, which sits next to the key in the console', () => {
    const error = expectCode(() => validatePortOneChannelKey(channelId), 'INVALID_KEY');
    expect(error.message).toContain('channel-id-');
    expect(error.message).toContain('channel-key-…');
  });

  it('refuses a store id', () => {
    expect(expectCode(() => validatePortOneChannelKey(storeId), 'INVALID_KEY').message).toContain('store id');
  });

  it.each([[''], [undefined]])('refuses a missing one (%j), tagged with the provider asked for', (value) => {
    const error = expectCode(() => validatePortOneChannelKey(value, 'iamport'), 'INVALID_KEY');
    expect(error.message).toContain('channelKey');
    expect(error.provider).toBe('iamport');
  });
});

describe('given a V1 merchant code (impCode)', () => {
  it.each([['imp12345678'], ['imp00000000'], ['imp1']])('accepts %s', (value) => {
    expect(validateIamportCode(value)).toBe(value);
  });

  it.each([
    ['the REST API key', restApiKey, 'REST API key'],
    ['an imp_uid', impUid, 'imp_uid'],
    ['a V2 store id', storeId, 'store id'],
    ['a channel key', channelKey, 'channel key'],
    ['upper case', 'IMP12345678', 'unrecognised'],
    ['a word', 'mystore', 'unrecognised'],
  ])('refuses %s with INVALID_KEY naming what it is and the imp… format', (_, value, named) => {
    const error = expectCode(() => validateIamportCode(value), 'INVALID_KEY');
    expect(error.message).toContain(named);
    expect(error.message).toContain('imp12345678');
    expect(error.provider).toBe('iamport');
    expectKoreanAndEnglish(error.message);
  });

  it.each([[''], [undefined], [12345678]])('refuses a missing one (%j)', (value) => {
    expect(expectCode(() => validateIamportCode(value), 'INVALID_KEY').message).toContain('impCode');
  });
});

describe('given a V1 pg option', () => {
  it.each([['html5_inicis.INIpayTest'], ['kakaopay'], ['tosspayments.iamporttest_3']])('accepts %s', (pg) => {
    expect(validateIamportPg(pg)).toBe(pg);
  });

  it.each([[''], [' '], ['html5_inicis .MID'], [undefined], [3]])('refuses %j with INVALID_OPTION pointing at channelKey', (pg) => {
    const error = expectCode(() => validateIamportPg(pg), 'INVALID_OPTION');
    expect(error.message).toContain('channelKey');
  });
});

describe('given a redirect URL', () => {
  it.each([['https://shop.example/payment/redirect?x=1'], ['http://localhost:5173/return']])('accepts %s', (url) => {
    expect(validateRedirectUrl(url, 'redirectUrl')).toBe(url);
  });

  it.each([['/payment/redirect'], ['shop.example/return'], ['javascript:alert(1)'], ['ftp://shop.example/x'], [''], [undefined]])(
    'refuses %j with INVALID_OPTION showing how to make it absolute',
    (url) => {
      const error = expectCode(() => validateRedirectUrl(url, 'm_redirect_url', 'iamport'), 'INVALID_OPTION');
      expect(error.message).toContain('m_redirect_url');
      expect(error.message).toContain('location.origin');
      expect(error.provider).toBe('iamport');
    },
  );
});

describe('given a payment method', () => {
  it.each<[unknown]>([
    [{ type: 'card' }],
    [{ type: 'transfer' }],
    [{ type: 'virtualAccount' }],
    [{ type: 'mobile' }],
    [{ type: 'mobile', digital: true }],
    [{ type: 'easyPay' }],
    ...PORTONE_EASY_PAY_PROVIDERS.map((provider): [unknown] => [{ type: 'easyPay', provider }]),
  ])('accepts %j', (method) => {
    expect(validatePortOneMethod(method)).toBe(method);
  });

  it.each([[{ type: 'paypal' }], [{ type: 'CARD' }], ['card'], [null], [{}]])('refuses %j with INVALID_OPTION listing the types', (method) => {
    const error = expectCode(() => validatePortOneMethod(method), 'INVALID_OPTION');
    expect(error.message).toContain('virtualAccount');
  });

  it('refuses an unknown easy-pay provider, listing the known ones', () => {
    const error = expectCode(() => validatePortOneMethod({ type: 'easyPay', provider: 'kakaopay' }), 'INVALID_OPTION');
    expect(error.message).toContain('KAKAOPAY');
    expect(error.message).toContain('"kakaopay"');
  });

  it('refuses a digital flag that is not a boolean', () => {
    expectCode(() => validatePortOneMethod({ type: 'mobile', digital: 'yes' }), 'INVALID_OPTION');
  });
});

describe('given a failure, telling a cancel from a failed payment', () => {
  it.each([
    ['the USER_CANCEL code', { code: 'USER_CANCEL', message: '취소되었습니다.' }],
    ['a Toss channel passing PAY_PROCESS_CANCELED as the PG code', { code: 'FAILURE_TYPE_PG', message: '결제가 취소되었습니다', pgCode: 'PAY_PROCESS_CANCELED' }],
    ['a generic code with the buyer-cancel message', { code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하였습니다.' }],
    ['the popup closed', { code: 'PG_PROVIDER_ERROR', message: '사용자가 결제를 취소하였습니다.' }],
    ['V1 "[결제포기]"', { code: 'F400', message: '[결제포기] 사용자가 결제를 취소하셨습니다' }],
    ['an English message', { code: 'PORTONE_ERROR', message: 'Payment was cancelled by the user.' }],
    ['a message naming the customer', { code: 'FAILURE_TYPE_PG', message: '고객이 결제를 취소했습니다.' }],
  ])('reads %s as a cancel', (_, failure) => {
    expect(isPortOneCancel(failure)).toBe(true);
  });

  it.each([
    ['a declined card', { code: 'FAILURE_TYPE_PG', message: '카드 한도가 초과되었습니다.' }],
    ['a message about cancellation that is not the buyer cancelling', { code: 'PG_PROVIDER_ERROR', message: '결제 취소 기능이 제한된 카드입니다.' }],
    ['a PortOne error', { code: 'PORTONE_ERROR', message: 'channel not found' }],
    ['nothing at all', {}],
  ])('reads %s as a failure', (_, failure) => {
    expect(isPortOneCancel(failure)).toBe(false);
  });
});
