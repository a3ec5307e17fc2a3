// configureSandbox before any stand-in has loaded (this file's page starts without one): the
// settings survive the first script, which completes the object instead of replacing it.
import { describe, expect, it } from 'vitest';
import { configureSandbox, getSandbox, sandboxScriptUrl } from './index.js';
import { scriptUrl } from './toss-v2.js';
import { container, paymentWindow, sleep } from './test-utils/sandbox.js';
import { tossPayments } from './test-utils/vendor-types.js';

function load(src: string): Promise<void> {
  const script = document.createElement('script');
  script.src = src;
  return new Promise((resolve, reject) => {
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`failed to load ${src}`));
    document.head.append(script);
  });
}

describe('given configureSandbox called before any stand-in script', () => {
  it('keeps every setting through the first script, which adds log, payments and reset', async () => {
    expect(window.kcheckoutSandbox).toBeUndefined();
    const early = configureSandbox({ apiBase: 'http://127.0.0.1:9', latencyMs: 7, device: 'pc', locale: 'en', nextOutcome: 'cancel', variantKeys: ['BLUE'] });
    expect(early).toBe(window.kcheckoutSandbox);
    // Not the control object yet: no stand-in has completed it.
    expect(getSandbox()).toBeUndefined();

    await load(scriptUrl());
    const control = getSandbox()!;
    expect(control).toBe(early);
    expect(control).toMatchObject({ apiBase: 'http://127.0.0.1:9', latencyMs: 7, device: 'pc', locale: 'en', nextOutcome: 'cancel', variantKeys: ['BLUE'] });
    expect(control.log).toEqual([]);
    expect(control.payments).toEqual([]);
    expect(typeof control.reset).toBe('function');

    // The per-SDK entry and the root entry hand out the same URL, so the loader keeps one tag.
    expect(sandboxScriptUrl('toss-v2')).toBe(scriptUrl());
  });

  it('lets undefined clear a setting back to its default, and the stand-ins read the result', async () => {
    configureSandbox({ apiBase: undefined, latencyMs: undefined, locale: 'en' });
    const control = getSandbox()!;
    expect('apiBase' in control).toBe(false);
    expect('latencyMs' in control).toBe(false);

    const widgets = tossPayments()('test_gck_kcheckout_sandbox').widgets({ customerKey: 'buyer_1' });
    // The stand-in puts back the 20 ms default the moment it next needs it.
    await widgets.setAmount({ value: 1000, currency: 'KRW' });
    expect(control.latencyMs).toBe(20);
    container('methods');
    await widgets.renderPaymentMethods({ selector: '#methods' });
    expect(document.querySelector('[data-kcheckout-sandbox="payment-methods"] legend')?.textContent).toContain('Payment method');

    // nextOutcome from the first configure: the window cancels by itself, and nothing is POSTed.
    const answer = widgets.requestPayment({ orderId: 'order_configure_1', orderName: '생수' }).catch((error: { code: string }) => error.code);
    expect(paymentWindow()).not.toBeNull();
    expect(await answer).toBe('USER_CANCEL');
    await sleep(0);
    expect(control.payments.map((payment) => payment.status)).toEqual(['canceled']);
  });
});
