// requestIssueBillingKeyAndPay approved in the browser stand-in reaches the REST stand-in through
// apiBase: the first charge is a PAID payment GET /payments/{paymentId} answers, and the issued key
// can be charged with POST /payments/{paymentId}/billing-key. The REST stand-ins run in the page;
// only fetch is rerouted.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClientKeys } from '../index.js';
import { answerWindow, loadStandin, resetSandbox, sandbox, useDevice } from '../test-utils/sandbox.js';
import { portOne } from '../test-utils/vendor-types.js';
import { createSandboxApi, type SandboxApi } from './api.js';
import { sandboxSecrets } from './secrets.js';

const apiBase = 'http://127.0.0.1:8787';
const realFetch = window.fetch;
const auth = { authorization: `PortOne ${sandboxSecrets.portone.apiSecret}` };
let api: SandboxApi;

beforeAll(async () => {
  await loadStandin('portone-v2');
});

beforeEach(async () => {
  resetSandbox();
  await useDevice('pc');
  api = createSandboxApi();
  window.fetch = (input, init) => api.fetch(input, init);
  sandbox().apiBase = apiBase;
});

afterEach(() => {
  window.fetch = realFetch;
  delete sandbox().apiBase;
});

describe('given a billing key and first payment approved in the browser stand-in, with apiBase set', () => {
  it('is a PAID first payment, and its billing key pays the next month once', async () => {
    const { storeId, channelKey } = sandboxClientKeys.portone;
    const paying = portOne().requestIssueBillingKeyAndPay({ storeId, channelKey, paymentId: 'sub-first-0100', orderName: '월간 구독 1개월', totalAmount: 9900, currency: 'KRW', billingKeyAndPayMethod: 'MOBILE' }) as Promise<{ billingKey: string; txId: string }>;
    await answerWindow('approve');
    const { billingKey, txId } = await paying;

    const first = await (await api.fetch(`${apiBase}/payments/sub-first-0100`, { headers: auth })).json();
    expect(first).toMatchObject({ status: 'PAID', id: 'sub-first-0100', transactionId: txId, amount: { total: 9900 }, method: { type: 'PaymentMethodMobile' } });

    const charge = (paymentId: string) =>
      api.fetch(`${apiBase}/payments/${paymentId}/billing-key`, { method: 'POST', headers: auth, body: JSON.stringify({ billingKey, orderName: '월간 구독 2개월', amount: { total: 9900 }, currency: 'KRW' }) });
    expect((await charge('sub-second-0100')).status).toBe(200);
    expect((await charge('sub-second-0100')).status).toBe(409);
    expect(api.calls.map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual([
      'GET /payments/sub-first-0100 200',
      'POST /payments/sub-second-0100/billing-key 200',
      'POST /payments/sub-second-0100/billing-key 409',
    ]);
  });

  it('issues no key for a declined window, and its first payment is FAILED', async () => {
    const { storeId, channelKey } = sandboxClientKeys.portone;
    const paying = portOne().requestIssueBillingKeyAndPay({ storeId, channelKey, paymentId: 'sub-first-0101', orderName: '월간 구독', totalAmount: 9900, currency: 'KRW', billingKeyAndPayMethod: 'MOBILE' }) as Promise<{ billingKey?: string }>;
    await answerWindow('decline');
    expect((await paying).billingKey).toBeUndefined();
    const lookup = await (await api.fetch(`${apiBase}/payments/sub-first-0101`, { headers: auth })).json();
    expect(lookup.status).toBe('FAILED');
  });
});
