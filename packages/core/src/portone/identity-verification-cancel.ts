import { isPortOneCancel } from './portone-cancel.js';

// The payment rules (isPortOneCancel), plus "…본인인증을 취소…": how PortOne words a cancelled
// verification is undocumented (sandbox README, assumptions), so the message is a hint that only
// decides whether the page shows an error; a verification still needs the server's lookup.
export const IDENTITY_CANCEL = /본인\s*인증을?\s*취소/;

/** Whether a PortOne failure is the person closing the window: a payment's cancel rules, or an identity verification's. */
export function isIdentityVerificationCancel(failure: { code?: unknown; message?: unknown; pgCode?: unknown; pgMessage?: unknown }): boolean {
  return isPortOneCancel(failure) || isPortOneCancel({ message: failure.pgMessage }) || IDENTITY_CANCEL.test(`${failure.message} ${failure.pgMessage}`);
}
