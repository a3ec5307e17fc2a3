import { isPortOneCancel } from '../portone/portone-cancel.js';
import { compact, invalid, type ParsedRedirect } from '../redirect/parsed-redirect.js';
import { checkIds, parseVendorRedirect, type Read, type RedirectInput } from '../redirect/redirect-query.js';

/**
 * Reads an iamport V1 redirect (`m_redirect_url`), and nothing else: the parser of
 * `@kcheckout/react/iamport`, which bundles no other vendor's rules. It returns what
 * `parseRedirect(input, { provider: 'iamport' })` returns, except for a query `parseRedirect(input)`
 * reads as another vendor's: keys only Toss or PortOne V2 sends (`paymentKey`, `paymentId`, …), or,
 * with no vendor's own keys, Toss's failure shape (`code` with `message`). That is `null`, or
 * `invalid` / `AMBIGUOUS_PROVIDER` when iamport's own `imp_uid`, `merchant_uid`, … are there too.
 *
 * - `error_code` or `error_msg` means failure whatever `imp_success` / `success` say; those flags
 *   are ignored (the docs deprecate them, and they can be `false` for a paid payment).
 * - Success needs `imp_uid` and `merchant_uid`.
 * - The shared rules of `parseRedirect` hold too: at most `MAX_REDIRECT_QUERY_LENGTH` characters,
 *   each iamport key at most once, ids without path or markup characters, no ids in an `invalid`
 *   result, and it never throws.
 */
export function parseIamportRedirect(input: RedirectInput | null | undefined): ParsedRedirect | null {
  return parseVendorRedirect(input, 'iamport', readIamportRedirect);
}

/** iamport V1's rules, for a query that passed the shared checks (redirect-query.ts). */
export function readIamportRedirect(read: Read, extra: Record<string, string>): ParsedRedirect {
  const ids = checkIds('iamport', extra, { imp_uid: read('imp_uid'), merchant_uid: read('merchant_uid') });
  if ('status' in ids) return ids;
  const code = read('error_code');
  const message = read('error_msg');
  const common = { provider: 'iamport' as const, orderId: ids.merchant_uid, impUid: ids.imp_uid, extra };
  if (code !== undefined || message !== undefined) {
    return compact({ ...common, status: isPortOneCancel({ code, message }) ? 'cancel' : 'fail', code, message });
  }
  if (ids.imp_uid === undefined) return invalid('iamport', 'MISSING_IMP_UID', extra);
  if (ids.merchant_uid === undefined) return invalid('iamport', 'MISSING_ORDER_ID', extra, 'merchant_uid');
  return compact({ ...common, status: 'success' });
}
