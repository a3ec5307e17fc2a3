import axe from 'axe-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { sandboxClientKeys, type SandboxPortOnePayment } from '../index.js';
import {
  answerWindow,
  loadStandin,
  loggedMethods,
  paymentWindow,
  rejection,
  resetSandbox,
  sandbox,
  settledWithin,
  sleep,
  useDevice,
} from '../test-utils/sandbox.js';
import { portOne } from '../test-utils/vendor-types.js';

interface PortOneSetupError extends Error {
  code: string;
  transactionType: string;
  __portOneErrorType: string;
  paymentId?: string;
}

const { storeId, channelKey } = sandboxClientKeys.portone;
const payment = (overrides: Record<string, unknown> = {}) => ({
  storeId,
  channelKey,
  paymentId: 'payment-0001',
  orderName: '생수 외 1건',
  totalAmount: 50000,
  currency: 'KRW',
  payMethod: 'CARD',
  ...overrides,
});
const billing = (overrides: Record<string, unknown> = {}) => ({ storeId, channelKey, billingKeyMethod: 'CARD', issueName: '정기구독', ...overrides });
const without = (field: string, request: Record<string, unknown>) => {
  const copy = { ...request };
  delete copy[field];
  return copy;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const redirectUrl = 'https://shop.test/pay/done?cart=7#top';

let navigations: string[] = [];

const setupError = async (promise: Promise<unknown>) => (await rejection(promise)) as unknown as PortOneSetupError;
const portOnePayments = () => sandbox().payments as SandboxPortOnePayment[];

beforeAll(async () => {
  await loadStandin('portone-v2');
});

beforeEach(async () => {
  navigations = [];
  resetSandbox(navigations);
  await useDevice('pc');
});

describe('given the portone-v2 stand-in script', () => {
  it('installs window.PortOne with the SDK functions, and the shared control object', () => {
    expect(typeof portOne().requestPayment).toBe('function');
    expect(typeof portOne().requestIssueBillingKey).toBe('function');
    expect(sandbox().log).toEqual([]);
  });

  it('records every call with its arguments before validating it, refused ones included', async () => {
    const request = payment();
    sandbox().nextOutcome = 'approve';
    await portOne().requestPayment(request);
    await setupError(portOne().requestPayment({}));
    await setupError(portOne().requestIssueBillingKey(undefined));
    await setupError(portOne().requestIdentityVerification({ storeId }));
    await setupError(portOne().loadPaymentUI({ storeId }, {}));
    expect(loggedMethods()).toEqual(['requestPayment', 'requestPayment', 'requestIssueBillingKey', 'requestIdentityVerification', 'loadPaymentUI']);
    const log = sandbox().log;
    expect(log.every((entry) => entry.sdk === 'portone-v2')).toBe(true);
    expect(log[0]!.args[0]).toBe(request);
    expect(log[2]!.args).toEqual([undefined]);
  });
});

describe('given requestPayment in promise mode', () => {
  it('resolves { transactionType, txId, paymentId } with no code when the buyer clicks 승인, and records the payment', async () => {
    const paying = portOne().requestPayment(payment({ customData: { item: 'water' } }));
    await userEvent.click(paymentWindow()!.querySelector('[data-outcome="approve"]')!);
    const response = await paying;
    expect(response).toEqual({ transactionType: 'PAYMENT', txId: expect.stringMatching(UUID), paymentId: 'payment-0001' });
    expect(paymentWindow()).toBeNull();
    expect(portOnePayments()).toEqual([
      {
        sdk: 'portone-v2',
        transactionType: 'PAYMENT',
        paymentId: 'payment-0001',
        txId: response.txId,
        storeId,
        channelKey,
        orderName: '생수 외 1건',
        amount: 50000,
        currency: 'KRW',
        method: 'CARD',
        customData: '{"item":"water"}',
        status: 'approved',
        answeredAt: expect.any(Number),
      },
    ]);
  });

  it('resolves (does not reject) FAILURE_TYPE_PG with a pgCode and pgMessage when the buyer clicks 거절', async () => {
    const paying = portOne().requestPayment(payment());
    await userEvent.click(paymentWindow()!.querySelector('[data-outcome="decline"]')!);
    expect(await paying).toEqual({
      transactionType: 'PAYMENT',
      txId: expect.stringMatching(UUID),
      paymentId: 'payment-0001',
      code: 'FAILURE_TYPE_PG',
      message: '[SANDBOX_DECLINED] 카드사에서 승인을 거절했습니다.',
      pgCode: 'SANDBOX_DECLINED',
      pgMessage: '카드사에서 승인을 거절했습니다.',
    });
    expect(portOnePayments()[0]?.status).toBe('declined');
  });

  it('resolves the user-cancel code and Korean message when the buyer presses Escape', async () => {
    const paying = portOne().requestPayment(payment());
    expect(paymentWindow()).not.toBeNull();
    await userEvent.keyboard('{Escape}');
    const response = await paying;
    expect(response).toEqual({ transactionType: 'PAYMENT', txId: expect.stringMatching(UUID), paymentId: 'payment-0001', code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하였습니다.' });
    expect(response.pgCode).toBeUndefined();
    expect(portOnePayments()[0]?.status).toBe('canceled');
  });

  it.each([
    ['approve', undefined],
    ['decline', 'FAILURE_TYPE_PG'],
    ['cancel', 'FAILURE_TYPE_PG'],
  ] as const)('answers by itself with nextOutcome %s, after showing the window, and clears it', async (outcome, code) => {
    sandbox().nextOutcome = outcome;
    const paying = portOne().requestPayment(payment());
    // The window opens synchronously and answers a macrotask later.
    expect(paymentWindow()).not.toBeNull();
    expect(sandbox().nextOutcome).toBeUndefined();
    expect((await paying).code).toBe(code);
    expect(paymentWindow()).toBeNull();
    expect(portOnePayments()[0]?.status).toBe({ approve: 'approved', decline: 'declined', cancel: 'canceled' }[outcome]);
  });

  it('gives every attempt a fresh txId', async () => {
    sandbox().nextOutcome = 'cancel';
    const first = await portOne().requestPayment(payment());
    sandbox().nextOutcome = 'approve';
    const second = await portOne().requestPayment(payment());
    expect(first.txId).not.toBe(second.txId);
  });

  it('takes the channel group instead of a channel key', async () => {
    sandbox().nextOutcome = 'approve';
    await expect(portOne().requestPayment(payment({ channelKey: undefined, channelGroupId: 'channel-group-1' }))).resolves.toMatchObject({ paymentId: 'payment-0001' });
    expect(portOnePayments()[0]).toMatchObject({ channelGroupId: 'channel-group-1' });
    expect(portOnePayments()[0]).not.toHaveProperty('channelKey');
  });
});

describe('given the payment window', () => {
  it('is titled for PortOne and shows the order, amount, method and paymentId, with focus inside', async () => {
    const paying = portOne().requestPayment(payment());
    await sleep(0);
    const dialog = paymentWindow()!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('포트원 샌드박스 결제창');
    expect(dialog.textContent).toContain('생수 외 1건');
    expect(dialog.textContent).toContain('50,000원');
    expect(dialog.textContent).toContain('신용·체크카드');
    expect(dialog.textContent).toContain('payment-0001');
    expect(dialog.contains(document.activeElement)).toBe(true);
    await answerWindow('cancel');
    await paying;
  });

  it.each([
    ['KAKAOPAY', '카카오페이'],
    ['EASY_PAY_PROVIDER_NAVERPAY', '네이버페이'],
    ['TOSSPAY', '토스페이'],
  ])('shows the easy-pay provider %s as %s, and records it without the prefix', async (provider, label) => {
    const paying = portOne().requestPayment(payment({ payMethod: 'EASY_PAY', easyPay: { easyPayProvider: provider } }));
    await sleep(0);
    expect(paymentWindow()!.textContent).toContain(label);
    await answerWindow('approve');
    await paying;
    expect(portOnePayments()[0]).toMatchObject({ method: 'EASY_PAY', easyPayProvider: provider.replace('EASY_PAY_PROVIDER_', '') });
  });

  it('shows a USD amount from minor units', async () => {
    const paying = portOne().requestPayment(payment({ totalAmount: 1250, currency: 'USD', payMethod: 'PAYPAL' }));
    await sleep(0);
    expect(paymentWindow()!.textContent).toContain('12.50 USD');
    expect(paymentWindow()!.textContent).toContain('페이팔');
    await answerWindow('cancel');
    await paying;
  });

  it('has no axe-core violations while open', async () => {
    const paying = portOne().requestPayment(payment());
    await sleep(0);
    const { violations } = await axe.run(paymentWindow()!, { resultTypes: ['violations'], rules: { region: { enabled: false } } });
    expect(violations.map((violation) => violation.id)).toEqual([]);
    await answerWindow('cancel');
    await paying;
  });
});

describe('given setup errors', () => {
  it.each(['storeId', 'paymentId', 'orderName', 'totalAmount', 'currency', 'payMethod'])(
    'rejects a request without %s with a PaymentError-shaped InvalidArgument naming it, and opens no window',
    async (field) => {
      const error = await setupError(portOne().requestPayment(without(field, payment())));
      expect(error).toBeInstanceOf(Error);
      expect(error.code).toBe('InvalidArgument');
      expect(error.transactionType).toBe('PAYMENT');
      expect(error.__portOneErrorType).toBe('PaymentError');
      expect(error.message).toContain(field);
      expect(paymentWindow()).toBeNull();
      expect(sandbox().payments).toEqual([]);
    },
  );

  it('rejects a request with neither channelKey nor channelGroupId', async () => {
    const error = await setupError(portOne().requestPayment(payment({ channelKey: undefined })));
    expect(error.code).toBe('InvalidArgument');
    expect(error.message).toMatch(/channelKey 또는 channelGroupId는 필수/);
    expect(error.paymentId).toBe('payment-0001');
  });

  it.each([['DIRECT_DEBIT'], ['card'], [42]])('refuses the unknown payMethod %j', async (payMethod) => {
    const error = await setupError(portOne().requestPayment(payment({ payMethod })));
    expect(error.code).toBe('InvalidArgument');
    expect(error.message).toMatch(/지원하지 않는 payMethod/);
  });

  it.each([[100.5], [-1], ['50000'], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses the totalAmount %j', async (totalAmount) => {
    const error = await setupError(portOne().requestPayment(payment({ totalAmount })));
    expect(error.code).toBe('InvalidArgument');
    expect(error.message).toContain('totalAmount는 0 이상의 정수여야 합니다.');
  });

  it("accepts currency 'KRW' and 'CURRENCY_KRW', and refuses other spellings", async () => {
    for (const currency of ['KRW', 'CURRENCY_KRW']) {
      sandbox().nextOutcome = 'approve';
      // A new paymentId each time: a paid one cannot be paid again.
      await expect(portOne().requestPayment(payment({ currency, paymentId: `payment-${currency}` }))).resolves.not.toHaveProperty('code');
    }
    expect(portOnePayments().map((entry) => entry.currency)).toEqual(['KRW', 'KRW']);
    for (const currency of ['krw', 'WON', 'CURRENCY_', 'KRW_CURRENCY']) {
      // If the currency were wrongly accepted, the window answers and the expectation below fails fast.
      sandbox().nextOutcome = 'cancel';
      expect((await setupError(portOne().requestPayment(payment({ currency })))).message).toContain('currency 값이 올바르지 않습니다.');
    }
  });

  it("accepts EASY_PAY without a provider (the PG's own wallet choice), and refuses an unknown provider", async () => {
    sandbox().nextOutcome = 'approve';
    await expect(portOne().requestPayment(payment({ payMethod: 'EASY_PAY' }))).resolves.toMatchObject({ paymentId: 'payment-0001' });
    expect(portOnePayments()[0]).toMatchObject({ method: 'EASY_PAY' });
    expect(portOnePayments()[0]).not.toHaveProperty('easyPayProvider');
    const unknown = await setupError(portOne().requestPayment(payment({ payMethod: 'EASY_PAY', easyPay: { easyPayProvider: 'BITCOIN' } })));
    expect(unknown.message).toContain('지원하지 않는 easyPay.easyPayProvider입니다.');
  });

  it('refuses a request that is not an object', async () => {
    expect((await setupError(portOne().requestPayment(undefined))).code).toBe('InvalidArgument');
    expect((await setupError(portOne().requestPayment('payment-0001'))).code).toBe('InvalidArgument');
  });

  it.each([
    ['storeId', 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c2v3b4n5m6'],
    ['channelKey', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    ['storeId', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdG9yZSJ9.c2lnbmF0dXJl'],
  ])('refuses a server secret passed as %s without echoing it', async (field, secret) => {
    const error = await setupError(portOne().requestPayment(payment({ [field]: secret })));
    expect(error.code).toBe('InvalidArgument');
    expect(error.message).toContain(`${field}에 API 시크릿을 넣으면 안 됩니다.`);
    expect(error.message).toContain(`${secret.length} characters`);
    expect(error.message).not.toContain(secret.slice(0, 12));
  });

  it.each([['/pay/done'], ['shop.test/pay'], ['javascript:alert(1)']])('refuses the redirectUrl %j', async (url) => {
    const error = await setupError(portOne().requestPayment(payment({ redirectUrl: url })));
    expect(error.message).toContain('redirectUrl는 http:// 또는 https://로 시작해야 합니다.');
  });

  it('refuses an unknown windowType, and REDIRECTION without a redirectUrl', async () => {
    expect((await setupError(portOne().requestPayment(payment({ windowType: { pc: 'MODAL' } })))).message).toContain('windowType.pc 값이 올바르지 않습니다.');
    expect((await setupError(portOne().requestPayment(payment({ windowType: { pc: 'REDIRECTION' } })))).message).toContain(
      'REDIRECTION 방식에는 redirectUrl가 필요합니다.',
    );
  });

  it('refuses a second request while the window is open, then takes one once it is answered', async () => {
    const first = portOne().requestPayment(payment());
    await sleep(0);
    const second = await setupError(portOne().requestPayment(payment({ paymentId: 'payment-0002' })));
    expect(second.code).toBe('FailedPrecondition');
    expect(second.message).toContain('이미 진행 중인 결제가 있습니다.');
    const billingKey = await setupError(portOne().requestIssueBillingKey(billing()));
    expect(billingKey.code).toBe('FailedPrecondition');
    expect(billingKey.transactionType).toBe('ISSUE_BILLING_KEY');
    expect(document.querySelectorAll('[data-kcheckout-sandbox="payment-window"]')).toHaveLength(1);
    await answerWindow('approve');
    await first;
    sandbox().nextOutcome = 'approve';
    await expect(portOne().requestPayment(payment({ paymentId: 'payment-0002' }))).resolves.toMatchObject({ paymentId: 'payment-0002' });
  });

  it('does not hold the page after a refused request', async () => {
    await setupError(portOne().requestPayment(payment({ payMethod: 'NOPE' })));
    sandbox().nextOutcome = 'approve';
    await expect(portOne().requestPayment(payment())).resolves.toMatchObject({ paymentId: 'payment-0001' });
  });
});

describe('given redirect mode', () => {
  it("on a mobile device with redirectUrl, navigates with paymentId, transactionType and txId, keeping the merchant's query and hash, and never settles", async () => {
    await useDevice('mobile');
    sandbox().nextOutcome = 'approve';
    const paying = portOne().requestPayment(payment({ redirectUrl }));
    expect(await settledWithin(paying, 30)).toBe('pending');
    expect(navigations).toHaveLength(1);
    const url = new URL(navigations[0]!);
    expect(url.origin + url.pathname).toBe('https://shop.test/pay/done');
    expect(url.hash).toBe('#top');
    expect(url.search.startsWith('?cart=7&')).toBe(true);
    expect([...url.searchParams.keys()]).toEqual(['cart', 'paymentId', 'transactionType', 'txId']);
    expect(url.searchParams.get('paymentId')).toBe('payment-0001');
    expect(url.searchParams.get('transactionType')).toBe('PAYMENT');
    expect(url.searchParams.get('txId')).toBe(portOnePayments()[0]!.txId);
  });

  it('adds code and message (and the PG fields for a decline) on failure', async () => {
    await useDevice('mobile');
    sandbox().nextOutcome = 'decline';
    void portOne().requestPayment(payment({ redirectUrl }));
    await sleep(20);
    expect(Object.fromEntries(new URL(navigations[0]!).searchParams)).toEqual({
      cart: '7',
      paymentId: 'payment-0001',
      transactionType: 'PAYMENT',
      txId: portOnePayments()[0]!.txId,
      code: 'FAILURE_TYPE_PG',
      message: '[SANDBOX_DECLINED] 카드사에서 승인을 거절했습니다.',
      pgCode: 'SANDBOX_DECLINED',
      pgMessage: '카드사에서 승인을 거절했습니다.',
    });
    navigations.length = 0;
    void portOne().requestPayment(payment({ redirectUrl }));
    await answerWindow('cancel');
    const cancel = new URL(navigations[0]!);
    expect(cancel.searchParams.get('code')).toBe('FAILURE_TYPE_PG');
    expect(cancel.searchParams.get('message')).toBe('사용자가 결제를 취소하였습니다.');
    expect(cancel.search).toContain('message=%EC%82%AC%EC%9A%A9%EC%9E%90%EA%B0%80%20');
  });

  it('on a PC with redirectUrl alone, resolves the promise instead', async () => {
    sandbox().nextOutcome = 'approve';
    await expect(portOne().requestPayment(payment({ redirectUrl }))).resolves.toMatchObject({ paymentId: 'payment-0001' });
    expect(navigations).toEqual([]);
  });

  it('redirects on PC when windowType.pc is REDIRECTION, or with forceRedirect', async () => {
    sandbox().nextOutcome = 'approve';
    void portOne().requestPayment(payment({ redirectUrl, windowType: { pc: 'REDIRECTION', mobile: 'REDIRECTION' } }));
    await sleep(20);
    sandbox().nextOutcome = 'approve';
    void portOne().requestPayment(payment({ redirectUrl, forceRedirect: true, paymentId: 'payment-0002' }));
    await sleep(20);
    expect(navigations).toHaveLength(2);
  });

  it('resolves on mobile when windowType.mobile names a window that does not redirect', async () => {
    await useDevice('mobile');
    sandbox().nextOutcome = 'approve';
    await expect(portOne().requestPayment(payment({ redirectUrl, windowType: { pc: 'IFRAME', mobile: 'IFRAME' } }))).resolves.toMatchObject({
      transactionType: 'PAYMENT',
    });
    expect(navigations).toEqual([]);
  });

  it('resolves on mobile without a redirectUrl', async () => {
    await useDevice('mobile');
    sandbox().nextOutcome = 'approve';
    await expect(portOne().requestPayment(payment())).resolves.toMatchObject({ transactionType: 'PAYMENT' });
    expect(navigations).toEqual([]);
  });

  it('ends the transaction on redirect, so a later request is not refused', async () => {
    await useDevice('mobile');
    sandbox().nextOutcome = 'cancel';
    void portOne().requestPayment(payment({ redirectUrl }));
    await sleep(20);
    sandbox().nextOutcome = 'approve';
    await expect(portOne().requestPayment(payment())).resolves.toMatchObject({ transactionType: 'PAYMENT' });
  });
});

describe('given requestIssueBillingKey', () => {
  it('resolves { transactionType, billingKey } on approval and records the billing key', async () => {
    const issuing = portOne().requestIssueBillingKey(billing());
    await sleep(0);
    expect(paymentWindow()!.textContent).toContain('정기구독');
    expect(paymentWindow()!.textContent).toContain('신용·체크카드');
    await answerWindow('approve');
    const response = await issuing;
    expect(response).toEqual({ transactionType: 'ISSUE_BILLING_KEY', billingKey: expect.stringMatching(/^billing-key-[0-9a-f-]{36}$/) });
    expect(portOnePayments()).toEqual([
      expect.objectContaining({ sdk: 'portone-v2', transactionType: 'ISSUE_BILLING_KEY', billingKey: response.billingKey, method: 'CARD', status: 'approved' }),
    ]);
  });

  it.each([
    ['decline', { code: 'FAILURE_TYPE_PG', pgCode: 'SANDBOX_DECLINED' }],
    ['cancel', { code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하였습니다.' }],
  ] as const)('resolves code and message, and no billingKey, on %s', async (outcome, expected) => {
    sandbox().nextOutcome = outcome;
    const response = await portOne().requestIssueBillingKey(billing());
    expect(response).toMatchObject({ transactionType: 'ISSUE_BILLING_KEY', ...expected });
    expect(response).not.toHaveProperty('billingKey');
    expect(portOnePayments()[0]).not.toHaveProperty('billingKey');
  });

  it('shows the easy-pay provider and the display amount', async () => {
    const issuing = portOne().requestIssueBillingKey(billing({ billingKeyMethod: 'EASY_PAY', easyPay: { easyPayProvider: 'KAKAOPAY' }, displayAmount: 9900, currency: 'CURRENCY_KRW' }));
    await sleep(0);
    expect(paymentWindow()!.textContent).toContain('카카오페이');
    expect(paymentWindow()!.textContent).toContain('9,900원');
    await answerWindow('cancel');
    await issuing;
  });

  it.each([
    ['storeId', 'storeId는 필수'],
    ['channelKey', 'channelKey는 필수'],
    ['billingKeyMethod', 'billingKeyMethod는 필수'],
  ])('rejects without %s with an IssueBillingKeyError-shaped error', async (field, message) => {
    const error = await setupError(portOne().requestIssueBillingKey(without(field, billing())));
    expect(error.code).toBe('InvalidArgument');
    expect(error.transactionType).toBe('ISSUE_BILLING_KEY');
    expect(error.__portOneErrorType).toBe('IssueBillingKeyError');
    expect(error.message).toContain(message);
    expect(paymentWindow()).toBeNull();
  });

  it('refuses a method a billing key cannot be issued with, and an unknown easy-pay provider', async () => {
    expect((await setupError(portOne().requestIssueBillingKey(billing({ billingKeyMethod: 'VIRTUAL_ACCOUNT' })))).message).toContain('지원하지 않는 billingKeyMethod');
    expect((await setupError(portOne().requestIssueBillingKey(billing({ billingKeyMethod: 'EASY_PAY', easyPay: { easyPayProvider: 'BITCOIN' } })))).message).toContain('easyPay.easyPayProvider');
    expect((await setupError(portOne().requestIssueBillingKey(billing({ displayAmount: -5 })))).message).toContain('displayAmount');
  });

  it('redirects on mobile with transactionType and billingKey in the query', async () => {
    await useDevice('mobile');
    sandbox().nextOutcome = 'approve';
    const issuing = portOne().requestIssueBillingKey(billing({ redirectUrl }));
    expect(await settledWithin(issuing, 30)).toBe('pending');
    const url = new URL(navigations[0]!);
    expect([...url.searchParams.keys()]).toEqual(['cart', 'transactionType', 'billingKey']);
    expect(url.searchParams.get('transactionType')).toBe('ISSUE_BILLING_KEY');
    expect(url.searchParams.get('billingKey')).toBe(portOnePayments()[0]!.billingKey);
    expect(url.hash).toBe('#top');
  });

  it('redirects a cancel with code and message and no billingKey', async () => {
    await useDevice('mobile');
    sandbox().nextOutcome = 'cancel';
    void portOne().requestIssueBillingKey(billing({ redirectUrl }));
    await sleep(20);
    expect(Object.fromEntries(new URL(navigations[0]!).searchParams)).toEqual({
      cart: '7',
      transactionType: 'ISSUE_BILLING_KEY',
      code: 'FAILURE_TYPE_PG',
      message: '사용자가 결제를 취소하였습니다.',
    });
  });
});
