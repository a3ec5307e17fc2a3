/** The vendor SDK generations kcheckout drives. */
export type SdkId = 'toss-v2' | 'toss-v1' | 'portone-v2' | 'iamport-v1';

/** Where each vendor serves its browser SDK, and the global the script installs. */
export const SDK_SCRIPTS = {
  'toss-v2': { src: 'https://js.tosspayments.com/v2/standard', globalName: 'TossPayments' },
  'toss-v1': { src: 'https://js.tosspayments.com/v1/payment-widget', globalName: 'PaymentWidget' },
  'portone-v2': { src: 'https://cdn.portone.io/v2/browser-sdk.js', globalName: 'PortOne' },
  'iamport-v1': { src: 'https://cdn.iamport.kr/v1/iamport.js', globalName: 'IMP' },
} as const satisfies Record<SdkId, { src: string; globalName: string }>;
