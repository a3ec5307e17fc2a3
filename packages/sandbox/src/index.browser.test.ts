import { beforeEach, describe, expect, it } from 'vitest';
import { getSandbox, sandboxClientKeys, sandboxScriptUrl, type SandboxSdk } from './index.js';
import { answerWindow, container, loadStandin, loggedMethods, paymentWindow, rejection, sandbox, sleep, useDevice } from './test-utils/sandbox.js';
import { imp, paymentWidget, portOne, tossPayments, type RequestPayResponse } from './test-utils/vendor-types.js';

function loadScript(src: string): Promise<void> {
  const script = document.createElement('script');
  script.src = src;
  return new Promise((resolve, reject) => {
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`failed to load ${src}`));
    document.head.append(script);
  });
}

beforeEach(() => {
  window.kcheckoutSandbox?.reset();
  if (window.kcheckoutSandbox) window.kcheckoutSandbox.latencyMs = 0;
  document.body.innerHTML = '';
});

describe('given sandboxScriptUrl in a browser', () => {
  it('returns a blob: URL, the same one every time for the same sdk', () => {
    const first = sandboxScriptUrl('toss-v2');
    expect(first).toMatch(/^blob:/);
    expect(sandboxScriptUrl('toss-v2')).toBe(first);
    expect(sandboxScriptUrl('toss-v1')).toBe(sandboxScriptUrl('toss-v1'));
    expect(sandboxScriptUrl('toss-v1')).not.toBe(first);
  });

  it('refuses an unknown sdk, listing the valid ones', () => {
    expect(() => sandboxScriptUrl('portone-v9' as SandboxSdk)).toThrow(/'toss-v1', 'toss-v2', 'portone-v2', 'iamport-v1'/);
  });

  it('serves scripts that install the vendor globals', async () => {
    await loadStandin('toss-v2');
    await loadStandin('toss-v1');
    await loadStandin('portone-v2');
    await loadStandin('iamport-v1');
    expect(typeof tossPayments()).toBe('function');
    expect(typeof paymentWidget()).toBe('function');
    expect(typeof portOne().requestPayment).toBe('function');
    expect(typeof imp().request_pay).toBe('function');
  });
});

describe('given the stand-in scripts loaded more than once', () => {
  it('keeps one control object, its log and its settings, and the page slots, across every copy', async () => {
    await loadStandin('toss-v2');
    const control = sandbox();
    expect(getSandbox()).toBe(control);
    control.latencyMs = 5;
    const first = tossPayments()(sandboxClientKeys.toss).widgets({ customerKey: 'buyer_1' });
    await first.setAmount({ value: 1000, currency: 'KRW' });
    container('methods');
    await first.renderPaymentMethods({ selector: '#methods' });

    // A second tag for the same URL (a remount that lost the loader's cache) and the other SDK.
    delete (window as unknown as Record<string, unknown>).TossPayments;
    await loadStandin('toss-v2');
    await loadStandin('toss-v1');
    expect(sandbox()).toBe(control);
    expect(control.latencyMs).toBe(5);
    expect(loggedMethods()).toEqual(['TossPayments', 'widgets', 'setAmount', 'renderPaymentMethods']);

    const second = tossPayments()(sandboxClientKeys.toss).widgets({ customerKey: 'buyer_1' });
    await second.setAmount({ value: 1000, currency: 'KRW' });
    container('methods-2');
    expect((await rejection(second.renderPaymentMethods({ selector: '#methods-2' }))).code).toBe('PAYMENT_METHODS_WIDGET_ALREADY_RENDERED');

    paymentWidget()(sandboxClientKeys.toss, 'buyer_1');
    expect(loggedMethods().slice(-1)).toEqual(['PaymentWidget']);
    expect(sandbox().log.at(-1)?.sdk).toBe('toss-v1');

    control.reset();
    expect(control.log).toEqual([]);
    await expect(second.renderPaymentMethods({ selector: '#methods-2' })).resolves.toBeTruthy();
  });

  it("keeps the PortOne window page-wide: a second copy of portone-v2 refuses a request while the first copy's window is open", async () => {
    await useDevice('pc');
    await loadStandin('portone-v2');
    const first = portOne();
    const request = {
      storeId: sandboxClientKeys.portone.storeId,
      channelKey: sandboxClientKeys.portone.channelKey,
      paymentId: 'payment-0001',
      orderName: '생수',
      totalAmount: 1000,
      currency: 'KRW',
      payMethod: 'CARD',
    };
    const paying = first.requestPayment(request);
    delete (window as unknown as Record<string, unknown>).PortOne;
    await loadStandin('portone-v2');
    expect(portOne()).not.toBe(first);
    const refused = (await rejection(portOne().requestPayment({ ...request, paymentId: 'payment-0002' }))) as Error & { code: string };
    expect(refused.code).toBe('FailedPrecondition');
    expect(loggedMethods()).toEqual(['requestPayment', 'requestPayment']);
    await answerWindow('approve');
    expect(await paying).toMatchObject({ paymentId: 'payment-0001' });
    sandbox().nextOutcome = 'approve';
    await expect(portOne().requestPayment({ ...request, paymentId: 'payment-0002' })).resolves.toMatchObject({ paymentId: 'payment-0002' });
  });

  it('gives each copy of iamport-v1 its own IMP, which needs its own init, sharing the log and the open window', async () => {
    await useDevice('pc');
    await loadStandin('iamport-v1');
    const first = imp();
    first.init(sandboxClientKeys.iamport.impCode);
    const params = { channelKey: sandboxClientKeys.iamport.channelKey, pay_method: 'card', merchant_uid: 'order-0001', name: '생수', amount: 1000 };
    const paid = new Promise<RequestPayResponse>((resolve) => first.request_pay(params, resolve));

    delete (window as unknown as Record<string, unknown>).IMP;
    await loadStandin('iamport-v1');
    const responses: RequestPayResponse[] = [];
    imp().request_pay(params, (response: RequestPayResponse) => responses.push(response));
    imp().init(sandboxClientKeys.iamport.impCode);
    imp().request_pay(params, (response: RequestPayResponse) => responses.push(response));
    await sleep(10);
    expect(responses.map((response) => response.error_code)).toEqual(['NOT_READY', 'PAYMENT_IN_PROGRESS']);
    expect(loggedMethods('iamport-v1')).toEqual(['init', 'request_pay', 'request_pay', 'init', 'request_pay']);
    expect(document.querySelectorAll('[data-kcheckout-sandbox="payment-window"]')).toHaveLength(1);
    await answerWindow('approve');
    expect(await paid).toMatchObject({ status: 'paid' });
    expect(paymentWindow()).toBeNull();
  });

  it('is the same script as the static file in dist/scripts', async () => {
    // The test server's script route serves packages/sandbox/dist/scripts/<serve>.js.
    await fetch('/__kcheckout/script/sandbox-static?mode=ok&serve=toss-v1', { method: 'POST' });
    delete (window as unknown as Record<string, unknown>).PaymentWidget;
    await loadScript('/__kcheckout/script/sandbox-static.js');
    expect(paymentWidget().ANONYMOUS).toBe('@@ANONYMOUS');
    expect(getSandbox()).toBeDefined();
  });

  it.each([
    ['portone-v2', 'PortOne'],
    ['iamport-v1', 'IMP'],
  ])('serves %s as a static file too', async (serve, global) => {
    await fetch(`/__kcheckout/script/sandbox-static-${serve}?mode=ok&serve=${serve}`, { method: 'POST' });
    delete (window as unknown as Record<string, unknown>)[global];
    await loadScript(`/__kcheckout/script/sandbox-static-${serve}.js`);
    expect((window as unknown as Record<string, unknown>)[global]).toBeTypeOf('object');
  });
});

describe('given sandboxClientKeys', () => {
  it('holds a widget client key (test_gck_) that both stand-ins accept', async () => {
    expect(sandboxClientKeys.toss).toMatch(/^test_gck_/);
    await loadStandin('toss-v2');
    await loadStandin('toss-v1');
    expect(() => tossPayments()(sandboxClientKeys.toss).widgets({ customerKey: tossPayments().ANONYMOUS })).not.toThrow();
    expect(() => paymentWidget()(sandboxClientKeys.toss, paymentWidget().ANONYMOUS)).not.toThrow();
  });
});
