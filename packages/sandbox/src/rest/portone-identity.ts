import { sandboxClientKeys } from '../client-keys.js';
import type { SandboxIdentityVerification } from '../types.js';
import { randomToken, randomUuid } from '../standins/shared/random.js';
import { decodeSegment, json } from './http.js';
import type { RouteContext } from './ledger.js';
import { portOneError } from './portone.js';
import { sandboxSecrets } from './secrets.js';

/** What `api.recordIdentityVerification` takes: everything but the id and the status has a default. */
export type SandboxIdentityVerificationSeed = Pick<SandboxIdentityVerification, 'identityVerificationId'> &
  Partial<Omit<SandboxIdentityVerification, 'customer'>> & { customer?: Partial<SandboxIdentityVerification['customer']>; channelType?: 'TEST' | 'LIVE' };

/** Fills a seed's defaults: a verified adult with a phone number, CI and DI, answered now. */
export function completeIdentityVerification(seed: SandboxIdentityVerificationSeed, now: number): SandboxIdentityVerification {
  const { channelType: _channelType, customer, ...rest } = seed;
  return {
    identityVerificationTxId: randomUuid(),
    storeId: sandboxClientKeys.portone.storeId,
    channelKey: sandboxClientKeys.portone.channelKey,
    status: 'verified',
    answeredAt: now,
    ...rest,
    customer: {
      name: '홍길동',
      phoneNumber: '01000000000',
      birthDate: '1990-01-01',
      gender: 'MALE',
      isForeigner: false,
      operator: 'SKT',
      ci: randomToken('', 86) + '==',
      di: randomToken('', 64),
      ...customer,
    },
  };
}

/**
 * `GET /identity-verifications/{identityVerificationId}` with `Authorization: PortOne <secret>`
 * (research/portone.md §4.1; @portone/server-sdk `IdentityVerificationClient.getIdentityVerification`):
 * the `IdentityVerification` object, `VERIFIED` with `verifiedCustomer`, or `FAILED` with `failure`.
 * Errors in PortOne's `{ type, message }` shape: 401 `UNAUTHORIZED`, 403 `FORBIDDEN` (another
 * store), 404 `IDENTITY_VERIFICATION_NOT_FOUND`.
 */
export async function portOneIdentityRoute(request: Request, path: string, url: URL, ctx: RouteContext): Promise<Response | undefined> {
  if (!path.startsWith('/identity-verifications/')) return undefined;
  const auth = request.headers.get('authorization') ?? '';
  const secret = /^PortOne\s+(.+)$/.exec(auth.trim())?.[1];
  if (secret !== sandboxSecrets.portone.apiSecret) {
    return portOneError(401, 'UNAUTHORIZED', secret ? '인증 정보가 올바르지 않습니다. (Unknown API secret.)' : '인증 정보가 없습니다. (Send Authorization: PortOne <API secret>.)');
  }
  const match = /^\/identity-verifications\/([^/]+)$/.exec(path);
  if (!match) return portOneError(404, 'NOT_FOUND', `The kcheckout sandbox has no PortOne API ${request.method} ${path}.`);
  if (request.method !== 'GET') return portOneError(405, 'INVALID_REQUEST', 'Only GET is supported here.');
  const id = decodeSegment(match[1]!);
  if (id === undefined) return portOneError(400, 'INVALID_REQUEST', 'Malformed %-encoding in the path.');
  const entry = ctx.ledger.identity.get(id);
  if (!entry) return portOneError(404, 'IDENTITY_VERIFICATION_NOT_FOUND', '요청된 본인인증 건이 존재하지 않습니다.');
  const storeId = url.searchParams.get('storeId');
  if (storeId !== null && storeId !== entry.verification.storeId) return portOneError(403, 'FORBIDDEN', '요청된 상점에 접근할 수 없습니다.');
  return json(200, identityVerificationObject(entry.verification, entry.channelType));
}

/** The `IdentityVerification` object, shaped as @portone/server-sdk's Verified / Failed types. */
export function identityVerificationObject(verification: SandboxIdentityVerification, channelType: 'TEST' | 'LIVE'): Record<string, unknown> {
  const at = new Date(verification.answeredAt).toISOString();
  const { customer } = verification;
  const common = {
    id: verification.identityVerificationId,
    channel: { type: channelType, id: 'channel-id-sandbox', key: verification.channelKey, name: 'kcheckout 샌드박스 본인인증 채널', pgProvider: 'DANAL', pgMerchantId: 'kcheckoutsbx' },
    ...(verification.customData !== undefined ? { customData: verification.customData } : {}),
    requestedAt: at,
    updatedAt: at,
    statusChangedAt: at,
    version: 'V2',
  };
  if (verification.status !== 'verified') {
    return {
      status: 'FAILED',
      ...common,
      requestedCustomer: { name: customer.name, phoneNumber: customer.phoneNumber },
      failure: verification.status === 'canceled' ? { reason: '사용자가 본인인증을 취소하였습니다.' } : { reason: '본인인증에 실패했습니다.', pgCode: 'SANDBOX_IDENTITY_FAILED', pgMessage: '본인인증에 실패했습니다.' },
    };
  }
  return {
    status: 'VERIFIED',
    ...common,
    verifiedCustomer: { ...customer },
    verifiedAt: at,
    pgTxId: `sbx-${verification.identityVerificationTxId}`,
    pgRawResponse: '{}',
  };
}
