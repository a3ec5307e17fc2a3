import { recallOrder } from '@kcheckout/core';
import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { useDevice } from '../../../test/sandbox-page.js';
import { Agreement, CheckoutButton, type CheckoutButtonProps, PaymentMethods, PaymentWindowCheckout, type PaymentWindowCheckoutProps, useTossPaymentWindow } from './toss.js';
import { resetPage, scriptTags, vendorCalls } from './test-utils/sandbox.js';
import { axeViolations } from './test-utils/axe.js';

const src = () => sandboxScriptUrl('toss-v2');
const base = () => ({ clientKey: sandboxClientKeys.tossApi, customerKey: 'buyer_1', amount: 39000, scriptSrc: src() });

function Shop({ checkout, button, agreement = false }: { checkout?: Partial<PaymentWindowCheckoutProps>; button?: Partial<CheckoutButtonProps>; agreement?: boolean }) {
  return (
    <StrictMode>
      <main>
        <PaymentWindowCheckout {...base()} {...checkout}>
          <PaymentMethods />
          {agreement && <Agreement />}
          <CheckoutButton order={{ orderName: '원두 1kg 정기배송' }} {...button} />
        </PaymentWindowCheckout>
      </main>
    </StrictMode>
  );
}

const payButton = () => document.querySelector<HTMLButtonElement>('[data-kcheckout="checkout-button"]')!;
const methods = () => document.querySelector('[data-kcheckout="payment-methods"]')!;
const radio = (key: string) => document.querySelector<HTMLInputElement>(`[data-method="${key}"] input`)!;
const windowOpen = () => document.querySelector('[data-kcheckout-sandbox="payment-window"]');
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const ready = () => waitFor(() => expect(methods().getAttribute('data-state')).toBe('ready'));

beforeEach(async () => {
  await resetPage();
  await useDevice('pc');
});
afterEach(resetPage);

describe('given <PaymentWindowCheckout> on the sandbox under StrictMode', () => {
  it('loads one script, makes one payment() object, and offers our method picker', async () => {
    render(<Shop />);
    expect(methods().getAttribute('data-state')).toBe('loading');
    await ready();
    expect(scriptTags(src())).toHaveLength(1);
    expect(vendorCalls('payment', 'toss-v2')).toHaveLength(1);
    const labels = Array.from(screen.getByRole('group', { name: '결제수단' }).querySelectorAll('label')).map((label) => label.textContent?.trim());
    expect(labels).toEqual(['신용·체크카드', '카카오페이', '네이버페이', '토스페이', '계좌이체', '가상계좌', '휴대폰']);
    expect(payButton().disabled).toBe(true);
    fireEvent.click(radio('card'));
    await waitFor(() => expect(payButton().disabled).toBe(false));
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('makes one vendor request for a double click, and reports the approved payment with its paymentKey', async () => {
    const onSuccess = vi.fn();
    render(<Shop checkout={{ defaultMethod: { type: 'card' } }} button={{ onSuccess }} />);
    await ready();
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    act(() => {
      payButton().click();
      payButton().click();
    });
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(vendorCalls('payment.requestPayment', 'toss-v2')).toHaveLength(1);
    const result = onSuccess.mock.calls[0]![0];
    expect(result).toMatchObject({ status: 'success', provider: 'toss', amount: 39000, currency: 'KRW', paymentKey: expect.stringMatching(/^tsbx/) });
    expect(recallOrder(result.orderId)).toMatchObject({ amount: 39000, currency: 'KRW', provider: 'toss' });
  });

  it("opens a wallet's own window (flowMode DIRECT + easyPay) and passes escrow through", async () => {
    render(<Shop checkout={{ defaultMethod: { type: 'easyPay', provider: 'KAKAOPAY' }, escrow: { useEscrow: true } }} />);
    await ready();
    window.kcheckoutSandbox!.nextOutcome = 'cancel';
    fireEvent.click(payButton());
    await waitFor(() => expect(vendorCalls('payment.requestPayment', 'toss-v2')).toHaveLength(1));
    expect(vendorCalls('payment.requestPayment', 'toss-v2')[0]!.args[0]).toMatchObject({
      method: 'CARD',
      amount: { value: 39000, currency: 'KRW' },
      card: { flowMode: 'DIRECT', easyPay: 'KAKAOPAY', useEscrow: true },
    });
  });

  it('passes a cash receipt with a transfer', async () => {
    render(<Shop checkout={{ defaultMethod: { type: 'transfer' }, cashReceipt: { type: '소득공제' } }} />);
    await ready();
    window.kcheckoutSandbox!.nextOutcome = 'cancel';
    fireEvent.click(payButton());
    await waitFor(() => expect(vendorCalls('payment.requestPayment', 'toss-v2')).toHaveLength(1));
    expect(vendorCalls('payment.requestPayment', 'toss-v2')[0]!.args[0]).toMatchObject({ method: 'TRANSFER', transfer: { cashReceipt: { type: '소득공제' } } });
  });

  it('leaves for successUrl with amount, orderId and paymentKey, as the confirm path reads them', async () => {
    const navigations: string[] = [];
    render(<Shop checkout={{ defaultMethod: { type: 'card' } }} button={{ successUrl: '/pay/success', failUrl: '/pay/fail' }} />);
    await ready();
    window.kcheckoutSandbox!.navigate = (url) => navigations.push(url);
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(payButton());
    await waitFor(() => expect(navigations).toHaveLength(1));
    const url = new URL(navigations[0]!);
    expect(url.pathname).toBe('/pay/success');
    expect(url.searchParams.get('amount')).toBe('39000');
    expect(url.searchParams.get('paymentKey')).toMatch(/^tsbx/);
  });

  it('shows INVALID_KEY for a widget key, before any script loads', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    onTestFinished(() => spy.mockRestore());
    render(<Shop checkout={{ clientKey: sandboxClientKeys.toss }} />);
    await waitFor(() => expect(methods().getAttribute('data-state')).toBe('error'));
    expect(scriptTags(src())).toHaveLength(0);
    expect(screen.getAllByRole('alert')[0]!.getAttribute('data-code')).toBe('INVALID_KEY');
    expect(String(spy.mock.calls[0]?.[0])).toContain('test_ck_');
  });

  it('closes the open window when unmounted mid-request, and leaves no state update behind', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const { unmount } = render(<Shop checkout={{ defaultMethod: { type: 'card' } }} />);
    await ready();
    fireEvent.click(payButton());
    await waitFor(() => expect(windowOpen()).not.toBeNull());
    unmount();
    await settle();
    expect(windowOpen()).toBeNull();
    expect(vendorCalls('payment.destroy', 'toss-v2')).toHaveLength(1);
    expect(window.kcheckoutSandbox!.payments).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it('waits for the agreement checkbox where one is shown', async () => {
    render(<Shop checkout={{ defaultMethod: { type: 'card' } }} agreement />);
    await ready();
    expect(payButton().disabled).toBe(true);
    fireEvent.click(document.querySelector<HTMLInputElement>('[data-kcheckout="agreement-checkbox"] input')!);
    await waitFor(() => expect(payButton().disabled).toBe(false));
  });
});

describe('given useTossPaymentWindow() alone', () => {
  it('resolves a promise-mode result and is ready again after it', async () => {
    const { result } = renderHook(() => useTossPaymentWindow({ ...base(), defaultMethod: { type: 'mobile' } }), { wrapper: StrictMode });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    window.kcheckoutSandbox!.nextOutcome = 'decline';
    let settled: unknown;
    await act(async () => {
      settled = await result.current.requestPayment({ orderId: 'order_12345', orderName: '충전 1만원' });
    });
    expect(settled).toMatchObject({ status: 'fail', code: 'REJECT_CARD_COMPANY' });
    expect(vendorCalls('payment.requestPayment', 'toss-v2')[0]!.args[0]).toMatchObject({ method: 'MOBILE_PHONE' });
    expect(result.current.status).toBe('ready');
  });
});
