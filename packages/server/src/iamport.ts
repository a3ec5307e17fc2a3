import { callVendor, isRecord, requireSecret, trimBase, type CallOptions, type VendorAnswer } from './http.js';
import { requireAmount, requireReason, requireVendorId, type CancelResult, type LookupResult } from './refunds.js';
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
  const found = paymentOf(await authorised(url, options));
  if (found.status !== 'found') return found;
  const { payment } = found;
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

async function lookup(url: string, options: IamportRequestOptions, renew: boolean, init: RequestInit = { method: 'GET' }): Promise<VendorAnswer | VendorFailure> {
  const token = await accessToken(options, renew);
  if (typeof token !== 'string') return token;
  // The docs send the bare token in Authorization (developers.portone.io).
  return callVendor('PortOne V1', url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: token } }, options);
}

/** One authorised V1 call; a token the vendor no longer takes (revoked, a clock far off) gets one fresh token and one retry. */
async function authorised(url: string, options: IamportRequestOptions, init?: RequestInit): Promise<VendorAnswer | VendorFailure> {
  const answer = await lookup(url, options, false, init);
  if ('ok' in answer && answer.ok && answer.httpStatus === 401) return lookup(url, options, true, init);
  return answer;
}

/** What every V1 call takes: the key pair, and where and how to call. */
export type IamportRequestOptions = Pick<VerifyIamportPaymentOptions, 'impKey' | 'impSecret' | 'baseUrl' | 'tokenCache' | 'now' | 'fetch' | 'timeoutMs' | 'signal'>;

/** The V1 envelope's `response` as a payment, or the failure the envelope says. */
function paymentOf(answer: VendorAnswer | VendorFailure): LookupResult<IamportPayment> {
  if (!('ok' in answer)) return answer;
  if (!answer.ok) return answer.failure;
  if (answer.httpStatus !== 200 || !isRecord(answer.body) || answer.body.code !== 0) return iamportFailure(answer.httpStatus, answer.body);
  const payment = answer.body.response;
  if (!isIamportPayment(payment)) {
    return { status: 'unavailable', code: 'VENDOR_BAD_RESPONSE', message: 'PortOne V1 answered without a payment; the outcome is unknown, retry.', retryable: true };
  }
  return { status: 'found', payment };
}

/**
 * Looks a V1 payment up by its `imp_uid` and returns it whatever its status
 * (`GET /payments/{imp_uid}`): after a webhook, to read `status` and `cancel_amount`. An unknown
 * payment is a `vendor-error` with `reason: 'not-found'`.
 */
export async function getIamportPayment(options: IamportRequestOptions & { impUid: string; mode?: 'live' | 'test' }): Promise<LookupResult<IamportPayment>> {
  const impUid = requireVendorId(options.impUid, 'impUid', 'iamport');
  const query = options.mode === 'test' ? '?include_sandbox=true' : '';
  return paymentOf(await authorised(`${trimBase(options.baseUrl ?? IAMPORT_API_BASE)}/payments/${encodeURIComponent(impUid)}${query}`, options));
}

export interface FindIamportPaymentOptions extends IamportRequestOptions {
  /** The merchant's order id the window was opened with. */
  merchantUid: string;
  /** Only a payment in this status (`/payments/find/{merchant_uid}/{payment_status}`). Default: the latest of any status. */
  paymentStatus?: 'ready' | 'paid' | 'cancelled' | 'failed';
  /** `'test'` adds `include_sandbox=true` (UNVERIFIED that this route needs it; the imp_uid lookup does). */
  mode?: 'live' | 'test';
}

/**
 * Looks a V1 payment up by the merchant's order id: `GET /payments/find/{merchant_uid}[/{payment_status}]`,
 * which answers the latest payment for it (docs: V1 openapi `payments/getPaymentByMerchantUid`). For a
 * sweep of orders whose callback never came. An unknown order is a `vendor-error` with `reason: 'not-found'`.
 */
export async function findIamportPayment(options: FindIamportPaymentOptions): Promise<LookupResult<IamportPayment>> {
  const merchantUid = requireVendorId(options.merchantUid, 'merchantUid', 'iamport');
  const status = options.paymentStatus ? `/${options.paymentStatus}` : '';
  const query = options.mode === 'test' ? '?include_sandbox=true' : '';
  return paymentOf(await authorised(`${trimBase(options.baseUrl ?? IAMPORT_API_BASE)}/payments/find/${encodeURIComponent(merchantUid)}${status}${query}`, options));
}

export interface CancelIamportPaymentOptions extends IamportRequestOptions {
  impUid: string;
  /** Required here (V1 makes it optional); shown in the console. */
  reason: string;
  /** A partial refund of this many won; omit it to refund everything that is left. */
  amount?: number;
  /**
   * The refundable balance before this refund. V1 refunds only if it matches; a mismatch is
   * `refused` / `balance-changed`. V1 takes no idempotency key: pass it for a partial refund, so a
   * retry after a lost answer is refused instead of refunding twice.
   */
  checksum?: number;
}

// UNVERIFIED beyond third-party integrations: V1 answers a fully refunded payment with code 1 and this
// message (HTTP 200), and an unknown one with "취소할 결제건이 존재하지 않습니다.". The message is what
// tells them apart, so it is matched rather than the code.
const ALREADY_CANCELLED = '이미 전액취소된';
const NOT_FOUND = '취소할 결제건이 존재하지 않습니다';

/**
 * Refunds (취소) a V1 payment, in full or in part: `POST /payments/cancel` with
 * `{ imp_uid, reason, amount?, checksum? }` and the cached access token (V1 openapi
 * `payments/cancelPayment`). A payment already fully refunded is `cancelled` with `alreadyCancelled: true`.
 */
export async function cancelIamportPayment(options: CancelIamportPaymentOptions): Promise<CancelResult<IamportPayment>> {
  const impUid = requireVendorId(options.impUid, 'impUid', 'iamport');
  const reason = requireReason(options.reason, 'reason', 'iamport');
  const amount = options.amount === undefined ? undefined : requireAmount(options.amount, 'amount', 'iamport');
  const checksum = options.checksum;
  if (checksum !== undefined && !(typeof checksum === 'number' && Number.isSafeInteger(checksum) && checksum >= 0)) requireAmount(checksum, 'checksum', 'iamport');
  const base = trimBase(options.baseUrl ?? IAMPORT_API_BASE);
  const body = { imp_uid: impUid, reason, ...(amount !== undefined ? { amount } : {}), ...(checksum !== undefined ? { checksum } : {}) };
  const answer = await authorised(`${base}/payments/cancel`, options, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const result = paymentOf(answer);
  if (result.status === 'found') {
    const { payment } = result;
    const history = Array.isArray(payment.cancel_history) ? payment.cancel_history : [];
    const last: unknown = history.at(-1);
    const cancelled = typeof payment.cancel_amount === 'number' ? payment.cancel_amount : 0;
    return { status: 'cancelled', cancelledAmount: isRecord(last) && typeof last.amount === 'number' ? last.amount : 0, remainingAmount: payment.amount - cancelled, alreadyCancelled: false, payment };
  }
  if (result.status !== 'vendor-error' || result.httpStatus !== 200) return result;
  if (result.message.includes(ALREADY_CANCELLED)) {
    const found = paymentOf(await authorised(`${base}/payments/${encodeURIComponent(impUid)}?include_sandbox=true`, options));
    if (found.status !== 'found') return found;
    return { status: 'cancelled', cancelledAmount: 0, remainingAmount: 0, alreadyCancelled: true, payment: found.payment };
  }
  if (result.message.includes(NOT_FOUND)) return { ...result, reason: 'not-found' };
  return { status: 'refused', reason: refusalOf(result.message, checksum !== undefined), code: result.code, message: result.message };
}

/** V1 reports refusals only in words (UNVERIFIED wording): the checksum and the amount are told apart by them. */
function refusalOf(message: string, sentChecksum: boolean): 'not-cancellable' | 'amount' | 'balance-changed' | 'other' {
  if (sentChecksum && /checksum/i.test(message)) return 'balance-changed';
  if (/금액|amount/i.test(message)) return 'amount';
  if (/취소할 수 없|결제완료/.test(message)) return 'not-cancellable';
  return 'other';
}

class TokenFailure extends Error {
  constructor(readonly failure: VendorFailure) {
    super(failure.message);
  }
}

async function accessToken(options: IamportRequestOptions, renew: boolean): Promise<string | VendorFailure> {
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
