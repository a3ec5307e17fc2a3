import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Checkout, CheckoutButton, PaymentMethods, tossV1, type CheckoutButtonProps } from './index.js';
import { clientKey, resetPage, scriptSrcFor, vendorCalls } from './test-utils/sandbox.js';

type Sdk = 'v1' | 'v2';

function Shop({ sdk, order, currency = 'KRW', amount = 50000, ...button }: { sdk: Sdk; order: CheckoutButtonProps['order']; currency?: 'KRW' | 'USD'; amount?: number } & Partial<CheckoutButtonProps>) {
  return (
    <StrictMode>
      <Checkout provider="toss" clientKey={clientKey} customerKey="buyer_1" amount={amount} currency={currency} sdk={sdk === 'v1' ? tossV1 : 'v2'} scriptSrc={scriptSrcFor(sdk)}>
        <PaymentMethods />
        <CheckoutButton order={order} {...button} />
      </Checkout>
    </StrictMode>
  );
}

const button = () => screen.getByRole('button', { name: /결제/ }) as HTMLButtonElement;


beforeEach(resetPage);
afterEach(resetPage);

describe.each<Sdk>(['v2', 'v1'])('given the Toss %s sandbox, which refuses malformed buyer fields', (sdk) => {
  it.each([
    ['a phone number with dashes', { customerMobilePhone: '010-1234-5678' }],
    ['a phone number of 7 digits', { customerMobilePhone: '0101234' }],
    ['a phone number of 16 digits', { customerMobilePhone: '0'.repeat(16) }],
    ['an email of 101 characters', { customerEmail: `${'a'.repeat(93)}@shop.kr` }],
    ['a name of 101 characters', { customerName: '가'.repeat(101) }],
  ])('refuses %s with INVALID_OPTION before any payment request', async (_case, fields) => {
    const onFail = vi.fn();
    render(<Shop sdk={sdk} order={{ orderName: '생수', ...fields }} onFail={onFail} />);
    await waitFor(() => expect(button().disabled).toBe(false));
    window.kcheckoutSandbox!.nextOutcome = 'cancel';
    fireEvent.click(button());
    await waitFor(() => expect(onFail).toHaveBeenCalledTimes(1));
    expect(onFail.mock.calls[0]![0]).toMatchObject({ status: 'fail', code: 'INVALID_OPTION', provider: 'toss' });
    expect(onFail.mock.calls[0]![0].error.message).toContain(Object.keys(fields)[0]);
    expect(vendorCalls('requestPayment')).toHaveLength(0);
  });

  it('forwards well-formed buyer fields at their limits, and the vendor takes them', async () => {
    const onSuccess = vi.fn();
    const customer = { customerMobilePhone: '01012345678', customerEmail: `${'a'.repeat(92)}@shop.kr`, customerName: '가'.repeat(100) };
    render(<Shop sdk={sdk} order={{ orderName: '생수', ...customer }} onSuccess={onSuccess} />);
    await waitFor(() => expect(button().disabled).toBe(false));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(button());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(vendorCalls('requestPayment')[0]!.args[0]).toMatchObject(customer);
  });
});

describe('given a USD amount on the Toss v2 sandbox', () => {
  it('pays with PayPal, the one method the widget offers for USD', async () => {
    const onSuccess = vi.fn();
    render(<Shop sdk="v2" currency="USD" amount={12.5} order={{ orderName: 'Water' }} onSuccess={onSuccess} />);
    await waitFor(() => expect(button().disabled).toBe(false));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(button());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ amount: 12.5, currency: 'USD' });
  });

  it('refuses USD for a KRW-only method the buyer picked (transfer) before any payment request', async () => {
    const onFail = vi.fn();
    const { rerender } = render(<Shop sdk="v2" order={{ orderName: 'Water' }} onFail={onFail} />);
    await waitFor(() => expect(button().disabled).toBe(false));
    document.querySelector<HTMLInputElement>('[data-kcheckout-sandbox="payment-methods"] input[value="TRANSFER"]')!.click();
    rerender(<Shop sdk="v2" currency="USD" amount={12.5} order={{ orderName: 'Water' }} onFail={onFail} />);
    await waitFor(() => expect(button().disabled).toBe(false));
    fireEvent.click(button());
    await waitFor(() => expect(onFail).toHaveBeenCalledTimes(1));
    expect(onFail.mock.calls[0]![0]).toMatchObject({ status: 'fail', code: 'INVALID_OPTION' });
    expect(onFail.mock.calls[0]![0].error.message).toContain('PayPal');
    expect(vendorCalls('requestPayment')).toHaveLength(0);
  });
});

describe.each<Sdk>(['v2', 'v1'])('given a variantKey the Toss %s console does not know', (sdk) => {
  it("shows the vendor's INVALID_VARIANT_KEY as the widget's error, and the button stays disabled", async () => {
    render(
      <StrictMode>
        <Checkout provider="toss" clientKey={clientKey} customerKey="buyer_1" amount={50000} variantKey="NO_SUCH_VARIANT" sdk={sdk === 'v1' ? tossV1 : 'v2'} scriptSrc={scriptSrcFor(sdk)}>
          <PaymentMethods />
          <CheckoutButton order={{ orderName: '생수' }} />
        </Checkout>
      </StrictMode>,
    );
    await waitFor(() => expect(document.querySelector('[data-kcheckout="payment-methods"]')!.getAttribute('data-state')).toBe('error'));
    expect(screen.getByRole('alert').textContent).toContain('결제를 준비하지 못했습니다.');
    expect(button().disabled).toBe(true);
    expect(vendorCalls('requestPayment')).toHaveLength(0);
  });
});
