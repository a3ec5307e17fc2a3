// The one file that puts this app on the offline sandbox (@kcheckout/sandbox). Server-only.
// - The vendor stand-in scripts are served by app/kcheckout-sandbox/[sdk]/route.ts, at a plain URL
//   the pages pass as `scriptSrc`: the library loads them by URL, as it loads the vendors' CDN
//   scripts, and a Server Component can pass a string where sandboxScriptUrl() needs a browser.
// - The REST stand-ins run on loopback in this process; the server's vendor clients use its URL,
//   and the payment windows hand their records to it through app/kcheckout-sandbox/api/[...path].
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { SandboxSdk } from '@kcheckout/sandbox';
import { startSandboxServer, type SandboxServer } from '@kcheckout/sandbox/node';

const SDKS: readonly SandboxSdk[] = ['toss-v2', 'toss-v1', 'portone-v2', 'iamport-v1'];
const API_PATH = '/kcheckout-sandbox/api';

/** The URL a page passes as `scriptSrc` for `sdk`. */
export function sandboxScriptSrc(sdk: SandboxSdk): string {
  return `/kcheckout-sandbox/${sdk}.js`;
}

/**
 * `GET /kcheckout-sandbox/<sdk>.js`: the stand-in, as `@kcheckout/sandbox/scripts/<sdk>.js` ships
 * it, after one line that points the windows at this app's REST route (`apiBase`), so the server
 * can confirm a payment as soon as the window answers.
 */
export async function sandboxScriptResponse(file: string): Promise<Response> {
  const sdk = SDKS.find((name) => `${name}.js` === file);
  if (!sdk) return new Response('no such stand-in', { status: 404 });
  const require = createRequire(join(process.cwd(), 'package.json'));
  const source = await readFile(require.resolve(`@kcheckout/sandbox/scripts/${sdk}.js`), 'utf8');
  const setup = `(function(){var s=window.kcheckoutSandbox=window.kcheckoutSandbox||{};if(!s.apiBase)s.apiBase=location.origin+${JSON.stringify(API_PATH)};})();\n`;
  return new Response(setup + source, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' } });
}

// One REST stand-in per server process, shared by every route and action (Next may load this
// module more than once, so it lives on globalThis). Started on first use, never at build time.
const KEY = Symbol.for('kcheckout.example-next.sandbox');
type Host = { [KEY]?: Promise<SandboxServer> };

/** The loopback REST stand-ins (`url` for the vendor clients, `api.calls` to count vendor requests). */
export function sandboxRest(): Promise<SandboxServer> {
  const host = globalThis as Host;
  return (host[KEY] ??= startSandboxServer({ host: '127.0.0.1' }));
}

/**
 * `/kcheckout-sandbox/api/<path>`: the REST stand-ins, same-origin for the payment windows.
 * `GET …/__calls` answers the vendor requests made so far, for the e2e to count confirms.
 */
export async function sandboxApiResponse(request: Request, path: string[]): Promise<Response> {
  const { api } = await sandboxRest();
  if (path.join('/') === '__calls') return Response.json(api.calls);
  const url = new URL(request.url);
  const target = new URL(`/${path.map(encodeURIComponent).join('/')}${url.search}`, 'http://sandbox.invalid');
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return api.handle(new Request(target, { method: request.method, headers: request.headers, body }));
}
