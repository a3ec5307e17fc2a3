import { isPortOneCancel } from './portone-validation.js';

// The payment rules (isPortOneCancel), plus "사용자가 본인인증을 취소…": how PortOne words a
// cancelled verification is undocumented (sandbox README, assumptions), so the message is a hint
// that only decides whether the page shows an error; a verification still needs the server's lookup.
const IDENTITY_CANCEL = /(사용자|고객|구매자)[가이]?\s*본인\s*인증을?\s*취소/;

/** Whether a failed verification is the buyer closing the window. */
export function isIdentityVerificationCancel(failure: { code?: unknown; message?: unknown; pgCode?: unknown; pgMessage?: unknown }): boolean {
  const { code, message, pgCode, pgMessage } = failure;
  if (isPortOneCancel({ code, message, pgCode }) || isPortOneCancel({ message: pgMessage })) return true;
  return [message, pgMessage].some((text) => typeof text === 'string' && IDENTITY_CANCEL.test(text));
}
