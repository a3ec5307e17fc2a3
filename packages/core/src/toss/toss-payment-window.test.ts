import { describe, expect, it, vi } from 'vitest';
import { expectCode, expectKoreanAndEnglish } from '../test-utils/checkout-error.js';
import type { CheckoutResult, PaymentOrder } from '../types.js';
import { toTossPaymentMethod, tossPaymentRequest } from './toss-payment-method.js';
import { type TossPaymentDriver, TossPaymentWindow, type TossPaymentWindowOptions } from './toss-payment-window.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const options: TossPaymentWindowOptions = { clientKey: 'test_ck_abc', customerKey: 'buyer_1', amount: 50000 };
const order: PaymentOrder = { orderId: 'order_12345', orderName: '생수 외 1건' };
const money = { value: 50000, currency: 'KRW' as const };

// A fake vendor: no script, no React; each request waits until the test answers it.
function fakeDriver() {
  const requests: unknown[][] = [];
  let answer: (result: CheckoutResult) => void = () => {};
  const driver: TossPaymentDriver = {
    requestPayment: vi.fn((...args: unknown[]) => {
      requests.push(args);
      return new Promise<CheckoutResult>((resolve) => (answer = resolve));
    }),
    destroy: vi.fn(() => answer({ status: 'fail', provider: 'toss', ...order, amount: 50000, currency: 'KRW', code: 'PAYMENT_REQUEST_ABORTED', message: '', raw: null })),
  };
  const create = vi.fn(async () => driver);
  return { driver, create, requests, answer: (result: CheckoutResult) => answer(result) };
}

describe('given the payment window key rules', () => {
  it('refuses a widget key with INVALID_KEY naming the API individual key, before any script loads', async () => {
    const vendor = fakeDriver();
    const checkout = new TossPaymentWindow({ ...options, clientKey: 'test_gck_abc' }, null, vendor.create);
    checkout.mount();
    await tick();
    const { error, status } = checkout.getState();
    expect(status).toBe('error');
    expect(error?.code).toBe('INVALID_KEY');
    expect(error?.message).toContain('test_ck_');
    expectKoreanAndEnglish(error!.message);
    expect(vendor.create).not.toHaveBeenCalled();
  });

  it('refuses a secret key with SECRET_KEY_IN_BROWSER', () => {
    const checkout = new TossPaymentWindow({ ...options, clientKey: 'test_sk_abc' }, null, fakeDriver().create);
    expect(checkout.getState().error?.code).toBe('SECRET_KEY_IN_BROWSER');
  });
});

describe('given a loaded payment window', () => {
  async function ready(defaultMethod: Parameters<TossPaymentWindow['select']>[0] | null = { type: 'card' }, extra: Partial<TossPaymentWindowOptions> = {}) {
    const vendor = fakeDriver();
    const checkout = new TossPaymentWindow({ ...options, ...extra }, defaultMethod, vendor.create);
    const unmount = checkout.mount();
    await tick();
    await tick();
    return { vendor, checkout, unmount };
  }

  it('derives canPay from a picked method and, where a checkbox is shown, the agreement', async () => {
    const { checkout } = await ready(null);
    expect(checkout.getState()).toMatchObject({ status: 'ready', canPay: false });
    checkout.select({ type: 'transfer' });
    expect(checkout.getState().canPay).toBe(true);
    checkout.setAgreementShown(true);
    expect(checkout.getState().canPay).toBe(false);
    checkout.setAgreed(true);
    expect(checkout.getState().canPay).toBe(true);
  });

  it('makes one vendor call for a double click, pending until it settles', async () => {
    const { checkout, vendor } = await ready();
    const first = checkout.requestPayment(order);
    const second = checkout.requestPayment(order);
    expect(second).toBe(first);
    expect(checkout.getState().status).toBe('pending');
    await tick();
    expect(vendor.requests).toHaveLength(1);
    expect(vendor.requests[0]!.slice(0, 3)).toEqual([order, money, { type: 'card' }]);
    vendor.answer({ status: 'redirecting', provider: 'toss', ...order, amount: 50000, currency: 'KRW' });
    await first;
    expect(checkout.getState().status).toBe('ready');
  });

  it('sends the latest amount, escrow and cash receipt with each request', async () => {
    const { checkout, vendor } = await ready({ type: 'virtualAccount' });
    checkout.update({ ...options, amount: 42000, escrow: { useEscrow: true }, cashReceipt: { type: '지출증빙' } });
    void checkout.requestPayment(order);
    await tick();
    expect(vendor.requests[0]!.slice(1, 4)).toEqual([{ value: 42000, currency: 'KRW' }, { type: 'virtualAccount' }, { escrow: { useEscrow: true }, cashReceipt: { type: '지출증빙' } }]);
  });

  it('turns a bad order into a fail result with a CheckoutError, without a vendor call', async () => {
    const { checkout, vendor } = await ready();
    const result = await checkout.requestPayment({ orderId: 'no', orderName: 'x' });
    expect(result).toMatchObject({ status: 'fail', error: { code: 'INVALID_ORDER_ID' } });
    const phone = await checkout.requestPayment({ ...order, customerMobilePhone: '010-1234-5678' });
    expect(phone).toMatchObject({ status: 'fail', error: { code: 'INVALID_OPTION' } });
    expect(vendor.requests).toHaveLength(0);
  });

  it('closes the open window (payment.destroy) when unmounted mid-request, but not for a StrictMode remount', async () => {
    const { checkout, vendor, unmount } = await ready();
    const paying = checkout.requestPayment(order);
    unmount();
    const remount = checkout.mount();
    await tick();
    expect(vendor.driver.destroy).not.toHaveBeenCalled();
    remount();
    await tick();
    expect(vendor.driver.destroy).toHaveBeenCalledTimes(1);
    await expect(paying).resolves.toMatchObject({ status: 'fail', code: 'PAYMENT_REQUEST_ABORTED' });
  });
});

describe('given the method picker', () => {
  it('maps our methods to payment-window methods, and a wallet to the DIRECT card flow', () => {
    expect(toTossPaymentMethod({ type: 'card' })).toEqual({ method: 'CARD' });
    expect(toTossPaymentMethod({ type: 'transfer' })).toEqual({ method: 'TRANSFER' });
    expect(toTossPaymentMethod({ type: 'virtualAccount' })).toEqual({ method: 'VIRTUAL_ACCOUNT' });
    expect(toTossPaymentMethod({ type: 'mobile' })).toEqual({ method: 'MOBILE_PHONE' });
    expect(toTossPaymentMethod({ type: 'easyPay' })).toEqual({ method: 'CARD' });
    expect(toTossPaymentMethod({ type: 'easyPay', provider: 'SSGPAY' })).toEqual({ method: 'CARD', easyPay: 'SSG' });
  });

  it('refuses a wallet Toss cannot open directly, with INVALID_OPTION', () => {
    const error = expectCode(() => toTossPaymentMethod({ type: 'easyPay', provider: 'TOSS_BRANDPAY' }), 'INVALID_OPTION');
    expectKoreanAndEnglish(error.message);
    expectCode(() => toTossPaymentMethod({ type: 'cash' } as never), 'INVALID_OPTION');
  });

  it("builds the request with escrow and the cash receipt in the picked method's section only", () => {
    const urls = { successUrl: 'https://shop.test/ok', failUrl: 'https://shop.test/fail' };
    const extras = { escrow: { useEscrow: true }, cashReceipt: { type: '소득공제' as const } };
    expect(tossPaymentRequest(order, money, { type: 'easyPay', provider: 'KAKAOPAY' }, extras, urls)).toEqual({
      method: 'CARD',
      amount: money,
      ...order,
      ...urls,
      card: { flowMode: 'DIRECT', easyPay: 'KAKAOPAY', useEscrow: true },
    });
    expect(tossPaymentRequest(order, money, { type: 'transfer' }, extras)).toMatchObject({ transfer: { useEscrow: true, cashReceipt: { type: '소득공제' } } });
    expect(tossPaymentRequest(order, money, { type: 'mobile' }, extras)).toEqual({ method: 'MOBILE_PHONE', amount: money, ...order });
    expect(tossPaymentRequest(order, money, { type: 'card' }, {})).toEqual({ method: 'CARD', amount: money, ...order });
  });
});
