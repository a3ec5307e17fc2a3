// A PayPal payment made in the browser stand-in (loadPaymentUI, PAYPAL_SPB) reaches the REST
// stand-in through apiBase, and the payment lookup a server verifies with answers it: USD in minor
// units, PAID, on a PAYPAL_V2 channel. The REST stand-ins run in the page; only fetch is rerouted.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClientKeys } from '../index.js';
import { answerWindow, loadStandin, resetSandbox, sandbox, sleep, useDevice } from '../test-utils/sandbox.js';
import { portOne } from '../test-utils/vendor-types.js';
import { createSandboxApi, type SandboxApi } from './api.js';
import { sandboxSecrets } from './secrets.js';

const apiBase = 'http://127.0.0.1:8787';
const realFetch = window.fetch;
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

describe('given a PayPal button paid in the browser stand-in, with apiBase set', () => {
  it('is a PAID PortOne payment in USD minor units that GET /payments/{paymentId} answers', async () => {
    const container = document.createElement('div');
    container.className = 'portone-ui-container';
    document.body.append(container);
    const successes: Array<{ paymentId: string; txId: string }> = [];
    const { storeId, channelKey } = sandboxClientKeys.portone;
    const request = { uiType: 'PAYPAL_SPB', storeId, channelKey, paymentId: 'paypal-0100', orderName: 'Green tea', totalAmount: 1250, currency: 'USD' };
    await portOne().loadPaymentUI(request, { onPaymentSuccess: (response: { paymentId: string; txId: string }) => successes.push(response), onPaymentFail() {} });
    await portOne().updateLoadPaymentUIRequest({ ...request, totalAmount: 2500 });
    container.querySelector('button')!.click();
    await answerWindow('approve');
    for (let i = 0; i < 100 && successes.length === 0; i++) await sleep(5);
    expect(successes).toHaveLength(1);

    const response = await api.fetch(`${apiBase}/payments/paypal-0100`, { headers: { authorization: `PortOne ${sandboxSecrets.portone.apiSecret}` } });
    expect(response.status).toBe(200);
    const payment = await response.json();
    expect(payment).toMatchObject({ status: 'PAID', id: 'paypal-0100', transactionId: successes[0]!.txId, currency: 'USD', amount: { total: 2500, paid: 2500 }, channel: { pgProvider: 'PAYPAL_V2' } });
    expect(payment.method).toBeUndefined();
    expect(api.calls.map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual(['GET /payments/paypal-0100 200']);
  });
});
