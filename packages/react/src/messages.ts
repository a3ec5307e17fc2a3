import type { Currency, PortOneEasyPayProvider, PortOneMethodType } from '@kcheckout/core';

export type Locale = 'ko' | 'en';

/** Every string the components render. Korean by default; `locale="en"` on <Checkout> switches. */
export const messages = {
  ko: {
    loadingMethods: '결제수단을 불러오는 중…',
    loadingAgreement: '약관을 불러오는 중…',
    errorTitle: '결제를 준비하지 못했습니다.',
    retry: '다시 시도',
    pay: (amount: string) => `${amount} 결제하기`,
    paying: '결제 진행 중…',
    invalidOrder: '주문 정보가 올바르지 않아 결제할 수 없습니다.',
    loadingSdk: '결제 모듈을 불러오는 중…',
    methodLegend: '결제수단',
    agreeToPay: '주문 내용을 확인했으며, 결제에 동의합니다. (필수)',
    issueBillingKey: '결제수단 등록하기',
    issuing: '등록 진행 중…',
  },
  en: {
    loadingMethods: 'Loading payment methods…',
    loadingAgreement: 'Loading terms…',
    errorTitle: 'The checkout could not be prepared.',
    retry: 'Try again',
    pay: (amount: string) => `Pay ${amount}`,
    paying: 'Processing payment…',
    invalidOrder: 'This order cannot be paid: its details are invalid.',
    loadingSdk: 'Loading the payment module…',
    methodLegend: 'Payment method',
    agreeToPay: 'I have checked the order and agree to pay. (required)',
    issueBillingKey: 'Register a payment method',
    issuing: 'Registering…',
  },
} satisfies Record<Locale, Record<string, string | ((value: string) => string)>>;

/** The names buyers know each method by, for PortOne's and iamport's method picker. */
export const methodLabels: Record<Locale, Record<PortOneMethodType | PortOneEasyPayProvider, string>> = {
  ko: {
    card: '신용·체크카드',
    easyPay: '간편결제',
    transfer: '계좌이체',
    virtualAccount: '가상계좌',
    mobile: '휴대폰',
    KAKAOPAY: '카카오페이',
    NAVERPAY: '네이버페이',
    TOSSPAY: '토스페이',
    PAYCO: '페이코',
    SAMSUNGPAY: '삼성페이',
    APPLEPAY: '애플페이',
    SSGPAY: 'SSG페이',
    LPAY: 'L.PAY',
    KPAY: 'KPAY',
    SKPAY: 'SK pay',
    PINPAY: '핀페이',
    TOSS_BRANDPAY: '토스 브랜드페이',
  },
  en: {
    card: 'Credit or debit card',
    easyPay: 'Easy pay',
    transfer: 'Bank transfer',
    virtualAccount: 'Virtual account',
    mobile: 'Mobile phone',
    KAKAOPAY: 'KakaoPay',
    NAVERPAY: 'Naver Pay',
    TOSSPAY: 'Toss Pay',
    PAYCO: 'PAYCO',
    SAMSUNGPAY: 'Samsung Pay',
    APPLEPAY: 'Apple Pay',
    SSGPAY: 'SSGPAY',
    LPAY: 'L.PAY',
    KPAY: 'KPAY',
    SKPAY: 'SK pay',
    PINPAY: 'PINPAY',
    TOSS_BRANDPAY: 'Toss Brandpay',
  },
};

/** `50,000원` in Korean, `₩50,000` in English; USD as `$12.50` in both. */
export function formatAmount(amount: number, currency: Currency, locale: Locale): string {
  if (!Number.isFinite(amount)) return '';
  if (currency === 'KRW' && locale === 'ko') return `${amount.toLocaleString('ko-KR')}원`;
  return new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { style: 'currency', currency }).format(amount);
}
