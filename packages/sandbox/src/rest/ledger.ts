import type { SandboxIamportPayment, SandboxIdentityVerification, SandboxPortOnePayment, SandboxTossBillingAuth, SandboxTossPayment } from '../types.js';

/** One refund, in the order the vendor made them. */
export interface LedgerCancel {
  amount: number;
  reason: string;
  /** ms. */
  at: number;
  /** The vendor's id for the refund (Toss `transactionKey`, V2 cancellation `id`, V1 `pg_tid`). */
  id: string;
}

/** What every entry may gain after the window: refunds, and the buyer's deposit into a virtual account. */
interface EntryState {
  cancels?: LedgerCancel[];
  /** ms; set by `api.deposit`, for a virtual account only. */
  depositedAt?: number;
}

/** The REST stand-ins' shared state: every payment the windows answered or a test seeded. */
export interface Ledger {
  /**
   * Toss payments by `paymentKey`; `confirmedAt` is set by the first successful confirm. `secret` is
   * the virtual account's deposit-callback secret, made at confirm.
   */
  toss: Map<string, { payment: SandboxTossPayment; confirmedAt?: number; secret?: string; billing?: boolean } & EntryState>;
  /** Toss billing authorisations (`requestBillingAuth`'s `authKey`), until a billing key is issued from them. */
  tossBillingAuths: Map<string, SandboxTossBillingAuth & { usedAt?: number }>;
  /** Toss billing keys by `billingKey`, with the customer and method they were issued for. */
  tossBillingKeys: Map<string, { customerKey: string; method: 'CARD' | 'TRANSFER'; issuedAt: number }>;
  /** PortOne V2 payments by `paymentId`. */
  portone: Map<string, { payment: SandboxPortOnePayment; channelType: 'TEST' | 'LIVE' } & EntryState>;
  /** PortOne V2 identity verifications (본인인증) by `identityVerificationId`. */
  identity: Map<string, { verification: SandboxIdentityVerification; channelType: 'TEST' | 'LIVE' }>;
  /** V1 payments by `imp_uid`. */
  iamport: Map<string, { payment: SandboxIamportPayment } & EntryState>;
  /** V1 access tokens and when they expire (Unix seconds). */
  tokens: Map<string, number>;
  /** Toss `Idempotency-Key` answers by secret key and idempotency key, with when they were first given (ms). */
  idempotency: Map<string, { status: number; body: string; at: number }>;
}

export interface RouteContext {
  ledger: Ledger;
  now: () => number;
  tokenTtlSeconds: number;
}

export function createLedger(): Ledger {
  return { toss: new Map(), tossBillingAuths: new Map(), tossBillingKeys: new Map(), portone: new Map(), identity: new Map(), iamport: new Map(), tokens: new Map(), idempotency: new Map() };
}

/** The sum of an entry's refunds. */
export function cancelledTotal(entry: EntryState): number {
  return (entry.cancels ?? []).reduce((sum, cancel) => sum + cancel.amount, 0);
}
