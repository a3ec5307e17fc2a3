import { CheckoutError } from '@kcheckout/core';
import { isRecord } from './http.js';

/**
 * Remembers the webhook ids whose processing succeeded, so a replayed delivery is refused. Back it
 * with Redis or your database when several processes receive webhooks.
 */
export interface WebhookIdStore {
  /** Whether `id` was recorded and has not expired at `now` (ms, on the verifier's clock). */
  has(id: string, now: number): boolean | Promise<boolean>;
  /** Records `id` until `expiresAt` (ms, on the verifier's clock, which `now` gives). */
  add(id: string, expiresAt: number, now: number): void | Promise<void>;
}

/** An in-memory `WebhookIdStore` (one process). Use a shared store (Redis, your database) when you run several. */
export function createMemoryWebhookIdStore(): WebhookIdStore {
  const seen = new Map<string, number>();
  return {
    has(id, now) {
      const until = seen.get(id);
      return until !== undefined && until > now;
    },
    add(id, expiresAt, now) {
      for (const [key, until] of seen) if (until <= now) seen.delete(key);
      seen.set(id, expiresAt);
    },
  };
}

const defaultStore = createMemoryWebhookIdStore();

/** A PortOne V2 webhook (version 2024-04-25): `Transaction.Paid`, `Transaction.VirtualAccountIssued`, … */
export interface PortOneWebhookEvent {
  type: string;
  /** RFC 3339; the same across retries. */
  timestamp: string;
  /** `storeId`, `paymentId`, `transactionId`, `cancellationId?`, or `billingKey`. Ignore unknown fields. */
  data: Record<string, unknown>;
}

export type PortOneWebhookResult =
  | {
      ok: true;
      /** `webhook-id`: the same for every retry of one delivery. */
      id: string;
      /** `webhook-timestamp`, Unix seconds. */
      timestamp: number;
      event: PortOneWebhookEvent;
      /**
       * Records this delivery's id, so a later delivery of it is `REPLAYED`. Call it once your
       * processing succeeded, just before answering 2xx. Until then a crash or a 5xx leaves the id
       * unrecorded and the vendor's retry is processed again, so processing must be idempotent
       * (two deliveries of one id racing each other can both get here).
       */
      commit(): Promise<void>;
    }
  | {
      ok: false;
      /**
       * - `MISSING_HEADERS`: `webhook-id`, `webhook-timestamp` or `webhook-signature` is absent;
       * - `INVALID_SECRET`: the secret is not base64 (with or without `whsec_`);
       * - `INVALID_SIGNATURE`: no `v1` signature matches (a wrong secret, or a changed body);
       * - `TIMESTAMP_OUT_OF_TOLERANCE`: older or newer than `toleranceSeconds`;
       * - `REPLAYED`: this `webhook-id` was committed before;
       * - `INVALID_BODY`: signed correctly but not a JSON event.
       */
      code: 'MISSING_HEADERS' | 'INVALID_SECRET' | 'INVALID_SIGNATURE' | 'TIMESTAMP_OUT_OF_TOLERANCE' | 'REPLAYED' | 'INVALID_BODY';
      message: string;
    };

export interface VerifyWebhookOptions {
  /**
   * How far `webhook-timestamp` may be from now, in seconds; default 300 (5 minutes, as
   * @portone/server-sdk). Anything but a finite number ≥ 0 throws `INVALID_OPTION`.
   */
  toleranceSeconds?: number;
  /** The clock, in ms; default `Date.now`. */
  now?: () => number;
  /** Where committed ids are remembered; default one in-memory store for the process. */
  store?: WebhookIdStore;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

// Standard Webhooks senders put one signature per active secret (two while rotating one), so 8 is
// generous. Capping the count and the header keeps a forged header of thousands of candidates
// from costing more than a handful of comparisons.
const MAX_SIGNATURES = 8;
const MAX_SIGNATURE_HEADER = MAX_SIGNATURES * 128;

/**
 * Verifies a PortOne V2 webhook the Standard Webhooks way: `webhook-signature` holds one or more
 * `v1,<base64 HMAC-SHA256>` of `${webhook-id}.${webhook-timestamp}.${rawBody}`, keyed with the
 * base64-decoded secret (`whsec_` prefix optional). The HMAC is computed once and compared with
 * each of the first 8 candidates in constant time. Then the timestamp must be within the tolerance
 * and the id must not have been committed. Pass the raw body exactly as received (Express:
 * `express.text({ type: 'application/json' })`), and call `commit()` on the result once your
 * processing succeeded.
 *
 * @throws CheckoutError `INVALID_OPTION` when `toleranceSeconds` is not a finite number ≥ 0.
 */
export async function verifyPortOneWebhook(secret: string | Uint8Array, rawBody: string, headers: HeaderSource, options: VerifyWebhookOptions = {}): Promise<PortOneWebhookResult> {
  const toleranceSeconds = checkTolerance(options.toleranceSeconds ?? 300);
  const id = header(headers, 'webhook-id');
  const timestampText = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestampText || !signatures) {
    return { ok: false, code: 'MISSING_HEADERS', message: 'The webhook-id, webhook-timestamp and webhook-signature headers are all required.' };
  }
  const keyBytes = typeof secret === 'string' ? base64ToBytes(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret) : secret;
  if (!keyBytes || keyBytes.length === 0) {
    return { ok: false, code: 'INVALID_SECRET', message: 'The webhook secret is not base64. Copy it from the PortOne console as is (whsec_…).' };
  }
  const key = await crypto.subtle.importKey('raw', new Uint8Array(keyBytes), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const expected = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestampText}.${rawBody}`)));
  let matched = false;
  for (const candidate of signatures.slice(0, MAX_SIGNATURE_HEADER).split(' ', MAX_SIGNATURES)) {
    const [version, value] = candidate.split(',', 2);
    const bytes = version === 'v1' && value ? base64ToBytes(value) : undefined;
    // No early exit: every considered candidate costs the same, matched or not.
    if (bytes && constantTimeEqual(bytes, expected)) matched = true;
  }
  if (!matched) return { ok: false, code: 'INVALID_SIGNATURE', message: 'No webhook signature matches this body and secret.' };

  const clock = options.now ?? Date.now;
  const now = clock();
  const timestamp = Number(timestampText);
  if (!/^\d+$/.test(timestampText) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) {
    return { ok: false, code: 'TIMESTAMP_OUT_OF_TOLERANCE', message: `webhook-timestamp ${timestampText} is more than ${toleranceSeconds} s from now.` };
  }
  let event: unknown;
  try {
    event = JSON.parse(rawBody);
  } catch {
    event = undefined;
  }
  if (!isRecord(event) || typeof event.type !== 'string' || !isRecord(event.data)) {
    return { ok: false, code: 'INVALID_BODY', message: 'The webhook body is not a JSON event with type and data.' };
  }
  const store = options.store ?? defaultStore;
  if (await store.has(id, now)) {
    return { ok: false, code: 'REPLAYED', message: `The webhook ${id} was already processed; answer 200 without processing it again.` };
  }
  return {
    ok: true,
    id,
    timestamp,
    event: { type: event.type, timestamp: String(event.timestamp ?? ''), data: event.data },
    commit: async () => {
      const at = clock();
      // Past the tolerance the timestamp check refuses a replay anyway, so the id need not be kept longer.
      await store.add(id, at + 2 * toleranceSeconds * 1000, at);
    },
  };
}

export function checkTolerance(value: unknown): number {
  // NaN would make every `> toleranceSeconds` comparison false and switch the timestamp check off.
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  throw new CheckoutError(
    'INVALID_OPTION',
    `toleranceSeconds는 0 이상의 유한한 숫자(초)여야 합니다 (${String(value)}). 기본값 300을 쓰려면 넘기지 마세요. ` +
      `toleranceSeconds must be a finite number of seconds ≥ 0 (got ${String(value)}); leave it out for the default 300.`,
    { provider: 'portone' },
  );
}

/** Compares two byte strings in time that depends only on their length, which is public (32 for SHA-256). */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value.join(' ') : value;
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}
