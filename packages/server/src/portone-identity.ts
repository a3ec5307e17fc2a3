import { GetIdentityVerificationError, IdentityVerificationClient, type IdentityVerification } from '@portone/server-sdk/identityVerification';
import { DEFAULT_TIMEOUT_MS, requireSecret, timedOut, unavailable } from './http.js';
import { requireVendorId } from './refunds.js';
import type { VendorErrorResult, VendorFailure } from './results.js';

export type PortOneIdentityVerification = IdentityVerification;

/**
 * The person PortOne verified (`verifiedCustomer`, @portone/server-sdk
 * `IdentityVerificationVerifiedCustomer`). Which fields arrive depends on the channel's contract:
 * `ci` and `di` only where the PG's contract includes them, so check before relying on one.
 */
export interface VerifiedCustomer {
  name: string;
  /** Digits only, e.g. `01012345678`. */
  phoneNumber?: string;
  /** `YYYY-MM-DD`. */
  birthDate?: string;
  gender?: string;
  isForeigner?: boolean;
  /** The carrier (`SKT`, `KT`, `LGU`, `SKT_MVNO`, …). */
  operator?: string;
  /** 연계정보: the same for one person across every service. Keep it on the server; never send it to a browser. */
  ci?: string;
  /** 중복가입확인정보: the same for one person within one site. */
  di?: string;
}

/**
 * `verifyPortOneIdentity`'s answer, told apart by `status`; it never throws for what PortOne answers.
 * - `verified`: `VERIFIED`, for this id, this store and (in live mode) a live channel;
 * - `not-verified`: PortOne holds it, but it is `READY` (the window never finished) or `FAILED`;
 * - `mismatch`: another id, another store, or a test channel in live mode: never trust the person;
 * - `vendor-error` / `unavailable`: as for payments (`retryable` says whether to try again).
 */
export type VerifyPortOneIdentityResult =
  | { status: 'verified'; customer: VerifiedCustomer; verifiedAt: string; verification: PortOneIdentityVerification }
  | { status: 'not-verified'; vendorStatus: string; reason?: string; verification: PortOneIdentityVerification }
  | { status: 'mismatch'; field: 'identityVerificationId' | 'storeId' | 'channel'; expected: string; actual: unknown; verification: PortOneIdentityVerification }
  | VendorFailure;

export interface VerifyPortOneIdentityOptions {
  /** The V2 API secret (`Authorization: PortOne <apiSecret>`). Server only. */
  apiSecret: string;
  /** The id the browser passed to `requestIdentityVerification` (from its result or the redirect query). */
  identityVerificationId: string;
  /** Checked against the verification's store when the answer carries it, and sent with the lookup (sub-stores). */
  storeId?: string;
  /**
   * `'live'` (the default) refuses a verification made on a test channel (`channel.type === 'TEST'`),
   * as `verifyPortOnePayment` does: a test channel verifies nobody. `'test'` for the sandbox.
   */
  mode?: 'live' | 'test';
  /** Default `https://api.portone.io`; the sandbox's REST stand-ins for tests. */
  baseUrl?: string;
  /** Default 10 000; stops the waiting, not the SDK's request (it takes no AbortSignal). */
  timeoutMs?: number;
}

// GetIdentityVerificationError's documented types (@portone/server-sdk `identityVerification/client`).
const REASONS: Record<string, VendorErrorResult['reason']> = {
  UNAUTHORIZED: 'auth',
  FORBIDDEN: 'auth',
  IDENTITY_VERIFICATION_NOT_FOUND: 'not-found',
  INVALID_REQUEST: 'rejected',
};
const HTTP_STATUS: Record<string, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403, IDENTITY_VERIFICATION_NOT_FOUND: 404, INVALID_REQUEST: 400 };

/**
 * Looks a PortOne V2 identity verification (본인인증) up (`GET /identity-verifications/{id}`,
 * through @portone/server-sdk) and accepts only `VERIFIED`, returning the verified person. The
 * browser's result and the redirect query only say a window finished; this lookup is the proof.
 * A lookup changes nothing at PortOne, so it is safe to repeat.
 *
 * ```ts
 * const result = await verifyPortOneIdentity({ apiSecret: process.env.PORTONE_API_SECRET!, identityVerificationId });
 * if (result.status === 'verified') await users.markAdult(session.userId, result.customer.ci);
 * ```
 */
export async function verifyPortOneIdentity(options: VerifyPortOneIdentityOptions): Promise<VerifyPortOneIdentityResult> {
  const identityVerificationId = requireVendorId(options.identityVerificationId, 'identityVerificationId', 'portone');
  const client = IdentityVerificationClient({
    secret: requireSecret(options.apiSecret, 'apiSecret', 'portone'),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.storeId ? { storeId: options.storeId } : {}),
  });
  const call = client.getIdentityVerification({ identityVerificationId, ...(options.storeId ? { storeId: options.storeId } : {}) });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    const answer = await Promise.race([call, timeout]);
    if (answer === 'timeout') {
      // The call goes on; its late outcome must not become an unhandled rejection.
      call.catch(() => {});
      return timedOut('PortOne', timeoutMs);
    }
    return checkPortOneIdentity(answer, { ...options, identityVerificationId });
  } catch (error) {
    return identityFailure(error);
  } finally {
    clearTimeout(timer);
  }
}

/** The checks of `verifyPortOneIdentity` on a verification already fetched (e.g. after a webhook). */
export function checkPortOneIdentity(
  verification: PortOneIdentityVerification,
  options: Pick<VerifyPortOneIdentityOptions, 'identityVerificationId' | 'storeId' | 'mode'>,
): VerifyPortOneIdentityResult {
  if (!('id' in verification) || verification.status !== 'VERIFIED') {
    const reason = 'failure' in verification ? verification.failure.reason : undefined;
    return { status: 'not-verified', vendorStatus: String(verification.status), ...(reason ? { reason } : {}), verification };
  }
  if (verification.id !== options.identityVerificationId) {
    return { status: 'mismatch', field: 'identityVerificationId', expected: options.identityVerificationId, actual: verification.id, verification };
  }
  // The object names its store only through an optional field some answers carry.
  const storeId = (verification as { storeId?: unknown }).storeId;
  if (options.storeId !== undefined && storeId !== undefined && storeId !== options.storeId) {
    return { status: 'mismatch', field: 'storeId', expected: options.storeId, actual: storeId, verification };
  }
  if ((options.mode ?? 'live') === 'live' && verification.channel?.type !== 'LIVE') {
    return { status: 'mismatch', field: 'channel', expected: 'LIVE', actual: verification.channel?.type, verification };
  }
  const { id: _id, ...customer } = verification.verifiedCustomer;
  return { status: 'verified', customer, verifiedAt: verification.verifiedAt, verification };
}

function identityFailure(error: unknown): VendorFailure {
  if (error instanceof GetIdentityVerificationError) {
    const type = String(error.data.type);
    const reason = REASONS[type] ?? 'server';
    return { status: 'vendor-error', httpStatus: HTTP_STATUS[type] ?? 0, code: type, message: error.message || type, reason, retryable: reason === 'server' };
  }
  if (error instanceof SyntaxError) return unavailable('VENDOR_BAD_RESPONSE', 'PortOne answered with a body that is not JSON; the outcome is unknown, retry.');
  return unavailable('VENDOR_UNREACHABLE', `PortOne could not be reached (${error instanceof Error ? error.message : String(error)}); retry.`);
}
