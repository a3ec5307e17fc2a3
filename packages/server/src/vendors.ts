import type { Provider } from '@kcheckout/core';
import type { FetchLike } from './http.js';
import { cancelIamportPayment, verifyIamportPayment, type IamportTokenCache } from './iamport.js';
import { cancelPortOnePayment, verifyPortOnePayment } from './portone.js';
import type { CancelResult } from './refunds.js';
import type { VerifyResult } from './results.js';
import { cancelTossPayment, checkTossPayment, confirmTossPayment, getTossPayment } from './toss.js';

/**
 * The vendors a server talks to, with its secrets. The confirm handler, the webhook handler and the
 * sweep take the same object, so a shop configures each vendor once.
 */
export interface VendorOptions {
  toss?: { secretKey: string; baseUrl?: string; fetch?: FetchLike };
  portone?: { apiSecret: string; storeId?: string; baseUrl?: string; mode?: 'live' | 'test' };
  iamport?: { impKey: string; impSecret: string; baseUrl?: string; fetch?: FetchLike; mode?: 'live' | 'test'; tokenCache?: IamportTokenCache };
  /** Per vendor call; default 10 000. */
  timeoutMs?: number;
}

/** The merchant's figures a vendor payment is checked against. */
export interface Expected {
  orderId: string;
  amount: number;
  currency: string;
}

/**
 * Completes the vendor's step for one payment: Toss confirms (for `expected.amount`, so Toss itself
 * refuses any other amount and never captures it), PortOne V2 and V1 look the payment up (they
 * captured before the browser came back). A Toss payment confirmed before, by an attempt whose
 * answer was lost, is looked up and checked instead.
 */
export async function settleAtVendor(vendors: VendorOptions, provider: Provider, vendorId: string, expected: Expected): Promise<VerifyResult<unknown>> {
  const timeout = vendors.timeoutMs ? { timeoutMs: vendors.timeoutMs } : {};
  const money = { amount: expected.amount, currency: expected.currency };
  if (provider === 'toss') {
    const common = { ...vendors.toss!, ...timeout };
    const result = await confirmTossPayment({ ...common, paymentKey: vendorId, orderId: expected.orderId, ...money });
    if (result.status !== 'already-processed') return result;
    const found = await getTossPayment({ ...common, paymentKey: vendorId });
    return found.status === 'found' ? checkTossPayment(found.payment, { orderId: expected.orderId, ...money }) : found;
  }
  if (provider === 'portone') return verifyPortOnePayment({ ...vendors.portone!, paymentId: vendorId, expected: money, ...timeout });
  return verifyIamportPayment({ ...vendors.iamport!, impUid: vendorId, expected: { ...money, orderId: expected.orderId }, ...timeout });
}

/** Refunds a captured payment in full at its vendor, idempotently (a repeat is `alreadyCancelled`). */
export function refundAtVendor(vendors: VendorOptions, provider: Provider, vendorId: string, reason: string): Promise<CancelResult> {
  const timeout = vendors.timeoutMs ? { timeoutMs: vendors.timeoutMs } : {};
  if (provider === 'toss') return cancelTossPayment({ ...vendors.toss!, ...timeout, paymentKey: vendorId, cancelReason: reason });
  if (provider === 'portone') return cancelPortOnePayment({ ...vendors.portone!, ...timeout, paymentId: vendorId, reason });
  return cancelIamportPayment({ ...vendors.iamport!, ...timeout, impUid: vendorId, reason });
}

/** What the vendor says it captured, read from its payment object. */
export function capturedAmount(provider: Provider, payment: unknown): number | undefined {
  const record = payment as Record<string, unknown> | null;
  if (!record || typeof record !== 'object') return undefined;
  if (provider === 'toss') return typeof record.totalAmount === 'number' ? record.totalAmount : undefined;
  if (provider === 'portone') {
    const amount = record.amount as { total?: unknown } | undefined;
    return typeof amount?.total === 'number' ? amount.total : undefined;
  }
  return typeof record.amount === 'number' ? record.amount : undefined;
}

/** A vendor status that means the payment was captured and then cancelled (refunded). */
export function isRefundedStatus(vendorStatus: string): boolean {
  return /^(PARTIAL_)?CANCEL(L)?ED$/i.test(vendorStatus);
}
