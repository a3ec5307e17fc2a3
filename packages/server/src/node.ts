/**
 * `@kcheckout/server/node`: a Web `(Request) => Promise<Response>` handler as Express middleware or
 * a `node:http` listener. Typed structurally, so it needs neither `express` nor `@types/node`.
 */

/** The parts of `http.IncomingMessage` (and Express's `req`) the adapter reads. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string;
  url?: string;
  /** Express's full path, when the handler is mounted under a prefix. */
  originalUrl?: string;
  headers: Record<string, string | string[] | undefined>;
  /** Set when a body parser already read the stream (`express.json()`, `express.text()`). */
  body?: unknown;
  /** The connection; its `encrypted` flag tells TLS. */
  socket?: unknown;
}

/** The parts of `http.ServerResponse` the adapter writes. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string | string[]): unknown;
  end(body?: Uint8Array | string): unknown;
  headersSent?: boolean;
}

/**
 * Adapts `handler` for Express (`app.post('/api/confirm', toNodeHandler(handler))`) and `node:http`
 * (`http.createServer(toNodeHandler(handler))`). A body an Express parser already read is passed on
 * (objects as JSON); otherwise the stream is read. Errors go to `next` when Express gives one.
 */
export function toNodeHandler(handler: (request: Request) => Promise<Response>) {
  return (req: NodeRequestLike, res: NodeResponseLike, next?: (error?: unknown) => void): void => {
    run(handler, req, res).catch((error: unknown) => {
      if (next) return next(error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json; charset=utf-8');
      }
      res.end(JSON.stringify({ ok: false, error: { code: 'INTERNAL_ERROR', message: 'The confirm handler failed.', retryable: true } }));
    });
  };
}

async function run(handler: (request: Request) => Promise<Response>, req: NodeRequestLike, res: NodeResponseLike): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const host = headers.get('host') ?? 'localhost';
  const tls = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  const url = new URL(req.originalUrl ?? req.url ?? '/', `${tls ? 'https' : 'http'}://${host}`);
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  const response = await handler(new Request(url, { method, headers, ...(body === undefined ? {} : { body }) }));
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(new Uint8Array(await response.arrayBuffer()));
}

async function readBody(req: NodeRequestLike): Promise<string | Uint8Array<ArrayBuffer>> {
  if (req.body !== undefined) {
    if (typeof req.body === 'string') return req.body;
    if (req.body instanceof Uint8Array) return new Uint8Array(req.body);
    return JSON.stringify(req.body);
  }
  const chunks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
