import { describe, expect, it, vi } from 'vitest';
import { parseTossBillingRedirect } from './parse-toss-billing-redirect.js';
import { parseTossRedirect } from './parse-toss-redirect.js';

describe('given a Toss billing redirect', () => {
  it('reads authKey and customerKey on success, the rest as the shop’s extra', () => {
    expect(parseTossBillingRedirect('?plan=monthly&customerKey=buyer_1&authKey=bln_abc123')).toEqual({
      provider: 'toss',
      status: 'success',
      authKey: 'bln_abc123',
      customerKey: 'buyer_1',
      extra: { plan: 'monthly' },
    });
  });

  it('reads code and message as fail, and the cancel codes as cancel', () => {
    expect(parseTossBillingRedirect('?code=REJECT_CARD_COMPANY&message=%EA%B1%B0%EC%A0%88')).toMatchObject({ status: 'fail', code: 'REJECT_CARD_COMPANY', message: '거절' });
    expect(parseTossBillingRedirect('?code=PAY_PROCESS_CANCELED&message=x')).toMatchObject({ status: 'cancel' });
  });

  it('refuses a success without either key, a duplicated key and an unsafe id', () => {
    expect(parseTossBillingRedirect('?authKey=bln_abc123')).toMatchObject({ status: 'invalid', code: 'MISSING_CUSTOMER_KEY' });
    expect(parseTossBillingRedirect('?customerKey=buyer_1')).toMatchObject({ status: 'invalid', code: 'MISSING_AUTH_KEY' });
    expect(parseTossBillingRedirect('?customerKey=buyer_1&authKey=a&authKey=b')).toMatchObject({ status: 'invalid', code: 'DUPLICATE_PARAMETER' });
    const unsafe = parseTossBillingRedirect('?customerKey=buyer_1&authKey=%3Cscript%3E');
    expect(unsafe).toMatchObject({ status: 'invalid', code: 'INVALID_ID' });
    expect(unsafe).not.toHaveProperty('authKey');
  });

  it('is null for a query without a billing result, and refuses another vendor’s keys beside its own', () => {
    expect(parseTossBillingRedirect('?plan=monthly')).toBeNull();
    expect(parseTossBillingRedirect('?paymentId=p1&txId=t1')).toBeNull();
    expect(parseTossBillingRedirect('?authKey=bln_abc123&customerKey=buyer_1&imp_uid=imp_1')).toMatchObject({ status: 'invalid', code: 'AMBIGUOUS_PROVIDER' });
  });

  it('is a result only the billing reader reads: the payment reader takes it for no payment', () => {
    expect(parseTossRedirect('?customerKey=buyer_1&authKey=bln_abc123')).toBeNull();
  });
});

describe('given the billing result page (the redirect store with the billing reader)', () => {
  it('issues once per authKey: a second store on the same query (a reload) gets the outcome without a second call', async () => {
    const { createRedirectResult } = await import('../redirect/redirect-result-store.js');
    const authKey = `bln_${Date.now().toString(36)}`;
    const search = `?customerKey=buyer_1&authKey=${authKey}`;
    const issue = vi.fn(async (result: { authKey?: string }) => ({ issuedFor: result.authKey }));
    const first = createRedirectResult({ parse: parseTossBillingRedirect, search, confirm: issue });
    first.mount();
    await vi.waitFor(() => expect(first.getState().state).toBe('success'));
    const reload = createRedirectResult({ parse: parseTossBillingRedirect, search, confirm: issue });
    reload.mount();
    await vi.waitFor(() => expect(reload.getState().state).toBe('success'));
    expect(issue).toHaveBeenCalledTimes(1);
    expect(reload.getState().outcome).toEqual({ issuedFor: authKey });
  });
});
