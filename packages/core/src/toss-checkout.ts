import { CheckoutError, vendorError } from './errors.js';
import { vendorFailResult } from './fail-result.js';
import { shallowEqual } from './shallow-equal.js';
import { createTossWidgetV2 } from './toss-widget-v2.js';
import type { RenderedWidget, TossWidgetDriver, TossWidgetFactory } from './toss-widget-driver.js';
import type { CheckoutResult, PaymentOrder, RedirectUrls } from './types.js';
import {
  type Currency,
  type Money,
  validateAmount,
  validateOrderId,
  validateTossClientKey,
  validateTossCustomerKey,
} from './validation.js';

export interface TossCheckoutOptions {
  /** 결제위젯 연동 키, `test_gck_…` / `live_gck_…`. A secret key is refused with SECRET_KEY_IN_BROWSER. */
  clientKey: string;
  /** The buyer's stable id (2–50 of `A–Z a–z 0–9 - _ = . @`), or `'@@ANONYMOUS'` for guests. */
  customerKey: string;
  /** Change it freely (coupons, points): it is sent with `setAmount` / `updateAmount`, the widget is not re-rendered. */
  amount: number;
  currency?: Currency | undefined;
  /**
   * `'v2'` (default): `@tosspayments/tosspayments-sdk`. For the frozen v1
   * (`@tosspayments/payment-widget-sdk`), pass its driver: `sdk: tossV1`, imported from
   * `@kcheckout/react/toss` or `@kcheckout/core`, so a v2 page carries none of v1's code.
   * `sdk: 'v1'` (the string, before 0.2) is refused with `INVALID_OPTION`, saying so.
   */
  sdk?: 'v2' | TossWidgetFactory | 'v1' | undefined;
  /** Payment-methods UI variant from the Toss admin (`DEFAULT` when omitted). */
  variantKey?: string | undefined;
  agreementVariantKey?: string | undefined;
  /** Where to load the SDK from: the Toss CDN by default; `sandboxScriptUrl('toss-v2')` offline. */
  scriptSrc?: string | undefined;
  /** CSP nonce for the SDK's `<script>` tag. */
  nonce?: string | undefined;
  /** Per load attempt. */
  timeoutMs?: number | undefined;
  /** Extra load attempts after a failure (default 2), with backoff. */
  retries?: number | undefined;
}

export type CheckoutStatus = 'loading' | 'ready' | 'error' | 'pending';

export interface TossCheckoutState {
  status: CheckoutStatus;
  error: CheckoutError | null;
  /** The payment-methods UI is rendered and ready for a request. */
  methodsReady: boolean;
  agreementReady: boolean;
  /** An agreement container is on the page: payment waits for its widget. */
  agreementAttached: boolean;
  /** Whether the required terms are agreed; `null` until the agreement widget says. */
  agreed: boolean | null;
  /** Vendor method code (`CARD`, `TOSSPAY`, …) once the buyer picks one (v2). */
  selectedMethod: string | null;
  /** True while the payment window is open. */
  paying: boolean;
  /** Ready, terms rendered and agreed where known, no payment in flight: what a pay button needs. */
  canPay: boolean;
}

interface Slot {
  element: HTMLElement;
  widget: RenderedWidget;
}

// Toss allows one payment-methods UI and one agreement UI per page. A checkout that unmounts while
// another mounts (a route change, a key change) must finish destroying before the next renders.
const pageTeardowns = new Set<Promise<unknown>>();

let nextContainerId = 0;

/**
 * One Toss checkout: loads the SDK, renders the payment-methods and agreement widgets into the
 * containers it is given, keeps the amount in sync, and requests payment.
 *
 * Correct under React's StrictMode by construction: every change only marks what is wanted, and a
 * single serialised `reconcile` pass a macrotask later brings the vendor in line. A mount, unmount
 * and remount in the same tick therefore cost nothing, and vendor calls never overlap.
 */
export class TossCheckout {
  private options: TossCheckoutOptions;
  private state: TossCheckoutState;
  private readonly listeners = new Set<() => void>();

  private mounted = false;
  private methodsElement: HTMLElement | null = null;
  private agreementElement: HTMLElement | null = null;

  private driver: TossWidgetDriver | null = null;
  private driverKey: string | null = null;
  private driverFactory: TossWidgetFactory | null = null;
  private methods: Slot | null = null;
  private agreement: Slot | null = null;
  private amountSent: Money | null = null;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private payment: Promise<CheckoutResult> | null = null;

  constructor(options: TossCheckoutOptions) {
    this.options = options;
    const invalid = this.validate(options);
    this.state = derive({
      error: invalid,
      methodsReady: false,
      agreementReady: false,
      agreementAttached: false,
      agreed: null,
      selectedMethod: null,
      paying: false,
    });
  }

  getState = (): TossCheckoutState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Takes the latest options. An amount change becomes `setAmount` / `updateAmount`, never a re-render. */
  update(options: TossCheckoutOptions): void {
    if (shallowEqual(options, this.options)) return;
    this.options = options;
    const invalid = this.validate(options);
    if (invalid) {
      if (this.state.error?.message !== invalid.message) this.set({ error: invalid });
    } else if (this.state.error && isOptionError(this.state.error)) {
      this.set({ error: null });
    }
    this.schedule();
  }

  /** Starts the checkout; the returned cleanup stops it. Pairs with an effect. */
  mount = (): (() => void) => {
    this.mounted = true;
    this.schedule();
    return () => {
      this.mounted = false;
      this.schedule();
    };
  };

  /** A ref callback for the payment-methods container. */
  attachPaymentMethods = (element: HTMLElement | null): void => {
    this.methodsElement = element;
    this.schedule();
  };

  /** A ref callback for the agreement container. */
  attachAgreement = (element: HTMLElement | null): void => {
    this.agreementElement = element;
    if (this.state.agreementAttached !== (element !== null)) this.set({ agreementAttached: element !== null });
    this.schedule();
  };

  /** After an error (a script that failed to load, a vendor refusal), tries again from the start. */
  retry = (): void => {
    if (!this.state.error || isOptionError(this.state.error)) return;
    this.driver = null;
    this.driverKey = null;
    this.set({ error: null });
    this.schedule();
  };

  /**
   * Opens the vendor's payment window. A second call while one is in flight gets the same promise,
   * so a double click makes one request. Without `urls` the result arrives here (PC); with them the
   * vendor redirects (mobile, or whenever you prefer it) and this resolves `redirecting` if at all.
   */
  requestPayment(order: PaymentOrder, urls?: RedirectUrls): Promise<CheckoutResult> {
    if (this.payment) return this.payment;
    validateOrderId(order.orderId, 'toss');
    if (typeof order.orderName !== 'string' || order.orderName.trim() === '' || order.orderName.length > 100) {
      throw new CheckoutError(
        'INVALID_OPTION',
        __DEV__ ? `orderName은 1~100자의 문자열이어야 합니다 (예: '생수 외 1건'). orderName must be 1–100 characters, e.g. '생수 외 1건'.` : '',
        { provider: 'toss' },
      );
    }
    if (!this.state.canPay || !this.driver) {
      throw new CheckoutError(
        'INVALID_OPTION',
        __DEV__
          ? `결제위젯이 아직 준비되지 않았거나 필수 약관에 동의하지 않았습니다. state.canPay가 true일 때 결제를 요청하세요. ` +
            `The widget is not ready or the required terms are not agreed: request payment once state.canPay is true.`
          : '',
        { provider: 'toss' },
      );
    }
    const driver = this.driver;
    this.set({ paying: true });
    const payment = (async (): Promise<CheckoutResult> => {
      // Let a render or amount update already under way finish: the SDK refuses overlapping calls.
      await this.queue;
      const money = validateAmount(this.options.amount, this.options.currency ?? 'KRW', 'toss');
      // The buyer must pay the amount on screen, even if the change has not been sent yet.
      if (!sameMoney(this.amountSent, money)) {
        try {
          await driver.setAmount(money);
          this.amountSent = money;
        } catch (error) {
          return vendorFailResult('toss', error, order.orderId, money);
        }
      }
      const result = await driver.requestPayment(order, money, urls);
      if (result.status === 'fail' && result.code === 'NEED_AGREEMENT_WITH_REQUIRED_TERMS') this.set({ agreed: false });
      return result;
    })();
    this.payment = payment;
    const settle = () => {
      this.payment = null;
      this.set({ paying: false });
      this.schedule();
    };
    payment.then(settle, settle);
    return payment;
  }

  private validate(options: TossCheckoutOptions): CheckoutError | null {
    try {
      if (options.sdk === 'v1') {
        throw new CheckoutError(
          'INVALID_OPTION',
          __DEV__
            ? `SDK v1은 드라이버를 직접 넘겨야 합니다: import { tossV1 } from '@kcheckout/react/toss' 후 sdk={tossV1} ` +
                `(코어만 쓰면 '@kcheckout/core'의 tossV1). v2 페이지에 v1 코드가 실리지 않게 하려는 것입니다. ` +
                `SDK v1 is passed in as its driver now: import { tossV1 } from '@kcheckout/react/toss' and pass sdk={tossV1} ` +
                `(tossV1 from '@kcheckout/core' without React), so that a v2 page ships none of v1's code.`
            : '',
          { provider: 'toss' },
        );
      }
      if (options.sdk !== undefined && options.sdk !== 'v2' && typeof options.sdk !== 'function') {
        throw new CheckoutError(
          'INVALID_OPTION',
          __DEV__ ? `sdk는 'v2' 또는 tossV1이어야 합니다 (${JSON.stringify(options.sdk)}). sdk must be 'v2' or tossV1.` : '',
          { provider: 'toss' },
        );
      }
      validateTossClientKey(options.clientKey, 'widget');
      validateTossCustomerKey(options.customerKey);
      validateAmount(options.amount, options.currency ?? 'KRW', 'toss');
      return null;
    } catch (error) {
      return error as CheckoutError;
    }
  }

  private set(patch: Partial<Omit<TossCheckoutState, 'status' | 'canPay'>>): void {
    const { status: _status, canPay: _canPay, ...current } = this.state;
    this.state = derive({ ...current, ...patch });
    for (const listener of this.listeners) listener();
  }

  private schedule(): void {
    // Nothing runs until mounted: server rendering and discarded renders stay side-effect free.
    if (!this.mounted && !this.driver && !this.methods && !this.agreement) return;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.queue = this.queue.then(() => this.reconcile());
    }, 0);
  }

  private async reconcile(): Promise<void> {
    try {
      await this.reconcileOnce();
    } catch (error) {
      this.set({ error: vendorError('toss', error) });
    }
  }

  private async reconcileOnce(): Promise<void> {
    if (!this.mounted) return this.teardown();
    if (this.state.error) return;

    const options = this.options;
    const money = validateAmount(options.amount, options.currency ?? 'KRW', 'toss');
    const create = typeof options.sdk === 'function' ? options.sdk : createTossWidgetV2;
    const key = [options.clientKey, options.customerKey, options.scriptSrc ?? ''].join('|');

    if (!this.driver || this.driverKey !== key || this.driverFactory !== create) {
      await this.teardown();
      await Promise.all(pageTeardowns);
      this.driver = await create({
        clientKey: options.clientKey,
        customerKey: options.customerKey,
        ...(options.scriptSrc ? { scriptSrc: options.scriptSrc } : {}),
        ...(options.nonce ? { nonce: options.nonce } : {}),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.retries !== undefined ? { retries: options.retries } : {}),
      });
      this.driverKey = key;
      this.driverFactory = create;
      this.amountSent = null;
      // Options may have moved on, or the checkout unmounted, while the script loaded.
      return this.reconcileOnce();
    }
    // While the payment window is open the SDK refuses other calls; requestPayment reschedules.
    if (this.state.paying) return;
    const driver = this.driver;

    // v2 needs an amount before rendering; v1 takes it in render and updates it afterwards.
    if (!sameMoney(this.amountSent, money) && (driver.sdk === 'v2' || this.methods)) {
      await driver.setAmount(money);
      this.amountSent = money;
    }

    if (!this.inPlace('methods')) {
      await this.release('methods');
      const element = this.methodsElement;
      if (element) {
        await Promise.all(pageTeardowns);
        const widget = await driver.renderPaymentMethods(selectorFor(element), money, options.variantKey, {
          onMethodChange: (method) => {
            if (this.methods?.widget === widget) this.set({ selectedMethod: method });
          },
        });
        this.methods = { element, widget };
        this.amountSent = money;
        this.set({ methodsReady: true });
      }
    }

    if (!this.inPlace('agreement')) {
      await this.release('agreement');
      const element = this.agreementElement;
      if (element) {
        await Promise.all(pageTeardowns);
        let current: RenderedWidget | null = null;
        let reported: boolean | null = null;
        const widget = await driver.renderAgreement(selectorFor(element), options.agreementVariantKey, {
          onAgreementChange: (agreed) => {
            reported = agreed;
            if (current && this.agreement?.widget === current) this.set({ agreed });
          },
        });
        current = widget;
        this.agreement = { element, widget };
        this.set({ agreementReady: true, agreed: reported ?? widget.agreed });
      }
    }

    // Something changed while we awaited the vendor: go round again.
    if (!this.inPlace('methods') || !this.inPlace('agreement')) return this.reconcileOnce();
  }

  /** Whether the widget rendered for `which` is the one its container asks for (none for none). */
  private inPlace(which: 'methods' | 'agreement'): boolean {
    const wanted = which === 'methods' ? this.methodsElement : this.agreementElement;
    return (this[which]?.element ?? null) === wanted;
  }

  private async release(which: 'methods' | 'agreement'): Promise<void> {
    const slot = this[which];
    if (!slot) return;
    this[which] = null;
    this.set(which === 'methods' ? { methodsReady: false, selectedMethod: null } : { agreementReady: false, agreed: null });
    const destroyed = slot.widget.destroy().catch(() => {
      // A widget the vendor already removed cannot be destroyed twice; nothing is left to free.
    });
    pageTeardowns.add(destroyed);
    await destroyed;
    pageTeardowns.delete(destroyed);
  }

  private async teardown(): Promise<void> {
    await Promise.all([this.release('methods'), this.release('agreement')]);
    this.driver = null;
    this.driverKey = null;
    this.amountSent = null;
  }
}

function derive(state: Omit<TossCheckoutState, 'status' | 'canPay'>): TossCheckoutState {
  const status: CheckoutStatus = state.error
    ? 'error'
    : state.paying
      ? 'pending'
      : state.methodsReady
        ? 'ready'
        : 'loading';
  // Terms on the page but not rendered yet: their state is unknown, so wait rather than let a click through.
  const canPay = status === 'ready' && state.agreed !== false && (state.agreementReady || !state.agreementAttached);
  return { ...state, status, canPay };
}


function sameMoney(a: Money | null, b: Money): boolean {
  return a !== null && a.value === b.value && a.currency === b.currency;
}

/** Errors the caller fixes by changing props, as opposed to ones a retry can fix. */
function isOptionError(error: CheckoutError): boolean {
  return ['SECRET_KEY_IN_BROWSER', 'INVALID_KEY', 'INVALID_AMOUNT', 'INVALID_ORDER_ID', 'INVALID_OPTION'].includes(error.code);
}


/** Toss takes CSS selectors, not elements; give the container an id when it has none. */
function selectorFor(element: HTMLElement): string {
  if (!element.id) element.id = `kcheckout-widget-${++nextContainerId}`;
  const escape = globalThis.CSS?.escape ?? ((value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`));
  return `#${escape(element.id)}`;
}
