import { createSandboxApi, sandboxSecrets, signStandardWebhook } from '@kcheckout/sandbox';
import { Webhook } from '@portone/server-sdk';
import { describe, expect, it } from 'vitest';
import { createMemoryWebhookIdStore, verifyPortOneWebhook } from './webhook.js';

const secret = sandboxSecrets.portone.webhookSecret;
const NOW = Date.parse('2026-01-01T00:00:00Z');
const body = JSON.stringify({ type: 'Transaction.Paid', timestamp: '2026-01-01T00:00:00.000Z', data: { storeId: 'store-1', paymentId: 'pay-0001', transactionId: 'tx-1' } });

async function signed(overrides: { id?: string; at?: number; secret?: string } = {}) {
  return signStandardWebhook(overrides.secret ?? secret, { id: overrides.id ?? 'msg_0001', timestamp: Math.floor((overrides.at ?? NOW) / 1000), body });
}

describe('given verifyPortOneWebhook', () => {
  it('accepts a delivery signed with the secret, once; the retry of the same id is REPLAYED', async () => {
    const store = createMemoryWebhookIdStore();
    const headers = await signed();
    const first = await verifyPortOneWebhook(secret, body, headers, { now: () => NOW, store });
    expect(first).toMatchObject({ ok: true, id: 'msg_0001', event: { type: 'Transaction.Paid', data: { paymentId: 'pay-0001' } } });
    expect(await verifyPortOneWebhook(secret, body, new Headers(headers), { now: () => NOW, store })).toMatchObject({ ok: false, code: 'REPLAYED' });
    // After forget() (processing failed, 5xx answered) the vendor's retry is taken again.
    if (first.ok) await first.forget();
    expect((await verifyPortOneWebhook(secret, body, headers, { now: () => NOW, store })).ok).toBe(true);
  });

  it('refuses a wrong secret, a changed body and a missing header', async () => {
    const store = createMemoryWebhookIdStore();
    const other = await signed({ secret: `whsec_${btoa('another-secret-of-32-bytes-long!')}` });
    expect(await verifyPortOneWebhook(secret, body, other, { now: () => NOW, store })).toMatchObject({ ok: false, code: 'INVALID_SIGNATURE' });
    const headers = await signed();
    expect(await verifyPortOneWebhook(secret, body.replace('pay-0001', 'pay-0002'), headers, { now: () => NOW, store })).toMatchObject({ ok: false, code: 'INVALID_SIGNATURE' });
    const { 'webhook-signature': _omitted, ...unsigned } = headers;
    expect(await verifyPortOneWebhook(secret, body, unsigned, { now: () => NOW, store })).toMatchObject({ ok: false, code: 'MISSING_HEADERS' });
    expect(await verifyPortOneWebhook('whsec_***', body, headers, { now: () => NOW, store })).toMatchObject({ ok: false, code: 'INVALID_SECRET' });
    // A refused delivery does not burn its id: the genuine one is still accepted.
    expect((await verifyPortOneWebhook(secret, body, headers, { now: () => NOW, store })).ok).toBe(true);
  });

  it('refuses a timestamp outside the tolerance, either way', async () => {
    const store = createMemoryWebhookIdStore();
    expect(await verifyPortOneWebhook(secret, body, await signed({ at: NOW - 301_000 }), { now: () => NOW, store })).toMatchObject({ ok: false, code: 'TIMESTAMP_OUT_OF_TOLERANCE' });
    expect(await verifyPortOneWebhook(secret, body, await signed({ at: NOW + 301_000 }), { now: () => NOW, store })).toMatchObject({ ok: false, code: 'TIMESTAMP_OUT_OF_TOLERANCE' });
    expect((await verifyPortOneWebhook(secret, body, await signed({ at: NOW - 60_000 }), { now: () => NOW, store, toleranceSeconds: 30 })).ok).toBe(false);
    expect((await verifyPortOneWebhook(secret, body, await signed({ at: NOW - 299_000 }), { now: () => NOW, store })).ok).toBe(true);
  });

  it('agrees with @portone/server-sdk on the sandbox’s signatures', async () => {
    const headers = await signStandardWebhook(secret, { id: 'msg_sdk', timestamp: Math.floor(Date.now() / 1000), body });
    await expect(Webhook.verify(secret, body, headers)).resolves.toMatchObject({ type: 'Transaction.Paid' });
    expect((await verifyPortOneWebhook(secret, body, headers, { store: createMemoryWebhookIdStore() })).ok).toBe(true);
  });

  it('verifies what the sandbox delivers for a recorded payment', async () => {
    const store = createMemoryWebhookIdStore();
    const results: unknown[] = [];
    const api = createSandboxApi({
      webhook: {
        url: 'http://shop.test/webhooks/portone',
        fetch: async (input, init) => {
          const request = new Request(input, init);
          const result = await verifyPortOneWebhook(secret, await request.text(), request.headers, { store });
          results.push(result);
          return new Response(null, { status: result.ok ? 200 : 400 });
        },
      },
    });
    api.recordPayment({ sdk: 'portone-v2', paymentId: 'pay-0009', amount: 100 });
    await vi.waitFor(() => expect(api.webhooks[0]?.result).toBe(200));
    expect(results[0]).toMatchObject({ ok: true, event: { type: 'Transaction.Paid', data: { paymentId: 'pay-0009' } } });
  });
});
