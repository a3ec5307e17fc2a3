import type { SandboxPortOnePayment } from '../types.js';
import { randomUuid } from '../standins/shared/random.js';
import { isAmount, isRecord, json } from './http.js';
import type { Ledger, RouteContext } from './ledger.js';

// `POST /payments/{paymentId}/billing-key` (빌링키 단건 결제): the shop's server charges a billing key
// the browser issued (requestIssueBillingKey, requestIssueBillingKeyAndPay). Body and errors follow
// @portone/server-sdk's `PaymentClient.payWithBillingKey` and `PayWithBillingKeyError`
// (developers.portone.io, API V2 › 결제 › 빌링키 결제).

/** A billing key the sandbox issued or a test seeded, by its key. */
export interface SandboxBillingKey {
  billingKey: string;
  storeId: string;
  channelKey?: string;
  /** The billing-key method it was issued with (`CARD`, `EASY_PAY`, `MOBILE`). */
  method: string;
  easyPayProvider?: string;
  /** `declined`: the PG declines every charge on it (a card over its limit), a sandbox convention. */
  charges: 'approve' | 'decline';
}

type WithBillingKeys = Ledger & { portoneBillingKeys?: Map<string, SandboxBillingKey> };

/** The ledger's billing keys, made on first use. */
export function billingKeysOf(ledger: Ledger): Map<string, SandboxBillingKey> {
  const withKeys = ledger as WithBillingKeys;
  return (withKeys.portoneBillingKeys ??= new Map());
}

/**
 * Remembers the billing key an answered window issued: `requestIssueBillingKey` or
 * `requestIssueBillingKeyAndPay` approved (or seeded with `api.recordPayment`). A record seeded
 * with `status: 'declined'` and a `billingKey` is a key whose charges the PG declines.
 */
export function rememberBillingKey(ledger: Ledger, payment: SandboxPortOnePayment): void {
  if (!payment.billingKey || payment.status === 'canceled') return;
  billingKeysOf(ledger).set(payment.billingKey, {
    billingKey: payment.billingKey,
    storeId: payment.storeId,
    ...(payment.channelKey ? { channelKey: payment.channelKey } : {}),
    method: payment.method,
    ...(payment.easyPayProvider ? { easyPayProvider: payment.easyPayProvider } : {}),
    charges: payment.status === 'approved' ? 'approve' : 'decline',
  });
}

const error = (status: number, type: string, message: string, extra: Record<string, unknown> = {}) => json(status, { type, message, ...extra });

/**
 * Answers `POST /payments/{paymentId}/billing-key` (the caller checked the API secret). The rules,
 * each with PortOne's error type: a JSON body with `billingKey`, `orderName`, `amount.total` (a
 * positive integer, minor units) and `currency` (400 `INVALID_REQUEST`); a known key (404
 * `BILLING_KEY_NOT_FOUND`) of this store (403 `FORBIDDEN`), on its own channel when `channelKey` is
 * given (404 `CHANNEL_NOT_FOUND`); a paymentId not paid before (409 `ALREADY_PAID`, which makes the
 * call idempotent by paymentId); the PG's refusal as 502 `PG_PROVIDER` with `pgCode` / `pgMessage`.
 * A charge that succeeds is a `PAID` payment that `GET /payments/{paymentId}` answers.
 */
export function payWithBillingKey(ctx: RouteContext, paymentId: string, body: unknown, storeFromQuery: string | null): Response {
  if (!isRecord(body)) return error(400, 'INVALID_REQUEST', '요청 본문이 올바른 JSON이 아닙니다.');
  const { billingKey, orderName, amount, currency, channelKey, customData } = body;
  if (typeof billingKey !== 'string' || billingKey === '') return error(400, 'INVALID_REQUEST', 'billingKey(빌링키)가 필요합니다.');
  if (typeof orderName !== 'string' || orderName.trim() === '') return error(400, 'INVALID_REQUEST', 'orderName(주문명)이 필요합니다.');
  if (!isRecord(amount) || !isAmount(amount.total)) return error(400, 'INVALID_REQUEST', 'amount.total은 0보다 큰 정수여야 합니다.');
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return error(400, 'INVALID_REQUEST', "currency는 'KRW' 같은 통화 코드여야 합니다.");
  if (customData !== undefined && typeof customData !== 'string') return error(400, 'INVALID_REQUEST', 'customData는 문자열이어야 합니다.');
  const key = billingKeysOf(ctx.ledger).get(billingKey);
  if (!key) return error(404, 'BILLING_KEY_NOT_FOUND', '빌링키가 존재하지 않습니다.');
  const storeId = typeof body.storeId === 'string' ? body.storeId : storeFromQuery;
  if (storeId !== null && storeId !== key.storeId) return error(403, 'FORBIDDEN', '요청된 상점에 접근할 수 없습니다.');
  if (channelKey !== undefined && channelKey !== null && channelKey !== key.channelKey) return error(404, 'CHANNEL_NOT_FOUND', '요청된 채널이 존재하지 않습니다.');
  const existing = ctx.ledger.portone.get(paymentId);
  if (existing && existing.payment.status === 'approved') return error(409, 'ALREADY_PAID', '결제가 이미 완료되었습니다.');
  if (key.charges === 'decline') {
    return error(502, 'PG_PROVIDER', '[SANDBOX_DECLINED] 카드사에서 승인을 거절했습니다.', { pgCode: 'SANDBOX_DECLINED', pgMessage: '카드사에서 승인을 거절했습니다.' });
  }
  const now = ctx.now();
  const payment: SandboxPortOnePayment = {
    sdk: 'portone-v2',
    transactionType: 'PAYMENT',
    paymentId,
    txId: randomUuid(),
    billingKey,
    storeId: key.storeId,
    ...(key.channelKey ? { channelKey: key.channelKey } : {}),
    orderName,
    amount: amount.total,
    currency,
    method: key.method,
    ...(key.easyPayProvider ? { easyPayProvider: key.easyPayProvider } : {}),
    ...(typeof customData === 'string' ? { customData } : {}),
    status: 'approved',
    answeredAt: now,
  };
  ctx.ledger.portone.set(paymentId, { payment, channelType: existing?.channelType ?? 'TEST' });
  return json(200, { payment: { pgTxId: `sbx-${payment.txId}`, paidAt: new Date(now).toISOString() } });
}
