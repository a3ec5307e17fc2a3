// The real PortOne V2 driver against the real sandbox stand-in for window.PortOne, loaded by URL
// through the driver's own `scriptSrc`: no stubs of the driver, the loader or the vendor global.
import { sandboxClientKeys, sandboxScriptUrl, type SandboxPortOnePayment } from '@kcheckout/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckoutError } from '../errors.js';
import { rejected } from '../test-utils/checkout-error.js';
import { createPortOneV2, type PortOneRedirect, type PortOneV2Driver, type PortOneV2Options } from './portone-v2.js';
import { SDK_SCRIPTS } from '../sdk-urls.js';
import type { CheckoutResult, PaymentOrder } from '../types.js';
import { answerWindow, paymentWindow, sandbox, settledWithin, sleep, windowOpen } from '../../../sandbox/src/test-utils/sandbox.js';
import { resetSandboxPage, scriptTags, useDevice } from '../../../../test/sandbox-page.js';

const { storeId, channelKey } = sandboxClientKeys.portone;
const otherChannelKey = 'channel-key-0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
const scriptSrc = () => sandboxScriptUrl('portone-v2');
const won = { value: 50000, currency: 'KRW' } as const;
const card = { type: 'card' } as const;
const order = (orderId: string, extra: Partial<PaymentOrder> = {}): PaymentOrder => ({ orderId, orderName: '생수 외 1건', ...extra });

const win = window as unknown as Record<string, unknown>;
let navigations: string[] = [];

/** The real driver on the stand-in; the sandbox is then made fast and its navigation captured. */
async function driver(options: Partial<PortOneV2Options> = {}): Promise<PortOneV2Driver> {
  const created = await createPortOneV2({ storeId, channelKey, scriptSrc: scriptSrc(), ...options });
  const control = sandbox();
  control.latencyMs = 0;
  control.navigate = (url) => navigations.push(url);
  return created;
}

const log = () => window.kcheckoutSandbox?.log ?? [];
const requests = (method = 'requestPayment') => log().filter((entry) => entry.method === method).map((entry) => entry.args[0]);
const portOnePayments = () => (window.kcheckoutSandbox?.payments ?? []) as SandboxPortOnePayment[];

async function resetPage(): Promise<void> {
  navigations = [];
  await resetSandboxPage();
}

beforeEach(async () => {
  await resetPage();
  await useDevice('pc');
});
afterEach(resetPage);

function cdnTags(): HTMLScriptElement[] {
  return Array.from(document.scripts).filter((script) => script.src.startsWith('https://cdn.portone.io/'));
}

describe('given two PortOne V2 drivers on the sandbox script', () => {
  it('loads one <script> for both, never the CDN SDK, and sends each request once', async () => {
    const [first, second] = await Promise.all([driver(), driver({ channelKey: otherChannelKey })]);
    expect(scriptTags(scriptSrc())).toHaveLength(1);
    expect(scriptTags(SDK_SCRIPTS['portone-v2'].src)).toHaveLength(0);

    for (const [i, target] of [first, second, first].entries()) {
      sandbox().nextOutcome = 'approve';
      const result = await target.requestPayment(order(`order-one-tag-${i}`), won, card);
      expect(result.status).toBe('success');
    }

    expect(scriptTags(scriptSrc())).toHaveLength(1);
    expect(cdnTags()).toHaveLength(0);
    expect(log().map((entry) => entry.method)).toEqual(['requestPayment', 'requestPayment', 'requestPayment']);
    expect(requests().map((request) => (request as { channelKey: string }).channelKey)).toEqual([channelKey, otherChannelKey, channelKey]);
  });
});

describe('given a KakaoPay payment the buyer approves', () => {
  it('sends the exact request the driver built and resolves success with the paymentId and txId', async () => {
    const portone = await driver();
    const pending = portone.requestPayment(
      order('order-kakao-0001', { customerName: '김결제', customerEmail: 'buyer@example.com', customerMobilePhone: '01012345678' }),
      won,
      { type: 'easyPay', provider: 'KAKAOPAY' },
    );
    await windowOpen();
    expect(requests()).toEqual([
      {
        storeId,
        channelKey,
        paymentId: 'order-kakao-0001',
        orderName: '생수 외 1건',
        totalAmount: 50000,
        currency: 'KRW',
        payMethod: 'EASY_PAY',
        easyPay: { easyPayProvider: 'KAKAOPAY' },
        customer: { fullName: '김결제', email: 'buyer@example.com', phoneNumber: '01012345678' },
      },
    ]);
    await answerWindow('approve');
    const result = await pending;

    const [payment] = portOnePayments();
    expect(payment).toMatchObject({ status: 'approved', paymentId: 'order-kakao-0001', method: 'EASY_PAY', easyPayProvider: 'KAKAOPAY', storeId, channelKey });
    expect(result).toMatchObject({
      status: 'success',
      provider: 'portone',
      orderId: 'order-kakao-0001',
      paymentId: 'order-kakao-0001',
      txId: payment!.txId,
      amount: 50000,
      currency: 'KRW',
    });
    expect(payment!.txId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends a USD amount in cents and reports it back in dollars', async () => {
    const portone = await driver();
    sandbox().nextOutcome = 'approve';
    const result = await portone.requestPayment(order('order-usd-0001'), { value: 12.5, currency: 'USD' }, card);
    expect(requests()[0]).toMatchObject({ totalAmount: 1250, currency: 'USD', payMethod: 'CARD' });
    expect(requests()[0]).not.toHaveProperty('easyPay');
    expect(portOnePayments()[0]).toMatchObject({ amount: 1250, currency: 'USD' });
    expect(result).toMatchObject({ status: 'success', amount: 12.5, currency: 'USD' });
  });
});

describe('given a payment window that is declined or cancelled', () => {
  it('maps a card decline to fail with the vendor code, and no setup error', async () => {
    const portone = await driver();
    const pending = portone.requestPayment(order('order-decline-01'), won, card);
    await answerWindow('decline');
    const result = await pending;
    expect(result).toMatchObject({ status: 'fail', code: 'FAILURE_TYPE_PG', orderId: 'order-decline-01' });
    if (result.status !== 'fail') throw new Error('expected fail');
    expect(result.message).toContain('거절');
    expect(result.raw).toMatchObject({ pgCode: 'SANDBOX_DECLINED', paymentId: 'order-decline-01' });
    expect(result.error).toBeUndefined();
    expect(portOnePayments()[0]).toMatchObject({ status: 'declined' });
  });

  it('maps the buyer cancelling to cancel (FAILURE_TYPE_PG with the cancel message)', async () => {
    const portone = await driver();
    const pending = portone.requestPayment(order('order-cancel-01'), won, card);
    await answerWindow('cancel');
    const result = await pending;
    expect(result).toMatchObject({
      status: 'cancel',
      code: 'FAILURE_TYPE_PG',
      message: '사용자가 결제를 취소하였습니다.',
      orderId: 'order-cancel-01',
    });
    expect(portOnePayments()[0]).toMatchObject({ status: 'canceled' });
  });
});

describe('given an easy pay without a provider', () => {
  it("sends EASY_PAY with no easyPay object, leaving the wallet choice to the channel's PG", async () => {
    const portone = await driver();
    const paying = portone.requestPayment(order('order-noprov-02'), won, { type: 'easyPay' });
    await windowOpen();
    expect(requests()[0]).toMatchObject({ payMethod: 'EASY_PAY' });
    expect(requests()[0]).not.toHaveProperty('easyPay');
    await answerWindow('approve');
    await expect(paying).resolves.toMatchObject({ status: 'success', paymentId: 'order-noprov-02' });
  });
});

describe('given a request the driver passes but the stand-in refuses', () => {
  it('turns a window type the SDK does not know into a fail carrying a VENDOR_ERROR with the vendor code', async () => {
    const portone = await driver();
    const bogus = { redirectUrl: 'https://shop.test/pay/done', windowType: { pc: 'FULLSCREEN' } } as unknown as PortOneRedirect;
    const result = await portone.requestPayment(order('order-noprov-01'), won, card, bogus);
    expect(requests()).toEqual([expect.objectContaining({ windowType: { pc: 'FULLSCREEN' } })]);
    expect(result).toMatchObject({ status: 'fail', code: 'InvalidArgument', orderId: 'order-noprov-01' });
    const error = (result as Extract<CheckoutResult, { status: 'fail' }>).error;
    expect(error).toBeInstanceOf(CheckoutError);
    expect(error).toMatchObject({ code: 'VENDOR_ERROR', vendorCode: 'InvalidArgument', provider: 'portone' });
    expect(paymentWindow()).toBeNull();
    expect(portOnePayments()).toHaveLength(0);
  });

  it('fails a second request while the first window is open with FailedPrecondition, and the first still completes', async () => {
    const [first, second] = await Promise.all([driver(), driver({ channelKey: otherChannelKey })]);
    const pending = first.requestPayment(order('order-first-001'), won, card);
    await windowOpen();

    const overlapping = await second.requestPayment(order('order-second-01'), won, card);
    expect(overlapping).toMatchObject({ status: 'fail', code: 'FailedPrecondition', orderId: 'order-second-01' });
    const error = (overlapping as Extract<CheckoutResult, { status: 'fail' }>).error;
    expect(error).toBeInstanceOf(CheckoutError);
    expect(error).toMatchObject({ code: 'VENDOR_ERROR', vendorCode: 'FailedPrecondition' });

    await answerWindow('approve');
    expect(await pending).toMatchObject({ status: 'success', paymentId: 'order-first-001' });
    expect(requests()).toHaveLength(2);
  });
});

describe('given redirect mode', () => {
  it('with forceRedirect on a PC, navigates with paymentId, txId and transactionType and the driver result stays pending, as the SDK never settles', async () => {
    const portone = await driver();
    const pending = portone.requestPayment(order('order-redir-pc1'), won, card, {
      redirectUrl: 'https://shop.example/pay/done?from=cart#top',
      forceRedirect: true,
    });
    await windowOpen();
    expect(requests()[0]).toMatchObject({ redirectUrl: 'https://shop.example/pay/done?from=cart#top', forceRedirect: true });
    await answerWindow('approve');
    for (let i = 0; i < 100 && navigations.length === 0; i++) await sleep(5);

    expect(navigations).toHaveLength(1);
    const url = new URL(navigations[0]!);
    expect(url.origin + url.pathname).toBe('https://shop.example/pay/done');
    expect(url.hash).toBe('#top');
    expect(url.searchParams.get('from')).toBe('cart');
    expect(url.searchParams.get('paymentId')).toBe('order-redir-pc1');
    expect(url.searchParams.get('transactionType')).toBe('PAYMENT');
    expect(url.searchParams.get('txId')).toBe(portOnePayments()[0]!.txId);
    expect(url.searchParams.has('code')).toBe(false);
    expect(await settledWithin(pending, 100)).toBe('pending');
  });

  it('on a mobile device without forceRedirect, navigates (a decline carries code and pgCode) and the driver result stays pending', async () => {
    await useDevice('mobile');
    const portone = await driver();
    const pending = portone.requestPayment(order('order-redir-mob'), won, card, { redirectUrl: 'https://shop.example/pay/done' });
    await answerWindow('decline');
    for (let i = 0; i < 100 && navigations.length === 0; i++) await sleep(5);

    expect(navigations).toHaveLength(1);
    const query = new URL(navigations[0]!).searchParams;
    expect(query.get('paymentId')).toBe('order-redir-mob');
    expect(query.get('transactionType')).toBe('PAYMENT');
    expect(query.get('txId')).toBe(portOnePayments()[0]!.txId);
    expect(query.get('code')).toBe('FAILURE_TYPE_PG');
    expect(query.get('pgCode')).toBe('SANDBOX_DECLINED');
    expect(await settledWithin(pending, 100)).toBe('pending');
  });

  it('on a PC without forceRedirect, resolves in the page and does not navigate', async () => {
    const portone = await driver();
    const pending = portone.requestPayment(order('order-redir-no1'), won, card, { redirectUrl: 'https://shop.example/pay/done' });
    await answerWindow('approve');
    expect(await pending).toMatchObject({ status: 'success', paymentId: 'order-redir-no1' });
    expect(navigations).toEqual([]);
  });
});

describe('given a billing key issue', () => {
  const issue = { issueId: 'issue-bk-00001', issueName: '월간 구독', customerId: 'buyer-1', displayAmount: { value: 9900, currency: 'KRW' as const } };

  it('sends the built request and resolves success with the billing key the window issued', async () => {
    const portone = await driver();
    const pending = portone.requestIssueBillingKey(issue, card);
    await windowOpen();
    expect(requests('requestIssueBillingKey')).toEqual([
      {
        storeId,
        channelKey,
        billingKeyMethod: 'CARD',
        issueId: 'issue-bk-00001',
        issueName: '월간 구독',
        displayAmount: 9900,
        currency: 'KRW',
        customer: { customerId: 'buyer-1' },
      },
    ]);
    await answerWindow('approve');
    const result = await pending;
    const [payment] = portOnePayments();
    expect(payment).toMatchObject({ transactionType: 'ISSUE_BILLING_KEY', status: 'approved' });
    expect(payment!.billingKey).toMatch(/^billing-key-/);
    expect(result).toMatchObject({ status: 'success', provider: 'portone', issueId: 'issue-bk-00001', billingKey: payment!.billingKey });
  });

  it('maps a decline to fail with the vendor code and no billing key', async () => {
    const portone = await driver();
    const pending = portone.requestIssueBillingKey(issue, { type: 'easyPay', provider: 'KAKAOPAY' });
    await windowOpen();
    expect(requests('requestIssueBillingKey')[0]).toMatchObject({ billingKeyMethod: 'EASY_PAY', easyPay: { easyPayProvider: 'KAKAOPAY' } });
    await answerWindow('decline');
    const result = await pending;
    expect(result).toMatchObject({ status: 'fail', code: 'FAILURE_TYPE_PG', issueId: 'issue-bk-00001' });
    expect(result).not.toHaveProperty('billingKey');
    expect(portOnePayments()[0]).not.toHaveProperty('billingKey');
  });

  it('maps the buyer cancelling to cancel', async () => {
    const portone = await driver();
    const pending = portone.requestIssueBillingKey({}, card);
    await answerWindow('cancel');
    expect(await pending).toMatchObject({ status: 'cancel', code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하였습니다.' });
  });

  it('turns a stand-in refusal (an unknown window type) into a fail carrying a VENDOR_ERROR', async () => {
    const portone = await driver();
    const bogus = { redirectUrl: 'https://shop.test/pay/done', windowType: { pc: 'FULLSCREEN' } } as unknown as PortOneRedirect;
    const result = await portone.requestIssueBillingKey(issue, card, bogus);
    expect(result).toMatchObject({ status: 'fail', code: 'InvalidArgument' });
    const error = (result as { error?: CheckoutError }).error;
    expect(error).toBeInstanceOf(CheckoutError);
    expect(error).toMatchObject({ code: 'VENDOR_ERROR', vendorCode: 'InvalidArgument', provider: 'portone' });
    expect(portOnePayments()).toHaveLength(0);
  });
});

describe('given bad options', () => {
  it.each([
    ['no storeId', { storeId: undefined }, 'INVALID_KEY'],
    ['a PortOne-secret-looking storeId', { storeId: 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8' }, 'SECRET_KEY_IN_BROWSER'],
    ['a V1 merchant code as storeId', { storeId: 'imp00000000' }, 'INVALID_KEY'],
    ['no channelKey', { channelKey: undefined }, 'INVALID_KEY'],
  ] as const)('with %s, rejects with a CheckoutError before any script or vendor call', async (_, options, code) => {
    const error = await rejected(createPortOneV2({ storeId, channelKey, scriptSrc: scriptSrc(), ...options } as PortOneV2Options));
    expect(error).toMatchObject({ code, provider: 'portone' });
    expect(scriptTags(scriptSrc())).toHaveLength(0);
    expect(document.querySelectorAll('script[data-kcheckout-loader]')).toHaveLength(0);
    expect(log()).toEqual([]);
    expect(win.PortOne).toBeUndefined();
  });
});

describe('given bad request input on a loaded driver', () => {
  it.each([
    ['a NaN amount', order('order-bad-amt-1'), { value: Number.NaN, currency: 'KRW' as const }, 'INVALID_AMOUNT'],
    ['a fractional won amount', order('order-bad-amt-2'), { value: 100.5, currency: 'KRW' as const }, 'INVALID_AMOUNT'],
    ['an order id with a space', order('order bad id'), won, 'INVALID_ORDER_ID'],
    ['a too-short order id', order('abc'), won, 'INVALID_ORDER_ID'],
  ] as const)('with %s, rejects with a CheckoutError and leaves the sandbox log empty', async (_, badOrder, money, code) => {
    const portone = await driver();
    sandbox().reset();
    const error = await rejected(portone.requestPayment(badOrder, money, card));
    expect(error).toMatchObject({ code, provider: 'portone' });
    expect(log()).toEqual([]);
    expect(paymentWindow()).toBeNull();
    // Only the tag createPortOneV2 loaded; the bad request added none.
    expect(scriptTags(scriptSrc())).toHaveLength(1);
    expect(cdnTags()).toHaveLength(0);
  });
});
