import { sandboxClientKeys } from '../client-keys.js';
import type { SandboxIamportPayment, SandboxIdentityVerification, SandboxPayment, SandboxPortOnePayment, SandboxTossBillingAuth, SandboxTossPayment } from '../types.js';
import { randomDigits, randomToken, randomUuid } from '../standins/shared/random.js';
import { isRecord, json, readJson } from './http.js';
import { iamportDeposit, iamportError, iamportRoute } from './iamport.js';
import { createLedger, type RouteContext } from './ledger.js';
import { portOneDeposit, portOneError, portOnePayment, portOneRoute } from './portone.js';
import { completeIdentityVerification, portOneIdentityRoute, type SandboxIdentityVerificationSeed } from './portone-identity.js';
import { billingKeysOf, rememberBillingKey } from './portone-billing-key.js';
import { sandboxSecrets } from './secrets.js';
import { tossDeposit, tossError, tossRoute } from './toss.js';
import { recordBillingAuth, type SandboxBillingAuthSeed } from './toss-billing.js';

export type { SandboxBillingAuthSeed };
import { signStandardWebhook } from './webhook.js';

/** Which vendor API a request went to. */
export type SandboxApiProvider = 'toss' | 'portone' | 'iamport';

/** One request the vendor routes answered (the `/__sandbox/*` control routes are not recorded). */
export interface SandboxApiCall {
  provider: SandboxApiProvider;
  method: string;
  /** Path and query, e.g. `/v1/payments/confirm` or `/payments/imp_123?include_sandbox=true`. */
  path: string;
  status: number;
}

/**
 * A fault the next matching vendor request suffers instead of its normal answer:
 * - `server-error`: HTTP 500 with the vendor's error body;
 * - `malformed-json`: HTTP 200 whose JSON body is cut off;
 * - `hang`: no answer until the client gives up (its signal aborts) or `hangMs` passes.
 */
export interface SandboxFault {
  kind: 'server-error' | 'malformed-json' | 'hang';
  /** Only requests to this vendor; default any. */
  provider?: SandboxApiProvider;
  /** How many requests it applies to; default 1. */
  times?: number;
  /** For `hang`: the longest wait, then HTTP 504. Default 60 000. */
  hangMs?: number;
}

/** What `recordPayment` takes: a payment record, with everything but its vendor and order fields defaulted. */
export type SandboxPaymentSeed =
  | (Pick<SandboxTossPayment, 'sdk' | 'orderId' | 'amount'> & Partial<SandboxTossPayment>)
  | (Pick<SandboxPortOnePayment, 'sdk' | 'paymentId' | 'amount'> & Partial<SandboxPortOnePayment> & { channelType?: 'TEST' | 'LIVE' })
  | (Pick<SandboxIamportPayment, 'sdk' | 'merchantUid' | 'amount'> & Partial<SandboxIamportPayment>);

/** A PortOne V2 webhook body (version 2024-04-25). */
export interface SandboxWebhookEvent {
  type: string;
  /** RFC 3339; default now. */
  timestamp?: string;
  data: Record<string, unknown>;
}

export interface SandboxWebhookDelivery {
  /** Whose webhook it is: a signed PortOne V2 event, or a Toss notification (`DEPOSIT_CALLBACK`, unsigned). */
  provider: 'portone' | 'toss';
  url: string;
  body: string;
  headers: Record<string, string>;
  /** The receiver's HTTP status, or the network error's message. */
  result: number | string;
}

export interface SandboxApiOptions {
  /** The clock, in ms (default `Date.now`): Toss's 10-minute confirm window and V1 token expiry read it. */
  now?: () => number;
  /** V1 access-token lifetime; default 1800 (30 minutes, as documented). */
  tokenTtlSeconds?: number;
  /**
   * Where PortOne V2 webhooks go: each V2 payment recorded (from a window or a seed) is announced
   * as `Transaction.Paid`, `Transaction.VirtualAccountIssued` or `Transaction.Failed`, signed with
   * `secret` (default `sandboxSecrets.portone.webhookSecret`).
   */
  webhook?: { url: string; secret?: string; fetch?: typeof fetch };
  /**
   * Where Toss's notifications go: `api.deposit({ paymentKey })` POSTs the virtual account's
   * `DEPOSIT_CALLBACK` body `{ createdAt, secret, status, transactionKey, orderId }` here. Toss signs
   * nothing: the merchant compares `secret` with the one the confirm's Payment object carried.
   */
  tossWebhook?: { url: string; fetch?: typeof fetch };
}

/** Whose virtual account the buyer pays into: a Toss `paymentKey`, a PortOne V2 `paymentId`, or a V1 `impUid`. */
export type SandboxDepositTarget = { paymentKey: string } | { paymentId: string } | { impUid: string };

export interface SandboxDeposit {
  /** The vendor's payment object after the deposit (Toss Payment, V2 Payment, V1 payment). */
  payment: Record<string, unknown>;
  /** The notification sent (Toss `DEPOSIT_CALLBACK`, V2 `Transaction.Paid`), when a URL is configured; V1 sends none. */
  delivery?: SandboxWebhookDelivery;
}

export interface SandboxApi {
  /** The REST stand-ins as a fetch handler: `(Request) => Promise<Response>`. */
  handle(request: Request): Promise<Response>;
  /** `handle` with `fetch`'s signature (an aborted signal rejects), to pass as a client's `fetch` option. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Adds (or replaces) a payment as if its window had answered, and returns the full record. */
  recordPayment(seed: SandboxPaymentSeed): SandboxPayment;
  /** Adds (or replaces) a PortOne identity verification (본인인증) as if its window had answered. */
  recordIdentityVerification(seed: SandboxIdentityVerificationSeed): SandboxIdentityVerification;
  /**
   * Adds a Toss billing authorisation as if the buyer had approved `requestBillingAuth`, and returns
   * it with its `authKey` for `POST /v1/billing/authorizations/issue`.
   */
  recordBillingAuth(seed: SandboxBillingAuthSeed): SandboxTossBillingAuth;
  /** Every vendor request answered, in order. */
  readonly calls: SandboxApiCall[];
  /** Every webhook sent, in order. */
  readonly webhooks: SandboxWebhookDelivery[];
  /** Makes the next matching vendor request(s) fail; see `SandboxFault`. */
  injectFault(fault: SandboxFault): void;
  /**
   * The buyer deposits into an issued virtual account: a confirmed Toss `WAITING_FOR_DEPOSIT` payment
   * becomes `DONE` and its `DEPOSIT_CALLBACK` goes to `tossWebhook.url`; a V2 `VIRTUAL_ACCOUNT_ISSUED`
   * payment becomes `PAID` and a signed `Transaction.Paid` goes to `webhook.url`; a V1 `ready` vbank
   * becomes `paid`. Throws (with the reason) for any other payment. `POST /__sandbox/deposits` does the same.
   */
  deposit(target: SandboxDepositTarget): Promise<SandboxDeposit>;
  /** Signs a V2 webhook the Standard Webhooks way and POSTs it to `url` (default the `webhook.url` option). */
  sendWebhook(event: SandboxWebhookEvent, options?: { url?: string; id?: string; secret?: string }): Promise<SandboxWebhookDelivery>;
  /** Forgets payments, tokens, calls, webhooks and faults. */
  reset(): void;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
};

/**
 * The vendors' REST APIs, offline: Toss `POST /v1/payments/confirm`, `POST /v1/payments/{paymentKey}/cancel`
 * (with `Idempotency-Key`) and the payment lookups; PortOne V2 `GET /payments/{paymentId}` and
 * `POST /payments/{paymentId}/cancel`; V1 `POST /users/getToken`, `GET /payments/{imp_uid}`,
 * `GET /payments/find/{merchant_uid}` and `POST /payments/cancel`, shaped like the real answers. A
 * malformed request (bad %-encoding, bad JSON, wrong types, unknown route) answers 4xx JSON in the
 * vendor's error shape. Web-standard only (Request, Response, Web Crypto), so it runs in Node, in a
 * worker and in a browser. `@kcheckout/sandbox/node` serves it on loopback.
 *
 * Shared state with the browser stand-ins: `POST /__sandbox/payments` takes the records the payment
 * windows push when `window.kcheckoutSandbox.apiBase` points at this API.
 */
export function createSandboxApi(options: SandboxApiOptions = {}): SandboxApi {
  const ctx: RouteContext = {
    ledger: createLedger(),
    now: options.now ?? Date.now,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 1800,
  };
  const calls: SandboxApiCall[] = [];
  const webhooks: SandboxWebhookDelivery[] = [];
  let faults: Array<SandboxFault & { left: number }> = [];

  async function vendorRoute(request: Request, url: URL): Promise<Response | undefined> {
    const path = url.pathname;
    const provider = providerOf(path);
    if (!provider) return undefined;
    const fault = faults.find((candidate) => !candidate.provider || candidate.provider === provider);
    let response: Response | undefined;
    if (fault) {
      fault.left -= 1;
      faults = faults.filter((candidate) => candidate.left > 0);
      response = await faulty(fault, provider, request);
    } else if (provider === 'toss') {
      response = await tossRoute(request, path, ctx);
    } else if (provider === 'iamport') {
      response = await iamportRoute(request, path, url, ctx);
    } else {
      response = (await portOneIdentityRoute(request, path, url, ctx)) ?? (await portOneRoute(request, path, url, ctx));
    }
    if (!response) return undefined;
    calls.push({ provider, method: request.method, path: path + url.search, status: response.status });
    return response;
  }

  async function controlRoute(request: Request, path: string): Promise<Response | undefined> {
    if (!path.startsWith('/__sandbox/')) return undefined;
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS });
    if (path === '/__sandbox/payments' && request.method === 'POST') {
      const body = await readJson(request);
      const problem = seedProblem(body);
      if (problem) return json(400, { error: problem }, CORS);
      return json(201, { payment: api.recordPayment(body as SandboxPaymentSeed) }, CORS);
    }
    if (path === '/__sandbox/identity-verifications' && request.method === 'POST') {
      const body = await readJson(request);
      if (!isRecord(body) || typeof body.identityVerificationId !== 'string') return json(400, { error: 'The body must be a JSON identity verification record, as in window.kcheckoutSandbox.identityVerifications.' }, CORS);
      return json(201, { identityVerification: api.recordIdentityVerification(body as SandboxIdentityVerificationSeed) }, CORS);
    }
    if (path === '/__sandbox/payments' && request.method === 'GET') {
      const all = [...ctx.ledger.toss.values(), ...ctx.ledger.portone.values(), ...ctx.ledger.iamport.values()].map((entry) => entry.payment);
      return json(200, { payments: all }, CORS);
    }
    if (path === '/__sandbox/billing-auths' && request.method === 'POST') {
      const body = await readJson(request);
      if (!isRecord(body) || typeof body.customerKey !== 'string' || typeof body.authKey !== 'string' || (body.method !== 'CARD' && body.method !== 'TRANSFER')) {
        return json(400, { error: 'The body must be a billing authorisation { authKey, customerKey, method: "CARD" | "TRANSFER" }, as in window.kcheckoutSandbox.billingAuths.' }, CORS);
      }
      return json(201, { billingAuth: api.recordBillingAuth({ customerKey: body.customerKey, authKey: body.authKey, method: body.method }) }, CORS);
    }
    if (path === '/__sandbox/deposits' && request.method === 'POST') {
      const body = await readJson(request);
      if (!isRecord(body) || !['paymentKey', 'paymentId', 'impUid'].some((key) => typeof body[key] === 'string')) {
        return json(400, { error: 'The body must be { "paymentKey" } (Toss), { "paymentId" } (PortOne V2) or { "impUid" } (V1).' }, CORS);
      }
      try {
        return json(200, await api.deposit(body as SandboxDepositTarget), CORS);
      } catch (error) {
        return json(409, { error: error instanceof Error ? error.message : String(error) }, CORS);
      }
    }
    if (path === '/__sandbox/reset' && request.method === 'POST') {
      api.reset();
      return new Response(null, { status: 204, headers: CORS });
    }
    return json(404, { error: `No sandbox control route ${request.method} ${path}. There are POST/GET /__sandbox/payments, POST /__sandbox/deposits and POST /__sandbox/reset.` }, CORS);
  }

  function announce(payment: SandboxPortOnePayment): void {
    if (!options.webhook || payment.transactionType !== 'PAYMENT') return;
    const type = payment.status !== 'approved' ? 'Transaction.Failed' : payment.method === 'VIRTUAL_ACCOUNT' ? 'Transaction.VirtualAccountIssued' : 'Transaction.Paid';
    // Fire and forget, as the vendor does; the delivery lands in `webhooks`.
    void api.sendWebhook({ type, data: { storeId: payment.storeId, paymentId: payment.paymentId, transactionId: payment.txId } });
  }

  /** POSTs a notification and records it in `webhooks`, with the receiver's status or the network error. */
  async function deliver(provider: SandboxWebhookDelivery['provider'], url: string, headers: Record<string, string>, body: string, send: typeof fetch = fetch): Promise<SandboxWebhookDelivery> {
    const delivery: SandboxWebhookDelivery = { provider, url, body, headers, result: 0 };
    webhooks.push(delivery);
    try {
      delivery.result = (await send(url, { method: 'POST', headers, body })).status;
    } catch (error) {
      delivery.result = error instanceof Error ? error.message : String(error);
    }
    return delivery;
  }

  const api: SandboxApi = {
    async handle(request) {
      const url = new URL(request.url);
      try {
        const response = (await controlRoute(request, url.pathname)) ?? (await vendorRoute(request, url));
        // Neither vendor's prefix: no error shape to mimic, so both Toss's `code` and V2's `type`.
        return response ?? json(404, { code: 'NOT_FOUND', type: 'NOT_FOUND', message: `The kcheckout sandbox has no API ${request.method} ${url.pathname}.` });
      } catch (error) {
        // A bug of the sandbox's own, still answered as JSON so a client's parser reports it plainly.
        return json(500, { code: 'SANDBOX_ERROR', type: 'SANDBOX_ERROR', message: `kcheckout sandbox: ${error instanceof Error ? error.message : String(error)}` });
      }
    },
    fetch(input, init) {
      const request = new Request(input, init);
      // Like a real fetch, an aborted signal rejects at once, whatever the handler is still doing.
      if (request.signal.aborted) return Promise.reject(request.signal.reason);
      return new Promise((resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
        api.handle(request).then(resolve, reject);
      });
    },
    recordPayment(seed) {
      const payment = complete(seed, ctx.now());
      if (payment.sdk === 'portone-v2') {
        const channelType = 'channelType' in seed && seed.channelType === 'LIVE' ? 'LIVE' : 'TEST';
        if (payment.paymentId !== undefined && payment.transactionType === 'PAYMENT') ctx.ledger.portone.set(payment.paymentId, { payment, channelType });
        // requestIssueBillingKeyAndPay: a payment and a billing key from one window.
        if (payment.paymentId !== undefined && payment.transactionType === 'ISSUE_BILLING_KEY_AND_PAY') ctx.ledger.portone.set(payment.paymentId, { payment, channelType });
        rememberBillingKey(ctx.ledger, payment);
        announce(payment);
      } else if (payment.sdk === 'iamport-v1') {
        ctx.ledger.iamport.set(payment.impUid, { payment });
      } else {
        ctx.ledger.toss.set(payment.paymentKey, { payment });
      }
      return payment;
    },
    recordIdentityVerification(seed) {
      const verification = completeIdentityVerification(seed, ctx.now());
      ctx.ledger.identity.set(verification.identityVerificationId, { verification, channelType: seed.channelType === 'LIVE' ? 'LIVE' : 'TEST' });
      return verification;
    },
    recordBillingAuth(seed) {
      return recordBillingAuth(ctx, seed);
    },
    calls,
    webhooks,
    injectFault(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    async deposit(target) {
      if ('paymentKey' in target) {
        const outcome = tossDeposit(ctx, target.paymentKey);
        if (typeof outcome === 'string') throw new Error(`deposit(): ${outcome}`);
        if (!options.tossWebhook) return { payment: outcome.payment };
        const body = JSON.stringify(outcome.callback);
        return { payment: outcome.payment, delivery: await deliver('toss', options.tossWebhook.url, { 'content-type': 'application/json' }, body, options.tossWebhook.fetch) };
      }
      if ('paymentId' in target) {
        const entry = portOneDeposit(ctx, target.paymentId);
        if (typeof entry === 'string') throw new Error(`deposit(): ${entry}`);
        const payment = portOnePayment(entry);
        if (!options.webhook) return { payment };
        const delivery = await api.sendWebhook({ type: 'Transaction.Paid', data: { storeId: entry.payment.storeId, paymentId: entry.payment.paymentId, transactionId: entry.payment.txId } });
        return { payment, delivery };
      }
      const payment = iamportDeposit(ctx, target.impUid);
      if (typeof payment === 'string') throw new Error(`deposit(): ${payment}`);
      return { payment };
    },
    async sendWebhook(event, sendOptions = {}) {
      const url = sendOptions.url ?? options.webhook?.url;
      if (!url) throw new Error('sendWebhook(): no url. Pass { url } or createSandboxApi({ webhook: { url } }).');
      const body = JSON.stringify({ type: event.type, timestamp: event.timestamp ?? new Date(ctx.now()).toISOString(), data: event.data });
      const headers = await signStandardWebhook(sendOptions.secret ?? options.webhook?.secret ?? sandboxSecrets.portone.webhookSecret, {
        id: sendOptions.id ?? `msg_${randomToken('', 27)}`,
        timestamp: Math.floor(ctx.now() / 1000),
        body,
      });
      return deliver('portone', url, { ...headers, 'content-type': 'application/json' }, body, options.webhook?.fetch);
    },
    reset() {
      const fresh = createLedger();
      ctx.ledger.toss = fresh.toss;
      ctx.ledger.tossBillingAuths = fresh.tossBillingAuths;
      ctx.ledger.tossBillingKeys = fresh.tossBillingKeys;
      ctx.ledger.portone = fresh.portone;
      ctx.ledger.identity = fresh.identity;
      ctx.ledger.iamport = fresh.iamport;
      ctx.ledger.tokens = fresh.tokens;
      ctx.ledger.idempotency = fresh.idempotency;
      billingKeysOf(ctx.ledger).clear();
      calls.length = 0;
      webhooks.length = 0;
      faults = [];
    },
  };
  return api;
}

function providerOf(path: string): SandboxApiProvider | undefined {
  if (path.startsWith('/v1/payments') || path.startsWith('/v1/billing/')) return 'toss';
  if (path === '/users/getToken' || path === '/payments/cancel' || path.startsWith('/payments/imp_') || path.startsWith('/payments/find/')) return 'iamport';
  if (path.startsWith('/payments/') || path.startsWith('/identity-verifications/')) return 'portone';
  return undefined;
}

async function faulty(fault: SandboxFault, provider: SandboxApiProvider, request: Request): Promise<Response> {
  if (fault.kind === 'malformed-json') {
    return new Response('{"status":"DONE","paymentKey":', { status: 200, headers: { 'content-type': 'application/json' } });
  }
  if (fault.kind === 'hang') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, fault.hangMs ?? 60_000);
      request.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  const status = fault.kind === 'hang' ? 504 : 500;
  if (provider === 'toss') return tossError(status, 'FAILED_INTERNAL_SYSTEM_PROCESSING');
  if (provider === 'portone') return portOneError(status, 'INTERNAL_SERVER_ERROR', 'Sandbox fault: internal server error.');
  return iamportError(status, 'Internal Server Error');
}

const SDKS = ['toss-v1', 'toss-v2', 'portone-v2', 'iamport-v1'];

/** Why a `POST /__sandbox/payments` body is not a payment record, or `undefined` if it is one. */
function seedProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return 'The body must be a JSON payment record, as in window.kcheckoutSandbox.payments.';
  if (typeof body.sdk !== 'string' || !SDKS.includes(body.sdk)) return `sdk must be one of ${SDKS.join(', ')}.`;
  if (typeof body.amount !== 'number' || !Number.isFinite(body.amount)) return 'amount must be a number.';
  const id = body.sdk === 'portone-v2' ? 'paymentId' : body.sdk === 'iamport-v1' ? 'merchantUid' : 'orderId';
  if (typeof body[id] !== 'string' && !(body.sdk === 'portone-v2' && body.transactionType === 'ISSUE_BILLING_KEY')) return `${id} must be a string.`;
  return undefined;
}

/** Fills a seed's defaults: an approved card payment in KRW, answered now. */
function complete(seed: SandboxPaymentSeed, now: number): SandboxPayment {
  const base = { orderName: '샌드박스 주문', currency: 'KRW', status: 'approved' as const, answeredAt: now };
  if (seed.sdk === 'portone-v2') {
    const { channelType: _channelType, ...rest } = seed;
    return {
      ...base,
      method: 'CARD',
      transactionType: 'PAYMENT',
      storeId: sandboxClientKeys.portone.storeId,
      channelKey: sandboxClientKeys.portone.channelKey,
      txId: randomUuid(),
      ...rest,
    };
  }
  if (seed.sdk === 'iamport-v1') {
    return { ...base, method: 'card', impCode: sandboxClientKeys.iamport.impCode, impUid: `imp_${randomDigits(12)}`, ...seed };
  }
  return { ...base, method: 'CARD', paymentKey: randomToken('tsbx', 24), ...seed };
}
