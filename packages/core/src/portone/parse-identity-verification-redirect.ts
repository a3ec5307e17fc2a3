import { isIdentityVerificationCancel } from './identity-verification-cancel.js';
import { compact, invalid, type ParsedRedirect } from '../redirect/parsed-redirect.js';
import { checkIds, IAMPORT_ONLY_KEYS, readOneVendor, TOSS_ONLY_KEYS, type Read, type RedirectInput } from '../redirect/redirect-query.js';

// An identity verification (본인인증) is not a payment, so its redirect has a reader of its own:
// the payment readers (parsePortOneRedirect, parseRedirect) read it as `null`, and the result pages
// that never verify anyone carry none of this. The query mirrors IdentityVerificationResponse
// (PortOne's identity-verification guide: "the same as the browser-SDK response").
const KEYS = ['identityVerificationId', 'identityVerificationTxId', 'transactionType', 'code', 'message', 'pgCode', 'pgMessage'];
const ONLY = ['identityVerificationId', 'identityVerificationTxId'];
const OTHERS = { toss: TOSS_ONLY_KEYS, iamport: IAMPORT_ONLY_KEYS };

/**
 * Reads a PortOne V2 identity-verification redirect (`redirectUrl` of `requestIdentityVerification`),
 * and nothing else: the parser of `<IdentityVerificationResult>` and `useIdentityVerificationResult`.
 *
 * - `null` for a query with no identity verification in it: a payment's or billing key's result
 *   (`paymentId`, `billingKey`, another `transactionType`), another vendor's, a shop's own page.
 * - `code`, `message`, `pgCode` or `pgMessage` means failure, `cancel` when the person closed the
 *   window (`isIdentityVerificationCancel`).
 * - Success needs `identityVerificationId` (`invalid` / `MISSING_IDENTITY_VERIFICATION_ID`
 *   without it); it has no `orderId` and no amount. Your server looks the id up and trusts only
 *   `VERIFIED` (`verifyPortOneIdentity` in `@kcheckout/server`).
 * - The shared rules of `parseRedirect` hold too: at most `MAX_REDIRECT_QUERY_LENGTH` characters,
 *   each key at most once, ids without path or markup characters, Toss or iamport keys beside these
 *   `invalid` / `AMBIGUOUS_PROVIDER`, and it never throws.
 */
export function parseIdentityVerificationRedirect(input: RedirectInput | null | undefined): ParsedRedirect | null {
  return readOneVendor(input, 'portone', KEYS, ONLY, OTHERS, readIdentityVerificationRedirect);
}

function readIdentityVerificationRedirect(read: Read, extra: Record<string, string>): ParsedRedirect | null {
  const transactionType = read('transactionType');
  // A payment or billing-key result is the payment result page's to read, not this one's.
  if (read('paymentId') ?? read('payment_id') ?? read('billingKey')) return null;
  if (transactionType ? transactionType !== 'IDENTITY_VERIFICATION' : !read('identityVerificationId')) return null;
  const ids = checkIds('portone', extra, {
    identityVerificationId: read('identityVerificationId'),
    identityVerificationTxId: read('identityVerificationTxId'),
  });
  if ('status' in ids) return ids;
  const code = read('code');
  const message = read('message');
  const pgCode = read('pgCode');
  const pgMessage = read('pgMessage');
  // The ids' keys are ParsedRedirect's own field names, so they are spread as they are.
  const common = { provider: 'portone' as const, ...ids, transactionType, extra };
  if (code !== undefined || message !== undefined || pgCode !== undefined || pgMessage !== undefined) {
    const cancelled = isIdentityVerificationCancel({ code, message, pgCode, pgMessage });
    return compact({ ...common, status: cancelled ? 'cancel' : 'fail', code, message, pgCode, pgMessage });
  }
  if (ids.identityVerificationId === undefined) return invalid('portone', 'MISSING_IDENTITY_VERIFICATION_ID', extra);
  return compact({ ...common, status: 'success' });
}
