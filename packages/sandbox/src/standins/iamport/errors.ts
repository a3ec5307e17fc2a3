/**
 * V1 failures reach the callback (or the m_redirect_url query) as `error_code` / `error_msg`;
 * `request_pay` never throws for them. iamport.js's codes are not documented, so all of these are
 * the sandbox's choice (README, "Unverified points"): the window outcomes share one generic code,
 * `F400`, and a cancel is told apart by the "[결제포기]" message, which is what integrations match.
 */
export const IAMPORT_ERRORS = {
  NOT_READY: 'IMP.init()으로 가맹점 식별코드를 먼저 설정해주세요.',
  INVALID_USER_CODE: '가맹점 식별코드가 올바르지 않습니다.',
  INVALID_PARAMETER: '결제 요청 파라미터가 올바르지 않습니다.',
  PAYMENT_IN_PROGRESS: '이미 진행 중인 결제가 있습니다.',
  ALREADY_PAID: '이미 결제가 완료된 주문번호입니다.',
} as const;

export type IamportErrorCode = keyof typeof IAMPORT_ERRORS;

export interface IamportFailure {
  error_code: string;
  error_msg: string;
}

/** A setup failure: the code and its Korean message, then the sandbox's English hint. */
export function iamportFailure(code: IamportErrorCode, hint: string, korean: string = IAMPORT_ERRORS[code]): IamportFailure {
  return { error_code: code, error_msg: `${korean} (${hint})` };
}

export const WINDOW_FAILURES = {
  decline: { error_code: 'F400', error_msg: '[카드사 승인 거절] 카드사에서 승인을 거절했습니다.' },
  cancel: { error_code: 'F400', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' },
} as const satisfies Record<string, IamportFailure>;
