'use server';
// Server Actions: the browser asks, the server decides. Amounts come from lib/shop.ts's price list
// and the order store, never from what the page sends.
import type { ConfirmableRedirect } from '@kcheckout/react';
import { openOrder, repriceOrder, shop } from '@/lib/shop';

/** The buyer changed the quantity: the server re-prices the order and answers the new amount. */
export async function changeQuantity(orderId: string, quantity: number): Promise<{ amount: number; orderName: string }> {
  const order = await repriceOrder(orderId, quantity);
  if (!order) throw new Error('이 주문은 이미 결제창을 열었습니다. 페이지를 새로 고쳐 새 주문을 만들어 주세요.');
  return { amount: order.amount, orderName: order.orderName };
}

/** `beforePayment`: freezes the order's amount before the window opens; refuses an amount that is not the order's. */
export async function openPayment(orderId: string, amount: number): Promise<void> {
  if (!(await openOrder(orderId, amount))) throw new Error('주문 금액이 바뀌었습니다. 페이지를 새로 고친 뒤 다시 결제해 주세요.');
}

/**
 * `<RedirectResult confirm={confirmRedirect}>`'s confirm, run on the server: the same
 * createConfirmHandler as app/api/confirm, called in process. The handler charges the order's own
 * amount and refuses a claimed amount that differs (409 AMOUNT_MISMATCH) before calling the vendor.
 */
export async function confirmRedirect(result: ConfirmableRedirect): Promise<{ orderId: string; amount: number; alreadyPaid: boolean }> {
  const { confirm } = await shop();
  const body = {
    provider: result.provider,
    orderId: result.orderId,
    ...(result.paymentKey ? { paymentKey: result.paymentKey } : {}),
    ...(result.paymentId ? { paymentId: result.paymentId } : {}),
    ...(result.impUid ? { impUid: result.impUid } : {}),
    ...(result.amount !== undefined ? { amount: result.amount } : {}),
  };
  const request = new Request('http://localhost/api/confirm', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await (await confirm(request)).json()) as
    | { ok: true; orderId: string; amount: number; alreadyPaid: boolean }
    | { ok: false; error: { code: string; message: string } };
  // A thrown Error reaches the page as the result's fail state (Next hides its text in production builds).
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return { orderId: answer.orderId, amount: answer.amount, alreadyPaid: answer.alreadyPaid };
}
