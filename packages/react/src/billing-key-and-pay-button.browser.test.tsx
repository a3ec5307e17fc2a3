import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import { act, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BillingKeyAndPayButton, type BillingKeyAndPayButtonProps, enBillingKeyAndPay } from './portone.js';
import { axeViolations } from './test-utils/axe.js';
import { resetPage, scriptTags, vendorCalls } from './test-utils/sandbox.js';

const scriptSrc = sandboxScriptUrl('portone-v2');
const order = { orderId: 'first_charge_0001', orderName: '월간 구독 1개월' };

function Shop(props: Partial<BillingKeyAndPayButtonProps>) {
  return (
    <StrictMode>
      <BillingKeyAndPayButton {...sandboxClientKeys.portone} scriptSrc={scriptSrc} order={order} amount={9900} {...props} />
    </StrictMode>
  );
}

const button = () => document.querySelector<HTMLButtonElement>('[data-kcheckout="billing-key-and-pay-button"]')!;
const approveWindow = () => document.querySelector<HTMLButtonElement>('[data-kcheckout-sandbox="payment-window"] [data-outcome="approve"]');
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 60)));

beforeEach(resetPage);
afterEach(resetPage);

describe('given <BillingKeyAndPayButton> on the PortOne sandbox under StrictMode', () => {
  it('loads one script, shows the amount once ready, and reports the issued key and first payment to onSuccess', async () => {
    const paid: unknown[] = [];
    render(<Shop onSuccess={(result) => paid.push(result)} />);
    expect(button().dataset.state).toBe('loading');
    await waitFor(() => expect(button().dataset.state).toBe('ready'));
    expect(button().textContent).toBe('9,900원 결제하고 자동결제 등록');
    expect(scriptTags(scriptSrc)).toHaveLength(1);
    expect(await axeViolations(document.body)).toEqual([]);
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    act(() => button().click());
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(paid[0]).toMatchObject({ status: 'success', orderId: order.orderId, paymentId: order.orderId, billingKey: expect.stringMatching(/^billing-key-/), amount: 9900, currency: 'KRW' });
    expect(vendorCalls('requestIssueBillingKeyAndPay')[0]!.args[0]).toMatchObject({ paymentId: order.orderId, totalAmount: 9900, currency: 'KRW', billingKeyAndPayMethod: 'MOBILE' });
    expect(screen.getByRole('status').dataset.result).toBe('success');
  });

  it('sends one vendor call for a double click, and is pending (disabled) while the window is open', async () => {
    render(<Shop />);
    await waitFor(() => expect(button().dataset.state).toBe('ready'));
    act(() => {
      button().click();
      button().click();
    });
    await waitFor(() => expect(button().dataset.state).toBe('pending'));
    expect(button().disabled).toBe(true);
    expect(vendorCalls('requestIssueBillingKeyAndPay')).toHaveLength(1);
    act(() => approveWindow()!.click());
    await waitFor(() => expect(button().dataset.state).toBe('ready'));
    expect(vendorCalls('requestIssueBillingKeyAndPay')).toHaveLength(1);
  });

  it('reports a decline to onFail and a closed window to onCancel, with the buyer copy', async () => {
    const failed: unknown[] = [];
    const cancelled: unknown[] = [];
    render(<Shop messages={enBillingKeyAndPay} onFail={(result) => failed.push(result)} onCancel={(result) => cancelled.push(result)} />);
    await waitFor(() => expect(button().dataset.state).toBe('ready'));
    expect(button().textContent).toBe('Pay ₩9,900 and subscribe');
    window.kcheckoutSandbox!.nextOutcome = 'decline';
    act(() => button().click());
    await waitFor(() => expect(failed).toHaveLength(1));
    expect(failed[0]).toMatchObject({ status: 'fail', code: 'FAILURE_TYPE_PG' });
    expect(screen.getByRole('status').textContent).toBe(enBillingKeyAndPay.fail);
    window.kcheckoutSandbox!.nextOutcome = 'cancel';
    act(() => button().click());
    await waitFor(() => expect(cancelled).toHaveLength(1));
    expect(screen.getByRole('status').textContent).toBe(enBillingKeyAndPay.cancel);
  });

  it('leaves nothing behind on unmount during the request: the answer reaches no callback', async () => {
    const paid: unknown[] = [];
    const { unmount } = render(<Shop onSuccess={(result) => paid.push(result)} />);
    await waitFor(() => expect(button().dataset.state).toBe('ready'));
    act(() => button().click());
    await waitFor(() => expect(approveWindow()).not.toBeNull());
    unmount();
    act(() => approveWindow()!.click());
    await settle();
    expect(paid).toEqual([]);
    expect(vendorCalls('requestIssueBillingKeyAndPay')).toHaveLength(1);
  });

  it('shows an invalid order as an error next to a disabled button, and never calls the vendor', async () => {
    render(<Shop order={{ orderId: 'bad id', orderName: '월간 구독' }} />);
    await settle();
    expect(button().dataset.state).toBe('error');
    expect(button().disabled).toBe(true);
    expect(screen.getByRole('alert').dataset.code).toBe('INVALID_ORDER_ID');
    expect(vendorCalls('requestIssueBillingKeyAndPay')).toHaveLength(0);
  });

  it('shows a script that fails to load as an error with a retry', async () => {
    render(<Shop scriptSrc="/missing-portone.js" retries={0} />);
    await waitFor(() => expect(button().dataset.state).toBe('error'));
    expect(screen.getByRole('alert').textContent).toContain('결제를 준비하지 못했습니다.');
    expect(screen.getByRole('button', { name: '다시 시도' })).toBeTruthy();
  });
});
