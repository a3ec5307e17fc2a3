import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CheckoutError, type PaymentOrder } from '@kcheckout/core';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Agreement, Checkout, CheckoutButton, type CheckoutButtonProps, PaymentMethods } from './index.js';
import { agreeToTerms, clientKey, resetPage, scriptSrcFor, vendorCalls } from './test-utils/sandbox.js';

function Shop(button: Partial<CheckoutButtonProps>) {
  return (
    <Checkout provider="toss" clientKey={clientKey} customerKey="buyer_1" amount={50000} sdk="v2" scriptSrc={scriptSrcFor('v2')}>
      <PaymentMethods />
      <Agreement />
      <CheckoutButton order={{ orderId: 'shop_before_payment_1', orderName: '생수 외 1건' }} {...button} />
    </Checkout>
  );
}

const button = () => screen.getByRole('button', { name: /결제/ }) as HTMLButtonElement;

async function readyToPay() {
  await waitFor(() => expect(document.querySelector('[data-kcheckout="agreement"]')!.getAttribute('data-state')).toBe('ready'));
  agreeToTerms();
  await waitFor(() => expect(button().disabled).toBe(false));
}

beforeEach(resetPage);
afterEach(resetPage);

describe('given a CheckoutButton with beforePayment, on the Toss v2 sandbox under StrictMode', () => {
  it('runs beforePayment once per press, before the vendor’s requestPayment, and shows pending while it runs', async () => {
    const seen: Array<{ order: PaymentOrder; requestsSoFar: number }> = [];
    let finish!: () => void;
    const beforePayment = vi.fn((order: PaymentOrder) => {
      seen.push({ order, requestsSoFar: vendorCalls('requestPayment').length });
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const onSuccess = vi.fn();
    render(<StrictMode><Shop beforePayment={beforePayment} onSuccess={onSuccess} /></StrictMode>);
    await readyToPay();
    window.kcheckoutSandbox!.nextOutcome = 'approve';

    fireEvent.click(button());
    fireEvent.click(button());
    await waitFor(() => expect(button().getAttribute('data-state')).toBe('pending'));
    expect(button().disabled).toBe(true);
    expect(vendorCalls('requestPayment')).toHaveLength(0);

    finish();
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(beforePayment).toHaveBeenCalledTimes(1);
    expect(seen[0]).toMatchObject({ order: { orderId: 'shop_before_payment_1', orderName: '생수 외 1건' }, requestsSoFar: 0 });
    expect(vendorCalls('requestPayment')).toHaveLength(1);
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ status: 'success', orderId: 'shop_before_payment_1', amount: 50000 });
  });

  it('keeps the window closed and reports BEFORE_PAYMENT_FAILED with the cause when beforePayment rejects', async () => {
    const cause = new Error('409 ORDER_CHANGED');
    const onFail = vi.fn();
    const onSuccess = vi.fn();
    render(<StrictMode><Shop beforePayment={() => Promise.reject(cause)} onFail={onFail} onSuccess={onSuccess} /></StrictMode>);
    await readyToPay();
    window.kcheckoutSandbox!.nextOutcome = 'approve';

    fireEvent.click(button());
    await waitFor(() => expect(onFail).toHaveBeenCalledTimes(1));
    const result = onFail.mock.calls[0]![0];
    expect(result).toMatchObject({ status: 'fail', provider: 'toss', orderId: 'shop_before_payment_1', code: 'BEFORE_PAYMENT_FAILED' });
    expect(result.error).toBeInstanceOf(CheckoutError);
    expect(result.error.code).toBe('BEFORE_PAYMENT_FAILED');
    expect(result.error.cause).toBe(cause);
    expect(vendorCalls('requestPayment')).toHaveLength(0);
    expect(onSuccess).not.toHaveBeenCalled();
    // The buyer can press again once the page is fixed.
    await waitFor(() => expect(button().disabled).toBe(false));
    expect(button().getAttribute('data-state')).toBe('ready');
  });

  it('passes on a CheckoutError that beforePayment throws itself', async () => {
    const own = new CheckoutError('INVALID_AMOUNT', 'The price changed; reload the page.');
    const onFail = vi.fn();
    render(<StrictMode><Shop beforePayment={() => { throw own; }} onFail={onFail} /></StrictMode>);
    await readyToPay();

    fireEvent.click(button());
    await waitFor(() => expect(onFail).toHaveBeenCalledTimes(1));
    expect(onFail.mock.calls[0]![0]).toMatchObject({ code: 'INVALID_AMOUNT' });
    expect(onFail.mock.calls[0]![0].error).toBe(own);
    expect(vendorCalls('requestPayment')).toHaveLength(0);
  });
});
