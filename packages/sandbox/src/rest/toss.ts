import { randomToken } from '../standins/shared/random.js';
import { basicUser, decodeSegment, isAmount, isRecord, json, kstIso, readJson } from './http.js';
import { cancelledTotal, type Ledger, type RouteContext } from './ledger.js';
import { sandboxSecrets } from './secrets.js';
import { tossBillingRoute } from './toss-billing.js';

/** Toss confirms only within 10 minutes of the window (docs.tosspayments.com, well attested). */
export const TOSS_SESSION_MS = 10 * 60_000;

// Messages from Toss's error-code table (docs.tosspayments.com).
const MESSAGES: Record<string, string> = {
  ALREADY_PROCESSED_PAYMENT: '이미 처리된 결제 입니다.',
  UNAUTHORIZED_KEY: '인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.',
  INCORRECT_BASIC_AUTH_FORMAT: "잘못된 요청입니다. ':' 를 포함해 인코딩해주세요.",
  NOT_FOUND_PAYMENT: '존재하지 않는 결제 정보 입니다.',
  NOT_FOUND_PAYMENT_SESSION: '결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다.',
  REJECT_CARD_PAYMENT: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.',
  INVALID_REQUEST: '잘못된 요청입니다.',
  FORBIDDEN_REQUEST: '허용되지 않은 요청입니다.',
  FAILED_INTERNAL_SYSTEM_PROCESSING: '내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요.',
  // The cancel API's codes (docs.tosspayments.com/reference/error-codes, 결제 취소).
  ALREADY_CANCELED_PAYMENT: '이미 취소된 결제 입니다.',
  NOT_CANCELABLE_AMOUNT: '취소 할 수 없는 금액 입니다.',
  NOT_CANCELABLE_PAYMENT: '취소 할 수 없는 결제 입니다.',
};

/** Toss keeps an `Idempotency-Key`'s answer for 15 days from its first use (docs.tosspayments.com/reference/using-api/idempotency-key). */
export const TOSS_IDEMPOTENCY_MS = 15 * 86_400_000;
const IDEMPOTENCY_KEY_MAX = 300;
/** UNVERIFIED: the cancel reason's length limit (200, as in common integrations). */
const CANCEL_REASON_MAX = 200;

type TossEntry = Ledger['toss'] extends Map<string, infer E> ? E : never;

export function tossError(status: number, code: string, message = MESSAGES[code] ?? code): Response {
  return json(status, { code, message });
}

const SECRETS = new Set<string>([sandboxSecrets.toss.widgetSecretKey, sandboxSecrets.toss.apiSecretKey]);

// The widget's method codes as the Payment object names them.
const METHOD_NAMES: Record<string, string> = {
  CARD: '카드',
  TRANSFER: '계좌이체',
  VIRTUAL_ACCOUNT: '가상계좌',
  MOBILE_PHONE: '휴대폰',
  TOSSPAY: '간편결제',
  // The payment window's wallets, opened directly (card.flowMode 'DIRECT' with card.easyPay).
  KAKAOPAY: '간편결제',
  NAVERPAY: '간편결제',
  PAYCO: '간편결제',
  SAMSUNGPAY: '간편결제',
  APPLEPAY: '간편결제',
  SSG: '간편결제',
  LPAY: '간편결제',
  PINPAY: '간편결제',
};

/**
 * `POST /v1/payments/confirm`, `POST /v1/payments/{paymentKey}/cancel`, `GET /v1/payments/{paymentKey}`
 * and `GET /v1/payments/orders/{orderId}`.
 */
export async function tossRoute(request: Request, path: string, ctx: RouteContext): Promise<Response | undefined> {
  if (path.startsWith('/v1/billing/')) return tossBillingRoute(request, path, ctx);
  if (!path.startsWith('/v1/payments')) return undefined;
  const auth = checkAuth(request);
  if (auth) return auth;

  if (path === '/v1/payments/confirm') {
    if (request.method !== 'POST') return tossError(405, 'INVALID_REQUEST', 'POST 요청만 허용됩니다.');
    return confirm(request, ctx);
  }
  const cancelMatch = /^\/v1\/payments\/([^/]+)\/cancel$/.exec(path);
  if (cancelMatch) {
    if (request.method !== 'POST') return tossError(405, 'INVALID_REQUEST', 'POST 요청만 허용됩니다.');
    const paymentKey = decodeSegment(cancelMatch[1]!);
    if (paymentKey === undefined) return malformedPath();
    return idempotent(request, ctx, () => cancel(request, paymentKey, ctx));
  }
  const byOrder = /^\/v1\/payments\/orders\/([^/]+)$/.exec(path);
  const byKey = /^\/v1\/payments\/([^/]+)$/.exec(path);
  if (!byOrder && !byKey) return tossError(404, 'NOT_FOUND', '요청한 API를 찾을 수 없습니다.');
  if (request.method !== 'GET') return tossError(405, 'INVALID_REQUEST', 'GET 요청만 허용됩니다.');
  if (byOrder) {
    const orderId = decodeSegment(byOrder[1]!);
    if (orderId === undefined) return malformedPath();
    const entry = [...ctx.ledger.toss.values()].reverse().find((candidate) => candidate.payment.orderId === orderId);
    return entry ? json(200, tossPayment(entry, ctx.now())) : tossError(404, 'NOT_FOUND_PAYMENT');
  }
  const paymentKey = decodeSegment(byKey![1]!);
  if (paymentKey === undefined) return malformedPath();
  const entry = ctx.ledger.toss.get(paymentKey);
  return entry ? json(200, tossPayment(entry, ctx.now())) : tossError(404, 'NOT_FOUND_PAYMENT');
}

function malformedPath(): Response {
  return tossError(400, 'INVALID_REQUEST', '경로의 퍼센트 인코딩이 올바르지 않습니다. (Malformed %-encoding in the path.)');
}

/**
 * The Toss status a ledger entry is in: the window's answer until confirmed, then
 * `WAITING_FOR_DEPOSIT` for an undeposited virtual account, and the refunds' outcome.
 */
export function tossStatus(entry: TossEntry): string {
  const { payment } = entry;
  if (entry.confirmedAt === undefined) return payment.status === 'approved' ? 'IN_PROGRESS' : 'ABORTED';
  const cancelled = cancelledTotal(entry);
  if (cancelled >= payment.amount) return 'CANCELED';
  if (cancelled > 0) return 'PARTIAL_CANCELED';
  if (payment.method === 'VIRTUAL_ACCOUNT' && entry.depositedAt === undefined) return 'WAITING_FOR_DEPOSIT';
  return 'DONE';
}

/**
 * Toss's `Idempotency-Key` rule: a repeat of a key (per secret key, for 15 days) answers the first
 * answer without doing anything again (docs.tosspayments.com/reference/using-api/idempotency-key).
 */
export async function idempotent(request: Request, ctx: RouteContext, run: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get('idempotency-key');
  if (key === null) return run();
  if (key === '' || key.length > IDEMPOTENCY_KEY_MAX) {
    return tossError(400, 'INVALID_REQUEST', `Idempotency-Key는 1~${IDEMPOTENCY_KEY_MAX}자여야 합니다.`);
  }
  const slot = `${request.headers.get('authorization')}\n${key}`;
  const seen = ctx.ledger.idempotency.get(slot);
  if (seen && ctx.now() - seen.at < TOSS_IDEMPOTENCY_MS) {
    return new Response(seen.body, { status: seen.status, headers: { 'content-type': 'application/json; charset=utf-8' } });
  }
  const response = await run();
  // A server error did nothing, so a retry with the same key must be able to do it.
  if (response.status < 500) ctx.ledger.idempotency.set(slot, { status: response.status, body: await response.clone().text(), at: ctx.now() });
  return response;
}

async function cancel(request: Request, paymentKey: string, ctx: RouteContext): Promise<Response> {
  const body = await readJson(request);
  if (!isRecord(body)) return tossError(400, 'INVALID_REQUEST', '요청 본문이 올바른 JSON이 아닙니다.');
  const { cancelReason, cancelAmount } = body;
  if (typeof cancelReason !== 'string' || cancelReason.trim() === '' || cancelReason.length > CANCEL_REASON_MAX) {
    return tossError(400, 'INVALID_REQUEST', `cancelReason(1~${CANCEL_REASON_MAX}자 문자열)이 필요합니다.`);
  }
  if (cancelAmount !== undefined && cancelAmount !== null && !isAmount(cancelAmount)) {
    return tossError(400, 'INVALID_REQUEST', 'cancelAmount는 0보다 큰 정수여야 합니다.');
  }
  const entry = ctx.ledger.toss.get(paymentKey);
  if (!entry) return tossError(404, 'NOT_FOUND_PAYMENT');
  const status = tossStatus(entry);
  if (status === 'CANCELED') return tossError(400, 'ALREADY_CANCELED_PAYMENT');
  if (status !== 'DONE' && status !== 'PARTIAL_CANCELED' && status !== 'WAITING_FOR_DEPOSIT') return tossError(403, 'NOT_CANCELABLE_PAYMENT');
  const balance = entry.payment.amount - cancelledTotal(entry);
  const amount = typeof cancelAmount === 'number' ? cancelAmount : balance;
  // An issued, undeposited account has nothing to refund in part: cancelling it closes it.
  if (amount > balance || (status === 'WAITING_FOR_DEPOSIT' && amount !== balance)) return tossError(403, 'NOT_CANCELABLE_AMOUNT');
  (entry.cancels ??= []).push({ amount, reason: cancelReason, at: ctx.now(), id: `txsbx${randomToken('', 16)}` });
  return json(200, tossPayment(entry, ctx.now()));
}

/**
 * Marks a confirmed, undeposited virtual account as paid and returns the `DEPOSIT_CALLBACK` body Toss
 * posts to the merchant, or why it cannot.
 */
export function tossDeposit(ctx: RouteContext, paymentKey: string): { payment: Record<string, unknown>; callback: Record<string, unknown> } | string {
  const entry = ctx.ledger.toss.get(paymentKey);
  if (!entry) return `No Toss payment ${JSON.stringify(paymentKey)}: record it (api.recordPayment) and confirm it first.`;
  if (entry.payment.method !== 'VIRTUAL_ACCOUNT') return `Toss payment ${paymentKey} is not a virtual account (method ${entry.payment.method}).`;
  const status = tossStatus(entry);
  if (status !== 'WAITING_FOR_DEPOSIT') return `Toss payment ${paymentKey} is ${status}; only a confirmed virtual account in WAITING_FOR_DEPOSIT takes a deposit.`;
  entry.depositedAt = ctx.now();
  const payment = tossPayment(entry, ctx.now());
  return {
    payment,
    // The deposit notification's body (docs.tosspayments.com/guides/webhook, DEPOSIT_CALLBACK).
    callback: { createdAt: kstIso(ctx.now()).slice(0, 19) + '.000000', secret: entry.secret, status: 'DONE', transactionKey: payment.lastTransactionKey, orderId: entry.payment.orderId },
  };
}

export function checkAuth(request: Request): Response | undefined {
  const basic = basicUser(request.headers.get('authorization'));
  if (basic === 'missing') return tossError(401, 'UNAUTHORIZED_KEY');
  if (basic === 'malformed') return tossError(400, 'INCORRECT_BASIC_AUTH_FORMAT');
  if (basic.user.startsWith('live_')) {
    return tossError(401, 'UNAUTHORIZED_KEY', `${MESSAGES.UNAUTHORIZED_KEY} (The kcheckout sandbox refuses live keys: use a sandbox secret key.)`);
  }
  if (!SECRETS.has(basic.user)) return tossError(401, 'UNAUTHORIZED_KEY');
  return undefined;
}

async function confirm(request: Request, ctx: RouteContext): Promise<Response> {
  const body = await readJson(request);
  if (!isRecord(body)) return tossError(400, 'INVALID_REQUEST', '요청 본문이 올바른 JSON이 아닙니다.');
  const { paymentKey, orderId, amount } = body;
  if (typeof paymentKey !== 'string' || typeof orderId !== 'string' || typeof amount !== 'number' || !Number.isFinite(amount)) {
    return tossError(400, 'INVALID_REQUEST', 'paymentKey, orderId(문자열)와 amount(숫자)가 필요합니다.');
  }
  const entry = ctx.ledger.toss.get(paymentKey);
  if (!entry) return tossError(404, 'NOT_FOUND_PAYMENT');
  const { payment } = entry;
  if (entry.confirmedAt !== undefined) return tossError(400, 'ALREADY_PROCESSED_PAYMENT');
  // Reported for an orderId other than the requested one (docs.tosspayments.com).
  if (payment.orderId !== orderId || payment.status === 'canceled') return tossError(404, 'NOT_FOUND_PAYMENT_SESSION');
  if (ctx.now() - payment.answeredAt > TOSS_SESSION_MS) return tossError(404, 'NOT_FOUND_PAYMENT_SESSION');
  if (payment.amount !== amount) {
    // UNVERIFIED: Toss's exact code for a confirm amount that differs from the requested one.
    return tossError(400, 'INVALID_REQUEST', '결제 금액이 결제 요청 금액과 일치하지 않습니다.');
  }
  if (payment.status === 'declined') return tossError(403, 'REJECT_CARD_PAYMENT');
  // A payment-window payment is confirmed with the API secret key, a widget payment with the widget
  // secret key ("키 쌍", docs.tosspayments.com); the code for a mismatch is an assumption (README).
  const user = basicUser(request.headers.get('authorization'));
  const kindOfSecret = typeof user === 'object' && user.user === sandboxSecrets.toss.apiSecretKey ? 'api' : 'widget';
  if (payment.keyKind && payment.keyKind !== kindOfSecret) {
    return tossError(403, 'FORBIDDEN_REQUEST', `${MESSAGES.FORBIDDEN_REQUEST} (This payment was opened with ${payment.keyKind === 'api' ? 'an API individual client key: confirm with the API secret key (test_sk_…)' : 'a widget client key: confirm with the widget secret key (test_gsk_…)'}.)`);
  }
  entry.confirmedAt = ctx.now();
  // The merchant compares a deposit callback's `secret` with this one (Toss's virtual-account webhook guide, docs.tosspayments.com).
  if (payment.method === 'VIRTUAL_ACCOUNT') entry.secret = randomToken('', 20);
  return json(200, tossPayment(entry, ctx.now()));
}

/** The Payment object (docs.tosspayments.com), for the fields a sandbox payment can fill. */
export function tossPayment(entry: TossEntry, now: number): Record<string, unknown> {
  const { payment, confirmedAt } = entry;
  const virtualAccount = payment.method === 'VIRTUAL_ACCOUNT';
  const status = tossStatus(entry);
  const cancels = entry.cancels ?? [];
  let refundable = payment.amount;
  const approvedAt = confirmedAt === undefined ? null : virtualAccount ? entry.depositedAt : confirmedAt;
  const method = METHOD_NAMES[payment.method] ?? payment.method;
  const supplied = Math.round(payment.amount / 1.1);
  return {
    mId: 'tkcheckoutsbx',
    version: '2022-11-16',
    paymentKey: payment.paymentKey,
    lastTransactionKey: cancels.at(-1)?.id ?? (confirmedAt === undefined ? null : `txsbx${payment.paymentKey.slice(4, 20)}${entry.depositedAt === undefined ? '' : 'D'}`),
    type: entry.billing ? 'BILLING' : 'NORMAL',
    orderId: payment.orderId,
    orderName: payment.orderName,
    currency: payment.currency,
    method,
    totalAmount: payment.amount,
    balanceAmount: payment.amount - cancelledTotal(entry),
    suppliedAmount: supplied,
    vat: payment.amount - supplied,
    taxFreeAmount: 0,
    taxExemptionAmount: 0,
    status,
    requestedAt: kstIso(payment.answeredAt),
    approvedAt: approvedAt === undefined || approvedAt === null ? null : kstIso(approvedAt),
    useEscrow: false,
    cultureExpense: false,
    isPartialCancelable: true,
    card: payment.method === 'CARD' ? { issuerCode: '61', acquirerCode: '31', number: '12345678****000*', installmentPlanMonths: 0, isInterestFree: false, approveNo: '00000000', cardType: '신용', ownerType: '개인', acquireStatus: 'READY', amount: payment.amount } : null,
    virtualAccount: virtualAccount ? { accountType: '일반', accountNumber: 'X0000000000000', bankCode: '20', customerName: '샌드박스', dueDate: kstIso(now + 7 * 86_400_000), refundStatus: 'NONE', expired: false, settlementStatus: 'INCOMPLETED' } : null,
    easyPay: payment.method === 'TOSSPAY' ? { provider: '토스페이', amount: payment.amount, discountAmount: 0 } : null,
    transfer: null,
    mobilePhone: null,
    giftCertificate: null,
    cashReceipt: null,
    cashReceipts: null,
    discount: null,
    cancels: cancels.length === 0
      ? null
      : cancels.map((cancel) => ({
          transactionKey: cancel.id,
          cancelReason: cancel.reason,
          taxExemptionAmount: 0,
          canceledAt: kstIso(cancel.at),
          easyPayDiscountAmount: 0,
          receiptKey: null,
          cancelAmount: cancel.amount,
          taxFreeAmount: 0,
          refundableAmount: (refundable -= cancel.amount),
          cancelStatus: 'DONE',
          cancelRequestId: null,
        })),
    secret: entry.secret ?? null,
    failure: null,
    country: 'KR',
    receipt: { url: `https://sandbox.kcheckout.invalid/receipt/${payment.paymentKey}` },
    checkout: { url: `https://sandbox.kcheckout.invalid/checkout/${payment.paymentKey}` },
  };
}
