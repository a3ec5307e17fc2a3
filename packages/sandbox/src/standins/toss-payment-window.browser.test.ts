import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClientKeys } from '../index.js';
import { answerWindow, loadStandin, loggedMethods, paymentWindow, rejection, resetSandbox, sandbox, thrown } from '../test-utils/sandbox.js';
import { tossPayments } from '../test-utils/vendor-types.js';

interface PaymentObject {
  requestPayment(params?: unknown): Promise<{ paymentKey: string; orderId: string; amount: { value: number; currency: string }; paymentType?: string }>;
  destroy(): Promise<void>;
}

const card = { method: 'CARD', amount: { value: 50000, currency: 'KRW' }, orderId: 'order_12345', orderName: '생수 외 1건' };
const urls = { successUrl: 'https://shop.test/success', failUrl: 'https://shop.test/fail' };
let navigations: string[] = [];

function payment(clientKey: string = sandboxClientKeys.tossApi, customerKey: unknown = 'buyer_1'): PaymentObject {
  return tossPayments()(clientKey).payment({ customerKey }) as PaymentObject;
}

beforeAll(async () => {
  await loadStandin('toss-v2');
});

beforeEach(() => {
  navigations = [];
  resetSandbox(navigations);
});

describe('given payment({ customerKey }) (the payment window)', () => {
  it('needs an API individual key: a widget key throws NOT_SUPPORTED_WIDGET_KEY', () => {
    const error = thrown(() => payment(sandboxClientKeys.toss));
    expect(error.code).toBe('NOT_SUPPORTED_WIDGET_KEY');
    expect(error.name).toBe('NotSupportedWidgetKeyError');
  });

  it('refuses a bad customerKey (INVALID_CUSTOMER_KEY) and a secret key as one (INSECURE_KEY_USAGE)', () => {
    expect(thrown(() => payment(undefined, 'a')).code).toBe('INVALID_CUSTOMER_KEY');
    expect(thrown(() => payment(undefined, 'test_sk_abc')).code).toBe('INSECURE_KEY_USAGE');
  });

  it('while the widget still refuses the API individual key (NOT_SUPPORTED_API_INDIVIDUAL_KEY)', () => {
    expect(thrown(() => tossPayments()(sandboxClientKeys.tossApi).widgets({ customerKey: 'buyer_1' })).code).toBe('NOT_SUPPORTED_API_INDIVIDUAL_KEY');
  });
});

describe('given payment.requestPayment()', () => {
  it('resolves { paymentKey, orderId, amount } without paymentType when approved, and records the payment', async () => {
    const paying = payment().requestPayment(card);
    await answerWindow('approve');
    const result = await paying;
    expect(result).toEqual({ orderId: 'order_12345', paymentKey: expect.stringMatching(/^tsbx/), amount: { value: 50000, currency: 'KRW' } });
    expect(sandbox().payments[0]).toMatchObject({ sdk: 'toss-v2', orderId: 'order_12345', amount: 50000, method: 'CARD', status: 'approved' });
    expect(loggedMethods()).toEqual(['TossPayments', 'payment', 'payment.requestPayment']);
  });

  it('redirects to successUrl with amount, orderId and paymentKey only', async () => {
    void payment().requestPayment({ ...card, ...urls });
    await answerWindow('approve');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const url = new URL(navigations[0]!);
    expect(url.origin + url.pathname).toBe(urls.successUrl);
    expect([...url.searchParams.keys()].sort()).toEqual(['amount', 'orderId', 'paymentKey']);
    expect(url.searchParams.get('amount')).toBe('50000');
  });

  it('redirects a cancel to failUrl with PAY_PROCESS_CANCELED, and rejects USER_CANCEL in promise mode', async () => {
    void payment().requestPayment({ ...card, ...urls });
    await answerWindow('cancel');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(new URL(navigations[0]!).searchParams.get('code')).toBe('PAY_PROCESS_CANCELED');
    const paying = rejection(payment().requestPayment(card));
    await answerWindow('cancel');
    expect((await paying).code).toBe('USER_CANCEL');
  });

  it('takes a method it knows only (NOT_SUPPORTED_METHOD)', async () => {
    expect((await rejection(payment().requestPayment({ ...card, method: 'BITCOIN' }))).code).toBe('NOT_SUPPORTED_METHOD');
    expect((await rejection(payment().requestPayment({ ...card, method: undefined }))).code).toBe('NOT_SUPPORTED_METHOD');
  });

  it('needs an amount object above zero, in KRW unless FOREIGN_EASY_PAY (INVALID_AMOUNT_VALUE, INVALID_AMOUNT_CURRENCY)', async () => {
    expect((await rejection(payment().requestPayment({ ...card, amount: 50000 }))).code).toBe('INVALID_AMOUNT_VALUE');
    expect((await rejection(payment().requestPayment({ ...card, amount: { value: 0, currency: 'KRW' } }))).code).toBe('INVALID_AMOUNT_VALUE');
    expect((await rejection(payment().requestPayment({ ...card, amount: { value: 10, currency: 'USD' } }))).code).toBe('INVALID_AMOUNT_CURRENCY');
  });

  it('refuses a parameter the request type does not define (INVALID_PARAMETERS)', async () => {
    const error = await rejection(payment().requestPayment({ ...card, paymentType: 'NORMAL' }));
    expect(error.code).toBe('INVALID_PARAMETERS');
    expect(error.message).toContain("'paymentType'");
  });

  it("refuses another method's section, e.g. transfer options on a card payment (INVALID_PARAMETERS)", async () => {
    expect((await rejection(payment().requestPayment({ ...card, transfer: { useEscrow: true } }))).code).toBe('INVALID_PARAMETERS');
  });

  it('checks orderId, orderName and the URL pair as the widget does', async () => {
    expect((await rejection(payment().requestPayment({ ...card, orderId: 'abc' }))).code).toBe('INVALID_PARAMETERS');
    expect((await rejection(payment().requestPayment({ ...card, orderName: '' }))).code).toBe('INVALID_PARAMETERS');
    expect((await rejection(payment().requestPayment({ ...card, successUrl: '/ok', failUrl: urls.failUrl }))).code).toBe('INCORRECT_SUCCESS_URL_FORMAT');
    expect((await rejection(payment().requestPayment({ ...card, successUrl: urls.successUrl }))).code).toBe('INCORRECT_FAIL_URL_FORMAT');
  });

  it("opens a wallet's own window with flowMode 'DIRECT' and easyPay, which needs a wallet or card company (INVALID_FLOW_MODE_PARAMETERS)", async () => {
    expect((await rejection(payment().requestPayment({ ...card, card: { flowMode: 'DIRECT' } }))).code).toBe('INVALID_FLOW_MODE_PARAMETERS');
    expect((await rejection(payment().requestPayment({ ...card, card: { flowMode: 'FAST' } }))).code).toBe('INVALID_PARAMETERS');
    expect((await rejection(payment().requestPayment({ ...card, card: { flowMode: 'DIRECT', easyPay: 'BITPAY' } }))).code).toBe('INVALID_PARAMETERS');
    const paying = payment().requestPayment({ ...card, card: { flowMode: 'DIRECT', easyPay: 'KAKAOPAY' } });
    expect(paymentWindow()!.textContent).toContain('카카오페이');
    await answerWindow('approve');
    await paying;
    expect(sandbox().payments[0]?.method).toBe('KAKAOPAY');
  });

  it("takes escrow and a cash receipt in the method's section, and refuses a cash receipt type it does not know", async () => {
    const transfer = { ...card, method: 'TRANSFER', transfer: { useEscrow: true, cashReceipt: { type: '소득공제' } } };
    const paying = payment().requestPayment(transfer);
    await answerWindow('approve');
    await expect(paying).resolves.toMatchObject({ orderId: 'order_12345' });
    const bad = { ...card, method: 'VIRTUAL_ACCOUNT', virtualAccount: { cashReceipt: { type: '발행' } } };
    expect((await rejection(payment().requestPayment(bad))).code).toBe('INVALID_PARAMETERS');
    expect((await rejection(payment().requestPayment({ ...card, card: { useEscrow: 'yes' } }))).code).toBe('INVALID_PARAMETERS');
  });

  it('has FOREIGN_EASY_PAY in redirect mode only (NOT_SUPPORTED_PROMISE)', async () => {
    const paypal = { ...card, method: 'FOREIGN_EASY_PAY', amount: { value: 10, currency: 'USD' } };
    expect((await rejection(payment().requestPayment(paypal))).code).toBe('NOT_SUPPORTED_PROMISE');
  });

  it('refuses a second request while the window is open (INVALID_METHOD_TRANSACTION)', async () => {
    const p = payment();
    const first = p.requestPayment(card);
    const second = await rejection(p.requestPayment(card));
    expect(second.code).toBe('INVALID_METHOD_TRANSACTION');
    await answerWindow('approve');
    await expect(first).resolves.toMatchObject({ orderId: 'order_12345' });
  });

  it('closes the open window on destroy(), rejecting the request with PAYMENT_REQUEST_ABORTED and recording nothing', async () => {
    const p = payment();
    const paying = rejection(p.requestPayment(card));
    expect(paymentWindow()).not.toBeNull();
    await p.destroy();
    const error = await paying;
    expect(error.code).toBe('PAYMENT_REQUEST_ABORTED');
    expect(paymentWindow()).toBeNull();
    expect(sandbox().payments).toEqual([]);
    // Safe to call with no window open, and the object takes a new request after it.
    await p.destroy();
    const again = p.requestPayment(card);
    await answerWindow('approve');
    await expect(again).resolves.toMatchObject({ orderId: 'order_12345' });
  });
});
