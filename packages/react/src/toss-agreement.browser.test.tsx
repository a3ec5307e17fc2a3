import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Agreement, Checkout, CheckoutButton, en, PaymentMethods, tossV1, type CheckoutButtonProps, type CheckoutMessages } from './index.js';
import { agreeToTerms, clientKey, resetPage, scriptSrcFor, stateSandbox, vendorCalls } from './test-utils/sandbox.js';

type Sdk = 'v1' | 'v2';

function Shop({ sdk, messages, ...button }: { sdk: Sdk; messages?: CheckoutMessages } & Partial<CheckoutButtonProps>) {
  return (
    <StrictMode>
      <Checkout provider="toss" clientKey={clientKey} customerKey="buyer_1" amount={50000} sdk={sdk === 'v1' ? tossV1 : 'v2'} scriptSrc={scriptSrcFor(sdk)} messages={messages}>
        <PaymentMethods />
        <Agreement />
        <CheckoutButton order={{ orderName: '생수 외 1건' }} {...button} />
      </Checkout>
    </StrictMode>
  );
}

const button = () => screen.getByRole('button', { name: /결제|Pay/ }) as HTMLButtonElement;
const notice = () => document.querySelector('[data-kcheckout="checkout-button"] + [data-kcheckout="error"]');

async function rendered() {
  await waitFor(() => expect(document.querySelector('[data-kcheckout="agreement"]')!.getAttribute('data-state')).toBe('ready'));
  await waitFor(() => expect(document.querySelector('[data-kcheckout-sandbox="payment-methods"]')).not.toBeNull());
}

beforeEach(resetPage);
afterEach(resetPage);

// The vendor documents change events only; whether the terms widget reports at render, or shows the
// term ticked without a word, is not (packages/sandbox/README.md). The button must work in all three.
describe('given the Toss v2 terms widget that reports nothing until the buyer clicks (the default)', () => {
  it('lets the buyer press, shows the vendor refusal NEED_AGREEMENT_WITH_REQUIRED_TERMS as buyer copy, and pays once the terms are ticked', async () => {
    const onFail = vi.fn();
    const onSuccess = vi.fn();
    render(<Shop sdk="v2" onFail={onFail} onSuccess={onSuccess} />);
    await rendered();
    await waitFor(() => expect(button().disabled).toBe(false));

    fireEvent.click(button());
    await waitFor(() => expect(onFail).toHaveBeenCalledTimes(1));
    expect(onFail.mock.calls[0]![0]).toMatchObject({ status: 'fail', code: 'NEED_AGREEMENT_WITH_REQUIRED_TERMS' });
    expect(screen.getByRole('alert').textContent).toBe('필수 약관에 동의해 주세요.');
    // Now the state is known: unticked.
    expect(button().disabled).toBe(true);

    agreeToTerms();
    await waitFor(() => expect(button().disabled).toBe(false));
    expect(notice()).toBeNull();
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(button());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(vendorCalls('requestPayment')).toHaveLength(2);
  });

  it('says it in English with messages={en}', async () => {
    render(<Shop sdk="v2" messages={en} />);
    await rendered();
    await waitFor(() => expect(button().disabled).toBe(false));
    fireEvent.click(button());
    await waitFor(() => expect(notice()?.textContent).toBe('Please agree to the required terms.'));
  });
});

describe('given a Toss v2 terms widget that reports its status at render', () => {
  it('keeps the button disabled until the buyer ticks the terms, and never meets the refusal', async () => {
    stateSandbox({ agreementEmitsAtRender: true });
    render(<Shop sdk="v2" />);
    await rendered();
    await waitFor(() => expect(vendorCalls('agreementWidget.on')).toHaveLength(1));
    await waitFor(() => expect(button().disabled).toBe(true));
    expect(document.querySelector('[data-kcheckout="agreement"]')!.hasAttribute('data-agreed')).toBe(false);
    agreeToTerms();
    await waitFor(() => expect(button().disabled).toBe(false));
    expect(vendorCalls('requestPayment')).toHaveLength(0);
  });
});

describe.each<Sdk>(['v2', 'v1'])('given a Toss %s terms widget that starts ticked and reports nothing', (sdk) => {
  it('pays at the first press', async () => {
    stateSandbox({ agreementStartsTicked: true });
    const onSuccess = vi.fn();
    render(<Shop sdk={sdk} onSuccess={onSuccess} />);
    await rendered();
    await waitFor(() => expect(button().disabled).toBe(false));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(button());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(notice()).toBeNull();
  });
});
