import { control, recordPayment, takeFailureScript } from '../shared/control.js';
import { openPaymentWindow } from '../shared/payment-window.js';
import { randomUuid } from '../shared/random.js';
import { withQuery } from '../shared/redirect.js';
import { PORTONE_FAILURES } from './answer.js';
import { formatAmount, fromMinorUnits } from './money.js';
import type { PortOneWindowRequest } from './request.js';

export type PortOneResponse = Record<string, string>;

/**
 * Opens the sandbox payment window for a checked V2 request and answers as PortOne does:
 * promise mode resolves `PaymentResponse` / `IssueBillingKeyResponse` for every outcome; redirect
 * mode navigates to `redirectUrl` with the same fields as query parameters and never settles, like
 * the real SDK whose page is leaving. `release` ends the page's request as soon as the window is answered.
 */
export async function runPortOneWindow(request: PortOneWindowRequest, release: () => void): Promise<PortOneResponse> {
  const payment = request.transactionType === 'PAYMENT';
  const amount = request.amount !== undefined && request.currency ? formatAmount(fromMinorUnits(request.amount, request.currency), request.currency) : null;
  const outcome = await openPaymentWindow({
    title: '포트원 샌드박스 결제창',
    details: [
      [payment ? '주문명' : '발급명', request.title],
      ...(amount ? [[payment ? '결제 금액' : '표시 금액', amount] as [string, string]] : []),
      ['결제 수단', request.label],
      ...(request.paymentId ? [[payment ? '주문번호' : '발급 번호', request.paymentId] as [string, string]] : []),
    ],
  });

  const txId = payment ? randomUuid() : undefined;
  const script = takeFailureScript(outcome);
  const billingKey = !payment && (outcome === 'approve' || script?.withBillingKey) ? `billing-key-${randomUuid()}` : undefined;
  const sandbox = control();
  const sent = recordPayment({
    sdk: 'portone-v2',
    transactionType: request.transactionType,
    ...(request.paymentId !== undefined ? { paymentId: request.paymentId } : {}),
    ...(txId ? { txId } : {}),
    ...(billingKey ? { billingKey } : {}),
    storeId: request.storeId,
    ...(request.channelKey !== undefined ? { channelKey: request.channelKey } : {}),
    ...(request.channelGroupId !== undefined ? { channelGroupId: request.channelGroupId } : {}),
    orderName: request.title,
    amount: request.amount ?? 0,
    currency: request.currency ?? 'KRW',
    method: request.method,
    ...(request.easyPayProvider ? { easyPayProvider: request.easyPayProvider } : {}),
    ...(request.customData !== undefined ? { customData: request.customData } : {}),
    status: outcome === 'approve' ? 'approved' : outcome === 'decline' ? 'declined' : 'canceled',
    answeredAt: Date.now(),
  });
  release();
  if (sent) await sent;

  const failure = outcome === 'approve' ? {} : { ...(script ? script.fields : PORTONE_FAILURES[outcome]) };
  if (request.redirectUrl) {
    // The query carries the response's fields (official docs: paymentId, code, message, pgCode,
    // pgMessage; the official Flutter and RN SDKs also read transactionType and txId from it).
    const query = payment
      ? { paymentId: request.paymentId!, transactionType: request.transactionType, txId: txId!, ...failure }
      : { transactionType: request.transactionType, ...(billingKey ? { billingKey } : {}), ...failure };
    sandbox.navigate(withQuery(request.redirectUrl, query));
    return new Promise<never>(() => {});
  }
  return payment
    ? { transactionType: request.transactionType, txId: txId!, paymentId: request.paymentId!, ...failure }
    : { transactionType: request.transactionType, ...(billingKey ? { billingKey } : {}), ...failure };
}
