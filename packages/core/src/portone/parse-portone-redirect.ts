import { isPortOneCancel } from './portone-cancel.js';
import { compact, invalid, type ParsedRedirect } from '../redirect/parsed-redirect.js';
import { checkIds, parseVendorRedirect, type Read, type RedirectInput } from '../redirect/redirect-query.js';

/**
 * Reads a PortOne V2 redirect (`redirectUrl`), and nothing else: the parser of
 * `@kcheckout/react/portone`, which bundles no other vendor's rules. It returns what
 * `parseRedirect(input, { provider: 'portone' })` returns, except for a query `parseRedirect(input)`
 * reads as another vendor's: keys only Toss or iamport sends (`paymentKey`, `imp_uid`, …), or, with
 * no vendor's own keys, Toss's failure shape (`code` with `message` or `orderId`). That is `null`, or
 * `invalid` / `AMBIGUOUS_PROVIDER` when PortOne's own `paymentId`, `txId`, `billingKey`, … are
 * there too (PortOne always sends `paymentId` or `billingKey`).
 *
 * - `code`, `message`, `pgCode` or `pgMessage` means failure, `cancel` when `isPortOneCancel` says
 *   the buyer cancelled.
 * - Success needs `paymentId` (or the older `payment_id`; both at once are refused), or `billingKey`
 *   for `transactionType=ISSUE_BILLING_KEY`. An identity-verification redirect is not a payment: `null`.
 * - The shared rules of `parseRedirect` hold too: at most `MAX_REDIRECT_QUERY_LENGTH` characters,
 *   each PortOne key at most once, ids without path or markup characters, no ids in an `invalid`
 *   result, and it never throws.
 */
export function parsePortOneRedirect(input: RedirectInput | null | undefined): ParsedRedirect | null {
  return parseVendorRedirect(input, 'portone', readPortOneRedirect);
}

/** PortOne V2's rules, for a query that passed the shared checks (redirect-query.ts). */
export function readPortOneRedirect(read: Read, extra: Record<string, string>): ParsedRedirect | null {
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
