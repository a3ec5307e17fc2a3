import type { SandboxIdentityVerification } from '../../types.js';
import { control, recordIdentityVerification } from '../shared/control.js';
import { openPaymentWindow } from '../shared/payment-window.js';
import { randomToken, randomUuid } from '../shared/random.js';
import { withQuery } from '../shared/redirect.js';
import { portOneError } from './errors.js';
import { type Fail, readIds, readObject, redirectTarget, requireText } from './request.js';

const TYPE = 'IDENTITY_VERIFICATION';

/** A checked `requestIdentityVerification` argument, reduced to what the window and its answer need. */
export interface IdentityWindowRequest {
  storeId: string;
  channelKey: string;
  identityVerificationId: string;
  customer: Record<string, string>;
  customData?: string;
  redirectUrl: string | null;
}

const CUSTOMER_FIELDS = ['customerId', 'fullName', 'firstName', 'lastName', 'phoneNumber', 'email', 'birthYear', 'birthMonth', 'birthDay'];

/**
 * The checks `PortOne.requestIdentityVerification` makes before a window opens, from
 * `IdentityVerificationRequest` in @portone/browser-sdk 0.1.x: `storeId` and
 * `identityVerificationId` required, a `channelKey` (the type has no `channelGroupId`),
 * `customData` typed as a string, `customer` an object of strings, and the redirect rules payments
 * follow. A re-request of a verified id is refused (its JSDoc: "이미 본인인증이 완료된
 * identityVerificationId로 다시 본인인증을 시도하는 경우 실패합니다").
 */
export function readIdentityVerificationRequest(request: unknown): IdentityWindowRequest {
  const fields = readObject(TYPE, request, 'requestIdentityVerification({ storeId, identityVerificationId, channelKey, … })');
  const id = typeof fields.identityVerificationId === 'string' ? fields.identityVerificationId : undefined;
  const fail: Fail = (field, korean, hint) => portOneError(TYPE, 'InvalidArgument', korean.replace('%s', field), hint, id);
  const ids = readIds(TYPE, fields, id);
  if (ids.channelKey === undefined) {
    throw fail('channelKey', '%s는 필수 입력값입니다.', 'pass the channelKey (channel-key-…) of an identity-verification channel from the PortOne console');
  }
  requireText(fail, fields, 'identityVerificationId', 'a fresh id per attempt, e.g. identity-verification-<uuid>');
  const { customData, customer } = fields;
  if (customData !== undefined && customData !== null && typeof customData !== 'string') {
    throw fail('customData', '%s는 문자열이어야 합니다.', 'IdentityVerificationRequest.customData is a string: JSON.stringify an object first');
  }
  const person: Record<string, string> = {};
  if (customer !== undefined && customer !== null) {
    if (typeof customer !== 'object') throw fail('customer', '%s 값이 올바르지 않습니다.', 'customer is an object: { fullName?, phoneNumber?, birthYear?, … }');
    for (const key of CUSTOMER_FIELDS) {
      const value = (customer as Record<string, unknown>)[key];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') throw fail(`customer.${key}`, '%s 값이 올바르지 않습니다.', `customer.${key} must be a string`);
      person[key] = value;
    }
  }
  const verified = control().identityVerifications.some((done) => done.identityVerificationId === id && done.status === 'verified');
  if (verified) {
    throw portOneError(TYPE, 'IdentityVerificationAlreadyVerified', '이미 본인인증이 완료된 건입니다.', `identityVerificationId ${JSON.stringify(id)} was verified already: make a new id per attempt`, id);
  }
  return {
    storeId: ids.storeId,
    channelKey: ids.channelKey,
    identityVerificationId: fields.identityVerificationId as string,
    customer: person,
    ...(typeof customData === 'string' ? { customData } : {}),
    redirectUrl: redirectTarget(fail, fields),
  };
}

/** How a verification that did not finish answers (undocumented; README, assumptions). */
const FAILURES = {
  decline: { code: 'FAILURE_TYPE_PG', message: '[SANDBOX_IDENTITY_FAILED] 본인인증에 실패했습니다.', pgCode: 'SANDBOX_IDENTITY_FAILED', pgMessage: '본인인증에 실패했습니다.' },
  cancel: { code: 'FAILURE_TYPE_PG', message: '사용자가 본인인증을 취소하였습니다.' },
} as const;

/**
 * Opens the sandbox window for a checked request and answers as the SDK does: the promise resolves
 * `IdentityVerificationResponse` for every outcome; redirect mode navigates to `redirectUrl` with
 * the same fields in the query and never settles.
 */
export async function runIdentityWindow(request: IdentityWindowRequest, release: () => void): Promise<Record<string, string>> {
  const { customer } = request;
  const name = customer.fullName ?? ([customer.lastName, customer.firstName].filter(Boolean).join('') || '홍길동');
  const outcome = await openPaymentWindow({
    title: '포트원 샌드박스 본인인증',
    details: [
      ['이름', name],
      ['인증 번호', request.identityVerificationId],
    ],
  });
  const txId = randomUuid();
  const birth = [customer.birthYear ?? '1990', customer.birthMonth ?? '01', customer.birthDay ?? '01'];
  const record: SandboxIdentityVerification = {
    identityVerificationId: request.identityVerificationId,
    identityVerificationTxId: txId,
    storeId: request.storeId,
    channelKey: request.channelKey,
    status: outcome === 'approve' ? 'verified' : outcome === 'decline' ? 'failed' : 'canceled',
    customer: {
      name,
      phoneNumber: (customer.phoneNumber ?? '01000000000').replace(/\D/g, ''),
      birthDate: birth.join('-'),
      gender: 'MALE',
      isForeigner: false,
      operator: 'SKT',
      // 88-character base64 values, as CI is; DI is 64. Random: the sandbox verifies nobody.
      ci: randomToken('', 86) + '==',
      di: randomToken('', 64),
    },
    ...(request.customData !== undefined ? { customData: request.customData } : {}),
    answeredAt: Date.now(),
  };
  const sent = recordIdentityVerification(record);
  release();
  if (sent) await sent;

  const answer = { transactionType: TYPE, identityVerificationId: request.identityVerificationId, identityVerificationTxId: txId, ...(outcome === 'approve' ? {} : FAILURES[outcome]) };
  if (request.redirectUrl) {
    control().navigate(withQuery(request.redirectUrl, answer));
    return new Promise<never>(() => {});
  }
  return answer;
}
