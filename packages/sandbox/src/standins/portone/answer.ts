import type { SandboxOutcome } from '../../types.js';

/**
 * How PortOne V2 reports a window that did not succeed: the promise resolves (it does not reject)
 * with `code` / `message`, and `pgCode` / `pgMessage` when the PG gave them (developers.portone.io).
 *
 * - Cancel: `FAILURE_TYPE_PG` with "사용자가 결제를 취소하였습니다.". Community code reports user
 *   cancels under FAILURE_TYPE_PG, and the message is the one in a copy of the CDN bundle. The
 *   alternative `USER_CANCEL` is seen less and unverified (README, "Unverified points").
 * - Decline: `FAILURE_TYPE_PG` with a PG code and message, as a card company refusal arrives.
 */
export interface PortOneFailure {
  code: string;
  message: string;
  pgCode?: string;
  pgMessage?: string;
}

export const PORTONE_FAILURES: Readonly<Record<Exclude<SandboxOutcome, 'approve'>, PortOneFailure>> = {
  decline: {
    code: 'FAILURE_TYPE_PG',
    message: '[SANDBOX_DECLINED] 카드사에서 승인을 거절했습니다.',
    pgCode: 'SANDBOX_DECLINED',
    pgMessage: '카드사에서 승인을 거절했습니다.',
  },
  cancel: {
    code: 'FAILURE_TYPE_PG',
    message: '사용자가 결제를 취소하였습니다.',
  },
};
