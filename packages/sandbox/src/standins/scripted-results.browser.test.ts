import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClientKeys } from '../index.js';
import { answerWindow, loadStandin, paymentWindow, resetSandbox, sandbox, settledWithin, sleep, useDevice, windowOpen } from '../test-utils/sandbox.js';
import { imp, portOne, type RequestPayResponse } from '../test-utils/vendor-types.js';

const { storeId, channelKey } = sandboxClientKeys.portone;
const payment = (paymentId: string, extra: Record<string, unknown> = {}) => ({
  storeId, channelKey, paymentId, orderName: '생수', totalAmount: 1000, currency: 'CURRENCY_KRW', payMethod: 'CARD', ...extra,
});
const issue = { storeId, channelKey, billingKeyMethod: 'CARD', issueId: 'issue-0001', issueName: '구독' };
const iamportParams = (merchant_uid: string, extra: Record<string, unknown> = {}) => ({
  channelKey: sandboxClientKeys.iamport.channelKey, pay_method: 'card', merchant_uid, name: '생수', amount: 1000, ...extra,
});
function requestPay(params: unknown): Promise<RequestPayResponse> {
  return new Promise((resolve) => imp().request_pay(params, resolve));
}

let navigations: string[] = [];

beforeAll(async () => {
  await loadStandin('portone-v2');
  await loadStandin('iamport-v1');
});

beforeEach(async () => {
  navigations = [];
  resetSandbox(navigations);
  await useDevice('pc');
  imp().init(sandboxClientKeys.iamport.impCode);
});

describe('given nextFailure on PortOne V2', () => {
  it('answers a declined window with exactly the scripted fields: no pgCode or pgMessage when left out', async () => {
    sandbox().nextFailure = { fields: { code: 'PORTONE_ERROR', message: '결제 중 오류가 발생했습니다.' } };
    sandbox().nextOutcome = 'decline';
    const response = await portOne().requestPayment(payment('payment-0001'));
    expect(response).toEqual({ transactionType: 'PAYMENT', paymentId: 'payment-0001', txId: expect.any(String), code: 'PORTONE_ERROR', message: '결제 중 오류가 발생했습니다.' });
    expect(sandbox().nextFailure).toBeUndefined();
  });

  it("applies once: the window after it answers in the stand-in's own shape", async () => {
    sandbox().nextFailure = { fields: { code: 'UnknownError', message: 'unknown' } };
    sandbox().nextOutcome = 'cancel';
    await portOne().requestPayment(payment('payment-0002'));
    sandbox().nextOutcome = 'cancel';
    expect(await portOne().requestPayment(payment('payment-0003'))).toMatchObject({ code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하였습니다.' });
  });

  it('leaves an approved window alone and keeps the script for the next failure', async () => {
    sandbox().nextFailure = { fields: { code: 'PG_PROVIDER_ERROR', message: 'x' } };
    sandbox().nextOutcome = 'approve';
    expect(await portOne().requestPayment(payment('payment-0004'))).not.toHaveProperty('code');
    expect(sandbox().nextFailure).toBeDefined();
  });

  it('gives a failed billing-key issue a billingKey with withBillingKey', async () => {
    sandbox().nextFailure = { fields: { code: 'PG_PROVIDER_ERROR', message: '카드 인증에 실패했습니다.', pgCode: 'E01' }, withBillingKey: true };
    sandbox().nextOutcome = 'decline';
    const response = await portOne().requestIssueBillingKey(issue);
    expect(response).toMatchObject({ transactionType: 'ISSUE_BILLING_KEY', code: 'PG_PROVIDER_ERROR', pgCode: 'E01', billingKey: expect.stringMatching(/^billing-key-/) });
  });

  it('puts the scripted fields, and only those, in a redirect query', async () => {
    await useDevice('mobile');
    sandbox().nextFailure = { fields: { code: 'PG_PROVIDER_ERROR', message: '사용자가 결제를 취소하였습니다.' } };
    sandbox().nextOutcome = 'cancel';
    void portOne().requestPayment(payment('payment-0005', { redirectUrl: 'https://shop.test/done' }));
    await sleep(20);
    const query = new URL(navigations[0]!).searchParams;
    expect([...query.keys()]).toEqual(['paymentId', 'transactionType', 'txId', 'code', 'message']);
  });
});

describe('given a reused PortOne V2 paymentId', () => {
  it('refuses a paymentId already paid, without opening a window', async () => {
    sandbox().nextOutcome = 'approve';
    await portOne().requestPayment(payment('payment-paid-1'));
    const again = await portOne().requestPayment(payment('payment-paid-1'));
    expect(again).toMatchObject({ paymentId: 'payment-paid-1', code: 'PaymentAlreadyPaid' });
    expect(paymentWindow()).toBeNull();
  });

  it('takes a paymentId again after a declined attempt', async () => {
    sandbox().nextOutcome = 'decline';
    await portOne().requestPayment(payment('payment-retry-1'));
    sandbox().nextOutcome = 'approve';
    expect(await portOne().requestPayment(payment('payment-retry-1'))).not.toHaveProperty('code');
  });
});

describe('given portoneOverlap', () => {
  it("'refuse' (the default) answers a second request with FailedPrecondition", async () => {
    const first = portOne().requestPayment(payment('payment-0006'));
    await windowOpen();
    await expect(portOne().requestPayment(payment('payment-0007'))).rejects.toMatchObject({ code: 'FailedPrecondition' });
    await answerWindow('cancel');
    await first;
  });

  it("'abandon-first' opens the second window and the first promise never settles", async () => {
    sandbox().portoneOverlap = 'abandon-first';
    const first = portOne().requestPayment(payment('payment-0008'));
    await windowOpen();
    const second = portOne().requestPayment(payment('payment-0009'));
    await sleep(10);
    expect(document.querySelectorAll('[data-kcheckout-sandbox="payment-window"]')).toHaveLength(1);
    await answerWindow('approve');
    await expect(second).resolves.toMatchObject({ paymentId: 'payment-0009' });
    expect(await settledWithin(first, 100)).toBe('pending');
  });
});

describe('given nextFailure on iamport', () => {
  it('with bare, calls back with imp_uid, merchant_uid and the PG’s raw error_code and error_msg only', async () => {
    sandbox().nextFailure = { fields: { error_code: 'PAY_PROCESS_CANCELED', error_msg: '사용자에 의해 결제가 취소되었습니다.' }, bare: true };
    sandbox().nextOutcome = 'cancel';
    const response = await requestPay(iamportParams('order-0001'));
    expect(Object.keys(response).sort()).toEqual(['error_code', 'error_msg', 'imp_uid', 'merchant_uid']);
    expect(response).toMatchObject({ merchant_uid: 'order-0001', error_code: 'PAY_PROCESS_CANCELED' });
  });

  it("without bare, keeps the stand-in's other fields and replaces error_code and error_msg", async () => {
    sandbox().nextFailure = { fields: { error_code: 'F1001', error_msg: '사용자가 결제를 취소하셨습니다' } };
    sandbox().nextOutcome = 'cancel';
    expect(await requestPay(iamportParams('order-0002'))).toMatchObject({ status: 'failed', error_code: 'F1001', error_msg: '사용자가 결제를 취소하셨습니다' });
  });
});

describe('given iamport request rules', () => {
  it('refuses a name over 40 characters, and takes 40', async () => {
    expect(await requestPay(iamportParams('order-0003', { name: '가'.repeat(41) }))).toMatchObject({ error_code: 'INVALID_PARAMETER' });
    sandbox().nextOutcome = 'approve';
    expect(await requestPay(iamportParams('order-0004', { name: '가'.repeat(40) }))).toMatchObject({ status: 'paid' });
  });

  it('refuses a merchant_uid already paid, and on a phone without a callback sends the refusal to m_redirect_url', async () => {
    sandbox().nextOutcome = 'approve';
    await requestPay(iamportParams('order-paid-1'));
    expect(await requestPay(iamportParams('order-paid-1'))).toMatchObject({ error_code: 'ALREADY_PAID', merchant_uid: 'order-paid-1' });
    await useDevice('mobile');
    imp().request_pay(iamportParams('order-paid-1', { m_redirect_url: 'https://shop.test/done' }));
    await sleep(10);
    expect(new URL(navigations[0]!).searchParams.get('error_code')).toBe('ALREADY_PAID');
  });
});
