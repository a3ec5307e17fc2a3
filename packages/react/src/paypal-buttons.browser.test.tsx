import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import { act, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enPayPal, PayPalButtons, type PayPalButtonsProps } from './portone.js';
import { axeViolations } from './test-utils/axe.js';
import { resetPage, scriptTags, vendorCalls } from './test-utils/sandbox.js';

const scriptSrc = sandboxScriptUrl('portone-v2');
const order = { orderId: 'paypal_order_0001', orderName: 'Green tea, 2 tins' };

function Shop(props: Partial<PayPalButtonsProps>) {
  return (
    <StrictMode>
      <PayPalButtons {...sandboxClientKeys.portone} scriptSrc={scriptSrc} order={order} amount={12.5} data-testid="paypal" {...props} />
    </StrictMode>
  );
}

const root = () => screen.getByTestId('paypal');
const payPalButton = () => document.querySelector<HTMLButtonElement>('[data-kcheckout-sandbox="paypal-buttons"] button');
const sandboxButtons = () => document.querySelectorAll('[data-kcheckout-sandbox="paypal-buttons"]');
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 60)));

beforeEach(resetPage);
afterEach(resetPage);

describe('given <PayPalButtons> on the PortOne sandbox under StrictMode', () => {
  it('loads one script and renders the PayPal buttons once, into its own .portone-ui-container', async () => {
    render(<Shop />);
    expect(root().dataset.state).toBe('loading');
    expect(screen.getByRole('status').textContent).toBe('PayPal 버튼을 불러오는 중…');
    await waitFor(() => expect(root().dataset.state).toBe('ready'));
    await settle();
    expect(scriptTags(scriptSrc)).toHaveLength(1);
    expect(vendorCalls('loadPaymentUI', 'portone-v2')).toHaveLength(1);
    expect(sandboxButtons()).toHaveLength(1);
    expect(payPalButton()!.closest('.portone-ui-container')!.parentElement).toBe(root());
    expect(vendorCalls('loadPaymentUI')[0]!.args[0]).toMatchObject({ uiType: 'PAYPAL_SPB', paymentId: order.orderId, totalAmount: 1250, currency: 'USD' });
    expect(await axeViolations(root())).toEqual([]);
  });

  it('sends ten amount changes as ten updates after one load, and PayPal charges the last amount', async () => {
    const { rerender } = render(<Shop />);
    await waitFor(() => expect(root().dataset.state).toBe('ready'));
    const button = payPalButton();
    for (let i = 1; i <= 10; i++) {
      rerender(<Shop amount={12.5 + i} />);
      await waitFor(() => expect(vendorCalls('updateLoadPaymentUIRequest')).toHaveLength(i));
      await settle();
    }
    expect(vendorCalls('loadPaymentUI')).toHaveLength(1);
    expect(vendorCalls('updateLoadPaymentUIRequest').map((call) => (call.args[0] as { totalAmount: number }).totalAmount)).toEqual([
      1350, 1450, 1550, 1650, 1750, 1850, 1950, 2050, 2150, 2250,
    ]);
    expect(payPalButton()).toBe(button);

    const paid: unknown[] = [];
    rerender(<Shop amount={22.5} onSuccess={(result) => paid.push(result)} />);
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    act(() => payPalButton()!.click());
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(paid[0]).toMatchObject({ status: 'success', provider: 'portone', orderId: order.orderId, paymentId: order.orderId, amount: 22.5, currency: 'USD' });
    expect(window.kcheckoutSandbox!.payments.at(-1)).toMatchObject({ amount: 2250, currency: 'USD', method: 'PAYPAL', status: 'approved' });
    expect(root().dataset.result).toBe('success');
  });

  it('reports a decline to onFail and a closed window to onCancel, once each', async () => {
    const failed: unknown[] = [];
    const cancelled: unknown[] = [];
    render(<Shop messages={enPayPal} onFail={(result) => failed.push(result)} onCancel={(result) => cancelled.push(result)} />);
    await waitFor(() => expect(root().dataset.state).toBe('ready'));
    window.kcheckoutSandbox!.nextOutcome = 'decline';
    act(() => payPalButton()!.click());
    await waitFor(() => expect(failed).toHaveLength(1));
    expect(failed[0]).toMatchObject({ status: 'fail', code: 'FAILURE_TYPE_PG', error: { code: 'VENDOR_ERROR' } });
    expect(root().dataset.result).toBe('fail');
    expect(screen.getByRole('status').textContent).toBe(enPayPal.fail);
    window.kcheckoutSandbox!.nextOutcome = 'cancel';
    act(() => payPalButton()!.click());
    await waitFor(() => expect(cancelled).toHaveLength(1));
    await settle();
    expect(failed).toHaveLength(1);
    expect(root().dataset.result).toBe('cancel');
    expect(await axeViolations(root())).toEqual([]);
  });

  it('leaves nothing behind on unmount: no buttons, no update, no callback', async () => {
    const paid: unknown[] = [];
    const { rerender, unmount } = render(<Shop onSuccess={(result) => paid.push(result)} />);
    await waitFor(() => expect(root().dataset.state).toBe('ready'));
    act(() => payPalButton()!.click());
    rerender(<Shop amount={30} onSuccess={(result) => paid.push(result)} />);
    unmount();
    expect(sandboxButtons()).toHaveLength(0);
    const approve = document.querySelector<HTMLButtonElement>('[data-kcheckout-sandbox="payment-window"] [data-outcome="approve"]');
    // PayPal's window outlives the page's component, as a real popup would; its answer goes nowhere.
    expect(approve).not.toBeNull();
    approve!.click();
    await settle();
    expect(paid).toEqual([]);
    expect(vendorCalls('updateLoadPaymentUIRequest')).toHaveLength(0);
  });

  it('unmounts during the load without rendering anywhere, and a new mount loads again', async () => {
    const { unmount } = render(<Shop />);
    await waitFor(() => expect(vendorCalls('loadPaymentUI')).toHaveLength(1));
    unmount();
    await settle();
    expect(sandboxButtons()).toHaveLength(0);
    render(<Shop />);
    await waitFor(() => expect(root().dataset.state).toBe('ready'));
    expect(vendorCalls('loadPaymentUI')).toHaveLength(2);
    expect(scriptTags(scriptSrc)).toHaveLength(1);
  });

  it('shows KRW as an error before any script loads', async () => {
    render(<Shop currency={'KRW' as 'USD'} amount={50000} />);
    expect(root().dataset.state).toBe('error');
    expect(screen.getByRole('alert').textContent).toContain('이 주문 금액은 PayPal로 결제할 수 없습니다.');
    await settle();
    expect(scriptTags(scriptSrc)).toHaveLength(0);
  });

  it('refuses a second <PayPalButtons> on the page with UI_CONTAINER_CONFLICT; the first keeps working', async () => {
    render(
      <StrictMode>
        <PayPalButtons {...sandboxClientKeys.portone} scriptSrc={scriptSrc} order={order} amount={12.5} data-testid="first" />
        <PayPalButtons {...sandboxClientKeys.portone} scriptSrc={scriptSrc} order={order} amount={12.5} data-testid="second" />
      </StrictMode>,
    );
    await waitFor(() => expect(screen.getByTestId('first').dataset.state).toBe('ready'));
    await waitFor(() => expect(screen.getByTestId('second').dataset.state).toBe('error'));
    expect(vendorCalls('loadPaymentUI')).toHaveLength(1);
    expect(sandboxButtons()).toHaveLength(1);
  });
});
