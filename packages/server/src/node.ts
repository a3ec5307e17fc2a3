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

/** Options for `toNodeHandler`. */
export interface NodeHandlerOptions {
  /**
   * The largest request body read from the stream, in bytes; default 64 KiB, far above any confirm
   * request. A larger one is answered 413 `BODY_TOO_LARGE` without calling the handler. A body an
   * Express parser already read is not measured again: the parser's own `limit` applies.
   */
  maxBodyBytes?: number;
}

type Failure = { status: number; code: string; message: string };

// A host[:port] as a client may send it: a DNS name or IPv4 address, or a bracketed IPv6 one.
// Anything else (spaces, `@`, `/`, an empty value) is refused before it becomes the request URL.
const HOST = /^(?:[A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Adapts `handler` for Express (`app.post('/api/confirm', toNodeHandler(handler))`) and `node:http`
 * (`http.createServer(toNodeHandler(handler))`). A body an Express parser already read is passed on
 * (objects as JSON); otherwise the stream is read, up to `maxBodyBytes`. A request with no usable
 * `Host` header is answered 400 `INVALID_HOST`, and one with too large a body 413 `BODY_TOO_LARGE`,
 * neither reaching the handler. Other errors go to `next` when Express gives one.
 */
export function toNodeHandler(handler: (request: Request) => Promise<Response>, { maxBodyBytes = 64 * 1024 }: NodeHandlerOptions = {}) {
  return (req: NodeRequestLike, res: NodeResponseLike, next?: (error?: unknown) => void): void => {
    run(handler, req, res, maxBodyBytes).catch((error: unknown) => {
      if (next) return next(error);
      sendError(res, { status: 500, code: 'INTERNAL_ERROR', message: 'The confirm handler failed.' }, true);
    });
  };
}

async function run(handler: (request: Request) => Promise<Response>, req: NodeRequestLike, res: NodeResponseLike, maxBodyBytes: number): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const tls = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  const url = requestUrl(req.originalUrl ?? req.url ?? '/', headers.get('host'), tls);
  if (!url) {
    return sendError(res, {
      status: 400,
      code: 'INVALID_HOST',
      message: 'The request has no valid Host header (host or host:port); send the host name the shop is served under.',
    });
  }
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, headers, maxBodyBytes);
  if (body === TOO_LARGE) {
    // The rest of the body is left unread, so the connection cannot carry another request.
    res.setHeader('connection', 'close');
    return sendError(res, {
      status: 413,
      code: 'BODY_TOO_LARGE',
      message: `The request body is larger than ${maxBodyBytes} bytes; a confirm request is a few hundred.`,
    });
  }
  const response = await handler(new Request(url, { method, headers, ...(body === undefined ? {} : { body }) }));
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(new Uint8Array(await response.arrayBuffer()));
}

function requestUrl(path: string, host: string | null, tls: boolean): URL | null {
  if (host === null || !HOST.test(host)) return null;
  try {
    return new URL(path, `${tls ? 'https' : 'http'}://${host}`);
  } catch {
    return null;
  }
}

function sendError(res: NodeResponseLike, failure: Failure, retryable = false): void {
  if (!res.headersSent) {
    res.statusCode = failure.status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
  }
  res.end(JSON.stringify({ ok: false, error: { code: failure.code, message: failure.message, retryable } }));
}

const TOO_LARGE = Symbol('too large');

async function readBody(req: NodeRequestLike, headers: Headers, maxBytes: number): Promise<string | Uint8Array<ArrayBuffer> | typeof TOO_LARGE> {
  if (req.body !== undefined) {
    if (typeof req.body === 'string') return req.body;
    if (req.body instanceof Uint8Array) return new Uint8Array(req.body);
    return JSON.stringify(req.body);
  }
  const declared = headers.get('content-length');
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > maxBytes) return TOO_LARGE;
  const chunks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  let total = 0;
  // Iterated by hand: leaving a for-await early would destroy the stream, and with it the socket
  // the 413 still has to be written to. Unread, the rest is dropped when the connection closes.
  const iterator = req[Symbol.asyncIterator]();
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const chunk = typeof next.value === 'string' ? encoder.encode(next.value) : next.value;
    total += chunk.length;
    if (total > maxBytes) return TOO_LARGE;
    chunks.push(chunk);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
