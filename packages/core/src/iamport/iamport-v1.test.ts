import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { buildIamportParams, toIamportPayMethod } from './iamport-request.js';
import { iamportRejection, iamportResult } from './iamport-result.js';
import { createIamportV1, ensureIamportInit, type IamportV1Driver, requestPayPromise, validateIamportV1Options } from './iamport-v1.js';
import type { IamportRequestPayCallback, IamportRequestPayParams, IamportRequestPayResponse } from './iamport-types.js';
import { resetScriptCache } from '../loader.js';
import { PORTONE_EASY_PAY_PROVIDERS, type PortOneMethod } from '../payment-methods.js';
import type { CheckoutResult, PaymentOrder } from '../types.js';
import type { Money } from '../validation.js';
import { expectCode } from '../test-utils/checkout-error.js';

const impCode = 'imp12345678';
const channelKey = 'channel-key-48201276-18bf-4f72-a0e6-eaeedc0eb2a9';
const impSecret = '4cf0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6';
const order: PaymentOrder = { orderId: 'order_8xKq2Lm4Np', orderName: '생수 외 1건' };
const won: Money = { value: 50000, currency: 'KRW' };
const card: PortOneMethod = { type: 'card' };

afterEach(() => {
  document.head.innerHTML = '';
  resetScriptCache();
});

/** A hand-held `request_pay`: records each call and lets the test answer its callback as often as it likes. */
function payWindow(options: { throws?: unknown } = {}) {
  const calls: { params: IamportRequestPayParams; callback: IamportRequestPayCallback | undefined }[] = [];
  return {
    calls,
    imp: {
      request_pay(params: IamportRequestPayParams, callback?: IamportRequestPayCallback) {
        calls.push({ params, callback });
        if (options.throws !== undefined) throw options.throws;
      },
    },
    answer(response: IamportRequestPayResponse, index = 0) {
      calls[index]?.callback?.(response);
    },
  };
}

/** A hand-held `init` that counts calls per code. */
function initRecorder() {
  const codes: string[] = [];
  return { codes, imp: { init: (code: string) => void codes.push(code) } };
}

describe('given a payment method for V1', () => {
  it.each([
    [{ type: 'card' }, { pay_method: 'card' }],
    [{ type: 'transfer' }, { pay_method: 'trans' }],
    [{ type: 'virtualAccount' }, { pay_method: 'vbank' }],
    [{ type: 'mobile', digital: true }, { pay_method: 'phone', digital: true }],
    [{ type: 'mobile', digital: false }, { pay_method: 'phone', digital: false }],
  ] as const)('maps %j to %j', (method, expected) => {
    expect(toIamportPayMethod(method)).toEqual(expected);
  });

  it.each([
    ['KAKAOPAY', 'kakaopay'],
    ['NAVERPAY', 'naverpay'],
    ['TOSSPAY', 'tosspay'],
    ['PAYCO', 'payco'],
    ['SAMSUNGPAY', 'samsungpay'],
    ['APPLEPAY', 'applepay'],
    ['SSGPAY', 'ssgpay'],
    ['LPAY', 'lpay'],
    ['KPAY', 'kpay'],
    ['SKPAY', 'skpay'],
    ['PINPAY', 'pinpay'],
    ['TOSS_BRANDPAY', 'toss_brandpay'],
  ] as const)('opens easy pay %s as pay_method %s', (provider, payMethod) => {
    expect(toIamportPayMethod({ type: 'easyPay', provider })).toEqual({ pay_method: payMethod });
  });

  it('has a V1 pay_method for every easy-pay provider V2 knows', () => {
    for (const provider of PORTONE_EASY_PAY_PROVIDERS) {
      expect(toIamportPayMethod({ type: 'easyPay', provider }).pay_method).toMatch(/^[a-z_]+$/);
    }
  });

  it('refuses easy pay without a provider, which V1 cannot open', () => {
    const error = expectCode(() => toIamportPayMethod({ type: 'easyPay' }), 'INVALID_OPTION');
    expect(error.message).toContain("provider: 'KAKAOPAY'");
    expect(error.provider).toBe('iamport');
  });

  it('refuses a phone payment that does not say whether the goods are digital (V1 requires digital)', () => {
    const error = expectCode(() => toIamportPayMethod({ type: 'mobile' }), 'INVALID_OPTION');
    expect(error.message).toContain('digital');
  });
});

describe('given an order to pay through V1', () => {
  const config = { impCode, channelKey };

  it('builds request_pay’s parameters with the channel key, the ISO currency and the buyer', () => {
    const { params, money } = buildIamportParams(
      config,
      { ...order, customerName: '김아임', customerEmail: 'buyer@example.com', customerMobilePhone: '01012345678' },
      { value: 50000, currency: 'CURRENCY_KRW' },
      { type: 'easyPay', provider: 'NAVERPAY' },
      { m_redirect_url: 'https://shop.example/payments/complete' },
    );
    expect(params).toEqual({
      channelKey,
      pay_method: 'naverpay',
      merchant_uid: order.orderId,
      name: order.orderName,
      amount: 50000,
      currency: 'KRW',
      buyer_name: '김아임',
      buyer_email: 'buyer@example.com',
      buyer_tel: '01012345678',
      m_redirect_url: 'https://shop.example/payments/complete',
    });
    expect(money).toEqual({ value: 50000, currency: 'KRW' });
  });

  it('refuses an order without its id before building the request, so no merchant_uid is ever left to the vendor', () => {
    const { orderId: _dropped, ...withoutId } = order;
    expect(() => buildIamportParams(config, withoutId as typeof order, won, card)).toThrow(expect.objectContaining({ code: 'INVALID_ORDER_ID' }));
  });

  it('leaves buyer_tel out when there is no phone number (the docs make it optional)', () => {
    expect(buildIamportParams(config, order, won, card).params).not.toHaveProperty('buyer_tel');
  });

  it('sends USD in dollars, as V1 (PayPal) expects', () => {
    expect(buildIamportParams(config, order, { value: 14.2, currency: 'USD' }, card).params).toMatchObject({ amount: 14.2, currency: 'USD' });
  });

  it('sends channelKey rather than the deprecated pg when both are set, pg alone when only it is, and neither otherwise', () => {
    expect(buildIamportParams({ impCode, channelKey, pg: 'html5_inicis' }, order, won, card).params).toMatchObject({ channelKey });
    expect(buildIamportParams({ impCode, channelKey, pg: 'html5_inicis' }, order, won, card).params).not.toHaveProperty('pg');
    expect(buildIamportParams({ impCode, pg: 'html5_inicis.INIpayTest' }, order, won, card).params).toMatchObject({ pg: 'html5_inicis.INIpayTest' });
    const defaults = buildIamportParams({ impCode }, order, won, card).params;
    expect(defaults).not.toHaveProperty('pg');
    expect(defaults).not.toHaveProperty('channelKey');
  });

  it('accepts a merchant_uid of 40 characters and refuses 41, the V1 limit', () => {
    expect(buildIamportParams(config, { ...order, orderId: 'm'.repeat(40) }, won, card).params.merchant_uid).toHaveLength(40);
    const error = expectCode(() => buildIamportParams(config, { ...order, orderId: 'm'.repeat(41) }, won, card), 'INVALID_ORDER_ID');
    expect(error.message).toContain('40');
    expect(error.provider).toBe('iamport');
  });

  it.each([
    ['a merchant_uid with a space', { ...order, orderId: 'order 123' }, won, 'INVALID_ORDER_ID'],
    ['an empty orderName', { ...order, orderName: '' }, won, 'INVALID_OPTION'],
    ['a fractional won amount', order, { value: 999.5, currency: 'KRW' }, 'INVALID_AMOUNT'],
    ['a negative amount', order, { value: -1, currency: 'KRW' }, 'INVALID_AMOUNT'],
  ] as const)('refuses %s before any vendor call', (_, badOrder, money, code) => {
    expect(expectCode(() => buildIamportParams(config, badOrder as PaymentOrder, money as Money, card), code).provider).toBe('iamport');
  });

  it('refuses a relative m_redirect_url', () => {
    const error = expectCode(() => buildIamportParams(config, order, won, card, { m_redirect_url: '/payments/complete' }), 'INVALID_OPTION');
    expect(error.message).toContain('m_redirect_url');
  });
});

describe('given a request_pay callback response', () => {
  const paid: IamportRequestPayResponse = { imp_uid: 'imp_123456789012', merchant_uid: order.orderId, status: 'paid', success: true };

  it('reads an imp_uid without an error as an authorised payment', () => {
    expect(iamportResult(paid, order.orderId, won)).toEqual({
      status: 'success',
      provider: 'iamport',
      orderId: order.orderId,
      amount: 50000,
      currency: 'KRW',
      impUid: 'imp_123456789012',
      raw: paid,
    });
  });

  it('reads the few fields the newer PG modules send (imp_uid and merchant_uid only) as success', () => {
    expect(iamportResult({ imp_uid: 'imp_1', merchant_uid: order.orderId }, order.orderId, won)).toMatchObject({ status: 'success', impUid: 'imp_1' });
  });

  it('reads an issued virtual account (status ready) as success: the server lookup tells it is unpaid', () => {
    expect(iamportResult({ ...paid, status: 'ready' }, order.orderId, won)).toMatchObject({ status: 'success' });
  });

  it('reads error_code as a failure even when the deprecated success flag says true', () => {
    const response = { ...paid, success: true, imp_success: true, error_code: 'F400', error_msg: '카드 한도 초과' };
    expect(iamportResult(response, order.orderId, won)).toMatchObject({ status: 'fail', code: 'F400', message: '카드 한도 초과' });
  });

  it('reads a payment as success when only the deprecated flags say false (they can, for a paid payment)', () => {
    expect(iamportResult({ ...paid, success: false }, order.orderId, won)).toMatchObject({ status: 'success' });
    expect(iamportResult({ ...paid, imp_success: false }, order.orderId, won)).toMatchObject({ status: 'success' });
  });

  it('reads error_msg alone as a failure', () => {
    expect(iamportResult({ imp_uid: null, merchant_uid: order.orderId, error_msg: '이미 결제된 주문입니다' }, order.orderId, won)).toMatchObject({
      status: 'fail',
      code: 'UNKNOWN',
      message: '이미 결제된 주문입니다',
    });
  });

  it('reads the buyer giving up as a cancel', () => {
    const response = { imp_uid: 'imp_2', merchant_uid: order.orderId, success: false, error_code: 'F400', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' };
    expect(iamportResult(response, order.orderId, won)).toMatchObject({ status: 'cancel', code: 'F400' });
  });

  it('reads the cancelled status (missing from iamport-typings) as a cancel', () => {
    expect(iamportResult({ imp_uid: 'imp_3', merchant_uid: order.orderId, status: 'cancelled' }, order.orderId, won)).toMatchObject({
      status: 'cancel',
      code: 'CANCELLED',
    });
    expect(iamportResult({ imp_uid: 'imp_3', merchant_uid: order.orderId, status: 'cancelled', error_code: 'X1', error_msg: 'cancelled' }, order.orderId, won)).toMatchObject({
      status: 'cancel',
      code: 'X1',
    });
  });

  it('reads the failed status as a failure', () => {
    expect(iamportResult({ imp_uid: 'imp_4', merchant_uid: order.orderId, status: 'failed' }, order.orderId, won)).toMatchObject({ status: 'fail', code: 'FAILED' });
  });

  it('reads no imp_uid and no error as a failure: there is nothing to verify', () => {
    expect(iamportResult({ imp_uid: null, merchant_uid: order.orderId, success: true }, order.orderId, won)).toMatchObject({
      status: 'fail',
      code: 'MISSING_IMP_UID',
    });
  });

  it.each([[undefined], [null], ['ok'], [1]])('reads the non-object %j as a failure, without throwing', (response) => {
    expect(iamportResult(response, order.orderId, won)).toMatchObject({ status: 'fail', code: 'INVALID_RESPONSE' });
  });

  it('turns a throw from the SDK into a fail carrying a VENDOR_ERROR', () => {
    const result = iamportRejection(new TypeError('IMP.init has not been called'), order.orderId, won);
    expect(result).toMatchObject({ status: 'fail', provider: 'iamport', code: 'UNKNOWN' });
    expect((result as Extract<CheckoutResult, { status: 'fail' }>).error).toMatchObject({ code: 'VENDOR_ERROR', provider: 'iamport' });
  });
});

describe('given request_pay turned into a promise', () => {
  const params: IamportRequestPayParams = { merchant_uid: order.orderId, amount: 50000, pay_method: 'card' };
  const response: IamportRequestPayResponse = { imp_uid: 'imp_5', merchant_uid: order.orderId };

  it('passes the parameters through and resolves with the callback’s response', async () => {
    const pay = payWindow();
    const promise = requestPayPromise(pay.imp, params);
    expect(pay.calls).toHaveLength(1);
    expect(pay.calls[0]?.params).toBe(params);
    pay.answer(response);
    await expect(promise).resolves.toBe(response);
  });

  it('calls request_pay synchronously, keeping the click’s user activation for popups', () => {
    const pay = payWindow();
    void requestPayPromise(pay.imp, params);
    expect(pay.calls).toHaveLength(1);
  });

  it('keeps the first answer when the callback arrives twice, and ignores the second without throwing', async () => {
    const pay = payWindow();
    const promise = requestPayPromise(pay.imp, params);
    pay.answer(response);
    expect(() => pay.answer({ imp_uid: null, merchant_uid: order.orderId, error_code: 'LATE', error_msg: 'second' })).not.toThrow();
    await expect(promise).resolves.toBe(response);
  });

  it('rejects with the abort reason when the caller gives up, and ignores a callback that comes later', async () => {
    const pay = payWindow();
    const controller = new AbortController();
    const promise = requestPayPromise(pay.imp, params, controller.signal);
    const reason = new Error('unmounted');
    controller.abort(reason);
    await expect(promise).rejects.toBe(reason);
    expect(() => pay.answer(response)).not.toThrow();
  });

  it('does not open the window when the signal is already aborted', async () => {
    const pay = payWindow();
    const controller = new AbortController();
    controller.abort();
    await expect(requestPayPromise(pay.imp, params, controller.signal)).rejects.toBeDefined();
    expect(pay.calls).toHaveLength(0);
  });

  it('ignores an abort after the answer arrived', async () => {
    const pay = payWindow();
    const controller = new AbortController();
    const promise = requestPayPromise(pay.imp, params, controller.signal);
    pay.answer(response);
    controller.abort();
    await expect(promise).resolves.toBe(response);
  });

  it('rejects when request_pay throws', async () => {
    const failure = new Error('IMP.init을 먼저 호출하세요');
    await expect(requestPayPromise(payWindow({ throws: failure }).imp, params)).rejects.toBe(failure);
  });

  it('settles with an answer given synchronously inside request_pay', async () => {
    const imp = { request_pay: (_: IamportRequestPayParams, callback?: IamportRequestPayCallback) => callback?.(response) };
    await expect(requestPayPromise(imp, params)).resolves.toBe(response);
  });
});

describe('given IMP.init', () => {
  it('runs once per code, however often it is asked', () => {
    const { codes, imp } = initRecorder();
    expect(ensureIamportInit(imp, impCode)).toBe(true);
    expect(ensureIamportInit(imp, impCode)).toBe(false);
    expect(ensureIamportInit(imp, impCode)).toBe(false);
    expect(codes).toEqual([impCode]);
  });

  it('runs again only for a different code', () => {
    const { codes, imp } = initRecorder();
    ensureIamportInit(imp, 'imp11111111');
    ensureIamportInit(imp, 'imp22222222');
    ensureIamportInit(imp, 'imp22222222');
    ensureIamportInit(imp, 'imp11111111');
    expect(codes).toEqual(['imp11111111', 'imp22222222', 'imp11111111']);
  });

  it('runs for a fresh copy of the SDK (a new IMP object), even with the same code', () => {
    const first = initRecorder();
    const second = initRecorder();
    ensureIamportInit(first.imp, impCode);
    ensureIamportInit(second.imp, impCode);
    expect(first.codes).toEqual([impCode]);
    expect(second.codes).toEqual([impCode]);
  });

  it('is not recorded when it throws, so the next call tries again', () => {
    let attempts = 0;
    const imp = {
      init() {
        attempts += 1;
        if (attempts === 1) throw new Error('not ready');
      },
    };
    expect(() => ensureIamportInit(imp, impCode)).toThrow('not ready');
    expect(ensureIamportInit(imp, impCode)).toBe(true);
    expect(attempts).toBe(2);
  });
});

describe('given createIamportV1 options', () => {
  it('returns the checked options', () => {
    expect(validateIamportV1Options({ impCode, channelKey })).toEqual({ impCode, channelKey });
    expect(validateIamportV1Options({ impCode, pg: 'html5_inicis.INIpayTest' })).toEqual({ impCode, pg: 'html5_inicis.INIpayTest' });
    expect(validateIamportV1Options({ impCode, channelKey, pg: 'kakaopay' })).toEqual({ impCode, channelKey, pg: 'kakaopay' });
  });

  it.each([
    ['no impCode', {}, 'INVALID_KEY'],
    ['the REST API key as impCode', { impCode: '0588880683871737' }, 'INVALID_KEY'],
    ['the imp_secret as impCode', { impCode: impSecret }, 'SECRET_KEY_IN_BROWSER'],
    ['an imp_secret option', { impCode, imp_secret: impSecret }, 'SECRET_KEY_IN_BROWSER'],
    ['a channel id as channelKey', { impCode, channelKey: 'channel-id-ea523f3f-c4a8-483d-96e0-e83326d9517b' }, 'INVALID_KEY'],
    ['a blank pg', { impCode, pg: ' ' }, 'INVALID_OPTION'],
    ['neither channelKey nor pg', { impCode }, 'INVALID_OPTION'],
    ['nothing', null, 'INVALID_OPTION'],
  ] as const)('with %s, rejects without loading iamport.js', async (_, options, code) => {
    await expect(createIamportV1(options as never)).rejects.toMatchObject({ code, provider: 'iamport' });
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('never echoes the imp_secret it refuses', async () => {
    const error: unknown = await createIamportV1({ impCode: impSecret }).catch((e: unknown) => e);
    expect((error as Error).message).not.toContain(impSecret.slice(0, 8));
  });

  it('has the documented types', () => {
    expectTypeOf(createIamportV1).returns.toEqualTypeOf<Promise<IamportV1Driver>>();
    expectTypeOf<IamportV1Driver['requestPay']>().returns.toEqualTypeOf<Promise<CheckoutResult>>();
    // The iamport-typings gaps: channelKey exists, buyer_tel is optional, 'cancelled' is a status.
    expectTypeOf<IamportRequestPayParams['channelKey']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<{ merchant_uid: string; amount: number }>().toExtend<IamportRequestPayParams>();
    expectTypeOf<'cancelled'>().toExtend<NonNullable<IamportRequestPayResponse['status']>>();
  });
});
