import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClientKeys } from '../index.js';
import { answerWindow, loadStandin, rejection, resetSandbox, sandbox, settledWithin, sleep, useDevice, windowOpen } from '../test-utils/sandbox.js';
import { portOne } from '../test-utils/vendor-types.js';

// PortOne.requestIdentityVerification (본인인증): a rule per test, each from the SDK's
// IdentityVerificationRequest / IdentityVerificationResponse types (README: what is assumed).

interface SetupError extends Error {
  code: string;
  transactionType: string;
  __portOneErrorType: string;
  identityVerificationId?: string;
}

const { storeId, channelKey } = sandboxClientKeys.portone;
const identity = (overrides: Record<string, unknown> = {}) => ({ storeId, channelKey, identityVerificationId: 'identity-0001', ...overrides });
const setupError = async (promise: Promise<unknown>) => (await rejection(promise)) as unknown as SetupError;
let navigations: string[] = [];

beforeAll(async () => {
  await loadStandin('portone-v2');
});

beforeEach(async () => {
  navigations = [];
  resetSandbox(navigations);
  await useDevice('pc');
});

describe('given requestIdentityVerification on the portone-v2 stand-in', () => {
  it('resolves the IdentityVerificationResponse when the buyer finishes, and records the verified person', async () => {
    sandbox().nextOutcome = 'approve';
    const response = await portOne().requestIdentityVerification(identity({ customer: { fullName: '김사랑', phoneNumber: '01012345678', birthYear: '1995', birthMonth: '03', birthDay: '09' } }));
    expect(response).toEqual({ transactionType: 'IDENTITY_VERIFICATION', identityVerificationId: 'identity-0001', identityVerificationTxId: expect.any(String) });
    expect(sandbox().identityVerifications).toEqual([
      expect.objectContaining({ identityVerificationId: 'identity-0001', status: 'verified', customer: expect.objectContaining({ name: '김사랑', phoneNumber: '01012345678', birthDate: '1995-03-09' }) }),
    ]);
    expect(sandbox().payments).toEqual([]);
  });

  it('resolves with code and message for a failed verification and for the buyer closing the window', async () => {
    sandbox().nextOutcome = 'decline';
    expect(await portOne().requestIdentityVerification(identity())).toMatchObject({ identityVerificationId: 'identity-0001', code: 'FAILURE_TYPE_PG', pgCode: 'SANDBOX_IDENTITY_FAILED' });
    sandbox().nextOutcome = 'cancel';
    expect(await portOne().requestIdentityVerification(identity())).toMatchObject({ code: 'FAILURE_TYPE_PG', message: '사용자가 본인인증을 취소하였습니다.' });
  });

  it('refuses a missing storeId, channelKey or identityVerificationId with an IdentityVerificationError', async () => {
    for (const field of ['storeId', 'channelKey', 'identityVerificationId']) {
      const request: Record<string, unknown> = identity();
      delete request[field];
      const error = await setupError(portOne().requestIdentityVerification(request));
      expect(error).toMatchObject({ code: 'InvalidArgument', transactionType: 'IDENTITY_VERIFICATION', __portOneErrorType: 'IdentityVerificationError' });
      expect(error.message).toContain(`${field}는 필수 입력값입니다.`);
    }
  });

  it('refuses a server secret where the store id goes, naming its length and never its characters', async () => {
    const secret = 'Aa0'.repeat(20);
    const error = await setupError(portOne().requestIdentityVerification(identity({ storeId: secret })));
    expect(error.message).toContain('storeId에 API 시크릿을 넣으면 안 됩니다.');
    expect(error.message).not.toContain(secret);
  });

  it('refuses customData that is not a string (the type is string, unlike requestPayment)', async () => {
    const error = await setupError(portOne().requestIdentityVerification(identity({ customData: { userId: 7 } })));
    expect(error.message).toContain('customData는 문자열이어야 합니다.');
  });

  it('refuses a customer field that is not a string', async () => {
    const error = await setupError(portOne().requestIdentityVerification(identity({ customer: { birthYear: 1990 } })));
    expect(error.message).toContain('customer.birthYear 값이 올바르지 않습니다.');
  });

  it('refuses a relative redirectUrl and REDIRECTION without one, as payments do', async () => {
    expect((await setupError(portOne().requestIdentityVerification(identity({ redirectUrl: '/identity' })))).message).toContain('http:// 또는 https://');
    expect((await setupError(portOne().requestIdentityVerification(identity({ windowType: { pc: 'REDIRECTION' } })))).message).toContain('REDIRECTION 방식에는 redirectUrl가 필요합니다.');
  });

  it('refuses a second verification of an id that was verified (IdentityVerificationAlreadyVerified), not one that failed', async () => {
    sandbox().nextOutcome = 'decline';
    await portOne().requestIdentityVerification(identity());
    sandbox().nextOutcome = 'approve';
    await portOne().requestIdentityVerification(identity());
    const error = await setupError(portOne().requestIdentityVerification(identity()));
    expect(error).toMatchObject({ code: 'IdentityVerificationAlreadyVerified', identityVerificationId: 'identity-0001' });
  });

  it('refuses a request while a window is open (payment or verification), and answers the first', async () => {
    const first = portOne().requestIdentityVerification(identity());
    await windowOpen();
    const error = await setupError(portOne().requestIdentityVerification(identity({ identityVerificationId: 'identity-0002' })));
    expect(error.code).toBe('FailedPrecondition');
    await answerWindow('approve');
    expect(await first).toMatchObject({ identityVerificationId: 'identity-0001' });
  });

  it('on a mobile device with redirectUrl, navigates with the response fields in the query and never settles', async () => {
    await useDevice('mobile');
    sandbox().nextOutcome = 'approve';
    const verifying = portOne().requestIdentityVerification(identity({ redirectUrl: 'https://shop.test/identity/done?next=%2Fsignup' }));
    await sleep(50);
    expect(navigations).toHaveLength(1);
    const url = new URL(navigations[0]!);
    expect(url.pathname).toBe('/identity/done');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      next: '/signup',
      transactionType: 'IDENTITY_VERIFICATION',
      identityVerificationId: 'identity-0001',
      identityVerificationTxId: expect.any(String),
    });
    expect(await settledWithin(verifying, 50)).toBe('pending');
  });
});
