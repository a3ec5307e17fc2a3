/**
 * V2 pay methods (`PaymentPayMethod` in @portone/browser-sdk 0.1.x) with the label the sandbox
 * window shows. Anything else is refused, as the SDK's server-side request parsing would.
 */
export const PAY_METHODS: Readonly<Record<string, string>> = {
  CARD: '신용·체크카드',
  VIRTUAL_ACCOUNT: '가상계좌',
  TRANSFER: '계좌이체',
  MOBILE: '휴대폰 소액결제',
  GIFT_CERTIFICATE: '상품권',
  EASY_PAY: '간편결제',
  PAYPAL: '페이팔',
  ALIPAY: '알리페이',
  CONVENIENCE_STORE: '편의점 결제',
  ALIPAY_PLUS: '알리페이플러스',
};

/** `BillingKeyMethod`: what a billing key can be issued with. */
export const BILLING_KEY_METHODS: Readonly<Record<string, string>> = {
  CARD: '신용·체크카드',
  MOBILE: '휴대폰',
  EASY_PAY: '간편결제',
  PAYPAL: '페이팔',
};

/** Korean names of the Korean easy-pay providers; the other `EasyPayProvider` values show as their code. */
const PROVIDER_LABELS: Readonly<Record<string, string>> = {
  NAVERPAY: '네이버페이',
  KAKAOPAY: '카카오페이',
  TOSSPAY: '토스페이',
  PAYCO: '페이코',
  CHAI: '차이',
  LPAY: '엘페이',
  KPAY: '케이페이',
  SSGPAY: 'SSG페이',
  SAMSUNGPAY: '삼성페이',
  APPLEPAY: '애플페이',
  GOOGLE_PAY: '구글페이',
  LGPAY: 'LG페이',
  SKPAY: 'SK페이',
  PINPAY: '핀페이',
  TOSS_BRANDPAY: '토스 브랜드페이',
};

// `EasyPayProvider` in @portone/browser-sdk 0.1.11, minus the Korean ones above.
const OTHER_PROVIDERS = [
  'HYPHEN', 'LINEPAY', 'TMONEY', 'PAYPAY', 'AMAZONPAY', 'RAKUTENPAY', 'DBARAI', 'AUPAY', 'MERPAY', 'ALIPAY',
  'ALIPAY_HK', 'TRUE_MONEY', 'TOUCH_N_GO', 'GCASH', 'DANA', 'RABBIT_LINE_PAY', 'BPI', 'BOOST', 'BILL_EASE',
  'TINABA', 'MPAY', 'KREDIVO', 'WECHAT', 'PAYPAL',
];

/**
 * The provider code without the 0.0.x `EASY_PAY_PROVIDER_` prefix (both spellings are valid
 * types in 0.1.x), or null if it is not a provider.
 */
export function readEasyPayProvider(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const code = value.startsWith('EASY_PAY_PROVIDER_') ? value.slice('EASY_PAY_PROVIDER_'.length) : value;
  return code in PROVIDER_LABELS || OTHER_PROVIDERS.includes(code) ? code : null;
}

/** What the window shows as the method: the provider for an easy pay (카카오페이), else the method. */
export function methodLabel(methods: Readonly<Record<string, string>>, method: string, provider?: string): string {
  if (provider) return PROVIDER_LABELS[provider] ?? provider;
  return methods[method] ?? method;
}
