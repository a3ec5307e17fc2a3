/** The vendor SDK generations kcheckout drives. */
export type SdkId = 'toss-v2' | 'toss-v1' | 'portone-v2' | 'iamport-v1';

export interface SdkScript {
  src: string;
  globalName: string;
}

// One constant per vendor, so a bundle that drives one vendor carries no other vendor's URL.

const TOSS_V2_SCRIPT = { src: 'https://js.tosspayments.com/v2/standard', globalName: 'TossPayments' } as const;
const TOSS_V1_SCRIPT = { src: 'https://js.tosspayments.com/v1/payment-widget', globalName: 'PaymentWidget' } as const;

/** Toss Payments: SDK v2 (`TossPayments`) and the v1 payment widget (`PaymentWidget`). */
export const TOSS_SCRIPTS = { 'toss-v2': TOSS_V2_SCRIPT, 'toss-v1': TOSS_V1_SCRIPT } as const satisfies Record<
  Extract<SdkId, `toss-${string}`>,
  SdkScript
>;

/** PortOne's V2 browser SDK. */
export const PORTONE_V2_SCRIPT = { src: 'https://cdn.portone.io/v2/browser-sdk.js', globalName: 'PortOne' } as const satisfies SdkScript;

/** PortOne V1, `iamport.js`. */
export const IAMPORT_V1_SCRIPT = { src: 'https://cdn.iamport.kr/v1/iamport.js', globalName: 'IMP' } as const satisfies SdkScript;

/**
 * Where each vendor serves its browser SDK, and the global the script installs. Built from plain
 * identifiers, not a spread, so a bundler can drop the table when nothing reads it.
 */
export const SDK_SCRIPTS = {
  'toss-v2': TOSS_V2_SCRIPT,
  'toss-v1': TOSS_V1_SCRIPT,
  'portone-v2': PORTONE_V2_SCRIPT,
  'iamport-v1': IAMPORT_V1_SCRIPT,
} as const satisfies Record<SdkId, SdkScript>;
