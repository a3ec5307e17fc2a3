import type { Provider } from '../errors.js';
import { readIamportRedirect } from '../iamport/parse-iamport-redirect.js';
import { readPortOneRedirect } from '../portone/parse-portone-redirect.js';
import { readTossRedirect } from '../toss/parse-toss-redirect.js';
import type { ParsedRedirect } from './parsed-redirect.js';
import { collect } from './query-input.js';
import { allVendorKeys, checkVendorQuery, detect, hasVendorKey, PROVIDERS, type RedirectInput, type VendorRules } from './redirect-query.js';

// The parser for pages that may serve any vendor: it detects the vendor and hands the query to that
// vendor's rules. A page of one vendor can use that vendor's parser instead (parseTossRedirect, …),
// which leaves the other vendors' rules out of its bundle.

export { MAX_REDIRECT_QUERY_LENGTH, invalidMessage } from './parsed-redirect.js';
export type { ParsedRedirect, RedirectInvalidCode, RedirectStatus } from './parsed-redirect.js';
export type { RedirectInput } from './redirect-query.js';

export interface ParseRedirectOptions {
  /**
   * The vendor this page is the return address of. It overrides detection, and other vendors'
   * parameters then count as your own (`extra`). Pass it whenever a page serves one vendor, or
   * call that vendor's parser (`parseTossRedirect`, …), which refuses other vendors' keys instead.
   */
  provider?: Provider;
}

// Detection cannot choose between two vendors; the page can, with `provider`.
function ambiguity(found: readonly Provider[]): string {
  const detail = found.join(', ');
  // Passed by reference, so tree shaking cannot drop it: the prose sits behind __DEV__ here too.
  return __DEV__
    ? `여러 결제사(${detail})의 결과 파라미터가 함께 들어 있습니다. parseRedirect(search, { provider: 'toss' })처럼 ` +
      `이 페이지의 결제사를 넘겨주세요. The query has result parameters of several providers (${detail}): pass this ` +
      `page's provider, as in parseRedirect(search, { provider: 'toss' }).`
    : '';
}

const RULES: Record<Provider, VendorRules> = {
  toss: readTossRedirect,
  portone: readPortOneRedirect,
  iamport: readIamportRedirect,
};

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
    const collected = collect(input, allVendorKeys());
    if (!collected) return null;
    // With a provider given, any of its keys makes a result; others' keys are the shop's own.
    const found = forced ? [forced] : detect(collected.params);
    const provider = forced ? (hasVendorKey(collected.params, forced) ? forced : undefined) : found[0];
    if (!provider) return null;
    return checkVendorQuery(collected, provider, found, RULES[provider], ambiguity);
  } catch {
    // A hostile object (throwing getter, revoked proxy) is not a payment result.
    return null;
  }
}
