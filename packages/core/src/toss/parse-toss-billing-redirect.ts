import { compact, invalid, type ParsedRedirect } from '../redirect/parsed-redirect.js';
import { checkIds, IAMPORT_ONLY_KEYS, PORTONE_ONLY_KEYS, type Read, readOneVendor, type RedirectInput } from '../redirect/redirect-query.js';
import { TOSS_CANCEL_CODES } from './toss-result.js';

/** What Toss appends to a billing `successUrl` / `failUrl` (BaseBillingAuthRequest JSDoc); anything else is the shop's. */
const BILLING_KEYS = ['authKey', 'customerKey', 'code', 'message'];
const BILLING_ONLY_KEYS = ['authKey'];

/**
 * Reads the redirect of Toss billing (`payment().requestBillingAuth`): `authKey` and `customerKey`
 * on success, `code` and `message` on failure. A parser of its own, so payment result pages carry
 * none of it; `<BillingAuthResult>` in `@kcheckout/react/toss` uses it.
 *
 * - Success needs both `authKey` and `customerKey` (`MISSING_AUTH_KEY`, `MISSING_CUSTOMER_KEY`),
 *   each a plain id. Send both to your server, which issues the billing key (`issueTossBillingKey`)
 *   for the customer it knows is signed in, not merely the one the query names.
 * - The shared rules hold: each key at most once, a bounded query, other vendors' keys refused, and
 *   it never throws.
 *
 * @example
 * const result = parseTossBillingRedirect(location.search);
 * if (result?.status === 'success') await fetch('/api/billing/issue', { method: 'POST', body: JSON.stringify(result) });
 */
export function parseTossBillingRedirect(input: RedirectInput | null | undefined): ParsedRedirect | null {
  return readOneVendor(input, 'toss', BILLING_KEYS, BILLING_ONLY_KEYS, { portone: PORTONE_ONLY_KEYS, iamport: IAMPORT_ONLY_KEYS }, readBillingRedirect);
}

function readBillingRedirect(read: Read, extra: Record<string, string>): ParsedRedirect {
  const code = read('code');
  const message = read('message');
  if (code !== undefined || message !== undefined) {
    return compact({ provider: 'toss', status: code !== undefined && TOSS_CANCEL_CODES.has(code) ? 'cancel' : 'fail', code, message, extra });
  }
  const ids = checkIds('toss', extra, { authKey: read('authKey'), customerKey: read('customerKey') });
  if ('status' in ids) return ids;
  if (ids.authKey === undefined) return invalid('toss', 'MISSING_AUTH_KEY', extra);
  if (ids.customerKey === undefined) return invalid('toss', 'MISSING_CUSTOMER_KEY', extra);
  return { provider: 'toss', status: 'success', authKey: ids.authKey, customerKey: ids.customerKey, extra };
}
