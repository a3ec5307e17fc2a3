/**
 * Types shared by the public entry (`index.ts`) and the stand-in scripts. Types only: the stand-ins
 * are bundled into separate scripts, and the entry must never pull their code in.
 */

/** The vendor browser SDKs the sandbox stands in for. */
export type SandboxSdk = 'toss-v1' | 'toss-v2' | 'portone-v2' | 'iamport-v1';

/**
 * The device the stand-ins act for. `mobile` is a phone or tablet: Toss refuses promise mode and
 * the in-page iframe there, PortOne V2 uses `windowType.mobile` and redirects, iamport follows
 * `m_redirect_url`.
 */
export type SandboxDevice = 'pc' | 'mobile';

/**
 * How the next declined or cancelled PortOne V2 or iamport window answers, instead of the
 * stand-in's own shape, so a library can be tested against each shape the vendors are seen to send.
 */
export interface SandboxFailureScript {
  /**
   * The failure's fields, replacing the stand-in's own: PortOne V2 `code`, `message`, `pgCode`,
   * `pgMessage`; iamport `error_code`, `error_msg`. A field left out is absent from the answer (and
   * from a redirect's query), as when a PG gives no `pgCode`.
   */
  fields: Record<string, string>;
  /** PortOne V2 billing-key issue: the failed answer still carries a `billingKey`, as PortOne's can. */
  withBillingKey?: boolean;
  /** iamport: the callback carries only `imp_uid`, `merchant_uid` and `fields`, as the newer PGs answer. */
  bare?: boolean;
}

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

/** What every answered payment window records, whichever vendor asked. */
interface SandboxPaymentBase {
  orderName: string;
  /** In the request's own unit: won for KRW, minor units for PortOne V2 in other currencies. */
  amount: number;
  currency: string;
  /** The vendor's method code the buyer paid with (`CARD`, `TOSSPAY`, `EASY_PAY`, `kakaopay`, …). */
  method: string;
  status: 'approved' | 'declined' | 'canceled';
  /** `Date.now()` when the window was answered, for session-expiry checks. */
  answeredAt: number;
}

/** A Toss payment, keyed by `paymentKey` (what `POST /v1/payments/confirm` takes). */
export interface SandboxTossPayment extends SandboxPaymentBase {
  sdk: 'toss-v1' | 'toss-v2';
  paymentKey: string;
  orderId: string;
  /**
   * The client key kind that opened the window: `api` for the payment window (`payment()`, confirmed
   * with the API secret key `…_sk_…`), `widget` for the widget (`…_gsk_…`). Unset: either confirms.
   */
  keyKind?: 'widget' | 'api';
}

/**
 * A Toss billing authorisation (`payment().requestBillingAuth`, 자동결제 등록) the buyer approved:
 * `POST /v1/billing/authorizations/issue` turns its `authKey` into a billing key, once, for the same
 * `customerKey`.
 */
export interface SandboxTossBillingAuth {
  sdk: 'toss-v2';
  authKey: string;
  customerKey: string;
  method: 'CARD' | 'TRANSFER';
  /** `Date.now()` when the window was answered. */
  answeredAt: number;
}

/**
 * A PortOne V2 window: a payment keyed by `paymentId` (what `GET /payments/{paymentId}` takes), or
 * a billing-key issue keyed by `billingKey` (set only when approved).
 */
export interface SandboxPortOnePayment extends SandboxPaymentBase {
  sdk: 'portone-v2';
  transactionType: 'PAYMENT' | 'ISSUE_BILLING_KEY'
    | 'ISSUE_BILLING_KEY_AND_PAY';
  /** The merchant's paymentId; for a billing-key issue, its `issueId` if one was given. */
  paymentId?: string;
  /** The transaction id the window answered with (payments only). */
  txId?: string;
  billingKey?: string;
  storeId: string;
  channelKey?: string;
  channelGroupId?: string;
  /** For EASY_PAY, the provider (`KAKAOPAY`, …) without the `EASY_PAY_PROVIDER_` prefix. */
  easyPayProvider?: string;
  /** The request's `customData`, as the REST API returns it: a JSON string. */
  customData?: string;
}

/** A V1 (iamport.js) payment, keyed by `imp_uid` (what `GET /payments/{imp_uid}` takes). */
export interface SandboxIamportPayment extends SandboxPaymentBase {
  sdk: 'iamport-v1';
  impUid: string;
  merchantUid: string;
  /** The 가맹점 식별코드 IMP.init was given. */
  impCode: string;
  pg?: string;
  channelKey?: string;
  /** The request's `custom_data`, as the REST API returns it: a JSON string. */
  customData?: string;
}

/**
 * A payment window the sandbox has answered, told apart by `sdk`. A REST stand-in confirms
 * payments against this list.
 */
export type SandboxPayment = SandboxTossPayment | SandboxPortOnePayment | SandboxIamportPayment;

/**
 * A PortOne V2 identity verification (본인인증) the sandbox window answered, keyed by
 * `identityVerificationId` (what `GET /identity-verifications/{id}` takes). The person is the
 * request's `customer` where it names one, else the sandbox's own; CI and DI are random per record.
 */
export interface SandboxIdentityVerification {
  identityVerificationId: string;
  identityVerificationTxId: string;
  storeId: string;
  channelKey: string;
  status: 'verified' | 'failed' | 'canceled';
  customer: {
    name: string;
    /** Digits only, as PortOne returns it. */
    phoneNumber: string;
    /** `YYYY-MM-DD`. */
    birthDate: string;
    gender: 'MALE' | 'FEMALE';
    isForeigner: boolean;
    /** `SKT`, `KT`, `LGU`, … (IdentityVerificationOperator). */
    operator: string;
    ci: string;
    di: string;
  };
  /** The request's `customData` string. */
  customData?: string;
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
  /** The language of the stand-in widgets' own labels (Toss's methods and terms). Default Korean. */
  locale?: 'ko' | 'en';
  /** Where redirect mode sends the buyer. Default `(url) => window.location.assign(url)`; replace it to capture the URL. */
  navigate: (url: string) => void;
  /** Every payment window answered, in order. */
  payments: SandboxPayment[];
  /** Every identity-verification window answered, in order (PortOne V2 `requestIdentityVerification`). */
  identityVerifications: SandboxIdentityVerification[];
  /** Every Toss billing authorisation approved (`requestBillingAuth`), in order. */
  billingAuths?: SandboxTossBillingAuth[];
  /**
   * The device every stand-in acts for. Unset (the default), it comes from the user agent as the
   * vendors decide it: a phone or tablet user agent is `mobile`, anything else `pc`, whatever the
   * window's width. Set it to state the device in a test or story without faking a user agent.
   * Kept by `reset()`, like the other settings.
   */
  device?: SandboxDevice;
  /**
   * Whether the Toss terms widget reports its status to each new listener once after render
   * (v2 `agreementStatusChange`, v1 `change`). Off by default: the SDK types document change events
   * only, and the vendor's own sample never subscribes. Turn it on to check a library copes when it does.
   */
  agreementEmitsAtRender?: boolean;
  /**
   * Whether the Toss terms widget renders with the required term already ticked, reporting nothing
   * (integrators report such a box). Off by default.
   */
  agreementStartsTicked?: boolean;
  /**
   * Variant keys the pretend console knows besides `DEFAULT` and `AGREEMENT`; a render with any
   * other `variantKey` gets `INVALID_VARIANT_KEY`, as from the vendor. Kept by `reset()`.
   */
  variantKeys?: string[];
  /**
   * The next declined or cancelled PortOne V2 or iamport window answers with this shape (set
   * `nextOutcome` or click to decline or cancel); then it is cleared. See SandboxFailureScript.
   */
  nextFailure?: SandboxFailureScript;
  /**
   * What PortOne V2 does with a request made while its window is open. `'refuse'` (the default)
   * answers the second with `FailedPrecondition`; `'abandon-first'` opens the second window and the
   * first request's promise never settles, as integrators have seen the real SDK do.
   */
  portoneOverlap?: 'refuse' | 'abandon-first';
  /**
   * The REST stand-ins' base URL (e.g. `http://127.0.0.1:8787`). When set, every answered window's
   * record is also POSTed to `{apiBase}/__sandbox/payments` before the window's promise settles or
   * its redirect leaves, so the payment can be confirmed through the REST API. Unset by default: then
   * nothing is sent. Kept by `reset()`, like the other settings.
   */
  apiBase?: string;
  /**
   * For tests: clears `log`, `payments` and `nextOutcome`, and frees the page's one payment-methods
   * UI and one agreement UI. Keeps `latencyMs` and `navigate`, which are settings, not state.
   */
  reset(): void;
}

/**
 * What `configureSandbox()` and the Playwright kit's `configure()` set: the settings of
 * `SandboxControl`, each optional. `undefined` clears one (back to its default), so a
 * possibly-undefined value can be passed under `exactOptionalPropertyTypes`.
 */
export interface SandboxOptions {
  /** See `SandboxControl.apiBase`: the REST stand-ins' URL, e.g. `http://127.0.0.1:8787`. */
  apiBase?: string | undefined;
  /** The next payment window answers by itself; then it is cleared. */
  nextOutcome?: SandboxOutcome | undefined;
  /** The next declined or cancelled PortOne V2 or iamport window answers with this shape. */
  nextFailure?: SandboxFailureScript | undefined;
  /** How long render, `setAmount` and the v1 `ready` event take. Default 20. */
  latencyMs?: number | undefined;
  /** The device every stand-in acts for. Default: from the user agent. */
  device?: SandboxDevice | undefined;
  /** The language of the stand-in widgets' own labels. Default Korean. */
  locale?: 'ko' | 'en' | undefined;
  /** Where redirect mode sends the buyer. Default `location.assign`. */
  navigate?: ((url: string) => void) | undefined;
  agreementEmitsAtRender?: boolean | undefined;
  agreementStartsTicked?: boolean | undefined;
  variantKeys?: string[] | undefined;
  portoneOverlap?: 'refuse' | 'abandon-first' | undefined;
}

declare global {
  interface Window {
    /**
     * The sandbox's control object, completed by the first stand-in script that loads. Optional:
     * it is absent until then. Set it with `configureSandbox()` and read it with `getSandbox()`
     * rather than through this property.
     */
    kcheckoutSandbox?: SandboxControl;
  }
}
