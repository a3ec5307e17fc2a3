import { describe, expect, it } from 'vitest';
import { parsePortOneRedirect } from './parse-portone-redirect.js';
import { BillingKeyAndPaySession, type BillingKeyAndPayDriver, billingKeyAndPayResult, buildBillingKeyAndPayRequest } from './billing-key-and-pay.js';

// requestIssueBillingKeyAndPay's rules, result reading and session, without a page or a renderer.
const config = { storeId: 'store-6b636865-636b-4f75-8000-73616e64626f', channelKey: 'channel-key-6b636865-636b-4f75-8000-73616e64626f' };
const order = { orderId: 'first-000001', orderName: '월간 구독 1개월' };
const won = { value: 9900, currency: 'KRW' as const };
const options = { ...config, scriptSrc: 'https://sandbox.test/portone-v2.js' };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('given buildBillingKeyAndPayRequest', () => {
  it("sends the order as the first charge, with billingKeyAndPayMethod 'MOBILE' and the amount in minor units", () => {
    const { request } = buildBillingKeyAndPayRequest(config, { ...order, customerId: 'cus-1', carrier: 'KT' }, won, { redirectUrl: 'https://shop.test/done', forceRedirect: true });
    expect(request).toEqual({
      ...config,
      paymentId: 'first-000001',
      orderName: '월간 구독 1개월',
      totalAmount: 9900,
      currency: 'KRW',
      billingKeyAndPayMethod: 'MOBILE',
      mobile: { carrier: 'KT' },
      customer: { customerId: 'cus-1' },
      redirectUrl: 'https://shop.test/done',
      forceRedirect: true,
    });
  });

  it.each([
    ['an order id outside the shared rule', { ...order, orderId: 'a/b' }, won, 'INVALID_ORDER_ID'],
    ['an empty orderName', { ...order, orderName: '' }, won, 'INVALID_OPTION'],
    ['a fractional amount of won', order, { value: 99.5, currency: 'KRW' as const }, 'INVALID_AMOUNT'],
    ['a carrier the SDK does not name', { ...order, carrier: 'SKTELECOM' as never }, won, 'INVALID_OPTION'],
  ])('refuses %s with a coded CheckoutError', (_case, badOrder, money, code) => {
    expect(() => buildBillingKeyAndPayRequest(config, badOrder, money)).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a relative redirectUrl', () => {
    expect(() => buildBillingKeyAndPayRequest(config, order, won, { redirectUrl: '/done' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('given billingKeyAndPayResult', () => {
  const money = { value: 9900, currency: 'KRW' as const };
  it('reads a response without code as success, with the key, the paymentId and the txId', () => {
    expect(billingKeyAndPayResult({ transactionType: 'ISSUE_BILLING_KEY_AND_PAY', billingKey: 'bk-1', paymentId: 'first-000001', txId: 'tx-1' }, 'first-000001', money)).toMatchObject({
      status: 'success',
      orderId: 'first-000001',
      paymentId: 'first-000001',
      txId: 'tx-1',
      billingKey: 'bk-1',
      amount: 9900,
      currency: 'KRW',
    });
  });

  it('reads the user-cancel answer as cancel and a PG refusal as fail', () => {
    expect(billingKeyAndPayResult({ code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하였습니다.' }, 'first-000001', money).status).toBe('cancel');
    expect(billingKeyAndPayResult({ code: 'FAILURE_TYPE_PG', message: '한도 초과', pgCode: 'LIMIT' }, 'first-000001', money)).toMatchObject({ status: 'fail', code: 'FAILURE_TYPE_PG', message: '한도 초과' });
  });

  it('treats a success without a billing key as a failure, and undefined as a redirect', () => {
    expect(billingKeyAndPayResult({ paymentId: 'first-000001', txId: 'tx' }, 'first-000001', money)).toMatchObject({ status: 'fail', code: 'MISSING_BILLING_KEY' });
    expect(billingKeyAndPayResult(undefined, 'first-000001', money).status).toBe('redirecting');
  });

  it('leaves the redirect to parsePortOneRedirect, which reads its query as a payment with its billing key', () => {
    expect(parsePortOneRedirect('?transactionType=ISSUE_BILLING_KEY_AND_PAY&billingKey=bk-1&paymentId=first-000001&txId=tx-1')).toMatchObject({
      provider: 'portone',
      status: 'success',
      orderId: 'first-000001',
      paymentId: 'first-000001',
      billingKey: 'bk-1',
      transactionType: 'ISSUE_BILLING_KEY_AND_PAY',
    });
    expect(parsePortOneRedirect('?transactionType=ISSUE_BILLING_KEY_AND_PAY&paymentId=first-000001&txId=tx-1&code=FAILURE_TYPE_PG&message=x')).toMatchObject({ status: 'fail', paymentId: 'first-000001' });
  });
});

describe('given a BillingKeyAndPaySession with a fake driver', () => {
  function fake() {
    const calls: unknown[] = [];
    let answer!: (value: unknown) => void;
    const driver: BillingKeyAndPayDriver = {
      sdk: 'portone-v2',
      requestIssueBillingKeyAndPay: (requested, money) => {
        calls.push(requested);
        return new Promise((resolve) => (answer = (raw) => resolve(billingKeyAndPayResult(raw, requested.orderId, { value: money.value, currency: 'KRW' }))));
      },
    };
    const loads: unknown[] = [];
    const session = new BillingKeyAndPaySession(options, async (given) => (loads.push(given), driver));
    return { session, calls, loads, answer: (raw: unknown) => answer(raw) };
  }

  it('loads once through a StrictMode mount, unmount and remount, then is ready', async () => {
    const { session, loads } = fake();
    session.mount()();
    session.mount();
    await tick();
    await tick();
    expect(loads).toHaveLength(1);
    expect(session.getState()).toEqual({ status: 'ready', error: null, pending: false });
  });

  it('makes one vendor call for a double click, is pending until it settles, and both clicks get the result', async () => {
    const { session, calls, answer } = fake();
    session.mount();
    await tick();
    await tick();
    const first = session.request(order, won);
    const second = session.request(order, won);
    expect(calls).toHaveLength(1);
    expect(session.getState().status).toBe('pending');
    answer({ billingKey: 'bk-1', paymentId: 'first-000001', txId: 'tx-1' });
    expect(await first).toMatchObject({ status: 'success', billingKey: 'bk-1' });
    expect(await second).toBe(await first);
    expect(session.getState().status).toBe('ready');
  });

  it('is an error state, without loading, for a secret given as storeId', async () => {
    const { session, loads } = fake();
    session.update({ ...options, storeId: 'A'.repeat(64) });
    session.mount();
    await tick();
    expect(session.getState().status).toBe('error');
    expect(loads).toHaveLength(0);
  });

  it('refuses a request before the SDK is ready with a coded error naming the fix', () => {
    const { session } = fake();
    expect(() => session.request(order, won)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});
