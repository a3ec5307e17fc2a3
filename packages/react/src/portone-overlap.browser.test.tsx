import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Agreement, Checkout, CheckoutButton, PaymentMethods } from './index.js';
import { resetPage, stateSandbox, vendorCalls } from './test-utils/sandbox.js';

const payButton = () => document.querySelector<HTMLButtonElement>('[data-kcheckout="checkout-button"]')!;

beforeEach(resetPage);
afterEach(resetPage);

// Integrators report that a second PortOne request while a window is open is not refused cleanly:
// the first promise may never settle. Here the stand-in does exactly that, so a checkout that let a
// second request through would hang in `pending` with no result.
describe('given PortOne V2 that abandons the first of two overlapping requests', () => {
  it('sends one request for a burst of clicks, and the result arrives', async () => {
    stateSandbox({ portoneOverlap: 'abandon-first' });
    const onSuccess = vi.fn();
    render(
      <StrictMode>
        <Checkout provider="portone" {...sandboxClientKeys.portone} scriptSrc={sandboxScriptUrl('portone-v2')} amount={39000} defaultMethod={{ type: 'card' }}>
          <PaymentMethods />
          <Agreement />
          <CheckoutButton order={{ orderName: '원두 1kg' }} onSuccess={onSuccess} />
        </Checkout>
      </StrictMode>,
    );
    await waitFor(() => expect(document.querySelector('[data-kcheckout="payment-methods"]')!.getAttribute('data-state')).toBe('ready'));
    fireEvent.click(document.querySelector<HTMLInputElement>('[data-kcheckout="agreement-checkbox"] input')!);
    await waitFor(() => expect(payButton().disabled).toBe(false));
    act(() => {
      payButton().click();
      payButton().click();
      payButton().click();
    });
    await waitFor(() => expect(document.querySelector('[data-kcheckout-sandbox="payment-window"]')).not.toBeNull());
    payButton().click();
    document.querySelector<HTMLButtonElement>('[data-kcheckout-sandbox="payment-window"] [data-outcome="approve"]')!.click();
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(vendorCalls('requestPayment')).toHaveLength(1);
    await waitFor(() => expect(payButton().getAttribute('data-state')).toBe('ready'));
  });
});
