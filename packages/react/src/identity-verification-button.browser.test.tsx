import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { IdentityVerificationButton, useIdentityVerification, usePortOne } from './portone.js';
import { enIdentity } from './messages-en.js';
import { axeViolations } from './test-utils/axe.js';
import { resetPage, scriptTags, stateSandbox, vendorCalls } from './test-utils/sandbox.js';

const strict = ({ children }: { children: ReactNode }) => <StrictMode>{children}</StrictMode>;
const options = { ...sandboxClientKeys.portone, scriptSrc: sandboxScriptUrl('portone-v2') };
const windowOpen = () => document.querySelector('[data-kcheckout-sandbox="payment-window"]');

beforeEach(resetPage);
afterEach(resetPage);

describe('given useIdentityVerification on the PortOne V2 sandbox under StrictMode', () => {
  it('shares the one V2 script with usePortOne, and verifies in one request for two calls', async () => {
    const { result } = renderHook(() => ({ identity: useIdentityVerification(options), pay: usePortOne(options) }), { wrapper: strict });
    await waitFor(() => expect(result.current.identity.status).toBe('ready'));
    await waitFor(() => expect(result.current.pay.status).toBe('ready'));
    expect(scriptTags(options.scriptSrc)).toHaveLength(1);

    window.kcheckoutSandbox!.nextOutcome = 'approve';
    let first!: Promise<unknown>;
    act(() => {
      first = result.current.identity.requestIdentityVerification({ identityVerificationId: 'identity_hook_0001' });
      void result.current.identity.requestIdentityVerification({ identityVerificationId: 'identity_hook_0001' });
    });
    await waitFor(() => expect(result.current.identity.status).toBe('pending'));
    await expect(first).resolves.toMatchObject({ status: 'success', identityVerificationId: 'identity_hook_0001', identityVerificationTxId: expect.any(String) });
    await waitFor(() => expect(result.current.identity).toMatchObject({ status: 'ready', canVerify: false, result: { status: 'success' } }));
    expect(vendorCalls('requestIdentityVerification', 'portone-v2')).toHaveLength(1);
  });
});

describe('given <IdentityVerificationButton> under StrictMode', () => {
  it('is loading, then ready; one press opens one window even on a double click; success calls onVerified', async () => {
    const onVerified = vi.fn();
    render(<IdentityVerificationButton {...options} identityVerificationId="identity_btn_0001" customer={{ fullName: '김사랑' }} onVerified={onVerified} />, { wrapper: strict });
    const button = screen.getByRole('button', { name: '본인인증하기' });
    expect(button.dataset.state).toBe('loading');
    await waitFor(() => expect(button.dataset.state).toBe('ready'));
    expect(await axeViolations(document.body)).toEqual([]);

    await userEvent.dblClick(button);
    await waitFor(() => expect(windowOpen()).not.toBeNull());
    expect(button.dataset.state).toBe('pending');
    expect(button).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('button', { name: '승인' }));
    await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));
    expect(onVerified.mock.calls[0]![0]).toMatchObject({ status: 'success', identityVerificationId: 'identity_btn_0001' });
    expect(vendorCalls('requestIdentityVerification')).toHaveLength(1);
    await waitFor(() => expect(button.dataset.result).toBe('success'));
    expect(button.textContent).toBe('본인인증을 마쳤습니다.');
    expect(button).toHaveProperty('disabled', true);
  });

  it('reports a cancel through onCancel and stays usable, with a fresh id per press when none is given', async () => {
    const onCancel = vi.fn();
    const onFail = vi.fn();
    render(<IdentityVerificationButton {...options} onCancel={onCancel} onFail={onFail} messages={enIdentity} />, { wrapper: strict });
    const button = screen.getByRole('button', { name: 'Verify your identity' });
    await waitFor(() => expect(button.dataset.state).toBe('ready'));
    window.kcheckoutSandbox!.nextOutcome = 'cancel';
    await userEvent.click(button);
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    window.kcheckoutSandbox!.nextOutcome = 'decline';
    await waitFor(() => expect(button.dataset.state).toBe('ready'));
    await userEvent.click(button);
    await waitFor(() => expect(onFail).toHaveBeenCalledTimes(1));
    const ids = vendorCalls('requestIdentityVerification').map((call) => (call.args[0] as { identityVerificationId: string }).identityVerificationId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^identity_[A-Za-z0-9]{20}$/);
    expect(ids[1]).not.toBe(ids[0]);
    expect(button.dataset.result).toBe('fail');
  });

  it('shows a props mistake as an error next to the button and calls no vendor', async () => {
    render(<IdentityVerificationButton {...options} identityVerificationId="a/b" />, { wrapper: strict });
    const button = screen.getByRole('button', { name: '본인인증하기' });
    expect(button.dataset.state).toBe('error');
    expect(screen.getByRole('alert').textContent).toBe('본인인증 정보가 올바르지 않아 진행할 수 없습니다.');
    expect(screen.getByRole('alert').dataset.code).toBe('INVALID_ORDER_ID');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(vendorCalls('requestIdentityVerification')).toHaveLength(0);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('unmounts while the window is open without errors, and still reports the result', async () => {
    const onVerified = vi.fn();
    const view = render(<IdentityVerificationButton {...options} onVerified={onVerified} />, { wrapper: strict });
    const button = screen.getByRole('button');
    await waitFor(() => expect(button.dataset.state).toBe('ready'));
    act(() => button.click());
    await waitFor(() => expect(windowOpen()).not.toBeNull());
    // From here on, React must hear nothing from the button: no update, no warning.
    const errors = vi.spyOn(console, 'error');
    view.unmount();
    await new Promise((resolve) => setTimeout(resolve, 30));
    (windowOpen()!.querySelector('[data-outcome="approve"]') as HTMLButtonElement).click();
    await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    expect(scriptTags(options.scriptSrc)).toHaveLength(1);
  });

  it('redirect mode on a mobile device sends the result to redirectUrl', async () => {
    const navigations: string[] = [];
    stateSandbox({ device: 'mobile' });
    render(<IdentityVerificationButton {...options} identityVerificationId="identity_btn_0002" redirectUrl="https://shop.test/identity/done" />, { wrapper: strict });
    window.kcheckoutSandbox!.navigate = (url) => navigations.push(url);
    const button = screen.getByRole('button');
    await waitFor(() => expect(button.dataset.state).toBe('ready'));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    await userEvent.click(button);
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(new URL(navigations[0]!).searchParams.get('identityVerificationId')).toBe('identity_btn_0002');
  });
});
