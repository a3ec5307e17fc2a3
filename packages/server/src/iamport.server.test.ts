import { createSandboxApi, sandboxSecrets } from '@kcheckout/sandbox';
import { describe, expect, it } from 'vitest';
import { createIamportTokenCache, verifyIamportPayment, type VerifyIamportPaymentOptions } from './iamport.js';

function setup() {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const api = createSandboxApi({ now: clock.now });
  const { impUid } = api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-0001', amount: 2000 }) as { impUid: string };
  const tokenCache = createIamportTokenCache();
  const verify = (overrides: Partial<VerifyIamportPaymentOptions> = {}) =>
    verifyIamportPayment({
      impKey: sandboxSecrets.iamport.impKey,
      impSecret: sandboxSecrets.iamport.impSecret,
      impUid,
      expected: { amount: 2000, currency: 'KRW', orderId: 'order-0001' },
      baseUrl: 'http://sandbox.test',
      fetch: api.fetch,
      mode: 'test',
      tokenCache,
      now: clock.now,
      ...overrides,
    });
  const tokenCalls = () => api.calls.filter((call) => call.path === '/users/getToken').length;
  return { api, impUid, verify, clock, tokenCalls };
}

describe('given verifyIamportPayment against the sandbox', () => {
  it('answers paid, and reuses one token until it is about to expire', async () => {
    const { verify, clock, tokenCalls } = setup();
    expect(await verify()).toMatchObject({ status: 'paid', payment: { status: 'paid', amount: 2000, merchant_uid: 'order-0001' } });
    await Promise.all([verify(), verify()]);
    expect(tokenCalls()).toBe(1);
    clock.advance(29 * 60_000 + 1); // within the last minute of the 30-minute token
    expect((await verify()).status).toBe('paid');
    expect(tokenCalls()).toBe(2);
  });

  it('refuses another amount, currency or merchant_uid', async () => {
    const { verify } = setup();
    expect(await verify({ expected: { amount: 200, orderId: 'order-0001' } })).toMatchObject({ status: 'mismatch', field: 'amount', actual: 2000 });
    expect(await verify({ expected: { amount: 2000, currency: 'USD' } })).toMatchObject({ status: 'mismatch', field: 'currency', actual: 'KRW' });
    expect(await verify({ expected: { amount: 2000, orderId: 'order-9999' } })).toMatchObject({ status: 'mismatch', field: 'orderId', actual: 'order-0001' });
  });

  it('maps a wrong key pair to auth, an unknown imp_uid (or a test payment in live mode) to not-found', async () => {
    const { verify } = setup();
    expect(await verify({ impSecret: 'wrong' })).toMatchObject({ status: 'vendor-error', httpStatus: 401, reason: 'auth' });
    expect(await verify({ impUid: 'imp_000000000000' })).toMatchObject({ status: 'vendor-error', httpStatus: 404, reason: 'not-found' });
    expect(await verify({ mode: 'live' })).toMatchObject({ status: 'vendor-error', httpStatus: 404, reason: 'not-found' });
  });

  it('answers not-paid for a cancelled window and awaiting-deposit for a vbank', async () => {
    const { api, verify } = setup();
    const cancelled = api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-0001', amount: 2000, status: 'canceled' }) as { impUid: string };
    expect(await verify({ impUid: cancelled.impUid })).toMatchObject({ status: 'not-paid', vendorStatus: 'failed' });
    const vbank = api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-0001', amount: 2000, method: 'vbank' }) as { impUid: string };
    expect(await verify({ impUid: vbank.impUid })).toMatchObject({ status: 'awaiting-deposit' });
  });

  it('renews a token the vendor no longer takes and retries once', async () => {
    const { api, verify, tokenCalls } = setup();
    expect((await verify()).status).toBe('paid');
    api.reset(); // forgets the issued tokens (and the payment, re-seeded below)
    const { impUid } = api.recordPayment({ sdk: 'iamport-v1', merchantUid: 'order-0001', amount: 2000 }) as { impUid: string };
    expect((await verify({ impUid })).status).toBe('paid');
    expect(api.calls.map((call) => call.status)).toEqual([401, 200, 200]);
    expect(tokenCalls()).toBe(1);
  });

  it('maps a 5xx, cut-off JSON and a hang on the lookup to retryable failures', async () => {
    const { api, verify, tokenCalls } = setup();
    expect((await verify()).status).toBe('paid');
    api.injectFault({ kind: 'server-error', provider: 'iamport' });
    expect(await verify()).toMatchObject({ status: 'vendor-error', httpStatus: 500, reason: 'server', retryable: true });
    api.injectFault({ kind: 'malformed-json' });
    expect(await verify()).toMatchObject({ status: 'unavailable', code: 'VENDOR_BAD_RESPONSE' });
    api.injectFault({ kind: 'hang' });
    expect(await verify({ timeoutMs: 50 })).toMatchObject({ status: 'unavailable', code: 'VENDOR_TIMEOUT' });
    expect(tokenCalls()).toBe(1);
  });

  it('does not cache a failed getToken', async () => {
    const { api, verify, tokenCalls } = setup();
    api.injectFault({ kind: 'server-error' });
    expect(await verify()).toMatchObject({ status: 'vendor-error', httpStatus: 500, retryable: true });
    expect((await verify()).status).toBe('paid');
    expect(tokenCalls()).toBe(2);
  });
});
