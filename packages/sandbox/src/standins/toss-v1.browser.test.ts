import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { sandboxClientKeys } from '../index.js';
import {
  agreementRoot,
  amountText,
  answerWindow,
  clickAgreement,
  container,
  loadStandin,
  loggedMethods,
  methodsRoot,
  paymentWindow,
  pickMethod,
  rejection,
  resetSandbox,
  sandbox,
  SECRET_KEYS,
  settledWithin,
  sleep,
  thrown,
} from '../test-utils/sandbox.js';
import { paymentWidget, type V1AgreementStatus, type V1MethodsWidget, type V1Widget } from '../test-utils/vendor-types.js';

const order = { orderId: 'order_12345', orderName: '생수 외 1건' };
const redirectUrls = { successUrl: 'https://shop.test/success?from=cart', failUrl: 'https://shop.test/fail?cart=7#top' };

let navigations: string[] = [];

function widget(customerKey: unknown = 'buyer_1'): V1Widget {
  return paymentWidget()(sandboxClientKeys.toss, customerKey);
}

/** The official v1 sample's flow: render both synchronously, then wait for 'ready'. */
async function checkout({ agreement = true, amount = 50000 as unknown } = {}) {
  const w = widget();
  container('methods');
  container('agreement');
  const methods = w.renderPaymentMethods('#methods', amount, { variantKey: 'DEFAULT' });
  const terms = agreement ? w.renderAgreement('#agreement', { variantKey: 'AGREEMENT' }) : null;
  await ready(methods);
  return { w, methods, terms };
}

const ready = (methods: V1MethodsWidget) => new Promise<void>((resolve) => methods.on('ready', () => resolve()));

beforeAll(async () => {
  await loadStandin('toss-v1');
});

beforeEach(() => {
  navigations = [];
  resetSandbox(navigations);
});

describe('given the toss-v1 stand-in script', () => {
  it('installs window.PaymentWidget with ANONYMOUS and version', () => {
    expect(typeof paymentWidget()).toBe('function');
    expect(paymentWidget().ANONYMOUS).toBe('@@ANONYMOUS');
    expect(typeof paymentWidget().version).toBe('string');
  });

  it('records every vendor call with its arguments, refused ones included', async () => {
    const w = widget();
    expect(() => w.renderPaymentMethods('#methods', 1000)).toThrow();
    container('methods');
    container('agreement');
    const methods = w.renderPaymentMethods('#methods', { value: 1000 });
    const terms = w.renderAgreement('#agreement');
    methods.on('ready', () => {});
    methods.updateAmount(2000, methods.UPDATE_REASON.COUPON);
    methods.getSelectedPaymentMethod();
    terms.on('change', () => {});
    terms.getAgreementStatus();
    await rejection(w.requestPayment(order));

    expect(loggedMethods()).toEqual([
      'PaymentWidget',
      'renderPaymentMethods',
      'renderPaymentMethods',
      'renderAgreement',
      'paymentMethodsWidget.on',
      'paymentMethodsWidget.updateAmount',
      'paymentMethodsWidget.getSelectedPaymentMethod',
      'agreementWidget.on',
      'agreementWidget.getAgreementStatus',
      'requestPayment',
    ]);
    const log = sandbox().log;
    expect(log.every((entry) => entry.sdk === 'toss-v1')).toBe(true);
    expect(log[0]!.args).toEqual([sandboxClientKeys.toss, 'buyer_1']);
    expect(log[5]!.args).toEqual([2000, 'COUPON']);
  });
});

describe('given keys', () => {
  it.each(SECRET_KEYS)('refuses the secret key %s, saying it must never be in browser code', (key) => {
    const error = thrown(() => paymentWidget()(key, 'buyer_1'));
    expect(error.code).toBe('INVALID_CLIENT_KEY');
    expect(error.message).toMatch(/never be in browser code/);
  });

  it('refuses live keys and API individual keys', () => {
    expect(thrown(() => paymentWidget()('live_gck_kcheckout_sandbox', 'buyer_1')).code).toBe('INVALID_CLIENT_KEY');
    expect(thrown(() => paymentWidget()('test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq', 'buyer_1')).code).toBe('NOT_SUPPORTED_API_INDIVIDUAL_KEY');
  });

  it('checks the customer key: 2–50 allowed characters or ANONYMOUS, never a secret key', () => {
    expect(() => widget(paymentWidget().ANONYMOUS)).not.toThrow();
    expect(() => widget('user@example.com')).not.toThrow();
    expect(thrown(() => widget('a')).code).toBe('INVALID_CUSTOMER_KEY');
    expect(thrown(() => widget('buyer 1')).code).toBe('INVALID_CUSTOMER_KEY');
    expect(thrown(() => widget(null)).code).toBe('INVALID_CUSTOMER_KEY');
    expect(thrown(() => widget('live_sk_FAKE_kcheckout_secret_tail')).code).toBe('INSECURE_KEY_USAGE');
  });
});

describe('given the payment methods widget', () => {
  it('renders synchronously, with card selected and the amount, marked as the sandbox', () => {
    const w = widget();
    container('methods');
    const methods = w.renderPaymentMethods('#methods', { value: 50000, currency: 'KRW' });
    const root = methodsRoot()!;
    expect(root.closest('#methods')).not.toBeNull();
    expect(root.textContent).toContain('샌드박스');
    expect(root.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value).toBe('CARD');
    expect(amountText()).toBe('50,000원');
    expect(methods.UPDATE_REASON).toEqual({ COUPON: 'COUPON', POINT: 'POINT' });
    expect(methods.getSelectedPaymentMethod()).toEqual({ type: 'NORMAL', method: '카드' });
  });

  it('takes a bare number as a KRW amount', () => {
    container('methods');
    widget().renderPaymentMethods('#methods', 12000);
    expect(amountText()).toBe('12,000원');
  });

  it.each([[-1], [Number.NaN], [100.5], ['5000'], [undefined]])('throws INVALID_AMOUNT_VALUE for the amount %j', (amount) => {
    container('methods');
    expect(thrown(() => widget().renderPaymentMethods('#methods', amount)).code).toBe('INVALID_AMOUNT_VALUE');
    expect(methodsRoot()).toBeNull();
  });

  it('throws INVALID_SELECTOR for a selector that matches nothing', () => {
    const error = thrown(() => widget().renderPaymentMethods('#nowhere', 1000));
    expect(error.code).toBe('INVALID_SELECTOR');
    expect(error.message).toContain('selector에 해당하는 HTML 요소를 찾을 수 없습니다');
  });

  it("fires 'ready' once after latencyMs, and still calls a listener added after it fired", async () => {
    sandbox().latencyMs = 40;
    container('methods');
    const methods = widget().renderPaymentMethods('#methods', 1000);
    let early = 0;
    methods.on('ready', () => early++);
    await sleep(10);
    expect(early).toBe(0);
    await sleep(60);
    expect(early).toBe(1);

    let late = 0;
    methods.on('ready', () => late++);
    expect(late).toBe(0);
    await sleep();
    expect(late).toBe(1);
    await sleep(60);
    expect([early, late]).toEqual([1, 1]);
  });

  it('accepts the Pro-plan custom events but refuses unknown ones (INVALID_PARAMETER)', () => {
    container('methods');
    const methods = widget().renderPaymentMethods('#methods', 1000);
    expect(() => methods.on('customRequest', () => {})).not.toThrow();
    expect(thrown(() => methods.on('paymentMethodSelect', () => {})).code).toBe('INVALID_PARAMETER');
    expect(thrown(() => methods.on('ready', 'not a function')).code).toBe('INVALID_PARAMETER');
  });

  it('updates the amount in place with updateAmount, without rendering again', async () => {
    const { w, methods } = await checkout({ agreement: false });
    const root = methodsRoot();
    methods.updateAmount(45000, methods.UPDATE_REASON.COUPON);
    expect(amountText()).toBe('45,000원');
    expect(methodsRoot()).toBe(root);
    expect(loggedMethods().filter((method) => method === 'renderPaymentMethods')).toHaveLength(1);
    expect(thrown(() => methods.updateAmount(-5)).code).toBe('INVALID_AMOUNT_VALUE');
    sandbox().nextOutcome = 'approve';
    expect(await w.requestPayment(order)).toMatchObject({ amount: 45000 });
  });

  it("reports the buyer's choice in v1's shape", async () => {
    const { methods } = await checkout({ agreement: false });
    pickMethod('TOSSPAY');
    expect(methods.getSelectedPaymentMethod()).toEqual({ type: 'NORMAL', method: '간편결제', easyPay: { provider: '토스페이' } });
    pickMethod('VIRTUAL_ACCOUNT');
    expect(methods.getSelectedPaymentMethod()).toEqual({ type: 'NORMAL', method: '가상계좌' });
  });

  it('allows one per page: a second render throws AlreadyWidgetRenderedError while the first container is in the page', () => {
    container('methods');
    container('methods-2');
    widget().renderPaymentMethods('#methods', 1000);
    for (const w of [widget(), widget('buyer_2')]) {
      const error = thrown(() => w.renderPaymentMethods('#methods-2', 1000));
      expect(error.code).toBe('PAYMENT_METHODS_WIDGET_ALREADY_RENDERED');
      expect(error.name).toBe('AlreadyWidgetRenderedError');
      expect(error.message).toMatch(/already rendered/);
    }
  });

  it('frees the slot once the rendered container has left the page (v1 has no destroy)', async () => {
    const { w } = await checkout({ agreement: false });
    document.querySelector('#methods')!.remove();
    container('methods-2');
    const methods = w.renderPaymentMethods('#methods-2', 30000);
    await ready(methods);
    expect(methodsRoot()?.closest('#methods-2')).not.toBeNull();
    expect(amountText()).toBe('30,000원');
  });
});

describe('given the agreement widget', () => {
  it('renders one required term, unchecked, and reports it through getAgreementStatus', () => {
    container('agreement');
    const terms = widget().renderAgreement('#agreement');
    expect(agreementRoot()?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked).toBe(false);
    expect(agreementRoot()?.textContent).toContain('샌드박스');
    expect(terms.getAgreementStatus()).toEqual({
      agreedRequiredTerms: false,
      terms: [{ id: expect.any(String), agreed: false, required: true, title: '[필수] 결제 서비스 이용 약관, 개인정보 처리 동의', content: expect.any(String) }],
    });
    clickAgreement();
    expect(terms.getAgreementStatus().agreedRequiredTerms).toBe(true);
  });

  it("calls 'change' listeners on each change", () => {
    container('agreement');
    const terms = widget().renderAgreement('#agreement');
    const statuses: V1AgreementStatus[] = [];
    terms.on('change', (status: V1AgreementStatus) => statuses.push(status));
    clickAgreement();
    clickAgreement();
    expect(statuses.map((status) => status.agreedRequiredTerms)).toEqual([true, false]);
    expect(statuses[0]!.terms[0]!.agreed).toBe(true);
  });

  it('with agreementStartsTicked, renders the term ticked and getAgreementStatus says so', () => {
    sandbox().agreementStartsTicked = true;
    container('agreement');
    const terms = widget().renderAgreement('#agreement');
    expect(agreementRoot()?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked).toBe(true);
    expect(terms.getAgreementStatus().agreedRequiredTerms).toBe(true);
  });

  it("with agreementEmitsAtRender, calls a new 'change' listener once with the status, then on each change", async () => {
    sandbox().agreementEmitsAtRender = true;
    container('agreement');
    const terms = widget().renderAgreement('#agreement');
    const statuses: V1AgreementStatus[] = [];
    terms.on('change', (status: V1AgreementStatus) => statuses.push(status));
    await sleep();
    clickAgreement();
    expect(statuses.map((status) => status.agreedRequiredTerms)).toEqual([false, true]);
  });

  it('allows one per page until the container leaves the page', () => {
    container('agreement');
    container('agreement-2');
    widget().renderAgreement('#agreement');
    const error = thrown(() => widget().renderAgreement('#agreement-2'));
    expect(error.code).toBe('AGREEMENT_WIDGET_ALREADY_RENDERED');
    expect(error.message).toMatch(/already rendered/);
    document.querySelector('#agreement')!.remove();
    expect(() => widget().renderAgreement('#agreement-2')).not.toThrow();
  });
});

describe('given requestPayment', () => {
  it("refuses a request before the payment methods widget's 'ready' (INVALID_METHOD_TRANSACTION)", async () => {
    sandbox().latencyMs = 30;
    const w = widget();
    container('methods');
    const methods = w.renderPaymentMethods('#methods', 1000);
    expect((await rejection(w.requestPayment(order))).code).toBe('INVALID_METHOD_TRANSACTION');
    await ready(methods);
    sandbox().nextOutcome = 'approve';
    await expect(w.requestPayment(order)).resolves.toMatchObject({ amount: 1000 });
  });

  it('needs a payment methods widget in the page (NOT_SELECTED_PAYMENT_METHOD)', async () => {
    expect((await rejection(widget().requestPayment(order))).code).toBe('NOT_SELECTED_PAYMENT_METHOD');
    const { w } = await checkout({ agreement: false });
    document.querySelector('#methods')!.remove();
    expect((await rejection(w.requestPayment(order))).code).toBe('NOT_SELECTED_PAYMENT_METHOD');
  });

  it('needs the required terms agreed (NEED_AGREEMENT_WITH_REQUIRED_TERMS)', async () => {
    const { w } = await checkout();
    const error = await rejection(w.requestPayment(order));
    expect(error.code).toBe('NEED_AGREEMENT_WITH_REQUIRED_TERMS');
    expect(error.message).toContain('필수 약관에 동의해주세요.');
    clickAgreement();
    sandbox().nextOutcome = 'approve';
    await expect(w.requestPayment(order)).resolves.toBeTruthy();
  });

  it.each([
    [{ ...order, orderId: 'abc' }, 'INVALID_PARAMETERS'],
    [{ ...order, orderName: '' }, 'INVALID_PARAMETERS'],
    [{ ...order, successUrl: 'shop.test/success', failUrl: 'https://shop.test/fail' }, 'INCORRECT_SUCCESS_URL_FORMAT'],
    [{ ...order, successUrl: 'https://shop.test/success', failUrl: 'javascript:alert(1)' }, 'INCORRECT_FAIL_URL_FORMAT'],
    [{ ...order, successUrl: 'https://shop.test/success' }, 'INCORRECT_FAIL_URL_FORMAT'],
  ])('refuses %j with %s', async (info, code) => {
    const { w } = await checkout({ agreement: false });
    expect((await rejection(w.requestPayment(info))).code).toBe(code);
  });

  it('refuses a second request, updateAmount or a render while the payment window is open', async () => {
    const { w, methods } = await checkout();
    clickAgreement();
    const paying = w.requestPayment(order);
    expect((await rejection(w.requestPayment(order))).code).toBe('INVALID_METHOD_TRANSACTION');
    expect(thrown(() => methods.updateAmount(1000)).code).toBe('INVALID_METHOD_TRANSACTION');
    container('agreement-2');
    expect(thrown(() => w.renderAgreement('#agreement-2')).code).toBe('INVALID_METHOD_TRANSACTION');
    await answerWindow('approve');
    await paying;
    expect(() => methods.updateAmount(1000)).not.toThrow();
  });

  it('resolves { paymentType, orderId, paymentKey, amount: number } when the buyer clicks 승인', async () => {
    const { w } = await checkout();
    clickAgreement();
    const paying = w.requestPayment(order);
    expect(paymentWindow()?.textContent).toContain('토스페이먼츠 샌드박스 결제창');
    await userEvent.click(paymentWindow()!.querySelector('[data-outcome="approve"]')!);
    expect(await paying).toEqual({
      paymentType: 'NORMAL',
      orderId: order.orderId,
      paymentKey: expect.stringMatching(/^tsbx[0-9A-Za-z]{24}$/),
      amount: 50000,
    });
    expect(sandbox().payments).toEqual([expect.objectContaining({ sdk: 'toss-v1', orderId: order.orderId, amount: 50000, status: 'approved' })]);
  });

  it('rejects USER_CANCEL on Escape and REJECT_CARD_COMPANY on 거절', async () => {
    const { w } = await checkout();
    clickAgreement();
    const canceled = rejection(w.requestPayment(order));
    await sleep();
    await userEvent.keyboard('{Escape}');
    expect((await canceled).code).toBe('USER_CANCEL');
    const declined = rejection(w.requestPayment(order));
    await answerWindow('decline');
    expect((await declined).code).toBe('REJECT_CARD_COMPANY');
  });

  it.each([
    ['approve', { result: { paymentType: 'NORMAL', amount: 50000 } }],
    ['decline', { code: 'REJECT_CARD_COMPANY' }],
    ['cancel', { code: 'USER_CANCEL' }],
  ] as const)('answers by itself with nextOutcome %s', async (outcome, expected) => {
    const { w } = await checkout();
    clickAgreement();
    sandbox().nextOutcome = outcome;
    const paying = w.requestPayment(order).then(
      (result) => ({ result }),
      (error: { code: string }) => ({ code: error.code }),
    );
    expect(paymentWindow()).not.toBeNull();
    expect(await paying).toMatchObject(expected);
    expect(paymentWindow()).toBeNull();
    expect(sandbox().nextOutcome).toBeUndefined();
  });
});

describe('given redirect mode (successUrl and failUrl)', () => {
  it.each([
    ['approve', '/success', { from: 'cart', paymentType: 'NORMAL', orderId: order.orderId, paymentKey: expect.stringMatching(/^tsbx/), amount: '50000' }],
    ['decline', '/fail', { cart: '7', code: 'REJECT_CARD_COMPANY', message: '결제 승인이 거절되었습니다.', orderId: order.orderId }],
    ['cancel', '/fail', { cart: '7', code: 'PAY_PROCESS_CANCELED', message: '사용자에 의해 결제가 취소되었습니다.', orderId: order.orderId }],
  ] as const)('navigates on %s to %s with the vendor query after the merchant’s own', async (outcome, pathname, query) => {
    const { w } = await checkout();
    clickAgreement();
    sandbox().nextOutcome = outcome;
    const paying = w.requestPayment({ ...order, ...redirectUrls });
    expect(await settledWithin(paying, 30)).toBe('pending');
    expect(navigations).toHaveLength(1);
    const url = new URL(navigations[0]!);
    expect(url.pathname).toBe(pathname);
    expect(Object.fromEntries(url.searchParams)).toEqual(query);
    if (pathname === '/fail') expect(url.hash).toBe('#top');
    expect(sandbox().payments).toHaveLength(1);

    // The page would be leaving; the transaction is over all the same.
    sandbox().nextOutcome = 'approve';
    await expect(w.requestPayment(order)).resolves.toMatchObject({ paymentType: 'NORMAL' });
  });
});
