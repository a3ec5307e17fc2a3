import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { useDevice } from '../../../test/sandbox-page.js';
import { Agreement, BillingAuthResult, BillingKeyButton, type BillingKeyButtonProps, PaymentMethods, TossBillingCheckout, type TossBillingCheckoutProps } from './toss.js';
import { resetPage, scriptTags, vendorCalls } from './test-utils/sandbox.js';
import { axeViolations } from './test-utils/axe.js';

const src = () => sandboxScriptUrl('toss-v2');
const base = () => ({ clientKey: sandboxClientKeys.tossApi, customerKey: 'buyer_1', scriptSrc: src() });

function Shop({ checkout, button, agreement = false }: { checkout?: Partial<TossBillingCheckoutProps>; button?: Partial<BillingKeyButtonProps>; agreement?: boolean }) {
  return (
    <StrictMode>
      <main>
        <TossBillingCheckout {...base()} {...checkout}>
          <PaymentMethods />
          {agreement && <Agreement />}
          <BillingKeyButton redirectUrl="/billing/result" issue={{ customerName: '김토스' }} {...button} />
        </TossBillingCheckout>
      </main>
    </StrictMode>
  );
}

const button = () => document.querySelector<HTMLButtonElement>('[data-kcheckout="billing-key-button"]')!;
const methods = () => document.querySelector('[data-kcheckout="payment-methods"]')!;
const radio = (key: string) => document.querySelector<HTMLInputElement>(`[data-method="${key}"] input`)!;
const windowOpen = () => document.querySelector('[data-kcheckout-sandbox="payment-window"]');
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const ready = () => waitFor(() => expect(button().getAttribute('data-state')).toBe('ready'));

function captureNavigations(): string[] {
  const navigations: string[] = [];
  window.kcheckoutSandbox!.navigate = (url) => navigations.push(url);
  return navigations;
}

beforeEach(async () => {
  await resetPage();
  await useDevice('pc');
});
afterEach(resetPage);

describe('given <TossBillingCheckout> with <BillingKeyButton> on the sandbox under StrictMode', () => {
  it('loads one script, makes one payment() object, and offers card and transfer, card picked', async () => {
    render(<Shop />);
    await ready();
    expect(scriptTags(src())).toHaveLength(1);
    expect(vendorCalls('payment', 'toss-v2')).toHaveLength(1);
    const labels = Array.from(methods().querySelectorAll('label')).map((label) => label.textContent?.trim());
    expect(labels).toEqual(['신용·체크카드', '계좌이체']);
    expect(radio('card').checked).toBe(true);
    expect(button().textContent).toBe('결제수단 등록하기');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('makes one requestBillingAuth for a double click, and leaves for redirectUrl with customerKey and authKey', async () => {
    render(<Shop />);
    await ready();
    const navigations = captureNavigations();
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    act(() => {
      button().click();
      button().click();
    });
    await waitFor(() => expect(navigations).toHaveLength(1));
    const calls = vendorCalls('payment.requestBillingAuth', 'toss-v2');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0]).toEqual({
      method: 'CARD',
      successUrl: `${location.origin}/billing/result`,
      failUrl: `${location.origin}/billing/result`,
      customerName: '김토스',
    });
    const url = new URL(navigations[0]!);
    expect(url.pathname).toBe('/billing/result');
    expect(url.searchParams.get('customerKey')).toBe('buyer_1');
    expect(url.searchParams.get('authKey')).toMatch(/^bln_/);
  });

  it('registers a transfer account when the buyer picks it', async () => {
    render(<Shop />);
    await ready();
    captureNavigations();
    fireEvent.click(radio('transfer'));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(button());
    await waitFor(() => expect(vendorCalls('payment.requestBillingAuth', 'toss-v2')).toHaveLength(1));
    expect(vendorCalls('payment.requestBillingAuth', 'toss-v2')[0]!.args[0]).toMatchObject({ method: 'TRANSFER' });
  });

  it('reports a closed window as cancel (USER_CANCEL) and becomes ready again', async () => {
    const onCancel = vi.fn();
    render(<Shop button={{ onCancel }} />);
    await ready();
    window.kcheckoutSandbox!.nextOutcome = 'cancel';
    fireEvent.click(button());
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect(onCancel.mock.calls[0]![0]).toMatchObject({ provider: 'toss', status: 'cancel', code: 'USER_CANCEL' });
    await ready();
  });

  it('answers fail with REDIRECT_URL_REQUIRED without redirectUrl (Toss billing has no promise mode), calling nothing', async () => {
    const onFail = vi.fn();
    render(<Shop button={{ redirectUrl: undefined, onFail }} />);
    await ready();
    fireEvent.click(button());
    await waitFor(() => expect(onFail).toHaveBeenCalledTimes(1));
    expect(onFail.mock.calls[0]![0]).toMatchObject({ provider: 'toss', status: 'fail', code: 'REDIRECT_URL_REQUIRED' });
    expect(vendorCalls('payment.requestBillingAuth', 'toss-v2')).toHaveLength(0);
  });

  it('refuses ANONYMOUS with INVALID_OPTION before any script loads', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    onTestFinished(() => spy.mockRestore());
    render(<Shop checkout={{ customerKey: '@@ANONYMOUS' }} />);
    await waitFor(() => expect(button().getAttribute('data-state')).toBe('error'));
    expect(scriptTags(src())).toHaveLength(0);
    expect(screen.getAllByRole('alert')[0]!.getAttribute('data-code')).toBe('INVALID_OPTION');
  });

  it('waits for the agreement checkbox where one is shown', async () => {
    render(<Shop agreement />);
    await waitFor(() => expect(vendorCalls('payment', 'toss-v2')).toHaveLength(1));
    await settle();
    expect(button().disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox'));
    await waitFor(() => expect(button().disabled).toBe(false));
  });

  it('closes the open window when unmounted mid-request, and leaves nothing behind', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const { unmount } = render(<Shop />);
    await ready();
    const navigations = captureNavigations();
    fireEvent.click(button());
    await waitFor(() => expect(windowOpen()).not.toBeNull());
    unmount();
    await settle();
    expect(windowOpen()).toBeNull();
    expect(vendorCalls('payment.destroy', 'toss-v2')).toHaveLength(1);
    expect(navigations).toEqual([]);
    expect(window.kcheckoutSandbox!.billingAuths ?? []).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});

describe('given <BillingAuthResult> on the billing return page', () => {
  it('issues once per authKey under StrictMode and says the method was registered', async () => {
    const authKey = `bln_${Date.now().toString(36)}`;
    const issue = vi.fn(async (_result: unknown) => ({ registered: true }));
    render(
      <StrictMode>
        <BillingAuthResult search={`?customerKey=buyer_1&authKey=${authKey}`} confirm={issue} />
      </StrictMode>,
    );
    await waitFor(() => expect(document.querySelector('[data-kcheckout="redirect-result"]')!.getAttribute('data-state')).toBe('success'));
    expect(issue).toHaveBeenCalledTimes(1);
    expect(issue.mock.calls[0]![0]).toMatchObject({ provider: 'toss', status: 'success', authKey, customerKey: 'buyer_1' });
    expect(screen.getByText('결제수단이 등록되었습니다.')).toBeTruthy();
  });

  it('shows the registration failure from failUrl without calling the server', async () => {
    const issue = vi.fn();
    render(<BillingAuthResult search="?code=REJECT_CARD_COMPANY&message=%EA%B1%B0%EC%A0%88" confirm={issue} />);
    await waitFor(() => expect(document.querySelector('[data-kcheckout="redirect-result"]')!.getAttribute('data-state')).toBe('fail'));
    expect(screen.getByText('결제수단을 등록하지 못했습니다.')).toBeTruthy();
    expect(issue).not.toHaveBeenCalled();
  });
});
