import { control, recordPayment, takeFailureScript } from '../shared/control.js';
import { openPaymentWindow } from '../shared/payment-window.js';
import { randomUuid } from '../shared/random.js';
import { withQuery } from '../shared/redirect.js';
import { PORTONE_FAILURES } from './answer.js';
import { portOneError, type PortOneError } from './errors.js';
import { formatAmount, fromMinorUnits, readCurrency } from './money.js';
import { customData, redirectTarget, requireText } from './request.js';
import { looksLikeSecret, secretHint } from './secrets.js';

// `PortOne.requestIssueBillingKeyAndPay` (빌링키 발급과 초회 결제를 한 번에): one window issues a billing
// key and pays the first charge with it. Request and response as @portone/browser-sdk 0.1.x types
// them (`IssueBillingKeyAndPayRequest`, `IssueBillingKeyAndPayResponse`); the only method the SDK
// offers is `billingKeyAndPayMethod: 'MOBILE'` (휴대전화 결제).

const TYPE = 'ISSUE_BILLING_KEY_AND_PAY';
const CARRIERS = ['SKT', 'KT', 'LGU', 'HELLO', 'KCT', 'SK7'];

/** A checked request, reduced to what the window and its answer need. */
export interface BillingKeyAndPayRequest {
  storeId: string;
  channelKey: string;
  paymentId: string;
  orderName: string;
  /** Minor units. */
  amount: number;
  currency: string;
  carrier?: string;
  redirectUrl: string | null;
  customData?: string;
}

/** What the SDK rejects with before a window opens: an `IssueBillingKeyAndPayError`. */
export function billingKeyAndPayError(code: 'InvalidArgument' | 'FailedPrecondition', korean: string, hint: string, paymentId?: string): PortOneError {
  const error = portOneError('ISSUE_BILLING_KEY', code, korean, hint, paymentId);
  // The tag the SDK's `isIssueBillingKeyAndPayError` (and its `instanceof`) tests.
  (error as { __portOneErrorType: string }).__portOneErrorType = 'IssueBillingKeyAndPayError';
  (error as { transactionType: string }).transactionType = TYPE;
  return error;
}

/** The checks made before a window opens; each refusal rejects the promise with `InvalidArgument`. */
export function readBillingKeyAndPayRequest(request: unknown): BillingKeyAndPayRequest {
  if (!request || typeof request !== 'object') {
    throw billingKeyAndPayError('InvalidArgument', '요청 객체가 올바르지 않습니다.', 'call requestIssueBillingKeyAndPay({ storeId, channelKey, paymentId, orderName, totalAmount, currency, billingKeyAndPayMethod })');
  }
  const fields = request as Record<string, unknown>;
  const paymentId = typeof fields.paymentId === 'string' ? fields.paymentId : undefined;
  const fail = (field: string, korean: string, hint: string) => billingKeyAndPayError('InvalidArgument', korean.replace('%s', field), hint, paymentId);
  for (const field of ['storeId', 'channelKey']) {
    const value = fields[field];
    if (looksLikeSecret(value)) throw fail(field, `%s에 API 시크릿을 넣으면 안 됩니다.`, secretHint(field, value));
  }
  requireText(fail, fields, 'storeId', 'the store id (store-…) from the PortOne console');
  requireText(fail, fields, 'channelKey', 'the channelKey (channel-key-…) of a channel contracted for billing-key-and-pay');
  requireText(fail, fields, 'paymentId', 'a fresh id for the first charge, e.g. payment-<uuid>');
  requireText(fail, fields, 'orderName', 'the order name the buyer sees, e.g. "월간 구독 1개월"');
  const { totalAmount } = fields;
  if (totalAmount === undefined || totalAmount === null) throw fail('totalAmount', '%s는 필수 입력값입니다.', 'the first charge in minor units, e.g. 9900 for ₩9,900');
  if (typeof totalAmount !== 'number' || !Number.isSafeInteger(totalAmount) || totalAmount < 0) {
    throw fail('totalAmount', '%s는 0 이상의 정수여야 합니다.', `totalAmount must be a whole number ≥ 0 in minor units, got ${String(totalAmount)}`);
  }
  if (fields.currency === undefined || fields.currency === null) throw fail('currency', '%s는 필수 입력값입니다.', "pass currency: 'KRW'");
  const currency = readCurrency(fields.currency, { prefixed: true });
  if (!currency) throw fail('currency', '%s 값이 올바르지 않습니다.', `expected an ISO 4217 code such as 'KRW', got ${JSON.stringify(fields.currency)}`);
  const method = fields.billingKeyAndPayMethod;
  if (method === undefined || method === null) throw fail('billingKeyAndPayMethod', '%s는 필수 입력값입니다.', "pass billingKeyAndPayMethod: 'MOBILE' (the only method the SDK offers)");
  if (method !== 'MOBILE') throw fail('billingKeyAndPayMethod', '지원하지 않는 %s입니다.', `billingKeyAndPayMethod is 'MOBILE' only, got ${JSON.stringify(method)}`);
  const carrier = readCarrier(fail, fields.mobile);
  return {
    storeId: fields.storeId as string,
    channelKey: fields.channelKey as string,
    paymentId: paymentId!,
    orderName: fields.orderName as string,
    amount: totalAmount,
    currency,
    ...(carrier ? { carrier } : {}),
    redirectUrl: redirectTarget(fail, fields),
    ...customData(fields.customData),
  };
}

/** `mobile.carrier`: one of the SDK's `Carrier` codes, with or without the `CARRIER_` prefix. */
function readCarrier(fail: (field: string, korean: string, hint: string) => Error, mobile: unknown): string | undefined {
  if (mobile === undefined || mobile === null) return undefined;
  if (typeof mobile !== 'object') throw fail('mobile', '%s 값이 올바르지 않습니다.', 'mobile is an object: { carrier?: "SKT" | "KT" | "LGU" | … }');
  const value = (mobile as { carrier?: unknown }).carrier;
  if (value === undefined || value === null) return undefined;
  const plain = typeof value === 'string' ? value.replace(/^CARRIER_/, '') : '';
  if (!CARRIERS.includes(plain)) throw fail('mobile.carrier', '지원하지 않는 %s입니다.', `use one of ${CARRIERS.join(', ')}, got ${JSON.stringify(value)}`);
  return plain;
}

/** A paymentId the page already paid (in this window or the first charge of another): answered as a PG failure, as payments are. */
export function alreadyPaid(paymentId: string): Record<string, string> | null {
  const paid = control().payments.some(
    (payment) => payment.sdk === 'portone-v2' && payment.status === 'approved' && payment.paymentId === paymentId && (payment.transactionType === 'PAYMENT' || payment.transactionType === TYPE),
  );
  return paid ? { transactionType: TYPE, paymentId, code: 'PaymentAlreadyPaid', message: '이미 결제가 완료된 결제 건입니다.' } : null;
}

/**
 * Opens the sandbox window for a checked request and answers as the SDK does: the promise resolves
 * `{ transactionType, billingKey, paymentId, txId }` (with `code` / `message` on failure, and no
 * `billingKey`, as nothing was issued); in redirect mode the same fields go to `redirectUrl` and
 * the promise never settles.
 */
export async function runBillingKeyAndPayWindow(request: BillingKeyAndPayRequest, release: () => void): Promise<Record<string, string>> {
  const outcome = await openPaymentWindow({
    title: '포트원 샌드박스 결제창',
    details: [
      ['주문명', request.orderName],
      ['결제 금액', formatAmount(fromMinorUnits(request.amount, request.currency), request.currency)],
      ['결제 수단', request.carrier ? `휴대폰 (${request.carrier}) · 빌링키 발급` : '휴대폰 · 빌링키 발급'],
      ['주문번호', request.paymentId],
    ],
  });
  const txId = randomUuid();
  const script = takeFailureScript(outcome);
  const billingKey = outcome === 'approve' || script?.withBillingKey ? `billing-key-${randomUuid()}` : undefined;
  const sandbox = control();
  const sent = recordPayment({
    sdk: 'portone-v2',
    transactionType: TYPE,
    paymentId: request.paymentId,
    txId,
    ...(billingKey ? { billingKey } : {}),
    storeId: request.storeId,
    channelKey: request.channelKey,
    orderName: request.orderName,
    amount: request.amount,
    currency: request.currency,
    method: 'MOBILE',
    ...(request.customData !== undefined ? { customData: request.customData } : {}),
    status: outcome === 'approve' ? 'approved' : outcome === 'decline' ? 'declined' : 'canceled',
    answeredAt: Date.now(),
  });
  release();
  if (sent) await sent;
  const failure = outcome === 'approve' ? {} : { ...(script ? script.fields : PORTONE_FAILURES[outcome]) };
  const answer = { transactionType: TYPE, ...(billingKey ? { billingKey } : {}), paymentId: request.paymentId, txId, ...failure };
  if (request.redirectUrl) {
    sandbox.navigate(withQuery(request.redirectUrl, answer));
    return new Promise<never>(() => {});
  }
  return answer;
}
