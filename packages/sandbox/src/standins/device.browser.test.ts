import { page } from 'vitest/browser';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClientKeys } from '../index.js';
import { container, loadStandin, rejection, resetSandbox, sandbox, sleep, useDevice } from '../test-utils/sandbox.js';
import { imp, paymentWidget, portOne, tossPayments, type RequestPayResponse, type V1MethodsWidget } from '../test-utils/vendor-types.js';
import { deviceFromUserAgent } from './shared/device.js';

const order = { orderId: 'order_12345', orderName: '생수 외 1건' };
const redirectUrls = { successUrl: 'https://shop.test/success', failUrl: 'https://shop.test/fail' };
const NOT_SUPPORTED_PROMISE = 'Promise 방식을 지원하지 않습니다. successUrl, failUrl을 사용해주세요.';
let navigations: string[] = [];

async function tossV2() {
  const w = tossPayments()(sandboxClientKeys.toss).widgets({ customerKey: 'buyer_1' });
  await w.setAmount({ value: 50000, currency: 'KRW' });
  container('methods');
  await w.renderPaymentMethods({ selector: '#methods' });
  return w;
}

async function tossV1() {
  const w = paymentWidget()(sandboxClientKeys.toss, 'buyer_1');
  container('methods');
  const methods: V1MethodsWidget = w.renderPaymentMethods('#methods', 50000);
  await new Promise<void>((resolve) => methods.on('ready', () => resolve()));
  return w;
}

beforeAll(async () => {
  for (const sdk of ['toss-v2', 'toss-v1', 'portone-v2', 'iamport-v1'] as const) await loadStandin(sdk);
});

beforeEach(() => {
  navigations = [];
  resetSandbox(navigations);
});

describe('given no device setting', () => {
  it('takes the device from the user agent: phones and tablets are mobile, whatever the width', () => {
    expect(deviceFromUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148')).toBe('mobile');
    expect(deviceFromUserAgent('Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Chrome/126.0 Safari/537.36')).toBe('mobile');
    expect(deviceFromUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15')).toBe('pc');
    expect(deviceFromUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/126.0 Safari/537.36')).toBe('pc');
  });

  it('treats a narrow desktop browser as a PC: PortOne resolves in the page instead of redirecting', async () => {
    await page.viewport(375, 667);
    sandbox().nextOutcome = 'approve';
    const redirectUrl = 'https://shop.test/done';
    await expect(
      portOne().requestPayment({ storeId: sandboxClientKeys.portone.storeId, channelKey: sandboxClientKeys.portone.channelKey, paymentId: 'payment-0001', orderName: '생수', totalAmount: 1000, currency: 'CURRENCY_KRW', payMethod: 'CARD', redirectUrl }),
    ).resolves.toMatchObject({ paymentId: 'payment-0001' });
    expect(navigations).toEqual([]);
  });

  it("treats a phone's user agent as mobile: PortOne redirects", async () => {
    await useDevice('mobile');
    sandbox().nextOutcome = 'approve';
    void portOne().requestPayment({ storeId: sandboxClientKeys.portone.storeId, channelKey: sandboxClientKeys.portone.channelKey, paymentId: 'payment-0002', orderName: '생수', totalAmount: 1000, currency: 'CURRENCY_KRW', payMethod: 'CARD', redirectUrl: 'https://shop.test/done' });
    await sleep(20);
    expect(navigations).toHaveLength(1);
  });
});

describe('given device: "mobile" in the control object', () => {
  beforeEach(() => {
    sandbox().device = 'mobile';
  });

  it.each(['v2', 'v1'] as const)('Toss %s refuses promise mode (no successUrl / failUrl) with NOT_SUPPORTED_PROMISE and opens no window', async (sdk) => {
    const w = sdk === 'v2' ? await tossV2() : await tossV1();
    const error = await rejection(w.requestPayment(order));
    expect(error.code).toBe('NOT_SUPPORTED_PROMISE');
    expect(error.message).toContain(NOT_SUPPORTED_PROMISE);
    expect(sandbox().payments).toEqual([]);
    expect(document.querySelector('[data-kcheckout-sandbox="payment-window"]')).toBeNull();
  });

  it.each(['v2', 'v1'] as const)('Toss %s takes redirect mode and sends the buyer to successUrl', async (sdk) => {
    const w = sdk === 'v2' ? await tossV2() : await tossV1();
    sandbox().nextOutcome = 'approve';
    void w.requestPayment({ ...order, ...redirectUrls });
    await sleep(20);
    expect(navigations).toHaveLength(1);
    expect(navigations[0]).toMatch(/^https:\/\/shop\.test\/success\?paymentType=NORMAL&orderId=order_12345&paymentKey=/);
  });

  it('iamport follows m_redirect_url, even in a wide browser', async () => {
    await page.viewport(1280, 800);
    imp().init(sandboxClientKeys.iamport.impCode);
    sandbox().nextOutcome = 'approve';
    const calls: RequestPayResponse[] = [];
    imp().request_pay(
      { channelKey: sandboxClientKeys.iamport.channelKey, pay_method: 'card', merchant_uid: 'order-0001', name: '생수', amount: 1000, m_redirect_url: 'https://shop.test/done' },
      (response: RequestPayResponse) => calls.push(response),
    );
    await sleep(20);
    expect(calls).toEqual([]);
    expect(navigations).toHaveLength(1);
  });
});

describe('given device: "pc" in the control object on a phone', () => {
  it('Toss resolves promise mode, as the setting says', async () => {
    await useDevice('mobile');
    sandbox().device = 'pc';
    const w = await tossV2();
    sandbox().nextOutcome = 'approve';
    await expect(w.requestPayment(order)).resolves.toMatchObject({ orderId: 'order_12345' });
  });
});
