import { errorNameFor, vendorError, type VendorError } from '../shared/errors.js';

/**
 * Toss's client SDK error codes and their Korean messages (docs.tosspayments.com SDK error table,
 * research/toss.md §5). Where the vendor's wording is unknown the message is ours, in the same voice.
 * The English after the Korean is the sandbox's hint for the developer.
 */
const MESSAGES = {
  INVALID_CLIENT_KEY: '클라이언트 키가 올바르지 않습니다.',
  NOT_SUPPORTED_API_INDIVIDUAL_KEY: 'API 개별 연동 키는 결제위젯에서 사용할 수 없습니다. 결제위젯 연동 키를 사용해주세요.',
  INVALID_CUSTOMER_KEY: '고객키는 영문 대소문자, 숫자, 특수문자 -, _, =, ., @로 2자 이상 50자 이하여야 합니다.',
  INSECURE_KEY_USAGE: '시크릿 키를 customerKey로 사용할 수 없습니다.',
  PAYMENT_METHODS_WIDGET_ALREADY_RENDERED: '하나의 결제수단 위젯만을 사용할 수 있어요.',
  AGREEMENT_WIDGET_ALREADY_RENDERED: '하나의 약관 위젯만을 사용할 수 있어요.',
  INVALID_METHOD_TRANSACTION: '이미 다른 요청을 수행하고 있어요.',
  NOT_SETUP_AMOUNT: '결제금액이 설정되지 않았습니다. setAmount를 호출해주세요.',
  INVALID_AMOUNT_VALUE: '결제금액이 올바르지 않습니다.',
  INVALID_AMOUNT_CURRENCY: '지원하지 않는 통화입니다.',
  INVALID_VARIANT_KEY: '유효하지 않은 variantKey입니다.',
  INVALID_SELECTOR: 'selector에 해당하는 HTML 요소를 찾을 수 없습니다.',
  INVALID_PARAMETER: '허용하지 않는 이벤트입니다.',
  INVALID_PARAMETERS: '요청 파라미터가 올바르지 않습니다.',
  NEED_AGREEMENT_WITH_REQUIRED_TERMS: '필수 약관에 동의해주세요.',
  NOT_SELECTED_PAYMENT_METHOD: '결제수단이 선택되지 않았습니다.',
  INCORRECT_SUCCESS_URL_FORMAT: 'successUrl의 형식이 올바르지 않습니다.',
  INCORRECT_FAIL_URL_FORMAT: 'failUrl의 형식이 올바르지 않습니다.',
  NOT_SUPPORTED_PROMISE: 'Promise 방식을 지원하지 않습니다. successUrl, failUrl을 사용해주세요.',
  REJECT_CARD_COMPANY: '결제 승인이 거절되었습니다.',
  USER_CANCEL: '취소되었습니다.',
  PAY_PROCESS_CANCELED: '사용자에 의해 결제가 취소되었습니다.',
  UNKNOWN: '알 수 없는 에러가 발생했습니다.',
  // The payment window's own codes (research/toss.md §5); the wording is ours where unseen.
  NOT_SUPPORTED_WIDGET_KEY: '결제위젯 연동 키는 결제창에서 사용할 수 없습니다. API 개별 연동 키를 사용해주세요.',
  NOT_SUPPORTED_METHOD: '지원하지 않는 결제수단입니다.',
  PAYMENT_REQUEST_ABORTED: '결제 요청이 중단되었습니다.',
  INVALID_FLOW_MODE_PARAMETERS: 'flowMode가 DIRECT일 때는 cardCompany 또는 easyPay가 필요합니다.',
} as const;

export type TossErrorCode = keyof typeof MESSAGES;

// Names seen at runtime or in the .d.ts where they differ from the code spelled in PascalCase.
const NAMES: Partial<Record<TossErrorCode, string>> = {
  PAYMENT_METHODS_WIDGET_ALREADY_RENDERED: 'AlreadyWidgetRenderedError',
  AGREEMENT_WIDGET_ALREADY_RENDERED: 'AlreadyWidgetRenderedError',
  NOT_SUPPORTED_API_INDIVIDUAL_KEY: 'NotSupportedAPIIndividualKeyError',
  REJECT_CARD_COMPANY: 'PaymentRequestFailError',
  NOT_SUPPORTED_WIDGET_KEY: 'NotSupportedWidgetKeyError',
};

/** A Toss-shaped error: the vendor's code, name and Korean message, then `hint` in English if given. */
export function tossError(code: TossErrorCode, hint?: string, korean: string = MESSAGES[code]): VendorError {
  return vendorError(NAMES[code] ?? errorNameFor(code), code, hint ? `${korean} (${hint})` : korean);
}

/** The vendor's message for `code`, for redirect queries where only the text travels. */
export function tossMessage(code: TossErrorCode): string {
  return MESSAGES[code];
}
