import { callVendor, isRecord, requireSecret, trimBase, type CallOptions, type VendorAnswer } from './http.js';
import type { ExpectedPayment, VendorErrorResult, VendorFailure, VerifyResult } from './results.js';

export const IAMPORT_API_BASE = 'https://api.iamport.kr';

/** A V1 payment (`response` of `GET /payments/{imp_uid}`), with the fields kcheckout reads typed. */
export interface IamportPayment {
  imp_uid: string;
  merchant_uid: string;
  /** `ready` (virtual account issued, unpaid), `paid`, `cancelled` (refunded), `failed`. */
  status: string;
  amount: number;
  currency: string;
  [field: string]: unknown;
}

/** Access tokens per key, reused until shortly before they expire. */
export interface IamportTokenCache {
  get(key: string): { token: Promise<string>; expiresAt: number } | undefined;
  set(key: string, entry: { token: Promise<string>; expiresAt: number }): void;
  delete(key: string): void;
}

/** A new in-memory token cache; the default one is shared by every call in the process. */
export function createIamportTokenCache(): IamportTokenCache {
  return new Map();
}

const defaultCache = createIamportTokenCache();

export interface VerifyIamportPaymentOptions extends CallOptions {
  /** The REST API key and secret (`POST /users/getToken`). Server only. */
  impKey: string;
  impSecret: string;
  impUid: string;
  /** The merchant's own order. `orderId`, when given, must equal the payment's `merchant_uid`. */
  expected: ExpectedPayment & { orderId?: string };
  /**
   * `'live'` (the default) looks up live payments only. `'test'` adds `include_sandbox=true`, without
   * which V1 does not list test-channel payments: use it with test channels and the sandbox.
   */
  mode?: 'live' | 'test';
  /** Default `https://api.iamport.kr`; the sandbox's REST stand-ins for tests. */
  baseUrl?: string;
  /** Default: one cache for the process. */
  tokenCache?: IamportTokenCache;
  /** The clock for token expiry, in ms. Default `Date.now`. */
  now?: () => number;
}

/** A token is renewed this long before the vendor's `expired_at`, so it never expires mid-request. */
const TOKEN_MARGIN_MS = 60_000;

/**
 * Verifies a PortOne V1 (iamport) payment: `POST /users/getToken` (cached per key until shortly
 * before it expires), then `GET /payments/{imp_uid}`. `paid` with the expected amount, currency and
 * `merchant_uid` → `paid`; `ready` (a virtual account) → `awaiting-deposit`; others → `not-paid`.
 */
export async function verifyIamportPayment(options: VerifyIamportPaymentOptions): Promise<VerifyResult<IamportPayment>> {
  const base = trimBase(options.baseUrl ?? IAMPORT_API_BASE);
  const query = options.mode === 'test' ? '?include_sandbox=true' : '';
  const url = `${base}/payments/${encodeURIComponent(options.impUid)}${query}`;
  let answer: VendorAnswer | VendorFailure = await lookup(url, options, false);
  // A token the vendor no longer takes (revoked, or a clock far off): one fresh token, one retry.
  if ('ok' in answer && answer.ok && answer.httpStatus === 401) answer = await lookup(url, options, true);
  if (!('ok' in answer)) return answer;
  if (!answer.ok) return answer.failure;
  if (answer.httpStatus !== 200 || !isRecord(answer.body) || answer.body.code !== 0) return iamportFailure(answer.httpStatus, answer.body);
  const payment = answer.body.response;
  if (!isIamportPayment(payment)) {
    return { status: 'unavailable', code: 'VENDOR_BAD_RESPONSE', message: 'PortOne V1 answered without a payment; the outcome is unknown, retry.', retryable: true };
  }
  const { expected } = options;
  if (expected.orderId !== undefined && payment.merchant_uid !== expected.orderId) {
    return { status: 'mismatch', field: 'orderId', expected: expected.orderId, actual: payment.merchant_uid, payment };
  }
  if (payment.status !== 'paid' && payment.status !== 'ready') return { status: 'not-paid', vendorStatus: payment.status, payment };
  const currency = expected.currency ?? 'KRW';
  if (payment.currency !== currency) return { status: 'mismatch', field: 'currency', expected: currency, actual: payment.currency, payment };
  if (payment.amount !== expected.amount) return { status: 'mismatch', field: 'amount', expected: expected.amount, actual: payment.amount, payment };
  return payment.status === 'paid' ? { status: 'paid', payment } : { status: 'awaiting-deposit', payment };
}

async function lookup(url: string, options: VerifyIamportPaymentOptions, renew: boolean): Promise<VendorAnswer | VendorFailure> {
  const token = await accessToken(options, renew);
  if (typeof token !== 'string') return token;
  // The docs send the bare token in Authorization (research/portone.md §4.3).
  return callVendor('PortOne V1', url, { method: 'GET', headers: { authorization: token } }, options);
}

class TokenFailure extends Error {
  constructor(readonly failure: VendorFailure) {
    super(failure.message);
  }
}

async function accessToken(options: VerifyIamportPaymentOptions, renew: boolean): Promise<string | VendorFailure> {
  const impKey = requireSecret(options.impKey, 'impKey', 'iamport');
  const impSecret = requireSecret(options.impSecret, 'impSecret', 'iamport');
  const cache = options.tokenCache ?? defaultCache;
  const now = options.now ?? Date.now;
  const key = `${trimBase(options.baseUrl ?? IAMPORT_API_BASE)}\n${impKey}\n${impSecret}`;
  const cached = cache.get(key);
  if (cached && !renew && cached.expiresAt > now()) return cached.token.catch((error: unknown) => (error as TokenFailure).failure);

  // The promise is cached at once, so concurrent verifications share one getToken.
  const entry = { expiresAt: Number.POSITIVE_INFINITY, token: Promise.resolve('') };
  entry.token = (async () => {
    const answer = await callVendor(
      'PortOne V1',
      `${trimBase(options.baseUrl ?? IAMPORT_API_BASE)}/users/getToken`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ imp_key: impKey, imp_secret: impSecret }) },
      options,
    );
    if (!answer.ok) throw new TokenFailure(answer.failure);
    const response = isRecord(answer.body) ? answer.body.response : undefined;
    if (answer.httpStatus !== 200 || !isRecord(response) || typeof response.access_token !== 'string') {
      throw new TokenFailure(iamportFailure(answer.httpStatus, answer.body));
    }
    // expired_at and now are the vendor's clock; the lifetime between them is what counts here.
    const lifetimeMs = (Number(response.expired_at) - Number(response.now)) * 1000;
    entry.expiresAt = now() + (Number.isFinite(lifetimeMs) ? lifetimeMs : 0) - TOKEN_MARGIN_MS;
    return response.access_token;
  })();
  cache.set(key, entry);
  try {
    return await entry.token;
  } catch (error) {
    if (cache.get(key) === entry) cache.delete(key);
    if (error instanceof TokenFailure) return error.failure;
    throw error;
  }
}

function isIamportPayment(value: unknown): value is IamportPayment {
  return isRecord(value) && typeof value.imp_uid === 'string' && typeof value.merchant_uid === 'string' && typeof value.amount === 'number' && typeof value.status === 'string';
}

function iamportFailure(httpStatus: number, body: unknown): VendorFailure {
  if (!isRecord(body) || (httpStatus === 200 && body.code === undefined)) {
    return { status: 'unavailable', code: 'VENDOR_BAD_RESPONSE', message: `PortOne V1 answered HTTP ${httpStatus} without its { code, message, response } envelope; retry.`, retryable: true };
  }
  const message = typeof body.message === 'string' ? body.message : `PortOne V1 answered HTTP ${httpStatus}.`;
  const reason: VendorErrorResult['reason'] = httpStatus >= 500 ? 'server' : httpStatus === 401 || httpStatus === 403 ? 'auth' : httpStatus === 404 ? 'not-found' : 'rejected';
  return { status: 'vendor-error', httpStatus, code: String(body.code ?? `HTTP_${httpStatus}`), message, reason, retryable: reason === 'server' };
}
