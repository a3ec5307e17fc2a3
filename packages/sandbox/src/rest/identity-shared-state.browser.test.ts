// End to end on the sandbox: an identity-verification window answered in the page reaches the REST
// stand-in (apiBase), whose GET /identity-verifications/{id} is what a merchant's server looks up.
// Only the network hop is replaced, by routing the page's fetch to the Web-standard REST stand-ins.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClientKeys } from '../index.js';
import { answerWindow, loadStandin, resetSandbox, sandbox, sleep, useDevice } from '../test-utils/sandbox.js';
import { portOne } from '../test-utils/vendor-types.js';
import { createSandboxApi, type SandboxApi } from './api.js';
import { sandboxSecrets } from './secrets.js';

const apiBase = 'http://127.0.0.1:8787';
const realFetch = window.fetch;
let api: SandboxApi;
let sent: string[];
let navigations: string[];

const identity = (id: string, overrides: Record<string, unknown> = {}) => ({ ...sandboxClientKeys.portone, identityVerificationId: id, customer: { fullName: '김사랑' }, ...overrides });
const lookUp = async (id: string) =>
  (await api.fetch(`${apiBase}/identity-verifications/${id}`, { headers: { authorization: `PortOne ${sandboxSecrets.portone.apiSecret}` } })).json();

beforeAll(async () => {
  await loadStandin('portone-v2');
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
  sandbox().apiBase = apiBase;
});

afterEach(() => {
  window.fetch = realFetch;
  delete sandbox().apiBase;
});

describe('given apiBase and requestIdentityVerification', () => {
  it('sends the verified person before the promise answers, and the lookup finds it VERIFIED', async () => {
    const answered = portOne().requestIdentityVerification(identity('identity-e2e-0001'));
    await answerWindow('approve');
    await answered;
    expect(sent).toEqual([`${apiBase}/__sandbox/identity-verifications`]);
    expect(await lookUp('identity-e2e-0001')).toMatchObject({ status: 'VERIFIED', id: 'identity-e2e-0001', verifiedCustomer: { name: '김사랑' } });
    expect(api.calls).toEqual([{ provider: 'portone', method: 'GET', path: '/identity-verifications/identity-e2e-0001', status: 200 }]);
  });

  it('in redirect mode, sends the record before leaving, and a cancelled window is FAILED at the lookup', async () => {
    await useDevice('mobile');
    sandbox().nextOutcome = 'cancel';
    void portOne().requestIdentityVerification(identity('identity-e2e-0002', { redirectUrl: 'https://shop.test/identity/done' }));
    await sleep(80);
    expect(navigations).toHaveLength(1);
    expect(sent).toEqual([`${apiBase}/__sandbox/identity-verifications`]);
    expect(await lookUp('identity-e2e-0002')).toMatchObject({ status: 'FAILED', failure: { reason: '사용자가 본인인증을 취소하였습니다.' } });
  });
});
