import { describe, expect, it, vi } from 'vitest';
import { expectKoreanAndEnglish } from '../test-utils/checkout-error.js';
import { type TossBillingAuthResult, type TossBillingDriver, TossBilling, type TossBillingOptions } from './toss-billing.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const options: TossBillingOptions = { clientKey: 'test_ck_abc', customerKey: 'buyer_1' };
const urls = { successUrl: 'https://shop.test/billing', failUrl: 'https://shop.test/billing' };

// A fake vendor: no script, no React; each request waits until the test answers it.
function fakeDriver() {
  const requests: unknown[][] = [];
  let answer: (result: TossBillingAuthResult) => void = () => {};
  const driver: TossBillingDriver = {
    requestBillingAuth: vi.fn((...args: unknown[]) => {
      requests.push(args);
      return new Promise<TossBillingAuthResult>((resolve) => (answer = resolve));
    }),
    destroy: vi.fn(() => answer({ provider: 'toss', status: 'fail', code: 'PAYMENT_REQUEST_ABORTED', message: '', raw: null })),
  };
  const create = vi.fn(async () => driver);
  return { driver, create, requests, answer: (result: TossBillingAuthResult) => answer(result) };
}

async function ready(extra: Partial<TossBillingOptions> = {}) {
  const vendor = fakeDriver();
  const billing = new TossBilling({ ...options, ...extra }, { type: 'card' }, vendor.create);
  const unmount = billing.mount();
  await tick();
  await tick();
  return { vendor, billing, unmount };
}

describe('given the billing key rules', () => {
  it('refuses a widget key with INVALID_KEY naming the API individual key, before any script loads', async () => {
    const vendor = fakeDriver();
    const billing = new TossBilling({ ...options, clientKey: 'test_gck_abc' }, null, vendor.create);
    billing.mount();
    await tick();
    expect(billing.getState()).toMatchObject({ status: 'error', canPay: false });
    expect(billing.getState().error?.message).toContain('test_ck_');
    expect(vendor.create).not.toHaveBeenCalled();
  });

  it('refuses ANONYMOUS with INVALID_OPTION: the billing key belongs to one customer', () => {
    const billing = new TossBilling({ ...options, customerKey: '@@ANONYMOUS' }, null, fakeDriver().create);
    const { error } = billing.getState();
    expect(error?.code).toBe('INVALID_OPTION');
    expect(error?.message).toContain('ANONYMOUS');
    expectKoreanAndEnglish(error!.message);
  });

  it('refuses a secret key with SECRET_KEY_IN_BROWSER', () => {
    expect(new TossBilling({ ...options, clientKey: 'test_sk_abc' }, null, fakeDriver().create).getState().error?.code).toBe('SECRET_KEY_IN_BROWSER');
  });
});

describe('given a loaded billing session', () => {
  it('derives canPay from a method Toss registers (card, transfer) and the agreement where shown', async () => {
    const { billing } = await ready();
    expect(billing.getState()).toMatchObject({ status: 'ready', canPay: true, selected: { type: 'card' } });
    billing.select({ type: 'virtualAccount' });
    expect(billing.getState().canPay).toBe(false);
    billing.select({ type: 'transfer' });
    billing.setAgreementShown(true);
    expect(billing.getState().canPay).toBe(false);
    billing.setAgreed(true);
    expect(billing.getState().canPay).toBe(true);
  });

  it('sends CARD or TRANSFER with both URLs and the buyer fields; a double click is one vendor call', async () => {
    const { billing, vendor } = await ready();
    billing.select({ type: 'transfer' });
    const first = billing.requestBillingAuth(urls, { customerName: '김토스' });
    const second = billing.requestBillingAuth(urls, { customerName: '김토스' });
    expect(second).toBe(first);
    expect(billing.getState().status).toBe('pending');
    expect(vendor.requests).toEqual([['TRANSFER', urls, { customerName: '김토스' }]]);
    vendor.answer({ provider: 'toss', status: 'redirecting' });
    await expect(first).resolves.toEqual({ provider: 'toss', status: 'redirecting' });
    expect(billing.getState().status).toBe('ready');
  });

  it('is a fail result with REDIRECT_URL_REQUIRED without URLs, and INVALID_OPTION for a method Toss cannot register, before the vendor', async () => {
    const { billing, vendor } = await ready();
    const noUrls = await billing.requestBillingAuth(undefined);
    expect(noUrls).toMatchObject({ status: 'fail', code: 'REDIRECT_URL_REQUIRED' });
    const phone = await billing.requestBillingAuth(urls, {}, { type: 'mobile' });
    expect(phone).toMatchObject({ status: 'fail', code: 'INVALID_OPTION' });
    const longName = await billing.requestBillingAuth(urls, { customerName: 'x'.repeat(101) });
    expect(longName).toMatchObject({ status: 'fail', code: 'INVALID_OPTION' });
    expect(vendor.requests).toEqual([]);
  });

  it('closes the open window (payment.destroy) on a real unmount, not on StrictMode’s unmount and remount', async () => {
    const { billing, vendor, unmount } = await ready();
    void billing.requestBillingAuth(urls);
    unmount();
    const remount = billing.mount();
    await tick();
    expect(vendor.driver.destroy).not.toHaveBeenCalled();
    remount();
    await tick();
    expect(vendor.driver.destroy).toHaveBeenCalledTimes(1);
  });
});
