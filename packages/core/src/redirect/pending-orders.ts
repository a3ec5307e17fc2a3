import { CheckoutError, type Provider } from '../errors.js';
import { invalidMessage, type ParsedRedirect } from './parse-redirect.js';
import { type Currency, isOrderId, isValidAmount, validateAmount, validateOrderId } from '../validation.js';

// The order a shopper is paying for, kept in this tab's sessionStorage between the click and the
// vendor's redirect back. The shopper can edit sessionStorage, so this only catches an edited
// redirect URL (Toss's payment docs, docs.tosspayments.com, tell the success page to check that the
// query's amount equals the order's); your server's own
// record of the order stays the authority.

/** What `<CheckoutButton>` remembers before the payment window opens. */
export interface PendingOrder {
  orderId: string;
  /** In major units, as passed to the checkout (50000 for 50,000 KRW). */
  amount: number;
  currency: Currency;
  provider: Provider;
}

/** A remembered order as read back, with the time (ms since epoch) it stops being returned. */
export interface RememberedOrder extends PendingOrder {
  expiresAt: number;
}

export interface RememberOrderOptions {
  /** How long the order is kept, in ms: 1 hour by default, at most 24 hours. */
  ttlMs?: number;
}

/** The sessionStorage key prefix; the order id follows it. */
export const PENDING_ORDER_PREFIX = 'kcheckout:order:';
export const DEFAULT_PENDING_ORDER_TTL_MS = 60 * 60 * 1000;
const MAX_TTL_MS = 24 * 60 * 60 * 1000;
const FORMAT_VERSION = 1;

const PROVIDERS: readonly Provider[] = ['toss', 'portone', 'iamport'];

/**
 * Remembers an order in `sessionStorage` until the vendor sends the buyer back, for
 * `checkRedirectAmount`. Call it right before opening the payment window.
 *
 * Throws `CheckoutError` (`INVALID_ORDER_ID`, `INVALID_AMOUNT`, `INVALID_OPTION`) for input that
 * could never match a redirect. Returns `false`, without throwing, when storage is unavailable (on
 * the server, in some private modes, or when full): the payment can still go ahead, only without
 * this check.
 */
export function rememberOrder(order: PendingOrder, options: RememberOrderOptions = {}): boolean {
  if (!order || typeof order !== 'object') {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `rememberOrder에 { orderId, amount, currency, provider }를 넘겨주세요. ` +
          `Pass { orderId, amount, currency, provider } to rememberOrder.`
        : '',
    );
  }
  const provider = order.provider;
  if (!PROVIDERS.includes(provider)) {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `rememberOrder의 provider가 올바르지 않습니다 (${String(provider)}). 'toss', 'portone', 'iamport' 중 하나를 넘겨주세요. ` +
          `rememberOrder's provider must be 'toss', 'portone' or 'iamport' (got ${String(provider)}).`
        : '',
    );
  }
  const orderId = validateOrderId(order.orderId, provider);
  const money = validateAmount(order.amount, order.currency, provider);
  const ttlMs = options.ttlMs ?? DEFAULT_PENDING_ORDER_TTL_MS;
  if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0 || ttlMs > MAX_TTL_MS) {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `ttlMs는 0보다 크고 ${MAX_TTL_MS}(24시간) 이하인 밀리초여야 합니다 (${String(ttlMs)}). 보통은 생략하세요(1시간). ` +
          `ttlMs must be a number of milliseconds above 0 and at most ${MAX_TTL_MS} (24 hours), got ${String(ttlMs)}; ` +
          `leave it out for the 1-hour default.`
        : '',
      { provider },
    );
  }
  const stored = {
    v: FORMAT_VERSION,
    orderId,
    amount: money.value,
    currency: money.currency,
    provider,
    expiresAt: Date.now() + ttlMs,
  };
  return writeSessionItem(PENDING_ORDER_PREFIX + orderId, JSON.stringify(stored));
}

/**
 * Reads back the order remembered under `orderId`, or `null` when there is none, it expired (it is
 * then removed), or what is stored does not have the shape `rememberOrder` writes. `orderId` may
 * come straight from the redirect query: anything that is not a valid order id gives `null`. Never
 * throws.
 */
export function recallOrder(orderId: unknown): RememberedOrder | null {
  if (!isOrderId(orderId)) return null;
  const key = PENDING_ORDER_PREFIX + orderId;
  const order = readOrder(parseRecord(readSessionItem(key)), orderId);
  // Edited, from an older format, or expired: drop it so it cannot be read later.
  if (!order) removeSessionItem(key);
  return order;
}

/** Drops a remembered order, e.g. once your server has confirmed it. Never throws. */
export function forgetOrder(orderId: unknown): void {
  if (isOrderId(orderId)) removeSessionItem(PENDING_ORDER_PREFIX + orderId);
}

/**
 * Compares a Toss redirect's `amount` with the amount the order was placed for. On a difference it
 * returns an `invalid` result with code `AMOUNT_MISMATCH` (without the ids, so it cannot be
 * confirmed); otherwise it returns `parsed` unchanged.
 *
 * `expected` is a number (the hook's `expectedAmount`) or what `recallOrder(parsed.orderId)`
 * returned. Nothing to compare against (`null`, `undefined`, a remembered order with another
 * `orderId`), a status other than `success`, and PortOne or iamport results (their redirects carry
 * no amount: check it on your server) all leave `parsed` unchanged.
 *
 * @example
 * const result = parsed && checkRedirectAmount(parsed, recallOrder(parsed.orderId));
 */
export function checkRedirectAmount(
  parsed: ParsedRedirect,
  expected: Pick<PendingOrder, 'orderId' | 'amount'> | number | null | undefined,
): ParsedRedirect {
  if (parsed.provider !== 'toss' || parsed.status !== 'success' || expected === null || expected === undefined) {
    return parsed;
  }
  let amount: unknown = expected;
  if (typeof expected === 'object') {
    if (expected.orderId !== parsed.orderId) return parsed;
    amount = expected.amount;
  }
  if (amount === parsed.amount) return parsed;
  return {
    provider: parsed.provider,
    status: 'invalid',
    code: 'AMOUNT_MISMATCH',
    message: invalidMessage('AMOUNT_MISMATCH', String(parsed.amount)),
    extra: parsed.extra,
  };
}

function readOrder(data: Record<string, unknown> | null, orderId: string): RememberedOrder | null {
  if (!data) return null;
  const { v, amount, currency, provider, expiresAt } = data;
  // The key names the order; a value copied from another order's key must not answer for this one.
  if (v !== FORMAT_VERSION || data.orderId !== orderId) return null;
  if (!PROVIDERS.includes(provider as Provider)) return null;
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) return null;
  const now = Date.now();
  if (expiresAt <= now || expiresAt > now + MAX_TTL_MS) return null;
  if (!isValidAmount(amount, currency)) return null;
  return { orderId, amount, currency: currency as Currency, provider: provider as Provider, expiresAt };
}

// --- sessionStorage, failing soft ----------------------------------------------------------------
// Missing on the server; `sessionStorage` itself throws a SecurityError when storage is blocked, and
// setItem throws when the quota is reached (or is 0, as in old Safari private windows).

/** Runs `use` on this tab's sessionStorage: `undefined` when there is none or it throws. */
function withSession<T>(use: (storage: Storage) => T): T | undefined {
  try {
    return use(globalThis.sessionStorage);
  } catch {
    return undefined;
  }
}

/**
 * Stored JSON read back as an object, or `null` for anything else (the buyer can edit storage), and
 * for `null`, what `readSessionItem` returns when nothing is stored.
 */
export function parseRecord(text: string | null): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(String(text));
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `sessionStorage.getItem`, or `null` when storage is missing or throws. */
export function readSessionItem(key: string): string | null {
  const text = withSession((storage) => storage.getItem(key));
  return typeof text === 'string' ? text : null;
}

/** `sessionStorage.setItem`; `false` when storage is missing or refused the write. */
export function writeSessionItem(key: string, text: string): boolean {
  return withSession((storage) => (storage.setItem(key, text), true)) ?? false;
}

/** `sessionStorage.removeItem`, ignoring a missing or throwing storage. */
export function removeSessionItem(key: string): void {
  withSession((storage) => storage.removeItem(key));
}
