/**
 * Serving the stand-in scripts from your own server, for frameworks that render on the server
 * (Next.js, Remix, Astro, SvelteKit, …): `<Checkout scriptSrc={sandboxScriptPath('toss-v2')}>` then
 * renders with the same URL on the server and in the browser. Web-standard `Request` / `Response`,
 * so it runs in any fetch-style server and as a Next.js route handler.
 */
import { IAMPORT_V1_SOURCE, PORTONE_V2_SOURCE, TOSS_V1_SOURCE, TOSS_V2_SOURCE } from './generated/standins.js';
import { isSandboxSdk, SANDBOX_SDKS, unknownSdkError } from './script-url.js';
import type { SandboxSdk } from './types.js';

export const SOURCES: Readonly<Record<SandboxSdk, string>> = {
  'toss-v1': TOSS_V1_SOURCE,
  'toss-v2': TOSS_V2_SOURCE,
  'portone-v2': PORTONE_V2_SOURCE,
  'iamport-v1': IAMPORT_V1_SOURCE,
};

const SCRIPT_HEADERS = {
  'content-type': 'text/javascript; charset=utf-8',
  // A rebuilt sandbox must reach the page at once: the browser revalidates instead of caching.
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
};

/** A `200` response with the stand-in script of `sdk`. Throws for an sdk the sandbox does not have. */
export function sandboxScriptResponse(sdk: SandboxSdk, init: { head?: boolean } = {}): Response {
  if (!isSandboxSdk(sdk)) throw unknownSdkError('sandboxScriptResponse()', sdk);
  return new Response(init.head ? null : SOURCES[sdk], { status: 200, headers: SCRIPT_HEADERS });
}

/**
 * Answers a request for `…/<sdk>.js` (the last path segment names the stand-in) with its script:
 * `404` for another name, `405` for a method other than GET or HEAD. Mount it where
 * `sandboxScriptPath` points, e.g. in Next.js `app/kcheckout-sandbox/[file]/route.ts`:
 * `export { handleSandboxScript as GET } from '@kcheckout/sandbox';`
 */
export function handleSandboxScript(request: Request): Response {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(`${request.method} is not allowed here: the sandbox scripts answer GET and HEAD.\n`, {
      status: 405,
      headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const file = new URL(request.url).pathname.split('/').pop() ?? '';
  const sdk = file.endsWith('.js') ? file.slice(0, -3) : '';
  if (!isSandboxSdk(sdk)) {
    return new Response(`No sandbox script ${JSON.stringify(file)}. The stand-ins are ${SANDBOX_SDKS.map((name) => `${name}.js`).join(', ')}.\n`, {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  return sandboxScriptResponse(sdk, { head: request.method === 'HEAD' });
}
