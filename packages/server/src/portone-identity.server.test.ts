import { sandboxClientKeys, sandboxSecrets } from '@kcheckout/sandbox';
import { startSandboxServer, type SandboxServer } from '@kcheckout/sandbox/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyPortOneIdentity, type VerifyPortOneIdentityOptions } from './portone-identity.js';

// @portone/server-sdk calls the global fetch and takes only a baseUrl, so these run over loopback HTTP.
let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer();
});
afterAll(() => server.close());
beforeEach(() => server.api.reset());

const verify = (overrides: Partial<VerifyPortOneIdentityOptions> = {}) =>
  verifyPortOneIdentity({ apiSecret: sandboxSecrets.portone.apiSecret, identityVerificationId: 'identity-0001', baseUrl: server.url, mode: 'test', ...overrides });

describe('given verifyPortOneIdentity against the sandbox over HTTP', () => {
  it('accepts VERIFIED and returns the person with CI and DI, in one GET', async () => {
    server.api.recordIdentityVerification({ identityVerificationId: 'identity-0001', customer: { name: '김사랑', phoneNumber: '01012345678', birthDate: '1995-03-09', gender: 'FEMALE' } });
    const result = await verify({ storeId: sandboxClientKeys.portone.storeId });
    expect(result).toMatchObject({
      status: 'verified',
      customer: { name: '김사랑', phoneNumber: '01012345678', birthDate: '1995-03-09', gender: 'FEMALE', isForeigner: false, operator: 'SKT', ci: expect.stringMatching(/==$/), di: expect.any(String) },
      verifiedAt: expect.any(String),
    });
    expect(server.api.calls).toEqual([
      { provider: 'portone', method: 'GET', path: `/identity-verifications/identity-0001?storeId=${sandboxClientKeys.portone.storeId}`, status: 200 },
    ]);
  });

  it('answers not-verified for a failed or cancelled verification, with PortOne’s reason', async () => {
    server.api.recordIdentityVerification({ identityVerificationId: 'identity-0001', status: 'failed' });
    expect(await verify()).toMatchObject({ status: 'not-verified', vendorStatus: 'FAILED', reason: '본인인증에 실패했습니다.' });
    server.api.recordIdentityVerification({ identityVerificationId: 'identity-0002', status: 'canceled' });
    expect(await verify({ identityVerificationId: 'identity-0002' })).toMatchObject({ status: 'not-verified', vendorStatus: 'FAILED' });
  });

  it('refuses a test channel in live mode (the default) and takes a live one', async () => {
    server.api.recordIdentityVerification({ identityVerificationId: 'identity-0001' });
    expect(await verify({ mode: undefined })).toMatchObject({ status: 'mismatch', field: 'channel', expected: 'LIVE', actual: 'TEST' });
    server.api.recordIdentityVerification({ identityVerificationId: 'identity-0002', channelType: 'LIVE' });
    expect(await verify({ identityVerificationId: 'identity-0002', mode: 'live' })).toMatchObject({ status: 'verified' });
  });

  it('maps a wrong secret, an unknown id and another store to vendor errors', async () => {
    server.api.recordIdentityVerification({ identityVerificationId: 'identity-0001' });
    expect(await verify({ apiSecret: 'wrong' })).toMatchObject({ status: 'vendor-error', code: 'UNAUTHORIZED', reason: 'auth', retryable: false });
    expect(await verify({ identityVerificationId: 'identity-none' })).toMatchObject({ status: 'vendor-error', code: 'IDENTITY_VERIFICATION_NOT_FOUND', httpStatus: 404, reason: 'not-found' });
    expect(await verify({ storeId: 'store-other' })).toMatchObject({ status: 'vendor-error', code: 'FORBIDDEN', reason: 'auth' });
  });

  it('maps a 5xx, cut-off JSON and a hang to retryable failures', async () => {
    server.api.recordIdentityVerification({ identityVerificationId: 'identity-0001' });
    server.api.injectFault({ kind: 'server-error' });
    expect(await verify()).toMatchObject({ status: 'vendor-error', reason: 'server', retryable: true });
    server.api.injectFault({ kind: 'malformed-json' });
    expect(await verify()).toMatchObject({ status: 'unavailable', code: 'VENDOR_BAD_RESPONSE' });
    server.api.injectFault({ kind: 'hang', hangMs: 2000 });
    expect(await verify({ timeoutMs: 100 })).toMatchObject({ status: 'unavailable', code: 'VENDOR_TIMEOUT', retryable: true });
  });

  it('throws for a missing secret or an id with path characters, before any call', async () => {
    await expect(verify({ apiSecret: '' })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    await expect(verify({ identityVerificationId: 'a b' })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    expect(server.api.calls).toEqual([]);
  });
});
