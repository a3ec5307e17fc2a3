import type { Provider } from './errors.js';
import { isPortOneCancel } from './portone-validation.js';
import { TOSS_CANCEL_CODES } from './toss-result.js';

// The redirect query is written by whoever sent the buyer to this page, which may be an attacker
// editing the address bar. Everything here reads it defensively: no throwing, bounded work, and a
// success only when every id the merchant's confirm call needs is present exactly once.

/** Where the buyer came back from, and how it went. `invalid` means the query cannot be trusted. */
export type RedirectStatus = 'success' | 'fail' | 'cancel' | 'invalid';

/**
 * Our codes for an `invalid` redirect (in `ParsedRedirect.code`). Nothing in an invalid result may
 * be confirmed: start the payment again.
 */
export type RedirectInvalidCode =
  /** The query is longer than {@link MAX_REDIRECT_QUERY_LENGTH} characters; it was not parsed. */
  | 'QUERY_TOO_LONG'
  /**
   * A parameter the vendor sends (`paymentKey`, `amount`, `imp_uid`, …) appears more than once, or
   * under both of its spellings (`paymentId` and `payment_id`), so no single value can be trusted.
   */
  | 'DUPLICATE_PARAMETER'
  /** The query has result parameters of two vendors and no `provider` option chose between them. */
  | 'AMBIGUOUS_PROVIDER'
  /** Toss success without `paymentKey`. */
  | 'MISSING_PAYMENT_KEY'
  /** Toss success without `orderId`, or iamport success without `merchant_uid`. */
  | 'MISSING_ORDER_ID'
  /** Toss success without `amount`. */
  | 'MISSING_AMOUNT'
  /**
   * Toss `amount` that is not a plain positive integer: digits only, no sign, exponent, spaces,
   * decimals or leading zero (`05000` is refused: Toss never pads, so a padded amount was edited),
   * and at most `Number.MAX_SAFE_INTEGER`.
   */
  | 'INVALID_AMOUNT'
  /** PortOne payment success without `paymentId` (or the older `payment_id`). */
  | 'MISSING_PAYMENT_ID'
  /** PortOne `transactionType=ISSUE_BILLING_KEY` without `billingKey`. */
  | 'MISSING_BILLING_KEY'
  /** iamport success without `imp_uid`. */
  | 'MISSING_IMP_UID'
  /**
   * An id (`orderId`, `paymentKey`, `paymentId`, `txId`, `billingKey`, `imp_uid`, `merchant_uid`)
   * longer than 200 characters or holding characters no vendor uses in ids: whitespace, control
   * characters, non-ASCII, or `/ \ ? # % & < > " ' \``. Servers put these ids in API paths, so such
   * a value is refused here rather than passed on.
   */
  | 'INVALID_ID'
  /** Set by `checkRedirectAmount`: the Toss `amount` differs from the amount remembered for the order. */
  | 'AMOUNT_MISMATCH';

/**
 * A payment result read from a redirect query. Which ids are set depends on the provider and the
 * status; an `invalid` result carries none of them, only `code`, `message` and `extra`, so it cannot
 * be confirmed by mistake.
 *
 * A `success` means the query has the shape of a success. It proves nothing: your server still
 * confirms (Toss) or looks up (PortOne, iamport) the payment before the order counts as paid.
 */
export interface ParsedRedirect {
  provider: Provider;
  status: RedirectStatus;
  /** Toss `orderId` · PortOne `paymentId` · iamport `merchant_uid`. */
  orderId?: string;
  /** Toss: send it with `orderId` and `amount` to your server's confirm call. */
  paymentKey?: string;
  /** Toss: `NORMAL` | `BRANDPAY` | `KEYIN`. The v2 payment window (`payment()`) does not send it. */
  paymentType?: string;
  /** PortOne V2 payment id (the `paymentId` you passed to `requestPayment`). */
  paymentId?: string;
  /** PortOne V2 attempt id; one `paymentId` can have several attempts. */
  txId?: string;
  /** PortOne V2: `PAYMENT` | `ISSUE_BILLING_KEY` | … as sent. */
  transactionType?: string;
  /** PortOne V2 billing-key issue: the issued key, to store on your server. */
  billingKey?: string;
  /** iamport V1 `imp_uid`: look it up on your server (`GET /payments/{imp_uid}`). */
  impUid?: string;
  /** Toss only, on success. Compare it with the order's amount before confirming. */
  amount?: number;
  /** The vendor's error code; for `invalid`, a {@link RedirectInvalidCode}. */
  code?: string;
  /**
   * URL-decoded plain text, exactly as received: render it as text, never as HTML. For `invalid`,
   * our own explanation in Korean and English.
   */
  message?: string;
  /** PortOne V2 failure: the PG's own code, when the PG gave one. */
  pgCode?: string;
  /** PortOne V2 failure: the PG's own message (plain text, as `message`). */
  pgMessage?: string;
  /** Every parameter that is not the vendor's: your own, first value of each. */
  extra: Record<string, string>;
}

/**
 * What `parseRedirect` reads: an absolute or relative URL string, a query string with or without
 * its `?`, a `URL` (or `location`), `URLSearchParams`, or a Next.js `searchParams` record (await it
 * first in Next.js 15, where it is a promise). Record values are taken as already decoded.
 */
export type RedirectInput =
  | string
  | URL
  | URLSearchParams
  | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface ParseRedirectOptions {
  /**
   * The vendor this page is the return address of. It overrides detection, and other vendors'
   * parameters then count as your own (`extra`). Pass it whenever a page serves one vendor.
   */
  provider?: Provider;
}

/**
 * Longest query read, in characters (encoded, for strings; key plus value lengths, for the other
 * inputs). It is above the 8–16 KB request-line limit of common servers, so a real redirect always
 * fits.
 */
export const MAX_REDIRECT_QUERY_LENGTH = 16_384;

// Past the length limit only key names are looked at, and only this many of them.
const MAX_SCANNED_ENTRIES = 100_000;

const PROVIDERS: readonly Provider[] = ['toss', 'portone', 'iamport'];

/** The parameters each vendor appends; anything else is the merchant's (`extra`). */
const VENDOR_KEYS: Record<Provider, ReadonlySet<string>> = {
  toss: new Set(['paymentKey', 'paymentType', 'orderId', 'amount', 'code', 'message']),
  portone: new Set(['paymentId', 'payment_id', 'txId', 'tx_id', 'transactionType', 'billingKey', 'code', 'message', 'pgCode', 'pgMessage']),
  iamport: new Set(['imp_uid', 'merchant_uid', 'error_code', 'error_msg', 'imp_success', 'success']),
};

// Keys that only that vendor sends. `code`, `message`, `orderId`, `amount` and `success` are too
// common in shops' own URLs to identify a vendor on their own.
const DISTINCT_KEYS: Record<Provider, readonly string[]> = {
  toss: ['paymentKey', 'paymentType'],
  portone: ['paymentId', 'payment_id', 'txId', 'tx_id', 'transactionType', 'billingKey', 'pgCode', 'pgMessage'],
  iamport: ['imp_uid', 'merchant_uid', 'imp_success', 'error_code', 'error_msg'],
};

// Early PortOne V2 docs used snake_case; both spellings of one value make it ambiguous.
const ALIASES: readonly (readonly [string, string])[] = [
  ['paymentId', 'payment_id'],
  ['txId', 'tx_id'],
];

/** Printable ASCII minus whitespace and the characters that change a URL path or markup. */
const SAFE_ID = /^[!$()*+,\-.0-9:;=@A-Z[\]^_a-z{|}~]{1,200}$/;

const KEY_SCAN = new RegExp(`(?:^|&)(${[...new Set(Object.values(VENDOR_KEYS).flatMap((keys) => [...keys]))].join('|')})(?==|&|$)`, 'g');

type Params = Map<string, string[]>;

interface Collected {
  params: Params;
  /** Set when the input passed the length limit; `params` then has key names only. */
  length?: number;
}

/**
 * Reads a vendor's redirect query (Toss `successUrl` / `failUrl`, PortOne V2 `redirectUrl`, iamport
 * `m_redirect_url`) into one result shape.
 *
 * - Returns `null` when the query holds no payment result, including for input it cannot read
 *   (`null`, numbers, objects whose getters throw). It never throws.
 * - Without `options.provider`, the vendor is detected from keys only it sends (Toss `paymentKey`,
 *   `paymentType`; PortOne `paymentId`, `txId`, `transactionType`, `billingKey`, `pgCode`, … and
 *   `payment_id`, `tx_id`; iamport `imp_uid`, `merchant_uid`, `imp_success`, `error_code`,
 *   `error_msg`). With none of those, `code` plus `message` or `orderId`, or `orderId` plus `amount`,
 *   is read as Toss (its fail URL can lack `orderId`). Keys of two vendors give `invalid` /
 *   `AMBIGUOUS_PROVIDER` (provider: the first of toss, portone, iamport), because a shop's own
 *   parameter may share a vendor's name: pass `provider` to settle it.
 * - Toss: `code` or `message` means failure; `PAY_PROCESS_CANCELED` and `USER_CANCEL` are `cancel`.
 *   Success needs `paymentKey`, `orderId` and a strictly parsed `amount`.
 * - PortOne V2: `code`, `message`, `pgCode` or `pgMessage` means failure, `cancel` when
 *   `isPortOneCancel` says the buyer cancelled. Success needs `paymentId`, or `billingKey` for
 *   `transactionType=ISSUE_BILLING_KEY`. An identity-verification redirect is not a payment: `null`.
 * - iamport V1: `error_code` or `error_msg` means failure whatever `imp_success` / `success` say;
 *   those flags are ignored (the docs deprecate them, and they can be `false` for a paid payment).
 *   Success needs `imp_uid` and `merchant_uid`.
 * - Empty values and the texts `null` / `undefined` (how some V1 wrappers serialise a missing id)
 *   count as absent.
 *
 * @example
 * const result = parseRedirect(location.search, { provider: 'toss' });
 * if (result?.status === 'success') await fetch('/api/confirm', { method: 'POST', body: JSON.stringify(result) });
 */
export function parseRedirect(input: RedirectInput | null | undefined, options?: ParseRedirectOptions): ParsedRedirect | null {
  try {
    const given = options?.provider;
    const forced = PROVIDERS.includes(given as Provider) ? (given as Provider) : undefined;
    const collected = collect(input);
    if (!collected) return null;
    return interpret(collected, forced);
  } catch {
    // A hostile object (throwing getter, revoked proxy) is not a payment result.
    return null;
  }
}

function interpret({ params, length }: Collected, forced: Provider | undefined): ParsedRedirect | null {
  // With a provider given, any of its keys makes a result; others' keys are the shop's own.
  const found = forced ? [forced] : detect(params);
  const provider = forced ? ([...VENDOR_KEYS[forced]].some((key) => params.has(key)) ? forced : undefined) : found[0];
  if (!provider) return null;

  if (length !== undefined) {
    return invalid(provider, 'QUERY_TOO_LONG', {}, String(length));
  }
  if (found.length > 1) {
    return invalid(provider, 'AMBIGUOUS_PROVIDER', extraOf(params, found), found.join(', '));
  }
  const extra = extraOf(params, [provider]);
  for (const key of VENDOR_KEYS[provider]) {
    if ((params.get(key)?.length ?? 0) > 1) return invalid(provider, 'DUPLICATE_PARAMETER', extra, key);
  }
  for (const [a, b] of ALIASES) {
    if (VENDOR_KEYS[provider].has(a) && params.has(a) && params.has(b)) {
      return invalid(provider, 'DUPLICATE_PARAMETER', extra, `${a} / ${b}`);
    }
  }
  const read = (key: string) => value(params, key);
  if (provider === 'toss') return toss(read, extra);
  if (provider === 'portone') return portone(read, extra);
  return iamport(read, extra);
}

type Read = (key: string) => string | undefined;

function toss(read: Read, extra: Record<string, string>): ParsedRedirect {
  const ids = checkIds('toss', extra, { orderId: read('orderId'), paymentKey: read('paymentKey') });
  if ('status' in ids) return ids;
  const code = read('code');
  const message = read('message');
  if (code !== undefined || message !== undefined) {
    return compact({
      provider: 'toss',
      status: code !== undefined && TOSS_CANCEL_CODES.has(code) ? 'cancel' : 'fail',
      orderId: ids.orderId,
      code,
      message,
      extra,
    });
  }
  if (ids.paymentKey === undefined) return invalid('toss', 'MISSING_PAYMENT_KEY', extra);
  if (ids.orderId === undefined) return invalid('toss', 'MISSING_ORDER_ID', extra, 'orderId');
  const rawAmount = read('amount');
  if (rawAmount === undefined) return invalid('toss', 'MISSING_AMOUNT', extra);
  const amount = parseAmount(rawAmount);
  if (amount === undefined) return invalid('toss', 'INVALID_AMOUNT', extra);
  return compact({
    provider: 'toss',
    status: 'success',
    orderId: ids.orderId,
    paymentKey: ids.paymentKey,
    paymentType: read('paymentType'),
    amount,
    extra,
  });
}

function portone(read: Read, extra: Record<string, string>): ParsedRedirect | null {
  const ids = checkIds('portone', extra, {
    paymentId: read('paymentId') ?? read('payment_id'),
    txId: read('txId') ?? read('tx_id'),
    billingKey: read('billingKey'),
  });
  if ('status' in ids) return ids;
  const transactionType = read('transactionType');
  const code = read('code');
  const message = read('message');
  const pgCode = read('pgCode');
  const pgMessage = read('pgMessage');
  const common = {
    provider: 'portone' as const,
    orderId: ids.paymentId,
    paymentId: ids.paymentId,
    txId: ids.txId,
    transactionType,
    billingKey: ids.billingKey,
    extra,
  };
  if (code !== undefined || message !== undefined || pgCode !== undefined || pgMessage !== undefined) {
    const cancelled = isPortOneCancel({ code, message, pgCode }) || isPortOneCancel({ message: pgMessage });
    return compact({ ...common, status: cancelled ? 'cancel' : 'fail', code, message, pgCode, pgMessage });
  }
  if (transactionType === 'IDENTITY_VERIFICATION' && ids.paymentId === undefined && ids.billingKey === undefined) {
    return null;
  }
  const billingIssue =
    transactionType === 'ISSUE_BILLING_KEY' ||
    (transactionType === undefined && ids.paymentId === undefined && ids.billingKey !== undefined);
  if (billingIssue) {
    if (ids.billingKey === undefined) return invalid('portone', 'MISSING_BILLING_KEY', extra);
  } else if (ids.paymentId === undefined) {
    return invalid('portone', 'MISSING_PAYMENT_ID', extra);
  }
  return compact({ ...common, status: 'success' });
}

function iamport(read: Read, extra: Record<string, string>): ParsedRedirect {
  const ids = checkIds('iamport', extra, { impUid: read('imp_uid'), orderId: read('merchant_uid') });
  if ('status' in ids) return ids;
  const code = read('error_code');
  const message = read('error_msg');
  const common = { provider: 'iamport' as const, orderId: ids.orderId, impUid: ids.impUid, extra };
  if (code !== undefined || message !== undefined) {
    return compact({ ...common, status: isPortOneCancel({ code, message }) ? 'cancel' : 'fail', code, message });
  }
  if (ids.impUid === undefined) return invalid('iamport', 'MISSING_IMP_UID', extra);
  if (ids.orderId === undefined) return invalid('iamport', 'MISSING_ORDER_ID', extra, 'merchant_uid');
  return compact({ ...common, status: 'success' });
}

/** Returns the ids when every present one looks like an id, or the `INVALID_ID` result. */
function checkIds<T extends Record<string, string | undefined>>(
  provider: Provider,
  extra: Record<string, string>,
  ids: T,
): T | ParsedRedirect {
  for (const [field, id] of Object.entries(ids)) {
    if (id !== undefined && !SAFE_ID.test(id)) return invalid(provider, 'INVALID_ID', extra, queryKey(provider, field));
  }
  return ids;
}

/** The query parameter a result field came from, for messages. */
function queryKey(provider: Provider, field: string): string {
  if (provider === 'iamport') return field === 'impUid' ? 'imp_uid' : field === 'orderId' ? 'merchant_uid' : field;
  return field;
}

/** Digits only, no leading zero, within the safe-integer range. */
function parseAmount(raw: string): number | undefined {
  if (!/^[1-9][0-9]{0,15}$/.test(raw)) return undefined;
  const amount = Number(raw);
  return Number.isSafeInteger(amount) ? amount : undefined;
}

function value(params: Params, key: string): string | undefined {
  const first = params.get(key)?.[0];
  return first === undefined || first === '' || first === 'null' || first === 'undefined' ? undefined : first;
}

/** Vendors whose distinguishing keys are present, in the order of `PROVIDERS`. */
function detect(params: Params): Provider[] {
  const found = PROVIDERS.filter((provider) => DISTINCT_KEYS[provider].some((key) => params.has(key)));
  if (found.length > 0) return found;
  const has = (key: string) => value(params, key) !== undefined;
  if ((has('code') && (has('message') || has('orderId'))) || (has('orderId') && has('amount'))) return ['toss'];
  return [];
}

function extraOf(params: Params, providers: readonly Provider[]): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const [key, values] of params) {
    if (providers.some((provider) => VENDOR_KEYS[provider].has(key)) || values[0] === undefined) continue;
    // defineProperty: a `__proto__` parameter becomes a plain own key, not the object's prototype.
    Object.defineProperty(extra, key, { value: values[0], enumerable: true, writable: true, configurable: true });
  }
  return extra;
}

/** Drops the fields that are undefined, so a result only has keys that mean something. */
function compact(result: ParsedRedirect): ParsedRedirect {
  const { provider, status, ...rest } = result;
  const out: Record<string, unknown> = { provider, status, ...rest };
  for (const key of Object.keys(out)) {
    if (out[key] === undefined) delete out[key];
  }
  return out as unknown as ParsedRedirect;
}

// --- Reading the input ---------------------------------------------------------------------------

function collect(input: unknown): Collected | null {
  if (typeof input === 'string') return fromQuery(queryOf(input));
  if (!input || typeof input !== 'object') return null;
  if (input instanceof URLSearchParams) return fromEntries(input);
  if (input instanceof URL || isLocationLike(input)) return fromQuery(queryOf((input as { search: string }).search));
  const entries = (input as { entries?: unknown }).entries;
  if (typeof entries === 'function' && typeof (input as { getAll?: unknown }).getAll === 'function') {
    // URLSearchParams from another realm (an iframe) fails instanceof but iterates the same way.
    return fromEntries(entries.call(input) as Iterable<[unknown, unknown]>);
  }
  return fromRecord(input as Record<string, unknown>);
}

function isLocationLike(input: object): boolean {
  const { href, search } = input as { href?: unknown; search?: unknown };
  return typeof href === 'string' && typeof search === 'string' && (search === '' || search.startsWith('?'));
}

/** The query part of a URL, a path, or a bare query string, without `?` and fragment. */
function queryOf(text: string): string {
  const mark = text.indexOf('?');
  let start = 0;
  if (mark !== -1) {
    const before = text.slice(0, mark);
    // A URL or path has its query after the first `?`; a bare query may contain a raw `?` in a value.
    const isUrl = /^([a-z][a-z0-9+.-]*:|[/.])/i.test(text) || !/[=&]/.test(before);
    if (isUrl) start = mark + 1;
  } else if (/^([a-z][a-z0-9+.-]*:|[/.])/i.test(text) && !/[=&]/.test(text)) {
    return '';
  }
  const hash = text.indexOf('#', start);
  return text.slice(start, hash === -1 ? text.length : hash);
}

function fromQuery(query: string): Collected {
  if (query.length > MAX_REDIRECT_QUERY_LENGTH) {
    // Key names only, found by one linear scan: decoding megabytes would stall the page.
    const params: Params = new Map();
    for (const match of query.matchAll(KEY_SCAN)) params.set(match[1] as string, []);
    return { params, length: query.length };
  }
  return fromEntries(new URLSearchParams(query));
}

function fromEntries(entries: Iterable<[unknown, unknown]>): Collected {
  const params: Params = new Map();
  let length = 0;
  let seen = 0;
  for (const [key, raw] of entries) {
    if (++seen > MAX_SCANNED_ENTRIES) break;
    if (typeof key !== 'string' || typeof raw !== 'string') continue;
    length += key.length + raw.length + 2;
    add(params, key, raw, length);
  }
  return length > MAX_REDIRECT_QUERY_LENGTH ? { params, length } : { params };
}

function fromRecord(record: Record<string, unknown>): Collected {
  const params: Params = new Map();
  let length = 0;
  let seen = 0;
  for (const key in record) {
    if (++seen > MAX_SCANNED_ENTRIES) break;
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    const raw = record[key];
    const values = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
    for (const item of values) {
      if (typeof item !== 'string') continue;
      length += key.length + item.length + 2;
      add(params, key, item, length);
    }
  }
  return length > MAX_REDIRECT_QUERY_LENGTH ? { params, length } : { params };
}

function add(params: Params, key: string, raw: string, lengthSoFar: number): void {
  const values = params.get(key) ?? [];
  // Past the limit keep the key (for detection) but stop storing values.
  if (lengthSoFar <= MAX_REDIRECT_QUERY_LENGTH) values.push(raw);
  params.set(key, values);
}

// --- Invalid results -----------------------------------------------------------------------------

const RESTART = { ko: '결제를 처음부터 다시 진행하세요.', en: 'Start the payment again.' };

function invalid(provider: Provider, code: RedirectInvalidCode, extra: Record<string, string>, detail = ''): ParsedRedirect {
  return { provider, status: 'invalid', code, message: invalidMessage(code, detail), extra };
}

/** Why a redirect or check was refused, in Korean then English, with what to do. */
export function invalidMessage(code: RedirectInvalidCode, detail = ''): string {
  switch (code) {
    case 'QUERY_TOO_LONG':
      return (
        `결제 결과 주소의 쿼리가 너무 길어(${detail}자, 최대 ${MAX_REDIRECT_QUERY_LENGTH}자) 읽지 않았습니다. ${RESTART.ko} ` +
        `The redirect query is too long (${detail} characters, at most ${MAX_REDIRECT_QUERY_LENGTH}) and was not read. ${RESTART.en}`
      );
    case 'DUPLICATE_PARAMETER':
      return (
        `결제 결과 파라미터 ${detail}가 두 번 이상 들어 있어 어느 값도 믿을 수 없습니다. successUrl/failUrl/redirectUrl에 ` +
        `같은 이름의 파라미터를 직접 넣지 마세요. ${RESTART.ko} The redirect parameter ${detail} is given more than once, ` +
        `so no value of it can be trusted; don't put a parameter of that name in your own successUrl/failUrl/redirectUrl. ${RESTART.en}`
      );
    case 'AMBIGUOUS_PROVIDER':
      return (
        `여러 결제사(${detail})의 결과 파라미터가 함께 들어 있습니다. parseRedirect(search, { provider: 'toss' })처럼 ` +
        `이 페이지의 결제사를 넘겨주세요. The query has result parameters of several providers (${detail}): pass this ` +
        `page's provider, as in parseRedirect(search, { provider: 'toss' }).`
      );
    case 'MISSING_PAYMENT_KEY':
      return missing('paymentKey');
    case 'MISSING_ORDER_ID':
      return missing(detail || 'orderId');
    case 'MISSING_AMOUNT':
      return missing('amount');
    case 'MISSING_PAYMENT_ID':
      return missing('paymentId');
    case 'MISSING_BILLING_KEY':
      return missing('billingKey');
    case 'MISSING_IMP_UID':
      return missing('imp_uid');
    case 'INVALID_AMOUNT':
      return (
        `결제 결과의 amount가 양의 정수가 아닙니다. 주소가 바뀌었을 수 있으니 승인하지 마세요. ${RESTART.ko} ` +
        `The redirect's amount is not a plain positive integer; the address may have been edited, so don't confirm it. ${RESTART.en}`
      );
    case 'INVALID_ID':
      return (
        `결제 결과의 ${detail}에 결제사가 쓰지 않는 문자나 길이(200자 초과)가 들어 있습니다. 승인하지 마세요. ${RESTART.ko} ` +
        `The redirect's ${detail} has characters or a length (over 200) that no provider uses; don't confirm it. ${RESTART.en}`
      );
    case 'AMOUNT_MISMATCH':
      return (
        `결제 결과의 금액(${detail})이 결제를 요청한 주문 금액과 다릅니다. 금액이 조작되었을 수 있으니 승인하지 마세요. ` +
        `${RESTART.ko} The redirect's amount (${detail}) differs from the order's amount; it may have been tampered with, ` +
        `so don't confirm it. ${RESTART.en}`
      );
  }
}

function missing(key: string): string {
  return (
    `결제 결과 주소에 ${key}가 없어 결제를 확인할 수 없습니다. 주소가 잘렸거나 바뀌었을 수 있습니다. ${RESTART.ko} ` +
    `The redirect has no ${key}, so the payment cannot be checked; the address may have been cut or edited. ${RESTART.en}`
  );
}
