import { type CheckoutStatus, CheckoutStore } from '../checkout/checkout-store.js';
import { CheckoutError, vendorError } from '../errors.js';
import { checkTossResultUrls } from '../device.js';
import { vendorFailResult } from '../fail-result.js';
import { checkTossCurrency, checkTossOrderFields } from './toss-request-rules.js';
import { createTossWidgetV2 } from './toss-widget-v2.js';
import { TOSS_CHECKOUT_OPTIONS, type TossCheckoutOptions, type TossCheckoutState } from './toss-checkout-options.js';
import type { RenderedWidget, TossWidgetDriver } from './toss-widget-driver.js';
import { destroyWidget, pageTeardowns, sameMoney, selectorFor, type Slot } from './widget-slot.js';
import type { CheckoutResult, PaymentOrder, RedirectUrls } from '../types.js';
import {
  type Money,
  validateAmount,
  validateSentOrder,
  validateTossClientKey,
  validateTossCustomerKey,
} from '../validation.js';

export type { CheckoutStatus };

type TossFacts = Omit<TossCheckoutState, 'status' | 'canPay'>;

/**
 * One Toss checkout: loads the SDK, renders the payment-methods and agreement widgets into the
 * containers it is given, keeps the amount in sync, and requests payment.
 *
 * Correct under React's StrictMode by construction: every change only marks what is wanted, and a
 * single serialised `reconcile` pass a macrotask later brings the vendor in line. A mount, unmount
 * and remount in the same tick therefore cost nothing, and vendor calls never overlap.
 */
export class TossCheckout extends CheckoutStore<TossCheckoutOptions, TossFacts, TossCheckoutState> {
  private methodsElement: HTMLElement | null = null;
  private agreementElement: HTMLElement | null = null;

  private driver: TossWidgetDriver | null = null;
  /** Set by a remount change or a retry: the next pass tears down and loads again. */
  private stale = false;
  private methods: Slot | null = null;
  private agreement: Slot | null = null;
  private amountSent: Money | null = null;

  private queue: Promise<void> = Promise.resolve();
  private payment: Promise<CheckoutResult> | null = null;

  constructor(options: TossCheckoutOptions) {
    super(options, 'toss', TOSS_CHECKOUT_OPTIONS);
    this.set({
      error: this.check(options),
      methodsReady: false,
      agreementReady: false,
      agreementAttached: false,
      agreed: null,
      selectedMethod: null,
      paying: false,
    });
  }

  /** A ref callback for the payment-methods container. */
  attachPaymentMethods = (element: HTMLElement | null): void => {
    this.methodsElement = element;
    this.schedule();
  };

  /** A ref callback for the agreement container. */
  attachAgreement = (element: HTMLElement | null): void => {
    this.agreementElement = element;
    if (this.facts.agreementAttached !== (element !== null)) this.set({ agreementAttached: element !== null });
    this.schedule();
  };

  /**
   * Opens the vendor's payment window. A second call while one is in flight gets the same promise,
   * so a double click makes one request. Without `urls` the result arrives here (PC); with them the
   * vendor redirects (mobile, or whenever you prefer it) and this resolves `redirecting` if at all.
   */
  requestPayment(order: PaymentOrder, urls?: RedirectUrls): Promise<CheckoutResult> {
    if (this.payment) return this.payment;
    validateSentOrder('toss', order);
    const driver = this.driver;
    if (!this.getState().canPay || !driver) {
      throw new CheckoutError(
        'INVALID_OPTION',
        __DEV__
          ? `결제위젯이 아직 준비되지 않았거나 필수 약관에 동의하지 않았습니다. state.canPay가 true일 때 결제를 요청하세요. ` +
            `The widget is not ready or the required terms are not agreed: request payment once state.canPay is true.`
          : '',
        { provider: 'toss' },
      );
    }
    checkTossResultUrls(urls);
    // Development builds only, to name the field: in production the vendor refuses the same
    // requests itself (INVALID_PARAMETERS, INVALID_AMOUNT_CURRENCY), a coded fail all the same.
    if (__DEV__) {
      checkTossOrderFields(order);
      checkTossCurrency(this.options.currency ?? 'KRW', this.getState().selectedMethod);
    }
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

  protected validate(options: TossCheckoutOptions): void {
    // One check: the old sdk="v1" is one of the values refused, with its own diagnosis.
    if (options.sdk !== undefined && options.sdk !== 'v2' && typeof options.sdk !== 'function') {
      throw new CheckoutError(
        'INVALID_OPTION',
        !__DEV__
          ? ''
          : options.sdk === 'v1'
            ? `SDK v1은 드라이버를 직접 넘겨야 합니다: import { tossV1 } from '@kcheckout/react/toss' 후 sdk={tossV1} ` +
              `(코어만 쓰면 '@kcheckout/core'의 tossV1). v2 페이지에 v1 코드가 실리지 않게 하려는 것입니다. ` +
              `SDK v1 is passed in as its driver now: import { tossV1 } from '@kcheckout/react/toss' and pass sdk={tossV1} ` +
              `(tossV1 from '@kcheckout/core' without React), so that a v2 page ships none of v1's code.`
            : `sdk는 'v2' 또는 tossV1이어야 합니다 (${JSON.stringify(options.sdk)}). sdk must be 'v2' or tossV1.`,
        { provider: 'toss' },
      );
    }
    validateTossClientKey(options.clientKey, 'widget');
    validateTossCustomerKey(options.customerKey);
    validateAmount(options.amount, options.currency ?? 'KRW', 'toss');
  }

  protected derive(facts: TossFacts): TossCheckoutState {
    const status: CheckoutStatus = facts.error ? 'error' : facts.paying ? 'pending' : facts.methodsReady ? 'ready' : 'loading';
    // Terms on the page but not rendered yet: their state is unknown, so wait rather than let a click through.
    const canPay = status === 'ready' && facts.agreed !== false && (facts.agreementReady || !facts.agreementAttached);
    return { ...facts, status, canPay };
  }

  protected reset(): void {
    this.stale = true;
  }

  protected override idle(): boolean {
    // After unmount a pass still runs once to destroy what was rendered.
    return !this.mounted && !this.driver && !this.methods && !this.agreement;
  }

  protected pass(): void {
    this.queue = this.queue.then(() =>
      this.reconcile().catch((error) => {
        this.set({ error: vendorError('toss', error) });
      }),
    );
  }

  private async reconcile(): Promise<void> {
    if (!this.mounted) return this.teardown();
    if (this.facts.error) return;

    const options = this.options;
    const money = validateAmount(options.amount, options.currency ?? 'KRW', 'toss');

    if (!this.driver || this.stale) {
      this.stale = false;
      await this.teardown();
      await pageTeardowns();
      const create = typeof options.sdk === 'function' ? options.sdk : createTossWidgetV2;
      this.driver = await create({
        clientKey: options.clientKey,
        customerKey: options.customerKey,
        ...(options.scriptSrc ? { scriptSrc: options.scriptSrc } : {}),
        ...(options.nonce ? { nonce: options.nonce } : {}),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.retries !== undefined ? { retries: options.retries } : {}),
      });
      // Options may have moved on, or the checkout unmounted, while the script loaded.
      return this.reconcile();
    }
    // While the payment window is open the SDK refuses other calls; requestPayment reschedules.
    if (this.facts.paying) return;
    const driver = this.driver;

    // Each driver sends the amount its own way: v2 needs it before rendering, v1 ignores this
    // until rendered and takes it in renderPaymentMethods instead.
    if (!sameMoney(this.amountSent, money)) {
      await driver.setAmount(money);
      this.amountSent = money;
    }

    if (!this.inPlace('methods')) {
      await this.release('methods');
      const element = this.methodsElement;
      if (element) {
        await pageTeardowns();
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
        await pageTeardowns();
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
    if (this.stale || !this.inPlace('methods') || !this.inPlace('agreement')) return this.reconcile();
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
    await destroyWidget(slot.widget);
  }

  private async teardown(): Promise<void> {
    await Promise.all([this.release('methods'), this.release('agreement')]);
    this.driver = null;
    this.amountSent = null;
  }
}
