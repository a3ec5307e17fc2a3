// The browser stand-ins hand answered windows to the REST stand-ins when apiBase is set. The REST
// stand-ins are Web-standard, so they run here in the page; only the network hop is replaced, by
// routing the page's fetch to them.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClientKeys } from '../index.js';
import { answerWindow, loadStandin, resetSandbox, sandbox, useDevice } from '../test-utils/sandbox.js';
import { imp, type RequestPayResponse } from '../test-utils/vendor-types.js';
import { createSandboxApi, type SandboxApi } from './api.js';
import { sandboxSecrets } from './secrets.js';

const apiBase = 'http://127.0.0.1:8787';
const realFetch = window.fetch;
let api: SandboxApi;
let sent: string[];
let navigations: string[];

const request = (overrides: Record<string, unknown> = {}) => ({
  channelKey: sandboxClientKeys.iamport.channelKey,
  pay_method: 'card',
  merchant_uid: 'order-0001',
  name: '생수 외 1건',
  amount: 50000,
  ...overrides,
});

async function lookUp(impUid: string) {
  const form = new URLSearchParams({ imp_key: sandboxSecrets.iamport.impKey, imp_secret: sandboxSecrets.iamport.impSecret });
  const token = (await (await api.fetch(`${apiBase}/users/getToken`, { method: 'POST', body: form })).json()).response.access_token;
  return api.fetch(`${apiBase}/payments/${impUid}?include_sandbox=true`, { headers: { authorization: token } });
}

beforeAll(async () => {
  await loadStandin('iamport-v1');
});

beforeEach(async () => {
  navigations = [];
  resetSandbox(navigations);
  await useDevice('pc');
  imp().init(sandboxClientKeys.iamport.impCode);
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

describe('given window.kcheckoutSandbox.apiBase', () => {
  it('sends an approved window to the REST stand-ins before the callback, so the server can verify it', async () => {
    sandbox().apiBase = `${apiBase}/`;
    const answered = new Promise<RequestPayResponse>((resolve) => imp().request_pay(request(), resolve));
    await answerWindow('approve');
    const response = await answered;
    expect(sent).toEqual([`${apiBase}/__sandbox/payments`]);
    const found = await (await lookUp(String(response.imp_uid))).json();
    expect(found.response).toMatchObject({ imp_uid: response.imp_uid, merchant_uid: 'order-0001', amount: 50000, status: 'paid' });
  });

  it('sends it before a mobile redirect leaves the page', async () => {
    await useDevice('mobile');
    sandbox().apiBase = apiBase;
    imp().request_pay(request({ m_redirect_url: 'https://shop.test/pay/done' }));
    await answerWindow('approve');
    await vi.waitFor(() => expect(navigations).toHaveLength(1));
    const impUid = new URL(navigations[0]!).searchParams.get('imp_uid')!;
    expect((await lookUp(impUid)).status).toBe(200);
  });

  it('still answers the window when the REST stand-ins are unreachable', async () => {
    sandbox().apiBase = apiBase;
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const answered = new Promise<RequestPayResponse>((resolve) => imp().request_pay(request(), resolve));
    await answerWindow('approve');
    expect(await answered).toMatchObject({ status: 'paid' });
    expect(sandbox().payments).toHaveLength(1);
  });
});

describe('given no apiBase (the default)', () => {
  it('sends nothing', async () => {
    const answered = new Promise<RequestPayResponse>((resolve) => imp().request_pay(request(), resolve));
    await answerWindow('approve');
    await answered;
    expect(sent).toEqual([]);
    expect(sandbox().payments).toHaveLength(1);
  });
});
