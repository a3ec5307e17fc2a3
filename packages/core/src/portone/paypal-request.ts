import { loadPaymentUI as vendorLoadPaymentUI, updateLoadPaymentUIRequest as vendorUpdateLoadPaymentUIRequest } from '@portone/browser-sdk/v2';
import { CheckoutError } from '../errors.js';
import { loadScript } from '../loader.js';
import { PORTONE_V2_SCRIPT } from '../sdk-urls.js';
import { validateOrderId } from '../validation.js';
import { validatePayPalAmount } from './paypal-rules.js';
import { refusePortOneSecret, refusePortOneSecretOptions, refuseTossSecretsIn } from '../secrets.js';
import { toPortOneMinorUnits } from './portone-money.js';
import { validatePortOneChannelKey, validatePortOneStoreId } from './portone-ids.js';

// What the PayPal buttons send to PortOne, and the two calls that send it.

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
