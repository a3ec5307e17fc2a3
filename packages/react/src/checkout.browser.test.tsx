import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { recallOrder } from '@kcheckout/core';
import { StrictMode, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Agreement, Checkout, CheckoutButton, PaymentMethods, tossV1, type TossCheckoutProps } from './index.js';
import { agreeToTerms, clientKey, resetPage, scriptSrcFor, scriptTags, stateSandbox, vendorCalls } from './test-utils/sandbox.js';

type Sdk = 'v1' | 'v2';
/** v1 is passed in as its driver, so a v2 page carries none of it. */
const sdkOption = (sdk: Sdk) => (sdk === 'v1' ? tossV1 : sdk);

function Shop({ sdk, amount = 50000, ...props }: Partial<TossCheckoutProps> & { sdk: Sdk; button?: Partial<Parameters<typeof CheckoutButton>[0]> }) {
  const { button, ...checkout } = props as { button?: Record<string, unknown> } & Partial<TossCheckoutProps>;
  return (
    <Checkout provider="toss" clientKey={clientKey} customerKey="buyer_1" amount={amount} sdk={sdkOption(sdk)} scriptSrc={scriptSrcFor(sdk)} {...checkout}>
      <PaymentMethods />
      <Agreement />
      <CheckoutButton order={{ orderName: '생수 외 1건' }} {...button} />
    </Checkout>
  );
}

const button = () => screen.getByRole('button', { name: /결제|Pay/ }) as HTMLButtonElement;
const methods = () => document.querySelector('[data-kcheckout="payment-methods"]')!;

async function ready() {
  await waitFor(() => expect(methods().getAttribute('data-state')).toBe('ready'));
  await waitFor(() => expect(document.querySelector('[data-kcheckout="agreement"]')!.getAttribute('data-state')).toBe('ready'));
}

beforeEach(resetPage);
afterEach(resetPage);

describe.each<Sdk>(['v2', 'v1'])('given the Toss %s sandbox under StrictMode', (sdk) => {
  const renderMethod = 'renderPaymentMethods';
  const amountMethod = sdk === 'v2' ? 'setAmount' : 'paymentMethodsWidget.updateAmount';

  it('renders the payment methods and the agreement once each, from one script tag', async () => {
    render(<StrictMode><Shop sdk={sdk} /></StrictMode>);
    expect(methods().getAttribute('data-state')).toBe('loading');
    await ready();
    expect(scriptTags(scriptSrcFor(sdk))).toHaveLength(1);
    expect(vendorCalls(renderMethod)).toHaveLength(1);
    expect(vendorCalls('renderAgreement')).toHaveLength(1);
    expect(document.querySelector('[data-kcheckout-sandbox="payment-methods"]')).not.toBeNull();
  });

  it('pays without an <Agreement> on the page (the terms are then the vendor window’s business)', async () => {
    const onSuccess = vi.fn();
    render(
      <StrictMode>
        <Checkout provider="toss" clientKey={clientKey} customerKey="buyer_1" amount={50000} sdk={sdkOption(sdk)} scriptSrc={scriptSrcFor(sdk)}>
          <PaymentMethods />
          <CheckoutButton order={{ orderName: '생수' }} onSuccess={onSuccess} />
        </Checkout>
      </StrictMode>,
    );
    await waitFor(() => expect(button().disabled).toBe(false));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(button());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(vendorCalls('renderAgreement')).toHaveLength(0);
  });

  it('stays loading, and the page stays responsive, with no <PaymentMethods> at all', async () => {
    render(
      <StrictMode>
        <Checkout provider="toss" clientKey={clientKey} customerKey="buyer_1" amount={50000} sdk={sdkOption(sdk)} scriptSrc={scriptSrcFor(sdk)}>
          <CheckoutButton order={{ orderName: '생수' }} />
        </Checkout>
      </StrictMode>,
    );
    await waitFor(() => expect(scriptTags(scriptSrcFor(sdk))).toHaveLength(1));
    // A busy loop in the checkout would starve this timer.
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(button().getAttribute('data-state')).toBe('loading');
    expect(vendorCalls(renderMethod)).toHaveLength(0);
  });

  it('keeps one script tag and one render per mount across three mount/unmount cycles', async () => {
    for (let cycle = 0; cycle < 3; cycle++) {
      const view = render(<StrictMode><Shop sdk={sdk} /></StrictMode>);
      await ready();
      view.unmount();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(scriptTags(scriptSrcFor(sdk))).toHaveLength(1);
    expect(vendorCalls(renderMethod)).toHaveLength(3);
  });

  it('sends ten amount changes to the widget without re-rendering it', async () => {
    function Coupon() {
      const [amount, setAmount] = useState(50000);
      return (
        <>
          <button type="button" onClick={() => setAmount((value) => value - 1000)}>쿠폰</button>
          <Shop sdk={sdk} amount={amount} />
        </>
      );
    }
    render(<StrictMode><Coupon /></StrictMode>);
    await ready();
    for (let i = 0; i < 10; i++) {
      fireEvent.click(screen.getByRole('button', { name: '쿠폰' }));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(() => expect(document.querySelector('[data-sandbox-amount]')!.textContent).toContain('40,000'));
    expect(vendorCalls(renderMethod)).toHaveLength(1);
    const updates = vendorCalls(amountMethod);
    expect(updates.length).toBeGreaterThan(0);
    expect(JSON.stringify(updates.at(-1)!.args)).toContain('40000');
    expect(button().textContent).toBe('40,000원 결제하기');
  });

  it('keeps the button disabled until the widget is ready and the required terms are agreed, when the terms widget reports at render', async () => {
    // v1 reads the status at render; v2 knows it only if the widget reports it (toss-agreement.browser.test.tsx has the other modes).
    stateSandbox({ agreementEmitsAtRender: true });
    render(<StrictMode><Shop sdk={sdk} /></StrictMode>);
    expect(button().disabled).toBe(true);
    expect(button().getAttribute('data-state')).toBe('loading');
    await ready();
    expect(button().disabled).toBe(true);
    expect(button().hasAttribute('data-disabled')).toBe(true);
    agreeToTerms();
    await waitFor(() => expect(button().disabled).toBe(false));
    expect(button().getAttribute('data-state')).toBe('ready');
    expect(button().hasAttribute('data-disabled')).toBe(false);
  });

  it('sends one requestPayment for a double click, and reports the approved payment', async () => {
    const onSuccess = vi.fn();
    render(<StrictMode><Shop sdk={sdk} button={{ onSuccess }} /></StrictMode>);
    await ready();
    agreeToTerms();
    await waitFor(() => expect(button().disabled).toBe(false));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(button());
    fireEvent.click(button());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(vendorCalls('requestPayment')).toHaveLength(1);
    const result = onSuccess.mock.calls[0]![0];
    expect(result).toMatchObject({ status: 'success', provider: 'toss', amount: 50000, currency: 'KRW' });
    expect(result.paymentKey).toMatch(/^tsbx/);
    expect(result.orderId).toMatch(/^order_[A-Za-z0-9]{20}$/);
    // Remembered before the window opened, for the redirect page's amount check.
    expect(recallOrder(result.orderId)).toMatchObject({ orderId: result.orderId, amount: 50000, currency: 'KRW', provider: 'toss' });
  });

  it('shows pending while the payment window is open, then reports a decline and a cancel', async () => {
    const onFail = vi.fn();
    const onCancel = vi.fn();
    render(<StrictMode><Shop sdk={sdk} button={{ onFail, onCancel }} /></StrictMode>);
    await ready();
    agreeToTerms();
    await waitFor(() => expect(button().disabled).toBe(false));

    fireEvent.click(button());
    await waitFor(() => expect(button().getAttribute('data-state')).toBe('pending'));
    expect(button().disabled).toBe(true);
    expect(button().getAttribute('aria-busy')).toBe('true');
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(dialog.querySelector('[data-outcome="decline"]')!);
    await waitFor(() => expect(onFail).toHaveBeenCalledTimes(1));
    expect(onFail.mock.calls[0]![0]).toMatchObject({ status: 'fail', code: 'REJECT_CARD_COMPANY' });
    await waitFor(() => expect(button().disabled).toBe(false));

    window.kcheckoutSandbox!.nextOutcome = 'cancel';
    fireEvent.click(button());
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect(onCancel.mock.calls[0]![0]).toMatchObject({ status: 'cancel', code: 'USER_CANCEL' });
    expect(vendorCalls('requestPayment')).toHaveLength(2);
  });

  it('redirects to successUrl with the vendor query, resolving a relative URL and keeping its parameters', async () => {
    const navigate = vi.fn();
    render(<StrictMode><Shop sdk={sdk} button={{ successUrl: '/pay/success?cart=7', failUrl: '/pay/fail' }} /></StrictMode>);
    await ready();
    window.kcheckoutSandbox!.navigate = navigate;
    agreeToTerms();
    await waitFor(() => expect(button().disabled).toBe(false));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(button());
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    const url = new URL(navigate.mock.calls[0]![0]);
    expect(url.origin + url.pathname).toBe(`${location.origin}/pay/success`);
    expect(url.searchParams.get('cart')).toBe('7');
    expect(url.searchParams.get('amount')).toBe('50000');
    expect(url.searchParams.get('paymentKey')).toMatch(/^tsbx/);
    expect(url.searchParams.get('orderId')).toMatch(/^order_/);
  });

  it('charges the amount on screen when it changed just before the click', async () => {
    const onSuccess = vi.fn();
    function Late() {
      const [amount, setAmount] = useState(50000);
      return (
        <>
          <button type="button" onClick={() => setAmount(45000)}>쿠폰</button>
          <Shop sdk={sdk} amount={amount} button={{ onSuccess }} />
        </>
      );
    }
    render(<StrictMode><Late /></StrictMode>);
    await ready();
    agreeToTerms();
    await waitFor(() => expect(button().disabled).toBe(false));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    act(() => screen.getByRole('button', { name: '쿠폰' }).click());
    fireEvent.click(button());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(onSuccess.mock.calls[0]![0].amount).toBe(45000);
  });

  it('unmounts while the payment window is open without errors, and still reports the result', async () => {
    const onSuccess = vi.fn();
    const view = render(<StrictMode><Shop sdk={sdk} button={{ onSuccess }} /></StrictMode>);
    await ready();
    agreeToTerms();
    await waitFor(() => expect(button().disabled).toBe(false));
    fireEvent.click(button());
    const dialog = await screen.findByRole('dialog');
    // From here on, React must hear nothing from the checkout: no update, no warning.
    const errors = vi.spyOn(console, 'error');
    view.unmount();
    await new Promise((resolve) => setTimeout(resolve, 30));
    fireEvent.click(dialog.querySelector('[data-outcome="approve"]')!);
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe('given the Toss v2 sandbox', () => {
  it('destroys both widgets on unmount, so a new checkout can render on the same page', async () => {
    const first = render(<StrictMode><Shop sdk="v2" /></StrictMode>);
    await ready();
    first.unmount();
    const second = render(<StrictMode><Shop sdk="v2" /></StrictMode>);
    await ready();
    expect(vendorCalls('paymentMethodsWidget.destroy')).toHaveLength(1);
    expect(vendorCalls('agreementWidget.destroy')).toHaveLength(1);
    expect(vendorCalls('renderPaymentMethods')).toHaveLength(2);
    second.unmount();
  });

  it('keeps the button disabled while the terms widget is still loading (v2 renders them one after the other)', async () => {
    window.kcheckoutSandbox && (window.kcheckoutSandbox.latencyMs = 150);
    render(<StrictMode><Shop sdk="v2" /></StrictMode>);
    await waitFor(() => expect(methods().getAttribute('data-state')).toBe('ready'), { timeout: 3000 });
    expect(document.querySelector('[data-kcheckout="agreement"]')!.getAttribute('data-state')).toBe('loading');
    expect(button().disabled).toBe(true);
  });

  it('never calls the vendor after an unmount during loading', async () => {
    window.kcheckoutSandbox && (window.kcheckoutSandbox.latencyMs = 100);
    const view = render(<StrictMode><Shop sdk="v2" /></StrictMode>);
    await new Promise((resolve) => setTimeout(resolve, 5));
    view.unmount();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(vendorCalls('renderPaymentMethods')).toHaveLength(0);
    expect(document.querySelector('[data-kcheckout-sandbox]')).toBeNull();
  });
});

describe('given bad input', () => {
  it.each([
    ['a secret key', { clientKey: 'test_sk_FAKE_kcheckout_secret_tail' }, 'SECRET_KEY_IN_BROWSER'],
    ['a widget secret key', { clientKey: 'test_gsk_FAKE_kcheckout_widget_secret' }, 'SECRET_KEY_IN_BROWSER'],
    ['an API client key', { clientKey: 'test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq' }, 'INVALID_KEY'],
    ['a NaN amount', { amount: Number.NaN }, 'INVALID_AMOUNT'],
    ['a negative amount', { amount: -5000 }, 'INVALID_AMOUNT'],
    ['a fractional KRW amount', { amount: 1000.5 }, 'INVALID_AMOUNT'],
    ['a bad customerKey', { customerKey: 'a' }, 'INVALID_OPTION'],
  ])('shows an error for %s and never calls the vendor', async (_name, props, code) => {
    render(<StrictMode><Shop sdk="v2" {...props} /></StrictMode>);
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-code')).toBe(code);
    expect(methods().getAttribute('data-state')).toBe('error');
    expect(button().disabled).toBe(true);
    expect(button().getAttribute('data-state')).toBe('error');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(vendorCalls()).toHaveLength(0);
    expect(scriptTags(scriptSrcFor('v2'))).toHaveLength(0);
    // A props error needs a code change; a retry button would only mislead.
    expect(screen.queryByRole('button', { name: '다시 시도' })).toBeNull();
  });

  it('recovers when a bad amount becomes valid', async () => {
    const view = render(<StrictMode><Shop sdk="v2" amount={Number.NaN} /></StrictMode>);
    await screen.findByRole('alert');
    view.rerender(<StrictMode><Shop sdk="v2" amount={30000} /></StrictMode>);
    await ready();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a bad order id on the button and never requests payment', async () => {
    render(<StrictMode><Shop sdk="v2" button={{ order: { orderId: 'bad id!', orderName: '생수' } }} /></StrictMode>);
    await ready();
    agreeToTerms();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(button().disabled).toBe(true);
    expect(button().getAttribute('data-state')).toBe('error');
    expect(screen.getByRole('alert').getAttribute('data-code')).toBe('INVALID_ORDER_ID');
    fireEvent.click(button());
    expect(vendorCalls('requestPayment')).toHaveLength(0);
  });
});

describe('given a script URL that fails', () => {
  async function setScript(id: string, mode: string) {
    await fetch(`/__kcheckout/script/${id}?mode=${mode}&serve=toss-v2`, { method: 'POST' });
    return `/__kcheckout/script/${id}.js`;
  }

  it('shows an error with a retry that works once the script is reachable', async () => {
    const src = await setScript(`flaky-${Date.now()}`, '404');
    render(<StrictMode><Shop sdk="v2" scriptSrc={src} timeoutMs={2000} /></StrictMode>);
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.getAttribute('data-code')).toBe('SCRIPT_LOAD_FAILED');
    expect(scriptTags(src)).toHaveLength(0);
    await setScript(src.split('/').pop()!.replace('.js', ''), 'ok');
    fireEvent.click(screen.getByRole('button', { name: '다시 시도' }));
    await ready();
    expect(scriptTags(src)).toHaveLength(1);
  });

  it('ends a hanging script in SCRIPT_TIMEOUT instead of loading forever', async () => {
    const src = await setScript(`hang-${Date.now()}`, 'hang');
    render(<StrictMode><Shop sdk="v2" scriptSrc={src} timeoutMs={150} /></StrictMode>);
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.getAttribute('data-code')).toBe('SCRIPT_TIMEOUT');
    expect((screen.getByRole('button', { name: '다시 시도' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
