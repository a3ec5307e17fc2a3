// The server side of the sandbox for SSR frameworks: a plain script path to render with, a
// route handler that serves the stand-ins there, and configureSandbox doing nothing without a window.
import { describe, expect, it } from 'vitest';
import { configureSandbox, getSandbox, handleSandboxScript, sandboxScriptPath, sandboxScriptResponse, type SandboxSdk } from './index.js';
import * as tossV2 from './toss-v2.js';
import * as portoneV2 from './portone-v2.js';
import { IAMPORT_V1_SOURCE, PORTONE_V2_SOURCE, TOSS_V1_SOURCE, TOSS_V2_SOURCE } from './generated/standins.js';

const SOURCES: Record<SandboxSdk, string> = { 'toss-v2': TOSS_V2_SOURCE, 'toss-v1': TOSS_V1_SOURCE, 'portone-v2': PORTONE_V2_SOURCE, 'iamport-v1': IAMPORT_V1_SOURCE };

describe('given a server rendering a checkout page', () => {
  it('sandboxScriptPath gives a plain same-origin path, the one the per-SDK entries name too', () => {
    expect(sandboxScriptPath('toss-v2')).toBe('/kcheckout-sandbox/toss-v2.js');
    expect(sandboxScriptPath('iamport-v1', '/static/sandbox')).toBe('/static/sandbox/iamport-v1.js');
    expect(tossV2.scriptPath).toBe(sandboxScriptPath('toss-v2'));
    expect(portoneV2.scriptPath).toBe(sandboxScriptPath('portone-v2'));
    expect(() => sandboxScriptPath('toss-v3' as SandboxSdk)).toThrow(/'toss-v1', 'toss-v2', 'portone-v2', 'iamport-v1'/);
  });

  it("a per-SDK entry's scriptUrl() refuses without a browser and names the server-safe path", () => {
    expect(() => tossV2.scriptUrl()).toThrow(/needs a browser.*sandboxScriptPath\('toss-v2'\)/s);
    expect(tossV2.scriptSource).toBe(TOSS_V2_SOURCE);
  });

  it('configureSandbox does nothing and returns undefined, but still refuses bad options', () => {
    expect(configureSandbox({ apiBase: 'http://127.0.0.1:8787', latencyMs: 0 })).toBeUndefined();
    expect(getSandbox()).toBeUndefined();
    expect(() => configureSandbox({ latencyMs: -1 })).toThrow(/latencyMs must be a number of milliseconds ≥ 0, got number/);
    expect(() => configureSandbox({ nextOutcome: 'approved' as 'approve' })).toThrow(/nextOutcome must be 'approve', 'decline' or 'cancel', got "approved"/);
    expect(() => configureSandbox({ apiBase: '127.0.0.1:8787' })).toThrow(/apiBase must be an absolute http\(s\) URL/);
    expect(() => configureSandbox({ apiBse: 'http://x' } as never)).toThrow(/unknown option "apiBse". It takes apiBase, nextOutcome/);
  });
});

describe('given handleSandboxScript as a route handler', () => {
  for (const sdk of Object.keys(SOURCES) as SandboxSdk[]) {
    it(`answers GET ${sandboxScriptPath(sdk)} with the ${sdk} stand-in as JavaScript`, async () => {
      const response = handleSandboxScript(new Request(`http://shop.test${sandboxScriptPath(sdk)}`));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe(SOURCES[sdk]);
    });
  }

  it('serves under any prefix (the last path segment names the script) and answers HEAD without a body', async () => {
    const response = handleSandboxScript(new Request('http://shop.test/assets/sandbox/portone-v2.js?v=1', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 404 naming the stand-ins for another file, and 405 for POST', async () => {
    const missing = handleSandboxScript(new Request('http://shop.test/kcheckout-sandbox/toss-v3.js'));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('toss-v1.js, toss-v2.js, portone-v2.js, iamport-v1.js');
    expect(handleSandboxScript(new Request('http://shop.test/kcheckout-sandbox/toss-v2', {})).status).toBe(404);
    const post = handleSandboxScript(new Request('http://shop.test/kcheckout-sandbox/toss-v2.js', { method: 'POST', body: '' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('sandboxScriptResponse answers one sdk and refuses an unknown one', async () => {
    expect(await sandboxScriptResponse('iamport-v1').text()).toBe(IAMPORT_V1_SOURCE);
    expect(() => sandboxScriptResponse('imp' as SandboxSdk)).toThrow(/unknown sdk "imp"/);
  });
});
