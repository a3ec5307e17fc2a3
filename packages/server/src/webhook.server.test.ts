import { createSandboxApi, sandboxSecrets, signStandardWebhook } from '@kcheckout/sandbox';
import { Webhook } from '@portone/server-sdk';
import { describe, expect, it } from 'vitest';
import { createMemoryWebhookIdStore, verifyPortOneWebhook, type WebhookIdStore } from './webhook.js';

const secret = sandboxSecrets.portone.webhookSecret;
const NOW = Date.parse('2026-01-01T00:00:00Z');
const body = JSON.stringify({ type: 'Transaction.Paid', timestamp: '2026-01-01T00:00:00.000Z', data: { storeId: 'store-1', paymentId: 'pay-0001', transactionId: 'tx-1' } });

async function signed(overrides: { id?: string; at?: number; secret?: string } = {}) {
  return signStandardWebhook(overrides.secret ?? secret, { id: overrides.id ?? 'msg_0001', timestamp: Math.floor((overrides.at ?? NOW) / 1000), body });
}

describe('given verifyPortOneWebhook', () => {
  it('accepts a delivery signed with the secret until it is committed; after that the retry is REPLAYED', async () => {
    const store = createMemoryWebhookIdStore();
    const headers = await signed();
    const first = await verifyPortOneWebhook(secret, body, headers, { now: () => NOW, store });
    expect(first).toMatchObject({ ok: true, id: 'msg_0001', event: { type: 'Transaction.Paid', data: { paymentId: 'pay-0001' } } });
    if (!first.ok) throw new Error('expected the first delivery to verify');
    await first.commit();
    expect(await verifyPortOneWebhook(secret, body, new Headers(headers), { now: () => NOW, store })).toMatchObject({ ok: false, code: 'REPLAYED' });
  });

  it('accepts the redelivery when processing crashed before commit, so the event is not lost', async () => {
    const store = createMemoryWebhookIdStore();
    const headers = await signed();
    const process = async (paid: string[]) => {
      const result = await verifyPortOneWebhook(secret, body, headers, { now: () => NOW, store });
      if (!result.ok) return result.code;
      if (paid.length === 0) throw new Error('database down');
      await result.commit();
      return 'processed';
    };
    await expect(process([])).rejects.toThrow('database down');
    expect(await process(['pay-0001'])).toBe('processed');
    expect(await process(['pay-0001'])).toBe('REPLAYED');
  });

  it('forgets a committed id once it is twice the tolerance old, when the timestamp check refuses it anyway', async () => {
    const store = createMemoryWebhookIdStore();
    const first = await verifyPortOneWebhook(secret, body, await signed(), { now: () => NOW, store, toleranceSeconds: 60 });
    if (!first.ok) throw new Error('expected the delivery to verify');
    await first.commit();
    expect(await store.has('msg_0001', NOW + 119_000)).toBe(true);
    expect(await store.has('msg_0001', NOW + 120_000)).toBe(false);
  });

  it('works with an asynchronous store of your own (Redis, a database)', async () => {
    const rows = new Map<string, number>();
    const store: WebhookIdStore = {
      has: async (id, now) => (rows.get(id) ?? 0) > now,
      add: async (id, expiresAt) => {
        rows.set(id, expiresAt);
      },
    };
    const headers = await signed({ id: 'msg_async' });
    const first = await verifyPortOneWebhook(secret, body, headers, { now: () => NOW, store });
    expect(rows.size).toBe(0);
    if (first.ok) await first.commit();
    expect(rows.get('msg_async')).toBe(NOW + 600_000);
    expect(await verifyPortOneWebhook(secret, body, headers, { now: () => NOW, store })).toMatchObject({ ok: false, code: 'REPLAYED' });
  });

  it.each([['NaN', Number.NaN], ['Infinity', Number.POSITIVE_INFINITY], ['-1', -1], ['a string', '300']])(
    'throws INVALID_OPTION for toleranceSeconds %s instead of switching the timestamp check off',
    async (_, toleranceSeconds) => {
      const headers = await signed({ at: NOW - 3_600_000 });
      const verifying = verifyPortOneWebhook(secret, body, headers, { now: () => NOW, toleranceSeconds: toleranceSeconds as number, store: createMemoryWebhookIdStore() });
      await expect(verifying).rejects.toMatchObject({ name: 'CheckoutError', code: 'INVALID_OPTION' });
      await expect(verifying).rejects.toThrow(/toleranceSeconds/);
    },
  );

  it('accepts toleranceSeconds 0 for a delivery signed this very second', async () => {
    const result = await verifyPortOneWebhook(secret, body, await signed(), { now: () => NOW, toleranceSeconds: 0, store: createMemoryWebhookIdStore() });
    expect(result.ok).toBe(true);
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

});

describe('given a webhook-signature header stuffed with candidates', () => {
  const bogus = (n: number) => Array.from({ length: n }, (_, i) => `v1,${btoa(String(i).padStart(32, 'x'))}`);
  async function withCandidates(before: string[], after: string[] = []) {
    const headers = await signed();
    return { ...headers, 'webhook-signature': [...before, headers['webhook-signature'], ...after].join(' ') };
  }

  it('refuses a 16 KB header of bogus candidates with INVALID_SIGNATURE', async () => {
    const headers = await signed();
    const stuffed = bogus(400).join(' ');
    expect(stuffed.length).toBeGreaterThan(16_000);
    const result = await verifyPortOneWebhook(secret, body, { ...headers, 'webhook-signature': stuffed }, { now: () => NOW, store: createMemoryWebhookIdStore() });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_SIGNATURE' });
  });

  it('accepts the valid signature among the first 8 candidates, as during a secret rotation', async () => {
    const result = await verifyPortOneWebhook(secret, body, await withCandidates(bogus(7), bogus(300)), { now: () => NOW, store: createMemoryWebhookIdStore() });
    expect(result.ok).toBe(true);
  });

  it('refuses a valid signature placed after the first 8 candidates', async () => {
    const result = await verifyPortOneWebhook(secret, body, await withCandidates(bogus(8)), { now: () => NOW, store: createMemoryWebhookIdStore() });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_SIGNATURE' });
  });

  it('refuses a candidate of the right length with one byte changed', async () => {
    const headers = await signed();
    const bytes = Uint8Array.from(atob(headers['webhook-signature'].slice(3)), (c) => c.charCodeAt(0));
    bytes[31] = (bytes[31] as number) ^ 1;
    const tampered = `v1,${btoa(String.fromCharCode(...bytes))}`;
    const result = await verifyPortOneWebhook(secret, body, { ...headers, 'webhook-signature': tampered }, { now: () => NOW, store: createMemoryWebhookIdStore() });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_SIGNATURE' });
  });
});

describe('given timestamps and signatures from elsewhere', () => {
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
