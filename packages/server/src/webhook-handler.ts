import { isRecord, readBodyLimited } from './http.js';
import { confirmPayment, type ConfirmHandlerOptions } from './handler.js';
import { recordVendorRefund, type RefundEvent } from './reconcile-refund.js';
import type { OrderStore, StoredOrder } from './store/order-store.js';
import { getTossPayment } from './toss.js';
import { checkTolerance, verifyPortOneWebhook, type WebhookIdStore } from './webhook.js';

export interface WebhookHandlerOptions extends Omit<ConfirmHandlerOptions, 'maxBodyBytes'> {
  /** PortOne V2's webhook secret (`whsec_…`, from the console). Without it, PortOne webhooks answer 400. */
  portoneWebhookSecret?: string;
  /** PortOne's timestamp tolerance; default 300 s. */
  toleranceSeconds?: number;
  /** Default 64 KiB. */
  maxBodyBytes?: number;
  /**
   * A paid order's payment was refunded in part or in full at the vendor (its console, or the shop's
   * own call), as the vendor reports it after a notification. The order's `refundedAmount` is
   * written first; `full` means it is now `refunded`. Use it to stop a shipment or restock.
   * It runs once per change the store accepted, at most: if the process dies between the write and
   * the hook, a redelivery finds the refund recorded and does not call it again, so the order row
   * (`refundedAmount`, `status`) is the record to reconcile from.
   */
  onRefunded?: (event: RefundEvent) => void | Promise<void>;
}

/**
 * The vendors' notifications as one `Request -> Response` route: PortOne V2 webhooks (Standard
 * Webhooks signature), Toss's virtual-account deposit callback (`DEPOSIT_CALLBACK`), Toss's
 * `PAYMENT_STATUS_CHANGED` and PortOne V1's (iamport) notification. None is trusted as it arrives:
 * - the payment is fetched from the vendor again and checked against the store's order, through
 *   the same claim and conditional write as the confirm handler, so a deposit moves an
 *   `awaiting-deposit` order to `paid` exactly once, and a payment the browser never came back for
 *   is completed;
 * - a refund (PortOne `Transaction.Cancelled` / `PartialCancelled`, Toss `CANCELED` /
 *   `PARTIAL_CANCELED`, V1 `cancelled`) is read from the vendor's payment and written with `recordRefund`, then
 *   reported to `onRefunded`;
 * - a PortOne webhook id is recorded only after that succeeded, so a crash mid-processing leads to
 *   a redelivery that is processed, not refused as a replay.
 *
 * Answers 200 when the event is handled or not ours, 503 (retry) when the vendor or the store could
 * not be reached, 400/401 for a request that is not a valid notification.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response> {
  const ids = webhookIds(options.store);
  // At construction, so a NaN tolerance fails the deploy rather than every delivery.
  if (options.toleranceSeconds !== undefined) checkTolerance(options.toleranceSeconds);
  return async (request) => {
    if (request.method !== 'POST') return reply(405, { ok: false, code: 'METHOD_NOT_ALLOWED' });
    const read = await readBodyLimited(request, options.maxBodyBytes ?? 64 * 1024);
    if (!read.ok) return reply(413, { ok: false, code: 'BODY_TOO_LARGE' });
    if (request.headers.has('webhook-signature')) return portOne(request, read.text, options, ids);
    const v1 = iamportNotification(request.headers.get('content-type'), read.text);
    if (v1) return iamport(v1, options);
    return tossDeposit(read.text, options);
  };
}

async function portOne(request: Request, body: string, options: WebhookHandlerOptions, ids: WebhookIdStore): Promise<Response> {
  if (!options.portone || !options.portoneWebhookSecret) return reply(400, { ok: false, code: 'PROVIDER_NOT_CONFIGURED' });
  const verified = await verifyPortOneWebhook(options.portoneWebhookSecret, body, request.headers, {
    store: ids,
    ...(options.toleranceSeconds !== undefined ? { toleranceSeconds: options.toleranceSeconds } : {}),
  });
  if (!verified.ok) {
    // A replay was processed before: say so with a 200, so the vendor stops delivering it.
    if (verified.code === 'REPLAYED') return reply(200, { ok: true, replayed: true });
    return reply(verified.code === 'INVALID_SIGNATURE' ? 401 : 400, { ok: false, code: verified.code });
  }
  const paymentId = verified.event.data.paymentId;
  // Only payment transactions move an order; billing keys and the rest are acknowledged.
  if (!verified.event.type.startsWith('Transaction.') || typeof paymentId !== 'string') {
    await verified.commit();
    return reply(200, { ok: true, ignored: verified.event.type });
  }
  // kcheckout opens PortOne windows with paymentId = orderId unless the order names its own paymentId.
  const order = await options.store.findByPaymentId(paymentId).catch(() => undefined);
  if (order === undefined) return reply(503, { ok: false, code: 'ORDER_STORE_FAILED' }, true);
  if (!order) {
    await verified.commit();
    return reply(200, { ok: true, ignored: 'unknown order' });
  }
  if (verified.event.type === 'Transaction.Cancelled' || verified.event.type === 'Transaction.PartialCancelled') {
    // Another payment than the order's (a refused second window we refunded ourselves) is not this order's refund.
    if (order.paidWith !== paymentId) {
      await verified.commit();
      return reply(200, { ok: true, outcome: 'unchanged' });
    }
    const refunded = await refundReply(options, order);
    if (refunded.status === 200) await verified.commit();
    return refunded;
  }
  const outcome = await confirmPayment({ provider: 'portone', orderId: order.orderId, vendorId: paymentId }, options);
  if (!outcome.body.ok && outcome.body.error.retryable) return reply(503, { ok: false, code: outcome.body.error.code }, true);
  await verified.commit();
  return reply(200, { ok: true, outcome: outcome.body.ok ? outcome.body.status : outcome.body.error.code });
}

/**
 * Toss posts `{ createdAt, secret, status, transactionKey, orderId }` when a virtual account
 * receives its deposit. It carries no signature: the payment is fetched from Toss, and the
 * callback's `secret` must equal the one Toss gave the payment at issue.
 */
async function tossDeposit(body: string, options: WebhookHandlerOptions): Promise<Response> {
  let event: unknown;
  try {
    event = JSON.parse(body);
  } catch {
    event = undefined;
  }
  if (isRecord(event) && event.eventType === 'PAYMENT_STATUS_CHANGED') return tossStatusChanged(event.data, options);
  if (!isRecord(event) || typeof event.orderId !== 'string' || typeof event.secret !== 'string') {
    return reply(400, { ok: false, code: 'INVALID_BODY' });
  }
  if (!options.toss) return reply(400, { ok: false, code: 'PROVIDER_NOT_CONFIGURED' });
  const order = await options.store.get(event.orderId).catch(() => undefined);
  if (order === undefined) return reply(503, { ok: false, code: 'ORDER_STORE_FAILED' }, true);
  if (!order || order.provider !== 'toss' || !order.paidWith) return reply(200, { ok: true, ignored: 'unknown order' });
  if (order.status === 'paid') return reply(200, { ok: true, outcome: 'paid' });

  const found = await getTossPayment({ ...options.toss, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), paymentKey: order.paidWith });
  if (found.status !== 'found') return found.retryable ? reply(503, { ok: false, code: found.code }, true) : reply(200, { ok: true, ignored: found.code });
  const payment = found.payment;
  if (payment.secret !== event.secret || payment.orderId !== order.orderId) return reply(401, { ok: false, code: 'INVALID_SECRET' });
  if (payment.status !== 'DONE') return reply(200, { ok: true, outcome: String(payment.status) });
  if (payment.totalAmount !== order.amount) return reply(409, { ok: false, code: 'AMOUNT_MISMATCH' });
  const written = await options.store.markDeposited(order.orderId, { vendorPaymentId: payment.paymentKey, amount: payment.totalAmount }).catch((error: unknown) => {
    options.onError?.(error);
    return undefined;
  });
  if (written === undefined) return reply(503, { ok: false, code: 'ORDER_STORE_FAILED' }, true);
  // null: the condition failed because another delivery (or the sweep) wrote it first.
  return reply(200, { ok: true, outcome: written ? 'paid' : 'unchanged' });
}

/**
 * Toss posts `{ eventType: 'PAYMENT_STATUS_CHANGED', createdAt, data: { paymentKey, orderId, status, … } }`
 * when a payment's status changes, unsigned. Only a refund of the payment an order was paid with
 * is acted on, and only as far as Toss itself reports it when asked; everything else is
 * acknowledged, so Toss stops redelivering.
 */
async function tossStatusChanged(data: unknown, options: WebhookHandlerOptions): Promise<Response> {
  if (!isRecord(data) || typeof data.orderId !== 'string' || typeof data.paymentKey !== 'string') return reply(400, { ok: false, code: 'INVALID_BODY' });
  if (!options.toss) return reply(400, { ok: false, code: 'PROVIDER_NOT_CONFIGURED' });
  if (data.status !== 'CANCELED' && data.status !== 'PARTIAL_CANCELED') return reply(200, { ok: true, ignored: String(data.status) });
  const order = await options.store.get(data.orderId).catch(() => undefined);
  if (order === undefined) return reply(503, { ok: false, code: 'ORDER_STORE_FAILED' }, true);
  if (!order || order.provider !== 'toss' || order.paidWith !== data.paymentKey) return reply(200, { ok: true, ignored: 'unknown order' });
  return refundReply(options, order);
}

/** A V1 notification: `{ imp_uid, merchant_uid, status }`, as JSON or a form (docs: V1 webhook). */
interface IamportNotification {
  impUid: string;
  merchantUid: string;
  status: string;
}

function iamportNotification(contentType: string | null, body: string): IamportNotification | null {
  let fields: Record<string, unknown> | null = null;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    fields = Object.fromEntries(new URLSearchParams(body));
  } else {
    try {
      const parsed: unknown = JSON.parse(body);
      fields = isRecord(parsed) ? parsed : null;
    } catch {
      fields = null;
    }
  }
  if (!fields || typeof fields.imp_uid !== 'string' || typeof fields.merchant_uid !== 'string' || fields.imp_uid === '' || fields.merchant_uid === '') return null;
  return { impUid: fields.imp_uid, merchantUid: fields.merchant_uid, status: typeof fields.status === 'string' ? fields.status : '' };
}

/**
 * V1 posts `{ imp_uid, merchant_uid, status }` unsigned, on payment, virtual-account issue, deposit
 * and refund. The payment is looked up at PortOne: `paid` / `ready` go through the confirm's claim
 * and conditional write (so a buyer who never came back is completed, and a deposit pays the
 * order); one about the payment an order is already paid with goes through the refund step. A
 * status PortOne's lookup does not confirm changes nothing.
 */
async function iamport(event: IamportNotification, options: WebhookHandlerOptions): Promise<Response> {
  if (!options.iamport) return reply(400, { ok: false, code: 'PROVIDER_NOT_CONFIGURED' });
  const order = await options.store.get(event.merchantUid).catch(() => undefined);
  if (order === undefined) return reply(503, { ok: false, code: 'ORDER_STORE_FAILED' }, true);
  if (!order || order.provider !== 'iamport') return reply(200, { ok: true, ignored: 'unknown order' });
  // A notification for the payment an order is already paid with can only be about a refund (V1
  // keeps a partly refunded payment `paid`), so it is read as one, whatever its `status` says.
  if (order.paidWith === event.impUid && (order.status === 'paid' || order.status === 'refunded')) {
    return refundReply(options, order);
  }
  if (event.status !== 'paid' && event.status !== 'ready') return reply(200, { ok: true, ignored: event.status });
  const outcome = await confirmPayment({ provider: 'iamport', orderId: order.orderId, vendorId: event.impUid }, options);
  if (!outcome.body.ok && outcome.body.error.retryable) return reply(503, { ok: false, code: outcome.body.error.code }, true);
  return reply(200, { ok: true, outcome: outcome.body.ok ? outcome.body.status : outcome.body.error.code });
}

/** The refund step for one order, as the route's answer: 503 (redeliver) when the vendor or the store could not be reached. */
async function refundReply(options: WebhookHandlerOptions, order: StoredOrder): Promise<Response> {
  const refund = await recordVendorRefund(options, order);
  if (refund.kind === 'retry') return reply(503, { ok: false, code: refund.code }, true);
  return reply(200, { ok: true, outcome: refund.kind === 'recorded' ? (refund.full ? 'refunded' : 'partially-refunded') : 'unchanged' });
}

/** The store's webhook table as the verifier's id store. */
function webhookIds(store: OrderStore): WebhookIdStore {
  return {
    has: (id) => store.hasWebhook(id),
    add: (id, expiresAt) => store.recordWebhook(id, expiresAt),
  };
}

function reply(status: number, body: unknown, retry = false): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...(retry ? { 'retry-after': '60' } : {}) },
  });
}
