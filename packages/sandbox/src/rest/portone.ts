import type { SandboxPortOnePayment } from '../types.js';
import { json } from './http.js';
import type { RouteContext } from './ledger.js';
import { sandboxSecrets } from './secrets.js';

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

/** `GET /payments/{paymentId}` with `Authorization: PortOne <secret>`. */
export function portOneRoute(request: Request, path: string, url: URL, ctx: RouteContext): Response | undefined {
  const match = /^\/payments\/([^/]+)$/.exec(path);
  if (!match) return undefined;
  const auth = request.headers.get('authorization') ?? '';
  const secret = /^PortOne\s+(.+)$/.exec(auth.trim())?.[1];
  if (secret !== sandboxSecrets.portone.apiSecret) {
    return portOneError(401, 'UNAUTHORIZED', secret ? '인증 정보가 올바르지 않습니다. (Unknown API secret.)' : '인증 정보가 없습니다. (Send Authorization: PortOne <API secret>.)');
  }
  if (request.method !== 'GET') return portOneError(405, 'INVALID_REQUEST', 'Only GET is supported by the sandbox.');
  const entry = ctx.ledger.portone.get(decodeURIComponent(match[1]!));
  if (!entry) return portOneError(404, 'PAYMENT_NOT_FOUND', '결제 건이 존재하지 않습니다.');
  const storeId = url.searchParams.get('storeId');
  if (storeId !== null && storeId !== entry.payment.storeId) {
    return portOneError(403, 'FORBIDDEN', '요청된 상점에 접근할 수 없습니다.');
  }
  return json(200, portOnePayment(entry.payment, entry.channelType));
}

/** The Payment object (research/portone.md §4.1; @portone/server-sdk's `Payment` types). */
function portOnePayment(payment: SandboxPortOnePayment, channelType: 'TEST' | 'LIVE'): Record<string, unknown> {
  const at = new Date(payment.answeredAt).toISOString();
  const paid = payment.status === 'approved';
  const status = !paid ? 'FAILED' : payment.method === 'VIRTUAL_ACCOUNT' ? 'VIRTUAL_ACCOUNT_ISSUED' : 'PAID';
  const supply = Math.round(payment.amount / 1.1);
  return {
    status,
    id: payment.paymentId,
    transactionId: payment.txId,
    merchantId: 'merchant-6b636865-636b-4f75-8000-73616e64626f',
    storeId: payment.storeId,
    method: (METHODS[payment.method] ?? METHODS.CARD!)(payment),
    channel: {
      type: channelType,
      id: 'channel-id-sandbox',
      ...(payment.channelKey ? { key: payment.channelKey } : {}),
      name: 'kcheckout 샌드박스 채널',
      pgProvider: 'TOSSPAYMENTS',
      pgMerchantId: 'tkcheckoutsbx',
    },
    version: 'V2',
    requestedAt: at,
    updatedAt: at,
    statusChangedAt: at,
    orderName: payment.orderName,
    amount: { total: payment.amount, taxFree: 0, vat: payment.amount - supply, supply, discount: 0, paid: status === 'PAID' ? payment.amount : 0, cancelled: 0, cancelledTaxFree: 0 },
    currency: payment.currency,
    customer: {},
    ...(payment.customData !== undefined ? { customData: payment.customData } : {}),
    ...(status === 'PAID' ? { paidAt: at, pgTxId: `sbx-${payment.txId}`, receiptUrl: `https://sandbox.kcheckout.invalid/receipt/${payment.paymentId}`, disputes: [] } : {}),
    ...(status === 'FAILED' ? { failedAt: at, failure: { reason: payment.status === 'canceled' ? '사용자가 결제를 취소하였습니다.' : '카드사 승인 거절', pgCode: 'SANDBOX_DECLINED' } } : {}),
    ...(status === 'VIRTUAL_ACCOUNT_ISSUED' ? { pgTxId: `sbx-${payment.txId}` } : {}),
  };
}
