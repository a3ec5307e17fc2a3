import { describe, expect, it } from 'vitest';
import { CheckoutError } from '../errors.js';
import {
  buildIdentityVerificationRequest,
  identityVerificationResult,
  type IdentityVerificationDriver,
  type IdentityVerificationInput,
  type IdentityVerificationResult,
  IdentityVerificationSession,
} from './identity-verification.js';

const config = { storeId: 'store-00000000-0000-4000-8000-000000000000', channelKey: 'channel-key-00000000-0000-4000-8000-000000000000' };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function codeOf(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    return error instanceof CheckoutError ? error.code : 'not a CheckoutError';
  }
  return undefined;
}

describe('given buildIdentityVerificationRequest', () => {
  it('sends the ids, the customer as PortOne names it, customData as a string, and the redirect fields', () => {
    const request = buildIdentityVerificationRequest(
      config,
      { identityVerificationId: 'identity-0001', customer: { fullName: '홍길동', phoneNumber: '01012345678', birthYear: '1990', birthMonth: '07', birthDay: '08' }, customData: { userId: 7 } },
      { redirectUrl: 'https://shop.example/identity', forceRedirect: true },
    );
    expect(request).toEqual({
      ...config,
      identityVerificationId: 'identity-0001',
      customer: { fullName: '홍길동', phoneNumber: '01012345678', birthYear: '1990', birthMonth: '07', birthDay: '08' },
      customData: '{"userId":7}',
      redirectUrl: 'https://shop.example/identity',
      forceRedirect: true,
    });
  });

  it('refuses a missing or malformed id, unpadded birth fields, a hyphenated phone and a relative redirectUrl, each with a code', () => {
    const build = (input: Partial<IdentityVerificationInput>, redirectUrl?: string) => () =>
      buildIdentityVerificationRequest(config, { identityVerificationId: 'identity-0001', ...input } as IdentityVerificationInput, redirectUrl ? { redirectUrl } : undefined);
    expect(codeOf(build({ identityVerificationId: undefined as unknown as string }))).toBe('INVALID_ORDER_ID');
    expect(codeOf(build({ identityVerificationId: 'a/b' }))).toBe('INVALID_ORDER_ID');
    expect(codeOf(build({ customer: { birthMonth: '7' } }))).toBe('INVALID_OPTION');
    expect(codeOf(build({ customer: { birthYear: '90' } }))).toBe('INVALID_OPTION');
    expect(codeOf(build({ customer: { phoneNumber: '010-1234-5678' } }))).toBe('INVALID_OPTION');
    expect(codeOf(build({ customData: 42 as unknown as string }))).toBe('INVALID_OPTION');
    expect(codeOf(build({}, '/identity'))).toBe('INVALID_OPTION');
    expect(codeOf(build({}))).toBeUndefined();
  });
});

describe('given identityVerificationResult', () => {
  it('reads a finished window as success, a code as fail, the cancel message as cancel and undefined as redirecting', () => {
    const done = { transactionType: 'IDENTITY_VERIFICATION', identityVerificationId: 'identity-0001', identityVerificationTxId: 'tx-1' } as const;
    expect(identityVerificationResult(done, 'identity-0001')).toMatchObject({ status: 'success', identityVerificationTxId: 'tx-1' });
    expect(identityVerificationResult({ ...done, code: 'FAILURE_TYPE_PG', message: '본인인증 실패' }, 'identity-0001')).toMatchObject({ status: 'fail', code: 'FAILURE_TYPE_PG' });
    expect(identityVerificationResult({ ...done, code: 'FAILURE_TYPE_PG', message: '사용자가 본인인증을 취소하였습니다.' }, 'identity-0001').status).toBe('cancel');
    expect(identityVerificationResult(undefined, 'identity-0001')).toEqual({ status: 'redirecting', provider: 'portone', identityVerificationId: 'identity-0001' });
  });
});

// A fake driver: no script, no React. Each request waits until the test answers it.
function fakeDriver() {
  const requests: IdentityVerificationInput[] = [];
  const answers: Array<(result: IdentityVerificationResult) => void> = [];
  let loads = 0;
  const driver: IdentityVerificationDriver = {
    requestIdentityVerification: (input) => {
      requests.push(input);
      return new Promise((resolve) => answers.push(resolve));
    },
  };
  const create = async () => (loads++, driver);
  return { requests, answers, create, loads: () => loads };
}

describe('given an IdentityVerificationSession', () => {
  it('loads once through a StrictMode mount, unmount and remount, then can verify', async () => {
    const fake = fakeDriver();
    const session = new IdentityVerificationSession(config, fake.create);
    expect(session.getState()).toEqual({ status: 'loading', error: null, pending: false, result: null, canVerify: false });
    session.mount()();
    session.mount();
    await tick();
    expect(fake.loads()).toBe(1);
    expect(session.getState()).toMatchObject({ status: 'ready', canVerify: true });
  });

  it('makes one request for a double click, is pending meanwhile, and keeps the result', async () => {
    const fake = fakeDriver();
    const session = new IdentityVerificationSession(config, fake.create);
    session.mount();
    await tick();
    const first = session.verify({ identityVerificationId: 'identity-0001' });
    const second = session.verify({ identityVerificationId: 'identity-0001' });
    expect(fake.requests).toHaveLength(1);
    expect(session.getState()).toMatchObject({ status: 'pending', pending: true, canVerify: false });
    fake.answers[0]!({ status: 'success', provider: 'portone', identityVerificationId: 'identity-0001', raw: {} });
    expect((await first).status).toBe('success');
    expect((await second).status).toBe('success');
    expect(session.getState()).toMatchObject({ status: 'ready', pending: false, canVerify: false, result: { status: 'success' } });
  });

  it('lets the buyer try again after a cancel', async () => {
    const fake = fakeDriver();
    const session = new IdentityVerificationSession(config, fake.create);
    session.mount();
    await tick();
    const attempt = session.verify({ identityVerificationId: 'identity-0001' });
    fake.answers[0]!({ status: 'cancel', provider: 'portone', identityVerificationId: 'identity-0001', code: 'FAILURE_TYPE_PG', message: '취소', raw: {} });
    await attempt;
    expect(session.getState()).toMatchObject({ status: 'ready', canVerify: true, result: { status: 'cancel' } });
  });

  it('answers a request before ready with a fail result, never a rejection, and calls no vendor', async () => {
    const fake = fakeDriver();
    const session = new IdentityVerificationSession(config, fake.create);
    const result = await session.verify({ identityVerificationId: 'identity-0001' });
    expect(result).toMatchObject({ status: 'fail', error: { code: 'INVALID_OPTION' } });
    expect(fake.requests).toHaveLength(0);
  });

  it('reports a secret in storeId as an error state before anything loads', async () => {
    const fake = fakeDriver();
    const session = new IdentityVerificationSession({ ...config, storeId: 'a'.repeat(64) }, fake.create);
    session.mount();
    await tick();
    expect(session.getState()).toMatchObject({ status: 'error', error: { code: 'SECRET_KEY_IN_BROWSER' } });
    expect(fake.loads()).toBe(0);
  });
});
