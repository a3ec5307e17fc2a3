import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClientKeys, type SandboxPortOnePayment } from '../index.js';
import { answerWindow, loadStandin, loggedMethods, paymentWindow, rejection, resetSandbox, sandbox, settledWithin, sleep, useDevice } from '../test-utils/sandbox.js';
import { portOne } from '../test-utils/vendor-types.js';

// PortOne.requestIssueBillingKeyAndPay in the sandbox: IssueBillingKeyAndPayRequest's rules, one per
// test, and both result channels (promise and redirect).
interface SetupError extends Error {
  code: string;
  transactionType: string;
  __portOneErrorType: string;
  paymentId?: string;
}

const { storeId, channelKey } = sandboxClientKeys.portone;
const andPay = (overrides: Record<string, unknown> = {}) => ({
  storeId,
  channelKey,
  paymentId: 'first-0001',
  orderName: '월간 구독 1개월',
  totalAmount: 9900,
  currency: 'KRW',
  billingKeyAndPayMethod: 'MOBILE',
  ...overrides,
});
const without = (field: string) => {
  const request: Record<string, unknown> = andPay();
  delete request[field];
  return request;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const redirectUrl = 'https://shop.test/subscribe/done?plan=monthly';
let navigations: string[] = [];

const request = (input: unknown) => portOne().requestIssueBillingKeyAndPay(input) as Promise<Record<string, string>>;
const setupError = async (promise: Promise<unknown>) => (await rejection(promise)) as unknown as SetupError;
const payments = () => sandbox().payments as SandboxPortOnePayment[];

beforeAll(async () => {
  await loadStandin('portone-v2');
});

beforeEach(async () => {
  navigations = [];
  resetSandbox(navigations);
  await useDevice('pc');
});

describe('given requestIssueBillingKeyAndPay in promise mode', () => {
  it('resolves { transactionType, billingKey, paymentId, txId } when the buyer approves, and records one payment with the key', async () => {
    const paying = request(andPay());
    await answerWindow('approve');
    const response = await paying;
    expect(response).toEqual({ transactionType: 'ISSUE_BILLING_KEY_AND_PAY', billingKey: expect.stringMatching(/^billing-key-/), paymentId: 'first-0001', txId: expect.stringMatching(UUID) });
    expect(payments()).toEqual([
      expect.objectContaining({ transactionType: 'ISSUE_BILLING_KEY_AND_PAY', paymentId: 'first-0001', billingKey: response.billingKey, txId: response.txId, amount: 9900, method: 'MOBILE', status: 'approved' }),
    ]);
    expect(loggedMethods()).toEqual(['requestIssueBillingKeyAndPay']);
  });

  it('shows the order, the amount and the phone method in the window', async () => {
    void request(andPay({ mobile: { carrier: 'CARRIER_KT' } }));
    await sleep(0);
    expect(paymentWindow()?.textContent).toMatch(/월간 구독 1개월[\s\S]*9,900원[\s\S]*휴대폰 \(KT\)/);
  });

  it('resolves (does not reject) a decline with code, message and the PG fields, and no billing key', async () => {
    const paying = request(andPay());
    await answerWindow('decline');
    expect(await paying).toEqual({ transactionType: 'ISSUE_BILLING_KEY_AND_PAY', paymentId: 'first-0001', txId: expect.any(String), code: 'FAILURE_TYPE_PG', message: expect.stringContaining('SANDBOX_DECLINED'), pgCode: 'SANDBOX_DECLINED', pgMessage: expect.any(String) });
    expect(payments()[0]?.billingKey).toBeUndefined();
  });

  it('resolves the user-cancel code when the buyer closes the window', async () => {
    const paying = request(andPay());
    await answerWindow('cancel');
    expect(await paying).toMatchObject({ code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하였습니다.' });
    expect(payments()[0]?.status).toBe('canceled');
  });

  it('answers a paymentId already paid with PaymentAlreadyPaid, without a window', async () => {
    sandbox().nextOutcome = 'approve';
    await request(andPay());
    expect(await request(andPay())).toMatchObject({ paymentId: 'first-0001', code: 'PaymentAlreadyPaid' });
    expect(payments()).toHaveLength(1);
  });

  it('refuses a second request while the window is open (FailedPrecondition), then takes one once it is answered', async () => {
    const first = request(andPay());
    await sleep(0);
    const second = await setupError(request(andPay({ paymentId: 'first-0002' })));
    expect([second.code, second.__portOneErrorType, second.transactionType]).toEqual(['FailedPrecondition', 'IssueBillingKeyAndPayError', 'ISSUE_BILLING_KEY_AND_PAY']);
    const payment = await setupError(portOne().requestPayment({ storeId, channelKey, paymentId: 'p-0003', orderName: 'x', totalAmount: 1, currency: 'KRW', payMethod: 'CARD' }));
    expect(payment.code).toBe('FailedPrecondition');
    await answerWindow('approve');
    await first;
    sandbox().nextOutcome = 'approve';
    expect(await request(andPay({ paymentId: 'first-0002' }))).toMatchObject({ paymentId: 'first-0002', billingKey: expect.any(String) });
  });
});

describe('given requestIssueBillingKeyAndPay refusals before any window', () => {
  it('refuses a request that is not an object', async () => {
    const error = await setupError(request(undefined));
    expect([error.code, error.__portOneErrorType]).toEqual(['InvalidArgument', 'IssueBillingKeyAndPayError']);
  });

  it.each(['storeId', 'channelKey', 'paymentId', 'orderName', 'totalAmount', 'currency', 'billingKeyAndPayMethod'])('requires %s', async (field) => {
    const error = await setupError(request(without(field)));
    expect(error.code).toBe('InvalidArgument');
    expect(error.message).toContain(`${field}는 필수 입력값입니다.`);
    expect(paymentWindow()).toBeNull();
  });

  it.each([[-1], [99.5], ['9900']])('refuses the totalAmount %j (a whole number of minor units)', async (totalAmount) => {
    expect((await setupError(request(andPay({ totalAmount })))).message).toContain('totalAmount는 0 이상의 정수여야 합니다.');
  });

  it.each([['won'], ['WON']])('refuses the currency %j', async (currency) => {
    expect((await setupError(request(andPay({ currency })))).message).toContain('currency 값이 올바르지 않습니다.');
  });

  it.each([['CARD'], ['EASY_PAY'], ['mobile']])("refuses billingKeyAndPayMethod %j: the SDK offers 'MOBILE' only", async (method) => {
    expect((await setupError(request(andPay({ billingKeyAndPayMethod: method })))).message).toContain('지원하지 않는 billingKeyAndPayMethod입니다.');
  });

  it('refuses an unknown mobile.carrier and takes the SDK codes with or without CARRIER_', async () => {
    expect((await setupError(request(andPay({ mobile: { carrier: 'SKTELECOM' } })))).message).toContain('지원하지 않는 mobile.carrier입니다.');
    sandbox().nextOutcome = 'approve';
    expect(await request(andPay({ mobile: { carrier: 'CARRIER_LGU' } }))).toMatchObject({ billingKey: expect.any(String) });
  });

  it('refuses an API secret in storeId or channelKey without echoing it', async () => {
    const secret = 'A'.repeat(64);
    const error = await setupError(request(andPay({ channelKey: secret })));
    expect(error.message).toContain('channelKey에 API 시크릿을 넣으면 안 됩니다.');
    expect(error.message).not.toContain(secret);
  });

  it('refuses a redirectUrl that is not an absolute http(s) URL', async () => {
    expect((await setupError(request(andPay({ redirectUrl: '/subscribe/done' })))).message).toContain('redirectUrl는 http:// 또는 https://로 시작해야 합니다.');
  });
});

describe('given requestIssueBillingKeyAndPay in redirect mode', () => {
  it('navigates with transactionType, billingKey, paymentId and txId, keeping the merchant query, and never settles', async () => {
    await useDevice('mobile');
    sandbox().nextOutcome = 'approve';
    const paying = request(andPay({ redirectUrl }));
    expect(await settledWithin(paying, 30)).toBe('pending');
    const url = new URL(navigations[0]!);
    expect([...url.searchParams.keys()]).toEqual(['plan', 'transactionType', 'billingKey', 'paymentId', 'txId']);
    expect(url.searchParams.get('transactionType')).toBe('ISSUE_BILLING_KEY_AND_PAY');
    expect(url.searchParams.get('billingKey')).toBe(payments()[0]!.billingKey);
  });

  it('redirects on a PC too with forceRedirect, and adds code and message on failure', async () => {
    sandbox().nextOutcome = 'cancel';
    void request(andPay({ redirectUrl, forceRedirect: true }));
    await sleep(20);
    expect(Object.fromEntries(new URL(navigations[0]!).searchParams)).toEqual({
      plan: 'monthly',
      transactionType: 'ISSUE_BILLING_KEY_AND_PAY',
      paymentId: 'first-0001',
      txId: expect.any(String),
      code: 'FAILURE_TYPE_PG',
      message: '사용자가 결제를 취소하였습니다.',
    });
  });
});
