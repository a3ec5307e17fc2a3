import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CONFIRM_MARKER_PREFIX,
  clearConfirmMarker,
  paymentMarkerKey,
  readConfirmMarker,
  writeConfirmMarker,
} from './confirm-once.js';
import { parseRedirect } from './parse-redirect.js';
import { rememberOrder, recallOrder } from './pending-orders.js';

const paymentKey = 'tviva2023111820545503n42';
const orderId = 'order_Xk29vB7qLm3nP8rT4wYz';
const now = new Date('2025-03-01T09:00:00Z').getTime();

function keyOf(query: string): string | null {
  return paymentMarkerKey(parseRedirect(query));
}

function tossKey(): string {
  const key = keyOf(`?orderId=${orderId}&paymentKey=${paymentKey}&amount=1000`);
  if (!key) throw new Error('fixture should have a key');
  return key;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(now);
  sessionStorage.clear();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('given a redirect result', () => {
  it.each([
    ['Toss paymentKey', `?orderId=${orderId}&paymentKey=${paymentKey}&amount=1000`, `toss:${paymentKey}`],
    ['PortOne paymentId and txId', '?paymentId=payment-39ecfa97&txId=tx-0190e6a1', 'portone:payment-39ecfa97:tx-0190e6a1'],
    ['PortOne paymentId without txId', '?paymentId=payment-39ecfa97', 'portone:payment-39ecfa97:'],
    ['PortOne billingKey', '?billingKey=billing-key-1&transactionType=ISSUE_BILLING_KEY', 'portone-billing:billing-key-1'],
    ['iamport imp_uid', '?imp_uid=imp_123456789012&merchant_uid=mid_123467890', 'iamport:imp_123456789012'],
  ])('keys the marker by the %s', (_, query, id) => {
    expect(keyOf(query)).toBe(CONFIRM_MARKER_PREFIX + id);
  });

  it('gives another attempt of the same PortOne payment another key', () => {
    expect(keyOf('?paymentId=payment-39ecfa97&txId=tx-1')).not.toBe(keyOf('?paymentId=payment-39ecfa97&txId=tx-2'));
  });

  it('does not mix up equal ids from different providers', () => {
    expect(keyOf('?paymentId=imp_123456789012')).not.toBe(keyOf('?imp_uid=imp_123456789012&merchant_uid=mid_1234'));
  });

  it.each([
    ['a failure', `?code=REJECT_CARD_COMPANY&message=x&orderId=${orderId}`],
    ['a cancel', '?code=PAY_PROCESS_CANCELED&message=x'],
    ['an invalid redirect', `?orderId=${orderId}&paymentKey=${paymentKey}&amount=1e3`],
    ['no payment result', '?tab=1'],
  ])('has no key for %s (nothing to confirm)', (_, query) => {
    expect(keyOf(query)).toBeNull();
  });
});

describe('given the confirm of one payment', () => {
  it('has no marker before confirm is called', () => {
    expect(readConfirmMarker(tossKey())).toBeNull();
  });

  it('reads started, then done with the outcome, as a reloaded page would', () => {
    const key = tossKey();
    expect(writeConfirmMarker(key, 'started')).toBe(true);
    expect(readConfirmMarker(key)).toEqual({ state: 'started', at: now });
    vi.advanceTimersByTime(1500);
    expect(writeConfirmMarker(key, 'done', { receiptUrl: 'https://shop.example/r/1', total: 1000 })).toBe(true);
    expect(readConfirmMarker(key)).toEqual({ state: 'done', at: now + 1500, outcome: { receiptUrl: 'https://shop.example/r/1', total: 1000 } });
  });

  it('lets confirm run again after a failure clears the marker', () => {
    const key = tossKey();
    writeConfirmMarker(key, 'started');
    clearConfirmMarker(key);
    expect(readConfirmMarker(key)).toBeNull();
  });

  it('keeps the state when the outcome cannot be stored as JSON', () => {
    const key = tossKey();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(writeConfirmMarker(key, 'done', circular)).toBe(true);
    expect(readConfirmMarker(key)).toEqual({ state: 'done', at: now });
    expect(writeConfirmMarker(key, 'done', { total: 10n })).toBe(true);
    expect(readConfirmMarker(key)?.state).toBe('done');
  });

  it.each<[string, string]>([
    ['text that is not JSON', 'done'],
    ['another state', JSON.stringify({ v: 1, state: 'paid', at: now })],
    ['another format version', JSON.stringify({ v: 2, state: 'done', at: now })],
    ['no timestamp', JSON.stringify({ v: 1, state: 'done' })],
    ['an array', JSON.stringify([{ v: 1, state: 'done', at: now }])],
  ])('treats an edited marker holding %s as no marker', (_, text) => {
    const key = tossKey();
    sessionStorage.setItem(key, text);
    expect(readConfirmMarker(key)).toBeNull();
  });

  it('refuses keys outside its namespace, so it cannot overwrite a remembered order', () => {
    rememberOrder({ orderId, amount: 1000, currency: 'KRW', provider: 'toss' });
    expect(writeConfirmMarker(`kcheckout:order:${orderId}`, 'done')).toBe(false);
    clearConfirmMarker(`kcheckout:order:${orderId}`);
    expect(recallOrder(orderId)?.amount).toBe(1000);
    expect(readConfirmMarker(`kcheckout:order:${orderId}`)).toBeNull();
    expect(writeConfirmMarker(CONFIRM_MARKER_PREFIX, 'done')).toBe(false);
  });

  it('refuses a state it does not know', () => {
    expect(writeConfirmMarker(tossKey(), 'failed' as never)).toBe(false);
    expect(readConfirmMarker(tossKey())).toBeNull();
  });
});

describe('given sessionStorage that is missing or fails', () => {
  it('reports false and null without throwing when storage is missing', () => {
    vi.stubGlobal('sessionStorage', undefined);
    const key = tossKey();
    expect(writeConfirmMarker(key, 'started')).toBe(false);
    expect(readConfirmMarker(key)).toBeNull();
    expect(() => clearConfirmMarker(key)).not.toThrow();
  });

  it('reports false when the write is refused', () => {
    const key = tossKey();
    vi.stubGlobal('sessionStorage', {
      getItem: () => null,
      removeItem: () => undefined,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    });
    expect(writeConfirmMarker(key, 'started')).toBe(false);
    expect(writeConfirmMarker(key, 'done', { ok: true })).toBe(false);
  });
});
