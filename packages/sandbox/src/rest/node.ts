/// <reference types="node" />
/**
 * `@kcheckout/sandbox/node`: the REST stand-ins on a loopback HTTP server, for a demo shop, e2e
 * tests and `kcheckout-sandbox serve`. Node only; everything else in the package is Web-standard.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxApi, type SandboxApi, type SandboxApiOptions } from './api.js';

export interface SandboxServerOptions extends SandboxApiOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default `127.0.0.1`: loopback only. */
  host?: string;
  /** An API to serve instead of a new one, e.g. one a test already seeded. */
  api?: SandboxApi;
}

export interface SandboxServer {
  /** `http://127.0.0.1:<port>`: the `baseUrl` to give @kcheckout/server, and the browser stand-ins' `apiBase`. */
  url: string;
  port: number;
  api: SandboxApi;
  /** Stops listening and drops open connections (a hanging fault included). */
  close(): Promise<void>;
}

/** Starts the REST stand-ins on loopback and resolves once it listens. */
export function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const { port = 0, host = '127.0.0.1', api = createSandboxApi(options) } = options;
  const server = createServer((req, res) => {
    serve(api, req, res).catch((error: unknown) => {
      // JSON like every other answer, so a client's parser reports the message rather than a SyntaxError.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ code: 'SANDBOX_ERROR', type: 'SANDBOX_ERROR', message: `kcheckout sandbox: ${error instanceof Error ? error.message : String(error)}` }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
        port: bound,
        api,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function serve(api: SandboxApi, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const aborter = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) aborter.abort();
  });
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  const request = new Request(requestUrl(req), {
    method,
    headers,
    signal: aborter.signal,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
  });
  const response = await api.handle(request);
  if (aborter.signal.aborted) return;
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** The request's URL; a Host header that is not a host name (a client's mistake) falls back to loopback. */
function requestUrl(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    return new URL(req.url?.startsWith('/') ? req.url : '/', 'http://localhost');
  }
}
