import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClientKeys } from '../index.js';
import { answerWindow, loadStandin, loggedMethods, paymentWindow, rejection, resetSandbox, sandbox, thrown } from '../test-utils/sandbox.js';
import { tossPayments } from '../test-utils/vendor-types.js';

interface PaymentObject {
  requestBillingAuth(params?: unknown): Promise<void>;
  requestPayment(params?: unknown): Promise<unknown>;
  destroy(): Promise<void>;
}

const card = { method: 'CARD', successUrl: 'https://shop.test/billing/success', failUrl: 'https://shop.test/billing/fail' };
let navigations: string[] = [];

function payment(customerKey: unknown = 'buyer_1', clientKey: string = sandboxClientKeys.tossApi): PaymentObject {
  return tossPayments()(clientKey).payment({ customerKey }) as PaymentObject;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeAll(async () => {
  await loadStandin('toss-v2');
});

beforeEach(() => {
  navigations = [];
  resetSandbox(navigations);
});

describe('given payment.requestBillingAuth() (자동결제 등록)', () => {
  it('redirects to successUrl with customerKey and authKey only, and records the authorisation', async () => {
    void payment().requestBillingAuth({ ...card, customerName: '김토스', customerEmail: 'buyer@shop.test' });
    expect(paymentWindow()!.textContent).toContain('자동결제');
    await answerWindow('approve');
    await settle();
    const url = new URL(navigations[0]!);
    expect(url.origin + url.pathname).toBe(card.successUrl);
    expect([...url.searchParams.keys()].sort()).toEqual(['authKey', 'customerKey']);
    expect(url.searchParams.get('customerKey')).toBe('buyer_1');
    expect(sandbox().billingAuths).toEqual([{ sdk: 'toss-v2', authKey: url.searchParams.get('authKey'), customerKey: 'buyer_1', method: 'CARD', answeredAt: expect.any(Number) }]);
    expect(loggedMethods()).toEqual(['TossPayments', 'payment', 'payment.requestBillingAuth']);
  });

  it('registers a transfer account too', async () => {
    void payment().requestBillingAuth({ ...card, method: 'TRANSFER' });
    await answerWindow('approve');
    await settle();
    expect(sandbox().billingAuths?.[0]?.method).toBe('TRANSFER');
  });

  it('sends a decline to failUrl with code and message, and records nothing', async () => {
    void payment().requestBillingAuth(card);
    await answerWindow('decline');
    await settle();
    const url = new URL(navigations[0]!);
    expect(url.origin + url.pathname).toBe(card.failUrl);
    expect(url.searchParams.get('code')).toBe('REJECT_CARD_COMPANY');
    expect(url.searchParams.get('message')).toBeTruthy();
    expect(sandbox().billingAuths ?? []).toEqual([]);
  });

  it('rejects USER_CANCEL when the buyer closes the window, without navigating', async () => {
    const registering = rejection(payment().requestBillingAuth(card));
    await answerWindow('cancel');
    expect((await registering).code).toBe('USER_CANCEL');
    expect(navigations).toEqual([]);
  });

  it("registers 'CARD' or 'TRANSFER' only (NOT_SUPPORTED_METHOD)", async () => {
    expect((await rejection(payment().requestBillingAuth({ ...card, method: 'VIRTUAL_ACCOUNT' }))).code).toBe('NOT_SUPPORTED_METHOD');
    expect((await rejection(payment().requestBillingAuth({ ...card, method: undefined }))).code).toBe('NOT_SUPPORTED_METHOD');
  });

  it('needs both URLs, absolute (INCORRECT_SUCCESS_URL_FORMAT, INCORRECT_FAIL_URL_FORMAT): there is no promise mode', async () => {
    expect((await rejection(payment().requestBillingAuth({ method: 'CARD' }))).code).toBe('INCORRECT_SUCCESS_URL_FORMAT');
    expect((await rejection(payment().requestBillingAuth({ ...card, successUrl: '/billing/success' }))).code).toBe('INCORRECT_SUCCESS_URL_FORMAT');
    expect((await rejection(payment().requestBillingAuth({ ...card, failUrl: undefined }))).code).toBe('INCORRECT_FAIL_URL_FORMAT');
  });

  it("refuses a field the method's request type does not define, e.g. amount or card fields on a transfer (INVALID_PARAMETERS)", async () => {
    const amount = await rejection(payment().requestBillingAuth({ ...card, amount: { value: 1000, currency: 'KRW' } }));
    expect([amount.code, amount.message]).toEqual(['INVALID_PARAMETERS', expect.stringContaining("'amount'")]);
    expect((await rejection(payment().requestBillingAuth({ ...card, method: 'TRANSFER', flowMode: 'DEFAULT' }))).code).toBe('INVALID_PARAMETERS');
  });

  it("takes easyPay (토스페이, 네이버페이) and cardCompany with flowMode 'DIRECT' only (INVALID_FLOW_MODE_PARAMETERS, INVALID_PARAMETERS)", async () => {
    expect((await rejection(payment().requestBillingAuth({ ...card, flowMode: 'DIRECT' }))).code).toBe('INVALID_FLOW_MODE_PARAMETERS');
    expect((await rejection(payment().requestBillingAuth({ ...card, easyPay: 'NAVERPAY' }))).code).toBe('INVALID_PARAMETERS');
    expect((await rejection(payment().requestBillingAuth({ ...card, flowMode: 'DIRECT', easyPay: 'KAKAOPAY' }))).code).toBe('INVALID_PARAMETERS');
    expect((await rejection(payment().requestBillingAuth({ ...card, selectableCardTypes: ['FAMILY'] }))).code).toBe('INVALID_PARAMETERS');
    void payment().requestBillingAuth({ ...card, flowMode: 'DIRECT', easyPay: 'TOSSPAY', selectableCardTypes: ['PERSONAL'] });
    await answerWindow('approve');
    await settle();
    expect(navigations).toHaveLength(1);
  });

  it('checks the buyer fields and windowTarget as the payment request does (INVALID_PARAMETERS)', async () => {
    expect((await rejection(payment().requestBillingAuth({ ...card, customerName: 'x'.repeat(101) }))).code).toBe('INVALID_PARAMETERS');
    expect((await rejection(payment().requestBillingAuth({ ...card, windowTarget: 'popup' }))).code).toBe('INVALID_PARAMETERS');
  });

  it("needs the buyer's own customerKey, not ANONYMOUS (INVALID_CUSTOMER_KEY)", async () => {
    expect((await rejection(payment('@@ANONYMOUS').requestBillingAuth(card))).code).toBe('INVALID_CUSTOMER_KEY');
  });

  it('is on payment(), which takes an API individual key only (NOT_SUPPORTED_WIDGET_KEY)', () => {
    expect(thrown(() => payment('buyer_1', sandboxClientKeys.toss)).code).toBe('NOT_SUPPORTED_WIDGET_KEY');
  });

  it('refuses a second request while the window is open, billing or payment (INVALID_METHOD_TRANSACTION)', async () => {
    const p = payment();
    void p.requestBillingAuth(card);
    expect((await rejection(p.requestBillingAuth(card))).code).toBe('INVALID_METHOD_TRANSACTION');
    expect((await rejection(p.requestPayment({ method: 'CARD', amount: { value: 1000, currency: 'KRW' }, orderId: 'order_12345', orderName: 'x' }))).code).toBe('INVALID_METHOD_TRANSACTION');
    await answerWindow('approve');
    await settle();
    expect(navigations).toHaveLength(1);
  });

  it('closes the window on destroy(), rejecting PAYMENT_REQUEST_ABORTED, recording and navigating nothing', async () => {
    const p = payment();
    const registering = rejection(p.requestBillingAuth(card));
    expect(paymentWindow()).not.toBeNull();
    await p.destroy();
    expect((await registering).code).toBe('PAYMENT_REQUEST_ABORTED');
    expect(paymentWindow()).toBeNull();
    expect(navigations).toEqual([]);
    expect(sandbox().billingAuths ?? []).toEqual([]);
  });
});
