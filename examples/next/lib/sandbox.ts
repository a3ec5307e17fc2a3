// The server half of putting this app on the offline sandbox (@kcheckout/sandbox). Server-only.
// - The vendor stand-in scripts are served by app/kcheckout-sandbox/[sdk]/route.ts
//   (handleSandboxScript) at sandboxScriptPath(sdk), a plain URL the pages pass as `scriptSrc`: the
//   library loads them by URL, as it loads the vendors' CDN scripts.
// - The REST stand-ins run on loopback in this process; the server's vendor clients use its URL,
//   and the payment windows hand their records to it through app/kcheckout-sandbox/api/[...path].
import { startSandboxServer, type SandboxServer } from '@kcheckout/sandbox/node';

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
