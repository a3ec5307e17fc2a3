// The real iamport V1 driver against the real sandbox stand-in for window.IMP, loaded by URL
// through the driver's own `scriptSrc`: no stubs of the driver, the loader or the vendor global.
import { sandboxClientKeys, sandboxScriptUrl, type SandboxIamportPayment } from '@kcheckout/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejected } from '../test-utils/checkout-error.js';
import { createIamportV1, type IamportV1Driver, type IamportV1Options } from './iamport-v1.js';
import { SDK_SCRIPTS } from '../sdk-urls.js';
import type { PaymentOrder } from '../types.js';
import { answerWindow, paymentWindow, sandbox, settledWithin, sleep, windowOpen } from '../../../sandbox/src/test-utils/sandbox.js';
import { resetSandboxPage, scriptTags, useDevice } from '../../../../test/sandbox-page.js';

const { impCode, channelKey } = sandboxClientKeys.iamport;
const otherImpCode = 'imp12345678';
const impSecret = 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1tU3vW5xY7zA9bC1dE3fG5h';
const scriptSrc = () => sandboxScriptUrl('iamport-v1');
const won = { value: 50000, currency: 'KRW' } as const;
const card = { type: 'card' } as const;
const order = (orderId: string, extra: Partial<PaymentOrder> = {}): PaymentOrder => ({ orderId, orderName: '생수 외 1건', ...extra });

const win = window as unknown as Record<string, unknown>;
let navigations: string[] = [];

/** The real driver on the stand-in; the sandbox is then made fast and its navigation captured. */
async function driver(options: Partial<IamportV1Options> = {}): Promise<IamportV1Driver> {
  const created = await createIamportV1({ impCode, channelKey, scriptSrc: scriptSrc(), ...options });
  const control = sandbox();
  control.latencyMs = 0;
  control.navigate = (url) => navigations.push(url);
  return created;
}

const log = () => window.kcheckoutSandbox?.log ?? [];
const calls = (method: string) => log().filter((entry) => entry.method === method);
const iamportPayments = () => (window.kcheckoutSandbox?.payments ?? []) as SandboxIamportPayment[];

async function resetPage(): Promise<void> {
  navigations = [];
  await resetSandboxPage();
}

beforeEach(async () => {
  await resetPage();
  await useDevice('pc');
});
afterEach(resetPage);

describe('given several iamport drivers on the sandbox script', () => {
  it('loads one <script>, calls IMP.init once per merchant code, and re-binds before paying with the first code', async () => {
    const [first] = await Promise.all([driver(), driver()]);
    expect(scriptTags(scriptSrc())).toHaveLength(1);
    expect(scriptTags(SDK_SCRIPTS['iamport-v1'].src)).toHaveLength(0);
    expect(calls('init').map((entry) => entry.args)).toEqual([[impCode]]);

    await driver({ impCode: otherImpCode });
    expect(calls('init').map((entry) => entry.args)).toEqual([[impCode], [otherImpCode]]);
    expect(scriptTags(scriptSrc())).toHaveLength(1);

    // The page's IMP is now bound to the other code, so the first driver binds it back before paying.
    sandbox().nextOutcome = 'approve';
    const result = await first!.requestPay(order('merchant-init-01'), won, card);
    expect(result.status).toBe('success');
    expect(log().map((entry) => [entry.method, entry.method === 'init' ? entry.args[0] : undefined])).toEqual([
      ['init', impCode],
      ['init', otherImpCode],
      ['init', impCode],
      ['request_pay', undefined],
    ]);
    expect(iamportPayments()[0]).toMatchObject({ impCode, merchantUid: 'merchant-init-01' });
  });
});

describe('given a card payment the buyer approves', () => {
  it('sends channelKey (not pg) when both are configured, no buyer_tel without a phone, and resolves success with the impUid', async () => {
    const imp = await driver({ pg: 'html5_inicis.INIpayTest' });
    const pending = imp.requestPay(order('merchant-card-01', { customerName: '김결제', customerEmail: 'buyer@example.com' }), won, card);
    const [call] = calls('request_pay');
    expect(call!.args[0]).toEqual({
      channelKey,
      pay_method: 'card',
      merchant_uid: 'merchant-card-01',
      name: '생수 외 1건',
      amount: 50000,
      currency: 'KRW',
      buyer_name: '김결제',
      buyer_email: 'buyer@example.com',
    });
    expect(call!.args[1]).toBeTypeOf('function');
    await answerWindow('approve');
    const result = await pending;

    const [payment] = iamportPayments();
    expect(payment).toMatchObject({ status: 'approved', channelKey, impCode, merchantUid: 'merchant-card-01', amount: 50000, method: 'card' });
    expect(payment).not.toHaveProperty('pg');
    expect(payment!.impUid).toMatch(/^imp_\d{12}$/);
    expect(result).toMatchObject({ status: 'success', provider: 'iamport', orderId: 'merchant-card-01', impUid: payment!.impUid, amount: 50000, currency: 'KRW' });
    expect(result).toMatchObject({ raw: { imp_uid: payment!.impUid, buyer_name: '김결제' } });
  });

  it('sends pg when only pg is configured, buyer_tel when the order has a phone, and kakaopay for a KakaoPay easy pay', async () => {
    const imp = await driver({ channelKey: undefined, pg: 'kakaopay.TC0ONETIME' });
    sandbox().nextOutcome = 'approve';
    const result = await imp.requestPay(order('merchant-kakao-1', { customerMobilePhone: '01012345678' }), won, { type: 'easyPay', provider: 'KAKAOPAY' });
    const params = calls('request_pay')[0]!.args[0];
    expect(params).toMatchObject({ pg: 'kakaopay.TC0ONETIME', pay_method: 'kakaopay', buyer_tel: '01012345678' });
    expect(params).not.toHaveProperty('channelKey');
    expect(result).toMatchObject({ status: 'success', raw: { pg_provider: 'kakaopay' } });
    expect(iamportPayments()[0]).toMatchObject({ pg: 'kakaopay.TC0ONETIME', method: 'kakaopay' });
  });
});

describe('given a payment window that is declined or cancelled', () => {
  it('maps a decline to fail with the error_code', async () => {
    const imp = await driver();
    const pending = imp.requestPay(order('merchant-decl-01'), won, card);
    await answerWindow('decline');
    const result = await pending;
    expect(result).toMatchObject({ status: 'fail', code: 'F400', orderId: 'merchant-decl-01' });
    if (result.status !== 'fail') throw new Error('expected fail');
    expect(result.message.startsWith('[카드사 승인 거절]')).toBe(true);
    expect(result.error).toBeUndefined();
    expect(iamportPayments()[0]).toMatchObject({ status: 'declined' });
  });

  it('maps the buyer cancelling ([결제포기]) to cancel', async () => {
    const imp = await driver();
    const pending = imp.requestPay(order('merchant-canc-01'), won, card);
    await answerWindow('cancel');
    const result = await pending;
    expect(result).toMatchObject({ status: 'cancel', code: 'F400', orderId: 'merchant-canc-01' });
    if (result.status !== 'cancel') throw new Error('expected cancel');
    expect(result.message).toContain('[결제포기]');
    expect(iamportPayments()[0]).toMatchObject({ status: 'canceled' });
  });

  it('fails a second request while the window is open with the stand-in’s PAYMENT_IN_PROGRESS, and the first still completes', async () => {
    const [first, second] = await Promise.all([driver(), driver()]);
    const pending = first!.requestPay(order('merchant-first-1'), won, card);
    await windowOpen();
    const overlapping = await second!.requestPay(order('merchant-second1'), won, card);
    expect(overlapping).toMatchObject({ status: 'fail', code: 'PAYMENT_IN_PROGRESS', orderId: 'merchant-second1' });
    await answerWindow('approve');
    expect(await pending).toMatchObject({ status: 'success', orderId: 'merchant-first-1' });
    expect(calls('request_pay')).toHaveLength(2);
    expect(iamportPayments()).toHaveLength(1);
  });
});

describe('given m_redirect_url', () => {
  it('on a mobile device, navigates with imp_uid, merchant_uid and imp_success and the callback never answers', async () => {
    await useDevice('mobile');
    const imp = await driver();
    const pending = imp.requestPay(order('merchant-mob-001'), won, card, { m_redirect_url: 'https://shop.example/pay/v1?from=cart' });
    expect(calls('request_pay')[0]!.args[0]).toMatchObject({ m_redirect_url: 'https://shop.example/pay/v1?from=cart' });
    await answerWindow('approve');
    for (let i = 0; i < 100 && navigations.length === 0; i++) await sleep(5);

    expect(navigations).toHaveLength(1);
    const url = new URL(navigations[0]!);
    expect(url.origin + url.pathname).toBe('https://shop.example/pay/v1');
    expect(url.searchParams.get('from')).toBe('cart');
    expect(url.searchParams.get('imp_uid')).toBe(iamportPayments()[0]!.impUid);
    expect(url.searchParams.get('merchant_uid')).toBe('merchant-mob-001');
    expect(url.searchParams.get('imp_success')).toBe('true');
    expect(url.searchParams.has('error_code')).toBe(false);
    expect(await settledWithin(pending, 100)).toBe('pending');
  });

  it('on a mobile device, a cancel navigates with imp_success=false and the error_code', async () => {
    await useDevice('mobile');
    const imp = await driver();
    const pending = imp.requestPay(order('merchant-mob-002'), won, card, { m_redirect_url: 'https://shop.example/pay/v1' });
    await answerWindow('cancel');
    for (let i = 0; i < 100 && navigations.length === 0; i++) await sleep(5);
    expect(navigations).toHaveLength(1);
    const query = new URL(navigations[0]!).searchParams;
    expect(query.get('merchant_uid')).toBe('merchant-mob-002');
    expect(query.get('imp_success')).toBe('false');
    expect(query.get('error_code')).toBe('F400');
    expect(await settledWithin(pending, 100)).toBe('pending');
  });

  it('on a PC, is ignored: the callback result arrives and nothing navigates', async () => {
    const imp = await driver();
    const pending = imp.requestPay(order('merchant-pc-0001'), won, card, { m_redirect_url: 'https://shop.example/pay/v1' });
    await answerWindow('approve');
    const result = await pending;
    expect(result).toMatchObject({ status: 'success', orderId: 'merchant-pc-0001', impUid: iamportPayments()[0]!.impUid });
    expect(navigations).toEqual([]);
  });
});

describe('given bad options', () => {
  it.each([
    ['no impCode', { impCode: undefined }, 'INVALID_KEY'],
    ['a V2 store id as impCode', { impCode: sandboxClientKeys.portone.storeId }, 'INVALID_KEY'],
    ['a secret-looking channelKey', { channelKey: impSecret }, 'SECRET_KEY_IN_BROWSER'],
    ['neither channelKey nor pg', { channelKey: undefined }, 'INVALID_OPTION'],
  ] as const)('with %s, rejects with a CheckoutError before any script or vendor call', async (_, options, code) => {
    const error = await rejected(createIamportV1({ impCode, channelKey, scriptSrc: scriptSrc(), ...options } as IamportV1Options));
    expect(error).toMatchObject({ code, provider: 'iamport' });
    expect(scriptTags(scriptSrc())).toHaveLength(0);
    expect(document.querySelectorAll('script[data-kcheckout-loader]')).toHaveLength(0);
    expect(log()).toEqual([]);
    expect(win.IMP).toBeUndefined();
  });

  it('names channelKey and pg in the error when both are missing', async () => {
    const error = await rejected(createIamportV1({ impCode, scriptSrc: scriptSrc() }));
    expect(error.message).toContain('channelKey');
    expect(error.message).toContain('pg');
  });

  it('never echoes the secret it refuses', async () => {
    const error = await rejected(createIamportV1({ impCode, channelKey: impSecret, scriptSrc: scriptSrc() }));
    expect(error.message).not.toContain(impSecret.slice(0, 12));
  });
});

describe('given bad request input on a loaded driver', () => {
  it.each([
    ['a 41-character merchant_uid', order('m'.repeat(41)), won, 'INVALID_ORDER_ID'],
    ['a merchant_uid with a space', order('merchant bad 01'), won, 'INVALID_ORDER_ID'],
    ['a NaN amount', order('merchant-nan-001'), { value: Number.NaN, currency: 'KRW' as const }, 'INVALID_AMOUNT'],
  ] as const)('with %s, rejects with a CheckoutError and leaves the sandbox log empty', async (_, badOrder, money, code) => {
    const imp = await driver();
    sandbox().reset();
    const error = await rejected(imp.requestPay(badOrder, money, card));
    expect(error).toMatchObject({ code, provider: 'iamport' });
    expect(log()).toEqual([]);
    expect(paymentWindow()).toBeNull();
    expect(scriptTags(scriptSrc())).toHaveLength(1);
  });

  it('accepts a 40-character merchant_uid (the V1 limit) and the stand-in takes it too', async () => {
    const imp = await driver();
    sandbox().nextOutcome = 'approve';
    const result = await imp.requestPay(order('m'.repeat(40)), won, card);
    expect(result).toMatchObject({ status: 'success', orderId: 'm'.repeat(40) });
  });
});
