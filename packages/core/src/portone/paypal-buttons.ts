import { type CheckoutStatus, CheckoutStore, type OptionsTable } from '../checkout/checkout-store.js';
import { type CheckoutError, readVendorError, vendorError } from '../errors.js';
import type { CheckoutResult } from '../types.js';
import { validatePayPalContainer } from './paypal-rules.js';
import { buildPayPalRequest, loadPayPalVendor, type PayPalButtonsOptions, type PayPalUIRequest, type PayPalUIResponse, type PayPalVendor } from './paypal-request.js';
import { isPortOneCancel } from './portone-cancel.js';

export { PAYPAL_UI_CONTAINER_CLASS } from './paypal-rules.js';
export {
  buildPayPalRequest,
  loadPayPalVendor,
  type PayPalButtonsOptions,
  type PayPalUIRequest,
  type PayPalUIResponse,
  type PayPalVendor,
} from './paypal-request.js';

/**
 * What each change does after mount: the ids and script load the UI again (into an emptied
 * container); everything in the request reaches the rendered buttons through
 * `updatePayPalUIRequest`, never through a second render.
 */
export const PAYPAL_BUTTONS_OPTIONS: OptionsTable<PayPalButtonsOptions> = {
  storeId: 'remount',
  channelKey: 'remount',
  scriptSrc: 'remount',
  paymentId: 'live',
  orderName: 'live',
  amount: 'live',
  currency: 'live',
  customerId: 'live',
  customerName: 'live',
  customerEmail: 'live',
  nonce: 'fixed',
  timeoutMs: 'fixed',
  retries: 'fixed',
};

export interface PayPalButtonsState {
  /** `ready` once the vendor has rendered the buttons; PayPal's own popup gives no `pending`. */
  status: CheckoutStatus;
  error: CheckoutError | null;
  /** The last payment the buttons reported, for `data-result`; null until one. */
  result: PayPalResult | null;
}

export type PayPalResult = Extract<CheckoutResult, { status: 'success' | 'fail' | 'cancel' }>;

interface Facts {
  error: CheckoutError | null;
  rendered: boolean;
  result: PayPalResult | null;
}

const sameRequest = (a: PayPalUIRequest, b: PayPalUIRequest) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The PayPal buttons as a framework-free store. Its one rule: one `loadPaymentUI` per container,
 * and every later change goes through `updatePayPalUIRequest`, one call at a time, the latest
 * request winning. Vendor calls wait a macrotask after mount (StrictMode's mount, unmount and
 * remount load once); after unmount nothing more is sent, and results are dropped.
 */
export class PayPalButtonsStore extends CheckoutStore<PayPalButtonsOptions, Facts, PayPalButtonsState> {
  private container: HTMLElement | null = null;
  private vendor: PayPalVendor | null = null;
  private generation = 0;
  private busy = false;
  /** The container the vendor rendered into, and the request it holds. */
  private rendered: { container: HTMLElement; request: PayPalUIRequest } | null = null;
  /** A container a reset left holding the previous load's buttons. */
  private stale: HTMLElement | null = null;
  private readonly resultListeners = new Set<(result: PayPalResult) => void>();

  constructor(
    options: PayPalButtonsOptions,
    private readonly load: (options: PayPalButtonsOptions) => Promise<PayPalVendor> = loadPayPalVendor,
  ) {
    super(options, 'portone', PAYPAL_BUTTONS_OPTIONS);
    this.set({ error: this.check(options), rendered: false, result: null });
  }

  /** A ref callback for the element the buttons render into (it gets the vendor's class from the binding). */
  attach = (element: HTMLElement | null): void => {
    if (element === this.container) return;
    this.container = element;
    this.schedule();
  };

  /** Hears each result once; returns the unsubscribe. */
  onResult = (listener: (result: PayPalResult) => void): (() => void) => {
    this.resultListeners.add(listener);
    return () => this.resultListeners.delete(listener);
  };

  protected validate(options: PayPalButtonsOptions): void {
    buildPayPalRequest(options);
  }

  protected derive({ error, rendered, result }: Facts): PayPalButtonsState {
    return { status: error ? 'error' : rendered ? 'ready' : 'loading', error, result };
  }

  protected reset(): void {
    this.generation++;
    this.vendor = null;
    if (this.rendered) this.stale = this.rendered.container;
    this.rendered = null;
    this.busy = false;
    this.set({ rendered: false });
  }

  protected pass(): void {
    if (!this.mounted || this.facts.error || this.busy) return;
    const generation = this.generation;
    const settle = (then: () => void) => () => {
      if (this.generation !== generation) return;
      this.busy = false;
      then();
      this.schedule();
    };
    const fail = (error: unknown) => {
      if (this.generation !== generation) return;
      this.busy = false;
      this.set({ error: vendorError('portone', error) });
    };
    if (!this.vendor) {
      this.busy = true;
      this.load(this.options).then((vendor) => settle(() => (this.vendor = vendor))(), fail);
      return;
    }
    const container = this.container;
    if (!container || !container.isConnected) return;
    const request = buildPayPalRequest(this.options);
    if (this.rendered?.container !== container) {
      try {
        validatePayPalContainer(container);
      } catch (error) {
        this.set({ error: error as CheckoutError });
        return;
      }
      // A remount (another store or channel) loads again: the old buttons go first, so the
      // container holds one UI, as the vendor requires.
      if (this.stale === container) container.replaceChildren();
      this.stale = null;
      this.busy = true;
      this.vendor.loadPaymentUI(request, this.callbacks(generation)).then(
        settle(() => {
          this.rendered = { container, request };
          this.set({ rendered: true });
        }),
        fail,
      );
      return;
    }
    if (sameRequest(this.rendered.request, request)) return;
    this.busy = true;
    const rendered = this.rendered;
    this.vendor.updateLoadPaymentUIRequest(request).then(
      settle(() => (rendered.request = request)),
      fail,
    );
  }

  /** The vendor's callbacks for one load: each answer becomes a result for the request the buttons held. */
  private callbacks(generation: number) {
    const report = (result: PayPalResult) => {
      if (!this.mounted || this.generation !== generation) return;
      this.set({ result });
      for (const listener of this.resultListeners) listener(result);
    };
    // The request the buttons held when the buyer paid: the amount the last update sent.
    const base = () => {
      const request = this.rendered?.request ?? buildPayPalRequest(this.options);
      return { provider: 'portone' as const, orderId: request.paymentId, amount: request.totalAmount / 100, currency: 'USD' as const };
    };
    const failed = (error: unknown) => {
      const { code, message } = readVendorError(error);
      const failure = { code, message, pgCode: (error as { pgCode?: unknown } | null)?.pgCode };
      const fields = { ...base(), code, message, raw: error };
      report(isPortOneCancel(failure) ? { status: 'cancel', ...fields } : { status: 'fail', ...fields, error: vendorError('portone', error) });
    };
    return {
      onPaymentSuccess: (response: PayPalUIResponse) => {
        // The SDK's rule for every response: one with `code` is a failure.
        if (response && response.code !== undefined && response.code !== null) return failed(response);
        report({
          status: 'success',
          ...base(),
          ...(typeof response?.paymentId === 'string' ? { paymentId: response.paymentId } : {}),
          ...(typeof response?.txId === 'string' ? { txId: response.txId } : {}),
          raw: response,
        });
      },
      onPaymentFail: failed,
    };
  }
}
