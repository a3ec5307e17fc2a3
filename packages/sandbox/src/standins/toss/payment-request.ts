import type { SandboxTossPayment } from '../../types.js';
import { control, recordPayment } from '../shared/control.js';
import { isMobileDevice } from '../shared/device.js';
import { openPaymentWindow } from '../shared/payment-window.js';
import { randomToken } from '../shared/random.js';
import { isAbsoluteHttpUrl, withQuery } from '../shared/redirect.js';
import { checkAllowed, checkCurrencyForMethod, checkOptionalFields } from './allow-lists.js';
import { tossError, tossMessage } from './errors.js';
import { formatMoney, type TossMoney } from './money.js';
import type { TossMethod } from './payment-methods-ui.js';

const ORDER_ID = /^[A-Za-z0-9\-_=]{6,64}$/;

export interface TossPaymentRequest {
  orderId: string;
  orderName: string;
  /** Both URLs, or null for promise mode. */
  redirect: { successUrl: string; failUrl: string } | null;
}

const given = (value: unknown) => value !== undefined && value !== null;

/** The checks `requestPayment` makes of its parameters (widget .d.ts JSDoc, research/toss.md §2.4). */
export function readPaymentRequest(params: unknown, which: 'v2.requestPayment' | 'v1.requestPayment' | 'v2.payment.requestPayment'): TossPaymentRequest {
  if (!params || typeof params !== 'object') {
    throw tossError('INVALID_PARAMETERS', 'requestPayment takes an object: { orderId, orderName, successUrl?, failUrl?, … }');
  }
  checkAllowed(which, params);
  const { orderId, orderName, successUrl, failUrl } = params as Record<string, unknown>;
  if (typeof orderId !== 'string' || !ORDER_ID.test(orderId)) {
    throw tossError(
      'INVALID_PARAMETERS',
      `orderId must be 6–64 of A–Z a–z 0–9 - _ =, got ${JSON.stringify(orderId)}`,
      'orderId는 영문 대소문자, 숫자, 특수문자 -, _, =로 이루어진 6자 이상 64자 이하의 문자열이어야 합니다.',
    );
  }
  if (typeof orderName !== 'string' || orderName.length < 1 || orderName.length > 100) {
    throw tossError('INVALID_PARAMETERS', 'orderName must be 1–100 characters, e.g. "생수 외 1건"', 'orderName은 1자 이상 100자 이하의 문자열이어야 합니다.');
  }
  if (given(successUrl) && !isAbsoluteHttpUrl(successUrl)) {
    throw tossError('INCORRECT_SUCCESS_URL_FORMAT', 'successUrl must be an absolute http(s) URL, e.g. https://shop.example/success');
  }
  if (given(failUrl) && !isAbsoluteHttpUrl(failUrl)) {
    throw tossError('INCORRECT_FAIL_URL_FORMAT', 'failUrl must be an absolute http(s) URL, e.g. https://shop.example/fail');
  }
  if (given(successUrl) && !given(failUrl)) {
    throw tossError('INCORRECT_FAIL_URL_FORMAT', 'successUrl and failUrl go together: pass both for redirect mode, or neither for promise mode');
  }
  if (given(failUrl) && !given(successUrl)) {
    throw tossError('INCORRECT_SUCCESS_URL_FORMAT', 'successUrl and failUrl go together: pass both for redirect mode, or neither for promise mode');
  }
  checkOptionalFields(params as Record<string, unknown>);
  // On a phone the vendor's window is a full page that leaves the merchant's page, so there is no
  // promise to answer: "Promise 방식은 모바일 환경에서 사용할 수 없어요" (SDK v2 docs, research/toss.md §2).
  if (!given(successUrl) && isMobileDevice()) throw tossError('NOT_SUPPORTED_PROMISE', 'on a mobile device pass successUrl and failUrl (redirect mode)');
  return {
    orderId,
    orderName,
    redirect: given(successUrl) ? { successUrl: successUrl as string, failUrl: failUrl as string } : null,
  };
}

export interface RunPaymentOptions {
  sdk: SandboxTossPayment['sdk'];
  request: TossPaymentRequest;
  money: TossMoney;
  method: TossMethod;
  /** v2 answers `amount: { value, currency }`, v1 a number. */
  resultAmount: (money: TossMoney) => unknown;
  /** Ends the instance's payment transaction; called as soon as the window is answered. */
  release: () => void;
  /**
   * The payment window (`payment().requestPayment()`) answers without `paymentType`: its success
   * URL gets `amount`, `orderId` and `paymentKey` (`WithRedirection` JSDoc in the v2 .d.ts).
   */
  paymentType?: boolean | undefined;
  /** Aborted by `payment.destroy()`: the window closes and the request rejects PAYMENT_REQUEST_ABORTED. */
  signal?: AbortSignal | undefined;
  /** Recorded with the payment, so the confirm stand-in can ask for the matching secret key. */
  keyKind?: SandboxTossPayment['keyKind'];
}

/**
 * Opens the sandbox payment window and answers as Toss does. Promise mode resolves the result or
 * rejects `REJECT_CARD_COMPANY` / `USER_CANCEL`. Redirect mode navigates to successUrl / failUrl
 * with the vendor's query and never settles, like the real SDK whose page is leaving.
 */
export async function runPayment({ sdk, request, money, method, resultAmount, release, paymentType = true, signal, keyKind }: RunPaymentOptions): Promise<unknown> {
  const { orderId, orderName, redirect } = request;
  checkCurrencyForMethod(money.currency, method.code);
  const outcome = await openPaymentWindow({
    title: '토스페이먼츠 샌드박스 결제창',
    details: [
      ['주문명', orderName],
      ['결제 금액', formatMoney(money)],
      ['결제 수단', method.label],
      ['주문번호', orderId],
    ],
    signal,
  });
  if (signal?.aborted) {
    release();
    throw tossError('PAYMENT_REQUEST_ABORTED');
  }
  const paymentKey = randomToken('tsbx', 24);
  const sandbox = control();
  const sent = recordPayment({
    sdk,
    paymentKey,
    orderId,
    orderName,
    amount: money.value,
    currency: money.currency,
    method: method.code,
    status: outcome === 'approve' ? 'approved' : outcome === 'decline' ? 'declined' : 'canceled',
    answeredAt: Date.now(),
    ...(keyKind ? { keyKind } : {}),
  });
  release();
  if (sent) await sent;

  if (redirect) {
    // Query order as in real redirects: paymentType, orderId, paymentKey, amount.
    const url =
      outcome === 'approve'
        ? withQuery(redirect.successUrl, { ...(paymentType ? { paymentType: 'NORMAL' } : {}), orderId, paymentKey, amount: String(money.value) })
        : outcome === 'decline'
          ? withQuery(redirect.failUrl, { code: 'REJECT_CARD_COMPANY', message: tossMessage('REJECT_CARD_COMPANY'), orderId })
          : withQuery(redirect.failUrl, { code: 'PAY_PROCESS_CANCELED', message: tossMessage('PAY_PROCESS_CANCELED'), orderId });
    sandbox.navigate(url);
    return new Promise<never>(() => {});
  }
  if (outcome === 'decline') throw tossError('REJECT_CARD_COMPANY');
  if (outcome === 'cancel') throw tossError('USER_CANCEL');
  return { ...(paymentType ? { paymentType: 'NORMAL' } : {}), orderId, paymentKey, amount: resultAmount(money) };
}
