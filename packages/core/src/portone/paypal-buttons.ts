import { loadPaymentUI as vendorLoadPaymentUI, updateLoadPaymentUIRequest as vendorUpdateLoadPaymentUIRequest } from '@portone/browser-sdk/v2';
import { type CheckoutStatus, CheckoutStore, type OptionsTable } from '../checkout/checkout-store.js';
import { CheckoutError, readVendorError, vendorError } from '../errors.js';
import { loadScript } from '../loader.js';
import { PORTONE_V2_SCRIPT } from '../sdk-urls.js';
import type { CheckoutResult } from '../types.js';
import { validateOrderId } from '../validation.js';
import { validatePayPalAmount, validatePayPalContainer } from './paypal-rules.js';
import {
  isPortOneCancel,
  refusePortOneSecret,
  refusePortOneSecretOptions,
  refuseTossSecretsIn,
  toPortOneMinorUnits,
  validatePortOneChannelKey,
  validatePortOneStoreId,
} from './portone-validation.js';

export { PAYPAL_UI_CONTAINER_CLASS } from './paypal-rules.js';

/**
 * PortOne's PayPal Smart Payment Buttons (`loadPaymentUI` with `uiType: 'PAYPAL_SPB'`). Flat, so a
 * re-render with the same values changes nothing (objects would be new on every render).
 */
export interface PayPalButtonsOptions {
  /** 상점 아이디, `store-…`. */
  storeId: string;
  /** The channel key of your PayPal (`PAYPAL_V2`) channel. */
  channelKey: string;
  /** PortOne `paymentId`: 6–64 of `A–Z a–z 0–9 - _`, fresh per checkout attempt. */
  paymentId: string;
  orderName: string;
  /** In major units: 12.5 is 12.50 USD. Sent as minor units (1250), as PortOne expects. */
  amount: number;
  /** PayPal does not settle in KRW: `'USD'`. */
  currency: 'USD' | 'CURRENCY_USD';
  customerId?: string | undefined;
  customerName?: string | undefined;
  customerEmail?: string | undefined;
  scriptSrc?: string | undefined;
  nonce?: string | undefined;
  timeoutMs?: number | undefined;
  retries?: number | undefined;
}

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

/**
 * The `PayPalUIRequest` the buttons send, spelled out rather than imported (see types.ts: a
 * public declaration that imports the vendor's types makes every app type-check them);
 * `loadPayPalVendor` hands it to the vendor's typed functions, so tsc checks it stays assignable.
 */
export interface PayPalUIRequest {
  uiType: 'PAYPAL_SPB';
  storeId: string;
  channelKey: string;
  paymentId: string;
  orderName: string;
  /** Minor units: 1250 is 12.50 USD. */
  totalAmount: number;
  currency: 'USD';
  customer?: { customerId?: string; fullName?: string; email?: string };
}

/** What `onPaymentSuccess` receives (`PaymentResponse`). */
export interface PayPalUIResponse {
  paymentId?: string;
  txId?: string;
  code?: string | undefined;
  message?: string | undefined;
}

/**
 * The two vendor calls the buttons make; `loadPayPalVendor` gives PortOne's, tests give fakes.
 * `loadPaymentUI` takes two arguments, `(request, { onPaymentSuccess, onPaymentFail })`, as
 * `@portone/browser-sdk` types it (dist/v2/loadPaymentUI.d.ts); PortOne's PayPal guide shows one
 * object holding both, which those types refuse.
 */
export interface PayPalVendor {
  loadPaymentUI(
    request: PayPalUIRequest,
    callbacks: { onPaymentSuccess: (response: PayPalUIResponse) => void; onPaymentFail: (error: unknown) => void },
  ): Promise<void>;
  updateLoadPaymentUIRequest(request: PayPalUIRequest): Promise<void>;
}

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

/** Checks the options without loading anything and builds the `PayPalUIRequest`. */
export function buildPayPalRequest(options: PayPalButtonsOptions): PayPalUIRequest {
  if (!options || typeof options !== 'object') {
    throw new CheckoutError('INVALID_OPTION', __DEV__ ? `PayPalButtons에 { storeId, channelKey, … }를 넘겨주세요. Pass { storeId, channelKey, … }.` : '', { provider: 'portone' });
  }
  refusePortOneSecretOptions(options, 'portone');
  refusePortOneSecret(options.scriptSrc, 'scriptSrc', 'portone');
  const money = validatePayPalAmount(options.amount, options.currency);
  const paymentId = validateOrderId(options.paymentId, 'portone');
  if (typeof options.orderName !== 'string' || options.orderName.trim() === '') {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__ ? `orderName이 비어 있습니다. PayPal 창에 보일 주문명을 넘겨주세요. orderName is empty: pass the name PayPal shows.` : '',
      { provider: 'portone' },
    );
  }
  const customer = {
    ...(options.customerId ? { customerId: options.customerId } : {}),
    ...(options.customerName ? { fullName: options.customerName } : {}),
    ...(options.customerEmail ? { email: options.customerEmail } : {}),
  };
  const request: PayPalUIRequest = {
    uiType: 'PAYPAL_SPB',
    storeId: validatePortOneStoreId(options.storeId),
    channelKey: validatePortOneChannelKey(options.channelKey),
    paymentId,
    orderName: options.orderName,
    totalAmount: toPortOneMinorUnits(money),
    currency: 'USD',
    ...(Object.keys(customer).length > 0 ? { customer } : {}),
  };
  refuseTossSecretsIn(request, 'portone');
  return request;
}

/** Loads PortOne's V2 script with our loader (one tag, retries, timeout), then forwards to it. */
export async function loadPayPalVendor(options: PayPalButtonsOptions): Promise<PayPalVendor> {
  const { src, globalName } = { ...PORTONE_V2_SCRIPT, ...(options.scriptSrc ? { src: options.scriptSrc } : {}) };
  await loadScript(src, { globalName, provider: 'portone', nonce: options.nonce, timeoutMs: options.timeoutMs, retries: options.retries });
  return {
    // async, so a missing global rejects (the store reports it) rather than throwing inside a timer.
    loadPaymentUI: async (request, callbacks) => {
      ensureGlobal(src);
      return vendorLoadPaymentUI(request, callbacks);
    },
    updateLoadPaymentUIRequest: async (request) => {
      ensureGlobal(src);
      return vendorUpdateLoadPaymentUIRequest(request);
    },
  };
}

// Without `window.PortOne` the package would inject its own CDN tag: a second script, and a network
// fetch under the offline sandbox. Refuse instead, as the payment driver does.
function ensureGlobal(src: string): void {
  if (typeof window !== 'undefined' && window.PortOne) return;
  throw new CheckoutError(
    'SDK_MISSING',
    __DEV__ ? `window.PortOne이 없습니다. ${src}를 다시 불러오세요. window.PortOne is gone: ${src} must stay loaded while the PayPal buttons are shown.` : '',
    { provider: 'portone' },
  );
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
