import type { TossPaymentsPayment, TossPaymentsSDK } from '@tosspayments/tosspayments-sdk';
import type { OptionsTable } from '../checkout/checkout-store.js';
import { DriverSession, type DriverSessionState, type SessionFacts } from '../checkout/driver-session.js';
import { checkTossResultUrls } from '../device.js';
import { CheckoutError, vendorError } from '../errors.js';
import { vendorFailResult } from '../fail-result.js';
import type { PortOneMethod } from '../payment-methods.js';
import type { CheckoutResult, PaymentOrder, RedirectUrls } from '../types.js';
import { type Money, validateAmount, validateSentOrder, validateTossClientKey, validateTossCustomerKey } from '../validation.js';
import { type TossPaymentExtras, tossPaymentRequest } from './toss-payment-method.js';
import { checkTossOrderFields } from './toss-request-rules.js';
import { tossRejection } from './toss-result.js';
import { loadTossGlobal } from './toss-widget-driver.js';

export interface TossPaymentWindowOptions extends TossPaymentExtras {
  /** API 개별 연동 키, `test_ck_…` / `live_ck_…`. A widget key (`*_gck_*`) is refused with INVALID_KEY. */
  clientKey: string;
  /** The buyer's stable id (2–50 of `A–Z a–z 0–9 - _ = . @`), or `'@@ANONYMOUS'` for guests. */
  customerKey: string;
  /** What the buyer pays, in won. Sent with each request; change it freely. */
  amount: number;
  /** Where to load the SDK from: the Toss CDN (`/v2/standard`) by default; `sandboxScriptUrl('toss-v2')` offline. */
  scriptSrc?: string | undefined;
  nonce?: string | undefined;
  timeoutMs?: number | undefined;
  retries?: number | undefined;
}

/** Keys and script remount; the amount, escrow and cash receipt are read per request; the rest at load. */
export const TOSS_PAYMENT_WINDOW_OPTIONS: OptionsTable<TossPaymentWindowOptions> = {
  clientKey: 'remount',
  customerKey: 'remount',
  scriptSrc: 'remount',
  amount: 'live',
  escrow: 'live',
  cashReceipt: 'live',
  nonce: 'fixed',
  timeoutMs: 'fixed',
  retries: 'fixed',
};

/** One `tossPayments.payment({ customerKey })`: its request, and `destroy`, which closes an open window. */
export interface TossPaymentDriver {
  requestPayment(order: PaymentOrder, money: Money, method: PortOneMethod, extras: TossPaymentExtras, urls?: RedirectUrls): Promise<CheckoutResult>;
  destroy(): void;
}

/** Checks what can be checked before any script loads: the key kind above all. */
export function validateTossPaymentWindowOptions(options: TossPaymentWindowOptions): void {
  validateTossClientKey(options?.clientKey, 'api');
  validateTossCustomerKey(options.customerKey);
  validateAmount(options.amount, 'KRW', 'toss');
}

/**
 * Toss Payments SDK v2 payment window (결제창): `TossPayments(clientKey).payment({ customerKey })`,
 * the global installed by our loader as for the widget.
 */
export async function createTossPaymentWindow(options: TossPaymentWindowOptions): Promise<TossPaymentDriver> {
  const TossPayments = await loadTossGlobal<(clientKey: string) => TossPaymentsSDK>('toss-v2', options);
  let payment: TossPaymentsPayment;
  try {
    payment = TossPayments(options.clientKey).payment({ customerKey: options.customerKey });
  } catch (error) {
    throw vendorError('toss', error);
  }
  return {
    async requestPayment(order, money, method, extras, urls) {
      const request = tossPaymentRequest(order, money, method, extras, urls);
      const base = { provider: 'toss' as const, orderId: order.orderId, amount: money.value, currency: money.currency };
      try {
        // `requestPayment` is an intersection of one overload per method, whose request types the
        // package does not export; `tossPaymentRequest` builds the one for the picked method.
        const result = (await payment.requestPayment(request as unknown as Parameters<TossPaymentsPayment['requestPayment']>[0])) as unknown;
        if (urls || !result) return { status: 'redirecting', ...base };
        const paid = result as { paymentKey: string; orderId: string; amount: { value: number } };
        return { status: 'success', ...base, orderId: paid.orderId, amount: paid.amount.value, paymentKey: paid.paymentKey, raw: result };
      } catch (error) {
        return tossRejection(error, order.orderId, money);
      }
    },
    destroy() {
      // "열려있는 창이 없을 때 호출해도 안전합니다" (TossPaymentsPayment.destroy JSDoc); a rejection here has no one to tell.
      void Promise.resolve(payment.destroy()).catch(() => {});
    },
  };
}

export interface TossPaymentWindowState extends DriverSessionState {
  /** The checked amount; `null` while it is invalid (then `error` says why). */
  money: Money | null;
  /** The method picked in the method picker, `defaultMethod` at first. */
  selected: PortOneMethod | null;
  agreementShown: boolean;
  agreed: boolean;
  /** Ready, a method picked, and the terms agreed where an agreement checkbox is shown. */
  canPay: boolean;
}

interface WindowFacts extends SessionFacts {
  selected: PortOneMethod | null;
  agreementShown: boolean;
  agreed: boolean;
}

/**
 * The payment window's checkout: the SDK session, our method picker's choice and the agreement
 * checkbox. The status and `canPay` are derived here. Unmounting while the window is open calls
 * `payment.destroy()`, so no vendor window outlives the page that opened it.
 */
export class TossPaymentWindow extends DriverSession<TossPaymentWindowOptions, TossPaymentDriver, TossPaymentWindowState, WindowFacts> {
  declare private money: Money | null;
  private open: TossPaymentDriver | null = null;

  constructor(
    options: TossPaymentWindowOptions,
    defaultMethod: PortOneMethod | null = null,
    create: (options: TossPaymentWindowOptions) => Promise<TossPaymentDriver> = createTossPaymentWindow,
  ) {
    super(options, 'toss', create, validateTossPaymentWindowOptions, TOSS_PAYMENT_WINDOW_OPTIONS);
    this.set({ selected: defaultMethod, agreementShown: false, agreed: false });
  }

  select = (selected: PortOneMethod): void => this.set({ selected });
  setAgreementShown = (agreementShown: boolean): void => this.set({ agreementShown });
  setAgreed = (agreed: boolean): void => this.set({ agreed });

  /**
   * Opens the payment window for the checked amount and the picked method. A second call while one
   * is open gets the same promise (one vendor call per double click). Bad input is a `fail` result
   * whose `error` is a `CheckoutError`, before the vendor is called.
   */
  requestPayment = (order: PaymentOrder, urls?: RedirectUrls): Promise<CheckoutResult> => {
    const { money, selected } = this.getState();
    return this.run(async (driver) => {
      const amount = money ?? { value: this.options.amount, currency: 'KRW' as const };
      try {
        validateSentOrder('toss', order);
        checkTossOrderFields(order);
        checkTossResultUrls(urls);
        if (!selected) throw noMethod();
      } catch (error) {
        return vendorFailResult('toss', error, String(order?.orderId ?? ''), amount);
      }
      this.open = driver;
      try {
        return await driver.requestPayment(order, amount, selected, { escrow: this.options.escrow, cashReceipt: this.options.cashReceipt }, urls);
      } finally {
        this.open = null;
      }
    });
  };

  protected override validate(options: TossPaymentWindowOptions): void {
    this.money = null;
    super.validate(options);
    this.money = validateAmount(options.amount, 'KRW', 'toss');
  }

  protected override derive(facts: WindowFacts): TossPaymentWindowState {
    const { error, pending, selected, agreementShown, agreed } = facts;
    const { status } = super.derive(facts);
    const canPay = status === 'ready' && selected !== null && (!agreementShown || agreed);
    return { status, error, pending, money: this.money ?? null, selected, agreementShown, agreed, canPay };
  }

  // An unmount with the window open still has work: closing it.
  protected override idle(): boolean {
    return !this.mounted && !this.open;
  }

  protected override pass(): void {
    // Runs a macrotask after an unmount, so StrictMode's unmount and remount in one tick close nothing.
    if (!this.mounted && this.open) {
      this.open.destroy();
      this.open = null;
    }
    super.pass();
  }
}

function noMethod(): CheckoutError {
  return new CheckoutError(
    'INVALID_OPTION',
    __DEV__
      ? '결제수단이 선택되지 않았습니다. <PaymentMethods>에서 고르게 하거나 select()로 정한 뒤 요청하세요. ' +
          'No payment method is picked: let the buyer pick one in <PaymentMethods>, or call select() before requesting.'
      : '',
    { provider: 'toss' },
  );
}
