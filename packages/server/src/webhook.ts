import { isRecord } from './http.js';

/** Remembers webhook ids already accepted, so a replayed delivery is refused. */
export interface WebhookIdStore {
  /**
   * Records `id` until `expiresAt` (ms, on the verifier's clock, which `now` gives). Returns `false`
   * if it was already recorded and has not expired.
   */
  add(id: string, expiresAt: number, now: number): boolean | Promise<boolean>;
  /** Forgets `id`, so a retry of that delivery is accepted again. */
  delete(id: string): void | Promise<void>;
}

/** An in-memory `WebhookIdStore` (one process). Use a shared store (Redis, your database) when you run several. */
export function createMemoryWebhookIdStore(): WebhookIdStore {
  const seen = new Map<string, number>();
  return {
    add(id, expiresAt, now) {
      for (const [key, until] of seen) if (until <= now) seen.delete(key);
      if (seen.has(id)) return false;
      seen.set(id, expiresAt);
      return true;
    },
    delete(id) {
      seen.delete(id);
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
       * Forgets this delivery's id. Call it when your processing failed and you answer 5xx, so the
       * vendor's retry is not refused as a replay.
       */
      forget(): Promise<void>;
    }
  | {
      ok: false;
      /**
       * - `MISSING_HEADERS`: `webhook-id`, `webhook-timestamp` or `webhook-signature` is absent;
       * - `INVALID_SECRET`: the secret is not base64 (with or without `whsec_`);
       * - `INVALID_SIGNATURE`: no `v1` signature matches (a wrong secret, or a changed body);
       * - `TIMESTAMP_OUT_OF_TOLERANCE`: older or newer than `toleranceSeconds`;
       * - `REPLAYED`: this `webhook-id` was accepted before;
       * - `INVALID_BODY`: signed correctly but not a JSON event.
       */
      code: 'MISSING_HEADERS' | 'INVALID_SECRET' | 'INVALID_SIGNATURE' | 'TIMESTAMP_OUT_OF_TOLERANCE' | 'REPLAYED' | 'INVALID_BODY';
      message: string;
    };

export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now; default 300 (5 minutes, as @portone/server-sdk). */
  toleranceSeconds?: number;
  /** The clock, in ms; default `Date.now`. */
  now?: () => number;
  /** Where accepted ids are remembered; default one in-memory store for the process. */
  store?: WebhookIdStore;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/**
 * Verifies a PortOne V2 webhook the Standard Webhooks way: `webhook-signature` holds one or more
 * `v1,<base64 HMAC-SHA256>` of `${webhook-id}.${webhook-timestamp}.${rawBody}`, keyed with the
 * base64-decoded secret (`whsec_` prefix optional). Signatures are checked with Web Crypto's
 * `verify`, which compares in constant time. Then the timestamp must be within the tolerance and
 * the id must be new. Pass the raw body exactly as received (Express: `express.text({ type: 'application/json' })`).
 */
export async function verifyPortOneWebhook(secret: string | Uint8Array, rawBody: string, headers: HeaderSource, options: VerifyWebhookOptions = {}): Promise<PortOneWebhookResult> {
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
  const key = await crypto.subtle.importKey('raw', new Uint8Array(keyBytes), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const signed = new TextEncoder().encode(`${id}.${timestampText}.${rawBody}`);
  let matched = false;
  for (const candidate of signatures.split(' ')) {
    const [version, value] = candidate.split(',', 2);
    const bytes = version === 'v1' && value ? base64ToBytes(value) : undefined;
    if (bytes && (await crypto.subtle.verify('HMAC', key, bytes, signed))) matched = true;
  }
  if (!matched) return { ok: false, code: 'INVALID_SIGNATURE', message: 'No webhook signature matches this body and secret.' };

  const now = (options.now ?? Date.now)();
  const toleranceSeconds = options.toleranceSeconds ?? 300;
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
  // Past the tolerance the timestamp check refuses a replay anyway, so the id need not be kept longer.
  if (!(await store.add(id, now + 2 * toleranceSeconds * 1000, now))) {
    return { ok: false, code: 'REPLAYED', message: `The webhook ${id} was already received; answer 200 without processing it again.` };
  }
  return {
    ok: true,
    id,
    timestamp,
    event: { type: event.type, timestamp: String(event.timestamp ?? ''), data: event.data },
    forget: async () => {
      await store.delete(id);
    },
  };
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
