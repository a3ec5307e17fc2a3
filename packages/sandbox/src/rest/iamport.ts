import type { SandboxIamportPayment } from '../types.js';
import { json, readFields } from './http.js';
import type { RouteContext } from './ledger.js';
import { randomToken } from '../standins/shared/random.js';
import { sandboxSecrets } from './secrets.js';

/** V1 answers `{ code, message, response }` (research/portone.md §4.3); `code` 0 is success. */
function envelope(status: number, code: number, message: string | null, response: unknown = null): Response {
  return json(status, { code, message, response });
}

export function iamportError(status: number, message: string): Response {
  return envelope(status, status === 404 ? 1 : -1, message);
}

/** `POST /users/getToken` and `GET /payments/{imp_uid}`. */
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

  const match = /^\/payments\/([^/]+)$/.exec(path);
  if (!match || !match[1]!.startsWith('imp_')) return undefined;
  // The docs send the bare token; `Bearer <token>` is accepted too.
  const token = (request.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, '').trim();
  const expiresAt = ctx.ledger.tokens.get(token);
  if (expiresAt === undefined || expiresAt <= Math.floor(ctx.now() / 1000)) return iamportError(401, 'Unauthorized');
  if (request.method !== 'GET') return iamportError(405, 'GET 요청만 허용됩니다.');
  const entry = ctx.ledger.iamport.get(decodeURIComponent(match[1]!));
  // Every sandbox payment is a test-channel payment, which V1 lists only with include_sandbox=true.
  if (!entry || url.searchParams.get('include_sandbox') !== 'true') return iamportError(404, '존재하지 않는 결제정보입니다.');
  return envelope(200, 0, null, iamportPayment(entry.payment));
}

function iamportPayment(payment: SandboxIamportPayment): Record<string, unknown> {
  const at = Math.floor(payment.answeredAt / 1000);
  const status = payment.status !== 'approved' ? 'failed' : payment.method === 'vbank' ? 'ready' : 'paid';
  return {
    imp_uid: payment.impUid,
    merchant_uid: payment.merchantUid,
    pay_method: payment.method,
    channel: 'pc',
    pg_provider: payment.pg?.split('.')[0] ?? 'tosspayments',
    pg_tid: `sbx${payment.impUid.slice(4)}`,
    pg_id: 'tkcheckoutsbx',
    escrow: false,
    apply_num: status === 'paid' && payment.method === 'card' ? '00000000' : '',
    name: payment.orderName,
    amount: payment.amount,
    cancel_amount: 0,
    currency: payment.currency,
    status,
    started_at: at,
    paid_at: status === 'paid' ? at : 0,
    failed_at: status === 'failed' ? at : 0,
    cancelled_at: 0,
    fail_reason: status === 'failed' ? (payment.status === 'canceled' ? '[결제포기] 사용자가 결제를 취소하셨습니다' : '[카드사 승인 거절] 샌드박스 거절') : null,
    cancel_reason: null,
    receipt_url: `https://sandbox.kcheckout.invalid/receipt/${payment.impUid}`,
    cancel_history: [],
    cash_receipt_issued: false,
    customer_uid: null,
    custom_data: payment.customData ?? null,
    user_agent: 'sandbox',
  };
}
