import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClientKeys } from '../index.js';
import { container, loadStandin, methodsRoot, rejection, resetSandbox, sandbox, thrown } from '../test-utils/sandbox.js';
import { paymentWidget, tossPayments, type V1MethodsWidget } from '../test-utils/vendor-types.js';

const order = { orderId: 'order_12345', orderName: '생수 외 1건' };
const urls = { successUrl: 'https://shop.test/success', failUrl: 'https://shop.test/fail' };

function widgets() {
  return tossPayments()(sandboxClientKeys.toss).widgets({ customerKey: 'buyer_1' });
}

async function v2(currency: 'KRW' | 'USD' = 'KRW') {
  const w = widgets();
  await w.setAmount({ value: currency === 'KRW' ? 50000 : 12.5, currency });
  container('methods');
  await w.renderPaymentMethods({ selector: '#methods' });
  return w;
}

async function v1() {
  const w = paymentWidget()(sandboxClientKeys.toss, 'buyer_1');
  container('methods');
  const methods: V1MethodsWidget = w.renderPaymentMethods('#methods', 50000);
  await new Promise<void>((resolve) => methods.on('ready', () => resolve()));
  return w;
}

beforeAll(async () => {
  await loadStandin('toss-v2');
  await loadStandin('toss-v1');
});

beforeEach(() => resetSandbox());

describe.each(['v2', 'v1'] as const)('given Toss %s requestPayment', (sdk) => {
  const ready = () => (sdk === 'v2' ? v2() : v1());

  it('refuses a parameter the SDK does not define with INVALID_PARAMETERS, naming it, and opens no window', async () => {
    const w = await ready();
    // Were it let through, the window would answer at once instead of waiting for a click.
    sandbox().nextOutcome = 'cancel';
    const error = await rejection(w.requestPayment({ ...order, amount: 50000 }));
    expect(error.code).toBe('INVALID_PARAMETERS');
    expect(error.message).toContain("'amount'");
    expect(sandbox().payments).toEqual([]);
  });

  it.each([
    ['customerMobilePhone with dashes', { customerMobilePhone: '010-1234-5678' }],
    ['customerMobilePhone of 7 digits', { customerMobilePhone: '0101234' }],
    ['customerMobilePhone of 16 digits', { customerMobilePhone: '0'.repeat(16) }],
    ['customerMobilePhone as a number', { customerMobilePhone: 1012345678 }],
    ['customerEmail of 101 characters', { customerEmail: `${'a'.repeat(93)}@shop.kr` }],
    ['customerName of 101 characters', { customerName: '가'.repeat(101) }],
  ])('refuses %s with INVALID_PARAMETERS', async (_name, fields) => {
    const w = await ready();
    sandbox().nextOutcome = 'cancel';
    expect((await rejection(w.requestPayment({ ...order, ...fields }))).code).toBe('INVALID_PARAMETERS');
  });

  it('accepts the limits: 8 and 15 digits, 100-character email and name', async () => {
    const w = await ready();
    for (const customerMobilePhone of ['01012345', '0'.repeat(15)]) {
      sandbox().nextOutcome = 'approve';
      await expect(
        w.requestPayment({ ...order, customerMobilePhone, customerEmail: `${'a'.repeat(92)}@shop.kr`, customerName: '가'.repeat(100) }),
      ).resolves.toMatchObject({ orderId: order.orderId });
    }
  });
});

describe('given fields one SDK generation has and the other has not', () => {
  it('v1 takes useEscrow, v2 refuses it', async () => {
    const w1 = await v1();
    sandbox().nextOutcome = 'approve';
    await expect(w1.requestPayment({ ...order, useEscrow: false })).resolves.toBeTruthy();
    document.body.innerHTML = '';
    resetSandbox();
    const w2 = await v2();
    expect((await rejection(w2.requestPayment({ ...order, useEscrow: false }))).code).toBe('INVALID_PARAMETERS');
  });

  it("refuses windowTarget 'iframe' on a phone, and any other value everywhere", async () => {
    const w = await v2();
    expect((await rejection(w.requestPayment({ ...order, windowTarget: 'popup' }))).code).toBe('INVALID_PARAMETERS');
    sandbox().device = 'mobile';
    expect((await rejection(w.requestPayment({ ...order, ...urls, windowTarget: 'iframe' }))).code).toBe('INVALID_PARAMETERS');
  });
});

describe('given setAmount and the renders', () => {
  it('setAmount takes value and currency only', async () => {
    expect((await rejection(widgets().setAmount({ value: 1000, currency: 'KRW', reason: 'COUPON' }))).code).toBe('INVALID_PARAMETERS');
  });

  it('v2 renders take selector and variantKey only', async () => {
    const w = widgets();
    await w.setAmount({ value: 1000, currency: 'KRW' });
    container('methods');
    container('agreement');
    expect((await rejection(w.renderPaymentMethods({ selector: '#methods', amount: 1000 }))).code).toBe('INVALID_PARAMETERS');
    expect((await rejection(w.renderAgreement({ selector: '#agreement', variant: 'AGREEMENT' }))).code).toBe('INVALID_PARAMETERS');
  });

  it('v1 renders take { value, currency, country } and { variantKey } only', () => {
    container('methods');
    expect(thrown(() => paymentWidget()(sandboxClientKeys.toss, 'buyer_1').renderPaymentMethods('#methods', { value: 1000, currncy: 'KRW' })).code).toBe('INVALID_PARAMETERS');
    expect(thrown(() => paymentWidget()(sandboxClientKeys.toss, 'buyer_1').renderPaymentMethods('#methods', 1000, { variant: 'DEFAULT' })).code).toBe('INVALID_PARAMETERS');
  });

  it('refuses a variantKey the console does not know with INVALID_VARIANT_KEY, until it is added to variantKeys', async () => {
    const w = widgets();
    await w.setAmount({ value: 1000, currency: 'KRW' });
    container('methods');
    expect((await rejection(w.renderPaymentMethods({ selector: '#methods', variantKey: 'SHOP_A' }))).code).toBe('INVALID_VARIANT_KEY');
    sandbox().variantKeys = ['SHOP_A'];
    await expect(w.renderPaymentMethods({ selector: '#methods', variantKey: 'SHOP_A' })).resolves.toBeTruthy();
  });
});

describe('given the currency', () => {
  it('offers PayPal alone for a USD amount, and pays with it', async () => {
    const w = await v2('USD');
    expect(Array.from(methodsRoot()!.querySelectorAll<HTMLInputElement>('input[type="radio"]')).map((input) => input.value)).toEqual(['PAYPAL']);
    sandbox().nextOutcome = 'approve';
    await expect(w.requestPayment(order)).resolves.toMatchObject({ amount: { value: 12.5, currency: 'USD' } });
  });

  it('refuses a USD amount for a KRW method (card) with INVALID_AMOUNT_CURRENCY', async () => {
    const w = await v2('KRW');
    await w.setAmount({ value: 12.5, currency: 'USD' });
    expect((await rejection(w.requestPayment(order))).code).toBe('INVALID_AMOUNT_CURRENCY');
  });
});
