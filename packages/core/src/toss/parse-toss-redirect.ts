import { compact, invalid, type ParsedRedirect } from '../redirect/parsed-redirect.js';
import {
  checkIds,
  IAMPORT_ONLY_KEYS,
  PORTONE_ONLY_KEYS,
  type Read,
  readOneVendor,
  type RedirectInput,
  TOSS_ONLY_KEYS,
} from '../redirect/redirect-query.js';

/** The parameters Toss appends to `successUrl` / `failUrl`; anything else is the shop's (`extra`). */
const TOSS_KEYS = [...TOSS_ONLY_KEYS, 'orderId', 'amount', 'code', 'message'];
import { TOSS_CANCEL_CODES } from './toss-result.js';

/**
 * Reads a Toss Payments redirect (`successUrl` / `failUrl`), and nothing else: the parser of
 * `@kcheckout/react/toss`, which bundles no other vendor's rules. It returns what
 * `parseRedirect(input, { provider: 'toss' })` returns, except for a query with keys only PortOne or
 * iamport sends (`paymentId`, `txId`, `imp_uid`, …): `null`, or `invalid` / `AMBIGUOUS_PROVIDER` when
 * Toss's own `paymentKey` / `paymentType` are there too. A shop parameter of such a name on a Toss
 * page is refused too: rename it.
 *
 * - `code` or `message` means failure; `PAY_PROCESS_CANCELED` and `USER_CANCEL` are `cancel`.
 * - Success needs `paymentKey`, `orderId` and an `amount` of digits only (no sign, exponent or
 *   leading zero, at most `Number.MAX_SAFE_INTEGER`).
 * - The shared rules of `parseRedirect` hold too: at most `MAX_REDIRECT_QUERY_LENGTH` characters,
 *   each Toss key at most once, ids without path or markup characters, no ids or amount in an
 *   `invalid` result, and it never throws.
 *
 * @example
 * const result = parseTossRedirect(location.search);
 * if (result?.status === 'success') await fetch('/api/confirm', { method: 'POST', body: JSON.stringify(result) });
 */
export function parseTossRedirect(input: RedirectInput | null | undefined): ParsedRedirect | null {
  return readOneVendor(input, 'toss', TOSS_KEYS, TOSS_ONLY_KEYS, { portone: PORTONE_ONLY_KEYS, iamport: IAMPORT_ONLY_KEYS }, readTossRedirect);
}

/** Toss's rules, for a query that passed the shared checks (redirect-query.ts). */
export function readTossRedirect(read: Read, extra: Record<string, string>): ParsedRedirect {
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

/** Digits only, no leading zero, within the safe-integer range. */
function parseAmount(raw: string): number | undefined {
  if (!/^[1-9][0-9]{0,15}$/.test(raw)) return undefined;
  const amount = Number(raw);
  return Number.isSafeInteger(amount) ? amount : undefined;
}
