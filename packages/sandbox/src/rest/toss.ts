import type { SandboxTossPayment } from '../types.js';
import { basicUser, isRecord, json, kstIso, readJson } from './http.js';
import type { RouteContext } from './ledger.js';
import { sandboxSecrets } from './secrets.js';

/** Toss confirms only within 10 minutes of the window (research/toss.md §3.3, well attested). */
export const TOSS_SESSION_MS = 10 * 60_000;

// Messages from Toss's error-code table (research/toss.md §3.3).
const MESSAGES: Record<string, string> = {
  ALREADY_PROCESSED_PAYMENT: '이미 처리된 결제 입니다.',
  UNAUTHORIZED_KEY: '인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.',
  INCORRECT_BASIC_AUTH_FORMAT: "잘못된 요청입니다. ':' 를 포함해 인코딩해주세요.",
  NOT_FOUND_PAYMENT: '존재하지 않는 결제 정보 입니다.',
  NOT_FOUND_PAYMENT_SESSION: '결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다.',
  REJECT_CARD_PAYMENT: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.',
  INVALID_REQUEST: '잘못된 요청입니다.',
  FAILED_INTERNAL_SYSTEM_PROCESSING: '내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요.',
};

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
};

/** `POST /v1/payments/confirm`, `GET /v1/payments/{paymentKey}` and `GET /v1/payments/orders/{orderId}`. */
export async function tossRoute(request: Request, path: string, ctx: RouteContext): Promise<Response | undefined> {
  if (!path.startsWith('/v1/payments')) return undefined;
  const auth = checkAuth(request);
  if (auth) return auth;

  if (path === '/v1/payments/confirm') {
    if (request.method !== 'POST') return tossError(405, 'INVALID_REQUEST', 'POST 요청만 허용됩니다.');
    return confirm(request, ctx);
  }
  if (request.method !== 'GET') return tossError(405, 'INVALID_REQUEST', 'GET 요청만 허용됩니다.');
  const byOrder = /^\/v1\/payments\/orders\/([^/]+)$/.exec(path);
  if (byOrder) {
    const orderId = decodeURIComponent(byOrder[1]!);
    const entry = [...ctx.ledger.toss.values()].reverse().find((candidate) => candidate.payment.orderId === orderId);
    return entry ? json(200, tossPayment(entry, ctx.now())) : tossError(404, 'NOT_FOUND_PAYMENT');
  }
  const byKey = /^\/v1\/payments\/([^/]+)$/.exec(path);
  if (byKey) {
    const entry = ctx.ledger.toss.get(decodeURIComponent(byKey[1]!));
    return entry ? json(200, tossPayment(entry, ctx.now())) : tossError(404, 'NOT_FOUND_PAYMENT');
  }
  return tossError(404, 'NOT_FOUND', '요청한 API를 찾을 수 없습니다.');
}

function checkAuth(request: Request): Response | undefined {
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
  // Reported for an orderId other than the requested one (research/toss.md §3.3).
  if (payment.orderId !== orderId || payment.status === 'canceled') return tossError(404, 'NOT_FOUND_PAYMENT_SESSION');
  if (ctx.now() - payment.answeredAt > TOSS_SESSION_MS) return tossError(404, 'NOT_FOUND_PAYMENT_SESSION');
  if (payment.amount !== amount) {
    // UNVERIFIED: Toss's exact code for a confirm amount that differs from the requested one.
    return tossError(400, 'INVALID_REQUEST', '결제 금액이 결제 요청 금액과 일치하지 않습니다.');
  }
  if (payment.status === 'declined') return tossError(403, 'REJECT_CARD_PAYMENT');
  entry.confirmedAt = ctx.now();
  return json(200, tossPayment(entry, ctx.now()));
}

/** The Payment object (research/toss.md §3.3), for the fields a sandbox payment can fill. */
function tossPayment(entry: { payment: SandboxTossPayment; confirmedAt?: number }, now: number): Record<string, unknown> {
  const { payment, confirmedAt } = entry;
  const virtualAccount = payment.method === 'VIRTUAL_ACCOUNT';
  const status = confirmedAt === undefined ? (payment.status === 'approved' ? 'IN_PROGRESS' : 'ABORTED') : virtualAccount ? 'WAITING_FOR_DEPOSIT' : 'DONE';
  const method = METHOD_NAMES[payment.method] ?? payment.method;
  const supplied = Math.round(payment.amount / 1.1);
  return {
    mId: 'tkcheckoutsbx',
    version: '2022-11-16',
    paymentKey: payment.paymentKey,
    lastTransactionKey: confirmedAt === undefined ? null : `txsbx${payment.paymentKey.slice(4, 20)}`,
    type: 'NORMAL',
    orderId: payment.orderId,
    orderName: payment.orderName,
    currency: payment.currency,
    method,
    totalAmount: payment.amount,
    balanceAmount: payment.amount,
    suppliedAmount: supplied,
    vat: payment.amount - supplied,
    taxFreeAmount: 0,
    taxExemptionAmount: 0,
    status,
    requestedAt: kstIso(payment.answeredAt),
    approvedAt: confirmedAt === undefined || virtualAccount ? null : kstIso(confirmedAt),
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
    cancels: null,
    secret: null,
    failure: null,
    country: 'KR',
    receipt: { url: `https://sandbox.kcheckout.invalid/receipt/${payment.paymentKey}` },
    checkout: { url: `https://sandbox.kcheckout.invalid/checkout/${payment.paymentKey}` },
  };
}
