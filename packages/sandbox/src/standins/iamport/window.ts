import type { SandboxOutcome } from '../../types.js';
import { recordPayment, takeFailureScript } from '../shared/control.js';
import { openPaymentWindow } from '../shared/payment-window.js';
import { randomDigits, randomToken } from '../shared/random.js';
import { formatAmount } from '../portone/money.js';
import { WINDOW_FAILURES } from './errors.js';
import { PAY_METHODS } from './methods.js';
import type { IamportRequest } from './params.js';

export type RequestPayResponse = Record<string, unknown>;

/**
 * Opens the sandbox payment window for a checked request and builds the `RequestPayResponse`
 * (developers.portone.io). `success` / `imp_success` are deprecated but still sent by many PGs,
 * so they are included; libraries should decide by `error_code`. A refused or abandoned payment is
 * `status: 'failed'`: V1's `cancelled` means refunded after payment, which no window produces.
 */
export async function runIamportWindow(request: IamportRequest, impCode: string, release: () => void): Promise<{ outcome: SandboxOutcome; response: RequestPayResponse }> {
  const outcome = await openPaymentWindow({
    title: '아임포트 샌드박스 결제창',
    details: [
      ['주문명', request.name],
      ['결제 금액', formatAmount(request.amount, request.currency)],
      ['결제 수단', PAY_METHODS[request.payMethod] ?? request.payMethod],
      ['주문번호', request.merchantUid],
    ],
  });
  const impUid = `imp_${randomDigits(12)}`;
  const sent = recordPayment({
    sdk: 'iamport-v1',
    impUid,
    merchantUid: request.merchantUid,
    impCode,
    ...(request.pg !== undefined ? { pg: request.pg } : {}),
    ...(request.channelKey !== undefined ? { channelKey: request.channelKey } : {}),
    orderName: request.name,
    amount: request.amount,
    currency: request.currency,
    method: request.payMethod,
    ...(request.customData !== undefined ? { customData: request.customData } : {}),
    status: outcome === 'approve' ? 'approved' : outcome === 'decline' ? 'declined' : 'canceled',
    answeredAt: Date.now(),
  });
  release();
  if (sent) await sent;

  const common = {
    imp_uid: impUid,
    merchant_uid: request.merchantUid,
    pay_method: request.payMethod,
    name: request.name,
    currency: request.currency,
    // `{pg}.{MID}` → `{pg}`; with a channelKey the PG is the channel's, which the sandbox does not know.
    ...(request.pg ? { pg_provider: request.pg.split('.')[0] } : {}),
  };
  const script = takeFailureScript(outcome);
  if (script?.bare) return { outcome, response: { imp_uid: impUid, merchant_uid: request.merchantUid, ...script.fields } };
  if (script) return { outcome, response: { success: false, imp_success: false, ...common, status: 'failed', ...script.fields } };
  if (outcome !== 'approve') {
    return { outcome, response: { success: false, imp_success: false, ...common, status: 'failed', ...WINDOW_FAILURES[outcome] } };
  }
  return {
    outcome,
    response: {
      success: true,
      imp_success: true,
      ...common,
      paid_amount: request.amount,
      status: 'paid',
      pg_tid: randomToken('sbx', 20),
      paid_at: Math.floor(Date.now() / 1000),
      ...(request.payMethod === 'card' ? { apply_num: randomDigits(8) } : {}),
      ...request.buyer,
      ...(request.customData !== undefined ? { custom_data: request.customData } : {}),
    },
  };
}
