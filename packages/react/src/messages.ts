import type { Currency } from '@kcheckout/core';

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
  },
  en: {
    loadingMethods: 'Loading payment methods…',
    loadingAgreement: 'Loading terms…',
    errorTitle: 'The checkout could not be prepared.',
    retry: 'Try again',
    pay: (amount: string) => `Pay ${amount}`,
    paying: 'Processing payment…',
    invalidOrder: 'This order cannot be paid: its details are invalid.',
  },
} satisfies Record<Locale, Record<string, string | ((value: string) => string)>>;

/** `50,000원` in Korean, `₩50,000` in English; USD as `$12.50` in both. */
export function formatAmount(amount: number, currency: Currency, locale: Locale): string {
  if (!Number.isFinite(amount)) return '';
  if (currency === 'KRW' && locale === 'ko') return `${amount.toLocaleString('ko-KR')}원`;
  return new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { style: 'currency', currency }).format(amount);
}
