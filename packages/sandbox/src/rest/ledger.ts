import type { SandboxIamportPayment, SandboxPortOnePayment, SandboxTossPayment } from '../types.js';

/** The REST stand-ins' shared state: every payment the windows answered or a test seeded. */
export interface Ledger {
  /** Toss payments by `paymentKey`; `confirmedAt` is set by the first successful confirm. */
  toss: Map<string, { payment: SandboxTossPayment; confirmedAt?: number }>;
  /** PortOne V2 payments by `paymentId`. */
  portone: Map<string, { payment: SandboxPortOnePayment; channelType: 'TEST' | 'LIVE' }>;
  /** V1 payments by `imp_uid`. */
  iamport: Map<string, { payment: SandboxIamportPayment }>;
  /** V1 access tokens and when they expire (Unix seconds). */
  tokens: Map<string, number>;
}

export interface RouteContext {
  ledger: Ledger;
  now: () => number;
  tokenTtlSeconds: number;
}

export function createLedger(): Ledger {
  return { toss: new Map(), portone: new Map(), iamport: new Map(), tokens: new Map() };
}
