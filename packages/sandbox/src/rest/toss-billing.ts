import { randomToken } from '../standins/shared/random.js';
import { basicUser, decodeSegment, isAmount, isRecord, json, kstIso, readJson } from './http.js';
import type { RouteContext } from './ledger.js';
import { sandboxSecrets } from './secrets.js';
import { checkAuth, idempotent, tossError, tossPayment } from './toss.js';

const ORDER_ID = /^[A-Za-z0-9\-_=]{6,64}$/;
const CUSTOMER_KEY = /^[A-Za-z0-9\-_=.@]{2,50}$/;

// Codes from Toss's error table and integrators' logs (docs.tosspayments.com/reference/error-codes);
// the ones marked in the sandbox README's assumptions are ours where the vendor's is unknown.
const MESSAGES = {
  NOT_MATCHES_CUSTOMER_KEY: '빌링 인증 고객키와 결제 요청 고객키가 일치하지 않습니다.',
  DUPLICATED_ORDER_ID: '이미 승인 및 취소가 진행된 중복된 주문번호 입니다.',
  NOT_FOUND_AUTH_KEY: '존재하지 않거나 이미 사용된 authKey 입니다.',
  NOT_FOUND_BILLING_KEY: '존재하지 않는 빌링키 입니다.',
  BILLING_NEEDS_API_KEY: '자동결제는 API 개별 연동 키의 시크릿 키로만 호출할 수 있습니다.',
} as const;

/**
 * Toss's billing (자동결제) APIs (docs.tosspayments.com/reference#자동결제):
 * - `POST /v1/billing/authorizations/issue` `{ authKey, customerKey }` → the Billing object with
 *   `billingKey`; an `authKey` is used once, for the customer it was made for;
 * - `POST /v1/billing/{billingKey}` `{ customerKey, amount, orderId, orderName, … }` → a `DONE`
 *   Payment object of type `BILLING`; honours `Idempotency-Key`; an order id is charged once.
 * Both take the API individual secret key (`test_sk_…`).
 */
export async function tossBillingRoute(request: Request, path: string, ctx: RouteContext): Promise<Response> {
  const auth = checkAuth(request);
  if (auth) return auth;
  if (request.method !== 'POST') return tossError(405, 'INVALID_REQUEST', 'POST 요청만 허용됩니다.');
  const user = basicUser(request.headers.get('authorization'));
  if (typeof user !== 'object' || user.user !== sandboxSecrets.toss.apiSecretKey) {
    return tossError(403, 'FORBIDDEN_REQUEST', `${MESSAGES.BILLING_NEEDS_API_KEY} (Billing is an API individual key product: use the API secret key, test_sk_…, not the widget's test_gsk_….)`);
  }
  if (path === '/v1/billing/authorizations/issue') return issue(request, ctx);
  const match = /^\/v1\/billing\/([^/]+)$/.exec(path);
  if (!match) return tossError(404, 'NOT_FOUND', '요청한 API를 찾을 수 없습니다.');
  const billingKey = decodeSegment(match[1]!);
  if (billingKey === undefined) return tossError(400, 'INVALID_REQUEST', '경로의 퍼센트 인코딩이 올바르지 않습니다.');
  return idempotent(request, ctx, () => charge(request, billingKey, ctx));
}

async function issue(request: Request, ctx: RouteContext): Promise<Response> {
  const body = await readJson(request);
  if (!isRecord(body) || typeof body.authKey !== 'string' || typeof body.customerKey !== 'string') {
    return tossError(400, 'INVALID_REQUEST', 'authKey와 customerKey(문자열)가 필요합니다.');
  }
  const auth = ctx.ledger.tossBillingAuths.get(body.authKey);
  if (!auth || auth.usedAt !== undefined) return tossError(404, 'NOT_FOUND_AUTH_KEY', MESSAGES.NOT_FOUND_AUTH_KEY);
  if (auth.customerKey !== body.customerKey) return tossError(400, 'NOT_MATCHES_CUSTOMER_KEY', MESSAGES.NOT_MATCHES_CUSTOMER_KEY);
  auth.usedAt = ctx.now();
  const billingKey = randomToken('', 43);
  ctx.ledger.tossBillingKeys.set(billingKey, { customerKey: auth.customerKey, method: auth.method, issuedAt: ctx.now() });
  // The Billing object (docs.tosspayments.com/reference#billing-객체), for what a sandbox card fills.
  const card = auth.method === 'CARD';
  return json(200, {
    mId: 'tkcheckoutsbx',
    customerKey: auth.customerKey,
    authenticatedAt: kstIso(ctx.now()),
    method: card ? '카드' : '계좌이체',
    billingKey,
    card: card ? { issuerCode: '61', acquirerCode: '31', number: '43301234****123*', cardType: '신용', ownerType: '개인' } : null,
    cardCompany: card ? '현대' : null,
    cardNumber: card ? '43301234****123*' : null,
  });
}

async function charge(request: Request, billingKey: string, ctx: RouteContext): Promise<Response> {
  const body = await readJson(request);
  if (!isRecord(body)) return tossError(400, 'INVALID_REQUEST', '요청 본문이 올바른 JSON이 아닙니다.');
  const { customerKey, amount, orderId, orderName } = body;
  if (typeof customerKey !== 'string' || !CUSTOMER_KEY.test(customerKey)) return tossError(400, 'INVALID_REQUEST', 'customerKey가 올바르지 않습니다.');
  if (!isAmount(amount)) return tossError(400, 'INVALID_REQUEST', 'amount는 0보다 큰 정수여야 합니다.');
  if (typeof orderId !== 'string' || !ORDER_ID.test(orderId)) return tossError(400, 'INVALID_REQUEST', 'orderId는 영문 대소문자, 숫자, -, _, =로 이루어진 6~64자여야 합니다.');
  if (typeof orderName !== 'string' || orderName.length < 1 || orderName.length > 100) return tossError(400, 'INVALID_REQUEST', 'orderName은 1~100자여야 합니다.');
  const key = ctx.ledger.tossBillingKeys.get(billingKey);
  if (!key) return tossError(404, 'NOT_FOUND_BILLING_KEY', MESSAGES.NOT_FOUND_BILLING_KEY);
  if (key.customerKey !== customerKey) return tossError(400, 'NOT_MATCHES_CUSTOMER_KEY', MESSAGES.NOT_MATCHES_CUSTOMER_KEY);
  if ([...ctx.ledger.toss.values()].some((entry) => entry.payment.orderId === orderId)) return tossError(400, 'DUPLICATED_ORDER_ID', MESSAGES.DUPLICATED_ORDER_ID);
  const now = ctx.now();
  const paymentKey = randomToken('tsbx', 24);
  const entry = {
    payment: { sdk: 'toss-v2' as const, paymentKey, orderId, orderName, amount, currency: 'KRW', method: key.method, status: 'approved' as const, answeredAt: now, keyKind: 'api' as const },
    confirmedAt: now,
    billing: true,
  };
  ctx.ledger.toss.set(paymentKey, entry);
  return json(200, tossPayment(entry, now));
}

/** What `api.recordBillingAuth` takes: a customer, with the method and `authKey` defaulted. */
export interface SandboxBillingAuthSeed {
  customerKey: string;
  method?: 'CARD' | 'TRANSFER';
  authKey?: string;
}

/** Adds an approved billing authorisation, as if the buyer had registered a card in the window. */
export function recordBillingAuth(ctx: RouteContext, seed: SandboxBillingAuthSeed) {
  const auth = { sdk: 'toss-v2' as const, authKey: seed.authKey ?? randomToken('bln_', 20), customerKey: seed.customerKey, method: seed.method ?? 'CARD', answeredAt: ctx.now() };
  ctx.ledger.tossBillingAuths.set(auth.authKey, auth);
  return auth;
}
