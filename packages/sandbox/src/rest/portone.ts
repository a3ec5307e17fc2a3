import type { SandboxPortOnePayment } from '../types.js';
import { randomUuid } from '../standins/shared/random.js';
import { decodeSegment, isAmount, isRecord, json, readJson } from './http.js';
import { cancelledTotal, type Ledger, type RouteContext } from './ledger.js';
import { sandboxSecrets } from './secrets.js';
import { payWithBillingKey } from './portone-billing-key.js';

/** PortOne V2 errors are `{ type, message }` (research/portone.md §4.1). */
export function portOneError(status: number, type: string, message: string): Response {
  return json(status, { type, message });
}

// Easy-pay providers as the payment object spells them.
const METHODS: Record<string, (payment: SandboxPortOnePayment) => Record<string, unknown>> = {
  CARD: () => ({ type: 'PaymentMethodCard', card: { publisher: 'SANDBOX', issuer: 'SANDBOX', brand: 'LOCAL', type: 'CREDIT', ownerType: 'PERSONAL', number: '12345678****000*', name: '샌드박스카드' }, approvalNumber: '00000000', installment: { month: 0, isInterestFree: false }, pointUsed: false }),
  EASY_PAY: (payment) => ({ type: 'PaymentMethodEasyPay', provider: payment.easyPayProvider ?? 'KAKAOPAY' }),
  TRANSFER: () => ({ type: 'PaymentMethodTransfer', bank: 'SHINHAN' }),
  VIRTUAL_ACCOUNT: () => ({ type: 'PaymentMethodVirtualAccount', bank: 'SHINHAN', accountNumber: '00000000000000', accountType: 'FIXED', remitteeName: '샌드박스', expiredAt: '2099-12-31T14:59:59Z' }),
  MOBILE: () => ({ type: 'PaymentMethodMobile', phoneNumber: '01000000000' }),
};

type PortOneEntry = Ledger['portone'] extends Map<string, infer E> ? E : never;

/**
 * `GET /payments/{paymentId}` and `POST /payments/{paymentId}/cancel` with `Authorization: PortOne <secret>`.
 * Every other path under `/payments/` answers 404 in PortOne's error shape.
 */
export async function portOneRoute(request: Request, path: string, url: URL, ctx: RouteContext): Promise<Response | undefined> {
  if (!path.startsWith('/payments/')) return undefined;
  const auth = request.headers.get('authorization') ?? '';
  const secret = /^PortOne\s+(.+)$/.exec(auth.trim())?.[1];
  if (secret !== sandboxSecrets.portone.apiSecret) {
    return portOneError(401, 'UNAUTHORIZED', secret ? '인증 정보가 올바르지 않습니다. (Unknown API secret.)' : '인증 정보가 없습니다. (Send Authorization: PortOne <API secret>.)');
  }
  const charge = /^\/payments\/([^/]+)\/billing-key$/.exec(path);
  if (charge) {
    const chargeId = decodeSegment(charge[1]!);
    if (chargeId === undefined) return portOneError(400, 'INVALID_REQUEST', 'Malformed %-encoding in the path.');
    if (request.method !== 'POST') return portOneError(405, 'INVALID_REQUEST', 'Only POST is supported here.');
    return payWithBillingKey(ctx, chargeId, await readJson(request), url.searchParams.get('storeId'));
  }
  const match = /^\/payments\/([^/]+)(\/cancel)?$/.exec(path);
  if (!match) return portOneError(404, 'NOT_FOUND', `The kcheckout sandbox has no PortOne API ${request.method} ${path}.`);
  const paymentId = decodeSegment(match[1]!);
  if (paymentId === undefined) return portOneError(400, 'INVALID_REQUEST', 'Malformed %-encoding in the path.');
  const cancelling = match[2] !== undefined;
  if (request.method !== (cancelling ? 'POST' : 'GET')) return portOneError(405, 'INVALID_REQUEST', `Only ${cancelling ? 'POST' : 'GET'} is supported here.`);
  const body = cancelling ? await readJson(request) : undefined;
  if (cancelling) {
    const problem = cancelProblem(body);
    if (problem) return problem;
  }
  const entry = ctx.ledger.portone.get(paymentId);
  if (!entry) return portOneError(404, 'PAYMENT_NOT_FOUND', '결제 건이 존재하지 않습니다.');
  const storeId = isRecord(body) && typeof body.storeId === 'string' ? body.storeId : url.searchParams.get('storeId');
  if (storeId !== null && storeId !== entry.payment.storeId) {
    return portOneError(403, 'FORBIDDEN', '요청된 상점에 접근할 수 없습니다.');
  }
  if (isRecord(body)) return cancel(entry, body, ctx.now());
  return json(200, portOnePayment(entry));
}

/** The V2 status of a ledger entry, after deposits and refunds. */
export function portOneStatus(entry: PortOneEntry): string {
  const { payment } = entry;
  if (payment.status !== 'approved') return 'FAILED';
  if (payment.method === 'VIRTUAL_ACCOUNT' && entry.depositedAt === undefined) return 'VIRTUAL_ACCOUNT_ISSUED';
  const cancelled = cancelledTotal(entry);
  if (cancelled >= payment.amount) return 'CANCELLED';
  return cancelled > 0 ? 'PARTIAL_CANCELLED' : 'PAID';
}

/**
 * `POST /payments/{paymentId}/cancel` (@portone/server-sdk `CancelPaymentBody`, `CancelPaymentError`).
 * UNVERIFIED: the HTTP status of the refusals (409 here).
 */
function cancel(entry: PortOneEntry, body: Record<string, unknown>, now: number): Response {
  const { reason, amount, currentCancellableAmount } = body as { reason: string; amount?: number | null; currentCancellableAmount?: number | null };
  const status = portOneStatus(entry);
  if (status === 'CANCELLED') return portOneError(409, 'PAYMENT_ALREADY_CANCELLED', '결제가 이미 취소되었습니다.');
  if (status !== 'PAID' && status !== 'PARTIAL_CANCELLED') return portOneError(409, 'PAYMENT_NOT_PAID', '결제가 완료되지 않았습니다.');
  const cancellable = entry.payment.amount - cancelledTotal(entry);
  if (typeof currentCancellableAmount === 'number' && currentCancellableAmount !== cancellable) {
    return portOneError(409, 'CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN', '취소 가능 잔액 검증에 실패했습니다.');
  }
  const total = typeof amount === 'number' ? amount : cancellable;
  if (total > cancellable) return portOneError(409, 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT', '결제 취소 금액이 취소 가능 금액을 초과했습니다.');
  const cancel = { amount: total, reason, at: now, id: `cancellation-${randomUuid()}` };
  (entry.cancels ??= []).push(cancel);
  return json(200, { cancellation: cancellation(cancel) });
}

/** A 400 for a cancel body of the wrong shape, checked before the payment is looked up, as a schema would. */
function cancelProblem(body: unknown): Response | undefined {
  if (!isRecord(body)) return portOneError(400, 'INVALID_REQUEST', '요청 본문이 올바른 JSON이 아닙니다.');
  const { reason, amount, currentCancellableAmount } = body;
  if (typeof reason !== 'string' || reason.trim() === '') return portOneError(400, 'INVALID_REQUEST', 'reason(취소 사유)이 필요합니다.');
  if (amount !== undefined && amount !== null && !isAmount(amount)) return portOneError(400, 'INVALID_REQUEST', 'amount는 0보다 큰 정수여야 합니다.');
  if (currentCancellableAmount !== undefined && currentCancellableAmount !== null && (typeof currentCancellableAmount !== 'number' || !Number.isSafeInteger(currentCancellableAmount))) {
    return portOneError(400, 'INVALID_REQUEST', 'currentCancellableAmount는 정수여야 합니다.');
  }
  return undefined;
}

function cancellation(cancel: { amount: number; reason: string; at: number; id: string }): Record<string, unknown> {
  const at = new Date(cancel.at).toISOString();
  const vat = cancel.amount - Math.round(cancel.amount / 1.1);
  return { status: 'SUCCEEDED', id: cancel.id, pgCancellationId: `sbx-${cancel.id}`, totalAmount: cancel.amount, taxFreeAmount: 0, vatAmount: vat, reason: cancel.reason, cancelledAt: at, requestedAt: at, trigger: 'API' };
}

/** Marks an issued virtual account as paid, or says why it cannot. */
export function portOneDeposit(ctx: RouteContext, paymentId: string): PortOneEntry | string {
  const entry = ctx.ledger.portone.get(paymentId);
  if (!entry) return `No PortOne V2 payment ${JSON.stringify(paymentId)}: record it first (api.recordPayment with method 'VIRTUAL_ACCOUNT').`;
  const status = portOneStatus(entry);
  if (status !== 'VIRTUAL_ACCOUNT_ISSUED') return `PortOne V2 payment ${paymentId} is ${status}; only a VIRTUAL_ACCOUNT_ISSUED payment takes a deposit.`;
  entry.depositedAt = ctx.now();
  return entry;
}

/** The Payment object (research/portone.md §4.1; @portone/server-sdk's `Payment` types). */
export function portOnePayment(entry: PortOneEntry): Record<string, unknown> {
  const { payment, channelType } = entry;
  const at = new Date(payment.answeredAt).toISOString();
  const status = portOneStatus(entry);
  const settled = status === 'PAID' || status === 'CANCELLED' || status === 'PARTIAL_CANCELLED';
  const paidAt = new Date(entry.depositedAt ?? payment.answeredAt).toISOString();
  const cancels = entry.cancels ?? [];
  const changedAt = new Date(cancels.at(-1)?.at ?? entry.depositedAt ?? payment.answeredAt).toISOString();
  const supply = Math.round(payment.amount / 1.1);
  return {
    status,
    id: payment.paymentId,
    transactionId: payment.txId,
    merchantId: 'merchant-6b636865-636b-4f75-8000-73616e64626f',
    storeId: payment.storeId,
    // PayPal (loadPaymentUI, PAYPAL_SPB): @portone/server-sdk's PaymentMethod union has no PayPal
    // member, so such a payment is read without `method` (optional in Payment), on a PAYPAL_V2 channel.
    ...(payment.method === 'PAYPAL' ? {} : { method: (METHODS[payment.method] ?? METHODS.CARD!)(payment) }),
    channel: {
      type: channelType,
      id: 'channel-id-sandbox',
      ...(payment.channelKey ? { key: payment.channelKey } : {}),
      name: 'kcheckout 샌드박스 채널',
      pgProvider: payment.method === 'PAYPAL' ? 'PAYPAL_V2' : 'TOSSPAYMENTS',
      pgMerchantId: 'tkcheckoutsbx',
    },
    version: 'V2',
    requestedAt: at,
    updatedAt: changedAt,
    statusChangedAt: changedAt,
    orderName: payment.orderName,
    amount: { total: payment.amount, taxFree: 0, vat: payment.amount - supply, supply, discount: 0, paid: settled ? payment.amount : 0, cancelled: cancelledTotal(entry), cancelledTaxFree: 0 },
    currency: payment.currency,
    customer: {},
    ...(payment.customData !== undefined ? { customData: payment.customData } : {}),
    ...(settled ? { paidAt, pgTxId: `sbx-${payment.txId}`, receiptUrl: `https://sandbox.kcheckout.invalid/receipt/${payment.paymentId}`, disputes: [] } : {}),
    ...(status === 'FAILED' ? { failedAt: at, failure: { reason: payment.status === 'canceled' ? '사용자가 결제를 취소하였습니다.' : '카드사 승인 거절', pgCode: 'SANDBOX_DECLINED' } } : {}),
    ...(status === 'VIRTUAL_ACCOUNT_ISSUED' ? { pgTxId: `sbx-${payment.txId}` } : {}),
    ...(status === 'CANCELLED' || status === 'PARTIAL_CANCELLED' ? { cancellations: cancels.map(cancellation), cancelledAt: changedAt } : {}),
  };
}
