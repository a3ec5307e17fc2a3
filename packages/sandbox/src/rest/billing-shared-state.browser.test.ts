// Toss billing end to end on the sandbox: the browser stand-in hands the approved registration to the
// REST stand-ins (apiBase) before it leaves for successUrl, so a server can issue the billing key from
// the redirect's authKey and charge it. The REST stand-ins run in the page; only the hop is replaced.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClientKeys } from '../index.js';
import { answerWindow, loadStandin, resetSandbox, sandbox, useDevice } from '../test-utils/sandbox.js';
import { tossPayments } from '../test-utils/vendor-types.js';
import { createSandboxApi, type SandboxApi } from './api.js';
import { sandboxSecrets } from './secrets.js';

const apiBase = 'http://127.0.0.1:8787';
const realFetch = window.fetch;
const auth = `Basic ${btoa(`${sandboxSecrets.toss.apiSecretKey}:`)}`;
let api: SandboxApi;
let sent: string[];
let navigations: string[];

const post = (path: string, body: unknown) =>
  api.fetch(`${apiBase}${path}`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  await loadStandin('toss-v2');
});

beforeEach(async () => {
  navigations = [];
  resetSandbox(navigations);
  await useDevice('pc');
  api = createSandboxApi();
  sent = [];
  window.fetch = (input, init) => {
    sent.push(String(input));
    return api.fetch(input, init);
  };
});

afterEach(() => {
  window.fetch = realFetch;
  delete sandbox().apiBase;
});

describe('given window.kcheckoutSandbox.apiBase and a billing registration', () => {
  it('sends the authorisation before leaving, so the server issues a billing key from the redirect and charges it', async () => {
    sandbox().apiBase = apiBase;
    const payment = tossPayments()(sandboxClientKeys.tossApi).payment({ customerKey: 'member_42' }) as { requestBillingAuth(request: unknown): Promise<void> };
    void payment.requestBillingAuth({ method: 'CARD', successUrl: 'https://shop.test/billing', failUrl: 'https://shop.test/billing' });
    await answerWindow('approve');
    await expect.poll(() => navigations.length).toBe(1);
    expect(sent).toEqual([`${apiBase}/__sandbox/billing-auths`]);
    const query = new URL(navigations[0]!).searchParams;

    const issued = await post('/v1/billing/authorizations/issue', { authKey: query.get('authKey'), customerKey: query.get('customerKey') });
    expect(issued.status).toBe(200);
    const { billingKey } = await issued.json();
    const charged = await post(`/v1/billing/${encodeURIComponent(billingKey)}`, { customerKey: 'member_42', amount: 9900, orderId: 'sub-000001', orderName: '월간 구독' });
    expect(await charged.json()).toMatchObject({ type: 'BILLING', status: 'DONE', totalAmount: 9900 });
    expect(api.calls.map((call) => [call.path.replace(billingKey, ':billingKey').replace(encodeURIComponent(billingKey), ':billingKey'), call.status])).toEqual([
      ['/v1/billing/authorizations/issue', 200],
      ['/v1/billing/:billingKey', 200],
    ]);
  });

  it('sends nothing for a decline: there is no authorisation to issue from', async () => {
    sandbox().apiBase = apiBase;
    const payment = tossPayments()(sandboxClientKeys.tossApi).payment({ customerKey: 'member_42' }) as { requestBillingAuth(request: unknown): Promise<void> };
    void payment.requestBillingAuth({ method: 'CARD', successUrl: 'https://shop.test/billing', failUrl: 'https://shop.test/billing' });
    await answerWindow('decline');
    await expect.poll(() => navigations.length).toBe(1);
    expect(sent).toEqual([]);
    expect(new URL(navigations[0]!).searchParams.get('code')).toBe('REJECT_CARD_COMPANY');
  });
});
