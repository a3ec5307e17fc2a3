/**
 * Types shared by the public entry (`index.ts`) and the stand-in scripts. Types only: the stand-ins
 * are bundled into separate scripts, and the entry must never pull their code in.
 */

/** The vendor browser SDKs the sandbox stands in for. */
export type SandboxSdk = 'toss-v1' | 'toss-v2';

/** How the sandbox payment window answers: the buyer approves, the card company declines, or the buyer cancels. */
export type SandboxOutcome = 'approve' | 'decline' | 'cancel';

/** One vendor call, recorded before the stand-in validates it (so refused calls are logged too). */
export interface SandboxLogEntry {
  sdk: SandboxSdk;
  /** The vendor's method name, e.g. `renderPaymentMethods` or `paymentMethodsWidget.on`. */
  method: string;
  /** The arguments exactly as passed (references, not copies). */
  args: unknown[];
}

/** A payment window the sandbox has answered. A REST stand-in confirms payments against this list. */
export interface SandboxPayment {
  sdk: SandboxSdk;
  paymentKey: string;
  orderId: string;
  orderName: string;
  amount: number;
  currency: string;
  /** The vendor's method code the buyer had selected (`CARD`, `TOSSPAY`, …). */
  method: string;
  status: 'approved' | 'declined' | 'canceled';
  /** `Date.now()` when the window was answered, for session-expiry checks. */
  answeredAt: number;
}

/**
 * `window.kcheckoutSandbox`: created by whichever stand-in script loads first and shared by all of
 * them, so tests and stories can steer the sandbox and see what the library asked of the vendor.
 */
export interface SandboxControl {
  /** Every vendor call, in order. */
  log: SandboxLogEntry[];
  /** When set, the next payment window answers by itself (after one macrotask), then this is cleared. */
  nextOutcome?: SandboxOutcome;
  /** How long asynchronous vendor operations take (render, setAmount, the v1 `ready` event). Default 20. */
  latencyMs: number;
  /** Where redirect mode sends the buyer. Default `(url) => window.location.assign(url)`; replace it to capture the URL. */
  navigate: (url: string) => void;
  /** Every payment window answered, in order. */
  payments: SandboxPayment[];
  /**
   * For tests: clears `log`, `payments` and `nextOutcome`, and frees the page's one payment-methods
   * UI and one agreement UI. Keeps `latencyMs` and `navigate`, which are settings, not state.
   */
  reset(): void;
}
