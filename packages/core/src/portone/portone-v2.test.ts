import {
  type IssueBillingKeyRequest,
  type IssueBillingKeyResponse,
  PaymentError,
  type PaymentRequest,
  type PaymentResponse,
  type WindowTypes,
} from '@portone/browser-sdk/v2';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { CheckoutError } from '../errors.js';
import { resetScriptCache } from '../loader.js';
import { PORTONE_EASY_PAY_PROVIDERS, type PortOneMethod } from '../payment-methods.js';
import {
  type BillingKeyResult,
  createPortOneV2,
  type PortOneRedirect,
  type PortOneV2Driver,
  validatePortOneV2Options,
} from './portone-v2.js';
import {
  billingKeyMethodOf,
  buildPortOneBillingKeyRequest,
  buildPortOnePaymentRequest,
  toPortOneBillingKeyMethod,
  toPortOnePayMethod,
} from './portone-v2-request.js';
import {
  portOneBillingKeyRejection,
  portOneBillingKeyResult,
  portOnePaymentRejection,
  portOnePaymentResult,
} from './portone-v2-result.js';
import type { CheckoutResult, PaymentOrder } from '../types.js';
import type { Money } from '../validation.js';
import { expectCode } from '../test-utils/checkout-error.js';

const config = {
  storeId: 'store-b7989765-d2bf-4cd4-a9e4-01bf6abfc7df',
  channelKey: 'channel-key-d738bdfd-6896-4aed-9700-7634ca13c91a',
};
const order: PaymentOrder = { orderId: 'order_3fQk9ZpLw2', orderName: '생수 외 1건' };
const won: Money = { value: 50000, currency: 'KRW' };
const card: PortOneMethod = { type: 'card' };
const v2Secret = 'Xq7T2mBvN9cRk4LpZs8WdYh3Gj6Fa1Ue5Ko0Ii2Pb7Vn4Mc9Qx3Rz8Sy1Tw6Ua5Hd0Jf2Lg7Ne4Ob9Kp3Cm';

afterEach(() => {
  document.head.innerHTML = '';
  resetScriptCache();
});

describe('given a payment method for V2', () => {
  it.each([
    [{ type: 'card' }, { payMethod: 'CARD' }],
    [{ type: 'transfer' }, { payMethod: 'TRANSFER' }],
    [{ type: 'virtualAccount' }, { payMethod: 'VIRTUAL_ACCOUNT' }],
    [{ type: 'mobile' }, { payMethod: 'MOBILE' }],
    [{ type: 'mobile', digital: true }, { payMethod: 'MOBILE', productType: 'DIGITAL' }],
    [{ type: 'mobile', digital: false }, { payMethod: 'MOBILE', productType: 'REAL' }],
    [{ type: 'easyPay' }, { payMethod: 'EASY_PAY' }],
  ] as const)('maps %j to %j', (method, expected) => {
    expect(toPortOnePayMethod(method)).toEqual(expected);
  });

  it.each(PORTONE_EASY_PAY_PROVIDERS)('opens %s directly through easyPay.easyPayProvider', (provider) => {
    expect(toPortOnePayMethod({ type: 'easyPay', provider })).toEqual({ payMethod: 'EASY_PAY', easyPay: { easyPayProvider: provider } });
  });

  it('refuses an unknown method before anything is sent', () => {
    expectCode(() => toPortOnePayMethod({ type: 'gift' } as unknown as PortOneMethod), 'INVALID_OPTION');
  });

  it('produces fields of the SDK’s own request type', () => {
    expectTypeOf(toPortOnePayMethod(card)).toExtend<Partial<PaymentRequest>>();
    expectTypeOf<PortOneRedirect['windowType']>().toEqualTypeOf<WindowTypes | undefined>();
  });
});

describe('given a billing-key method for V2', () => {
  it.each([
    [{ type: 'card' }, { billingKeyMethod: 'CARD' }],
    [{ type: 'easyPay', provider: 'KAKAOPAY' }, { billingKeyMethod: 'EASY_PAY', easyPay: { easyPayProvider: 'KAKAOPAY' } }],
    [{ type: 'easyPay' }, { billingKeyMethod: 'EASY_PAY' }],
    [{ type: 'mobile', digital: true }, { billingKeyMethod: 'MOBILE', productType: 'DIGITAL' }],
  ] as const)('maps %j to %j', (method, expected) => {
    expect(toPortOneBillingKeyMethod(method)).toEqual(expected);
  });

  it.each([['transfer'], ['virtualAccount']])('refuses %s, which cannot hold a billing key', (type) => {
    const error = expectCode(() => toPortOneBillingKeyMethod({ type } as never), 'INVALID_OPTION');
    expect(error.message).toContain(type);
    expect(error.message).toContain('card, easyPay or mobile');
  });
});

describe('given an order to pay through V2', () => {
  it('builds the request PortOne documents, with the ISO currency and the buyer as customer', () => {
    const { request, money } = buildPortOnePaymentRequest(
      config,
      { ...order, customerName: '김토스', customerEmail: 'buyer@example.com', customerMobilePhone: '01012345678' },
      { value: 50000, currency: 'CURRENCY_KRW' },
      { type: 'easyPay', provider: 'KAKAOPAY' },
    );
    expect(request).toEqual({
      storeId: config.storeId,
      channelKey: config.channelKey,
      paymentId: order.orderId,
      orderName: order.orderName,
      totalAmount: 50000,
      currency: 'KRW',
      payMethod: 'EASY_PAY',
      easyPay: { easyPayProvider: 'KAKAOPAY' },
      customer: { fullName: '김토스', email: 'buyer@example.com', phoneNumber: '01012345678' },
    });
    expect(money).toEqual({ value: 50000, currency: 'KRW' });
    expectTypeOf(request).toEqualTypeOf<PaymentRequest>();
  });

  it('sends USD in cents, as totalAmount is in minor units', () => {
    const { request, money } = buildPortOnePaymentRequest(config, order, { value: 12.5, currency: 'USD' }, card);
    expect(request.totalAmount).toBe(1250);
    expect(request.currency).toBe('USD');
    expect(money).toEqual({ value: 12.5, currency: 'USD' });
  });

  it('refuses an order without its id before building the request, so no paymentId is ever left to the vendor', () => {
    const { orderId: _dropped, ...withoutId } = order;
    expect(() => buildPortOnePaymentRequest(config, withoutId as typeof order, won, card)).toThrow(expect.objectContaining({ code: 'INVALID_ORDER_ID' }));
  });

  it('leaves customer out when the order names no buyer', () => {
    expect(buildPortOnePaymentRequest(config, order, won, card).request).not.toHaveProperty('customer');
  });

  it('adds redirectUrl, windowType and forceRedirect in redirect mode', () => {
    const { request } = buildPortOnePaymentRequest(config, order, won, card, {
      redirectUrl: 'https://shop.example/payment/redirect',
      windowType: { pc: 'IFRAME', mobile: 'REDIRECTION' },
      forceRedirect: true,
    });
    expect(request).toMatchObject({
      redirectUrl: 'https://shop.example/payment/redirect',
      windowType: { pc: 'IFRAME', mobile: 'REDIRECTION' },
      forceRedirect: true,
    });
  });

  it.each([
    ['a short paymentId', { ...order, orderId: 'abc' }, won, 'INVALID_ORDER_ID'],
    ['a paymentId with a dot', { ...order, orderId: 'order.123456' }, won, 'INVALID_ORDER_ID'],
    ['an empty orderName', { ...order, orderName: ' ' }, won, 'INVALID_OPTION'],
    ['half a won', order, { value: 0.5, currency: 'KRW' }, 'INVALID_AMOUNT'],
    ['zero', order, { value: 0, currency: 'KRW' }, 'INVALID_AMOUNT'],
    ['an unsupported currency', order, { value: 1000, currency: 'JPY' }, 'INVALID_OPTION'],
  ] as const)('refuses %s before any vendor call', (_, badOrder, money, code) => {
    const error = expectCode(() => buildPortOnePaymentRequest(config, badOrder as PaymentOrder, money as Money, card), code);
    expect(error.provider).toBe('portone');
  });

  it('refuses a relative redirectUrl, which PortOne’s server could not send the buyer back to', () => {
    const error = expectCode(
      () => buildPortOnePaymentRequest(config, order, won, card, { redirectUrl: '/payment/redirect' }),
      'INVALID_OPTION',
    );
    expect(error.message).toContain('redirectUrl');
  });
});

describe('given a billing key to issue through V2', () => {
  it('builds the request with issue fields, customer and display amount in minor units', () => {
    const request = buildPortOneBillingKeyRequest(
      config,
      { issueId: 'issue_20240101', issueName: '월간 구독', customerId: 'user-42', displayAmount: { value: 9.9, currency: 'CURRENCY_USD' } },
      { type: 'card' },
      { redirectUrl: 'https://shop.example/billing/return' },
    );
    expect(request).toEqual({
      storeId: config.storeId,
      channelKey: config.channelKey,
      billingKeyMethod: 'CARD',
      issueId: 'issue_20240101',
      issueName: '월간 구독',
      displayAmount: 990,
      currency: 'USD',
      customer: { customerId: 'user-42' },
      redirectUrl: 'https://shop.example/billing/return',
    });
    expectTypeOf(request).toEqualTypeOf<IssueBillingKeyRequest>();
  });

  it('needs nothing beyond the method', () => {
    expect(buildPortOneBillingKeyRequest(config, {}, { type: 'easyPay', provider: 'NAVERPAY' })).toEqual({
      ...config,
      billingKeyMethod: 'EASY_PAY',
      easyPay: { easyPayProvider: 'NAVERPAY' },
    });
  });

  it('refuses a bad issueId, an empty issueName and a bad display amount', () => {
    expectCode(() => buildPortOneBillingKeyRequest(config, { issueId: 'a b' }, card as never), 'INVALID_ORDER_ID');
    expectCode(() => buildPortOneBillingKeyRequest(config, { issueName: '' }, card as never), 'INVALID_OPTION');
    expectCode(() => buildPortOneBillingKeyRequest(config, { displayAmount: { value: -1, currency: 'KRW' } }, card as never), 'INVALID_AMOUNT');
  });
});

describe('given what PortOne.requestPayment resolved with', () => {
  it('reads undefined as the SDK redirecting', () => {
    expect(portOnePaymentResult(undefined, order.orderId, won)).toEqual({
      status: 'redirecting',
      provider: 'portone',
      orderId: order.orderId,
      amount: 50000,
      currency: 'KRW',
    });
  });

  it('reads a response without code as an authorised payment, with its ids', () => {
    const response: PaymentResponse = { transactionType: 'PAYMENT', txId: 'tx-0193', paymentId: order.orderId };
    expect(portOnePaymentResult(response, order.orderId, won)).toEqual({
      status: 'success',
      provider: 'portone',
      orderId: order.orderId,
      amount: 50000,
      currency: 'KRW',
      paymentId: order.orderId,
      txId: 'tx-0193',
      raw: response,
    });
  });

  it('reads a response with code as a failure, keeping the vendor code and message', () => {
    const response: PaymentResponse = {
      transactionType: 'PAYMENT',
      txId: 'tx-0194',
      paymentId: order.orderId,
      code: 'FAILURE_TYPE_PG',
      message: '카드 한도가 초과되었습니다.',
      pgCode: '51',
      pgMessage: 'LIMIT EXCEEDED',
    };
    const result = portOnePaymentResult(response, order.orderId, won);
    expect(result).toMatchObject({ status: 'fail', code: 'FAILURE_TYPE_PG', message: '카드 한도가 초과되었습니다.', raw: response });
    expect(result).not.toHaveProperty('error');
  });

  it('reads the buyer closing the window as a cancel, not a failure', () => {
    const closed = { transactionType: 'PAYMENT', txId: 'tx-1', paymentId: order.orderId, code: 'PG_PROVIDER_ERROR', message: '사용자가 결제를 취소하였습니다.' } as const;
    expect(portOnePaymentResult(closed, order.orderId, won)).toMatchObject({ status: 'cancel', code: 'PG_PROVIDER_ERROR' });
    const userCancel = { transactionType: 'PAYMENT', txId: 'tx-2', paymentId: order.orderId, code: 'USER_CANCEL' } as const;
    expect(portOnePaymentResult(userCancel, order.orderId, won)).toMatchObject({ status: 'cancel', code: 'USER_CANCEL', message: 'USER_CANCEL' });
  });

  it('treats an empty code as a failure too, as the docs test code !== undefined', () => {
    const response = { transactionType: 'PAYMENT', txId: 'tx-3', paymentId: order.orderId, code: '' } as const;
    expect(portOnePaymentResult(response, order.orderId, won)).toMatchObject({ status: 'fail', code: 'UNKNOWN' });
  });

  it('reports the ISO currency and the amount in major units even for USD', () => {
    const response: PaymentResponse = { transactionType: 'PAYMENT', txId: 'tx-4', paymentId: order.orderId };
    expect(portOnePaymentResult(response, order.orderId, { value: 12.5, currency: 'USD' })).toMatchObject({ amount: 12.5, currency: 'USD' });
  });
});

describe('given PortOne.requestPayment rejected', () => {
  it('is a fail carrying a VENDOR_ERROR with the vendor’s code', () => {
    const rejection = new PaymentError({ code: 'ChannelNotFound', message: '채널을 찾을 수 없습니다.', paymentId: order.orderId });
    const result = portOnePaymentRejection(rejection, order.orderId, won);
    expect(result).toMatchObject({ status: 'fail', provider: 'portone', code: 'ChannelNotFound', message: '채널을 찾을 수 없습니다.', raw: rejection });
    const error = (result as Extract<CheckoutResult, { status: 'fail' }>).error;
    expect(error).toBeInstanceOf(CheckoutError);
    expect(error).toMatchObject({ code: 'VENDOR_ERROR', vendorCode: 'ChannelNotFound', provider: 'portone' });
    expect(error?.cause).toBe(rejection);
  });

  it('handles the package loader’s plain Error, which has no code', () => {
    const result = portOnePaymentRejection(new Error('[PortOne] Failed to load window.PortOne'), order.orderId, won);
    expect(result).toMatchObject({ status: 'fail', code: 'UNKNOWN', message: '[PortOne] Failed to load window.PortOne' });
  });
});

describe('given what PortOne.requestIssueBillingKey resolved with', () => {
  it('reads a billing key as success', () => {
    const response: IssueBillingKeyResponse = { transactionType: 'ISSUE_BILLING_KEY', billingKey: 'billing-key-0193' };
    expect(portOneBillingKeyResult(response, 'issue_20240101')).toEqual({
      status: 'success',
      provider: 'portone',
      issueId: 'issue_20240101',
      billingKey: 'billing-key-0193',
      raw: response,
    });
  });

  it('keeps the issue token of a manually confirmed issue', () => {
    const response: IssueBillingKeyResponse = { transactionType: 'ISSUE_BILLING_KEY', billingKey: 'NEEDS_CONFIRMATION', billingIssueToken: 'token-1' };
    expect(portOneBillingKeyResult(response)).toMatchObject({ status: 'success', billingKey: 'NEEDS_CONFIRMATION', billingIssueToken: 'token-1' });
  });

  it('reads undefined as redirecting, code as fail or cancel, and no key as fail', () => {
    expect(portOneBillingKeyResult(undefined)).toEqual({ status: 'redirecting', provider: 'portone' });
    expect(portOneBillingKeyResult({ transactionType: 'ISSUE_BILLING_KEY', billingKey: '', code: 'FAILURE_TYPE_PG', message: '유효하지 않은 카드' })).toMatchObject({
      status: 'fail',
      code: 'FAILURE_TYPE_PG',
    });
    expect(portOneBillingKeyResult({ transactionType: 'ISSUE_BILLING_KEY', billingKey: '', code: 'USER_CANCEL' })).toMatchObject({ status: 'cancel' });
    expect(portOneBillingKeyResult({ transactionType: 'ISSUE_BILLING_KEY', billingKey: '' })).toMatchObject({ status: 'fail', code: 'MISSING_BILLING_KEY' });
  });

  it('turns a rejection into a fail carrying a VENDOR_ERROR', () => {
    const result = portOneBillingKeyRejection({ code: 'StoreNotFound', message: 'no store' }, 'issue_1234');
    expect(result).toMatchObject({ status: 'fail', issueId: 'issue_1234', code: 'StoreNotFound' });
    expect((result as Extract<BillingKeyResult, { status: 'fail' }>).error).toMatchObject({ code: 'VENDOR_ERROR', vendorCode: 'StoreNotFound' });
  });
});

describe('given createPortOneV2 options', () => {
  it('returns the checked ids', () => {
    expect(validatePortOneV2Options(config)).toEqual(config);
  });

  it.each([
    ['no storeId', { channelKey: config.channelKey }, 'INVALID_KEY'],
    ['no channelKey', { storeId: config.storeId }, 'INVALID_KEY'],
    ['the API secret as storeId', { storeId: v2Secret, channelKey: config.channelKey }, 'SECRET_KEY_IN_BROWSER'],
    ['an apiSecret option', { ...config, apiSecret: v2Secret }, 'SECRET_KEY_IN_BROWSER'],
    ['swapped ids', { storeId: config.channelKey, channelKey: config.storeId }, 'INVALID_KEY'],
    ['nothing', undefined, 'INVALID_OPTION'],
  ] as const)('with %s, rejects without loading the SDK', async (_, options, code) => {
    await expect(createPortOneV2(options as never)).rejects.toMatchObject({ code, provider: 'portone' });
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('never echoes the secret it refuses', async () => {
    const error: unknown = await createPortOneV2({ storeId: v2Secret, channelKey: config.channelKey }).catch((e: unknown) => e);
    expect(String((error as Error).message)).not.toContain(v2Secret.slice(0, 8));
  });

  it('has the documented types', () => {
    expectTypeOf(createPortOneV2).returns.toEqualTypeOf<Promise<PortOneV2Driver>>();
    expectTypeOf<PortOneV2Driver['requestPayment']>().returns.toEqualTypeOf<Promise<CheckoutResult>>();
    expectTypeOf<PortOneV2Driver['requestIssueBillingKey']>().returns.toEqualTypeOf<Promise<BillingKeyResult>>();
    expectTypeOf<PortOneV2Driver['requestPayment']>().parameter(1).toExtend<{ value: number; currency: 'KRW' | 'CURRENCY_KRW' | 'USD' | 'CURRENCY_USD' }>();
  });
});

describe('given the method the buyer picked, for a billing key', () => {
  it('issues with a card when none is picked, keeps card / easy pay / phone, and refuses a transfer or virtual account (null)', () => {
    expect(billingKeyMethodOf(null)).toEqual({ type: 'card' });
    expect(billingKeyMethodOf({ type: 'easyPay', provider: 'KAKAOPAY' })).toEqual({ type: 'easyPay', provider: 'KAKAOPAY' });
    expect(billingKeyMethodOf({ type: 'mobile' })).toEqual({ type: 'mobile' });
    expect(billingKeyMethodOf({ type: 'transfer' })).toBeNull();
    expect(billingKeyMethodOf({ type: 'virtualAccount' })).toBeNull();
  });
});
