import type { Currency, PortOneEasyPayProvider, PortOneMethodType } from '@kcheckout/core';

/**
 * Every string the components render, and how they write an amount, in three parts: what both
 * routes show (`SharedMessages`), what the checkout shows (`CheckoutMessages`, for <Checkout>) and
 * what the result page shows (`RedirectMessages`, for <RedirectResult>). Each route's default is its
 * own Korean half (`koCheckout`, `koRedirect`), so the checkout page carries none of the result
 * page's sentences and the other way round. `ko` and `en` hold both halves and work on either route:
 * `messages={en}`, or your own table, e.g. `{ ...ko, pay: (amount) => `${amount} 주문하기` }`. Only the
 * tables you import are bundled, so a Korean shop ships no English.
 */
export interface SharedMessages {
  /** `50,000원`, `₩50,000`, `$12.50`: the amount as the button and the result page show it. */
  amount: (value: number, currency: Currency) => string;
  /**
   * What a buyer reads when something fails, by error code: a `CheckoutError`'s `code`, or for a
   * `CONFIRM_FAILED` the code your server answered (`vendorCode`, e.g. `PAYMENT_REFUNDED`). Add your
   * own server's codes here. `ko` and `en` carry only the codes whose sentence differs from
   * `errorFallback`: each one ships in every production bundle. The developer's diagnosis goes to the
   * console, in development builds only.
   */
  errors: Partial<Record<string, string>>;
  /** For a code `errors` has no sentence for. */
  errorFallback: string;
  retry: string;
}

/** The checkout route's strings: <Checkout messages>. */
export interface CheckoutMessages extends SharedMessages {
  loadingMethods: string;
  loadingAgreement: string;
  errorTitle: string;
  pay: (amount: string) => string;
  paying: string;
  invalidOrder: string;
  loadingSdk: string;
  methodLegend: string;
  agreeToPay: string;
  issueBillingKey: string;
  issuing: string;
  /** Labels for PortOne's and iamport's method picker; the Korean names are the fallback. */
  methods?: Partial<Record<PortOneMethodType | PortOneEasyPayProvider, string>>;
}

/** The result route's strings: <RedirectResult messages>. */
export interface RedirectMessages extends SharedMessages {
  redirectIdleTitle: string;
  redirectIdleBody: string;
  redirectPendingTitle: string;
  redirectConfirmingTitle: string;
  redirectConfirmingBody: string;
  redirectInterruptedTitle: string;
  redirectInterruptedBody: string;
  redirectCheckAgain: string;
  redirectSuccessTitle: string;
  redirectBillingKeyTitle: string;
  redirectFailTitle: string;
  redirectConfirmFailTitle: string;
  redirectCancelTitle: string;
  redirectCancelBody: string;
  redirectInvalidTitle: string;
  redirectInvalidBody: string;
  redirectAmountMismatch: string;
  redirectOrderId: string;
  redirectAmount: string;
  redirectCode: string;
}

/** Both routes' strings: the type of `ko` and `en`. */
export interface Messages extends CheckoutMessages, RedirectMessages {}

// Object.assign, not a spread: bundlers drop an unused /* @__PURE__ */ call, but keep an object spread
// (it may run getters), which would put each route's strings in the other's bundle.
const koShared: SharedMessages = {
  amount: (value, currency) =>
    currency === 'KRW' ? `${value.toLocaleString('ko-KR')}원` : new Intl.NumberFormat('ko-KR', { style: 'currency', currency }).format(value),
  errors: {
    NEED_AGREEMENT_WITH_REQUIRED_TERMS: '필수 약관에 동의해 주세요.',
    PAYMENT_REFUNDED: '결제가 확인되지 않아 자동으로 환불(취소)되었습니다.',
  },
  errorFallback: '다시 시도하거나 상점에 문의해 주세요.',
  retry: '다시 시도',
};

/** Korean for the checkout route (<Checkout> and its parts): the default there. */
export const koCheckout: CheckoutMessages = /* @__PURE__ */ Object.assign(
  {
    loadingMethods: '결제수단을 불러오는 중…',
    loadingAgreement: '약관을 불러오는 중…',
    errorTitle: '결제를 준비하지 못했습니다.',
    pay: (amount: string) => `${amount} 결제하기`,
    paying: '결제 진행 중…',
    invalidOrder: '주문 정보가 올바르지 않아 결제할 수 없습니다.',
    loadingSdk: '결제 모듈을 불러오는 중…',
    methodLegend: '결제수단',
    agreeToPay: '주문 내용을 확인했으며, 결제에 동의합니다. (필수)',
    issueBillingKey: '결제수단 등록하기',
    issuing: '등록 진행 중…',
  },
  koShared,
);

/** Korean for the result route (<RedirectResult>): the default there. */
export const koRedirect: RedirectMessages = /* @__PURE__ */ Object.assign(
  {
    redirectIdleTitle: '결제 결과가 없습니다.',
    redirectIdleBody: '결제를 마치면 이 페이지로 돌아옵니다. 주문 페이지에서 결제를 진행해 주세요.',
    redirectPendingTitle: '결제 결과를 확인하는 중…',
    redirectConfirmingTitle: '결제를 승인하는 중…',
    redirectConfirmingBody: '잠시만 기다려 주세요. 이 페이지를 닫지 마세요.',
    redirectInterruptedTitle: '결제 승인 확인이 중단되었습니다.',
    redirectInterruptedBody: '이전 요청의 결과를 받지 못했습니다. 결제가 완료되었는지 다시 확인해 주세요.',
    redirectCheckAgain: '결제 다시 확인하기',
    redirectSuccessTitle: '결제가 완료되었습니다.',
    redirectBillingKeyTitle: '결제수단이 등록되었습니다.',
    redirectFailTitle: '결제에 실패했습니다.',
    redirectConfirmFailTitle: '결제 승인을 완료하지 못했습니다.',
    redirectCancelTitle: '결제가 취소되었습니다.',
    redirectCancelBody: '결제하려면 주문 페이지에서 다시 시도해 주세요.',
    redirectInvalidTitle: '결제 결과를 확인할 수 없습니다.',
    redirectInvalidBody: '결제 결과 주소가 올바르지 않아 결제를 승인하지 않았습니다. 주문 페이지에서 다시 결제해 주세요.',
    redirectAmountMismatch: '결제 금액이 주문 금액과 달라 결제를 승인하지 않았습니다. 주문 페이지에서 다시 결제해 주세요.',
    redirectOrderId: '주문번호',
    redirectAmount: '결제 금액',
    redirectCode: '오류 코드',
  },
  koShared,
);

/**
 * Both Korean tables in one, for `messages={ko}` and `{ ...ko, … }` on either route. Each route's
 * default is its own half (`koCheckout`, `koRedirect`), so a page that never names `ko` ships only that half.
 */
export const ko: Messages = /* @__PURE__ */ Object.assign({}, koCheckout, koRedirect);

/** The amount as `text` writes it; empty for a non-number, which the checkout reports as INVALID_AMOUNT. */
export function formatAmount(amount: number, currency: Currency, text: SharedMessages): string {
  return Number.isFinite(amount) ? text.amount(amount, currency) : '';
}

/**
 * `<PayPalButtons messages>`: PayPal draws its own buttons, so only the states around them need
 * words. A separate table, so checkout pages without PayPal carry none of it.
 */
export interface PayPalMessages {
  loading: string;
  errorTitle: string;
  /** By `CheckoutError.code` (or the vendor's code); `errorFallback` for the rest. */
  errors: Partial<Record<string, string>>;
  errorFallback: string;
  retry: string;
  success: string;
  fail: string;
  cancel: string;
}

/** Korean for `<PayPalButtons>`: the default. */
export const koPayPal: PayPalMessages = {
  loading: 'PayPal 버튼을 불러오는 중…',
  errorTitle: 'PayPal 결제를 준비하지 못했습니다.',
  errors: {
    INVALID_AMOUNT: '이 주문 금액은 PayPal로 결제할 수 없습니다.',
    UI_CONTAINER_CONFLICT: '이 페이지에서는 PayPal 결제를 준비할 수 없습니다. 상점에 문의해 주세요.',
  },
  errorFallback: '다시 시도하거나 상점에 문의해 주세요.',
  retry: '다시 시도',
  success: 'PayPal 결제가 승인되었습니다. 주문을 확인하는 중입니다.',
  fail: 'PayPal 결제에 실패했습니다. 다시 시도해 주세요.',
  cancel: 'PayPal 결제를 취소했습니다.',
};

/** `<IdentityVerificationButton messages>`: PortOne identity verification (본인인증). */
export interface IdentityVerificationMessages extends SharedMessages {
  verifyIdentity: string;
  verifyingIdentity: string;
  /** Next to the button after the window finished (your server still looks the verification up). */
  identityVerified: string;
  /** Next to the button when its props cannot work (a bad id or customer field). */
  identityInvalid: string;
}

/** Korean for `<IdentityVerificationButton>`: its default, bundled only where the button is. */
export const koIdentity: IdentityVerificationMessages = /* @__PURE__ */ Object.assign(
  {
    verifyIdentity: '본인인증하기',
    verifyingIdentity: '본인인증 진행 중…',
    identityVerified: '본인인증을 마쳤습니다.',
    identityInvalid: '본인인증 정보가 올바르지 않아 진행할 수 없습니다.',
  },
  koShared,
);

/**
 * Korean for `<IdentityVerificationResult>`, its default: the result page's table in the words of an
 * identity verification (no payment, no order number). A table of its own, so the payment result
 * pages keep `koRedirect` as it is and carry none of these sentences.
 */
export const koIdentityResult: RedirectMessages = /* @__PURE__ */ Object.assign({}, koRedirect, {
  redirectIdleTitle: '본인인증 결과가 없습니다.',
  redirectIdleBody: '본인인증을 마치면 이 페이지로 돌아옵니다. 처음 페이지에서 본인인증을 진행해 주세요.',
  redirectPendingTitle: '본인인증 결과를 확인하는 중…',
  redirectConfirmingTitle: '본인인증 결과를 확인하는 중…',
  redirectInterruptedTitle: '본인인증 확인이 중단되었습니다.',
  redirectInterruptedBody: '이전 요청의 결과를 받지 못했습니다. 본인인증이 완료되었는지 다시 확인해 주세요.',
  redirectCheckAgain: '본인인증 다시 확인하기',
  redirectSuccessTitle: '본인인증이 완료되었습니다.',
  redirectFailTitle: '본인인증에 실패했습니다.',
  redirectConfirmFailTitle: '본인인증 결과를 확인하지 못했습니다.',
  redirectCancelTitle: '본인인증이 취소되었습니다.',
  redirectCancelBody: '본인인증을 하려면 처음 페이지에서 다시 시도해 주세요.',
  redirectInvalidTitle: '본인인증 결과를 확인할 수 없습니다.',
  redirectInvalidBody: '본인인증 결과 주소가 올바르지 않아 확인하지 않았습니다. 처음 페이지에서 다시 진행해 주세요.',
});

/**
 * `<BillingKeyAndPayButton messages>`: the button that registers a phone for automatic payments and
 * pays the first charge in one window. A separate table, so pages without it carry none of it.
 */
export interface BillingKeyAndPayMessages {
  /** The button: "9,900원 결제하고 자동결제 등록". */
  pay: (value: number, currency: Currency) => string;
  pending: string;
  loading: string;
  errorTitle: string;
  /** By `CheckoutError.code` (or the vendor's code); `errorFallback` for the rest. */
  errors: Partial<Record<string, string>>;
  errorFallback: string;
  /** Next to the button when its own order props are invalid. */
  invalidOrder: string;
  retry: string;
  success: string;
  fail: string;
  cancel: string;
}

/** Korean for `<BillingKeyAndPayButton>`: the default. */
export const koBillingKeyAndPay: BillingKeyAndPayMessages = {
  pay: (value, currency) =>
    `${currency === 'KRW' ? `${value.toLocaleString('ko-KR')}원` : new Intl.NumberFormat('ko-KR', { style: 'currency', currency }).format(value)} 결제하고 자동결제 등록`,
  pending: '결제 진행 중…',
  loading: '결제 준비 중…',
  errorTitle: '결제를 준비하지 못했습니다.',
  errors: {
    SCRIPT_LOAD_FAILED: '결제 모듈을 불러오지 못했습니다. 네트워크를 확인하고 다시 시도해 주세요.',
    SCRIPT_TIMEOUT: '결제 모듈 응답이 늦습니다. 다시 시도해 주세요.',
  },
  errorFallback: '다시 시도하거나 상점에 문의해 주세요.',
  invalidOrder: '주문 정보가 올바르지 않아 결제할 수 없습니다. 상점에 문의해 주세요.',
  retry: '다시 시도',
  success: '첫 결제가 승인되고 자동결제가 등록되었습니다. 주문을 확인하는 중입니다.',
  fail: '결제에 실패했습니다. 다시 시도해 주세요.',
  cancel: '결제를 취소했습니다.',
};

/**
 * Korean for the Toss billing result route (`<BillingAuthResult>`, `@kcheckout/react/toss`): the
 * result table with the registration's own words. Its default there; a payment page never names it.
 */
export const koBillingAuth: RedirectMessages = /* @__PURE__ */ Object.assign({}, koRedirect, {
  redirectIdleTitle: '결제수단 등록 결과가 없습니다.',
  redirectPendingTitle: '결제수단 등록 결과를 확인하는 중…',
  redirectConfirmingTitle: '결제수단을 등록하는 중…',
  redirectInterruptedTitle: '결제수단 등록 확인이 중단되었습니다.',
  redirectInterruptedBody: '이전 요청의 결과를 받지 못했습니다. 결제수단이 등록되었는지 다시 확인해 주세요.',
  redirectCheckAgain: '등록 다시 확인하기',
  redirectSuccessTitle: '결제수단이 등록되었습니다.',
  redirectFailTitle: '결제수단을 등록하지 못했습니다.',
  redirectConfirmFailTitle: '결제수단 등록을 완료하지 못했습니다.',
  redirectCancelTitle: '결제수단 등록이 취소되었습니다.',
  redirectCancelBody: '등록하려면 다시 시도해 주세요.',
  redirectInvalidTitle: '결제수단 등록 결과를 확인할 수 없습니다.',
  redirectInvalidBody: '등록 결과 주소가 올바르지 않아 결제수단을 등록하지 않았습니다. 다시 등록해 주세요.',
});
