import { type Provider, referenceMessage } from '../errors.js';
import { invalid, type ParsedRedirect, RESTART } from './parsed-redirect.js';
import { collect, type Collected, type Params, type RedirectInput } from './query-input.js';

export type { RedirectInput };

// The part of redirect parsing every vendor shares, after query-input.ts has read the input into a
// bounded map: the rules that hold whoever sent the buyer back. The query is written by whoever sent the buyer to
// this page, which may be an attacker editing the address bar. Everything here reads it
// defensively: no throwing, bounded work, and a success only when every id the merchant's confirm
// call needs is present exactly once. Each vendor's own rules are in parse-<vendor>-redirect.ts, so
// an entry for one vendor bundles only that vendor's rules; the key NAMES of all three stay here,
// because telling "another vendor's result" from "ours" needs them.

export const PROVIDERS: readonly Provider[] = ['toss', 'portone', 'iamport'];

/** The parameters each vendor appends; anything else is the merchant's (`extra`). */
const VENDOR_KEYS: Record<Provider, ReadonlySet<string>> = {
  toss: new Set(['paymentKey', 'paymentType', 'orderId', 'amount', 'code', 'message']),
  portone: new Set(['paymentId', 'payment_id', 'txId', 'tx_id', 'transactionType', 'billingKey', 'code', 'message', 'pgCode', 'pgMessage']),
  iamport: new Set(['imp_uid', 'merchant_uid', 'error_code', 'error_msg', 'imp_success', 'success']),
};

// Keys that only that vendor sends. `code`, `message`, `orderId`, `amount` and `success` are too
// common in shops' own URLs to identify a vendor on their own. Exported one by one, so a one-vendor
// reader bundles the other vendors' lists without their rules.
export const TOSS_ONLY_KEYS: readonly string[] = ['paymentKey', 'paymentType'];
export const PORTONE_ONLY_KEYS: readonly string[] = ['paymentId', 'payment_id', 'txId', 'tx_id', 'transactionType', 'billingKey', 'pgCode', 'pgMessage'];
export const IAMPORT_ONLY_KEYS: readonly string[] = ['imp_uid', 'merchant_uid', 'imp_success', 'error_code', 'error_msg'];
const DISTINCT_KEYS: Record<Provider, readonly string[]> = { toss: TOSS_ONLY_KEYS, portone: PORTONE_ONLY_KEYS, iamport: IAMPORT_ONLY_KEYS };

// Early PortOne V2 docs used snake_case; both spellings of one value make it ambiguous.
const ALIASES: readonly (readonly [string, string])[] = [
  ['paymentId', 'payment_id'],
  ['txId', 'tx_id'],
];

/** Printable ASCII minus whitespace and the characters that change a URL path or markup. */
const SAFE_ID = /^[!$()*+,\-.0-9:;=@A-Z[\]^_a-z{|}~]{1,200}$/;

/** Every vendor's keys: what an over-long query is scanned for when any vendor may have sent it. */
export function allVendorKeys(): string[] {
  return [...new Set(Object.values(VENDOR_KEYS).flatMap((keys) => [...keys]))];
}

/** The first value of a key; empty, `null` and `undefined` (how some V1 wrappers write a missing id) count as absent. */
export type Read = (key: string) => string | undefined;

/** One vendor's rules, given a query that already passed the shared checks. */
export type VendorRules = (read: Read, extra: Record<string, string>) => ParsedRedirect | null;

/** The `AMBIGUOUS_PROVIDER` message: its fix depends on who parsed, so each parser brings its own. */
export type AmbiguityMessage = (found: readonly Provider[], provider: Provider) => string;

/**
 * A one-vendor parser (`parseTossRedirect`, …): what `parseRedirect(input, { provider })` returns,
 * unless detection (`parseRedirect(input)`) gives the query to another vendor. Then it is `null`,
 * or `invalid` / `AMBIGUOUS_PROVIDER` when this vendor's own keys are there too: a shop parameter
 * that merely shares another vendor's name is not told apart from an attack, so nothing is read.
 */
export function parseVendorRedirect(input: unknown, provider: Provider, rules: VendorRules): ParsedRedirect | null {
  try {
    const collected = collect(input, allVendorKeys());
    if (!collected) return null;
    const found = detect(collected.params);
    if (found.some((other) => other !== provider)) {
      return found.includes(provider) ? checkVendorQuery(collected, provider, found, rules, oneVendorAmbiguity) : null;
    }
    return hasVendorKey(collected.params, provider) ? checkVendorQuery(collected, provider, [provider], rules, oneVendorAmbiguity) : null;
  } catch {
    // A hostile object (throwing getter, revoked proxy) is not a payment result.
    return null;
  }
}

/**
 * A one-vendor reader that carries only the key lists it is given, not the tables of every vendor:
 * `keys`, all of this vendor's (a DUPLICATE_PARAMETER check each); `only`, those of them no other
 * vendor sends; `others`, the keys only another vendor sends, by vendor. It returns what
 * `parseVendorRedirect` returns for a vendor whose query `parseRedirect` never detects by shape
 * alone, which holds for Toss: its keys decide, so the detection fallback is not needed.
 */
export function readOneVendor(
  input: unknown,
  provider: Provider,
  keys: readonly string[],
  only: readonly string[],
  others: Partial<Record<Provider, readonly string[]>>,
  rules: VendorRules,
): ParsedRedirect | null {
  try {
    const foreign = Object.values(others).flat() as string[];
    const collected = collect(input, [...keys, ...foreign]);
    if (!collected) return null;
    const { params, length } = collected;
    const has = (key: string) => params.has(key);
    const found = (Object.keys(others) as Provider[]).filter((other) => others[other]!.some(has));
    // Another vendor's query is not ours; mixed with our own keys, neither can be trusted.
    if (!(found.length ? only : keys).some(has)) return null;
    if (length !== undefined) return invalid(provider, 'QUERY_TOO_LONG', {}, String(length));
    if (found.length) {
      const message = __DEV__ ? oneVendorAmbiguity([provider, ...found], provider) : referenceMessage('AMBIGUOUS_PROVIDER');
      return { provider, status: 'invalid', code: 'AMBIGUOUS_PROVIDER', message, extra: extraOf(params, [...keys, ...foreign]) };
    }
    const extra = extraOf(params, keys);
    for (const key of keys) {
      if ((params.get(key)?.length ?? 0) > 1) return invalid(provider, 'DUPLICATE_PARAMETER', extra, key);
    }
    return rules((key) => value(params, key), extra);
  } catch {
    // A hostile object (throwing getter, revoked proxy) is not a payment result.
    return null;
  }
}

// A one-vendor parser cannot be told the page's provider, so the fix is on the shop's side.
function oneVendorAmbiguity(found: readonly Provider[], provider: Provider): string {
  const others = found.filter((other) => other !== provider).join(', ');
  // Passed by reference, so tree shaking cannot drop it: the prose sits behind __DEV__ here too.
  return __DEV__
    ? `${provider}의 결과 파라미터와 함께 다른 결제사(${others})의 결과 파라미터가 들어 있어 어느 값도 믿을 수 없습니다. ` +
      `돌아올 주소에 다른 결제사의 파라미터 이름(paymentKey, paymentId, imp_uid 등)을 직접 넣지 마세요. ${RESTART.ko} ` +
      `The query has result parameters of another provider (${others}) besides ${provider}'s, so none can be trusted; ` +
      `don't put another provider's parameter names (paymentKey, paymentId, imp_uid, …) in your own return address. ${RESTART.en}`
    : '';
}

/**
 * The rules every vendor shares, in order: the length limit, keys of several vendors (`found`), a
 * vendor key given twice or under both spellings; then `rules` reads the rest.
 */
export function checkVendorQuery(
  { params, length }: Collected,
  provider: Provider,
  found: readonly Provider[],
  rules: VendorRules,
  ambiguity: AmbiguityMessage,
): ParsedRedirect | null {
  if (length !== undefined) {
    return invalid(provider, 'QUERY_TOO_LONG', {}, String(length));
  }
  if (found.length > 1) {
    const message = __DEV__ ? ambiguity(found, provider) : referenceMessage('AMBIGUOUS_PROVIDER');
    return { provider, status: 'invalid', code: 'AMBIGUOUS_PROVIDER', message, extra: extraOf(params, found.flatMap((vendor) => [...VENDOR_KEYS[vendor]])) };
  }
  const extra = extraOf(params, [...VENDOR_KEYS[provider]]);
  for (const key of VENDOR_KEYS[provider]) {
    if ((params.get(key)?.length ?? 0) > 1) return invalid(provider, 'DUPLICATE_PARAMETER', extra, key);
  }
  for (const [a, b] of ALIASES) {
    if (VENDOR_KEYS[provider].has(a) && params.has(a) && params.has(b)) {
      return invalid(provider, 'DUPLICATE_PARAMETER', extra, `${a} / ${b}`);
    }
  }
  return rules((key) => value(params, key), extra);
}

/**
 * Vendors whose distinguishing keys are present, in the order of `PROVIDERS`. With none of those,
 * `code` plus `message` or `orderId`, or `orderId` plus `amount`, is Toss: its fail URL can lack
 * `orderId`, and only `paymentKey` and `paymentType` are its own.
 */
export function detect(params: Params): Provider[] {
  const found = PROVIDERS.filter((provider) => DISTINCT_KEYS[provider].some((key) => params.has(key)));
  if (found.length > 0) return found;
  const has = (key: string) => value(params, key) !== undefined;
  if ((has('code') && (has('message') || has('orderId'))) || (has('orderId') && has('amount'))) return ['toss'];
  return [];
}

/** Whether any key this vendor sends is present; with `provider` given, that is enough to read it. */
export function hasVendorKey(params: Params, provider: Provider): boolean {
  return [...VENDOR_KEYS[provider]].some((key) => params.has(key));
}

function value(params: Params, key: string): string | undefined {
  const first = params.get(key)?.[0];
  return first === '' || first === 'null' || first === 'undefined' ? undefined : first;
}

/**
 * Returns the ids when every present one looks like an id, or the `INVALID_ID` result. The keys of
 * `ids` are the query parameters the values came from, so the message names the one to look at.
 */
export function checkIds<T extends Record<string, string | undefined>>(
  provider: Provider,
  extra: Record<string, string>,
  ids: T,
): T | ParsedRedirect {
  for (const [key, id] of Object.entries(ids)) {
    if (id !== undefined && !SAFE_ID.test(id)) return invalid(provider, 'INVALID_ID', extra, key);
  }
  return ids;
}

/** The first value of each parameter that is none of `vendorKeys`: the shop's own. */
function extraOf(params: Params, vendorKeys: readonly string[]): Record<string, string> {
  // fromEntries defines each key, so a `__proto__` parameter becomes a plain own key, not the prototype.
  return Object.fromEntries(
    [...params].filter(([key, values]) => !vendorKeys.includes(key) && values[0] !== undefined).map(([key, values]) => [key, values[0] as string]),
  );
}
