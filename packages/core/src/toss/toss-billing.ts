import type { TossPaymentsPayment, TossPaymentsSDK } from '@tosspayments/tosspayments-sdk';
import type { OptionsTable } from '../checkout/checkout-store.js';
import { DriverSession, type DriverSessionState, type SessionFacts } from '../checkout/driver-session.js';
import { CheckoutError, readVendorError, vendorError } from '../errors.js';
import type { PortOneMethod } from '../payment-methods.js';
import type { RedirectUrls } from '../types.js';
import { TOSS_ANONYMOUS, validateTossClientKey, validateTossCustomerKey } from '../validation.js';
import { TOSS_CANCEL_CODES } from './toss-result.js';
import { loadTossGlobal } from './toss-widget-driver.js';

export interface TossBillingOptions {
  /** API 개별 연동 키, `test_ck_…` / `live_ck_…`: billing is not a widget product. */
  clientKey: string;
  /** The buyer's own stable id (2–50 of `A–Z a–z 0–9 - _ = . @`): the billing key is issued for it. Not `'@@ANONYMOUS'`. */
  customerKey: string;
  /** Where to load the SDK from: the Toss CDN (`/v2/standard`) by default; `sandboxScriptUrl('toss-v2')` offline. */
  scriptSrc?: string | undefined;
  nonce?: string | undefined;
  timeoutMs?: number | undefined;
  retries?: number | undefined;
}

/** Keys and script remount; the rest is read at load. */
export const TOSS_BILLING_OPTIONS: OptionsTable<TossBillingOptions> = {
  clientKey: 'remount',
  customerKey: 'remount',
  scriptSrc: 'remount',
  nonce: 'fixed',
  timeoutMs: 'fixed',
  retries: 'fixed',
};

/** The methods Toss registers for billing (`BillingAuthRequest.method`): card and bank transfer. */
export type TossBillingMethod = Extract<PortOneMethod, { type: 'card' | 'transfer' }>;

/** The buyer fields `requestBillingAuth` takes besides the method (each at most 100 characters). */
export interface TossBillingCustomer {
  customerName?: string | undefined;
  customerEmail?: string | undefined;
}

/**
 * What `requestBillingAuth` settles to. Toss always leaves for `successUrl` (`authKey`,
 * `customerKey`) or `failUrl` (`code`, `message`), so there is no success here: the result arrives
 * on that page (`parseTossBillingRedirect`, `<BillingAuthResult>`).
 */
export type TossBillingAuthResult =
  | { provider: 'toss'; status: 'redirecting' }
  | { provider: 'toss'; status: 'cancel'; code: string; message: string; raw: unknown }
  | { provider: 'toss'; status: 'fail'; code: string; message: string; raw: unknown; error?: CheckoutError };

/** One `tossPayments.payment({ customerKey })`, for its billing request. */
export interface TossBillingDriver {
  requestBillingAuth(method: 'CARD' | 'TRANSFER', urls: RedirectUrls, customer: TossBillingCustomer): Promise<TossBillingAuthResult>;
  destroy(): void;
}

/** The key kind and a customer of the buyer's own, before any script loads. */
export function validateTossBillingOptions(options: TossBillingOptions): void {
  validateTossClientKey(options?.clientKey, 'api');
  if (validateTossCustomerKey(options.customerKey) === TOSS_ANONYMOUS) {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `자동결제(빌링)에는 ANONYMOUS가 아닌 구매자 고유의 customerKey가 필요합니다. 빌링키는 그 customerKey로 발급되고 결제됩니다. ` +
            `Billing needs the buyer's own customerKey, not ANONYMOUS: the billing key is issued for, and charged with, that customerKey.`
        : '',
      { provider: 'toss' },
    );
  }
}

/** Our method shape as Toss's billing method, or `null` for one Toss cannot register. */
export function tossBillingMethodOf(method: PortOneMethod | null): TossBillingMethod | null {
  if (!method) return { type: 'card' };
  return method.type === 'card' || method.type === 'transfer' ? { type: method.type } : null;
}

/**
 * `TossPayments(clientKey).payment({ customerKey }).requestBillingAuth(…)` (자동결제 등록), on the
 * global our loader installs, as for the payment window.
 */
export async function createTossBilling(options: TossBillingOptions): Promise<TossBillingDriver> {
  const TossPayments = await loadTossGlobal<(clientKey: string) => TossPaymentsSDK>('toss-v2', options);
  let payment: TossPaymentsPayment;
  try {
    payment = TossPayments(options.clientKey).payment({ customerKey: options.customerKey });
  } catch (error) {
    throw vendorError('toss', error);
  }
  return {
    async requestBillingAuth(method, { successUrl, failUrl }, customer) {
      try {
        // "URL이 이동하기 때문에 void가 응답됩니다" (RequestBillingAuth JSDoc): the page is leaving.
        await payment.requestBillingAuth({ method, successUrl, failUrl, ...compact(customer) });
        return { provider: 'toss', status: 'redirecting' };
      } catch (error) {
        const { code, message } = readVendorError(error);
        return { provider: 'toss', status: TOSS_CANCEL_CODES.has(code) ? 'cancel' : 'fail', code, message, raw: error };
      }
    },
    destroy() {
      // Safe with no window open (TossPaymentsPayment.destroy JSDoc); a rejection has no one to tell.
      void Promise.resolve(payment.destroy()).catch(() => {});
    },
  };
}

export interface TossBillingState extends DriverSessionState {
  /** The method picked in the method picker (card at first). */
  selected: PortOneMethod | null;
  agreementShown: boolean;
  agreed: boolean;
  /** Ready, a method Toss can register picked, and the terms agreed where a checkbox is shown. */
  canPay: boolean;
}

interface BillingFacts extends SessionFacts {
  selected: PortOneMethod | null;
  agreementShown: boolean;
  agreed: boolean;
}

/**
 * Toss billing (자동결제): the SDK session, the picked method (card or transfer) and an optional
 * agreement checkbox; status and `canPay` are derived here. Unmounting with the window open calls
 * `payment.destroy()`, as the payment window does.
 */
export class TossBilling extends DriverSession<TossBillingOptions, TossBillingDriver, TossBillingState, BillingFacts> {
  private open: TossBillingDriver | null = null;

  constructor(
    options: TossBillingOptions,
    defaultMethod: PortOneMethod | null = { type: 'card' },
    create: (options: TossBillingOptions) => Promise<TossBillingDriver> = createTossBilling,
  ) {
    super(options, 'toss', create, validateTossBillingOptions, TOSS_BILLING_OPTIONS);
    this.set({ selected: defaultMethod, agreementShown: false, agreed: false });
  }

  select = (selected: PortOneMethod): void => this.set({ selected });
  setAgreementShown = (agreementShown: boolean): void => this.set({ agreementShown });
  setAgreed = (agreed: boolean): void => this.set({ agreed });

  /**
   * Opens Toss's registration window for `method` (default: the picked one). Both URLs are required
   * (Toss has no promise mode for billing). A second call while one is open gets the same promise.
   * Bad input is a `fail` result whose `error` is a `CheckoutError`, before the vendor is called.
   */
  requestBillingAuth = (urls: RedirectUrls | undefined, customer: TossBillingCustomer = {}, method?: PortOneMethod): Promise<TossBillingAuthResult> =>
    this.run(async (driver) => {
      let checked: { method: 'CARD' | 'TRANSFER'; urls: RedirectUrls };
      try {
        checked = checkBillingRequest(method ?? this.getState().selected, urls, customer);
      } catch (error) {
        const { code, message } = readVendorError(error);
        return { provider: 'toss', status: 'fail', code, message, raw: error, error: error as CheckoutError };
      }
      this.open = driver;
      try {
        return await driver.requestBillingAuth(checked.method, checked.urls, customer);
      } finally {
        this.open = null;
      }
    });

  protected override derive(facts: BillingFacts): TossBillingState {
    const { error, pending, selected, agreementShown, agreed } = facts;
    const { status } = super.derive(facts);
    const canPay = status === 'ready' && tossBillingMethodOf(selected) !== null && (!agreementShown || agreed);
    return { status, error, pending, selected, agreementShown, agreed, canPay };
  }

  protected override idle(): boolean {
    return !this.mounted && !this.open;
  }

  protected override pass(): void {
    // A macrotask after an unmount, so StrictMode's unmount and remount in one tick close nothing.
    if (!this.mounted && this.open) {
      this.open.destroy();
      this.open = null;
    }
    super.pass();
  }
}

/** Toss's documented rules for a billing request (BillingAuthRequest JSDoc), as coded errors. */
export function checkBillingRequest(method: PortOneMethod | null, urls: RedirectUrls | undefined, customer: TossBillingCustomer): { method: 'CARD' | 'TRANSFER'; urls: RedirectUrls } {
  const billing = method && tossBillingMethodOf(method);
  if (!billing) {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `토스페이먼츠 자동결제는 카드({ type: 'card' })와 계좌이체({ type: 'transfer' })만 등록할 수 있습니다 (${method?.type ?? '없음'}). ` +
            `Toss billing registers a card ({ type: 'card' }) or a bank transfer ({ type: 'transfer' }) only (got ${method?.type ?? 'none'}).`
        : '',
      { provider: 'toss' },
    );
  }
  if (!urls?.successUrl || !urls.failUrl) {
    throw new CheckoutError(
      'REDIRECT_URL_REQUIRED',
      __DEV__
        ? `토스페이먼츠 자동결제 등록은 successUrl과 failUrl(또는 redirectUrl)로만 결과를 돌려줍니다. <BillingKeyButton redirectUrl>을 넘기세요. ` +
            `Toss billing returns its result on successUrl and failUrl only (there is no promise mode): pass redirectUrl to <BillingKeyButton>.`
        : '',
      { provider: 'toss' },
    );
  }
  for (const [name, value] of Object.entries(customer)) {
    if (value !== undefined && (typeof value !== 'string' || value.length > 100)) {
      throw new CheckoutError(
        'INVALID_OPTION',
        __DEV__ ? `${name}는 100자 이하의 문자열이어야 합니다. ${name} must be a string of at most 100 characters (Toss's limit).` : '',
        { provider: 'toss' },
      );
    }
  }
  return { method: billing.type === 'card' ? 'CARD' : 'TRANSFER', urls: { successUrl: urls.successUrl, failUrl: urls.failUrl } };
}

function compact(customer: TossBillingCustomer): { customerName?: string; customerEmail?: string } {
  return {
    ...(customer.customerName ? { customerName: customer.customerName } : {}),
    ...(customer.customerEmail ? { customerEmail: customer.customerEmail } : {}),
  };
}
