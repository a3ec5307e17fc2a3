import { sandboxClientKeys, sandboxSecrets } from '@kcheckout/sandbox';
import { startSandboxServer, type SandboxServer } from '@kcheckout/sandbox/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyPortOnePayment, type VerifyPortOnePaymentOptions } from './portone.js';

// @portone/server-sdk calls the global fetch and takes only a baseUrl, so these run over loopback HTTP.
let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer();
});
afterAll(() => server.close());
beforeEach(() => server.api.reset());

const verify = (overrides: Partial<VerifyPortOnePaymentOptions> = {}) =>
  verifyPortOnePayment({ apiSecret: sandboxSecrets.portone.apiSecret, paymentId: 'pay-0001', expected: { amount: 3000, currency: 'KRW' }, baseUrl: server.url, mode: 'test', ...overrides });

describe('given verifyPortOnePayment against the sandbox over HTTP', () => {
  it('answers paid for PAID with the expected amount.total and currency', async () => {
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-0001', amount: 3000 });
    const result = await verify({ storeId: sandboxClientKeys.portone.storeId });
    expect(result).toMatchObject({ status: 'paid', payment: { id: 'pay-0001', status: 'PAID', amount: { total: 3000 } } });
    expect(server.api.calls).toEqual([{ provider: 'portone', method: 'GET', path: `/payments/pay-0001?storeId=${sandboxClientKeys.portone.storeId}`, status: 200 }]);
  });

  it('refuses an amount or currency other than the order’s', async () => {
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-0001', amount: 3000 });
    expect(await verify({ expected: { amount: 30000, currency: 'KRW' } })).toMatchObject({ status: 'mismatch', field: 'amount', expected: 30000, actual: 3000 });
    expect(await verify({ expected: { amount: 3000, currency: 'USD' } })).toMatchObject({ status: 'mismatch', field: 'currency', expected: 'USD', actual: 'KRW' });
  });

  it('refuses a test channel in live mode (the default) and takes a live one', async () => {
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-0001', amount: 3000 });
    expect(await verify({ mode: undefined })).toMatchObject({ status: 'mismatch', field: 'channel', expected: 'LIVE', actual: 'TEST' });
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-0002', amount: 3000, channelType: 'LIVE' });
    expect(await verify({ paymentId: 'pay-0002', mode: 'live' })).toMatchObject({ status: 'paid' });
  });

  it('answers awaiting-deposit for a virtual account and not-paid for a declined window', async () => {
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-0001', amount: 3000, method: 'VIRTUAL_ACCOUNT' });
    expect(await verify()).toMatchObject({ status: 'awaiting-deposit', payment: { status: 'VIRTUAL_ACCOUNT_ISSUED' } });
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-0003', amount: 3000, status: 'declined' });
    expect(await verify({ paymentId: 'pay-0003' })).toMatchObject({ status: 'not-paid', vendorStatus: 'FAILED' });
  });

  it('maps a wrong secret, an unknown payment and another store to vendor errors', async () => {
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-0001', amount: 3000 });
    expect(await verify({ apiSecret: 'wrong' })).toMatchObject({ status: 'vendor-error', code: 'UNAUTHORIZED', reason: 'auth', retryable: false });
    expect(await verify({ paymentId: 'pay-none' })).toMatchObject({ status: 'vendor-error', code: 'PAYMENT_NOT_FOUND', httpStatus: 404, reason: 'not-found' });
    expect(await verify({ storeId: 'store-other' })).toMatchObject({ status: 'vendor-error', code: 'FORBIDDEN', reason: 'auth' });
  });

  it('maps a 5xx, cut-off JSON and a hang to retryable failures', async () => {
    server.api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-0001', amount: 3000 });
    server.api.injectFault({ kind: 'server-error' });
    expect(await verify()).toMatchObject({ status: 'vendor-error', reason: 'server', retryable: true });
    server.api.injectFault({ kind: 'malformed-json' });
    expect(await verify()).toMatchObject({ status: 'unavailable', code: 'VENDOR_BAD_RESPONSE' });
    server.api.injectFault({ kind: 'hang', hangMs: 2000 });
    expect(await verify({ timeoutMs: 100 })).toMatchObject({ status: 'unavailable', code: 'VENDOR_TIMEOUT', retryable: true });
  });
});
