import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enIdentityResult, IdentityVerificationResult, RedirectResult, useIdentityVerificationResult } from './portone.js';

// The return page of an identity verification (본인인증) in redirect mode: its own component and
// hook from /portone, on the store <RedirectResult> uses; the payment result page reads it as idle.

const strict = ({ children }: { children: ReactNode }) => <StrictMode>{children}</StrictMode>;
const search = '?identityVerificationId=identity_btn_0003&identityVerificationTxId=tx-3&transactionType=IDENTITY_VERIFICATION';
const state = () => document.querySelector('[data-kcheckout="redirect-result"]')!.getAttribute('data-state');

afterEach(() => sessionStorage.clear());

describe('given <IdentityVerificationResult> on an identity-verification return address', () => {
  it('confirms once under StrictMode with the verification id, then names the verification', async () => {
    const confirm = vi.fn(async (_result: unknown) => ({ verified: true }));
    render(<IdentityVerificationResult search={search} confirm={confirm} />, { wrapper: strict });
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('본인인증이 완료되었습니다.'));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0]![0]).toMatchObject({ provider: 'portone', status: 'success', identityVerificationId: 'identity_btn_0003', transactionType: 'IDENTITY_VERIFICATION' });
  });

  it('says it in English with enIdentityResult, and once only after a remount (a reload of the page)', async () => {
    const confirm = vi.fn(async (_result: unknown) => ({ verified: true }));
    const page = render(<IdentityVerificationResult search={`${search}&en=1`} messages={enIdentityResult} confirm={confirm} />, { wrapper: strict });
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('Identity verified.'));
    page.unmount();
    render(<IdentityVerificationResult search={`${search}&en=1`} messages={enIdentityResult} confirm={confirm} />, { wrapper: strict });
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('Identity verified.'));
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('shows a cancelled verification as cancel, without calling confirm', async () => {
    const confirm = vi.fn();
    render(<IdentityVerificationResult search={`${search}&code=FAILURE_TYPE_PG&message=${encodeURIComponent('사용자가 본인인증을 취소하였습니다.')}`} confirm={confirm} />, { wrapper: strict });
    await waitFor(() => expect(state()).toBe('cancel'));
    expect(screen.getByRole('heading').textContent).toBe('본인인증이 취소되었습니다.');
    expect(confirm).not.toHaveBeenCalled();
  });

  it("is idle on a payment's redirect: a payment is the payment result page's", async () => {
    const confirm = vi.fn();
    render(<IdentityVerificationResult search="?paymentId=payment-0001&transactionType=PAYMENT&txId=tx-1" confirm={confirm} />, { wrapper: strict });
    await waitFor(() => expect(state()).toBe('idle'));
    expect(confirm).not.toHaveBeenCalled();
  });
});

describe('given the payment <RedirectResult> from /portone on an identity-verification return address', () => {
  it('reads no payment there (idle) and confirms nothing, as before identity verification existed', async () => {
    const confirm = vi.fn();
    render(<RedirectResult search={search} confirm={confirm} />, { wrapper: strict });
    await waitFor(() => expect(state()).toBe('idle'));
    expect(confirm).not.toHaveBeenCalled();
  });
});

describe('given useIdentityVerificationResult', () => {
  it('gives the state and the result with the verification id, looked up once under StrictMode', async () => {
    const confirm = vi.fn(async (_result: unknown) => 'looked up');
    const { result } = renderHook(() => useIdentityVerificationResult({ search: `${search}&hook=1`, confirm }), { wrapper: strict });
    await waitFor(() => expect(result.current.state).toBe('success'));
    expect(result.current.result).toMatchObject({ identityVerificationId: 'identity_btn_0003' });
    expect(result.current.outcome).toBe('looked up');
    expect(confirm).toHaveBeenCalledTimes(1);
  });
});
