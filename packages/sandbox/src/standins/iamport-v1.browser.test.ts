import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { sandboxClientKeys, type SandboxIamportPayment } from '../index.js';
import { answerWindow, loadStandin, loggedMethods, paymentWindow, resetSandbox, sandbox, sleep, useDevice } from '../test-utils/sandbox.js';
import { imp, type RequestPayResponse } from '../test-utils/vendor-types.js';

const { impCode, channelKey } = sandboxClientKeys.iamport;
const params = (overrides: Record<string, unknown> = {}) => ({
  channelKey,
  pay_method: 'card',
  merchant_uid: 'order-0001',
  name: '생수 외 1건',
  amount: 50000,
  buyer_name: '홍길동',
  buyer_tel: '010-1234-5678',
  ...overrides,
});
const without = (field: string, request: Record<string, unknown>) => {
  const copy = { ...request };
  delete copy[field];
  return copy;
};
const redirectUrl = 'https://shop.test/pay/done?cart=7#top';
const iamportPayments = () => sandbox().payments as SandboxIamportPayment[];

let navigations: string[] = [];

/** Calls IMP.request_pay and resolves with what its callback receives. */
function requestPay(request: unknown): Promise<RequestPayResponse> {
  return new Promise((resolve) => imp().request_pay(request, resolve));
}

/** Calls request_pay with a callback that records every call, to check it is called exactly once. */
async function callbackCalls(request: unknown, answer?: 'approve' | 'decline' | 'cancel'): Promise<RequestPayResponse[]> {
  const calls: RequestPayResponse[] = [];
  imp().request_pay(request, (response: RequestPayResponse) => calls.push(response));
  if (answer) await answerWindow(answer);
  await sleep(20);
  return calls;
}

beforeAll(async () => {
  await loadStandin('iamport-v1');
});

beforeEach(async () => {
  navigations = [];
  resetSandbox(navigations);
  await useDevice('pc');
  imp().init(impCode);
  sandbox().log.length = 0;
});

describe('given the iamport-v1 stand-in script', () => {
  it('installs window.IMP with init and request_pay, and the shared control object', () => {
    expect(typeof imp().init).toBe('function');
    expect(typeof imp().request_pay).toBe('function');
    expect(sandbox().log).toEqual([]);
  });

  it('records init and request_pay calls with their arguments before validating them, so a test can count init', async () => {
    const request = params();
    const callback = () => {};
    imp().init(impCode);
    imp().init('imp99999999');
    imp().request_pay({}, callback);
    imp().request_pay(request, callback);
    expect(() => imp().certification({}, callback)).toThrow(/not available offline/);
    expect(loggedMethods()).toEqual(['init', 'init', 'request_pay', 'request_pay', 'certification']);
    expect(sandbox().log.every((entry) => entry.sdk === 'iamport-v1')).toBe(true);
    expect(sandbox().log.filter((entry) => entry.method === 'init').map((entry) => entry.args)).toEqual([[impCode], ['imp99999999']]);
    expect(sandbox().log[3]!.args).toEqual([request, callback]);
    await answerWindow('cancel');
  });
});

describe('given request_pay in callback mode', () => {
  it('calls back once with a paid RequestPayResponse when the buyer clicks 승인, and records the payment', async () => {
    const paying = requestPay(params({ pg: 'html5_inicis.INIpayTest', custom_data: { item: 'water' } }));
    await userEvent.click(paymentWindow()!.querySelector('[data-outcome="approve"]')!);
    const response = await paying;
    expect(response).toMatchObject({
      success: true,
      imp_success: true,
      imp_uid: expect.stringMatching(/^imp_[0-9]{12}$/),
      merchant_uid: 'order-0001',
      pay_method: 'card',
      paid_amount: 50000,
      status: 'paid',
      name: '생수 외 1건',
      currency: 'KRW',
      pg_provider: 'html5_inicis',
      buyer_name: '홍길동',
      buyer_tel: '010-1234-5678',
      apply_num: expect.stringMatching(/^[0-9]{8}$/),
      custom_data: '{"item":"water"}',
    });
    expect(response).not.toHaveProperty('error_code');
    expect(response).not.toHaveProperty('error_msg');
    expect(paymentWindow()).toBeNull();
    expect(iamportPayments()).toEqual([
      {
        sdk: 'iamport-v1',
        impUid: response.imp_uid,
        merchantUid: 'order-0001',
        impCode,
        pg: 'html5_inicis.INIpayTest',
        channelKey,
        orderName: '생수 외 1건',
        amount: 50000,
        currency: 'KRW',
        method: 'card',
        customData: '{"item":"water"}',
        status: 'approved',
        answeredAt: expect.any(Number),
      },
    ]);
  });

  it('calls back with status failed and error_code / error_msg when the buyer clicks 거절', async () => {
    const calls = await callbackCalls(params(), 'decline');
    expect(calls).toEqual([
      expect.objectContaining({
        success: false,
        imp_success: false,
        imp_uid: expect.stringMatching(/^imp_[0-9]{12}$/),
        merchant_uid: 'order-0001',
        status: 'failed',
        error_code: 'F400',
        error_msg: '[카드사 승인 거절] 카드사에서 승인을 거절했습니다.',
      }),
    ]);
    expect(calls[0]).not.toHaveProperty('paid_amount');
    expect(iamportPayments()[0]?.status).toBe('declined');
  });

  it('calls back with the [결제포기] message when the buyer presses Escape', async () => {
    const paying = requestPay(params());
    expect(paymentWindow()).not.toBeNull();
    await userEvent.keyboard('{Escape}');
    expect(await paying).toMatchObject({ success: false, status: 'failed', error_code: 'F400', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' });
    expect(iamportPayments()[0]?.status).toBe('canceled');
  });

  it.each([
    ['approve', undefined, 'paid'],
    ['decline', 'F400', 'failed'],
    ['cancel', 'F400', 'failed'],
  ] as const)('answers by itself with nextOutcome %s, after showing the window, and clears it', async (outcome, code, status) => {
    sandbox().nextOutcome = outcome;
    const paying = requestPay(params());
    expect(paymentWindow()).not.toBeNull();
    expect(sandbox().nextOutcome).toBeUndefined();
    const response = await paying;
    expect(response.error_code).toBe(code);
    expect(response.status).toBe(status);
    expect(paymentWindow()).toBeNull();
  });

  it('shows the vendor title, order, amount and method in the window', async () => {
    const paying = requestPay(params({ pay_method: 'kakaopay', amount: 12000 }));
    const dialog = paymentWindow()!;
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('아임포트 샌드박스 결제창');
    expect(dialog.textContent).toContain('생수 외 1건');
    expect(dialog.textContent).toContain('12,000원');
    expect(dialog.textContent).toContain('카카오페이');
    expect(dialog.textContent).toContain('order-0001');
    await answerWindow('cancel');
    await paying;
  });

  it('gives every payment a fresh imp_uid', async () => {
    sandbox().nextOutcome = 'approve';
    const first = await requestPay(params());
    sandbox().nextOutcome = 'approve';
    const second = await requestPay(params({ merchant_uid: 'order-0002' }));
    expect(first.imp_uid).not.toBe(second.imp_uid);
  });

  it('takes the deprecated pg instead of a channelKey', async () => {
    sandbox().nextOutcome = 'approve';
    expect(await requestPay(params({ channelKey: undefined, pg: 'kakaopay' }))).toMatchObject({ status: 'paid', pg_provider: 'kakaopay' });
  });
});

describe('given refusals before any window', () => {
  it('answers a request_pay before IMP.init through the callback, asynchronously, with imp_uid null', async () => {
    delete (window as unknown as Record<string, unknown>).IMP;
    await loadStandin('iamport-v1');
    const calls: RequestPayResponse[] = [];
    imp().request_pay(params(), (response: RequestPayResponse) => calls.push(response));
    expect(calls).toEqual([]);
    await sleep(10);
    expect(calls).toEqual([
      {
        success: false,
        imp_success: false,
        imp_uid: null,
        merchant_uid: 'order-0001',
        error_code: 'NOT_READY',
        error_msg: expect.stringContaining('IMP.init()으로 가맹점 식별코드를 먼저 설정해주세요.'),
      },
    ]);
    expect(paymentWindow()).toBeNull();
  });

  it.each(['pay_method', 'merchant_uid', 'name', 'amount'])('calls back INVALID_PARAMETER without %s, naming it, and opens no window', async (field) => {
    const calls = await callbackCalls(without(field, params()));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ success: false, imp_uid: null, error_code: 'INVALID_PARAMETER' });
    expect(calls[0]!.error_msg).toContain(`필수 파라미터 ${field}가 누락되었습니다.`);
    expect(paymentWindow()).toBeNull();
    expect(sandbox().payments).toEqual([]);
  });

  it('calls back INVALID_PARAMETER without both channelKey and pg', async () => {
    const calls = await callbackCalls(without('channelKey', params()));
    expect(calls[0]).toMatchObject({ error_code: 'INVALID_PARAMETER' });
    expect(calls[0]!.error_msg).toContain('필수 파라미터 channelKey가 누락되었습니다.');
  });

  it.each([['credit_card'], ['CARD'], [7]])('refuses the unknown pay_method %j', async (payMethod) => {
    const calls = await callbackCalls(params({ pay_method: payMethod }));
    expect(calls[0]!.error_msg).toContain('pay_method 파라미터가 올바르지 않습니다.');
  });

  it.each([
    ['amount', -100],
    ['amount', 100.5],
    ['amount', '50000'],
    ['merchant_uid', 'x'.repeat(41)],
    ['merchant_uid', ''],
    ['name', ''],
    ['currency', 'won'],
    ['m_redirect_url', '/pay/done'],
  ])('refuses %s = %j', async (field, value) => {
    const calls = await callbackCalls(params({ [field]: value }));
    expect(calls[0]!.error_msg).toContain(`${field} 파라미터가 올바르지 않습니다.`);
  });

  it('accepts a fractional USD amount and a 40-character merchant_uid', async () => {
    sandbox().nextOutcome = 'approve';
    expect(await requestPay(params({ amount: 12.5, currency: 'USD', merchant_uid: 'x'.repeat(40), pay_method: 'paypal' }))).toMatchObject({
      status: 'paid',
      paid_amount: 12.5,
      currency: 'USD',
    });
  });

  it('needs digital for phone payments', async () => {
    expect((await callbackCalls(params({ pay_method: 'phone' })))[0]!.error_msg).toContain('필수 파라미터 digital가 누락되었습니다.');
    sandbox().nextOutcome = 'approve';
    expect(await requestPay(params({ pay_method: 'phone', digital: false }))).toMatchObject({ status: 'paid' });
  });

  it.each([
    ['an imp_secret', 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG9mcmVkcGx1Z2g1Nzk4MzQ1OTg3NDU5ODM0NTk4NzM0NTk4NzM0'],
    ['the REST API key', '1234567890123456'],
    ['a V2 store id', 'store-6b636865-636b-4f75-8000-73616e64626f'],
  ])('refuses %s given to IMP.init, at request_pay, without echoing a secret', async (_kind, code) => {
    imp().init(code);
    const calls = await callbackCalls(params());
    expect(calls[0]).toMatchObject({ error_code: 'INVALID_USER_CODE', imp_uid: null });
    expect(calls[0]!.error_msg).toContain('가맹점 식별코드');
    expect(calls[0]!.error_msg).not.toContain(code.slice(0, 12));
    expect(paymentWindow()).toBeNull();
  });

  it('refuses an API secret passed as channelKey', async () => {
    const calls = await callbackCalls(params({ channelKey: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c2v3b4n5m6' }));
    expect(calls[0]).toMatchObject({ error_code: 'INVALID_PARAMETER' });
    expect(calls[0]!.error_msg).toContain('channelKey에 API 시크릿을 넣으면 안 됩니다.');
    expect(calls[0]!.error_msg).toContain('52 characters');
  });

  it('refuses a second request_pay while the window is open, then takes one once it is answered', async () => {
    const first = requestPay(params());
    const second = await callbackCalls(params({ merchant_uid: 'order-0002' }));
    expect(second).toEqual([expect.objectContaining({ error_code: 'PAYMENT_IN_PROGRESS', merchant_uid: 'order-0002', imp_uid: null })]);
    expect(document.querySelectorAll('[data-kcheckout-sandbox="payment-window"]')).toHaveLength(1);
    await answerWindow('approve');
    expect(await first).toMatchObject({ status: 'paid', merchant_uid: 'order-0001' });
    sandbox().nextOutcome = 'approve';
    expect(await requestPay(params({ merchant_uid: 'order-0002' }))).toMatchObject({ status: 'paid' });
  });
});

describe('given m_redirect_url', () => {
  it("navigates on mobile with imp_uid, merchant_uid and imp_success=true, keeping the merchant's query and hash, and never calls back", async () => {
    await useDevice('mobile');
    sandbox().nextOutcome = 'approve';
    const calls = await callbackCalls(params({ m_redirect_url: redirectUrl }));
    expect(calls).toEqual([]);
    expect(navigations).toHaveLength(1);
    const url = new URL(navigations[0]!);
    expect(url.origin + url.pathname).toBe('https://shop.test/pay/done');
    expect(url.hash).toBe('#top');
    expect([...url.searchParams.keys()]).toEqual(['cart', 'imp_uid', 'merchant_uid', 'imp_success']);
    expect(url.searchParams.get('imp_uid')).toBe(iamportPayments()[0]!.impUid);
    expect(url.searchParams.get('merchant_uid')).toBe('order-0001');
    expect(url.searchParams.get('imp_success')).toBe('true');
  });

  it.each([
    ['decline', '[카드사 승인 거절] 카드사에서 승인을 거절했습니다.'],
    ['cancel', '[결제포기] 사용자가 결제를 취소하셨습니다'],
  ] as const)('adds imp_success=false, error_code and error_msg on %s', async (outcome, message) => {
    await useDevice('mobile');
    sandbox().nextOutcome = outcome;
    imp().request_pay(params({ m_redirect_url: redirectUrl }), () => {});
    await sleep(20);
    expect(Object.fromEntries(new URL(navigations[0]!).searchParams)).toEqual({
      cart: '7',
      imp_uid: iamportPayments()[0]!.impUid,
      merchant_uid: 'order-0001',
      imp_success: 'false',
      error_code: 'F400',
      error_msg: message,
    });
  });

  it('is ignored on PC, where the callback answers', async () => {
    sandbox().nextOutcome = 'approve';
    expect(await requestPay(params({ m_redirect_url: redirectUrl }))).toMatchObject({ status: 'paid' });
    expect(navigations).toEqual([]);
  });

  it('redirects PayPal on PC too', async () => {
    sandbox().nextOutcome = 'approve';
    imp().request_pay(params({ pay_method: 'paypal', currency: 'USD', amount: 10, m_redirect_url: redirectUrl }), () => {});
    await sleep(20);
    expect(navigations).toHaveLength(1);
  });

  it('sends a refusal there on mobile when there is no callback, without imp_uid', async () => {
    await useDevice('mobile');
    imp().request_pay(params({ amount: undefined, m_redirect_url: redirectUrl }));
    await sleep(0);
    const url = new URL(navigations[0]!);
    expect([...url.searchParams.keys()]).toEqual(['cart', 'merchant_uid', 'imp_success', 'error_code', 'error_msg']);
    expect(url.searchParams.get('imp_success')).toBe('false');
    expect(url.searchParams.get('error_code')).toBe('INVALID_PARAMETER');
  });

  it('frees the page after a redirect, so a later request opens a window', async () => {
    await useDevice('mobile');
    sandbox().nextOutcome = 'cancel';
    imp().request_pay(params({ m_redirect_url: redirectUrl }), () => {});
    await sleep(20);
    sandbox().nextOutcome = 'approve';
    expect(await requestPay(params())).toMatchObject({ status: 'paid' });
  });
});
