import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ConfirmableRedirect, useRedirectResult } from './portone.js';

// The redirect of requestIssueBillingKeyAndPay needs no reader of its own: @kcheckout/react/portone's
// useRedirectResult reads its query as a payment (paymentId to verify) that also carries the key.
const id = `sub_first_${Date.now().toString(36)}`;
const query = `?transactionType=ISSUE_BILLING_KEY_AND_PAY&billingKey=billing-key-${id}&paymentId=${id}&txId=0190e6a1-1b2c-7d3e-8f40-5a6b7c8d9e0f`;

function Probe({ search, confirm }: { search: string; confirm: (result: ConfirmableRedirect) => Promise<unknown> }) {
  const { state, result } = useRedirectResult({ search, confirm });
  return <output data-testid="probe" data-state={state}>{result?.billingKey}</output>;
}

afterEach(() => {
  cleanup();
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('kcheckout:')) sessionStorage.removeItem(key);
});

describe('given the redirect of requestIssueBillingKeyAndPay on a @kcheckout/react/portone result page', () => {
  it('confirms the first payment once under StrictMode, with the billing key in the result', async () => {
    const confirm = vi.fn(async (_result: ConfirmableRedirect) => ({ paid: true }));
    render(<StrictMode><Probe search={query} confirm={confirm} /></StrictMode>);
    await waitFor(() => expect(screen.getByTestId('probe').dataset.state).toBe('success'));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0]![0]).toMatchObject({ provider: 'portone', status: 'success', paymentId: id, orderId: id, billingKey: `billing-key-${id}`, transactionType: 'ISSUE_BILLING_KEY_AND_PAY' });
    expect(screen.getByTestId('probe').textContent).toBe(`billing-key-${id}`);
  });

  it('shows a declined window as fail without calling confirm', async () => {
    const confirm = vi.fn(async (_result: ConfirmableRedirect) => ({ paid: true }));
    render(<Probe search={`?transactionType=ISSUE_BILLING_KEY_AND_PAY&paymentId=${id}_x&txId=t&code=FAILURE_TYPE_PG&message=declined`} confirm={confirm} />);
    await waitFor(() => expect(screen.getByTestId('probe').dataset.state).toBe('fail'));
    expect(confirm).not.toHaveBeenCalled();
  });
});
