import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseIdentityVerificationRedirect } from './parse-identity-verification-redirect.js';
import { parsePortOneRedirect } from './parse-portone-redirect.js';
import { parseRedirect } from '../redirect/parse-redirect.js';
import { MAX_REDIRECT_QUERY_LENGTH } from '../redirect/parsed-redirect.js';
import { createRedirectResult } from '../redirect/redirect-result-store.js';
import { enc, iamportExamples, portoneExamples, tossExamples } from '../test-utils/redirect-examples.js';

// The identity-verification redirect (본인인증) has a reader of its own, so the payment readers
// read it as no payment at all and the result pages that never verify anyone carry none of it.

const verified = '?identityVerificationId=identity-verification-39ecfa97&identityVerificationTxId=tx-1&transactionType=IDENTITY_VERIFICATION';

describe('given an identity-verification redirect (본인인증)', () => {
  it("reads a finished verification, the docs' example id, with no order id or amount", () => {
    expect(parseIdentityVerificationRedirect(`https://example.com/identity-verification-redirect${verified}&step=signup`)).toEqual({
      provider: 'portone',
      status: 'success',
      transactionType: 'IDENTITY_VERIFICATION',
      identityVerificationId: 'identity-verification-39ecfa97',
      identityVerificationTxId: 'tx-1',
      extra: { step: 'signup' },
    });
    // Without transactionType (the guide's shortest example), the id alone says what it is.
    expect(parseIdentityVerificationRedirect('?identityVerificationId=identity-verification-39ecfa97')).toMatchObject({ status: 'success', identityVerificationId: 'identity-verification-39ecfa97' });
  });

  it('reads a failure as fail and a closed window as cancel, in either wording', () => {
    const base = '?identityVerificationId=iv-0001&transactionType=IDENTITY_VERIFICATION';
    expect(parseIdentityVerificationRedirect(`${base}&code=FAILURE_TYPE_PG&message=${enc('본인인증에 실패했습니다.')}&pgCode=X1`)).toMatchObject({
      status: 'fail',
      identityVerificationId: 'iv-0001',
      code: 'FAILURE_TYPE_PG',
      pgCode: 'X1',
    });
    expect(parseIdentityVerificationRedirect(`${base}&code=FAILURE_TYPE_PG&message=${enc('사용자가 본인인증을 취소하였습니다.')}`)).toMatchObject({ status: 'cancel' });
    expect(parseIdentityVerificationRedirect(`${base}&code=FAILURE_TYPE_PG&message=${enc('사용자가 결제를 취소하였습니다.')}`)).toMatchObject({ status: 'cancel' });
  });

  it('refuses a success without its id, a repeated key, an id with path characters and an over-long query', () => {
    const invalid = (query: string) => parseIdentityVerificationRedirect(query);
    expect(invalid('?transactionType=IDENTITY_VERIFICATION&identityVerificationTxId=tx-1')).toMatchObject({ status: 'invalid', code: 'MISSING_IDENTITY_VERIFICATION_ID' });
    expect(invalid('?identityVerificationId=iv-0001&identityVerificationId=iv-0002')).toMatchObject({ status: 'invalid', code: 'DUPLICATE_PARAMETER' });
    const badId = invalid('?identityVerificationId=iv%2F..%2Fadmin&transactionType=IDENTITY_VERIFICATION');
    expect(badId).toMatchObject({ status: 'invalid', code: 'INVALID_ID' });
    expect(badId).not.toHaveProperty('identityVerificationId');
    expect(invalid(`${verified}&pad=${'x'.repeat(MAX_REDIRECT_QUERY_LENGTH)}`)).toMatchObject({ status: 'invalid', code: 'QUERY_TOO_LONG' });
    expect(invalid(`${verified}&paymentKey=pk_1`)).toMatchObject({ status: 'invalid', code: 'AMBIGUOUS_PROVIDER' });
  });

  it('is no payment for the payment readers: parsePortOneRedirect and parseRedirect read it as null, as before', () => {
    expect(parsePortOneRedirect(verified)).toBeNull();
    expect(parseRedirect(verified)).toBeNull();
  });
});

describe('given a query that is not an identity verification', () => {
  it.each([...portoneExamples, ...tossExamples, ...iamportExamples])('returns null for %s', (_, url) => {
    expect(parseIdentityVerificationRedirect(url)).toBeNull();
  });

  it.each([
    ['a shop page of its own', '?tab=reviews&page=2'],
    ["a shop's own code parameter", '?code=WELCOME10'],
    ['a payment with an identity id beside it', '?paymentId=payment-1&identityVerificationId=iv-0001'],
    ['an empty string', ''],
    ['null', null],
    ['a hostile object', new Proxy({}, { ownKeys: () => { throw new Error('no'); } })],
  ])('returns null for %s', (_, query) => {
    expect(parseIdentityVerificationRedirect(query as string | null)).toBeNull();
  });
});

describe('given an identity-verification result page on the redirect-result store', () => {
  afterEach(() => sessionStorage.clear());

  it('looks a verification up once, across a StrictMode remount and a reload, and not a payment at all', async () => {
    const search = '?identityVerificationId=identity-store-0001&identityVerificationTxId=tx-9&transactionType=IDENTITY_VERIFICATION';
    const confirm = vi.fn(async (result: { identityVerificationId?: string }) => ({ verified: result.identityVerificationId }));
    const page = () => createRedirectResult({ parse: parseIdentityVerificationRedirect, search, confirm });
    const first = page();
    first.mount()();
    first.mount();
    await vi.waitFor(() => expect(first.getState().state).toBe('success'));
    // A reload: a new store on the same query finds the done marker and shows the outcome again.
    const reload = page();
    reload.mount();
    await vi.waitFor(() => expect(reload.getState().state).toBe('success'));
    expect(reload.getState().outcome).toEqual({ verified: 'identity-store-0001' });
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0]![0]).toMatchObject({ status: 'success', identityVerificationId: 'identity-store-0001' });
    // Another attempt (a new verification id) is its own verification, looked up once more.
    const other = createRedirectResult({ parse: parseIdentityVerificationRedirect, search: search.replace('0001', '0002'), confirm });
    other.mount();
    await vi.waitFor(() => expect(other.getState().state).toBe('success'));
    expect(confirm).toHaveBeenCalledTimes(2);
    const payment = createRedirectResult({ parse: parseIdentityVerificationRedirect, search: portoneExamples[0]![1], confirm });
    payment.mount();
    expect(payment.getState().state).toBe('idle');
    expect(confirm).toHaveBeenCalledTimes(2);
  });
});
