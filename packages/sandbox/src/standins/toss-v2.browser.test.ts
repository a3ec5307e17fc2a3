import axe from 'axe-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { sandboxClientKeys, type SandboxTossPayment } from '../index.js';
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
import { tossPayments, type V2AgreementStatus, type V2Widgets } from '../test-utils/vendor-types.js';

const KRW = (value: number) => ({ value, currency: 'KRW' });
const order = { orderId: 'order_12345', orderName: '생수 외 1건' };
const redirectUrls = { successUrl: 'https://shop.test/success', failUrl: 'https://shop.test/fail?cart=7#top' };

let navigations: string[] = [];

function widgets(customerKey: unknown = 'buyer_1'): V2Widgets {
  return tossPayments()(sandboxClientKeys.toss).widgets({ customerKey });
}

/** The official sample's flow: setAmount, then both UIs in parallel. */
async function checkout({ agreement = true, amount = 50000 } = {}) {
  const w = widgets();
  await w.setAmount(KRW(amount));
  container('methods');
  container('agreement');
  const [methods, terms] = await Promise.all([
    w.renderPaymentMethods({ selector: '#methods', variantKey: 'DEFAULT' }),
    agreement ? w.renderAgreement({ selector: '#agreement', variantKey: 'AGREEMENT' }) : null,
  ]);
  return { w, methods, terms };
}

beforeAll(async () => {
  await loadStandin('toss-v2');
});

beforeEach(() => {
  navigations = [];
  resetSandbox(navigations);
});

describe('given the toss-v2 stand-in script', () => {
  it('installs window.TossPayments with ANONYMOUS, and the shared control object', () => {
    expect(typeof tossPayments()).toBe('function');
    expect(tossPayments().ANONYMOUS).toBe('@@ANONYMOUS');
    expect(sandbox().latencyMs).toBe(0);
    expect(sandbox().log).toEqual([]);
  });

  it('records every vendor call with its arguments, refused ones included', async () => {
    const sdk = tossPayments()(sandboxClientKeys.toss);
    const w = sdk.widgets({ customerKey: 'buyer_1' });
    await rejection(w.renderPaymentMethods({ selector: '#methods' }));
    const amount = KRW(50000);
    await w.setAmount(amount);
    container('methods');
    container('agreement');
    const methods = await w.renderPaymentMethods({ selector: '#methods' });
    const terms = await w.renderAgreement({ selector: '#agreement' });
    methods.on('paymentMethodSelect', () => {});
    await methods.getSelectedPaymentMethod();
    terms.on('agreementStatusChange', () => {});
    await rejection(w.requestPayment(order));
    await methods.destroy();
    await terms.destroy();
    expect(() => sdk.payment({ customerKey: 'buyer_1' })).toThrow(/API individual client key/);
    expect(() => sdk.brandpay({ customerKey: 'buyer_1' })).toThrow(/widgets\(\) and payment\(\) only/);

    expect(loggedMethods()).toEqual([
      'TossPayments',
      'widgets',
      'renderPaymentMethods',
      'setAmount',
      'renderPaymentMethods',
      'renderAgreement',
      'paymentMethodsWidget.on',
      'paymentMethodsWidget.getSelectedPaymentMethod',
      'agreementWidget.on',
      'requestPayment',
      'paymentMethodsWidget.destroy',
      'agreementWidget.destroy',
      'payment',
      'brandpay',
    ]);
    const log = sandbox().log;
    expect(log.every((entry) => entry.sdk === 'toss-v2')).toBe(true);
    expect(log[0]!.args).toEqual([sandboxClientKeys.toss]);
    expect(log[1]!.args).toEqual([{ customerKey: 'buyer_1' }]);
    expect(log[3]!.args[0]).toBe(amount);
  });
});

describe('given keys', () => {
  it.each(SECRET_KEYS)('refuses the secret key %s in the constructor, saying it must never be in browser code', (key) => {
    const error = thrown(() => tossPayments()(key));
    expect(error.code).toBe('INVALID_CLIENT_KEY');
    expect(error.message).toMatch(/시크릿 키/);
    expect(error.message).toMatch(/never be in browser code/);
    expect(loggedMethods()).toEqual(['TossPayments']);
  });

  it('refuses every live key, even a live widget client key', () => {
    const error = thrown(() => tossPayments()('live_gck_kcheckout_sandbox'));
    expect(error.code).toBe('INVALID_CLIENT_KEY');
    expect(error.message).toMatch(/live keys/);
  });

  it('refuses a key that is not a Toss client key at all', () => {
    expect(thrown(() => tossPayments()('pk_test_123')).code).toBe('INVALID_CLIENT_KEY');
    expect(thrown(() => tossPayments()(undefined)).code).toBe('INVALID_CLIENT_KEY');
  });

  it('takes an API individual key (test_ck_) in the constructor, but widgets() refuses it', () => {
    const sdk = tossPayments()('test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq');
    const error = thrown(() => sdk.widgets({ customerKey: 'buyer_1' }));
    expect(error.code).toBe('NOT_SUPPORTED_API_INDIVIDUAL_KEY');
  });

  it('accepts a widget test key with a valid customer key or ANONYMOUS', () => {
    expect(() => widgets('buyer_1')).not.toThrow();
    expect(() => widgets('A1-_=.@')).not.toThrow();
    expect(() => widgets(tossPayments().ANONYMOUS)).not.toThrow();
    expect(() => widgets('x'.repeat(50))).not.toThrow();
  });

  it.each([['a'], ['x'.repeat(51)], ['buyer#1'], ['구매자'], [''], [null], [42]])('refuses the customer key %j', (customerKey) => {
    expect(thrown(() => widgets(customerKey)).code).toBe('INVALID_CUSTOMER_KEY');
  });

  it('refuses widgets() without a customer key', () => {
    const sdk = tossPayments()(sandboxClientKeys.toss);
    expect(thrown(() => sdk.widgets()).code).toBe('INVALID_CUSTOMER_KEY');
    expect(thrown(() => sdk.widgets({})).code).toBe('INVALID_CUSTOMER_KEY');
  });

  it('refuses a secret key passed as customerKey with INSECURE_KEY_USAGE', () => {
    expect(thrown(() => widgets('test_gsk_FAKE_kcheckout_widget_secret')).code).toBe('INSECURE_KEY_USAGE');
  });
});

describe('given setAmount', () => {
  it('must come before renderPaymentMethods and requestPayment (NOT_SETUP_AMOUNT)', async () => {
    const w = widgets();
    container('methods');
    const render = await rejection(w.renderPaymentMethods({ selector: '#methods' }));
    expect(render.code).toBe('NOT_SETUP_AMOUNT');
    expect(render.message).toContain('결제금액이 설정되지 않았습니다. setAmount를 호출해주세요.');
    expect((await rejection(w.requestPayment(order))).code).toBe('NOT_SETUP_AMOUNT');
    expect(methodsRoot()).toBeNull();
  });

  it.each([[{ value: Number.NaN }], [{ value: -1 }], [{ value: Number.POSITIVE_INFINITY }], [{ value: '5000' }], [{ value: 100.5 }]])(
    'refuses the KRW amount %j with INVALID_AMOUNT_VALUE',
    async ({ value }) => {
      expect((await rejection(widgets().setAmount({ value, currency: 'KRW' }))).code).toBe('INVALID_AMOUNT_VALUE');
    },
  );

  it('refuses a currency other than KRW or USD, or none', async () => {
    expect((await rejection(widgets().setAmount({ value: 1000, currency: 'EUR' }))).code).toBe('INVALID_AMOUNT_CURRENCY');
    expect((await rejection(widgets().setAmount({ value: 1000 }))).code).toBe('INVALID_AMOUNT_CURRENCY');
    await expect(widgets().setAmount({ value: 12.5, currency: 'USD' })).resolves.toBeUndefined();
  });

  it('keeps a copy: changing the object afterwards changes nothing', async () => {
    const w = widgets();
    const amount = KRW(50000);
    await w.setAmount(amount);
    amount.value = 1;
    container('methods');
    await w.renderPaymentMethods({ selector: '#methods' });
    expect(amountText()).toBe('50,000원');
    sandbox().nextOutcome = 'approve';
    expect((await w.requestPayment(order)).amount).toEqual({ value: 50000, currency: 'KRW' });
  });

  it('updates the amount shown in place, without rendering the widget again', async () => {
    const { w } = await checkout();
    const root = methodsRoot();
    expect(amountText()).toBe('50,000원');
    await w.setAmount(KRW(45000));
    expect(amountText()).toBe('45,000원');
    expect(methodsRoot()).toBe(root);
    expect(loggedMethods().filter((method) => method === 'renderPaymentMethods')).toHaveLength(1);
    sandbox().nextOutcome = 'approve';
    clickAgreement();
    expect((await w.requestPayment(order)).amount.value).toBe(45000);
  });

  it('takes latencyMs to apply, and refuses a second setAmount meanwhile (INVALID_METHOD_TRANSACTION)', async () => {
    sandbox().latencyMs = 40;
    const w = widgets();
    const first = w.setAmount(KRW(1000));
    const second = await rejection(w.setAmount(KRW(2000)));
    expect(second.code).toBe('INVALID_METHOD_TRANSACTION');
    expect(second.name).toBe('InvalidMethodTransactionError');
    expect(second.message).toContain('이미 다른 요청을 수행하고 있어요.');
    expect(await settledWithin(first, 10)).toBe('pending');
    await first;
    await expect(w.setAmount(KRW(3000))).resolves.toBeUndefined();
  });
});

describe('given the payment methods widget', () => {
  it('renders the methods as a labelled radio group with card selected and the amount, marked as the sandbox', async () => {
    const { methods } = await checkout({ agreement: false });
    const root = methodsRoot()!;
    expect(root.closest('#methods')).not.toBeNull();
    expect(root.textContent).toContain('샌드박스');
    const radios = Array.from(root.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
    expect(radios.map((radio) => radio.value)).toEqual(['CARD', 'TRANSFER', 'VIRTUAL_ACCOUNT', 'MOBILE_PHONE', 'TOSSPAY']);
    expect(radios.map((radio) => radio.labels?.[0]?.textContent)).toEqual(['신용·체크카드', '계좌이체', '가상계좌', '휴대폰', '토스페이']);
    expect(radios.filter((radio) => radio.checked).map((radio) => radio.value)).toEqual(['CARD']);
    expect(root.querySelector('fieldset legend')?.textContent).toContain('결제 수단');
    expect(amountText()).toBe('50,000원');
    await expect(methods.getSelectedPaymentMethod()).resolves.toEqual({ code: 'CARD' });
  });

  it('resolves only after latencyMs, and renders nothing before', async () => {
    sandbox().latencyMs = 50;
    const w = widgets();
    await w.setAmount(KRW(1000));
    container('methods');
    const rendering = w.renderPaymentMethods({ selector: '#methods' });
    await sleep(10);
    expect(methodsRoot()).toBeNull();
    await rendering;
    expect(methodsRoot()).not.toBeNull();
  });

  it("reports the buyer's choice through paymentMethodSelect and getSelectedPaymentMethod", async () => {
    const { methods } = await checkout({ agreement: false });
    const selected: unknown[] = [];
    methods.on('paymentMethodSelect', (method: unknown) => selected.push(method));
    pickMethod('TOSSPAY');
    pickMethod('TRANSFER');
    expect(selected).toEqual([{ code: 'TOSSPAY' }, { code: 'TRANSFER' }]);
    await expect(methods.getSelectedPaymentMethod()).resolves.toEqual({ code: 'TRANSFER' });
  });

  it('refuses an unknown event name or a missing callback (INVALID_PARAMETER)', async () => {
    const { methods } = await checkout({ agreement: false });
    expect(thrown(() => methods.on('ready', () => {})).code).toBe('INVALID_PARAMETER');
    expect(thrown(() => methods.on('paymentMethodSelect')).code).toBe('INVALID_PARAMETER');
  });

  it('refuses a selector that matches nothing (INVALID_SELECTOR)', async () => {
    const w = widgets();
    await w.setAmount(KRW(1000));
    const error = await rejection(w.renderPaymentMethods({ selector: '#nowhere' }));
    expect(error.code).toBe('INVALID_SELECTOR');
    expect(error.message).toContain('selector에 해당하는 HTML 요소를 찾을 수 없습니다');
    expect((await rejection(w.renderPaymentMethods({ selector: '##bad' }))).code).toBe('INVALID_SELECTOR');
  });

  it('allows one per page: a second render, on any widgets object, is AlreadyWidgetRenderedError until destroy()', async () => {
    const { w, methods } = await checkout({ agreement: false });
    container('methods-2');
    const again = await rejection(w.renderPaymentMethods({ selector: '#methods-2' }));
    expect(again.code).toBe('PAYMENT_METHODS_WIDGET_ALREADY_RENDERED');
    expect(again.name).toBe('AlreadyWidgetRenderedError');
    expect(again.message).toMatch(/already rendered/);

    const other = widgets('buyer_2');
    await other.setAmount(KRW(1000));
    expect((await rejection(other.renderPaymentMethods({ selector: '#methods-2' }))).code).toBe('PAYMENT_METHODS_WIDGET_ALREADY_RENDERED');

    await methods.destroy();
    expect(methodsRoot()).toBeNull();
    await other.renderPaymentMethods({ selector: '#methods-2' });
    expect(methodsRoot()?.closest('#methods-2')).not.toBeNull();
  });

  it('stays rendered when its container leaves the page: only destroy() frees the slot', async () => {
    const { w } = await checkout({ agreement: false });
    document.querySelector('#methods')!.remove();
    container('methods-2');
    expect((await rejection(w.renderPaymentMethods({ selector: '#methods-2' }))).code).toBe('PAYMENT_METHODS_WIDGET_ALREADY_RENDERED');
  });

  it('refuses a second render on the same object while the first is pending (INVALID_METHOD_TRANSACTION)', async () => {
    sandbox().latencyMs = 30;
    const w = widgets();
    await w.setAmount(KRW(1000));
    container('methods');
    const first = w.renderPaymentMethods({ selector: '#methods' });
    expect((await rejection(w.renderPaymentMethods({ selector: '#methods' }))).code).toBe('INVALID_METHOD_TRANSACTION');
    await first;
    expect(document.querySelectorAll('[data-kcheckout-sandbox="payment-methods"]')).toHaveLength(1);
  });

  it('refuses every call after destroy()', async () => {
    const { methods } = await checkout({ agreement: false });
    await methods.destroy();
    await expect(methods.getSelectedPaymentMethod()).rejects.toThrow(/destroyed/);
    await expect(methods.destroy()).rejects.toThrow(/destroyed/);
    expect(() => methods.on('paymentMethodSelect', () => {})).toThrow(/destroyed/);
  });
});

describe('given the agreement widget', () => {
  it('renders one required term, unchecked, marked as the sandbox', async () => {
    await checkout();
    const root = agreementRoot()!;
    const checkbox = root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(checkbox.checked).toBe(false);
    expect(checkbox.labels?.[0]?.textContent).toBe('[필수] 결제 서비스 이용 약관, 개인정보 처리 동의');
    expect(root.textContent).toContain('샌드박스');
  });

  it('reports nothing at render by default, then every change (agreementStatusChange)', async () => {
    const { terms } = await checkout();
    const statuses: V2AgreementStatus[] = [];
    terms!.on('agreementStatusChange', (status: V2AgreementStatus) => statuses.push(status));
    await sleep(10);
    expect(statuses).toEqual([]);
    clickAgreement();
    clickAgreement();
    expect(statuses.map((status) => status.agreedRequiredTerms)).toEqual([true, false]);
    expect(statuses[0]!.agreements[0]).toEqual({ term: { id: expect.any(String), required: true }, agreed: true });
  });

  it('with agreementEmitsAtRender, reports the status once to each new listener, then every change', async () => {
    sandbox().agreementEmitsAtRender = true;
    const { terms } = await checkout();
    const statuses: V2AgreementStatus[] = [];
    terms!.on('agreementStatusChange', (status: V2AgreementStatus) => statuses.push(status));
    await sleep();
    expect(statuses).toEqual([{ agreedRequiredTerms: false, agreements: [{ term: { id: expect.any(String), required: true }, agreed: false }] }]);
    clickAgreement();
    expect(statuses.map((status) => status.agreedRequiredTerms)).toEqual([false, true]);
  });

  it('with agreementStartsTicked, renders the term ticked, reports nothing, and lets requestPayment through', async () => {
    sandbox().agreementStartsTicked = true;
    const { w, terms } = await checkout();
    const statuses: V2AgreementStatus[] = [];
    terms!.on('agreementStatusChange', (status: V2AgreementStatus) => statuses.push(status));
    await sleep(10);
    expect(agreementRoot()!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(true);
    expect(statuses).toEqual([]);
    sandbox().nextOutcome = 'approve';
    await expect(w.requestPayment(order)).resolves.toMatchObject({ orderId: order.orderId });
  });

  it('allows one per page until destroy(), and may render in parallel with the payment methods', async () => {
    const { w, terms } = await checkout();
    container('agreement-2');
    const again = await rejection(w.renderAgreement({ selector: '#agreement-2' }));
    expect(again.code).toBe('AGREEMENT_WIDGET_ALREADY_RENDERED');
    expect(again.name).toBe('AlreadyWidgetRenderedError');
    expect(again.message).toMatch(/already rendered/);
    await terms!.destroy();
    expect(agreementRoot()).toBeNull();
    await w.renderAgreement({ selector: '#agreement-2' });
    expect(agreementRoot()?.closest('#agreement-2')).not.toBeNull();
  });

  it('refuses every call after destroy()', async () => {
    const { terms } = await checkout();
    await terms!.destroy();
    await expect(terms!.destroy()).rejects.toThrow(/destroyed/);
    expect(() => terms!.on('agreementStatusChange', () => {})).toThrow(/destroyed/);
  });
});

describe('given requestPayment', () => {
  it('needs a rendered payment methods widget (NOT_SELECTED_PAYMENT_METHOD)', async () => {
    const w = widgets();
    await w.setAmount(KRW(1000));
    expect((await rejection(w.requestPayment(order))).code).toBe('NOT_SELECTED_PAYMENT_METHOD');
    container('methods');
    const methods = await w.renderPaymentMethods({ selector: '#methods' });
    await methods.destroy();
    expect((await rejection(w.requestPayment(order))).code).toBe('NOT_SELECTED_PAYMENT_METHOD');
  });

  it('needs the required terms agreed when an agreement widget is rendered', async () => {
    const { w } = await checkout();
    const error = await rejection(w.requestPayment(order));
    expect(error.code).toBe('NEED_AGREEMENT_WITH_REQUIRED_TERMS');
    expect(error.name).toBe('NeedAgreementWithRequiredTermsError');
    expect(error.message).toContain('필수 약관에 동의해주세요.');
    expect(paymentWindow()).toBeNull();
  });

  it('opens the window without an agreement widget', async () => {
    const { w } = await checkout({ agreement: false });
    sandbox().nextOutcome = 'approve';
    await expect(w.requestPayment(order)).resolves.toMatchObject({ orderId: order.orderId });
  });

  it.each([
    [{ ...order, orderId: 'abc12' }],
    [{ ...order, orderId: 'x'.repeat(65) }],
    [{ ...order, orderId: '주문-123456' }],
    [{ ...order, orderId: 'order#123456' }],
    [{ ...order, orderName: '' }],
    [{ ...order, orderName: 'x'.repeat(101) }],
    [{ orderId: order.orderId }],
    [undefined],
  ])('refuses the parameters %j (INVALID_PARAMETERS)', async (params) => {
    const { w } = await checkout({ agreement: false });
    expect((await rejection(w.requestPayment(params))).code).toBe('INVALID_PARAMETERS');
  });

  it('accepts the orderId and orderName limits', async () => {
    const { w } = await checkout({ agreement: false });
    sandbox().nextOutcome = 'approve';
    await expect(w.requestPayment({ orderId: 'a-_=Z9', orderName: 'x'.repeat(100) })).resolves.toMatchObject({ orderId: 'a-_=Z9' });
    sandbox().nextOutcome = 'approve';
    await expect(w.requestPayment({ orderId: 'x'.repeat(64), orderName: '물' })).resolves.toBeTruthy();
  });

  it.each([
    [{ successUrl: '/success', failUrl: 'https://shop.test/fail' }, 'INCORRECT_SUCCESS_URL_FORMAT'],
    [{ successUrl: 'https://shop.test/success', failUrl: 'ftp://shop.test/fail' }, 'INCORRECT_FAIL_URL_FORMAT'],
    [{ successUrl: 'https://shop.test/success' }, 'INCORRECT_FAIL_URL_FORMAT'],
    [{ failUrl: 'https://shop.test/fail' }, 'INCORRECT_SUCCESS_URL_FORMAT'],
  ])('refuses the redirect URLs %j', async (urls, code) => {
    const { w } = await checkout({ agreement: false });
    expect((await rejection(w.requestPayment({ ...order, ...urls }))).code).toBe(code);
  });

  it('refuses a second request, setAmount or a render while the payment window is open (INVALID_METHOD_TRANSACTION)', async () => {
    const { w } = await checkout();
    clickAgreement();
    const paying = w.requestPayment(order);
    expect(paymentWindow()).not.toBeNull();
    expect((await rejection(w.requestPayment(order))).code).toBe('INVALID_METHOD_TRANSACTION');
    expect((await rejection(w.setAmount(KRW(1000)))).code).toBe('INVALID_METHOD_TRANSACTION');
    container('agreement-2');
    expect((await rejection(w.renderAgreement({ selector: '#agreement-2' }))).code).toBe('INVALID_METHOD_TRANSACTION');
    await answerWindow('approve');
    await paying;
    await expect(w.setAmount(KRW(1000))).resolves.toBeUndefined();
  });

  it('refuses a request while setAmount is pending (INVALID_METHOD_TRANSACTION)', async () => {
    const { w } = await checkout({ agreement: false });
    sandbox().latencyMs = 30;
    const updating = w.setAmount(KRW(1000));
    expect((await rejection(w.requestPayment(order))).code).toBe('INVALID_METHOD_TRANSACTION');
    await updating;
    expect(paymentWindow()).toBeNull();
  });
});

describe('given the payment window', () => {
  it('is an accessible modal dialog showing the order, amount and method, with focus inside', async () => {
    const { w } = await checkout();
    clickAgreement();
    pickMethod('TOSSPAY');
    const paying = rejection(w.requestPayment(order));
    const dialog = paymentWindow()!;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('토스페이먼츠 샌드박스 결제창');
    expect(dialog.textContent).toContain('생수 외 1건');
    expect(dialog.textContent).toContain('50,000원');
    expect(dialog.textContent).toContain('토스페이');
    expect(dialog.contains(document.activeElement)).toBe(true);
    const buttons = Array.from(dialog.querySelectorAll('button'));
    expect(buttons.map((button) => [button.dataset.outcome, button.textContent])).toEqual([
      ['approve', '승인'],
      ['decline', '거절'],
      ['cancel', '취소'],
    ]);
    await answerWindow('cancel');
    expect((await paying).code).toBe('USER_CANCEL');
  });

  it('resolves the result when the buyer clicks 승인, and records the payment', async () => {
    const { w } = await checkout();
    clickAgreement();
    const paying = w.requestPayment(order);
    await userEvent.click(paymentWindow()!.querySelector('[data-outcome="approve"]')!);
    const result = await paying;
    expect(result).toEqual({
      paymentType: 'NORMAL',
      orderId: order.orderId,
      paymentKey: expect.stringMatching(/^tsbx[0-9A-Za-z]{24}$/),
      amount: { value: 50000, currency: 'KRW' },
    });
    expect(paymentWindow()).toBeNull();
    expect(sandbox().payments).toEqual([
      expect.objectContaining({ sdk: 'toss-v2', paymentKey: result.paymentKey, orderId: order.orderId, amount: 50000, currency: 'KRW', status: 'approved' }),
    ]);
  });

  it('rejects REJECT_CARD_COMPANY when the buyer clicks 거절', async () => {
    const { w } = await checkout();
    clickAgreement();
    const paying = rejection(w.requestPayment(order));
    await userEvent.click(paymentWindow()!.querySelector('[data-outcome="decline"]')!);
    const error = await paying;
    expect(error.code).toBe('REJECT_CARD_COMPANY');
    expect(error.message).toContain('결제 승인이 거절되었습니다.');
    expect(sandbox().payments[0]?.status).toBe('declined');
  });

  it('rejects USER_CANCEL when the buyer presses Escape', async () => {
    const { w } = await checkout();
    clickAgreement();
    const paying = rejection(w.requestPayment(order));
    await userEvent.keyboard('{Escape}');
    const error = await paying;
    expect(error.code).toBe('USER_CANCEL');
    expect(error.name).toBe('UserCancelError');
    expect(error.message).toContain('취소되었습니다.');
    expect(paymentWindow()).toBeNull();
    expect(sandbox().payments[0]?.status).toBe('canceled');
  });

  it('gives every payment a fresh paymentKey', async () => {
    const { w } = await checkout({ agreement: false });
    sandbox().nextOutcome = 'approve';
    const first = await w.requestPayment(order);
    sandbox().nextOutcome = 'approve';
    const second = await w.requestPayment(order);
    expect(first.paymentKey).not.toBe(second.paymentKey);
  });

  it.each([
    ['approve', undefined],
    ['decline', 'REJECT_CARD_COMPANY'],
    ['cancel', 'USER_CANCEL'],
  ] as const)('answers by itself with nextOutcome %s, after showing the window, and clears it', async (outcome, code) => {
    const { w } = await checkout();
    clickAgreement();
    sandbox().nextOutcome = outcome;
    const paying = w.requestPayment(order).then(
      (result) => ({ result }),
      (error: { code: string }) => ({ code: error.code }),
    );
    expect(paymentWindow()).not.toBeNull();
    expect(sandbox().nextOutcome).toBeUndefined();
    if (code) expect(await paying).toEqual({ code });
    else expect(await paying).toMatchObject({ result: { paymentType: 'NORMAL' } });
    expect(paymentWindow()).toBeNull();
  });
});

describe('given axe-core', () => {
  // 'region' is about the host page's landmarks; the widgets live inside the merchant's page.
  const violations = async (context: Element) =>
    (await axe.run(context, { resultTypes: ['violations'], rules: { region: { enabled: false } } })).violations.map((violation) => `${violation.id}: ${violation.help}`);

  it('finds no violations in the widgets or the open payment window', async () => {
    const { w } = await checkout();
    expect(await violations(document.body)).toEqual([]);
    clickAgreement();
    const paying = rejection(w.requestPayment(order));
    expect(await violations(paymentWindow()!)).toEqual([]);
    await answerWindow('cancel');
    await paying;
  });
});

describe('given redirect mode (successUrl and failUrl)', () => {
  it('sends an approval to successUrl with paymentType, orderId, paymentKey and amount, and never settles', async () => {
    const { w } = await checkout();
    clickAgreement();
    sandbox().nextOutcome = 'approve';
    const paying = w.requestPayment({ ...order, ...redirectUrls });
    expect(await settledWithin(paying, 30)).toBe('pending');
    expect(navigations).toHaveLength(1);
    const url = new URL(navigations[0]!);
    expect(url.origin + url.pathname).toBe('https://shop.test/success');
    expect([...url.searchParams.keys()]).toEqual(['paymentType', 'orderId', 'paymentKey', 'amount']);
    expect(url.searchParams.get('paymentType')).toBe('NORMAL');
    expect(url.searchParams.get('orderId')).toBe(order.orderId);
    expect(url.searchParams.get('paymentKey')).toBe((sandbox().payments[0] as SandboxTossPayment).paymentKey);
    expect(url.searchParams.get('amount')).toBe('50000');
  });

  it("sends a decline to failUrl, keeping the merchant's own query and hash", async () => {
    const { w } = await checkout();
    clickAgreement();
    sandbox().nextOutcome = 'decline';
    void w.requestPayment({ ...order, ...redirectUrls });
    await sleep(20);
    const url = new URL(navigations[0]!);
    expect(url.pathname).toBe('/fail');
    expect(url.hash).toBe('#top');
    expect(url.search.startsWith('?cart=7&')).toBe(true);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      cart: '7',
      code: 'REJECT_CARD_COMPANY',
      message: '결제 승인이 거절되었습니다.',
      orderId: order.orderId,
    });
  });

  it('sends a cancel to failUrl with PAY_PROCESS_CANCELED, and frees the transaction for the next request', async () => {
    const { w } = await checkout();
    clickAgreement();
    void w.requestPayment({ ...order, ...redirectUrls });
    await answerWindow('cancel');
    const url = new URL(navigations[0]!);
    expect(url.searchParams.get('code')).toBe('PAY_PROCESS_CANCELED');
    expect(url.searchParams.get('message')).toBe('사용자에 의해 결제가 취소되었습니다.');
    expect(url.searchParams.get('orderId')).toBe(order.orderId);
    expect(url.searchParams.get('cart')).toBe('7');
    expect(url.hash).toBe('#top');

    sandbox().nextOutcome = 'approve';
    await expect(w.requestPayment(order)).resolves.toMatchObject({ paymentType: 'NORMAL' });
  });
});
