// A real double click on a pay button must not reach the sandbox payment window the first click
// opened (issue 15: the 거절 button can sit exactly under pay, so the second click declined).
// The clicks are Playwright's, through vitest's userEvent, in Chromium: mousedown, mouseup and
// click twice at the pay button's centre, as a buyer's double click.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { sandboxClientKeys } from '../index.js';
import { clickAgreement, container, loadStandin, paymentWindow, resetSandbox, sandbox, settledWithin, sleep } from '../test-utils/sandbox.js';
import { tossPayments } from '../test-utils/vendor-types.js';
import { ARMING_MS } from './shared/payment-window.js';

const order = { orderId: 'order_dblclick_1', orderName: '생수' };
const outcomeButton = (outcome: string) => paymentWindow()!.querySelector<HTMLButtonElement>(`[data-outcome="${outcome}"]`)!;

/** A Toss v2 checkout whose pay button sits exactly where the window's `outcome` button will be. */
async function checkoutWithPayButtonUnder(outcome: 'approve' | 'decline' | 'cancel') {
  const w = tossPayments()(sandboxClientKeys.toss).widgets({ customerKey: 'buyer_1' });
  await w.setAmount({ value: 50000, currency: 'KRW' });
  container('methods');
  container('agreement');
  await Promise.all([w.renderPaymentMethods({ selector: '#methods' }), w.renderAgreement({ selector: '#agreement' })]);
  clickAgreement();

  // Where the window puts its buttons: open one, measure, close it with Escape.
  const probe = w.requestPayment(order).catch(() => undefined);
  const box = outcomeButton(outcome).getBoundingClientRect();
  await userEvent.keyboard('{Escape}');
  await probe;
  sandbox().reset();

  const pay = document.createElement('button');
  pay.type = 'button';
  pay.textContent = '결제하기';
  pay.style.cssText = `position:fixed;left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px;margin:0;`;
  const requests: Array<Promise<unknown>> = [];
  pay.addEventListener('click', () => {
    // One request per window, as kcheckout's button does; a second click that reached the page
    // would show up here.
    requests.push(w.requestPayment(order).then((result) => ({ result }), (error: { code: string }) => ({ code: error.code })));
  });
  document.body.append(pay);
  return { pay, requests };
}

beforeAll(async () => {
  await loadStandin('toss-v2');
});

beforeEach(() => {
  resetSandbox();
  // A vendor round trip before the window, as in a real checkout (the default latency).
  sandbox().latencyMs = 20;
});

describe('given a pay button under the payment window', () => {
  for (const outcome of ['decline', 'cancel', 'approve'] as const) {
    it(`keeps the window open and records nothing when a double click on pay lands on ${outcome}`, async () => {
      const { pay, requests } = await checkoutWithPayButtonUnder(outcome);
      await userEvent.dblClick(pay);
      expect(paymentWindow()).not.toBeNull();
      expect(requests).toHaveLength(1);
      expect(await settledWithin(requests[0]!, ARMING_MS + 200)).toBe('pending');
      expect(paymentWindow()).not.toBeNull();
      expect(sandbox().payments).toEqual([]);

      // Once armed, the buyer's own click answers the window.
      await userEvent.click(outcomeButton('approve'));
      expect(await requests[0]).toEqual({ result: expect.objectContaining({ orderId: order.orderId }) });
      expect(sandbox().payments.map((payment) => payment.status)).toEqual(['approved']);
    });
  }

  it('marks the buttons aria-disabled until armed, then takes a real click', async () => {
    const { pay, requests } = await checkoutWithPayButtonUnder('decline');
    await userEvent.click(pay);
    for (let i = 0; i < 100 && !paymentWindow(); i++) await sleep(5);
    expect(outcomeButton('decline').getAttribute('aria-disabled')).toBe('true');
    await sleep(ARMING_MS + 50);
    expect(outcomeButton('decline').hasAttribute('aria-disabled')).toBe(false);
    await userEvent.click(outcomeButton('decline'));
    expect(await requests[0]).toEqual({ code: 'REJECT_CARD_COMPANY' });
    expect(sandbox().payments.map((payment) => payment.status)).toEqual(['declined']);
  });

  it('answers a keyboard or scripted activation at once (a double click always has a pointer)', async () => {
    const { pay, requests } = await checkoutWithPayButtonUnder('decline');
    pay.click();
    for (let i = 0; i < 100 && !paymentWindow(); i++) await sleep(5);
    outcomeButton('cancel').click();
    expect(await requests[0]).toEqual({ code: 'USER_CANCEL' });
  });
});
