// How a PortOne V2 or V1 (iamport) failure reads as the buyer cancelling rather than a payment failing.

/**
 * Vendor codes that mean the buyer closed or cancelled the window. `USER_CANCEL` is PortOne's;
 * `PAY_PROCESS_CANCELED` is what a Toss Payments channel passes through.
 */
export const PORTONE_CANCEL_CODES: ReadonlySet<string> = new Set(['USER_CANCEL', 'PAY_PROCESS_CANCELED']);

// PortOne reports a buyer's cancel under generic codes (`FAILURE_TYPE_PG`, `PG_PROVIDER_ERROR`)
// with a message such as "사용자가 결제를 취소하였습니다." or V1's "[결제포기] …". None of this is
// documented (it is what public integrations and the CDN script itself show), so the message is read as a
// hint: a misread only changes whether the page shows an error, never whether an order is paid.
const CANCEL_MESSAGE = /결제\s*포기|(사용자|고객|구매자)[가이]?\s*(결제를?\s*)?취소|user\s*cancel|cancell?ed\s+by\s+(the\s+)?(user|buyer|customer)/i;

/** Whether a PortOne or iamport failure is the buyer cancelling rather than a payment failing. */
export function isPortOneCancel(failure: { code?: unknown; message?: unknown; pgCode?: unknown }): boolean {
  for (const code of [failure.code, failure.pgCode]) {
    if (typeof code === 'string' && PORTONE_CANCEL_CODES.has(code)) return true;
  }
  return typeof failure.message === 'string' && CANCEL_MESSAGE.test(failure.message);
}
