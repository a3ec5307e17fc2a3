import { decodeSegment, isRecord, json, readFields, readJson } from './http.js';
import { cancelledTotal, type Ledger, type RouteContext } from './ledger.js';
import { randomToken } from '../standins/shared/random.js';
import { sandboxSecrets } from './secrets.js';

/** V1 answers `{ code, message, response }` (developers.portone.io); `code` 0 is success. */
function envelope(status: number, code: number, message: string | null, response: unknown = null): Response {
  return json(status, { code, message, response });
}

export function iamportError(status: number, message: string): Response {
  return envelope(status, status === 404 ? 1 : -1, message);
}

/**
 * `POST /users/getToken`, `GET /payments/{imp_uid}`, `GET /payments/find/{merchant_uid}[/{payment_status}]`
 * and `POST /payments/cancel`.
 */
export async function iamportRoute(request: Request, path: string, url: URL, ctx: RouteContext): Promise<Response | undefined> {
  if (path === '/users/getToken') {
    if (request.method !== 'POST') return iamportError(405, 'POST 요청만 허용됩니다.');
    const fields = await readFields(request);
    if (!fields || fields.imp_key !== sandboxSecrets.iamport.impKey || fields.imp_secret !== sandboxSecrets.iamport.impSecret) {
      return iamportError(401, 'imp_key, imp_secret 인증에 실패했습니다.');
    }
    const now = Math.floor(ctx.now() / 1000);
    const token = randomToken('', 40);
    ctx.ledger.tokens.set(token, now + ctx.tokenTtlSeconds);
    return envelope(200, 0, null, { access_token: token, now, expired_at: now + ctx.tokenTtlSeconds });
  }

  const cancelling = path === '/payments/cancel';
  const found = /^\/payments\/find\/([^/]+)(?:\/([^/]+))?$/.exec(path);
  const byImpUid = /^\/payments\/(imp_[^/]+)$/.exec(path);
  if (!cancelling && !found && !byImpUid) {
    if (path.startsWith('/payments/imp_') || path.startsWith('/payments/find')) return iamportError(404, `The kcheckout sandbox has no V1 API ${request.method} ${path}.`);
    return undefined;
  }
  // The docs send the bare token; `Bearer <token>` is accepted too.
  const token = (request.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, '').trim();
  const expiresAt = ctx.ledger.tokens.get(token);
  if (expiresAt === undefined || expiresAt <= Math.floor(ctx.now() / 1000)) return iamportError(401, 'Unauthorized');
  if (request.method !== (cancelling ? 'POST' : 'GET')) return iamportError(405, `${cancelling ? 'POST' : 'GET'} 요청만 허용됩니다.`);
  if (cancelling) return cancel(request, ctx);

  const id = decodeSegment((found ?? byImpUid)![1]!);
  const wanted = found?.[2];
  if (id === undefined || (wanted !== undefined && !STATUSES.includes(wanted))) {
    return iamportError(400, id === undefined ? '경로의 퍼센트 인코딩이 올바르지 않습니다.' : `payment_status는 ${STATUSES.join(', ')} 중 하나여야 합니다.`);
  }
  // Every sandbox payment is a test-channel payment, which V1 lists only with include_sandbox=true.
  const sandbox = url.searchParams.get('include_sandbox') === 'true';
  const entry = !sandbox ? undefined : found ? byMerchantUid(ctx.ledger, id, wanted) : ctx.ledger.iamport.get(id);
  if (!entry) return iamportError(404, '존재하지 않는 결제정보입니다.');
  return envelope(200, 0, null, iamportPayment(entry));
}

const STATUSES = ['ready', 'paid', 'cancelled', 'failed'];
type IamportEntry = Ledger['iamport'] extends Map<string, infer E> ? E : never;

/** `GET /payments/find/{merchant_uid}/{payment_status}`: the latest payment for the order, in that status when given. */
function byMerchantUid(ledger: Ledger, merchantUid: string, status?: string): IamportEntry | undefined {
  return [...ledger.iamport.values()].reverse().find((entry) => entry.payment.merchantUid === merchantUid && (status === undefined || iamportStatus(entry) === status));
}

export function iamportStatus(entry: IamportEntry): string {
  const { payment } = entry;
  if (payment.status !== 'approved') return 'failed';
  if (payment.method === 'vbank' && entry.depositedAt === undefined) return 'ready';
  // A partial refund leaves a V1 payment `paid`, with `cancel_amount` raised.
  return cancelledTotal(entry) >= payment.amount ? 'cancelled' : 'paid';
}

/**
 * `POST /payments/cancel` (V1 openapi `payments/cancelPayment`): `imp_uid` (first) or `merchant_uid`,
 * `amount` (absent or 0: all that is left), `checksum` (the cancellable amount before this refund),
 * `reason`. Refusals are HTTP 200 with a non-zero `code`, as V1 answers business errors.
 * UNVERIFIED: the exact codes and messages other than "이미 전액취소된 주문입니다." (code 1).
 */
async function cancel(request: Request, ctx: RouteContext): Promise<Response> {
  const type = request.headers.get('content-type') ?? '';
  const raw = type.includes('application/x-www-form-urlencoded') ? await readFields(request) : await readJson(request);
  if (!isRecord(raw)) return iamportError(400, '요청 본문이 올바른 JSON이 아닙니다.');
  const amount = raw.amount === undefined || raw.amount === null || raw.amount === '' ? 0 : Number(raw.amount);
  const checksum = raw.checksum === undefined || raw.checksum === null || raw.checksum === '' ? undefined : Number(raw.checksum);
  const impUid = typeof raw.imp_uid === 'string' && raw.imp_uid !== '' ? raw.imp_uid : undefined;
  const merchantUid = typeof raw.merchant_uid === 'string' && raw.merchant_uid !== '' ? raw.merchant_uid : undefined;
  if (!Number.isSafeInteger(amount) || amount < 0 || (checksum !== undefined && !Number.isSafeInteger(checksum))) {
    return iamportError(400, 'amount와 checksum은 0 이상의 정수여야 합니다.');
  }
  if (raw.reason !== undefined && typeof raw.reason !== 'string') return iamportError(400, 'reason은 문자열이어야 합니다.');
  if (!impUid && !merchantUid) return iamportError(400, 'imp_uid 또는 merchant_uid가 필요합니다.');
  const entry = impUid ? ctx.ledger.iamport.get(impUid) : byMerchantUid(ctx.ledger, merchantUid!);
  if (!entry) return envelope(200, 1, '취소할 결제건이 존재하지 않습니다.');
  const status = iamportStatus(entry);
  if (status === 'cancelled') return envelope(200, 1, '이미 전액취소된 주문입니다.');
  if (status !== 'paid') return envelope(200, -1, '결제완료 상태가 아닌 결제건은 취소할 수 없습니다.');
  const cancellable = entry.payment.amount - cancelledTotal(entry);
  if (checksum !== undefined && checksum !== cancellable) {
    return envelope(200, -1, `checksum(${checksum})이 취소 가능 금액(${cancellable})과 다릅니다. 그 사이 다른 환불이 있었는지 확인하세요.`);
  }
  const refund = amount === 0 ? cancellable : amount;
  if (refund > cancellable) return envelope(200, -1, `취소 요청 금액(${refund})이 취소 가능 금액(${cancellable})을 초과합니다.`);
  (entry.cancels ??= []).push({ amount: refund, reason: typeof raw.reason === 'string' ? raw.reason : '', at: ctx.now(), id: `sbxc${randomToken('', 12)}` });
  return envelope(200, 0, null, iamportPayment(entry));
}

/** Marks an unpaid vbank (`ready`) as `paid`, or says why it cannot. */
export function iamportDeposit(ctx: RouteContext, impUid: string): Record<string, unknown> | string {
  const entry = ctx.ledger.iamport.get(impUid);
  if (!entry) return `No V1 payment ${JSON.stringify(impUid)}: record it first (api.recordPayment with method 'vbank').`;
  const status = iamportStatus(entry);
  if (status !== 'ready') return `V1 payment ${impUid} is ${status}; only a vbank in 'ready' takes a deposit.`;
  entry.depositedAt = ctx.now();
  return iamportPayment(entry);
}

function iamportPayment(entry: IamportEntry): Record<string, unknown> {
  const { payment } = entry;
  const at = Math.floor(payment.answeredAt / 1000);
  const status = iamportStatus(entry);
  const cancels = entry.cancels ?? [];
  const paidAt = Math.floor((entry.depositedAt ?? payment.answeredAt) / 1000);
  const settled = status === 'paid' || status === 'cancelled';
  return {
    imp_uid: payment.impUid,
    merchant_uid: payment.merchantUid,
    pay_method: payment.method,
    channel: 'pc',
    pg_provider: payment.pg?.split('.')[0] ?? 'tosspayments',
    pg_tid: `sbx${payment.impUid.slice(4)}`,
    pg_id: 'tkcheckoutsbx',
    escrow: false,
    apply_num: settled && payment.method === 'card' ? '00000000' : '',
    name: payment.orderName,
    amount: payment.amount,
    cancel_amount: cancelledTotal(entry),
    currency: payment.currency,
    status,
    started_at: at,
    paid_at: settled ? paidAt : 0,
    failed_at: status === 'failed' ? at : 0,
    cancelled_at: status === 'cancelled' ? Math.floor(cancels.at(-1)!.at / 1000) : 0,
    fail_reason: status === 'failed' ? (payment.status === 'canceled' ? '[결제포기] 사용자가 결제를 취소하셨습니다' : '[카드사 승인 거절] 샌드박스 거절') : null,
    cancel_reason: cancels.at(-1)?.reason ?? null,
    receipt_url: `https://sandbox.kcheckout.invalid/receipt/${payment.impUid}`,
    cancel_history: cancels.map((cancel) => ({ pg_id: 'tkcheckoutsbx', pg_tid: cancel.id, amount: cancel.amount, cancelled_at: Math.floor(cancel.at / 1000), reason: cancel.reason, cancellation_id: cancel.id, receipt_url: `https://sandbox.kcheckout.invalid/receipt/${cancel.id}` })),
    cancel_receipt_urls: cancels.map((cancel) => `https://sandbox.kcheckout.invalid/receipt/${cancel.id}`),
    cash_receipt_issued: false,
    customer_uid: null,
    custom_data: payment.customData ?? null,
    user_agent: 'sandbox',
  };
}
