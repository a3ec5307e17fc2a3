import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDevice } from '../../../test/sandbox-page.js';
import { Checkout, CheckoutButton, PaymentMethods, tossV1, type CheckoutButtonProps } from './index.js';
import { clientKey, resetPage, scriptSrcFor, vendorCalls } from './test-utils/sandbox.js';

type Sdk = 'v1' | 'v2';

function Shop({ sdk, ...button }: { sdk: Sdk } & Partial<CheckoutButtonProps>) {
  return (
    <StrictMode>
      <Checkout provider="toss" clientKey={clientKey} customerKey="buyer_1" amount={50000} sdk={sdk === 'v1' ? tossV1 : 'v2'} scriptSrc={scriptSrcFor(sdk)}>
        <PaymentMethods />
        <CheckoutButton order={{ orderName: '생수 외 1건' }} {...button} />
      </Checkout>
    </StrictMode>
  );
}

const button = () => screen.getByRole('button', { name: /결제/ }) as HTMLButtonElement;

beforeEach(resetPage);
afterEach(resetPage);

describe.each<Sdk>(['v2', 'v1'])('given the Toss %s sandbox on a phone (a mobile user agent)', (sdk) => {
  beforeEach(() => useDevice('mobile'));

  it('refuses a button without result URLs with REDIRECT_URL_REQUIRED before any payment request', async () => {
    const onFail = vi.fn();
    render(<Shop sdk={sdk} onFail={onFail} />);
    await waitFor(() => expect(button().disabled).toBe(false));
    fireEvent.click(button());
    await waitFor(() => expect(onFail).toHaveBeenCalledTimes(1));
    expect(onFail.mock.calls[0]![0]).toMatchObject({ status: 'fail', code: 'REDIRECT_URL_REQUIRED', provider: 'toss' });
    expect(onFail.mock.calls[0]![0].error.code).toBe('REDIRECT_URL_REQUIRED');
    expect(vendorCalls('requestPayment')).toHaveLength(0);
    await waitFor(() => expect(button().disabled).toBe(false));
  });

  it('redirects to successUrl when the button has result URLs', async () => {
    const navigate = vi.fn();
    window.kcheckoutSandbox!.navigate = navigate;
    render(<Shop sdk={sdk} successUrl="/done?step=2" failUrl="/fail" />);
    await waitFor(() => expect(button().disabled).toBe(false));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(button());
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    const url = new URL(navigate.mock.calls[0]![0] as string);
    expect(url.pathname).toBe('/done');
    expect(url.searchParams.get('paymentKey')).toMatch(/^tsbx/);
  });

  it('redirects with one redirectUrl for both outcomes', async () => {
    const navigate = vi.fn();
    window.kcheckoutSandbox!.navigate = navigate;
    render(<Shop sdk={sdk} redirectUrl="/result" />);
    await waitFor(() => expect(button().disabled).toBe(false));
    window.kcheckoutSandbox!.nextOutcome = 'cancel';
    fireEvent.click(button());
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    expect(new URL(navigate.mock.calls[0]![0] as string).searchParams.get('code')).toBe('PAY_PROCESS_CANCELED');
  });
});

describe('given the Toss v2 sandbox on a PC', () => {
  it('pays in promise mode without result URLs', async () => {
    await useDevice('pc');
    const onSuccess = vi.fn();
    render(<Shop sdk="v2" onSuccess={onSuccess} />);
    await waitFor(() => expect(button().disabled).toBe(false));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(button());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
  });
});
